"""The time of day an article was published or last updated, read from its dateline or byline:
"14 April 2026, 09:36 | VELMORA CITY", "Updated 16:05, Tuesday 3 March 2026", "Tuesday 14 April 2026,
9.30pm". A morning wire's "12 dead" and an evening paper's "14 dead" on one day are two times of a
count that moves; their dates alone cannot say so.
"""

from __future__ import annotations

import datetime as dt
import re

# A dateline sits in an article's first lines; a body sentence's "derailed at 10:47 on Monday" is an
# event's time, and body paragraphs are long.
HEADER_LINES = 12
MAX_HEADER_LINE = 100
# The most text those lines can take (a CRLF per line): only this much of an article is read.
HEADER_CHARS = HEADER_LINES * (MAX_HEADER_LINE + 2)
_LEADING_SPACE = re.compile(r"\s*")
_CLOCK = re.compile(
    r"(?<![\d:.,$€£])(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?:\s*(?P<half>[ap])\.?m\b\.?)?(?![\d:.%])"
    r"|(?<![\d:.,$€£])(?P<short>1[0-2]|0?[1-9])\s*(?P<short_half>[ap])\.?m\b\.?", re.IGNORECASE)
# A line that dates the article: a year, or a word that says it is the publication's time. Not "every
# Monday at 8am" (a newsletter's), not "Listen: bulletin (1:45)" (a duration).
_DATES_THE_ARTICLE = re.compile(r"\b(?:19|20)\d\d\b|\b(?:updated|published|posted)\b", re.IGNORECASE)
_UPDATED = re.compile(r"\bupdated\b", re.IGNORECASE)


def published_time(text: str, start: int = 0) -> dt.time | None:
    """The dateline's time (the last update's when a line says 'Updated') in `text` from `start` (after any
    front matter), or None when no header line gives one."""
    found: dt.time | None = None
    head = _LEADING_SPACE.match(text, start).end()  # type: ignore[union-attr]  # \s* always matches
    for line in text[head:head + HEADER_CHARS].splitlines()[:HEADER_LINES]:
        if len(line) > MAX_HEADER_LINE:
            break  # the body has begun
        if not _DATES_THE_ARTICLE.search(line):
            continue
        clocks = list(_CLOCK.finditer(line))
        if not clocks:
            continue
        updated = _UPDATED.search(line)
        # "Published 12 March 2026 | Updated 13:20": the update's time, the one the figures are as of
        clock = next((c for c in clocks if updated and c.start() > updated.start()), clocks[-1])
        moment = _time_of(clock)
        if moment is not None and (found is None or updated):
            found = moment
    return found


def _time_of(clock: re.Match[str]) -> dt.time | None:
    if clock.group("short"):
        hour, minute, half = int(clock.group("short")), 0, clock.group("short_half")
    else:
        hour, minute, half = int(clock.group("hour")), int(clock.group("minute")), clock.group("half")
    if half:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    return dt.time(hour, minute)
