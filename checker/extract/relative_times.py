"""Times counted from another time the sentence names: "from 41 a day earlier" beside "58 on Wednesday",
"down from 130 the previous day" in a statement "on Friday", "310 in the week to July 13, up from 185
the previous week". Without such a time, 'a day earlier' counts from the paper's date (dates.py)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from dateutil.relativedelta import relativedelta

from checker.extract.dates import EARLIER_THAN, earlier_than
from checker.extract.time_cues import Cue
from checker.models import Horizon


def counted_back(cue: Cue, others: list[Cue]) -> Cue:
    """"rose to 58 on Wednesday from 41 a day earlier": counted back from the sentence's own date."""
    anchor = next((c for c in others if not c.deadline and not EARLIER_THAN.fullmatch(c.text.strip())), None)
    moved = earlier_than(cue.text, anchor.resolve) if anchor is not None else None
    return replace(cue, resolve=moved) if moved is not None else cue


_PREVIOUS = re.compile(r"\b(?:previous|prior)\s+(?P<unit>day|week|month|quarter|year)\b"
                       r"|\bthe\s+(?P<before>day|week|month)\s+before\b", re.I)


def moved_back(past: Cue, date: Cue | None, published: dt.date | None) -> Horizon:
    """A past cue; "the previous week" beside a dated span is that span moved back a week."""
    previous = _PREVIOUS.search(past.text)
    if previous is None or date is None or date.deadline:
        return Horizon(kind="past", text=past.text)
    first, last = date.resolve(published, False)
    if first is None or last is None:
        return Horizon(kind="past", text=past.text)
    unit = (previous.group("unit") or previous.group("before")).lower()
    step = relativedelta(months=3) if unit == "quarter" else relativedelta(**{unit + "s": 1})
    return Horizon(kind="past", start=first - step, end=last - step, text=past.text)
