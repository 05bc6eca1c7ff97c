"""Claims -> groups of claims about the same quantity -> statements the checks relate.

Grouping runs in two steps so the work stays linear in the number of claims:

1. pandas groups the claims table by (subject head, family): the head comes from the lexicon
   (troops, soldiers and personnel share the head `troops`), read for each claim by
   checker/profiles.py; the family keeps counts, percents, money in one currency and each
   physical dimension apart.
2. each such block is split by what makes one head a different quantity: a place ("in Kursk"
   vs "in Russia") and splitting modifiers ("civilian" vs "military"). A claim that leaves a
   slot open joins the largest block it does not conflict with: an unplaced count of troops
   is read as the whole, not as the part in one named place.

Within each group the claims then collapse into statements (checks/links.py), with the pairs
that are never compared: two ends of one range, and one text reprinted by two outlets (wire
copies). The only module that imports pandas: the claims table is blocked by (head, family) with
one `groupby`; the splits inside a block and the statements read plain records, since a DataFrame
per block costs more than the work it would hold.

Draft mode (`focus`): every claim is still grouped, so groups are exactly those of a full run,
but statements and reprints are built only for groups that hold a draft claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.checks.base import ClaimGroup, Story, Waiver
from checker.checks.compare import by_sentence
from checker.checks.times import SameTime, comparable_horizons
from checker.checks.conversion import restatements
from checker.checks.links import ClassKey, Link, StatementIndex
from checker.checks.reprints import Reprints
from checker.lexicon import Lexicon
from checker.models import Claim, Document, Finding, Horizon
from checker.profiles import Row, bare_units_join, claim_rows, contrasted_places, shared_lexicon
from checker.ruleset import RuleSet
from checker.within_article import read_in_article
from checker.statements import UnionFind, add_statements, is_vague, part_roles, range_end_pairs, related_sources

if TYPE_CHECKING:
    import pandas as pd


def claims_table(rows: list[Row]) -> pd.DataFrame:
    """The table the rule engine groups: one row per groupable claim, in claim order."""
    import pandas as pd  # here, not at the top: extract and index never group, and pandas takes 0.4 s to load

    return pd.DataFrame({"id": [r.id for r in rows], "document": [r.document for r in rows],
                         "head": [r.head for r in rows], "family": [r.family for r in rows],
                         "place": [r.place for r in rows], "source_key": [r.source_key for r in rows]})


def assign_groups(rows: list[Row], apart: frozenset[str] = frozenset(),
                  part_sets: frozenset[int] = frozenset()) -> list[str]:
    """Group id for every row of `claim_rows`: pandas blocks the table by (head, family) in one
    vectorised pass; each block, in sorted order, is split into bins of places and modifiers, then
    by identity, reading the rows themselves (a block is small, and a DataFrame per block costs
    more than the split)."""
    table = claims_table(rows)
    blocks = table.groupby(["head", "family"], sort=True).indices
    main = _main_place(table)
    labels = [""] * len(rows)
    taken: set[str] = set()
    for head, family in sorted(blocks):
        positions = blocks[(head, family)].tolist()  # ascending: claim order
        for bin_rows, (place, modifiers) in _split(positions, rows, apart, part_sets, main):
            for members, identity in _split_identity(bin_rows, rows):
                group_id = _group_id(head, family, (place, {**modifiers, **identity}), taken)
                for position in members:
                    labels[position] = group_id
    return labels


@dataclass
class _Bin:
    rows: list[int]
    place: str | None
    modifiers: dict[int, str] = field(default_factory=dict)

    def specificity(self) -> int:
        return (self.place is not None) + len(self.modifiers)

    def fits(self, place: str | None, modifiers: dict[int, str]) -> bool:
        if place and self.place and place != self.place:
            return False
        return all(self.modifiers.get(k, v) == v for k, v in modifiers.items())

    def absorb(self, other: _Bin) -> None:
        self.rows.extend(other.rows)


def _main_place(table: pd.DataFrame) -> str | None:
    """The place most of the story's articles set their figures in ('in Talvera' in a story about Talvera),
    if one place leads: a figure placed there is the story's figure, never a part beside its whole."""
    placed = table.dropna(subset=["place"])
    if placed.empty:
        return None
    articles = placed.groupby("place")["document"].nunique().sort_values(ascending=False)
    total = table["document"].nunique()
    leads = len(articles) == 1 or articles.iloc[0] > articles.iloc[1]
    return str(articles.index[0]) if leads and articles.iloc[0] >= 2 and 2 * articles.iloc[0] >= total else None


def _split(positions: list[int], rows: list[Row], apart: frozenset[str] = frozenset(),
           part_sets: frozenset[int] = frozenset(),
           main: str | None = None) -> list[tuple[list[int], tuple[str | None, dict[int, str]]]]:
    """Bins of rows whose place and modifiers never conflict.

    Rows first gather by exact signature (place, modifiers). A less specific bin then joins the
    largest compatible more specific bin — but only when that bin is confirmed by two claims (or
    the joining bin is a single claim) and holds more than half as many as join it: a place several
    claims name is the story's main place and the unplaced counts left it out, while one claim "in
    Kursk" beside nine unplaced counts is a part beside its whole, and so are two "1,200 jobs in
    Germany" beside five "1,800 jobs" worldwide. The `apart` places ('cast abroad', 'across the
    region') and members of `part_sets` ('healthcare' jobs) are never left out: only bins that name
    them too join them.
    """
    bins: dict[tuple[str | None, frozenset[tuple[int, str]]], _Bin] = {}
    for position in positions:
        row = rows[position]
        bins.setdefault((row.place, row.modifiers), _Bin([], row.place, dict(row.modifiers))).rows.append(position)
    if len(bins) == 1:
        only = next(iter(bins.values()))
        return [(only.rows, (only.place, only.modifiers))]
    ordered = sorted(bins.values(), key=lambda b: (b.specificity(), len(b.rows)), reverse=True)
    kept: list[_Bin] = []
    for candidate in ordered:
        joining = len(candidate.rows)
        hosts = [b for b in kept if b.specificity() > candidate.specificity()
                 and len(b.rows) >= min(2, joining) and 2 * len(b.rows) > joining
                 and b.fits(candidate.place, candidate.modifiers)
                 and (b.place not in apart or candidate.place == b.place)
                 and all(candidate.modifiers.get(index) == member for index, member in b.modifiers.items()
                         if index in part_sets)]
        if hosts:
            max(hosts, key=lambda b: len(b.rows)).absorb(candidate)
        else:
            kept.append(candidate)
    for placed in [b for b in kept if main is not None and b.place == main]:
        # too few to host the unplaced figures, but the story's own place: they left it out, not a part
        host = next((b for b in kept if b.place is None and b.modifiers == placed.modifiers), None)
        if host is not None:
            host.absorb(placed)
            kept.remove(placed)
    return [(sorted(b.rows), (b.place, b.modifiers)) for b in kept]  # positions follow claim order


def _split_identity(positions: list[int], rows: list[Row]) -> list[tuple[list[int], dict[int, str]]]:
    """Split a bin only where two identities differ (North Korean vs Russian troops); claims that
    name no identity join the largest identity present."""
    by_identity: dict[frozenset[tuple[int, str]], list[int]] = {}
    for position in positions:
        by_identity.setdefault(rows[position].identity, []).append(position)
    unnamed = by_identity.pop(frozenset(), [])
    if not by_identity:
        return [(unnamed, {})]
    largest = max(by_identity, key=lambda k: (len(by_identity[k]), sorted(k)))
    by_identity[largest] = by_identity[largest] + unnamed
    return [(sorted(ids), dict(identity)) for identity, ids in by_identity.items()]


def _group_id(head: str, family: str, signature: tuple[str | None, dict[int, str]], taken: set[str]) -> str:
    place, modifiers = signature
    parts = [*sorted(modifiers.values()), head]
    if place:
        parts += ["in", place]
    if family != "count":
        parts.append(family.split(":", 1)[0] if family.startswith("measure:") else family.replace(":", "-"))
    base = "g-" + re.sub(r"[^a-z0-9]+", "-", " ".join(parts).lower()).strip("-")
    group_id, n = base, 2
    while group_id in taken:
        group_id, n = f"{base}-{n}", n + 1
    taken.add(group_id)
    return group_id


def build_groups(claims: Sequence[Claim], rows: list[Row], labels: list[str]) -> list[ClaimGroup]:
    by_id = {c.id: c for c in claims}
    members: dict[str, list[Row]] = {}
    for row, label in zip(rows, labels):
        members.setdefault(label, []).append(row)  # in claim order
    groups = []
    for group_id, block in sorted(members.items()):
        ids = [r.id for r in block]
        place = next((r.place for r in block if r.place is not None), None)
        modifiers = sorted({m for r in block for _, m in r.modifiers})
        label = " ".join([*modifiers, block[0].head]) + (f" in {place.title()}" if place else "")
        units = [by_id[i].unit for i in ids if by_id[i].unit]
        groups.append(ClaimGroup(id=group_id, head=block[0].head, label=label,
                                 unit=units[0] if units else None, family=block[0].family, claims=ids))
    return groups


def _times(rules: RuleSet) -> Callable[[Horizon, Horizon], bool]:
    """comparable_horizons, decided once per pair of horizons: classes are per group, so many pairs of
    classes share their horizons. The key holds all comparable_horizons reads: with the words and the
    dateline hour left out, "nine on Tuesday afternoon" met a morning's "seven" or not by which pair came first."""
    known: dict[tuple[object, ...], bool] = {}

    def comparable(a: Horizon, b: Horizon) -> bool:
        key = (*a.key(), *b.key())
        if key not in known:
            known[key] = comparable_horizons(a, b, rules)
        return known[key]

    return comparable


def _linker(lexicon: Lexicon, times: Callable[[Horizon, Horizon], bool]) -> Callable[[ClassKey, ClassKey], Link]:
    """How two classes meet: their sources, and whether their horizons describe one time."""
    def link(x: ClassKey, y: ClassKey) -> Link:
        return Link(sources=lexicon.source_relation(x.source_key, y.source_key),
                    horizons_comparable=times(x.horizon, y.horizon))

    return link


def build_story(documents: Sequence[Document], claims: Sequence[Claim], rules: RuleSet,
                lexicon: Lexicon | None = None, findings: Sequence[Finding] = (),
                waivers: Sequence[Waiver] = (), focus: Collection[str] | None = None) -> Story:
    """The checks' view of `claims`. `focus` (draft mode): the claims whose findings matter."""
    memo: Memo | None = None
    if lexicon is None:
        lexicon, memo = shared_lexicon(rules, len(claims))
    by_id = {c.id: c for c in claims}
    rows, scenes = read_in_article(bare_units_join(claim_rows(claims, lexicon, memo), by_id, lexicon.measure_words),
                                    by_id, lexicon)
    times = _times(rules)
    related = {source: set(others) for source, others in related_sources(rules).items()}
    for source, others in lexicon.generic_family(c.source_key for c in claims).items():  # "the ministry"
        related.setdefault(source, set()).update(others)
    index = StatementIndex(linker=_linker(lexicon, times),
                           related_sources={source: frozenset(others) for source, others in related.items()},
                           source_relation=lexicon.source_relation, comparable=times,
                           same_times=lambda horizons: SameTime(horizons, rules))
    focused = None if focus is None else frozenset(focus)
    copies = UnionFind()
    apart = frozenset(p for p in (lexicon.apart_place, lexicon.local_place) if p)
    apart |= contrasted_places(claims, lexicon) | scenes
    groups = build_groups(claims, rows, assign_groups(rows, apart, lexicon.part_sets)) if rows else []
    if groups:
        sentences = by_sentence(claims)  # read once for both
        restated = restatements(sentences)
        roles = part_roles(sentences)
        vague = {c.id for c in claims if is_vague(c, rules)}
        reprints = Reprints(rules, roles)
        index.reprint_pair = reprints.pair
        # no finding from a group without a draft claim is reported in draft mode: nothing to build there
        built = [g for g in groups if focused is None or not focused.isdisjoint(g.claims)]
        # a bracketed conversion repeats its figure (CC201 checks it); 'thousands' commits to no figure
        members = [[by_id[i] for i in g.claims if i not in restated and i not in vague] for g in built]
        for group, claims_of_group, joined_sets in zip(built, members, reprints.connect(members)):
            reprinted: set[str] = set()
            for joined in joined_sets:
                reprinted.update(joined)
                for other in joined[1:]:
                    copies.union(joined[0], other)
            add_statements(index, group.id, claims_of_group, roles, range_end_pairs(claims_of_group), reprinted, rules,
                           steady_days=rules.tolerances.steady_subjects.get(group.head, 0))
    if focused is not None:
        index.focus = {s.index for s in index.statements if not focused.isdisjoint(s.claims)}
    return Story(documents={d.id: d for d in documents}, claims=dict(by_id), groups=groups, links=index,
                 wire_copies=copies.clusters(), rules=rules, lexicon=lexicon,
                 findings=list(findings), waivers=list(waivers), focus=focused)
