"""The one door to quantulum3: its unit lexicon and its parser, handed out as our own records.

quantulum3's parser is slow (~40k chars/s) and guesses wrongly on news counts ("25k" as
kelvin, "3,000 troops" as a bare number), so claimcheck runs its own number grammar on
whole sentences and borrows quantulum3's curated unit table; the parser is asked only about
short snippets the grammar cannot read (see checker/extract/hybrid.py). Nothing else in
claimcheck imports quantulum3, so swapping it out touches this file only.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class UnitEntry(BaseModel):
    """One unit: canonical name, the words and symbols that write it, and what it measures."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    entity: str = Field(description="what the unit measures: length, currency, dimensionless ...")
    surfaces: tuple[str, ...] = Field((), description="words, matched case-insensitively (plurals included)")
    symbols: tuple[str, ...] = Field((), description="symbols, matched exactly")
    prefix_symbols: tuple[str, ...] = Field((), description="symbols written before the number ($, US$)")
    currency_code: str | None = None


@lru_cache(maxsize=1)
def quantulum_units() -> tuple[UnitEntry, ...]:
    """Every English unit quantulum3 knows, with plural surfaces, as UnitEntry records.

    Loading quantulum3's tables takes seconds (it pluralises every surface with inflect), so
    the result is cached as JSON per quantulum3 version; a cache that cannot be read or
    written is simply rebuilt.
    """
    cache = _cache_path()
    if cache is not None and cache.is_file():
        try:
            return tuple(UnitEntry.model_validate(e) for e in json.loads(cache.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            pass
    entries = _load_from_quantulum()
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            partial = cache.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps([e.model_dump() for e in entries]), encoding="utf-8")
            partial.replace(cache)
        except OSError:
            pass
    return entries


def _cache_path() -> Path | None:
    try:
        release = version("quantulum3")
    except PackageNotFoundError:
        return None
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "claimcheck" / f"quantulum3-{release}-units.json"


def _load_from_quantulum() -> tuple[UnitEntry, ...]:
    with warnings.catch_warnings():
        # quantulum3 warns at import when its optional classifier is absent; we never use it.
        warnings.simplefilter("ignore")
        from quantulum3 import load

    table = load.units("en_US")
    surfaces: dict[str, set[str]] = {}
    symbols: dict[str, set[str]] = {}
    for surface, units in table.surfaces.items():
        for unit in units:
            surfaces.setdefault(unit.name, set()).add(surface)
    for symbol, units in table.symbols.items():
        for unit in units:
            symbols.setdefault(unit.name, set()).add(symbol)
    entries = []
    for name, unit in table.names.items():
        currency = unit.entity.name == "currency"
        unit_symbols = tuple(sorted(symbols.get(name, ())))
        entries.append(
            UnitEntry(
                name=name,
                entity=unit.entity.name,
                surfaces=tuple(sorted(surfaces.get(name, ()))),
                symbols=unit_symbols,
                # quantulum3 writes currency symbols that precede the amount among its symbols.
                prefix_symbols=tuple(s for s in unit_symbols if currency and not s.isalpha()),
                currency_code=getattr(unit, "currency_code", None),
            )
        )
    return tuple(entries)


class ParsedQuantity(BaseModel):
    """One quantity quantulum3 read in a short snippet; offsets index that snippet."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: float
    unit: str
    entity: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _parser() -> Any:
    """quantulum3's parser module, imported once without typeguard's instrumentation of inflect.

    quantulum3's English parser imports inflect, whose engine class is decorated with typeguard's
    @typechecked: at import typeguard re-compiles every method with run-time type checks, which
    costs 7-15 s. The checks only guard inflect against wrongly typed callers (quantulum3 passes
    strings), so the decorator is made a no-op while inflect is imported, and restored after.
    """
    with warnings.catch_warnings():
        # quantulum3 warns at import when its optional classifier is absent; we never use it.
        warnings.simplefilter("ignore")
        with _typeguard_disabled():
            import inflect  # noqa: F401  (imported here so the patched decorator is the one it sees)
            from quantulum3 import parser
            from quantulum3._lang.en_US import parser as _english  # noqa: F401  (loads inflect's users now)
    return parser


@contextmanager
def _typeguard_disabled() -> Iterator[None]:
    try:
        import typeguard
    except ImportError:  # an inflect without typeguard imports fast anyway
        yield
        return
    original = typeguard.typechecked
    typeguard.typechecked = _identity  # type: ignore[assignment]
    try:
        yield
    finally:
        typeguard.typechecked = original


def _identity(target: Any = None, **_options: Any) -> Any:
    return target if target is not None else _identity


@lru_cache(maxsize=4096)
def parse_snippet(snippet: str) -> tuple[ParsedQuantity, ...]:
    """quantulum3's reading of a few words around one number (cached: callers normalise snippets).

    Only ever handed short windows: quantulum3 costs milliseconds per call, so the extractor
    asks it about the rare forms its own grammar cannot read, never about whole sentences.
    """
    parser = _parser()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            parsed = parser.parse(snippet)
        except Exception:  # quantulum3 raises assorted errors on odd input; no reading then
            return ()
    found = []
    for quantity in parsed:
        if quantity.span is None:
            continue
        found.append(ParsedQuantity(value=float(quantity.value), unit=quantity.unit.name,
                                    entity=quantity.unit.entity.name, start=quantity.span[0], end=quantity.span[1]))
    return tuple(found)
