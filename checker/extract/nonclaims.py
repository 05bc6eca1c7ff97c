"""Numbers that are not figures: dates, clock times, years, ordinals, labels, identifiers.

These are the false positives that make plain quantity extractors unusable on news:
"Oct. 24", "10:30 a.m.", "in 2022", "Article 4", "F-16", "COVID-19", "22nd", "2 min read".
`masked_spans` finds the multi-token ones with patterns; the `is_*` tests judge one number
from the characters around it.
"""

from __future__ import annotations

import re

from dateutil.parser import parserinfo

from checker.extract.numbers import NumberToken
from checker.extract.one_pass import OnePass

_MONTHS = sorted({name for names in parserinfo().MONTHS for name in names} | {"Sept"}, key=len, reverse=True)
_MONTH = "(?:" + "|".join(_MONTHS) + r")\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DAY_AFTER_MONTH = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"  # "On 13 March 40 people died": 40 is no day

_MASKS: list[re.Pattern[str]] = [
    # Month day[, year]: "Oct. 24", "October 23, 2024", "Aug. 14"
    re.compile(rf"\b{_MONTH}\s+{_DAY_AFTER_MONTH}\b(?:\s*[-–]\s*{_DAY}\b)?(?:,?\s+\d{{4}}\b)?"),
    # day Month [year]: "1 November", "24th of October 2024", and the first day of a span: "10 and 20 July",
    # "10 to 20 July", "10-20 July"
    re.compile(rf"\b(?:{_DAY}\s*(?:[-–]|\band\b|\bto\b|\buntil\b|\bthrough\b)\s*)?{_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z])"
               rf"(?:,?\s+\d{{4}}\b)?"),  # not "14 Marakandi warships"
    # Month year: "February 2022", "June of 2018"
    re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?\d{{4}}\b"),
    # numeric dates and slashed pairs: 24/10/2024, 2024-10-24, 24/7
    re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?|\b\d+[/⁄]\d+\b"),
    # clock times: 10:30, 10:30:15, 10.45pm, 3 p.m., 11 a.m., 22pm
    re.compile(r"\b\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?(?:\s*[ap]\.?m\.?)?|\b\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.m\.|[ap]m\b)",
               re.IGNORECASE),
    # time zones and seasons: "0401 GMT", "2014-15", "FY2019/20"
    re.compile(r"\b\d{1,4}\s*(?:GMT|UTC|BST|EDT|EST|CET|ET|PT)\b|\b(?:19|20)\d\d[-–/]\d\d\b"),
    # a bare integer in brackets is a reference or a shirt number: "(4)"
    re.compile(r"\(\d{1,3}\)"),
    # phone numbers and ISBNs: "(555) 123-4567", "0800 415 220", "020 7946 0958", "+44 20 7946 0958", "1-800-555-0199"
    re.compile(r"\(?\b\d{3}\)?[-.\s]\d{3}[-.]\d{4}\b|\b97[89][-\d]{10,}\b|\b0\d{2,4}(?:[ -]\d{2,4}){1,3}\b"
               r"|\+\d{1,3}(?:[ -]\d{1,4}){2,5}\b|\b1-8\d\d-\d{3}-\d{4}\b"),
    # ordinals: 1st, 22nd, 3rd, 10th; decades: 1990s, 90s, '90s
    re.compile(r"\b\d+(?:st|nd|rd|th)\b|[’']?\b\d+0s\b"),
    # video resolutions, not pence: "1080p", "720p", "4320p"
    re.compile(r"\b(?:144|240|360|480|576|720|1080|1440|2160|4320)[pi]\b"),
    # read times and scores printed by page furniture: "2 min read"
    re.compile(r"\b\d+\s*min(?:ute)?s?\s+read\b", re.IGNORECASE),
]
# What a mask can start with: a bracket or quote anywhere, a digit or a month's capital after a non-word
# character. A test checks the one pass against each mask's own finditer.
_MASK_STARTS = rf"[\d(’'+{''.join(sorted({name[0] for name in _MONTHS}))}](?:(?<=[(’'+])|(?<!\w.))"
_MASKS_AT_ONCE = OnePass(_MASKS, _MASK_STARTS)
_ORDINAL_TAIL = re.compile(r"-(?:\w+(?:th|st|nd|rd)s?|firsts?|seconds?|thirds?|halfs?|halves)\b|-on-", re.IGNORECASE)
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|from|until|till|by|of|during|to|and|between|before|after|the|year|circa|c\.|A\.D\.|AD|BC|late|early|mid)\s*$",
    re.IGNORECASE,
)


def masked_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of text[start:end] (absolute offsets) whose numbers are dates, times, ids, ordinals.
    Not remembered here: a sentence's figures are (figures.sentence_figures), so a text reaching
    this is one not seen before."""
    return [(start + s, start + e) for s, e in _MASKS_AT_ONCE.spans(text[start:end])]


def inside(token: NumberToken, spans: list[tuple[int, int]]) -> bool:
    return any(s <= token.start and token.end <= e for s, e in spans)


def is_identifier(text: str, token: NumberToken, segment_start: int) -> bool:
    """Part of a name made of letters and digits: F-16, COVID-19, S23, TA-35, G7."""
    before = text[max(segment_start, token.start - 12):token.start]
    if token.spelled:
        return bool(re.search(r"[A-Za-z]-$", before))  # "one-on-one", "face-to-face"
    if token.vague:
        return False
    if re.search(r"[A-Za-z]-?$", before) and not re.search(r"(?:minus|[Mm]id|[Aa]bout|[Oo]ver|[Uu]p|[Ss]ub|[Nn]ow|[Tt]o|[Pp]re|[Pp]ost)-?$", before):
        return True
    # "737-800", "2-1" score-like pairs are handled by the range logic; "#3" is a rank.
    return before.endswith("#")


def is_ordinal_compound(text: str, token: NumberToken, end: int) -> bool:
    """'twenty-first', 'two-thirds', 'one-on-one'."""
    return bool(_ORDINAL_TAIL.match(text, token.end, end))


def looks_like_year(text: str, token: NumberToken, segment_start: int) -> bool:
    """A bare four-digit number a reader takes for a year ('in 2022', '2016 fellow')."""
    digits = token.integer_digits
    if token.spelled or token.vague or digits is None or not re.fullmatch(r"\d{4}", digits) or token.has_magnitude:
        return False
    value = int(digits)
    if 1900 <= value <= 2100:
        return True
    before = text[max(segment_start, token.start - 12):token.start]
    return 1000 <= value < 3000 and bool(_YEAR_CONTEXT.search(before))
