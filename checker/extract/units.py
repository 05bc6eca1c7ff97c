"""Units: find the unit written next to a number, and convert physical amounts to base units.

The vocabulary is quantulum3's unit table (via checker/extract/quantities.py) plus
data/units.yaml for the forms news prints that the table lacks ("per cent", "km²", "HK$").
Conversion uses pint, so 1,300 km² and 500 sq mi land on the same base value (m²).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from checker.extract.quantities import UnitEntry, quantulum_units

DATA_FILE = Path(__file__).resolve().parent / "data" / "units.yaml"
# pint's answers for every unit the lexicon knows, written by scripts/build_base_forms.py: importing
# pint and building its registry costs about half a second, most of a one-draft `check`.
# tests/test_base_forms.py fails when the table and pint disagree (a new unit, a new pint).
BASE_FORMS_FILE = DATA_FILE.with_name("base_forms.json")
MAX_UNIT_WORDS = 4
# A unit token: letters and the marks units are written with (°, ², /, $, -, ').
_TOKEN = re.compile(r"[^\s\d(),;:!?\"“”\[\]][^\s(),;:!?\"“”\[\]]*")


class ExtraUnit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    entity: str
    surfaces: list[str] = Field(default_factory=list)
    symbols: list[str] = Field(default_factory=list)
    attached: list[str] = Field(default_factory=list, description="symbols read only when touching the number")
    prefix: list[str] = Field(default_factory=list, description="currency symbols written before the amount")


class UnitVocabulary(BaseModel):
    """data/units.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    extra_units: list[ExtraUnit]
    deny_surfaces: list[str]
    spaced_symbols: list[str]
    deny_attached: list[str]
    deny_spaced: list[str]
    prefer: list[str]
    guarded_prefixes: list[str]
    money_with_magnitude: dict[str, str]
    pint_names: dict[str, str]


@dataclass(frozen=True)
class UnitInfo:
    name: str
    entity: str

    @property
    def is_currency(self) -> bool:
        return self.entity == "currency"


@dataclass(frozen=True)
class UnitMatch:
    unit: UnitInfo
    start: int
    end: int


# Capitals glued to a dollar sign that no listed prefix (US$, HK$, A$, ...) claims.
_LETTERS_BEFORE_DOLLAR = re.compile(r"(?<![A-Za-z0-9])([A-Z]{1,3})$")


class UnitLexicon:
    """Lookup tables built once from quantulum3's units and data/units.yaml."""

    def __init__(self, vocabulary: UnitVocabulary, entries: tuple[UnitEntry, ...]) -> None:
        self.vocabulary = vocabulary
        rank = {name: i for i, name in enumerate(vocabulary.prefer)}
        self._surfaces: dict[str, UnitInfo] = {}
        self._symbols: dict[str, UnitInfo] = {}
        self._attached: dict[str, UnitInfo] = {}
        self.prefixes: dict[str, UnitInfo] = {}
        denied = {s.lower() for s in vocabulary.deny_surfaces}
        self.denied_surfaces = frozenset(denied)  # lower-cased, asked for every word after a number
        spaced = set(vocabulary.spaced_symbols)
        denied_spaced = set(vocabulary.deny_spaced)
        deny_attached = set(vocabulary.deny_attached)
        # Sort so preferred units are added last and win ties on a shared surface.
        ordered = sorted(entries, key=lambda e: -rank.get(e.name, len(rank)))
        for entry in ordered:
            info = UnitInfo(entry.name, entry.entity)
            for surface in entry.surfaces:
                if surface.lower() not in denied:
                    self._surfaces[surface.lower()] = info
            for symbol in entry.symbols:
                if symbol.lower() in denied or symbol in ("$",):
                    continue
                if symbol in spaced or _distinctive(symbol, denied_spaced):
                    self._symbols[symbol] = info
                if symbol not in deny_attached:
                    self._attached[symbol] = info
            for symbol in entry.prefix_symbols:
                self.prefixes.setdefault(symbol, info)
        for extra in sorted(vocabulary.extra_units, key=lambda e: -rank.get(e.name, len(rank))):
            info = UnitInfo(extra.name, extra.entity)
            for surface in extra.surfaces:
                self._surfaces[surface.lower()] = info
            for symbol in extra.symbols:
                self._symbols[symbol] = info
                self._attached[symbol] = info
            for symbol in extra.attached:
                self._attached[symbol] = info
            for symbol in extra.prefix:
                self.prefixes[symbol] = info
        folded: dict[str, set[UnitInfo]] = {}
        for symbol, info in self._symbols.items():
            if len(symbol) > 1:
                folded.setdefault(symbol.lower(), set()).add(info)
        # Case-folded symbols, only where folding does not merge two units (mm / Mm).
        self._symbols_folded = {s: next(iter(i)) for s, i in folded.items() if len(i) == 1}
        # "HK$" is also printed "HK $": the letters and the sign may stand apart.
        spaced_prefixes = {p[:-1] + " $": info for p, info in self.prefixes.items() if len(p) > 1 and p.endswith("$")}
        self.prefixes.update({p: i for p, i in spaced_prefixes.items() if p not in self.prefixes})
        self._prefix_re = re.compile(
            "(?:" + "|".join(re.escape(p) for p in sorted(self.prefixes, key=len, reverse=True)) + r")\s?-?$"
        )

    def prefix_before(self, text: str, pos: int) -> UnitMatch | None:
        """A currency symbol ending right before `pos` ("$", "US $", "HK$")."""
        window_start = max(0, pos - 8)
        found = self._prefix_re.search(text, window_start, pos)
        if not found:
            return None
        symbol = re.sub(r"[\s-]+$", "", found.group(0))  # any space before the figure: "¢\u00a00" too
        start = found.start()
        # An alphabetic prefix (USD, Rs) must not be the tail of a longer word.
        if symbol[0].isalpha() and start > 0 and text[start - 1].isalnum():
            return None
        if symbol == "$":
            letters = _LETTERS_BEFORE_DOLLAR.search(text, max(0, start - 4), start)
            if letters:  # "V$150", "R$500", "TT$20": another country's dollar-sign currency, never US dollars
                return UnitMatch(UnitInfo(f"{letters.group(1)}$ dollar", "currency"), letters.start(1), start + 1)
        return UnitMatch(self.prefixes[symbol], start, start + len(symbol))

    def match_after(self, text: str, pos: int, end: int) -> UnitMatch | None:
        """The longest unit written from `pos` (right after a number), within text[:end]."""
        cursor = pos
        if pos < end and text[pos] in " -\u00a0":  # "5 km", "6.1-inch", "three-day"
            cursor += 1
        touching = cursor == pos
        tokens: list[tuple[int, int]] = []
        while len(tokens) < MAX_UNIT_WORDS:
            found = _TOKEN.match(text, cursor, end)
            if not found:
                break
            tokens.append(found.span())
            cursor = found.end()
            if cursor >= end or text[cursor] != " ":
                break
            cursor += 1
        if not tokens:
            return None
        first = tokens[0]
        # "43.4 percent-owned": a unit glued to a following word by a hyphen
        hyphen = text.find("-", first[0] + 1, first[1])
        spans = [(first[0], last) for _, last in reversed(tokens)]
        if hyphen > 0:
            spans.append((first[0], hyphen))
        for first_char, last in spans:
            for stop in (last, last - 1):  # the sentence's full stop may cling to the unit
                if stop <= first_char or (stop < last and text[stop] != "."):
                    continue
                info = self._lookup(text[first_char:stop], touching)
                if info is not None:
                    return UnitMatch(info, first_char, stop)
        return None

    def _lookup(self, written: str, touching: bool) -> UnitInfo | None:
        written = written.replace("\u03bc", "\u00b5")  # Greek mu for the micro sign: "352 μm"
        if touching and written in self._attached:
            return self._attached[written]
        if written in self._symbols:
            return self._symbols[written]
        if not written.islower() and written.lower() in self._symbols_folded:
            return self._symbols_folded[written.lower()]  # "49.5 HZ", "2.4Ghz"
        return self._surfaces.get(written.lower())

    def attached_symbol(self, written: str) -> UnitInfo | None:
        """The unit a symbol names when it touches its number ("12C"), by this lexicon's preferences."""
        return self._attached.get(written)

    def measure_units(self) -> list[str]:
        """Every unit name the lexicon can find that is neither money nor a bare count, sorted."""
        found = (*self._surfaces.values(), *self._symbols.values(), *self._attached.values(), *self.prefixes.values())
        return sorted({info.name for info in found if info.entity not in ("currency", "dimensionless")})

    def surface(self, written: str) -> UnitInfo | None:
        """The unit a standalone word names ("hours", "gallon"), if any."""
        return self._surfaces.get(written.lower())


def _distinctive(symbol: str, denied: set[str]) -> bool:
    """A symbol no English word is spelled like ("eV", "GPa", "TeV") may stand apart from its number."""
    return len(symbol) >= 2 and not symbol.isalpha() or (
        len(symbol) >= 2 and not symbol.islower() and not symbol.istitle() and symbol not in denied
    )


@lru_cache(maxsize=1)
def unit_lexicon() -> UnitLexicon:
    data: Any = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    return UnitLexicon(UnitVocabulary.model_validate(data), quantulum_units())


# --- conversion ------------------------------------------------------------------------------

@dataclass(frozen=True)
class BaseForm:
    """value_in_base = value * scale + offset (offset only for temperatures)."""

    dimension: str
    scale: float
    offset: float

    def convert(self, value: float | None) -> float | None:
        if value is None:
            return None
        converted = value * self.scale + self.offset
        return converted if math.isfinite(converted) else None  # overflowed: nothing to compare


@lru_cache(maxsize=1)
def _registry() -> Any:
    import pint  # imported lazily: building the registry costs ~0.3 s

    return pint.UnitRegistry()


def _pint_expression(name: str) -> str:
    explicit = unit_lexicon().vocabulary.pint_names.get(name)
    if explicit is not None:
        return explicit
    expression = re.sub(r"\bsquare (\w+)", r"\1 ** 2", name)
    expression = re.sub(r"\bcubic (\w+)", r"\1 ** 3", expression)
    return expression.replace(" per ", " / ").replace("-", "_")


@lru_cache(maxsize=512)
def base_form(name: str) -> BaseForm | None:
    """How to put an amount in `name` into pint base units, or None if pint does not know it."""
    known = _known_base_forms()
    if name in known:
        return known[name]
    return pint_base_form(name)


@lru_cache(maxsize=1)
def _known_base_forms() -> dict[str, BaseForm | None]:
    try:
        table = json.loads(BASE_FORMS_FILE.read_text(encoding="utf-8"))["forms"]
    except (OSError, ValueError, KeyError):  # no table (a source checkout mid-edit): ask pint each time
        return {}
    return {name: None if form is None else BaseForm(*form) for name, form in table.items()}


def pint_base_form(name: str) -> BaseForm | None:
    """base_form as pint answers it (what the table holds)."""
    expression = _pint_expression(name)
    if not expression:
        return None
    registry = _registry()
    try:
        zero = registry.Quantity(0.0, expression).to_base_units()
        one = registry.Quantity(1.0, expression).to_base_units()
    except Exception:  # pint raises several unrelated types for unknown or odd names
        return None
    if one.dimensionless:
        return None
    return BaseForm(str(one.dimensionality), float(one.magnitude - zero.magnitude), float(zero.magnitude))
