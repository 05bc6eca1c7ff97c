"""Units our grammar cannot read, borrowed from quantulum3's parser one token at a time.

The lexicon (units.py) reads a spaced symbol only when no English word is spelled like it,
so "5 W", "12 C", "100 cl", "3 hrs" and compound expressions ("4 J/m^2", "4e14 s-1",
"6 km^3") come back unit-less. A short token that is a known symbol is read from the table
(no parse); a compound token is handed to quantulum3's parser as "2 <token>": the number is
fixed so the answer depends on the token alone and is cached, and fractions with a unit
("2 1/2 in", "⅓ cup") are parsed as written. Only these rare spans reach the parser, which
keeps the extractor an order of magnitude faster than running quantulum3 on whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.extract.nouns import word_lists
from checker.extract.one_pass import OnePass
from checker.extract.quantities import parse_snippet
from checker.extract.units import UnitInfo, unit_lexicon

# A unit expression: exponents, divisions, "s-1", "km2" (a letter then a small power).
_COMPOUND = re.compile(r"\^|/|[A-Za-z][−-]?[123]$|[²³]")
_RAW_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”!?]+")
_TRAILING = ".'’"
MAX_SHORT_TOKEN = 3  # "W", "cl", "hrs", "tpd": longer plain words are counted nouns, not units


@dataclass(frozen=True)
class RawToken:
    start: int
    end: int
    touching: bool

    def written(self, text: str) -> str:
        return text[self.start:self.end]


def raw_token_after(text: str, pos: int, end: int) -> RawToken | None:
    """The whitespace-delimited token right after a number ("5 W", "4km^3"), trailing dot dropped."""
    cursor = pos
    if cursor < end and text[cursor] in " \u00a0":
        cursor += 1
    found = _RAW_TOKEN.match(text, cursor, end)
    if not found:
        return None
    stop = found.end()
    while stop > found.start() and text[stop - 1] in _TRAILING:
        stop -= 1
    if stop == found.start() or not text[found.start()].isalpha():
        return None
    return RawToken(found.start(), stop, cursor == pos)


def worth_asking(written: str, touching: bool) -> bool:
    """Whether quantulum3 could read a unit our lexicon missed; keeps common words away from it."""
    lower = written.lower()
    lexicon = unit_lexicon()
    vocabulary = lexicon.vocabulary
    if lower in word_lists().stop or lower in lexicon.denied_surfaces:
        return False
    if touching and written in vocabulary.deny_attached:
        return False  # "5G", "3D": names, not amounts
    if not touching and (written in vocabulary.deny_spaced or written.rstrip("s") in vocabulary.deny_spaced):
        return False  # "2 TV", "3 MPs"
    if written.istitle() and len(written) > 2:
        return False  # "737 Max", "5th Ave": a capitalised word after a number is a name
    return bool(_COMPOUND.search(written)) or (len(written) <= MAX_SHORT_TOKEN and written.isalpha())


@lru_cache(maxsize=2048)
def borrowed_unit(written: str, touching: bool) -> UnitInfo | None:
    """quantulum3's unit for a token written after a number, when it reads the whole token as one."""
    snippet = ("2" if touching else "2 ") + written
    parsed = parse_snippet(snippet)
    if len(parsed) != 1:
        return None
    (quantity,) = parsed
    if quantity.start != 0 or quantity.end != len(snippet) or quantity.value != 2.0:
        return None  # "2 key" read as 2,000 exayears: the token changed the number, so it is no unit
    if quantity.unit == "dimensionless" or quantity.entity == "dimensionless":
        return None
    words = quantity.unit.split()
    if len(set(words)) != len(words):
        return None  # "penny penny gram": letters split into symbols at random
    if quantity.entity == "unknown" and written.islower() and written.isalpha():
        return None  # "yds" as yard-second; compounds need a capital or an operator to be trusted
    return UnitInfo(quantity.unit, quantity.entity)


def unit_from_parser(text: str, pos: int, end: int, covered_to: int | None) -> tuple[UnitInfo, int, int] | None:
    """A unit after the number ending at `pos` that the lexicon read only partly (covered_to) or not at all."""
    raw = raw_token_after(text, pos, end)
    if raw is None or (covered_to is not None and covered_to >= raw.end):
        return None
    written = raw.written(text)
    if not worth_asking(written, raw.touching):
        return None
    if _COMPOUND.search(written):
        unit = borrowed_unit(written, raw.touching)
    else:
        # A plain short symbol ("12 C", "100 cl", "3 hrs") is in quantulum3's table already; the
        # lexicon only refused it spaced because words share it. Its preferred reading needs no parse.
        unit = unit_lexicon().attached_symbol(written)
    return (unit, raw.start, raw.end) if unit is not None else None


def clear_caches() -> None:
    """Forget every quantulum3 answer (for honest cold-cache timing)."""
    borrowed_unit.cache_clear()
    parse_snippet.cache_clear()


# "2 1/2 in", "1/4 inch", "⅓ cup": fractions with a unit. A bare slashed pair is a date or a
# score ("24/7", "9/11") and stays masked; with a unit after it, it is an amount.
_FRACTION = re.compile(r"(?<![\w/.,])(?:\d{1,3}\s)?\d{1,3}[/⁄]\d{1,3}(?![\w/⁄])|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]")
# tried only from a digit or a vulgar fraction (see one_pass.py): most sentences hold few of either
_FRACTION_ALONE = OnePass([_FRACTION], r"[\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]")


@dataclass(frozen=True)
class FractionReading:
    start: int
    number_end: int
    end: int
    value: float
    unit: UnitInfo
    unit_start: int


def fractions_with_units(text: str, start: int, end: int) -> list[FractionReading]:
    """Fractions followed by a unit, read by quantulum3 (our number grammar reads no fractions)."""
    readings = []
    for found in _FRACTION_ALONE.matches(text, start, end)[0]:
        raw = raw_token_after(text, found.end(), end)
        if raw is None or raw.touching:
            continue
        snippet = text[found.start():raw.end].replace("⁄", "/")  # the fraction slash U+2044
        parsed = parse_snippet(snippet)
        if len(parsed) != 1 or parsed[0].start != 0 or parsed[0].end != len(snippet):
            continue
        quantity = parsed[0]
        if quantity.entity in ("dimensionless", "unknown"):
            continue
        readings.append(FractionReading(found.start(), found.end(), raw.end, quantity.value,
                                        UnitInfo(quantity.unit, quantity.entity), raw.start))
    return readings
