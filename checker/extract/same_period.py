"""'The same quarter of 2024': a base that is the sentence's own period, a year earlier.

"18,420 applications were lodged between July and September, down from 21,960 in the same quarter of
2024" dates the 21,960 to July-September 2024, not to all of 2024 (which would set a quarter against a
whole year's total). The period is the date the sentence gives in another clause, moved to the year the
base names ("of 2024", "last year", "a year earlier"). Only a figure the phrase dates ("21,960 in the same
quarter") moves: "a 38% increase on the same period last year" is this year's change.
"""

from __future__ import annotations

import datetime as dt
import re

from checker.extract.time_cues import Cue
from checker.models import Horizon

SAME_PERIOD = re.compile(r"\s*(?:[a-z]+\s+){0,2}?(?:in|for|during)\s+the\s+same\s+(?:quarter|month|period|week|season|months|weeks)\s+"
                         r"(?:(?:of|in)\s+(?P<year>(?:19|20)\d\d)|(?:last\s+year|a\s+year\s+(?:earlier|ago|before)"
                         r"|the\s+previous\s+year|of\s+last\s+year))", re.IGNORECASE)
_LONGEST_PERIOD_DAYS = 200  # a period within a year that a base can repeat: a quarter, a half, some months


def same_period_phrase(text: str, end: int) -> re.Match[str] | None:
    """The figure's own base phrase: "21,960 in the same quarter of 2024", not "a 38% rise on the same ..."."""
    return SAME_PERIOD.match(text, end) if "same" in text else None


def same_period(horizon: Horizon, found: re.Match[str], cues: list[Cue], published: dt.date | None) -> Horizon:
    """The horizon of a figure `found` (a same_period_phrase) dates, moved to the sentence's period (a date
    `cues` of its other clauses give, nearest clause first) in the base's year."""
    if horizon.kind not in ("period", "past", "point", "current"):
        return horizon
    for cue in sorted((c for c in cues if c.kind == "date" and c.tier > 0), key=lambda c: c.tier):
        first, last = cue.resolve(published, False)
        if first is None or last is None or first.year != last.year \
                or (last - first).days > _LONGEST_PERIOD_DAYS:
            continue
        year = int(found.group("year")) if found.group("year") else first.year - 1
        try:
            moved = first.replace(year=year), last.replace(year=year)
        except ValueError:  # 29 February in another year
            return horizon
        # a span ended before the publication's year is 'past', as extraction's other dated spans are
        past = published is not None and moved[1] < dt.date(published.year, 1, 1)
        return Horizon(kind="past" if past else "period", start=moved[0], end=moved[1], text=found.group().strip())
    return horizon
