"""Dates written in news text, and how each resolves against the publication date.

Each pattern finds one way of writing a time ("Oct. 23", "early August", "last week", "in the past
24 hours", "the first quarter", "in 2019"); its resolver turns the match into the first and last
day it covers, given the publication date and whether the sentence looks ahead (a "Friday" in
"will peak on Friday" is the next one, in "peaked on Friday" the last one).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from dateutil import parser as date_parser
from dateutil.relativedelta import MO, relativedelta, weekday

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
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
PARTS = {"early": (1, 10), "beginning of": (1, 10), "start of": (1, 10), "mid": (11, 20), "middle of": (11, 20),
         "late": (21, 31), "end of": (21, 31)}
DAY_DATE = re.compile(
    rf"\b(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?![a-z])(?:,?\s+\d{{4}})?)"  # not "27 Marakandi warships"
)
MONTH_DATE = re.compile(
    rf"(?:\b(?P<part>early|mid|late|the end of|end of|the beginning of|the start of|the middle of)[\s-]+)?"
    rf"\b(?P<month>{MONTH})(?:\s+(?P<year>\d{{4}}))?\b"
)
YEAR = re.compile(r"\b(?:in|since|during|until|of|from|through|for|by|before|after|at)\s+(?:the\s+)?"
                  r"(?:(?:early|mid|late)[\s-]+)?(?:fiscal\s+(?:year\s+)?|financial\s+year\s+)?"  # "in fiscal 2026"
                  r"(?P<year>(?:19|20)\d\d|2100)\b(?![%]|[,.]\d)", re.I)  # 2100: "warming of 2.6C by 2100"
# A year naming an event a relative clause then describes: "a 2009 windstorm in which 275,000 customers lost power".
EVENT_YEAR = re.compile(r"\b(?:a|an|the)\s+(?P<year>(?:19|20)\d\d)\s+(?:[a-z]+\s+){1,2}(?:in\s+which|during\s+which"
                        r"|when)\b", re.I)
# A named event with its year: "During Steel Current-2024, which lasted three days, 153 aircraft ..."
NAMED_EVENT_YEAR = re.compile(r"\b(?i:during|in|at|since|before|after)\s+(?:the\s+)?(?:[A-Z][\w'\u2019]*\s+){0,3}"
                              r"[A-Z][\w'\u2019]*-(?P<year>(?:19|20)\d\d)\b")
# A year that says which year's quantity a noun is: "Orvello's 2025 budget totalled", "the 2024 harvest".
YEAR_BEFORE_NOUN = re.compile(r"(?:\b(?i:the|its|their|this|a|an)\s+|\w['\u2019]s\s+)(?P<year>(?:19|20)\d\d)\s+(?=[a-z])")
# "between July and September", "from 1 June to 9 June", "July-September 2025": one span from the first's start
# to the second's end
_PART = r"(?:(?:early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?"
_ONE_DATE = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?![a-z])|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![,.]\d)|{_PART}{MONTH})"
             rf"(?:,?\s+\d{{4}}\b)?")
DATE_RANGE = re.compile(rf"\b(?i:between|from)\s+(?P<first>{_ONE_DATE})\s+(?i:and|to|until|till|through)\s+(?P<last>{_ONE_DATE})"
                        rf"|\b(?P<first_month>{MONTH})\s*[-\u2013]\s*(?P<last_month>{MONTH}(?:\s+\d{{4}})?)\b"
                        # "between 10 and 20 July", "from 1 to 9 June", "10-20 July": the month written once
                        rf"|\b(?:(?i:between|from)\s+)?(?P<first_day>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:[-\u2013]|\s(?i:and|to|until"
                        rf"|till|through)\s)\s*(?P<last_day>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?![a-z])(?:,?\s+\d{{4}}\b)?)")
WEEKDAY = re.compile(rf"\b(?:(?P<which>last|this|next|on)\s+)?(?P<day>{WEEKDAYS})\b")
_COUNT = r"\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten"  # "a day ago", "three weeks earlier"
RELATIVE = re.compile(
    r"\b(?:yesterday|today|tonight|tomorrow|this (?:morning|afternoon|evening)|last night"
    r"|(?:earlier |later )?(?:last|this|next) (?:week|weekend|month|year)|earlier this (?:week|month|year)"
    r"|(?:the|over the) weekend"
    rf"|(?P<count>{_COUNT}) (?P<unit>day|week|month|year)s?"
    r" (?:ago|earlier)"
    r"|(?:in|over|during|within) the (?:past|last) (?:(?P<span>\d+|two|three|four|five|six|seven|eight|nine|ten) )?"
    r"(?P<span_unit>hour|day|week|month|year)s?(?! of\b)"  # "the last week of the month" is no span to now
    r"|(?:the )?(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|final|last) quarter"
    r"|(?:the )?(?P<half>first|second) half(?: of the year)?|(?:the )?end of (?:the |this )?year|year-end"
    r"|(?:the )?first (?P<months>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2}) months"
    r"(?: of (?:the year|this year|(?P<months_year>(?:19|20)\d\d)))?)\b",
    re.I,
)

Resolver = Callable[[dt.date | None, bool], tuple[dt.date | None, dt.date | None]]


def no_dates(published: dt.date | None, future: bool) -> tuple[dt.date | None, dt.date | None]:
    return None, None


def until_publication(resolve: Resolver, forward: bool = False) -> Resolver:
    """"since Tuesday": from that day up to publication. `forward` ("from March 1"): in a sentence
    about the future the day is the next one, and the span starts after publication ("fares will rise
    4.6% from March 1" in a December paper: from next March, an eventual horizon)."""
    def since(published: dt.date | None, future: bool) -> tuple[dt.date | None, dt.date | None]:
        first, _ = resolve(published, forward and future)
        return first, published if first else None

    return since


# "in the week to July 13", "the 12 months ending in March": a span that closes with the date after it.
SPAN_ENDING = re.compile(
    r"\b(?:the\s+)?(?:(?P<count>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?"
    r"(?P<unit>day|week|fortnight|month|year)s?\s+(?:to|ending|ended|through|up\s+to)\s+(?:(?:on|in)\s+)?$",
    re.IGNORECASE)


def span_ending(resolve: Resolver, lead: re.Match[str]) -> Resolver:
    """"the week to July 13": the seven days that end with the date's last day (July 7-13)."""
    written = lead.group("count") or "one"
    count = NUMBER_WORDS.get(written.lower()) or int(written)
    unit = lead.group("unit").lower()
    length = relativedelta(weeks=2 * count) if unit == "fortnight" else relativedelta(**{unit + "s": count})

    def ending(published: dt.date | None, future: bool) -> tuple[dt.date | None, dt.date | None]:
        _, last = resolve(published, future)
        if last is None:
            return None, None
        return last - length + dt.timedelta(days=1), last

    return ending


def _nearest_year(candidate: dt.date, published: dt.date, future: bool, slack_days: int = 7) -> dt.date:
    """Put a date written without a year in the year that makes it fit the tense."""
    if future and candidate < published - dt.timedelta(days=slack_days):
        return candidate + relativedelta(years=1)
    if not future and candidate > published + dt.timedelta(days=slack_days):
        return candidate - relativedelta(years=1)
    return candidate


def day_resolver(written: str) -> Resolver:
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


def month_resolver(match: re.Match[str]) -> Resolver:
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


def year_resolver(year: int) -> Resolver:
    return lambda published, future: (dt.date(year, 1, 1), dt.date(year, 12, 31))


def weekday_resolver(day_name: str, which: str) -> Resolver:
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


EARLIER_THAN = re.compile(rf"(?P<count>{_COUNT})\s+(?P<unit>day|week|month|year)s?\s+earlier", re.I)


def earlier_than(words: str, anchor: Resolver) -> Resolver | None:
    """"from 41 a day earlier" beside "58 on Wednesday": the day before Wednesday, not before the paper
    ('earlier' counts back from the time the sentence names; 'ago' from now)."""
    match = EARLIER_THAN.fullmatch(words.strip())
    if match is None:
        return None
    count = NUMBER_WORDS.get(match.group("count").lower()) or int(match.group("count"))
    step = relativedelta(**{match.group("unit").lower() + "s": count})  # type: ignore[arg-type]

    def resolve(published: dt.date | None, future: bool) -> tuple[dt.date | None, dt.date | None]:
        first, last = anchor(published, False)
        return (first - step, last - step) if first is not None and last is not None else (None, None)

    return resolve


def relative_resolver(match: re.Match[str]) -> Resolver:
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
        if match.group("months"):  # "in the first eight months of 2025": January to the end of August
            count = NUMBER_WORDS.get(match.group("months").lower()) or int(match.group("months"))
            if not 1 <= count <= 12:
                return None, None
            year = int(match.group("months_year") or published.year)
            return dt.date(year, 1, 1), dt.date(year, count, 1) + relativedelta(day=31)
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


def range_resolver(match: re.Match[str]) -> Resolver:
    """The span of a DATE_RANGE match: from its first date's start to its last date's end, the first
    moved a year back when it would fall after the last ("from November to February 2026")."""
    if match.group("first_day"):  # "between 10 and 20 July": the first day is of the last one's month
        month = re.sub(r"^\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?", "", match.group("last_day"))
        first, last = _one_date(f"{match.group('first_day')} {month}"), _one_date(match.group("last_day"))
    else:
        first = _one_date(match.group("first") or match.group("first_month"))
        last = _one_date(match.group("last") or match.group("last_month"))

    def resolve(published: dt.date | None, future: bool) -> tuple[dt.date | None, dt.date | None]:
        start, _ = first(published, future)
        _, end = last(published, future)
        if start is None or end is None:
            return None, None
        if start > end:
            start -= relativedelta(years=1)
        return start, end

    return resolve


def _one_date(written: str) -> Resolver:
    month_only = MONTH_DATE.fullmatch(written.strip().rstrip("."))  # "to September."
    return month_resolver(month_only) if month_only else day_resolver(written)
