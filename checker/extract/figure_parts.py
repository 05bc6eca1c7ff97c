"""Building blocks of figures.py: one number read with its currency and unit (an Atom), and
the compiled per-rule-set patterns (a Grammar) for hedges, labels and the quick no-number test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from checker.extract.clauses import CALENDAR_NAMES, trie_alternation
from checker.extract.hybrid import unit_from_parser
from checker.extract.nouns import singular, word_lists
from checker.extract.numbers import SMALL_NUMBERS, NumberScanner, NumberToken, with_abbreviation
from checker.extract.one_pass import OnePass, any_case
from checker.extract.types import Figure
from checker.extract.units import UnitInfo, UnitMatch, base_form, unit_lexicon
from checker.ruleset import Hedge, RuleSet

# "$58 per barrel", "$3,500 a month", "800,000 barrels a day", "times a minute"
_PER = re.compile(
    r"(?:\s*/\s*|\s+(?:per|a|an|each|every|for\s+each|for\s+every)\s+|\s+(?:a|an)-|-(?:a|an|per)-)(?!\w+\s+(?:earlier|ago|later|before|after|from|on(?!\s+(?:the|a|an|his|her|their|its|each|every|top)\b))\b)",
    re.IGNORECASE  # "a year on, ..." is a time; "120 florins a month on the average salary" a rate
)
_PER_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")
_PER_ARTICLE_NOUNS = {"share", "head", "person", "piece", "ticket", "unit", "barrel", "gallon", "litre", "liter",
                      "ounce", "tonne", "ton", "kilo", "kilogram", "pound", "night", "room", "seat", "household"}
_OF = re.compile(r" of(?= )")
_POWER_WORD = re.compile(r" (squared|cubed)\b", re.IGNORECASE)
_MINUS = re.compile(r"\bminus[\s-]$", re.IGNORECASE)
_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w.&'’]*)\s+$")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?]\s+|\n\s*)[\"“‘'(\[]?$")


@dataclass(frozen=True)
class Atom:
    """One number with the currency before it and the unit after it, before ranges are joined."""

    token: NumberToken
    start: int
    end: int  # after the number, or after its unit when one is written
    value: float
    prefix: UnitMatch | None = None
    unit: UnitInfo | None = None
    unit_span: tuple[int, int] | None = None

    @property
    def unit_end(self) -> int:
        return self.end

    def scaled(self, scale: float) -> Atom:
        token = replace(self.token, value=self.token.value * scale, scale=scale)
        return replace(self, token=token, value=self.value * scale)


def read_atom(text: str, token: NumberToken, start: int, end: int) -> Atom | None:
    """Read one number's currency and unit; None when letters glued to it make it an id ('5G')."""
    lexicon = unit_lexicon()
    prefix = None if token.spelled or token.vague else lexicon.prefix_before(text, token.start)
    if token.abbreviation is not None and _abbreviation_is_magnitude(text, token, prefix, end):
        token = with_abbreviation(token)
    if prefix is not None and guarded_prefix_refused(text, token, prefix):
        prefix = None
    value = token.value
    atom_start = prefix.start if prefix and prefix.start >= start else token.start
    minus = _MINUS.search(text, max(start, token.start - 6), token.start)
    if minus and value > 0:
        value, atom_start = -value, minus.start()
    suffix = lexicon.match_after(text, token.end, end)
    if prefix is None and not token.spelled and not token.vague:
        borrowed = unit_from_parser(text, token.end, end, suffix.end if suffix else None)
        if borrowed is not None:
            suffix = UnitMatch(*borrowed)
        elif suffix is not None and suffix.unit.entity == "length" and (power := _POWER_WORD.match(text, suffix.end, end)):
            # "4 km cubed": the power word after a length names a volume or an area
            power_name = f"{power.group(1).lower().replace('squared', 'square').replace('cubed', 'cubic')} {suffix.unit.name}"
            suffix = UnitMatch(UnitInfo(power_name, "area" if power_name.startswith("square") else "volume"),
                               suffix.start, power.end())
    if suffix is None and token.end < end and text[token.end].isalpha():
        return None
    if suffix is None and not prefix:
        of = _OF.match(text, token.end, end)
        found = lexicon.match_after(text, of.end(), end) if of else None
        if found is not None and found.unit.entity != "dimensionless":
            suffix = found
    unit: UnitInfo | None = None
    unit_span: tuple[int, int] | None = None
    atom_end = token.end
    if prefix is not None and (suffix is None or not suffix.unit.is_currency):
        unit, unit_span = prefix.unit, (prefix.start, prefix.end)
    elif suffix is not None:
        unit, unit_span, atom_end = suffix.unit, (suffix.start, suffix.end), suffix.end
        swap = lexicon.vocabulary.money_with_magnitude.get(unit.name)
        if swap and token.has_magnitude:
            unit = UnitInfo(swap, "currency")
    if unit is not None:
        per = _per_unit(text, atom_end, end)
        if per is not None:
            name, per_end = per
            unit = UnitInfo(f"{unit.name} per {name}", unit.entity)
            atom_end = per_end
    return Atom(token, atom_start, atom_end, value, prefix, unit, unit_span)


def guarded_prefix_refused(text: str, token: NumberToken, prefix: UnitMatch) -> bool:
    """'PS5' is a console, 'PS2.7m' is £2.7m: a guarded prefix needs an amount written like money."""
    if text[prefix.start:prefix.end] not in unit_lexicon().vocabulary.guarded_prefixes:
        return False
    digits = token.integer_digits or ""
    return not (token.has_magnitude or token.abbreviation or "," in digits or "." in digits)


def _abbreviation_is_magnitude(text: str, token: NumberToken, prefix: UnitMatch | None, end: int) -> bool:
    """'$5.4m', '2.7m sales', '10m people' are millions; '100m sprint' is metres."""
    if prefix is not None and prefix.unit.is_currency:
        return True
    if token.abbreviation == "T":
        return False  # "$2.1T" is trillions; a bare "5T" is tonnes or teslas
    digits = token.integer_digits or ""
    after = token.end + len(token.abbreviation or "")
    following = re.match(r"\s+(of\b|[A-Za-z][\w-]*)", text[after:end])
    if "." in digits:
        return True
    if following is None:
        return False
    word = following.group(1)
    return word == "of" or (word.lower().endswith("s") and unit_lexicon().surface(word) is None)


def per_time(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """A rate over time after a counted noun: "800 tests a day" -> ("day", end)."""
    found = _per_unit(text, pos, end)
    if found is None or (unit := unit_lexicon().surface(found[0])) is None or unit.entity != "time":
        return None
    return found


def _per_unit(text: str, pos: int, end: int) -> tuple[str, int] | None:
    found = _PER.match(text, pos, end)
    if not found:
        return None
    connector = found.group(0).strip().lower()
    written_unit = unit_lexicon().match_after(text, found.end() - 1, end)
    if written_unit is not None and " " in text[written_unit.start:written_unit.end]:
        return written_unit.unit.name, written_unit.end  # "per square foot"
    word = _PER_WORD.match(text, found.end(), end)
    if not word:
        return None
    written = word.group(0)
    unit = unit_lexicon().surface(written)
    if unit is not None and unit.entity == "time":
        return unit.name, word.end()
    lower = singular(written)
    if connector in ("per", "/") or lower in _PER_ARTICLE_NOUNS or unit is not None:
        if lower in word_lists().stop:
            return None
        return (unit.name if unit is not None else lower), word.end()
    return None


@dataclass(frozen=True)
class Grammar:
    scanner: NumberScanner
    hedges: dict[str, Hedge]
    hedge_re: re.Pattern[str]
    labels: frozenset[str]
    has_number: OnePass  # whether a stretch holds a digit or a number word at all

    def is_label(self, text: str, figure_start: int, start: int, written_as_amount: bool = False,
                 counts_a_noun: bool = False) -> bool:
        """A number right after 'Article', 'Route' or a mid-sentence name ('Boeing 737', 'S&P 500').
        `written_as_amount`: grouped by thousands or scaled ('2,023,000', '2.1 million'), which no
        name's number is, so after a name it is that name's figure ('... and Lukov 2,023,000').
        `counts_a_noun`: a counted noun follows, so after a day's name it counts ('On Tuesday 45 people')."""
        found = _PREVIOUS_WORD.search(text, max(start, figure_start - 30), figure_start)
        if not found:
            return False
        word = found.group(1)
        lower = word.lower()
        if lower in self.labels or lower.rstrip(".") in self.labels:
            return True
        if written_as_amount or (counts_a_noun and word.rstrip(".") in CALENDAR_NAMES):
            return False  # "On 27 March 300 people": a day is no name; "on August 180," is a garbled date
        if not word[0].isupper() or word.endswith(("'s", "’s", "s'")) or lower in word_lists().stop:
            return False
        if lower in self.hedges or any(h.startswith(lower + " ") or h.endswith(" " + lower) for h in self.hedges):
            return False
        return not _SENTENCE_OPENING.search(text, start, found.start())


_GRAMMARS: dict[int, tuple[RuleSet, Grammar]] = {}


def grammar_for(rules: RuleSet) -> Grammar:
    """The compiled grammar of one rule set (cached: a RuleSet is built once per run, never mutated)."""
    cached = _GRAMMARS.get(id(rules))
    if cached is not None and cached[0] is rules:
        return cached[1]
    grammar = _compile(rules)
    _GRAMMARS[id(rules)] = (rules, grammar)
    return grammar


def _compile(rules: RuleSet) -> Grammar:
    hedges = {" ".join(w.lower().split()): hedge for hedge in rules.hedges for w in hedge.words}
    hedge_re = re.compile(rf"(?<![\w.])(?P<hedge>{trie_alternation(hedges)})\s+$", re.IGNORECASE)
    amount_words = {w for amount in rules.amounts for phrase in amount.words for w in phrase.lower().split()}
    number_words = {*SMALL_NUMBERS, "hundred", "thousand", "million", "billion", "trillion", "dozen",
                    *(w for w in amount_words if w not in ("a", "of"))}
    has_number = re.compile(r"[\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]|\b(?:" + trie_alternation(number_words) + r")\b", re.IGNORECASE)
    # asked of every sentence: scanned from a digit or a number word's first letter only (one_pass.py)
    first_letters = "".join(sorted({word[0] for word in number_words if word}))
    has_number_fast = OnePass([has_number], f"[\\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞{any_case(first_letters)}]")
    return Grammar(NumberScanner(rules.amounts), hedges, hedge_re, frozenset(w.lower() for w in rules.label_words),
                   has_number_fast)


PERCENT_UNITS = {"percentage", "percentage point", "basis point"}


def with_unit(figure: Figure, name: str, entity: str, span: tuple[int, int] | None) -> Figure:
    """The figure measured in `name`: its kind from the unit's entity, a measure's value in base units."""
    update: dict[str, object] = {"unit": name, "unit_span": span}
    if entity == "currency":
        update["kind"] = "money"
    elif name in PERCENT_UNITS or name.startswith("percentage"):
        update["kind"] = "percent"
    elif entity == "dimensionless":
        update["kind"] = "count"
    else:
        update["kind"] = "measure"
        form = base_form(name)
        if form is not None:
            update.update(
                dimension=form.dimension,
                base_value=form.convert(figure.value),
                base_low=form.convert(figure.low),
                base_high=form.convert(figure.high),
            )
    return figure.model_copy(update=update)
