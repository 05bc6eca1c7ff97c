"""Figures in a stretch of news text: value, interval, unit or counted noun, and hedge.

    find_figures(text, rules, start, end) -> [Figure]

Pipeline per call: scan numbers (numbers.py) -> drop dates, times, ids, ordinals
(nonclaims.py) -> read each number's currency prefix and unit (units.py) -> join ranges
("10,000 to 12,000", "between 3 and 5 million") -> find the counted noun (nouns.py) ->
drop years, labels ("Article 4") and bare number words -> read the hedge before it.

Unit conventions (Figure.unit):
  counts   the counted noun's head, singular and lower-case ("troop", "square" never);
           unit_span covers the whole noun phrase ("North Korean troops").
  money    the currency's name ("dollar", "euro", "pound sterling"); base_* stay None.
  percent  "percentage", "percentage point" or "basis point".
  measure  quantulum3's unit name ("square kilometre"), with pint dimension and base values.
Intervals: ranges and vague amounts ("dozens" = 12..120, see rules/hedges.yaml) set
is_range; hedges set one-sided or +-tolerance bounds; an unhedged figure is exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from checker.extract.ages import MAX_AGE
from checker.extract.figure_parts import (
    Atom,
    Grammar,
    grammar_for,
    guarded_prefix_refused,
    per_time,
    read_atom,
    with_unit,
)
from checker.extract.hybrid import FractionReading, fractions_with_units
from checker.extract.memo import by_text
from checker.extract.nonclaims import inside, is_identifier, is_ordinal_compound, looks_like_year, masked_spans
from checker.extract.nouns import OF_A_COUNTED_WHOLE, CountedNoun, counted_noun, counts_alone
from checker.extract.numbers import NumberToken
from checker.extract.types import Figure
from checker.extract.units import UnitInfo, unit_lexicon
from checker.identity import Identity
from checker.ruleset import Hedge, RuleSet

_RANGE_GAP = re.compile(r"-?\s*(?:to|through|thru|-|–|—|and|or)\s*-?\s*", re.IGNORECASE)
_PLUS_MINUS = re.compile(r"\s*(?:±|\+/-|\+/−|\+-)\s*")
_YEAR_CONTEXT_BEFORE = re.compile(r"\b(?:in|since|from|until|by|of|during|the|and|to|between|before|after)\s+$",
                                  re.IGNORECASE)
_NAME_AFTER = re.compile(r" [A-Z][a-z]+\b(?!')")
# A people named by a singular-form demonym and the clause ending or going on ("230 Dorvani, the ministry
# said", "2,100 Keshtari are held", "90 Iraqi and 40 Lebanese"): counted people, not a model's name
_DEMONYM_AFTER = re.compile(r" [A-Z][a-z]+(?:i|ese|ish|ch)\b(?=\s*(?:[,.;:)]|$)|\s+(?:and|or|were|are|was|is|remain|remained"
                            r"|had|have|who|from|in|at|to|on|still|held)\b)")
# A bare number after an earlier figure, joined by a connective: "rose 64 points to 4,577",
# "435 homes by sale and 187 by tender". It is the same kind of amount, written once.
_ELLIPSIS_GAP = re.compile(
    r"[^\d.;:!?()\[\]]{0,40}?\b(?:to|at|from|and|or|versus|vs\.?|including|than)\s+", re.IGNORECASE
)
# "stolen this year, compared with 63": a comparison names the same kind of amount however far back
_COMPARISON_GAP = re.compile(r"[^\d;:!?()\[\]]{0,120}?\bcompared (?:with|to)\s+", re.IGNORECASE)
# "waited longer than 52 weeks", "waiting over a year": a wait's line, which the figure after it does not measure
_A_LINE_BEFORE = re.compile(r"\b(?:more|longer|less|shorter)\s+than\s+$|\bwait(?:ed|ing)?\s+(?:over|under)\s+$", re.IGNORECASE)
# "Smith, 66, said": a person's age in years
_APPOSITION_BEFORE = re.compile(r"[A-Z][\w'’.-]*,\s$")
# "who was 10", "she will be 35", "at the age of 21": a person's age in years
_AGE_BEFORE = re.compile(
    r"(?:\b(?:who|he|she|I|they|we)\s+(?:is|was|were|are|will be|would be|turned|turns|has turned|had turned)"
    r"(?:\s+now)?|\bage of)\s+$",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"\s*(?:[,.;:!?)]|$|\s(?:by|when|in|on|at|and|but|years?\b))")
_APPOSITION_AFTER = re.compile(r",|\s*$")


@dataclass(frozen=True)
class _Candidate:
    first: Atom
    last: Atom | None = None  # the range's high end, if a range
    plus_minus: bool = False  # "9.8 ± 0.2 m/s2": last is the uncertainty, not an end

    @property
    def start(self) -> int:
        return self.first.start

    @property
    def unit_atom(self) -> Atom:
        return self.last or self.first


def find_figures(text: str, rules: RuleSet, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every figure in text[start:end], with absolute offsets, sorted and non-overlapping."""
    end = len(text) if end is None else min(end, len(text))
    grammar = grammar_for(rules)
    if start >= end or not grammar.has_number.search(text, start, end):
        return []
    masks = masked_spans(text, start, end)
    atoms = [_fraction_atom(reading) for reading in fractions_with_units(text, start, end)]
    read_spans = [(atom.start, atom.end) for atom in atoms]
    dropped_end = -1
    for token in grammar.scanner.scan(text, start, end):
        if any(s <= token.start < e for s, e in read_spans):
            continue
        glued_to_dropped = token.start == dropped_end + 1 and text[dropped_end] in "-–/"  # "ISO 3888-2"
        if (
            inside(token, masks)
            or glued_to_dropped
            or (is_identifier(text, token, start) and not _has_currency_prefix(text, token))
            or is_ordinal_compound(text, token, end)
        ):
            dropped_end = token.end
            continue
        atom = read_atom(text, token, start, end)
        if atom is None:
            dropped_end = token.end
            continue
        atoms.append(atom)
    atoms.sort(key=lambda atom: atom.start)
    figures: list[Figure] = []
    for candidate in _join_ranges(text, atoms, start):
        figure = _to_figure(text, candidate, grammar, rules, start, end)
        if figure is not None and (not figures or figure.start >= figures[-1].end):
            if figures and figure.kind == "number":
                figure = _inherit_unit(text, figures, figure)
            if _is_accounting_negative(text, figures, figure):
                figure = figure.model_copy(update={"value": -figure.value, "low": _negated(figure.high),
                                                   "high": _negated(figure.low)})
            figures.append(figure)
    return figures


def sentence_figures(text: str, rules: RuleSet, start: int, end: int) -> list[Figure]:
    """find_figures for one sentence, read from the sentence plus one character either side, so the
    answer depends on those characters alone and can be remembered: wire copy, syndicated reprints and
    every updated version of an article repeat sentences verbatim."""
    low, high = max(0, start - 1), min(len(text), end + 1)
    found = _window_figures(text[low:high], start - low, end - low, Identity(rules))
    return [shifted(figure, low) for figure in found] if low else list(found)


@by_text(maxsize=4096)
def _window_figures(window: str, start: int, end: int, rules: Identity[RuleSet]) -> tuple[Figure, ...]:
    return tuple(find_figures(window, rules.value, start, end))


def shifted(figure: Figure, offset: int) -> Figure:
    """The figure with every offset moved by `offset`."""
    def moved(span: tuple[int, int] | None) -> tuple[int, int] | None:
        return (span[0] + offset, span[1] + offset) if span else None

    return figure.model_copy(update={"start": figure.start + offset, "end": figure.end + offset,
                                     "unit_span": moved(figure.unit_span),
                                     "qualifier_span": moved(figure.qualifier_span)})


def _has_currency_prefix(text: str, token: NumberToken) -> bool:
    prefix = unit_lexicon().prefix_before(text, token.start)
    return prefix is not None and not guarded_prefix_refused(text, token, prefix)


def _is_accounting_negative(text: str, figures: list[Figure], figure: Figure) -> bool:
    """'revenue was ($99.99)': brackets around an amount alone mark a loss. Right after another
    figure they hold its conversion ('1.2 billion shekels ($330 million)'), which stays positive."""
    if figure.kind != "money" or figure.value <= 0 or figure.start == 0:
        return False
    if text[figure.start - 1] != "(" or text[figure.end:figure.end + 1] != ")":
        return False
    if not figures:
        return True
    previous = figures[-1]
    # "61.6 billion corals ($3.28bn)": the conversion follows the figure's counted noun or unit
    previous_end = max(previous.end, previous.unit_span[1] if previous.unit_span else 0)
    return bool(text[previous_end:figure.start - 1].strip())


def _negated(value: float | None) -> float | None:
    return None if value is None else -value


def _inherit_unit(text: str, figures: list[Figure], figure: Figure) -> Figure:
    """Give an elliptical bare number the unit of the figure it continues ("up 5 points to 4,577").

    After a change in percent comes a level, in the unit of the last level written: "1,463 points
    ... rose 0.1% to 1,333" is in points; with no earlier level the number stays bare.
    """
    last = figures[-1]
    if text[figure.end:figure.end + 1] == "%":
        return figure
    if not (_ELLIPSIS_GAP.fullmatch(text, last.end, figure.start)
            or _COMPARISON_GAP.fullmatch(text, last.end, figure.start)):
        return figure
    previous = next((f for f in reversed(figures) if f.kind != "percent"), None)
    if previous is None or previous.unit is None:
        return figure
    if previous.dimension == "[time]" and _A_LINE_BEFORE.search(text, max(0, previous.start - 30), previous.start):
        return figure  # "the number who had waited longer than 52 weeks fell to 18,340": a line, not the quantity
    if previous.kind == "count":
        return figure.model_copy(update={"unit": previous.unit, "unit_span": previous.unit_span, "kind": "count"})
    entity = "currency" if previous.kind == "money" else (previous.dimension or "measure")
    return with_unit(figure, previous.unit, entity, previous.unit_span)


def _fraction_atom(reading: FractionReading) -> Atom:
    token = NumberToken(reading.start, reading.number_end, reading.value)
    return Atom(token, reading.start, reading.end, reading.value, unit=reading.unit,
                unit_span=(reading.unit_start, reading.end))


def _join_ranges(text: str, atoms: list[Atom], segment_start: int) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    index = 0
    while index < len(atoms):
        first = atoms[index]
        second = atoms[index + 1] if index + 1 < len(atoms) else None
        if second is not None:
            verdict = _range_verdict(text, first, second, segment_start)
            if verdict == "plus-minus":
                candidates.append(_Candidate(first, second, plus_minus=True))
                index += 2
                continue
            if verdict == "range":
                low = first
                if not first.token.has_magnitude and second.token.has_magnitude and first.value < second.token.value / second.token.scale:
                    low = first.scaled(second.token.scale)  # "between 3 and 5 million"
                candidates.append(_Candidate(low, second))
                index += 2
                continue
            if verdict == "score":  # "won 3-1": neither number is a quantity
                index += 2
                continue
            if verdict == "shared unit":  # "7- or 8-inch", "8 or $9": two amounts, one unit written
                candidates.append(_Candidate(replace(first, unit=second.unit, unit_span=second.unit_span)))
                index += 1
                continue
        candidates.append(_Candidate(first))
        index += 1
    return candidates


# "by 5 to 10%" is a range of changes; "by 42,000 to 7.41 million" a change and the level it reached:
# a range's ends are seldom this many times apart.
RANGE_SPAN = 10
_CHANGE_BEFORE_RANGE = re.compile(r"\b(?:by|fell|rose|dropped|climbed|jumped|slipped|declined|increased|decreased"
                                  r"|grew|shed|lost|gained|added|slid|tumbled|plunged|soared|surged)$")


def _range_verdict(text: str, first: Atom, second: Atom, segment_start: int) -> str | None:
    gap_end = second.start
    if _PLUS_MINUS.fullmatch(text, first.end, gap_end) and _units_agree(first, second):
        return "plus-minus"
    if _RANGE_GAP.fullmatch(text, first.end, gap_end) is None or first.token.vague or second.token.vague:
        return None
    if second.unit is None and (
        looks_like_year(text, first.token, segment_start) or looks_like_year(text, second.token, segment_start)
    ):
        return None  # "from 2014 to 2017", "rose 60% in 2018 to 3.9 million"
    connector = text[first.end:gap_end].strip(" -").lower() or "-"
    before = text[max(segment_start, first.start - 12):first.start].lower().rstrip()
    opened = before.endswith(("from", "between"))
    if connector == "-" and first.end == gap_end - 1 and first.unit is None and second.value <= first.value:
        return "score"  # "won 3-1", "tied at 89-89"
    if not _units_agree(first, second) and not (opened and second.unit is None):
        return None
    if connector == "or":
        return "shared unit" if first.unit is None and second.unit is not None else None  # "eight or nine euros" names two amounts; benchmarks split them, so do we
    if connector == "and":
        if before.endswith("between"):
            return "range"
        shared = first.unit is None and second.unit is not None and text[first.end:gap_end] == " and "
        return "shared unit" if shared else None  # "given 45 and 50 mg": both in milligrams
    if _CHANGE_BEFORE_RANGE.search(before) and (first.unit is not None or second.value > RANGE_SPAN * abs(first.value)):
        return None  # "rose by $43.6 billion to $419.2 billion", "fell 42,000 to 1.3 million": a change, a level
    if second.value <= first.value and not opened:
        return "range" if second.token.has_magnitude and not first.token.has_magnitude else None
    return "range"


def _units_agree(first: Atom, second: Atom) -> bool:
    if first.unit is None:
        return True
    if second.unit is None:
        return first.prefix is not None  # "$10-12"
    return second.unit.name == first.unit.name or second.unit.name.startswith(first.unit.name + " per ")


def _to_figure(text: str, candidate: _Candidate, grammar: Grammar, rules: RuleSet, start: int, end: int) -> Figure | None:
    first, last = candidate.first, candidate.last
    unit_atom = candidate.unit_atom
    unit = unit_atom.unit or first.unit
    noun: CountedNoun | None = None
    if unit is None and not first.token.fraction:  # "two-thirds of voters" is a share, not 0.67 voters
        plural = last is not None or first.value != 1 or first.token.vague
        noun = counted_noun(text, unit_atom.end, end, plural, allow_hyphen=plural)
    if not _is_claim(text, candidate, noun, grammar, start):
        return None
    figure_start = first.start
    figure_end = unit_atom.unit_end if unit is not None else unit_atom.end
    value = first.value
    low = high = value
    is_range = False
    if last is not None and candidate.plus_minus:
        low, high, is_range = first.value - abs(last.value), first.value + abs(last.value), True
    elif last is not None:
        low, high, is_range = min(first.value, last.value), max(first.value, last.value), True
        value = low
    elif first.token.vague:
        low, high = first.token.low, first.token.high
        is_range = low != high
    hedge, hedge_span = _hedge_before(text, figure_start, grammar, start)
    if hedge is not None and not is_range:
        low, high = _hedged_bounds(value, hedge)
    figure = Figure(
        start=figure_start,
        end=figure_end,
        text=text[figure_start:figure_end],
        value=value,
        low=low,
        high=high,
        is_range=is_range,
        qualifier=text[hedge_span[0]:hedge_span[1]] if hedge_span else None,
        qualifier_span=hedge_span,
    )
    if unit is not None:
        return with_unit(figure, unit.name, unit.entity, unit_atom.unit_span)
    if noun is not None:
        measured = lexicon_unit(noun.head)
        if measured is not None:  # "517 rushing yards", "50 previous years": a unit after all
            return with_unit(figure, measured.name, measured.entity, (noun.start, noun.end))
        head = noun.head
        rate = per_time(text, noun.end, end)
        if rate is not None:  # "800 tests a day"
            head = f"{head} per {rate[0]}"
        return figure.model_copy(update={"unit": head, "unit_span": (noun.start, noun.end), "kind": "count"})
    if _is_age(text, candidate, start, end) and (year := lexicon_unit("year")) is not None:
        return with_unit(figure, year.name, year.entity, None)
    rate = per_time(text, figure_end, end)
    if rate is not None:  # "crossings averaged about 6,000 a day": a rate of what the sentence counts, never a total
        return figure.model_copy(update={"unit": f"per {rate[0]}"})
    return figure


def _is_age(text: str, candidate: _Candidate, start: int, end: int) -> bool:
    first = candidate.first
    if candidate.last is not None or first.token.spelled or first.token.vague or not 0 < first.value <= MAX_AGE:
        return False
    if first.value != int(first.value) or "." in (first.token.integer_digits or ""):
        return False
    window_start = max(start, first.start - 30)
    if _AGE_BEFORE.search(text, window_start, first.start) and _AGE_AFTER.match(text, first.end, end):
        return True
    return bool(_APPOSITION_BEFORE.search(text, window_start, first.start)) and bool(
        _APPOSITION_AFTER.match(text, first.end, end))


def lexicon_unit(head: str) -> UnitInfo | None:
    unit = unit_lexicon().surface(head)
    return unit if unit is not None and unit.entity not in ("dimensionless", "currency") else None


def _is_claim(text: str, candidate: _Candidate, noun: CountedNoun | None, grammar: Grammar, start: int) -> bool:
    first = candidate.first
    atom = candidate.unit_atom
    has_unit = atom.unit is not None or first.unit is not None
    if has_unit:
        return True
    if candidate.last is None and looks_like_year(text, first.token, start):
        if noun is None or not text[noun.start].islower() or noun.head == text[noun.start:noun.end].lower():
            return False
        if _YEAR_CONTEXT_BEFORE.search(text, max(start, first.start - 9), first.start):
            return False
    token = first.token
    if grammar.is_label(text, first.start, start, token.has_magnitude or "," in (token.integer_digits or ""),
                        noun is not None):
        return False
    if noun is not None and first.value == 1 and not first.token.spelled and candidate.last is None \
            and text[noun.start].isupper():
        return False  # "at 1 Marlow Quay": an address or a name, while "one Briton" is written out
    if noun is None and not first.token.spelled and _NAME_AFTER.match(text, atom.end) \
            and not _DEMONYM_AFTER.match(text, atom.end):
        return False  # "787 Dreamliner", "11 Pro": part of a name; "freed 230 Dorvani," counts people
    if noun is None and (first.token.spelled or first.token.vague) and candidate.last is None and not first.token.fraction:
        # "the other two", "one of them": a number word alone refers back, it does not count; but "seven
        # of the committee's nine members" counts members, a part of the whole it names ("one of four
        # mission concepts" singles one out)
        return first.token.spelled and first.value >= 2 and (OF_A_COUNTED_WHOLE.match(text, atom.end) is not None
                                                             or counts_alone(text, first.start, atom.end))
    return True


def _hedge_before(text: str, figure_start: int, grammar: Grammar, start: int) -> tuple[Hedge | None, tuple[int, int] | None]:
    window_start = max(start, figure_start - 40)
    found = grammar.hedge_re.search(text, window_start, figure_start)
    if not found:
        return None, None
    phrase = " ".join(found.group("hedge").lower().split())
    return grammar.hedges[phrase], found.span("hedge")


def _hedged_bounds(value: float, hedge: Hedge) -> tuple[float | None, float | None]:
    if hedge.bound == "lower":
        return value, None
    if hedge.bound == "upper":
        return None, value
    if hedge.bound == "approximate":
        slack = abs(value) * (hedge.tolerance or 0.0)
        return value - slack, value + slack
    return value, value
