"""Claims -> a pandas table -> groups of claims about the same quantity -> candidate pairs.

The only module that imports pandas. Grouping runs in two steps so the work stays linear in
the number of claims, except within a group:

1. `groupby` on (subject head, family): the head comes from the lexicon (troops, soldiers and
   personnel share the head `troops`); the family keeps counts, percents, money in one currency
   and each physical dimension apart.
2. each such block is split by what makes one head a different quantity: a place ("in Kursk"
   vs "in Russia") and splitting modifiers ("civilian" vs "military"). A claim that leaves a
   slot open joins the largest block it does not conflict with: an unplaced count of troops
   is read as the whole, not as the part in one named place.

Pairs are then formed only inside groups (a self-merge on the group id), each annotated with
whether the sources are one voice, whether the horizons describe one time, and whether the
two sentences are one text reprinted by two outlets (wire copies).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from checker.checks.base import ClaimGroup, Story, Waiver
from checker.checks.compare import bounds, by_sentence, central, comparable_horizons, rounding_reach
from checker.checks.reprints import reprinted_pairs
from checker.checks.links import ClassKey, ClassStats, Link, Statement, StatementIndex
from checker.checks.conversion import restatements
from checker.lexicon import Lexicon, SubjectProfile, first_clause, plain_words, singular
from checker.models import Claim, Document, Finding
from checker.ruleset import RuleSet

COLUMNS = ["id", "document", "head", "family", "place", "modifiers", "identity", "source_key", "order"]


def claims_frame(claims: Sequence[Claim], lexicon: Lexicon) -> pd.DataFrame:
    """One row per groupable claim (a value and a counted thing); the rest stay ungrouped."""
    rows = []
    for order, claim in enumerate(claims):
        if claim.value is None and claim.low is None and claim.high is None:
            continue
        profile = _profile(claim, lexicon)
        if profile is None:
            continue
        identity = frozenset(m for m in profile.modifiers if m[0] in lexicon.identity_sets)
        rows.append({"id": claim.id, "document": claim.document, "head": profile.head, "family": _family(claim),
                     "place": profile.place, "modifiers": profile.modifiers - identity, "identity": identity,
                     "source_key": claim.source_key, "order": order})
    return pd.DataFrame(rows, columns=COLUMNS)


def _profile(claim: Claim, lexicon: Lexicon) -> SubjectProfile | None:
    at = claim.end - claim.sentence_start
    after = claim.sentence[at:at + 1000] if claim.sentence else ""  # readers take the first clause only
    if claim.kind == "percent":
        return _percent_profile(claim, lexicon, after)
    if claim.kind == "measure" or claim.dimension:
        # a physical unit names no subject: '1,300 square kilometres' alone groups with nothing
        return lexicon.profile(claim.subject, None, after)
    if _is_back_reference(claim):
        return None
    if claim.subject_key and not claim.subject:
        profile = lexicon.profile(claim.subject_key, None, after)
    else:
        profile = lexicon.profile(claim.subject, claim.unit, after)
    counted = lexicon.counted_by(_before(claim)) if profile is not None and claim.kind == "count" else None
    if profile is not None and counted is not None:
        return SubjectProfile(counted, profile.place, profile.modifiers)  # 'employs 85,000 people': employees
    return profile


def _before(claim: Claim, reach: int = 200) -> str:
    """The sentence's last words before the figure. Every reader of it looks at a few words only
    ('rose by about', 'employs', 'the two'), so a long sentence is not copied once per figure."""
    if not claim.sentence:
        return ""
    end = max(0, claim.start - claim.sentence_start)
    if end <= reach:
        return claim.sentence[:end]
    tail = claim.sentence[end - reach:end]
    return tail.split(None, 1)[-1] if tail[:1].strip() else tail  # never start inside a word


def _percent_profile(claim: Claim, lexicon: Lexicon, after: str) -> SubjectProfile | None:
    """A percent's subject is usually its base ('68% of members'), not what it measures: '68% of
    members took part' and '91% of members voted' share a base and are different quantities. The
    first content word after the base ('took', 'voted', 'ran', 'cancelled') joins the head, so only
    shares of one base doing one thing meet; a share that names no base is not grouped. A wording
    listed under `share_measures` (rules/subjects.yaml) names the share whatever its base."""
    subject = claim.subject or ""
    measure = lexicon.share_measure(subject, first_clause(after))
    if measure is not None and not _is_change(claim, after):
        return SubjectProfile(measure, None, frozenset())  # 'took part' and 'turnout' are one share
    if not subject or lexicon.names_nothing(subject):
        return None
    profile = lexicon.profile(subject, None, after)
    if profile is None:
        return None
    base_words = {singular(w) for w in plain_words(subject)}
    clause = _PERCENT_WORD.sub(" ", first_clause(after))
    predicate = next((w for w in (singular(w) for w in plain_words(clause))
                      if w not in base_words and w not in _FUNCTION_WORDS and not w[0].isdigit()), "")
    head = f"{profile.head} {predicate}".strip()
    return SubjectProfile(head, profile.place, profile.modifiers)


def _is_change(claim: Claim, after: str) -> bool:
    """'turnout fell by 5%', '5% higher': a change in the share, never the share itself."""
    return bool(_CHANGE_BEFORE.search(_before(claim)) or _CHANGE_AFTER.match(after))


_CHANGE_BEFORE = re.compile(r"\b(?:by|rose|fell|up|down|increased|decreased|dropped|climbed|grew|jumped|slipped)"
                            r"(?:\s+(?:about|around|nearly|almost|some|roughly))?\s*$", re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"^\s*(?:%|per\s*cent|percent)?\s*(?:points?\s+)?(?:higher|lower|up|down|more|less|fewer)\b",
                           re.IGNORECASE)
_PERCENT_WORD = re.compile(r"^\s*(?:%|per\s*cent|percent)", re.IGNORECASE)
# Words after a percentage that say nothing about what it measures: grammar, time and scale words.
_FUNCTION_WORDS = frozenset("""of from to on in at by for with than against over under into onto up down its their
his her our this that these those them it they who whom which what had has have having been be being was were is
are will would could may might can do did does not also just only year years earlier month months quarter week
weeks day days ago last previous next coming end same period time billion million thousand trillion bn m per cent percent point
points""".split())

_DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|both|all|its|their|his|her)\s+$", re.IGNORECASE)


def _is_back_reference(claim: Claim) -> bool:
    """'the two nations', 'the three men': a small number after a determiner points back at things
    already named; it restates, it does not claim a count, and comparing it would only mislead."""
    if claim.value is None or claim.value >= 10 or not claim.sentence:
        return False
    return bool(_DETERMINER_BEFORE.search(_before(claim)))


def _family(claim: Claim) -> str:
    if claim.kind == "percent":
        return "percent"
    if claim.kind == "money":
        return f"money:{(claim.unit or '').lower()}"
    if claim.dimension:
        return f"measure:{claim.dimension}"
    return "count"


def assign_groups(frame: pd.DataFrame) -> pd.Series:
    """Group id for every row of `claims_frame`. pandas does the one grouping by (head, family);
    the split inside each block reads plain records, since a per-block DataFrame costs
    milliseconds and a story may hold thousands of blocks."""
    records = frame.to_dict("records")
    order = frame["order"].tolist()
    labels: list[str | None] = [None] * len(records)
    taken: set[str] = set()
    for (head, family), positions in sorted(frame.groupby(["head", "family"]).indices.items()):
        rows = sorted(positions.tolist(), key=order.__getitem__)
        for bin_rows, (place, modifiers) in _split(rows, records):
            for members, identity in _split_identity(bin_rows, records):
                group_id = _group_id(str(head), str(family), (place, {**modifiers, **identity}), taken)
                for row in members:
                    labels[row] = group_id
    return pd.Series(labels, index=frame.index, dtype=object)


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


def _split(rows: list[int], records: list[dict[str, object]]) -> list[tuple[list[int], tuple[str | None, dict[int, str]]]]:
    """Bins of rows whose place and modifiers never conflict.

    Rows first gather by exact signature (place, modifiers). A less specific bin then joins the
    largest compatible more specific bin — but only when that bin is confirmed by two claims (or
    the joining bin is a single claim): a place several claims name is the story's main place and
    the unplaced counts left it out, while one claim "in Kursk" beside nine unplaced counts is a
    part beside its whole.
    """
    bins: dict[tuple[str | None, frozenset[tuple[int, str]]], _Bin] = {}
    for row in rows:
        place = records[row]["place"] if isinstance(records[row]["place"], str) else None  # pandas may hold NaN
        key = (place, records[row]["modifiers"])
        bins.setdefault(key, _Bin([], place, dict(records[row]["modifiers"]))).rows.append(row)
    if len(bins) == 1:
        only = next(iter(bins.values()))
        return [(only.rows, (only.place, only.modifiers))]
    ordered = sorted(bins.values(), key=lambda b: (b.specificity(), len(b.rows)), reverse=True)
    kept: list[_Bin] = []
    for candidate in ordered:
        hosts = [b for b in kept if b.specificity() > candidate.specificity()
                 and len(b.rows) >= min(2, len(candidate.rows)) and b.fits(candidate.place, candidate.modifiers)]
        if hosts:
            max(hosts, key=lambda b: len(b.rows)).absorb(candidate)
        else:
            kept.append(candidate)
    return [(sorted(b.rows, key=lambda i: records[i]["order"]), (b.place, b.modifiers)) for b in kept]


def _split_identity(rows: list[int], records: list[dict[str, object]]) -> list[tuple[list[int], dict[int, str]]]:
    """Split a bin only where two identities differ (North Korean vs Russian troops); claims that
    name no identity join the largest identity present."""
    by_identity: dict[frozenset[tuple[int, str]], list[int]] = {}
    for row in rows:
        by_identity.setdefault(records[row]["identity"], []).append(row)  # type: ignore[arg-type]
    unnamed = by_identity.pop(frozenset(), [])
    if not by_identity:
        return [(unnamed, {})]
    largest = max(by_identity, key=lambda k: (len(by_identity[k]), sorted(k)))
    by_identity[largest] = by_identity[largest] + unnamed
    return [(sorted(ids, key=lambda i: records[i]["order"]), dict(identity))  # type: ignore[arg-type, return-value]
            for identity, ids in by_identity.items()]


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


def build_groups(claims: Sequence[Claim], frame: pd.DataFrame) -> list[ClaimGroup]:
    by_id = {c.id: c for c in claims}
    records = frame.to_dict("records")
    groups = []
    for group_id, positions in sorted(frame.groupby("group").indices.items()):
        block = sorted((records[i] for i in positions), key=lambda r: r["order"])
        ids = [str(r["id"]) for r in block]
        place = next((r["place"] for r in block if isinstance(r["place"], str)), None)
        modifiers = sorted({m for r in block for _, m in r["modifiers"]})  # type: ignore[attr-defined]
        label = " ".join([*modifiers, str(block[0]["head"])]) + (f" in {place.title()}" if place else "")
        units = [by_id[i].unit for i in ids if by_id[i].unit]
        groups.append(ClaimGroup(id=str(group_id), head=str(block[0]["head"]), label=label,
                                 unit=units[0] if units else None, family=str(block[0]["family"]), claims=ids))
    return groups


def build_story(documents: Sequence[Document], claims: Sequence[Claim], rules: RuleSet,
                lexicon: Lexicon | None = None, findings: Sequence[Finding] = (),
                waivers: Sequence[Waiver] = ()) -> Story:
    lexicon = lexicon or Lexicon(rules)
    by_id = {c.id: c for c in claims}
    frame = claims_frame(claims, lexicon)
    groups: list[ClaimGroup] = []
    index = StatementIndex(linker=lambda x, y: Link(
        sources=lexicon.source_relation(x.source_key, y.source_key),
        horizons_comparable=comparable_horizons(x.horizon, y.horizon, rules)))
    copies = _UnionFind()
    if not frame.empty:
        frame = frame.assign(group=assign_groups(frame))
        groups = build_groups(claims, frame)
        restated = restatements(claims)
        roles = part_roles(claims)
        vague = {c.id for c in claims if _is_vague(c, rules)}
        for group in groups:
            # a bracketed conversion repeats its figure (CC201 checks it); 'thousands' commits to no figure
            members = [by_id[i] for i in group.claims if i not in restated and i not in vague]
            ends = _range_end_pairs(members)
            reprints = reprinted_pairs(members, roles, rules)
            for a, b in reprints:
                copies.union(a, b)
            add_statements(index, group.id, members, roles, ends, reprints, lexicon, rules)
    return Story(documents={d.id: d for d in documents}, claims=dict(by_id), groups=groups, links=index,
                 wire_copies=copies.clusters(), rules=rules, lexicon=lexicon,
                 findings=list(findings), waivers=list(waivers))


def _range_end_pairs(members: Sequence[Claim]) -> set[frozenset[str]]:
    """Claim pairs of one sentence printed as the two ends of one range. Only figures next to each
    other can be ('6C to 8C'), so each is tested against the few before it."""
    pairs: set[frozenset[str]] = set()
    for sentence in by_sentence(members):
        for i, second in enumerate(sentence):
            for first in sentence[max(0, i - 3):i]:
                if _range_ends(first, second):
                    pairs.add(frozenset((first.id, second.id)))
    return pairs


def add_statements(index: StatementIndex, group: str, members: Sequence[Claim], roles: dict[str, Role],
                   ends: set[frozenset[str]], reprints: list[tuple[str, str]], lexicon: Lexicon,
                   rules: RuleSet) -> None:
    """Collapse a group's claims into statements (see checks/links.py) and link their classes."""
    alone = {c for pair in ends for c in pair} | {c for pair in reprints for c in pair}
    class_ids: dict[ClassKey, int] = {}
    by_key: dict[tuple[object, ...], list[Claim]] = {}
    for claim in members:
        klass = ClassKey(claim.source_key, claim.horizon_detail, claim.in_headline, roles.get(claim.id))
        if klass not in class_ids:
            class_ids[klass] = len(index.classes)
            index.classes.append(klass)
        figure = (claim.value, claim.low, claim.high, claim.base_value, (claim.qualifier or "").lower(),
                  claim.dimension, claim.unit, claim.text.strip(), claim.kind)
        by_key.setdefault((class_ids[klass], claim.document, figure, claim.id if claim.id in alone else ""), []).append(claim)
    statement_of: dict[str, int] = {}
    positions = index.by_group.setdefault(group, [])
    for (klass_id, _, _, _), same in by_key.items():
        figure = same[0]
        low, high = bounds(figure, rules)
        statement = Statement(index=len(index.statements), group=group, klass=klass_id,
                              claims=tuple(c.id for c in same), figure=figure, center=central(figure) or 0.0,
                              spread=rounding_reach(figure, rules), low=low, high=high)
        index.statements.append(statement)
        positions.append(statement.index)
        index.stats.setdefault(klass_id, ClassStats()).add(statement)
        for c in same:
            statement_of[c.id] = statement.index
    index.excluded |= {frozenset(statement_of[c] for c in pair) for pair in ends}
    index.reprinted |= {frozenset((statement_of[a], statement_of[b])) for a, b in reprints}


_WHOLE_BEFORE = re.compile(r"\b(?:of|out of|among|part of)\s+(?:its|the|their|our|his|her|all|a total of)\s*$",
                           re.IGNORECASE)
# '2,100 of their jobs', '12,000 of its soldiers': the possessive says the figure is a share of someone's whole
_PART_AFTER = re.compile(r"^\s*of\s+(?:its|their|our|his|her)\b", re.IGNORECASE)
_RANGE_GAP = re.compile(r"^\s*(?:to|-|\u2013|and)\s*$", re.IGNORECASE)

Role = str  # "part" or "whole"


def part_roles(claims: Sequence[Claim]) -> dict[str, Role]:
    """Claims the words around them mark as a part or as a whole: '6,500 of its 21,000 staff',
    '2,100 of their jobs ..., part of the 11,000 cuts'. A part is another quantity than its whole
    even when both carry one head (staff, jobs), and a part named in one article is not the total
    another article prints, so the engine pairs a part only with a part and a whole only with a whole."""
    roles: dict[str, Role] = {}
    for sentence in by_sentence(claims):
        for claim in sentence:
            at = claim.end - claim.sentence_start
            if _PART_AFTER.match(claim.sentence[at:at + 100]):
                roles[claim.id] = "part"
        for part, whole in zip(sentence, sentence[1:]):
            gap = part.sentence[part.end - part.sentence_start:whole.start - whole.sentence_start]
            if len(gap) <= 80 and _WHOLE_BEFORE.search(gap):
                roles.setdefault(part.id, "part")
                roles[whole.id] = "whole"
    return roles


def _range_ends(a: Claim, b: Claim) -> bool:
    """'fall by 6C to 8C': two ends of one range printed as two figures, not two claims that differ."""
    if a.document != b.document or a.sentence_start != b.sentence_start:
        return False
    first, second = sorted((a, b), key=lambda c: c.start)
    return bool(_RANGE_GAP.match(first.sentence[first.end - first.sentence_start:second.start - second.sentence_start]))


def _is_vague(claim: Claim, rules: RuleSet) -> bool:
    """'thousands', 'dozens': an order of magnitude, which a precise figure never contradicts."""
    words = " ".join(claim.text.lower().split())
    return any(words.endswith(w.lower()) for amount in rules.amounts for w in amount.words)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)

    def clusters(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return sorted((sorted(v) for v in out.values() if len(v) > 1), key=lambda c: c[0])
