"""CC201 conversion-mismatch — a figure and its conversion in brackets that do not match.

What it flags: two figures of the same physical dimension next to each other in one sentence,
the second in brackets or after "or" ("1,300 square kilometers (500 square miles)", "35C or
95F"), whose values in a common unit differ by more than the rounding of both printed figures
plus the `conversion` slack (rules/tolerances.yaml). Temperatures are compared in degrees, to
the last digit of each printed reading plus `temperature_conversion_slack`, not in percent:
"46.2C (114.6F)" fires (46.2C is 115.2F; 114.6F is 45.9C's).

Why: a wrong conversion is a plain error, often a linear factor applied to an area (km -> mi
instead of km² -> sq mi) or a Celsius figure converted as if it were a difference. A change of
temperature ("2.6C of warming (4.7F)", "1.5C above pre-industrial levels") is a difference and
converts by 9/5 alone; in a sentence that says so, either reading may match.

Options:
  max_gap (default 40): most characters allowed between the two figures.

A rate given over two periods is one conversion too: "120 florins a month, or 1,440 florins a year"
(weeks, months, quarters and years only: a day's or an hour's pay depends on the days and hours worked).

Fires: "2,500 square kilometres (1,550 square miles)" — the linear factor; 2,500 km² is 965 sq mi.
"about 120 florins a month, or 1,140 florins a year" — 12 x 120 is 1,440.
Does not fire: "1,300 square kilometers (500 square miles)" — 1,300 km² is 502 sq mi.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import Check, Issue, Story
from checker.checks.compare import PRECISE_DIGITS, TEMPERATURE, by_sentence, differ, number, rounding_slack, scale
from checker.checks.narrate import evidence
from checker.models import Claim, Severity
from checker.ruleset import RuleSet

DURATION = "[time]"
# what joins a figure to itself in another unit: "40.3C (104.5F)", "25 km, or about 16 miles",
# "30 million euros, roughly $43 million"
_CONNECTOR = re.compile(r"\(|\[|\bor\b|\bor about\b|/|\u2013|\u2014|\bequivalent to\b|\bequal to\b"
                        r"|,\s*(?:roughly|about|around|approximately|some|nearly|almost)\s*$", re.IGNORECASE)


class ConversionOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    max_gap: int = Field(40, ge=1)


def _km2(value: float, unit: str = "square kilometre") -> dict[str, object]:
    return {"value": value, "unit": unit, "kind": "measure", "dimension": "[length] ** 2",
            "base_value": value * (1e6 if unit == "square kilometre" else 2_589_988.110336)}


def _rate(value: float, unit: str, sentence: str) -> dict[str, object]:
    written = f"{value:,.0f}"
    return {"document": "a", "text": written, "value": value, "unit": unit, "kind": "count", "sentence": sentence}


class ConversionMismatch(Check):
    code = "CC201"
    name = "conversion-mismatch"
    summary = "a figure and its conversion in brackets or after 'or' do not match"
    default_severity = Severity.warning
    Options = ConversionOptions
    must_fire = [
        {"claims": [_rate(120, "florin per month", "It is worth 120 florins a month, or 1,140 florins a year."),
                    _rate(1140, "florin per year", "It is worth 120 florins a month, or 1,140 florins a year.")]},
        {"claims": [
            {"document": "a", "text": "2,500 square kilometres", **_km2(2500),
             "sentence": "The fire burned 2,500 square kilometres (1,550 square miles) of forest."},
            {"document": "a", "text": "1,550 square miles", **_km2(1550, "square mile"),
             "sentence": "The fire burned 2,500 square kilometres (1,550 square miles) of forest."}]},
        {"claims": [
            {"document": "a", "text": "35C", "value": 35, "unit": "degree Celsius", "kind": "measure",
             "dimension": "[temperature]", "base_value": 308.15,
             "sentence": "Temperatures reached 35C (75F) on Tuesday."},
            {"document": "a", "text": "75F", "value": 75, "unit": "degree Fahrenheit", "kind": "measure",
             "dimension": "[temperature]", "base_value": 297.04,
             "sentence": "Temperatures reached 35C (75F) on Tuesday."}]},
    ]
    must_not_fire = [
        {"claims": [_rate(1200, "dollar per month", "Rent rose to $1,200 a month, or $14,400 a year."),
                    _rate(14400, "dollar per year", "Rent rose to $1,200 a month, or $14,400 a year.")]},
        {"claims": [
            {"document": "a", "text": "1,300 square kilometers", "qualifier": "over", **_km2(1300),
             "sentence": "Troops seized over 1,300 square kilometers (500 square miles) of land."},
            {"document": "a", "text": "500 square miles", **_km2(500, "square mile"),
             "sentence": "Troops seized over 1,300 square kilometers (500 square miles) of land."}]},
        {"claims": [
            {"document": "a", "text": "35C", "value": 35, "unit": "degree Celsius", "kind": "measure",
             "dimension": "[temperature]", "base_value": 308.15,
             "sentence": "Temperatures reached 35C (95F) on Tuesday."},
            {"document": "a", "text": "95F", "value": 95, "unit": "degree Fahrenheit", "kind": "measure",
             "dimension": "[temperature]", "base_value": 308.15,
             "sentence": "Temperatures reached 35C (95F) on Tuesday."}]},
    ]

    def run(self, story: Story, options: ConversionOptions) -> Iterator[Issue]:
        focus = {c.document for c in story.focus_claims()}
        measures = (c for c in story.claims.values() if c.dimension and c.base_value is not None)
        wrong: list[tuple[Claim, Claim]] = []
        right: list[tuple[Claim, Claim]] = []  # conversions that hold: the same figure converted well elsewhere
        for claims in by_sentence(measures):
            for first, second in zip(claims, claims[1:]):
                if not self._adjacent(first, second, options):
                    continue
                matches = _same_reading(first, second, story.rules) if first.dimension == TEMPERATURE \
                    else not differ(first, second, story.rules, story.rules.tolerances.conversion)
                matches = matches or _is_temperature_change(first, second, story.rules) \
                    or _matches_in_imperial(first, second, story.rules)  # British gallons
                if matches:
                    right.append((first, second))
                elif first.document in focus:
                    wrong.append((first, second))
        yield from self._rates(story, options, focus)
        for first, second in wrong:
            held = [first.id, second.id]
            elsewhere = _converted_well_elsewhere(first, second, right)
            yield Issue(
                # the other outlets' same figure joins the finding, not their (right) conversion of it
                claims=held + [a.id for a, _ in elsewhere],
                message=f"{first.text} is not {second.text}: the conversion is off",
                explanation=(f"The sentence gives one quantity in two units, but they do not match beyond rounding"
                             f"{_should_read(first, second)}"
                             + "".join(f"; {story.outlet(a)} prints {a.text} as {b.text}" for a, b in elsewhere)
                             + f".\n{evidence(story, held)}"))

    @staticmethod
    def _rates(story: Story, options: ConversionOptions, focus: set[str]) -> Iterator[Issue]:
        """"120 florins a month, or 1,140 florins a year": one rate over two periods (12 x 120 is 1,440)."""
        rates = (c for c in story.claims.values() if c.document in focus and c.value and _RATE.match(c.unit or ""))
        for claims in by_sentence(rates):
            for first, second in zip(claims, claims[1:]):
                factor = _periods_in(first, second)
                # the rate's words stand between ("120 florins a month on the average salary, or"): twice the gap
                if factor is None or not _joined_as_conversion(first, second, 2 * options.max_gap):
                    continue
                x, y = first.value or 0.0, second.value or 0.0  # both set: rates hold only claims with a value
                x_slack, y_slack = (rounding_slack(c, story.rules) for c in (first, second))
                reach = story.rules.tolerances.conversion * abs(x * factor)
                if (x - x_slack) * factor - reach <= y + y_slack and y - y_slack <= (x + x_slack) * factor + reach:
                    continue
                held = [first.id, second.id]
                per, per_second = (_period(c) for c in (first, second))
                written = f"{number(x)} a {per}"
                yield Issue(claims=held, message=f"{written} is not {number(y)} a {per_second}: the conversion is off",
                            explanation=(f"The sentence gives one rate over two periods, but they do not match beyond "
                                         f"rounding: {written} is about {number(x * factor)} a {per_second}.\n"
                                         f"{evidence(story, held)}"))

    @staticmethod
    def _adjacent(first: Claim, second: Claim, options: ConversionOptions) -> bool:
        if first.dimension != second.dimension or (first.unit and first.unit == second.unit):
            return False
        if first.dimension == DURATION:
            return False  # "pay within three months or serve five years": durations are alternatives, never converted
        return _joined_as_conversion(first, second, options.max_gap)


def _same_reading(first: Claim, second: Claim, rules: RuleSet) -> bool:
    """A temperature and its conversion agree to the last digit of each ('45.9C (114.6F)', '40C (104F)'),
    plus the slack of a conversion from the unrounded reading; a degree apart they are two readings."""
    if first.base_value is None or second.base_value is None:
        return True
    fahrenheit = 5 / 9  # a Fahrenheit degree in kelvin: the slack is counted on the finer scale
    reach = sum(_half_last_digit(c) * abs(scale(c)) for c in (first, second)) \
        + rules.tolerances.temperature_conversion_slack * fahrenheit
    return abs(first.base_value - second.base_value) <= reach * (1 + 1e-9)


def _half_last_digit(claim: Claim) -> float:
    """Half a unit of the printed figure's last digit: 0.05 for '46.2C', 0.5 for '40C'."""
    number_text = _LEADING_NUMBER.search(claim.text)
    decimals = number_text.group().rstrip(".,").partition(".")[2] if number_text else ""
    return 0.5 * 10 ** -len(decimals)


# A rate over a period ("florin per month", "pound sterling per year") and the periods one rate may be given
# over: a day's or an hour's pay is not 1/365 of a year's (working days and hours differ), so they never convert.
_RATE = re.compile(r"^(.+) per (week|month|quarter|year)$")
_DAYS = {"week": 7.0, "month": 365.25 / 12, "quarter": 365.25 / 4, "year": 365.25}


def _period(claim: Claim) -> str:
    found = _RATE.match(claim.unit or "")
    return found.group(2) if found else ""


def _periods_in(first: Claim, second: Claim) -> float | None:
    """How many of the first rate's periods the second's holds ('a month' into 'a year': 12), when both
    rate one thing over different periods."""
    x, y = _RATE.match(first.unit or ""), _RATE.match(second.unit or "")
    if x is None or y is None or x.group(1) != y.group(1) or x.group(2) == y.group(2):
        return None
    return _DAYS[y.group(2)] / _DAYS[x.group(2)]


# Corroboration shown beside a wrong conversion: at most this many outlets' right ones
MAX_ELSEWHERE = 2


def _converted_well_elsewhere(first: Claim, second: Claim,
                              right: Sequence[tuple[Claim, Claim]]) -> list[tuple[Claim, Claim]]:
    """Other articles' conversions of the same printed figure into the same unit that hold ("1,450
    kilograms (3,197lb)" beside a wrong "1,450kg (660lb)"). A round figure ('5 km') is too common to
    be the same quantity by its value alone: only the same printed value, written to PRECISE_DIGITS or more."""
    if len(f"{abs(first.value or 0):.10g}".replace(".", "").strip("0")) < PRECISE_DIGITS:
        return []
    found = [(a, b) for a, b in right if a.document != first.document and a.unit == first.unit
             and b.unit == second.unit and a.value == first.value]
    return found[:MAX_ELSEWHERE]


# Words that make a temperature a difference ("2.6C of warming", "1.5C above pre-industrial levels"),
# which converts by 9/5 alone: 2C warmer is 3.6F warmer, while 2C is 35.6F.
_CHANGE_WORDS = re.compile(r"\b(?:warming|warmer|hotter|cooler|colder|above|below|anomal(?:y|ies)|difference"
                           r"|(?:rise|rises|rose|risen|increase[sd]?|higher|lower|drop(?:ped)?|fall|fell)\s+(?:by|of))\b",
                           re.IGNORECASE)  # "rose by 2C" is a change; "rose to 35C" is a temperature


def _is_temperature_change(first: Claim, second: Claim, rules: RuleSet) -> bool:
    """Two temperatures that match as a change of temperature (9/5 per degree Celsius, no offset),
    in a sentence that speaks of one."""
    if first.dimension != TEMPERATURE or not _CHANGE_WORDS.search(first.sentence or ""):
        return False
    as_change = [_celsius_change(c) for c in (first, second)]
    if None in as_change:
        return False
    slack = rules.tolerances.temperature_slack * 5 / 9  # a Fahrenheit degree of rounding, in Celsius
    return abs(as_change[0] - as_change[1]) <= slack  # type: ignore[operator]


# A British or Commonwealth gallon (or pint) is 1.20095 US ones; pint reads the bare word as the US unit.
IMPERIAL_PER_US = 4.54609 / 3.785411784
IMPERIAL_UNITS = frozenset({"gallon", "pint", "gallon per day", "gallon per hour", "gallon per minute"})


def _matches_in_imperial(first: Claim, second: Claim, rules: RuleSet) -> bool:
    """The two figures agree when the gallons (or pints) among them are imperial ones."""
    imperial = [c.unit in IMPERIAL_UNITS for c in (first, second)]
    if not any(imperial):
        return False
    as_imperial = [c.model_copy(update={key: getattr(c, key) * IMPERIAL_PER_US for key in ("base_value", "base_low",
                                                                                          "base_high")
                                        if getattr(c, key) is not None}) if is_imperial else c
                   for c, is_imperial in zip((first, second), imperial)]
    return not differ(as_imperial[0], as_imperial[1], rules, rules.tolerances.conversion)


def _celsius_change(claim: Claim) -> float | None:
    """The printed figure as a change in degrees Celsius (a Fahrenheit change is 5/9 of one)."""
    value = _printed(claim)
    if value is None:
        return None
    return value * 5 / 9 if scale(claim) != 1.0 else value


def _printed(claim: Claim) -> float | None:
    if claim.value is not None:
        return claim.value
    if claim.low is not None and claim.high is not None:
        return (claim.low + claim.high) / 2
    return claim.low if claim.low is not None else claim.high


def _should_read(first: Claim, second: Claim) -> str:
    """'; 2,500 square kilometres is about 965 square miles', in the second figure's own wording."""
    if not second.value or first.base_value is None or second.base_value is None:
        return ""
    if first.dimension == TEMPERATURE:
        expected = second.value + (first.base_value - second.base_value) / scale(second)
    else:
        expected = first.base_value / (second.base_value / second.value)
    wording = _LEADING_NUMBER.sub(number(expected), second.text.strip(), count=1)
    return f"; {first.text} is about {wording}"


_LEADING_NUMBER = re.compile(r"[\d][\d,.]*")


def _joined_as_conversion(first: Claim, second: Claim, max_gap: int) -> bool:
    """The second figure follows the first in brackets or after 'or', with no other figure between."""
    if first.document != second.document or first.sentence_start != second.sentence_start:
        return False
    gap_start, gap_end = first.end - first.sentence_start, second.start - second.sentence_start
    if not 0 <= gap_end - gap_start <= max_gap:
        return False
    gap = first.sentence[gap_start:gap_end]
    return bool(_CONNECTOR.search(gap)) and not re.search(r"\d", gap)


def restatements(sentences: Iterable[Sequence[Claim]], max_gap: int = ConversionOptions().max_gap) -> set[str]:
    """Claims that restate the figure before them in another unit: '40.3C (104.5F)', '€3.9 billion
    ($4.2 billion)'. They carry no figure of their own: comparing them with other articles would
    count one figure twice, and a bad conversion is this check's finding, not a contradiction.
    `sentences`: the claims by sentence, in reading order (compare.by_sentence)."""
    out: set[str] = set()
    for sentence in sentences:
        for first, second in zip(sentence, sentence[1:]):
            same_kind = (first.dimension is not None and first.dimension == second.dimension != DURATION) or (
                first.kind == second.kind == "money")
            if same_kind and first.unit != second.unit and _joined_as_conversion(first, second, max_gap):
                out.add(second.id)
    return out
