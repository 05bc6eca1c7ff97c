"""Statements and the claim pairs never compared, for the engine (checker/engine.py).

Inside one group, claims collapse into statements (see checks/links.py); before that, the pairs
that must not be compared are found: two figures of one sentence printed as the ends of one range
('6C to 8C'), and claims the words around them mark as a part or as a whole ('6,500 of its 21,000
staff'). Reprinted texts come from checks/reprints.py.
"""

from __future__ import annotations

import datetime as dt

import re
from collections.abc import Iterable, Sequence

from checker.checks.compare import TEMPERATURE, bounds, by_sentence, central, per_rules, rounding_reach
from checker.checks.links import ClassKey, ClassStats, Statement, StatementIndex
from checker.models import Claim
from checker.ruleset import RuleSet


def related_sources(rules: RuleSet) -> dict[str, frozenset[str]]:
    """Source -> the sources it speaks for and those speaking for it: what Lexicon.source_relation
    calls 'related' (a body and the government it belongs to)."""
    family: dict[str, set[str]] = {}
    parents = {entry.source: entry.parent for entry in rules.sources if entry.parent}  # the lexicon's last-wins
    for child, parent in parents.items():
        family.setdefault(child, set()).add(parent)
        family.setdefault(parent, set()).add(child)
    return {source: frozenset(others) for source, others in family.items()}


def _moments(members: Sequence[Claim], days: int) -> dict[dt.date, dt.date]:
    """Each 'now' date of the group -> the first date of its run: dates within `days` of a run's first
    date join it, so '21,000 staff' on 2 March and '12,000 staff' on 3 March describe one moment."""
    dates = sorted({c.horizon_detail.start for c in members
                    if c.horizon_detail.kind == "current" and c.horizon_detail.start is not None})
    moment: dict[dt.date, dt.date] = {}
    first: dt.date | None = None
    for day in dates:
        if first is None or (day - first).days > days:
            first = day
        moment[day] = first
    return moment


def range_end_pairs(members: Sequence[Claim]) -> set[frozenset[str]]:
    """Claim pairs of one sentence printed as the two ends of one range, or as a figure and the earlier
    value it is compared with ('50,510, up 7% from 47,205 the year before'): never two claims that
    differ. Only figures near each other can be, so each is tested against the few before it."""
    pairs: set[frozenset[str]] = set()
    for sentence in by_sentence(members):
        for i, second in enumerate(sentence):
            for first in sentence[max(0, i - 3):i]:
                if _range_ends(first, second) or _compared_with_earlier(first, second):
                    pairs.add(frozenset((first.id, second.id)))
    return pairs


# what stands between a figure and its earlier value: "up 7% from 47,205", "down from"
_FROM_GAP = re.compile(r"\bfrom\s*$", re.IGNORECASE)
# what sets two figures of one sentence against each other, whatever their times: "7 in the vaccine
# group, compared with 40 in the placebo group", "50,510 against 47,205 the year before"
_CONTRAST_GAP = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?)\s*$", re.IGNORECASE)


def _compared_with_earlier(first: Claim, second: Claim) -> bool:
    if first.document != second.document or first.sentence_start != second.sentence_start:
        return False
    gap = first.sentence[first.end - first.sentence_start:second.start - second.sentence_start]
    if len(gap) <= 150 and _CONTRAST_GAP.search(gap):
        return True  # a figure and what the sentence sets it against are never one claim
    return len(gap) <= 60 and second.horizon_detail.kind == "past" and first.horizon_detail.kind != "past" \
        and _FROM_GAP.search(gap) is not None


def add_statements(index: StatementIndex, group: str, members: Sequence[Claim], roles: dict[str, Role],
                   ends: set[frozenset[str]], reprinted: set[str], rules: RuleSet, steady_days: int = 0) -> None:
    """Collapse a group's claims into statements (see checks/links.py) and link their classes.
    A claim with a pair ruled out (`ends`, or one of the `reprinted` claims) is a statement alone.
    `steady_days`: for a quantity that changes slowly, 'now' figures published this many days apart
    are figures of one moment (rules/tolerances.yaml steady_subjects)."""
    alone = {c for pair in ends for c in pair} | reprinted
    moment = _moments(members, steady_days) if steady_days else {}
    # keyed by plain tuples: hashing the Horizon model itself, once per claim, costs more than all the rest
    class_ids: dict[tuple[object, ...], int] = {}
    by_key: dict[tuple[object, ...], list[Claim]] = {}
    for claim in members:
        role = roles.get(claim.id)
        h = claim.horizon_detail
        if h.kind == "current" and h.start in moment:
            h = h.model_copy(update={"start": moment[h.start], "end": moment[h.start]})
        key = (claim.source_key, *h.key(), claim.in_headline, role)
        klass = class_ids.get(key)
        if klass is None:
            klass = class_ids[key] = len(index.classes)
            index.classes.append(ClassKey(claim.source_key, h, claim.in_headline, role))
        figure = (claim.value, claim.low, claim.high, claim.base_value, (claim.qualifier or "").lower(),
                  claim.dimension, claim.unit, claim.text.strip(), claim.kind)
        by_key.setdefault((klass, claim.document, figure, claim.id if claim.id in alone else ""), []).append(claim)
    statement_of: dict[str, int] = {}
    positions = index.by_group.setdefault(group, [])
    for (klass_id, _, _, _), same in by_key.items():
        figure = same[0]
        low, high = bounds(figure, rules)
        statement = Statement(index=len(index.statements), group=group, klass=klass_id,
                              claims=tuple(c.id for c in same), figure=figure, center=central(figure) or 0.0,
                              spread=rounding_reach(figure, rules), low=low, high=high,
                              hot=figure.dimension == TEMPERATURE)
        index.statements.append(statement)
        positions.append(statement.index)
        index.stats.setdefault(klass_id, ClassStats()).add(statement)
        for c in same:
            statement_of[c.id] = statement.index
    index.excluded |= {frozenset(statement_of[c] for c in pair) for pair in ends}
    index.reprinting |= {statement_of[c] for c in reprinted}


_WHOLE_BEFORE = re.compile(r"\b(?:of|out of|among|part of)\s+(?:its|the|their|our|his|her|all|a total of)\s*$",
                           re.IGNORECASE)
# between a part and its whole: '6,500 of its 21,000 staff', 'seven of the committee's nine members'
_WHOLE_AFTER_PART = re.compile(r"\b(?:of|out of|among|part of)\s+(?:its|the|their|our|his|her|all|a total of)"
                               r"(?:\s+[\w.-]+['’]s?)?\s*$", re.IGNORECASE)
# '2,100 of their jobs', '12,000 of its soldiers': the possessive says the figure is a share of someone's whole
_PART_AFTER = re.compile(r"^\s*of\s+(?:its|their|our|his|her)\b", re.IGNORECASE)
# 'only 1,200 of the volunteers': a count of some of them (a percentage of the members is their share)
_COUNT_OF_THE = re.compile(r"^\s*of\s+(?:the|these|those)\b", re.IGNORECASE)
# 'Of the 41 deaths, 17 ...', 'Of the 4,432,000 ballots cast, some 72,000': whole, its noun, a comma, the part
_WHOLE_FIRST = re.compile(r"^\s*[\w\s'’-]{0,40},\s*(?:[a-z]+\s+){0,3}$")
_RANGE_GAP = re.compile(r"^\s*(?:to|-|\u2013|and)\s*$", re.IGNORECASE)

Role = str  # "part" or "whole"


def part_roles(sentences: Iterable[Sequence[Claim]]) -> dict[str, Role]:
    """Claims the words around them mark as a part or as a whole: '6,500 of its 21,000 staff',
    '2,100 of their jobs ..., part of the 11,000 cuts'. A part is another quantity than its whole
    even when both carry one head (staff, jobs), and a part named in one article is not the total
    another article prints, so the engine pairs a part only with a part and a whole only with a whole.
    `sentences`: the claims by sentence, in reading order (compare.by_sentence)."""
    roles: dict[str, Role] = {}
    for sentence in sentences:
        for claim in sentence:
            at = claim.end - claim.sentence_start
            after = claim.sentence[at:at + 100]
            if _PART_AFTER.match(after) or (claim.kind != "percent" and _COUNT_OF_THE.match(after)):
                roles[claim.id] = "part"
        for first, second in zip(sentence, sentence[1:]):
            gap = first.sentence[first.end - first.sentence_start:second.start - second.sentence_start]
            if len(gap) <= 80 and _WHOLE_AFTER_PART.search(gap):
                roles.setdefault(first.id, "part")
                roles[second.id] = "whole"
            elif _WHOLE_FIRST.match(gap) and _WHOLE_BEFORE.search(first.sentence[:first.start - first.sentence_start]):
                roles[first.id] = "whole"  # 'Of the 41 deaths, 17 occurred at home'
                roles.setdefault(second.id, "part")
    return roles


def _range_ends(a: Claim, b: Claim) -> bool:
    """'fall by 6C to 8C': two ends of one range printed as two figures, not two claims that differ."""
    if a.document != b.document or a.sentence_start != b.sentence_start:
        return False
    first, second = sorted((a, b), key=lambda c: c.start)
    return bool(_RANGE_GAP.match(first.sentence[first.end - first.sentence_start:second.start - second.sentence_start]))


def is_vague(claim: Claim, rules: RuleSet) -> bool:
    """'thousands', 'dozens': an order of magnitude, which a precise figure never contradicts."""
    endings = per_rules(rules, "vague", lambda r: tuple(w.lower() for amount in r.amounts for w in amount.words))
    return " ".join(claim.text.lower().split()).endswith(endings)


class UnionFind:
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
