"""Fact-box lines: "Deaths: 41", "People displaced: about 18,000", "Foreign visitors in 2025: 12.4 million".

News pages list a story's key figures as label-colon-figure lines ("Key facts", "By the numbers",
"Factbox"). Such a line has no verb and no full stop, so it reads like a subhead or a page label, yet
its figure is a claim and its label names what the figure counts. segment.py keeps the line,
subject.py reads the label as the figure's subject, and attribution.py does not take the label for a
speaker (a headline's "Kirby: 3,000 troops in Russia" names a source; "Deaths: 41" does not).

A line is a fact line only when nothing but units follows the figure: "Kirby: 3,000 troops" names
what it counts after the number, so its label is no subject (it is the headline's source).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEDGE = (r"(?i:about|around|approximately|approx\.|roughly|nearly|almost|over|under|more\s+than|fewer\s+than"
          r"|less\s+than|at\s+least|at\s+most|up\s+to|some|an\s+estimated|estimated|est\.|c\.|~)")
_MAGNITUDE = r"(?:\s?(?i:million|billion|trillion|thousand|mn|m|bn|b|tn|k)\b)?"
_AMOUNT = rf"[-+−]?[$€£¥₹]?\d[\d,.]*{_MAGNITUDE}"
FACT_LINE = re.compile(
    r"(?P<label>[A-Z][\w'’&/-]*(?:[ ][\w'’&/()-]+){0,7}?)"
    rf":[ \t]+(?:(?P<hedge>{_HEDGE})\s+)?"
    rf"(?P<amount>{_AMOUNT}(?:\s?(?:-|–|to)\s?{_AMOUNT})?)"
    r"(?P<rest>[^()]*?)(?P<aside>\s*\([^()]{1,60}\))?\s*\.?$"
)
# Labels of the page around a story (counts, metadata), never a fact of the story.
PAGE_LABELS = frozenset({
    "comments", "comment", "shares", "share", "likes", "views", "replies", "reactions", "followers", "words",
    "word count", "reading time", "read time", "listen", "duration", "updated", "last updated", "published",
    "posted", "modified", "photo", "photos", "image", "images", "video", "page", "pages", "tel", "phone", "fax",
    "ticker", "isbn", "issn", "ref", "reference", "id", "doi", "vol", "volume", "issue", "edition", "episode",
    "season", "chapter", "section", "age", "born", "update", "note", "correction",
})
# A time or place of the label's figure, read by the horizon finder from the line; not part of the subject.
_LABEL_TAIL = re.compile(
    r"\s+(?:(?:in|during|since|as\s+of|by|through|until|over|within)\s+(?:the\s+)?(?:past\s+|last\s+|first\s+)?"
    r"(?:\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?i:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?i:week|month|year|quarter|hour|day))|(?i:so\s+far|to\s+date|this\s+year|last\s+year)\b|\().*$"
)
_PERCENT_WORDS = frozenset({"%", "per cent", "percent", "pc", "pct", "percentage points", "points", "pts"})


@dataclass(frozen=True, slots=True)
class FactLine:
    label: str  # the subject the label names, its time phrase left out: "Foreign visitors"
    figure_start: int  # where the figure starts in the line, with its hedge


def fact_line(text: str) -> FactLine | None:
    """The line read as "<label>: <figure>", or None. `text` is one line (a bullet already left out)."""
    found = FACT_LINE.fullmatch(text.strip())
    if found is None:
        return None
    label = found.group("label")
    if label.lower() in PAGE_LABELS or not _only_units(found.group("rest")):
        return None
    subject = _LABEL_TAIL.sub("", label).strip()
    if not subject:
        return None
    offset = len(text) - len(text.lstrip())
    return FactLine(label=subject, figure_start=offset + found.start("hedge" if found.group("hedge") else "amount"))


def _only_units(rest: str) -> bool:
    """Nothing after the figure but a unit: '310 mm', '1,300 sq km', '5.4%'; not '3,000 troops'."""
    written = " ".join(rest.split())
    if not written or written.lower() in _PERCENT_WORDS:
        return True
    from checker.extract.units import unit_lexicon  # the lexicon loads pint's table: only when a line needs it

    lexicon = unit_lexicon()
    padded = f"1 {written}"
    unit = lexicon.match_after(padded, 1, len(padded))
    return unit is not None and unit.end == len(padded)
