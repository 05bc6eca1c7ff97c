"""Numbers as news writes them: digits with separators, k/m/bn suffixes, number words, vague amounts.

`scan_numbers` finds every number-like span in a stretch of text and reads its value. It
knows nothing about units or whether the number is a claim (a year, a date, a model name):
that is decided by checker/extract/figures.py, which sees the words around it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from checker.extract.clauses import trie_alternation
from checker.extract.one_pass import OnePass, any_case
from checker.ruleset import VagueAmount

SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Suffixes that always scale ("25k", "$2bn"); m/M/b/B are ambiguous with metres and bytes,
# so they are reported as `abbreviation` and left to the caller.
ABBREVIATIONS = {"mil": 1e6, "mln": 1e6, "bln": 1e9, "k": 1e3, "K": 1e3, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "tr": 1e12, "m": 1e6, "M": 1e6, "B": 1e9,
                 "T": 1e12}
AMBIGUOUS_ABBREVIATIONS = {"m", "M", "b", "B", "T"}

_NUMBER_WORD = trie_alternation([*SMALL_NUMBERS, "hundred", *SCALES, "dozen"])
_SPELLED = re.compile(
    rf"\b(?:an?\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    rf"(?:{_NUMBER_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_NUMBER_WORD}))*\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(
    r"(?<![\d.,])(?P<sign>[-−](?=[\d.]))?"
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,]|\.\d{3})|\d+)(?:\.\d+)?|\.\d+)"
    r"(?:\s?×\s?10(?:\^|\*\*)?(?P<exp>[-−]?\d{1,3})|[eE](?P<sci>[-+−]?\d{1,3})(?![\w.]))?"
    r"(?:(?P<abbr>mil|mn|bn|tn|tr|k|K|m|M|b|B|T)\b|\s?(?P<abbr2>bn|mn|tn|mln|bln)\b"
    r"|[\s-]?(?P<scale>(?:hundred[\s-])?(?:thousand|million|billion|trillion)|hundred)\b)?"
)
# What _DIGITS can start with (a digit, a point or a minus sign not glued to another number): scanning
# for these first, which re does in C, makes the number pattern cheaper than trying it everywhere.
_DIGITS_ALONE = OnePass([_DIGITS], r"[\d.\-−](?<![\d.,].)")
_DENOMINATORS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10}
_SMALL = "|".join(sorted((w for w, v in SMALL_NUMBERS.items() if 0 < v < 20), key=len, reverse=True))
_DENOMINATOR = r"(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
# "2 in 3 minutes" is a time, not a share
_TIME_WORDS = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|games?|matches|races|attempts|starts)\b"
# "two-thirds", "one sixth", "a third of", "two and a half", "half the", "half a million".
# "a third", "one quarter" and a bare "half" are fractions only before "of"/"the" ("a third term",
# "the first half" and "in one quarter" are not).
_FRACTION_WORDS = re.compile(
    rf"\b(?:(?P<whole>{_NUMBER_WORD})\s+and\s+a\s+half"
    rf"|(?P<num>{_SMALL})[\s-](?P<den>{_DENOMINATOR})(?<!quarter)(?<!one quarter)(?<!one-quarter)"
    rf"|(?P<anum>an?|one)[\s-](?P<aden>{_DENOMINATOR})(?=\s+of\b)"
    rf"|(?<!first )(?<!second )(?<!the )(?<!a )(?<!an )(?<!one )(?<!and )half(?:\s+an?\s+(?P<scale>dozen|hundred|thousand|million|billion|trillion)|(?=\s+(?:of|the)\b)))\b",
    re.IGNORECASE,
)
# Cheap tests that let most sentences skip the fraction patterns (they cost more than all others).
_FRACTION_HINT_WORDS = ("half", "halv", "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                        "tenth")
_FRACTION_HINT = re.compile("|".join(_FRACTION_HINT_WORDS), re.IGNORECASE)
# scanned from the words' first letters only (one_pass.py)
_FRACTION_HINT_FAST = OnePass([_FRACTION_HINT], f"[{any_case(''.join({w[0] for w in _FRACTION_HINT_WORDS}))}]")
# "one in four", "1 out of 3": found from the link word outwards.
_RATIO_LINK = re.compile(r"\s+(?:in|out\s+of)\s+")
_RATIO_LEFT = re.compile(rf"(?<![\w.,])(?:{_SMALL}|\d{{1,2}})$", re.IGNORECASE)
_RATIO_RIGHT = re.compile(rf"(?:{_SMALL}|twenty|fifty|a\s+hundred|\d{{1,3}})\b(?![\d,.])(?!\s+{_TIME_WORDS})",
                          re.IGNORECASE)
_TRILLION_ETC = re.compile(r"(thousand|million|billion|trillion)", re.IGNORECASE)


@dataclass(frozen=True)
class NumberToken:
    """A number as written. `value` already includes written magnitudes ("1.3 million")."""

    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    spelled: bool = False
    vague: bool = False
    scale: float = 1.0
    abbreviation: str | None = None
    integer_digits: str | None = None  # the digits as written, for year and identifier tests
    fraction: bool = False  # "two-thirds", "one in four": a share of something, never a count of it

    @property
    def has_magnitude(self) -> bool:
        return self.scale != 1.0


def parse_digits(written: str) -> float:
    """'3,000' -> 3000.0, '10 000' -> 10000.0, '.5' -> 0.5, '−2.5' -> -2.5. Raises ValueError on anything else."""
    cleaned = re.sub(r"[,\s\u00a0\u2009\u202f]", "", written).replace("−", "-")
    return float(cleaned)


def parse_number_words(words: str) -> float | None:
    """'two hundred and fifty thousand' -> 250000.0; 'a dozen' -> 12.0; None if not a number."""
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("and", "a", "an", ""):
            continue
        seen = True
        if word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
    return total + current if seen else None


def _valid_word_sequence(words: list[str]) -> int:
    """How many leading words form one number: stops at 'two three' or 'five and six'."""
    last_kind = None
    for i, word in enumerate(words):
        lower = word.lower()
        if lower == "and":
            if last_kind not in ("hundred", "scale"):
                return i
            last_kind = "and"
            continue
        kind = "unit" if lower in SMALL_NUMBERS and SMALL_NUMBERS[lower] < 20 else (
            "ten" if lower in SMALL_NUMBERS else ("hundred" if lower in ("hundred", "dozen") else "scale"))
        if kind in ("unit", "ten") and last_kind in ("unit", "ten"):
            if not (kind == "unit" and last_kind == "ten"):
                return i
        last_kind = kind
    return len(words) - (1 if words and words[-1].lower() == "and" else 0)


class NumberScanner:
    """Compiled patterns for one set of vague amounts (from rules/hedges.yaml)."""

    def __init__(self, amounts: Iterable[VagueAmount]) -> None:
        self._amounts: dict[str, VagueAmount] = {}
        for amount in amounts:
            for words in amount.words:
                self._amounts[" ".join(words.lower().split())] = amount
        self._vague = re.compile(rf"\b(?:{trie_alternation(self._amounts)})\b", re.IGNORECASE)

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[NumberToken]:
        """Every number in text[start:end], sorted, non-overlapping (longest reading wins)."""
        end = len(text) if end is None else end
        found: list[NumberToken] = []
        for match in self._vague.finditer(text, start, end):
            amount = self._amounts[" ".join(match.group(0).lower().split())]
            value = amount.value if amount.value is not None else amount.low
            found.append(NumberToken(match.start(), match.end(), value, amount.low, amount.high, vague=True))
        for match in _SPELLED.finditer(text, start, end):
            found.extend(self._spelled(text, match))
        for match in _DIGITS_ALONE.matches(text, start, end)[0]:
            token = self._digits(match)
            if math.isfinite(token.value):  # "1e400" is no figure a reader can check
                found.append(token)
        found.extend(_fractions(text, start, end))
        found.sort(key=lambda t: (t.start, -(t.end - t.start)))
        kept: list[NumberToken] = []
        for token in found:
            if kept and token.start < kept[-1].end:
                continue
            kept.append(token)
        return kept

    @staticmethod
    def _spelled(text: str, match: re.Match[str]) -> list[NumberToken]:
        """One token per well-formed run: "five and six" is two numbers, not eleven."""
        pieces = list(re.finditer(r"[A-Za-z]+", match.group(0)))
        tokens: list[NumberToken] = []
        while pieces:
            if pieces[0].group(0).lower() in ("a", "an", "and"):
                if len(pieces) == 1 or pieces[0].group(0).lower() == "and":
                    pieces = pieces[1:]
                    continue
            count = max(1, _valid_word_sequence([p.group(0) for p in pieces]))
            run, pieces = pieces[:count], pieces[count:]
            start, end = match.start() + run[0].start(), match.start() + run[-1].end()
            written = text[start:end]
            value = parse_number_words(written)
            if value is None:
                continue
            scale_word = _TRILLION_ETC.search(written)
            scale = SCALES[scale_word.group(1).lower()] if scale_word else 1.0
            tokens.append(NumberToken(start, end, value, spelled=True, scale=scale))
        return tokens

    @staticmethod
    def _digits(match: re.Match[str]) -> NumberToken:
        value = parse_digits(match.group("num"))
        start = match.start()
        if match.group("sign") and start > 0 and match.string[start - 1].isalnum():
            start += 1  # "to-260,000", "now-18": a hyphen joining words is not a minus sign
        elif match.group("sign"):
            value = -value
        exponent = match.group("exp") or match.group("sci")
        if exponent:
            try:
                value *= 10.0 ** int(exponent.replace("−", "-"))
            except OverflowError:
                value = math.inf
        scale, abbreviation = 1.0, None
        if match.group("scale"):
            for word in re.split(r"[\s-]", match.group("scale").lower()):
                scale *= 100.0 if word == "hundred" else SCALES[word]
        abbr = match.group("abbr") or match.group("abbr2")
        if abbr in AMBIGUOUS_ABBREVIATIONS:
            abbreviation = abbr
        elif abbr:
            scale = ABBREVIATIONS[abbr]
        end = match.end() if abbreviation is None else match.start("abbr")
        return NumberToken(
            start, end, value * scale, scale=scale, abbreviation=abbreviation,
            integer_digits=match.group("num"),
        )


def _word_value(written: str) -> float | None:
    written = " ".join(written.lower().split())
    return float(written) if written.isdigit() else parse_number_words(written)


def _fractions(text: str, start: int, end: int) -> list[NumberToken]:
    tokens = []
    if _FRACTION_HINT_FAST.search(text, start, end):
        for match in _FRACTION_WORDS.finditer(text, start, end):
            value = fraction_value(match)
            if value is not None:
                scaled = match.group("scale") is not None  # "half a million people" counts people
                tokens.append(NumberToken(match.start(), match.end(), value, spelled=True, fraction=not scaled,
                                          scale=value if scaled else 1.0))
    for link in _RATIO_LINK.finditer(text, start, end):
        left = _RATIO_LEFT.search(text, max(start, link.start() - 12), link.start())
        right = _RATIO_RIGHT.match(text, link.end(), end)
        if left is None or right is None:
            continue
        numerator, denominator = _word_value(left.group(0)), _word_value(right.group(0))
        if numerator is not None and denominator and numerator < denominator:
            tokens.append(NumberToken(left.start(), right.end(), numerator / denominator, spelled=True, fraction=True))
    return tokens


def fraction_value(match: re.Match[str]) -> float | None:
    """The value of a _FRACTION_WORDS match."""
    if match.group("whole"):
        whole = parse_number_words(match.group("whole"))
        return None if whole is None else whole + 0.5
    if match.group("scale"):
        return 0.5 * (12 if match.group("scale").lower() == "dozen" else parse_number_words(match.group("scale")) or 1)
    numerator = match.group("num") or match.group("anum")
    denominator = match.group("den") or match.group("aden")
    if numerator is None or denominator is None:
        return 0.5  # "half the", "half of"
    top = 1.0 if numerator.lower() in ("a", "an") else parse_number_words(numerator)
    bottom = _DENOMINATORS.get(denominator.lower().rstrip("s"))
    return None if top is None or bottom is None else top / bottom


def with_abbreviation(token: NumberToken) -> NumberToken:
    """Read an ambiguous m/M/b/B suffix as million/billion and stretch the token over it."""
    if token.abbreviation is None:
        return token
    scale = ABBREVIATIONS[token.abbreviation]
    return NumberToken(
        token.start, token.end + len(token.abbreviation), token.value * scale, scale=scale,
        integer_digits=token.integer_digits,
    )
