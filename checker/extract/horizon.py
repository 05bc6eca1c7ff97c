"""When a figure holds, resolved against the publication date.

Only time words that govern the figure's clause count. A sentence is cut into clauses at commas,
semicolons, colons, dashes and brackets (checker/extract/clauses.py); the words are read from

1. the figure's own clause;
2. the clauses it hangs from when it opens with a participle, "with", "including" or a bracket
   ("Ukraine launched an incursion in early August, allegedly seizing around 100 settlements");
3. a short opening clause of the sentence ("On Thursday, ..."), for dates only;
4. a later clause that is about the figure itself ("..., most of whom will arrive by December"),
   for deadlines only.

A clause of its own ("..., with initial sightings reported on Oct. 23") never moves a figure.
Within that scope the nearest word wins, except that a deadline beats a bare "will/could" and a
date beats "will" ("temperatures will reach 38C on Friday" is Friday). A figure with no time
word holds at publication: "has sent 3,000 troops" counts what is there now, which is what makes
it comparable with "3,000 troops are currently in Russia".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from dateutil import parser as date_parser
from dateutil.relativedelta import MO, relativedelta, weekday

from checker.extract.clauses import clause_index, clauses, phrase_pattern, tokenize
from checker.models import Horizon
from checker.ruleset import RuleSet

_MONTHS = sorted({*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"}, key=len, reverse=True)
MONTH_NUMBERS = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
MONTH = "(?:" + "|".join(_MONTHS) + r")\.?"
WEEKDAYS = "|".join(calendar.day_name)
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4,
            "last": 4}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}
PARTS = {"early": (1, 10), "beginning of": (1, 10), "start of": (1, 10), "mid": (11, 20), "middle of": (11, 20),
         "late": (21, 31), "end of": (21, 31)}
DAY_DATE = re.compile(
    rf"\b(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+\d{{4}})?)"
)
MONTH_DATE = re.compile(
    rf"(?:\b(?P<part>early|mid|late|the end of|end of|the beginning of|the start of|the middle of)[\s-]+)?"
    rf"\b(?P<month>{MONTH})(?:\s+(?P<year>\d{{4}}))?\b"
)
YEAR = re.compile(r"\b(?:in|since|during|until|of|from|through|for|by|before|after)\s+(?:(?:early|mid|late)[\s-]+)?"
                  r"(?P<year>(?:19|20)\d\d)\b(?![%]|[,.]\d)", re.I)
WEEKDAY = re.compile(rf"\b(?:(?P<which>last|this|next|on)\s+)?(?P<day>{WEEKDAYS})\b")
RELATIVE = re.compile(
    r"\b(?:yesterday|today|tonight|tomorrow|this (?:morning|afternoon|evening)|last night"
    r"|(?:earlier |later )?(?:last|this|next) (?:week|weekend|month|year)|earlier this (?:week|month|year)"
    r"|(?:the|over the) weekend"
    r"|(?P<count>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten) (?P<unit>day|week|month|year)s?"
    r" (?:ago|earlier)"
    r"|(?:in|over|during|within) the (?:past|last) (?:(?P<span>\d+|two|three|four|five|six|seven|eight|nine|ten) )?"
    r"(?P<span_unit>hour|day|week|month|year)s?"
    r"|(?:the )?(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|final|last) quarter"
    r"|(?:the )?(?P<half>first|second) half(?: of the year)?|(?:the )?end of (?:the |this )?year|year-end)\b",
    re.I,
)
SPAN_OPENER = re.compile(r"(?:in|over|during|within|by|until|since|for|through)\b", re.I)
# A comparison base after the figure ("... from $265 million a year earlier") takes the dates after it.
COMPARISON_AFTER = re.compile(
    r"\b(?:up from|down from|from|compared with|compared to|versus|against)\s+(?=[$€£¥]?\d)", re.I
)
MAY_CONTEXT = re.compile(r"\b(?:in|by|since|until|early|mid|late|of|from|last|next|this|end of)[\s-]+$", re.I)
DEPENDENT_OPENERS = frozenset({"with", "including", "among", "excluding", "plus"})


Resolver = Callable[[dt.date | None, bool], tuple[dt.date | None, dt.date | None]]


def _no_dates(published: dt.date | None, future: bool) -> tuple[dt.date | None, dt.date | None]:
    return None, None



@dataclass(frozen=True)
class _Cue:
    """A time word in the sentence; `tier` is how far its clause is from the figure's (0 = same)."""

    kind: Literal["current", "eventual", "past", "date"]
    start: int
    end: int
    text: str
    tier: int
    resolve: Resolver = _no_dates
    deadline: bool = False


def find_horizon(start: int, end: int, text: str, published: dt.date | None, rules: RuleSet) -> Horizon:
    """The horizon of the figure at [start, end) of sentence `text`."""
    spans = clauses(text)
    own = clause_index(spans, start)
    scope = {own: 0}
    index = own
    while index > 0 and _is_dependent(text, spans[index]):
        index -= 1
        scope[index] = 1
    if own > 0 and 0 not in scope and len(tokenize(text[slice(*spans[0])])) <= 6:
        scope[0] = 2
    base = COMPARISON_AFTER.search(text, end, spans[own][1])
    cutoff = base.start() if base else len(text)
    cues = [c for i, tier in scope.items() for c in _cues(text, spans[i], tier, rules)
            if (tier < 2 or c.kind != "eventual") and not (c.start < end and start < c.end) and c.start < cutoff]
    later = [c for i in range(own + 1, len(spans)) if _carries_back(text, spans[i], rules)
             for c in _cues(text, spans[i], 3, rules) if c.deadline]
    return _decide(cues, later, start, end, published)


def _decide(cues: list[_Cue], later: list[_Cue], start: int, end: int, published: dt.date | None) -> Horizon:
    def rank(cue: _Cue) -> tuple[int, int]:
        return cue.tier, (start - cue.end if cue.end <= start else cue.start - end)

    current, eventual, past, dates = (sorted((c for c in cues if c.kind == kind), key=rank)
                                      for kind in ("current", "eventual", "past", "date"))
    if current and all(rank(current[0]) < rank(other[0]) for other in (dates, eventual) if other):
        return Horizon(kind="current", start=published, end=published, text=current[0].text)
    deadlines = [c for c in dates if c.deadline]
    if eventual and not deadlines and later:
        deadlines = later
    if deadlines and (eventual or not dates or rank(deadlines[0]) <= rank(dates[0])):
        return _resolve(deadlines[0], published, future=True)
    if dates:
        return _resolve(dates[0], published, future=bool(eventual))
    if eventual:
        return Horizon(kind="eventual", start=published, text=eventual[0].text)
    if past:
        return Horizon(kind="past", text=past[0].text)
    return Horizon(kind="current", start=published, end=published)


def _resolve(cue: _Cue, published: dt.date | None, future: bool) -> Horizon:
    first, last = cue.resolve(published, future or cue.deadline)
    if cue.deadline:
        return Horizon(kind="deadline", end=last, text=cue.text)
    if first is None or last is None:
        return Horizon(kind="period", text=cue.text)
    if first == last == published:  # "today", "as of today", "on Thursday" in Thursday's paper
        return Horizon(kind="current", start=first, end=last, text=cue.text)
    if published and last < dt.date(published.year, 1, 1):
        return Horizon(kind="past", start=first, end=last, text=cue.text)
    return Horizon(kind="point" if first == last else "period", start=first, end=last, text=cue.text)


def _is_dependent(text: str, span: tuple[int, int]) -> bool:
    """A clause that hangs from the one before it: a participle, "with ...", "including ...", a bracket."""
    if span[0] > 0 and text[span[0] - 1] == "(":
        return True
    words = [t for t in tokenize(text[span[0]:span[1]]) if t.is_word]
    while words and (words[0].is_adverb or words[0].lower in ("and", "but")):
        words = words[1:]
    return bool(words) and (words[0].lower in DEPENDENT_OPENERS or words[0].lower.endswith("ing"))


def _carries_back(text: str, span: tuple[int, int], rules: RuleSet) -> bool:
    pattern = phrase_pattern(rules.carry_back)
    opening = " ".join(text[span[0]:span[1]].split()[:5])
    return pattern is not None and pattern.search(opening) is not None


def _cues(text: str, span: tuple[int, int], tier: int, rules: RuleSet) -> list[_Cue]:
    clause = text[span[0]:span[1]]
    found = _date_cues(clause, rules)
    for kind, words in (("current", rules.current), ("eventual", rules.eventual), ("past", rules.past)):
        pattern = phrase_pattern(words)
        for match in pattern.finditer(clause) if pattern else ():
            capitalised = match.group()[0].isupper() and clause[:match.start()].strip(" \"“'‘")
            if not capitalised and not any(c.start < match.end() and match.start() < c.end for c in found):
                found.append(_Cue(kind, match.start(), match.end(), match.group(), tier))
    return [_Cue(c.kind, c.start + span[0], c.end + span[0], c.text, tier, c.resolve, c.deadline) for c in found]


def _date_cues(clause: str, rules: RuleSet) -> list[_Cue]:
    found: list[_Cue] = []
    deadline = phrase_pattern(rules.deadline)
    verbs = phrase_pattern([v for v in rules.verbs if " " not in v])
    reported = re.compile(rf"(?:{verbs.pattern})\s+(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?$", re.I) \
        if verbs else None

    def add(match: re.Match[str], resolve: Resolver, group: int | str = 0) -> None:
        if any(c.start < match.end() and match.start() < c.end for c in found):
            return
        before = clause[:match.start(group)]
        if reported is not None and reported.search(before) and not SPAN_OPENER.match(match.group(group)):
            return  # "said on Thursday" dates the statement, not the figure; "recorded in the past day" does
        lead = re.search(rf"(?:{deadline.pattern})\s+(?:the\s+)?$", before, re.I) if deadline else None
        since = re.search(r"\b(?:since|from)\s+$", before, re.I)
        if since and not lead:
            resolve, lead_start = _until_publication(resolve), since.start()
        else:
            lead_start = lead.start() if lead else match.start()
        found.append(_Cue("date", lead_start, match.end(), clause[lead_start:match.end()], 0, resolve, lead is not None))

    for match in DAY_DATE.finditer(clause):
        add(match, _day_resolver(match.group()))
    for match in RELATIVE.finditer(clause):
        add(match, _relative_resolver(match))
    for match in WEEKDAY.finditer(clause):
        add(match, _weekday_resolver(match.group("day"), (match.group("which") or "").lower()))
    for match in MONTH_DATE.finditer(clause):
        if match.group("month").startswith("May") and not match.group("year") and not match.group("part") \
                and not MAY_CONTEXT.search(clause[:match.start()]):
            continue
        add(match, _month_resolver(match))
    for match in YEAR.finditer(clause):
        add(match, _year_resolver(int(match.group("year"))), "year")
    return found


def _until_publication(resolve: Resolver) -> Resolver:
    """"since Tuesday": from that day up to publication."""
    def since(published: dt.date | None, future: bool) -> tuple[dt.date | None, dt.date | None]:
        first, _ = resolve(published, False)
        return first, published if first else None

    return since


def _nearest_year(candidate: dt.date, published: dt.date, future: bool, slack_days: int = 7) -> dt.date:
    """Put a date written without a year in the year that makes it fit the tense."""
    if future and candidate < published - dt.timedelta(days=slack_days):
        return candidate + relativedelta(years=1)
    if not future and candidate > published + dt.timedelta(days=slack_days):
        return candidate - relativedelta(years=1)
    return candidate


def _day_resolver(written: str) -> Resolver:
    has_year = re.search(r"\d{4}", written) is not None

    def resolve(published: dt.date | None, future: bool) -> tuple[dt.date | None, dt.date | None]:
        base = dt.datetime(published.year if published else 2000, 1, 1)
        try:
            day = date_parser.parse(re.sub(r"\bSept\b", "Sep", written.replace(".", "")), default=base).date()
        except (ValueError, OverflowError):
            return None, None
        if not has_year:
            if published is None:
                return None, None
            day = _nearest_year(day, published, future)
        return day, day

    return resolve


def _month_resolver(match: re.Match[str]) -> Resolver:
    month = _month_number(match.group("month"))
    year = int(match.group("year")) if match.group("year") else None
    part = (match.group("part") or "").lower().removeprefix("the ").strip()

    def resolve(published: dt.date | None, future: bool) -> tuple[dt.date | None, dt.date | None]:
        if year is None and published is None:
            return None, None
        first = dt.date(year or published.year, month, 1)  # type: ignore[union-attr]
        if year is None and published is not None:
            first = _nearest_year(first, published.replace(day=1), future, slack_days=0)
        low, high = PARTS.get(part, (1, 31))
        last_day = first + relativedelta(day=31)
        return first.replace(day=low), last_day if high == 31 else first.replace(day=high)

    return resolve


def _month_number(name: str) -> int:
    return MONTH_NUMBERS[name.rstrip(".").lower()]


def _year_resolver(year: int) -> Resolver:
    return lambda published, future: (dt.date(year, 1, 1), dt.date(year, 12, 31))


def _weekday_resolver(day_name: str, which: str) -> Resolver:
    day = weekday(list(calendar.day_name).index(day_name))

    def resolve(published: dt.date | None, future: bool) -> tuple[dt.date | None, dt.date | None]:
        if published is None:
            return None, None
        if which == "last":
            found = published + relativedelta(days=-1, weekday=day(-1))
        elif which == "next" or (future and which != "this"):
            found = published + relativedelta(weekday=day(+1))
        else:
            found = published + relativedelta(weekday=day(-1))
        return found, found

    return resolve


def _relative_resolver(match: re.Match[str]) -> Resolver:
    words = match.group().lower()

    def resolve(published: dt.date | None, future: bool) -> tuple[dt.date | None, dt.date | None]:
        if published is None:
            return None, None
        if match.group("count"):
            count = NUMBER_WORDS.get(match.group("count").lower()) or int(match.group("count"))
            back = published - relativedelta(**{match.group("unit") + "s": count})  # type: ignore[arg-type]
            return back, back
        if match.group("span_unit"):  # "in the past 24 hours": up to publication
            count = NUMBER_WORDS.get((match.group("span") or "one").lower()) or int(match.group("span"))
            unit = match.group("span_unit").lower()
            back = published - (dt.timedelta(hours=count) if unit == "hour" else relativedelta(**{unit + "s": count}))
            return back, published
        if match.group("ordinal"):
            return _quarter(published, ORDINALS[match.group("ordinal").lower()], future)
        if match.group("half"):
            first = dt.date(published.year, 1 if match.group("half").lower() == "first" else 7, 1)
            return first, first + relativedelta(months=6, days=-1)
        return _named_relative(words, published, future)

    return resolve


def _quarter(published: dt.date, quarter: int, future: bool) -> tuple[dt.date, dt.date]:
    first = dt.date(published.year, 3 * quarter - 2, 1)
    if not future and first > published:
        first -= relativedelta(years=1)
    return first, first + relativedelta(months=3, days=-1)


def _named_relative(words: str, published: dt.date, future: bool) -> tuple[dt.date, dt.date]:
    if "yesterday" in words or "last night" in words:
        day = published - dt.timedelta(days=1)
        return day, day
    if "tomorrow" in words:
        day = published + dt.timedelta(days=1)
        return day, day
    if "end of" in words or "year-end" in words:
        day = dt.date(published.year, 12, 31)
        return day, day
    shift = -1 if "last" in words else 1 if "next" in words else 0
    if "weekend" in words:
        ahead = shift > 0 or (shift == 0 and future)
        saturday = published + relativedelta(weekday=weekday(5)(+1 if ahead else -1))
        return saturday, saturday + dt.timedelta(days=1)
    if "week" in words:
        monday = published + relativedelta(weekday=MO(-1), weeks=shift)
        return monday, (published if "earlier" in words else monday + dt.timedelta(days=6))
    if "month" in words:
        first = published.replace(day=1) + relativedelta(months=shift)
        return first, (published if "earlier" in words else first + relativedelta(day=31))
    if "year" in words:
        first = dt.date(published.year + shift, 1, 1)
        return first, (published if "earlier" in words else dt.date(published.year + shift, 12, 31))
    return published, published  # today, tonight, this morning
