"""How two claims compare: the interval each figure allows and whether two figures agree; whether
their horizons describe the same time is checks/times.py. How to say it in an editor's words is
checks/narrate.py.

Shared by the engine (pairs) and the checks; no check re-derives these on its own.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import TypeVar

from checker.checks.links import TEMPERATURE, ClassStats, Relation, Statement, Window
from checker.models import Claim
from checker.ruleset import Hedge, RuleSet

T = TypeVar("T")


# --- figures ----------------------------------------------------------------------------------

def per_rules(rules: RuleSet, name: str, build: Callable[[RuleSet], T]) -> T:
    """`build(rules)`, computed once per rule set: tables the checks look up per figure or per
    pair. One rule set is current at a time (kept alive here, so its identity is never reused)."""
    if _derived["rules"] is not rules:
        _derived.clear()
        _derived["rules"] = rules
    if name not in _derived:
        _derived[name] = build(rules)
    return _derived[name]  # type: ignore[no-any-return]


_derived: dict[str, object] = {"rules": None}


def _hedge_words(rules: RuleSet) -> dict[str, Hedge]:
    table: dict[str, Hedge] = {}
    for hedge in rules.hedges:
        for word in hedge.words:
            table.setdefault(" ".join(word.lower().split()), hedge)  # the first hedge listing a word wins
    return table


def find_hedge(qualifier: str | None, rules: RuleSet) -> Hedge | None:
    if not qualifier:
        return None
    return per_rules(rules, "hedges", _hedge_words).get(" ".join(qualifier.lower().split()))


def scale(claim: Claim) -> float:
    """Factor from a difference in the printed unit to one in the base unit the engine compares in."""
    if claim.dimension == TEMPERATURE:
        # temperature scales have offsets, so base/value is no factor; a Fahrenheit degree is 5/9 kelvin
        return 5 / 9 if "fahrenheit" in (claim.unit or "").lower() or claim.text.rstrip().endswith("F") else 1.0
    if claim.base_value is not None and claim.value:
        return claim.base_value / claim.value
    return 1.0


def central(claim: Claim) -> float | None:
    """The printed figure in comparable units (base units for physical measures)."""
    if claim.base_value is not None:
        return claim.base_value
    if claim.value is not None:
        return claim.value
    if claim.low is not None and claim.high is not None:
        return (claim.low + claim.high) / 2
    return claim.low if claim.low is not None else claim.high


# Significant digits from which a round figure is read as rounded at its last digit, not by the rounding tolerance
PRECISE_DIGITS = 3


def rounding_slack(claim: Claim, rules: RuleSet) -> float:
    """Half-width a printed figure stands for, in printed units: '3,000' and '4.8bn' ~ ±5%, '3,127' ~ ±0.5;
    a figure written to three or more significant digits is rounded at its last one: '18,340' to tens
    (±5), so 19,120 is another figure, though within 5%."""
    value = claim.value if claim.value is not None else (claim.low or claim.high or 0.0)
    if value == 0:
        return 0.5
    printed = f"{abs(value):.10g}"
    if "e" in printed:
        return rules.tolerances.rounding * abs(value)
    significant = printed.rstrip("0")
    if "." not in printed and significant != printed:  # a round figure: '3,000', '18,340', '4,800,000,000'
        if len(significant) < PRECISE_DIGITS:
            return rules.tolerances.rounding * abs(value)
        return min(rules.tolerances.rounding * abs(value), 0.5 * 10 ** (len(printed) - len(significant)))
    if "." in printed:
        return 0.5 * 10 ** -len(printed.split(".")[1])
    return 0.5


def bounds(claim: Claim, rules: RuleSet) -> tuple[float, float]:
    """The interval the figure allows, widened by its rounding, in comparable units."""
    value = claim.value
    slack = rounding_slack(claim, rules)
    if claim.low is not None or claim.high is not None:
        low = claim.low if claim.low is not None else -math.inf
        high = claim.high if claim.high is not None else math.inf
    elif value is None:
        return -math.inf, math.inf
    else:
        hedge = find_hedge(claim.qualifier, rules)
        bound = hedge.bound if hedge else ("approximate" if claim.qualifier else "exact")
        if bound == "lower":
            low, high = value, math.inf
        elif bound == "upper":
            low, high = -math.inf, value
        elif bound == "approximate":
            tolerance = (hedge.tolerance if hedge and hedge.tolerance is not None else 2 * rules.tolerances.rounding)
            low, high = value - tolerance * abs(value), value + tolerance * abs(value)
        else:
            low, high = value, value
    k = scale(claim)
    if claim.dimension == TEMPERATURE and claim.base_value is not None and value is not None:
        origin = claim.base_value - value * k  # where the printed scale's zero sits in base units
        widen = rules.tolerances.temperature_slack / 2
        return origin + (low - slack) * k - widen, origin + (high + slack) * k + widen
    low, high = (low - slack) * k, (high + slack) * k
    return (min(low, high), max(low, high))


def disjoint(a: Claim, b: Claim, rules: RuleSet) -> bool:
    """True when no single true value satisfies both figures."""
    a_low, a_high = bounds(a, rules)
    b_low, b_high = bounds(b, rules)
    return a_high < b_low or b_high < a_low


def differ(a: Claim, b: Claim, rules: RuleSet, relative: float | None = None) -> bool:
    """True when the printed figures differ beyond rounding (and `relative`, if given)."""
    x, y = central(a), central(b)
    if x is None or y is None:
        return False
    if a.dimension == TEMPERATURE or b.dimension == TEMPERATURE:
        return abs(x - y) > rules.tolerances.temperature_slack + 0.5
    allowed = max(rounding_slack(a, rules) * abs(scale(a)), rounding_slack(b, rules) * abs(scale(b)))
    if relative is not None:
        allowed = max(allowed, relative * max(abs(x), abs(y)))
    return abs(x - y) > allowed


def rounding_reach(claim: Claim, rules: RuleSet) -> float:
    """Half-width, in comparable units, within which another figure reads as this one (see differ)."""
    if claim.dimension == TEMPERATURE:
        return rules.tolerances.temperature_slack + 0.5
    return rounding_slack(claim, rules) * abs(scale(claim))


def differing(rules: RuleSet, relative: float | None = None) -> Relation:
    """`differ` as a Relation over statements: beyond the widest spread of either side (and
    `relative` of the larger figure), two figures certainly differ; within u's own spread (and
    `relative` of u's figure) they certainly do not, whatever the other's spread."""
    def window(u: Statement, stats: ClassStats) -> Window:
        reach = max(u.spread, stats.max_spread)
        if relative is not None:
            reach = max(reach, relative * max(abs(u.center), stats.max_abs))
        reach = reach * (1 + 1e-9) + 1e-12  # never let float rounding move a near figure outside
        return u.center - reach, u.center + reach
    return Relation(holds=_differ_statements(rules, relative), order="center", window=window,
                    inner=_agreeing(relative))


def _differ_statements(rules: RuleSet, relative: float | None) -> Callable[[Statement, Statement], bool]:
    """`differ` on the figures of two statements, from what each statement holds already: its
    center is central() of its figure (never None for a grouped claim) and its spread
    rounding_reach(), the very terms differ() computes, without formatting the figures per pair."""
    slack = rules.tolerances.temperature_slack + 0.5

    def holds(u: Statement, v: Statement) -> bool:
        if u.hot or v.hot:
            return abs(u.center - v.center) > slack
        allowed = max(u.spread, v.spread)
        if relative is not None:
            allowed = max(allowed, relative * max(abs(u.center), abs(v.center)))
        return abs(u.center - v.center) > allowed

    return holds


def _agreeing(relative: float | None) -> Callable[[Statement, ClassStats], Window | None]:
    """The centers around u that `differ` certainly calls the same figure: it allows the larger of
    both spreads (and `relative` of the larger figure), so u's own spread is always allowed. A
    temperature on either side allows only the temperature slack, which is a temperature's spread."""
    def inner(u: Statement, stats: ClassStats) -> Window | None:
        if not (math.isfinite(u.center) and math.isfinite(u.spread)):
            return None
        hot = u.hot
        if stats.temperature and not hot:
            return None
        reach = u.spread if hot or relative is None else max(u.spread, relative * abs(u.center))
        # shrink, never widen: a figure skipped here is never tested, so float rounding must not reach it
        reach = reach * (1 - 1e-9) - abs(u.center) * 1e-12
        return (u.center, u.center) if reach <= 0 else (u.center - reach, u.center + reach)
    return inner


def _nested(u: Statement, stats: ClassStats) -> Window | None:
    """Sorted by lower bound, an interval starting inside u's overlaps it (when every interval of
    the class runs upwards)."""
    return (u.low, u.high) if stats.ordered and u.low <= u.high else None


def disjoining(rules: RuleSet) -> Relation:
    """`disjoint` as a Relation: sorted by lower bound, every interval starting above u's ends apart."""
    return Relation(holds=lambda u, v: u.high < v.low or v.high < u.low, order="low",
                    window=lambda u, stats: (-math.inf, u.high), inner=_nested)


def differing_overlapping(rules: RuleSet, relative: float | None) -> Relation:
    """Figures that differ although both may be true: no window bounds them, but figures within u's
    own spread never differ from it."""
    differs = _differ_statements(rules, relative)
    return Relation(holds=lambda u, v: not (u.high < v.low or v.high < u.low) and differs(u, v)
                    and not _bounds_of_one_range(u, v), order="center", inner=_agreeing(relative))


def _bounds_of_one_range(u: Statement, v: Statement) -> bool:
    return opposite_bounds((u.low, u.high), (v.low, v.high))


def one_range(a: Claim, b: Claim, rules: RuleSet) -> bool:
    """'up to 2,000' and 'at least 1,800' state one range (1,800 to 2,000), not two figures: a source
    that gives both is not quoted with two figures."""
    return opposite_bounds(bounds(a, rules), bounds(b, rules))


def opposite_bounds(x: tuple[float, float], y: tuple[float, float]) -> bool:
    """One interval open only below, the other only above (overlap is tested by the caller)."""
    def open_below(i: tuple[float, float]) -> bool:
        return math.isinf(i[0]) and not math.isinf(i[1])

    def open_above(i: tuple[float, float]) -> bool:
        return math.isinf(i[1]) and not math.isinf(i[0])

    return open_below(x) and open_above(y) or open_above(x) and open_below(y)


_PRINTED_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def printed_number(claim: Claim) -> str | None:
    """The figure's first number as printed, without thousands separators ('£2,337,000' -> '2337000',
    '£4.12bn' -> '4.12'): what checks of digits (swaps, precision) read, never the parsed value."""
    found = _PRINTED_NUMBER.search(claim.text)
    return found.group().replace(",", "") if found else None


def number(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4g}"


def by_sentence(claims: Iterable[Claim]) -> list[list[Claim]]:
    """Claims grouped by the sentence they stand in, each sentence's claims in reading order."""
    sentences: dict[tuple[str, int], list[Claim]] = {}
    for claim in claims:
        sentences.setdefault((claim.document, claim.sentence_start), []).append(claim)
    return [group if len(group) == 1 else sorted(group, key=_START) for group in sentences.values()]


_START = attrgetter("start")


def connected(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components of claim-id pairs, each sorted, in order of first appearance."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    components: dict[str, list[str]] = {}
    for x in parent:
        components.setdefault(find(x), []).append(x)
    return list(components.values())


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
