"""Whether two figures' horizons describe the same time, and which of many horizons may, found by
kind and date rather than by asking about every pair (the engine's SameTime index).

Which kinds may meet comes from rules/horizons.yaml `comparable:`; dated horizons must then also
overlap, within `horizon_window_days`, and two totals over spans must nearly share their ends.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from checker.checks.compare import per_rules
from checker.models import Horizon
from checker.ruleset import RuleSet

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

def comparable_horizons(a: Horizon, b: Horizon, rules: RuleSet) -> bool:
    """True when both figures describe the same time, so a difference is not explained by time.

    Which kinds may meet comes from rules/horizons.yaml `comparable:` (a kind always meets
    itself); dated horizons must then also overlap, within `horizon_window_days`.
    """
    if _takes_effect_on(a, b) or _takes_effect_on(b, a):
        return True
    allowed = per_rules(rules, "comparable", _comparable_kinds)
    if a.kind != b.kind and frozenset({a.kind, b.kind}) not in allowed:
        return False
    if a.kind == "deadline" and b.kind == "deadline":
        return _within(a.end, b.end, max(rules.tolerances.horizon_window_days, 31))
    if {a.kind, b.kind} & {"eventual", "unknown"}:
        return True
    if _hours_apart(a, b):
        return False
    if _named_elsewhere(a) != _named_elsewhere(b):
        return False  # "that year officers found 1.6 tonnes": a time named before, never set against a dated one
    if _runs_from_unstated_day(a) or _runs_from_unstated_day(b):
        # "68,000 have crossed since the fighting began": a running total, as of its end
        return _within(_span(a)[1], _span(b)[1], rules.tolerances.horizon_window_days)
    if _is_point(a) != _is_point(b) and max(_days(a), _days(b)) > POINT_VS_PERIOD_DAYS:
        # '164 patients on Tuesday' and '540 admitted since late June': a count at a moment and a total
        # over weeks are different quantities, even when the moment falls inside the weeks
        return False
    if _is_point(a) != _is_point(b) and not _at_the_end(*((a, b) if _is_point(a) else (b, a))):
        # '64 arrested' on Saturday night and '118 arrested over the weekend': a day's count is the total of
        # a few days only when it is counted on their last day ('12 dead' on Tuesday, 'in the past 24 hours')
        return False
    if not _is_point(a) and not _is_point(b) and not _same_span(_span(a), _span(b), rules.tolerances.horizon_window_days):
        # '58,000 since 2 March' on the 11th and '71,500 since 2 March' on the 13th: a total over a span
        # grows with it, so two spans are one time only when their ends (and starts) nearly meet
        return False
    return _overlap(_span(a), _span(b), rules.tolerances.horizon_window_days)


def _takes_effect_on(coming: Horizon, dated: Horizon) -> bool:
    """"would rise by 4.6% from 1 April" and "would rise by 6.4% on 1 April": a change that takes effect on
    a coming day is a figure of that day."""
    return coming.kind == "eventual" and coming.start is not None and (coming.text or "").lower().startswith("from ") \
        and dated.kind in NOW_KINDS and dated.start == dated.end == coming.start


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


def _at_the_end(point: Horizon, period: Horizon) -> bool:
    """Whether a day's figure may be a total over a few days: always, unless their words sum the days up
    ('over the weekend', 'across the two days', 'between Friday and Sunday'), when only the last day's may
    (and a day's count is 'in the past 24 hours')."""
    start, end = _span(period)
    words = (period.text or "").lower()
    return start is None or end is None or _span(point)[0] == end or "hour" in words \
        or not words.startswith(_SUMMING_WORDS)


_SUMMING_WORDS = ("over ", "across ", "throughout ", "between ", "in the past ", "in the last ")


def _is_point(h: Horizon) -> bool:
    start, end = _span(h)
    return start is not None and start == end


def _days(h: Horizon) -> int:
    start, end = _span(h)
    return (end - start).days + 1 if start is not None and end is not None else 0


def _comparable_kinds(rules: RuleSet) -> set[frozenset[str]]:
    return {frozenset(pair) for pair in rules.comparable} or DEFAULT_COMPARABLE


_LATER_PARTS = ("afternoon", "evening", "night")


def _part_of_day(horizon: Horizon) -> str | None:
    named = next((w for w in (horizon.text or "").lower().split() if w in ("morning", *_LATER_PARTS)), None)
    if named is None and horizon.text and any(c.isdigit() for c in horizon.text):
        clock = _CLOCK.search(horizon.text)  # "at 6pm on Tuesday"
        if clock:
            hour, half = int(clock.group("hour")), (clock.group("half") or "").lower()
            return _part_of_hour(hour % 12 + 12 if half == "p" else hour % 12 if half == "a" else hour)
    return named


def _part_of_hour(hour: int) -> str:
    return "morning" if hour < 12 else "afternoon" if hour < 17 else "evening"


_CLOCK = re.compile(r"\bat\s+(?:(?:its|the|their|a|an)\s+)?(?P<hour>\d{1,2})(?:[:.]\d\d)?\s*(?:(?P<half>[ap])\.?m\b)?",
                    re.I)  # "at 6pm on Tuesday", "At its 18:00 briefing on Wednesday"


# Two articles' datelines this many hours apart on one day report two times of a count that moves; closer
# ones (a wire and its update within the morning) report one.
DATELINE_HOURS_APART = 6


def _hours(moment: dt.time) -> float:
    return moment.hour + moment.minute / 60


def _hours_apart(a: Horizon, b: Horizon) -> bool:
    """'seven on Tuesday' (a morning wire) and 'rose to nine on Tuesday afternoon': one day, two times, when
    the figures' own words name different parts of it, or one names a later part (a toll moves within a
    day), or their articles' datelines are hours apart. A statement's hour ('said on Thursday afternoon') is not
    kept in a horizon's words."""
    if a.start is None or a.start != a.end or (a.start, a.end) != (b.start, b.end):
        return False
    first, second = _part_of_day(a), _part_of_day(b)
    if first is not None and second is not None:  # the figures' own words ("52.4% at 6pm") over their datelines
        return first != second
    if a.time_of_day is not None and b.time_of_day is not None:  # "12 dead" at 09:36 and "14 dead" at 21:30
        return abs(_hours(a.time_of_day) - _hours(b.time_of_day)) >= DATELINE_HOURS_APART
    if (first is None) != (second is None):  # a 09:36 wire's "now" and a bulletin "issued at 6pm on Tuesday"
        dated = a if first is None else b
        if dated.time_of_day is not None:
            first, second = first or _part_of_hour(dated.time_of_day.hour), second or _part_of_hour(dated.time_of_day.hour)
    return first != second and (first in _LATER_PARTS or second in _LATER_PARTS)  # 'morning' beside no part: one time


def given_later(first: Horizon, second: Horizon) -> bool | None:
    """For one day's figure given on two days, whether `second` was given later: '19 officers injured' in
    Saturday night's paper and '23 officers were hurt on Saturday, police said this morning'. None when the
    two are not one day's, or a giving is unknown ('87 on Saturday' in a later recap) or the same."""
    if first.start is None or first.start != first.end or (first.start, first.end) != (second.start, second.end):
        return None
    x, y = (h.said or (h.start if h.kind in NOW_KINDS else None) for h in (first, second))
    return None if x is None or y is None or x == y else y > x


def _named_elsewhere(h: Horizon) -> bool:
    """'that year', 'the same year': a past time another sentence named, which this one does not date."""
    words = (h.text or "").lower()
    return h.kind == "past" and h.start is None and (words.startswith("that ") or words.startswith("the same "))


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
        # a change taking effect on a day meets that day's figures whatever the kinds (_takes_effect_on)
        if h.kind in NOW_KINDS and frozenset({"eventual", h.kind}) not in allowed:
            out.extend(self.by_kind.get("eventual", []))
        if h.kind == "eventual" and h.start is not None:
            for kind in NOW_KINDS:
                if frozenset({kind, "eventual"}) not in allowed:
                    out.extend(self.spans[kind].near(h.start, h.start, 0) if kind in self.spans else [])
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
