"""How two claims compare: the interval each figure allows, whether two figures agree, whether
their horizons describe the same time. How to say it in an editor's words is checks/narrate.py.

Shared by the engine (pairs) and the checks; no check re-derives these on its own.
"""

from __future__ import annotations

import re

import datetime as dt
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import TypeVar

from checker.checks.links import TEMPERATURE, ClassStats, Relation, Statement, Window
from checker.models import Claim, Horizon
from checker.ruleset import Hedge, RuleSet

NOW_KINDS = {"current", "point"}
FUTURE_KINDS = {"deadline", "eventual"}
PAST_KINDS = {"past", "period"}
# Kind pairs whose figures describe the same time, when the rules give no `comparable:` list.
DEFAULT_COMPARABLE = {
    frozenset({"current"}), frozenset({"point"}), frozenset({"current", "point"}),
    frozenset({"deadline"}), frozenset({"eventual"}), frozenset({"deadline", "eventual"}),
    frozenset({"past"}), frozenset({"period"}), frozenset({"past", "period"}),
    frozenset({"unknown"}), frozenset({"unknown", "current"}), frozenset({"unknown", "point"}),
}

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


def rounding_slack(claim: Claim, rules: RuleSet) -> float:
    """Half-width a printed figure stands for, in printed units: '3,000' ~ ±5%, '3,127' ~ ±0.5."""
    value = claim.value if claim.value is not None else (claim.low or claim.high or 0.0)
    if value == 0:
        return 0.5
    printed = f"{abs(value):.10g}"
    if "e" in printed or ("." not in printed and printed.rstrip("0") != printed):
        return rules.tolerances.rounding * abs(value)
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


# --- horizons ---------------------------------------------------------------------------------

def comparable_horizons(a: Horizon, b: Horizon, rules: RuleSet) -> bool:
    """True when both figures describe the same time, so a difference is not explained by time.

    Which kinds may meet comes from rules/horizons.yaml `comparable:` (a kind always meets
    itself); dated horizons must then also overlap, within `horizon_window_days`.
    """
    allowed = per_rules(rules, "comparable", _comparable_kinds)
    if a.kind != b.kind and frozenset({a.kind, b.kind}) not in allowed:
        return False
    if a.kind == "deadline" and b.kind == "deadline":
        return _within(a.end, b.end, max(rules.tolerances.horizon_window_days, 31))
    if {a.kind, b.kind} & {"eventual", "unknown"}:
        return True
    if _runs_from_unstated_day(a) or _runs_from_unstated_day(b):
        # "68,000 have crossed since the fighting began": a running total, as of its end
        return _within(_span(a)[1], _span(b)[1], rules.tolerances.horizon_window_days)
    if _is_point(a) != _is_point(b) and max(_days(a), _days(b)) > POINT_VS_PERIOD_DAYS:
        # '164 patients on Tuesday' and '540 admitted since late June': a count at a moment and a total
        # over weeks are different quantities, even when the moment falls inside the weeks
        return False
    if not _is_point(a) and not _is_point(b) and not _same_span(_span(a), _span(b), rules.tolerances.horizon_window_days):
        # '58,000 since 2 March' on the 11th and '71,500 since 2 March' on the 13th: a total over a span
        # grows with it, so two spans are one time only when their ends (and starts) nearly meet
        return False
    return _overlap(_span(a), _span(b), rules.tolerances.horizon_window_days)


POINT_VS_PERIOD_DAYS = 7
# Of the longer span: 'in 2024' and 'January to December' are one time; a week and ten days, or totals to the
# 11th and to the 13th, are not. Starts may differ more ('since late August' and 'since 28 August' over six weeks):
# a running total is read by its end.
END_SLACK = 0.1
START_SLACK = 0.2


def _same_span(x: tuple[dt.date | None, dt.date | None], y: tuple[dt.date | None, dt.date | None],
               days: int) -> bool:
    if None in x or None in y:
        return True  # an open end: nothing to set apart
    longest = max((x[1] - x[0]).days, (y[1] - y[0]).days)  # type: ignore[operator]
    return abs((x[0] - y[0]).days) <= max(days, int(longest * START_SLACK)) \
        and abs((x[1] - y[1]).days) <= max(days, int(longest * END_SLACK))  # type: ignore[operator]


def _runs_from_unstated_day(h: Horizon) -> bool:
    return h.kind in PAST_KINDS and h.start is None and h.end is not None


def _is_point(h: Horizon) -> bool:
    start, end = _span(h)
    return start is not None and start == end


def _days(h: Horizon) -> int:
    start, end = _span(h)
    return (end - start).days + 1 if start is not None and end is not None else 0


def _comparable_kinds(rules: RuleSet) -> set[frozenset[str]]:
    return {frozenset(pair) for pair in rules.comparable} or DEFAULT_COMPARABLE


def _span(h: Horizon) -> tuple[dt.date | None, dt.date | None]:
    if h.kind in NOW_KINDS:
        moment = h.start or h.end
        return moment, moment
    return h.start, h.end


def _overlap(x: tuple[dt.date | None, dt.date | None], y: tuple[dt.date | None, dt.date | None], days: int) -> bool:
    slack = dt.timedelta(days=days)
    x_start, x_end = x
    y_start, y_end = y
    if x_start is not None and y_end is not None and x_start > y_end + slack:
        return False
    if y_start is not None and x_end is not None and y_start > x_end + slack:
        return False
    return True


class SameTime:
    """Which of many horizons may describe the same time as one of them, found by kind and date
    instead of by asking comparable_horizons about every pair: `candidates(i)` is a superset of
    the horizons it accepts (kinds that may meet; for two deadlines, ends within the window;
    otherwise spans that overlap within the window), so only those need asking. It mirrors
    comparable_horizons above: a rule there that lets more horizons meet must widen this too
    (tests/test_search.py compares both on random horizons)."""

    def __init__(self, horizons: Sequence[Horizon], rules: RuleSet) -> None:
        self.horizons, self.rules = list(horizons), rules
        self.window = rules.tolerances.horizon_window_days
        self.by_kind: dict[str, list[int]] = {}
        for i, h in enumerate(self.horizons):
            self.by_kind.setdefault(h.kind, []).append(i)
        self.spans = {kind: _DateIndex([_span(self.horizons[i]) for i in members], members)
                      for kind, members in self.by_kind.items()}
        deadlines = self.by_kind.get("deadline", [])
        self.ends = _DateIndex([(self.horizons[i].end, self.horizons[i].end) for i in deadlines], deadlines)

    def candidates(self, i: int) -> list[int]:
        h = self.horizons[i]
        allowed = per_rules(self.rules, "comparable", _comparable_kinds)
        out: list[int] = []
        for kind, members in self.by_kind.items():
            if kind != h.kind and frozenset({kind, h.kind}) not in allowed:
                continue
            if kind == h.kind == "deadline":
                days = max(self.window, 31)
                out.extend(members if h.end is None else self.ends.near(h.end, h.end, days))
            elif {kind, h.kind} & {"eventual", "unknown"}:
                out.extend(members)
            else:
                start, end = _span(h)
                out.extend(self.spans[kind].near(start, end, self.window))
        return out


class _DateIndex:
    """Spans sorted by start, for the spans that may overlap a given one within some days; spans
    open at either end (or upside down) are always returned."""

    def __init__(self, spans: list[tuple[dt.date | None, dt.date | None]], ids: list[int]) -> None:
        bounded = sorted((start.toordinal(), i) for (start, end), i in zip(spans, ids)
                         if start is not None and end is not None and end >= start)
        self.starts = [start for start, _ in bounded]
        self.ids = [i for _, i in bounded]
        self.open = [i for (start, end), i in zip(spans, ids) if start is None or end is None or end < start]
        self.longest = max(((end - start).days for start, end in spans  # type: ignore[operator]
                            if start is not None and end is not None and end >= start), default=0)

    def near(self, start: dt.date | None, end: dt.date | None, days: int) -> list[int]:
        """Spans (s, e) with s <= end + days and e >= start - days; e - s is at most `longest`."""
        low = -math.inf if start is None else start.toordinal() - days - self.longest
        high = math.inf if end is None else end.toordinal() + days
        return self.open + self.ids[bisect_left(self.starts, low):bisect_right(self.starts, high)]


def _within(x: object, y: object, days: int) -> bool:
    if x is None or y is None:
        return True
    return abs((x - y).days) <= days  # type: ignore[operator]


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
