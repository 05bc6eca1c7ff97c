"""CC204 exchange-rate-mismatch — one sum converted into another currency at rates that disagree.

What it flags: conversions of money printed beside their figure ("310 million euros ($335 million)")
whose implied rates, for one pair of currencies, differ by more than `exchange_rate` (rules/
tolerances.yaml) on top of the rounding of the printed figures, in articles published at most
`max_days` apart. Each finding holds the conversion that stands apart from the others and quotes
one that agrees with the rest (with two conversions, either may be wrong: it holds both).

Why: there is no exchange-rate table to check a conversion against, but rates move little within
days, so two outlets that turn one euro figure into $335 million and $355 million cannot both
have converted it right; usually one applied a stale or inverted rate, or a digit slipped.

Options:
  max_days (default 7): most days between the articles' publication dates (unknown dates always meet).

Fires: "310 million euros ($335 million)" and, in another article that week, "420 million euros
($480 million)": 1.081 and 1.143 dollars per euro.
Does not fire: "310 million euros ($335 million)" and "420 million euros ($455 million)": 1.081
and 1.083, within the rounding of the printed figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import Check, Issue, Story
from checker.checks.compare import by_sentence, number, printed_number
from checker.checks.conversion import ConversionOptions, _joined_as_conversion
from checker.checks.narrate import evidence
from checker.models import Claim, Severity


class ExchangeRateOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    max_days: int = Field(7, ge=0)


@dataclass(frozen=True)
class _Conversion:
    """A sum and its conversion; `rate` is units of `to` per unit of `base`, with the relative slack
    the rounding of both printed figures allows."""

    sum: Claim
    converted: Claim
    base: str
    to: str
    rate: float
    slack: float
    published: dt.date | None


def _case(dollars: int) -> dict[str, object]:
    second = f"${dollars} million"
    return {"documents": [{"id": "a", "published": "2026-02-10"}, {"id": "b", "published": "2026-02-11"}],
            "claims": [
                {"document": "a", "text": "310 million euros", "value": 310e6, "unit": "euro", "kind": "money",
                 "sentence": "The cuts will save 310 million euros ($335 million) a year."},
                {"document": "a", "text": "$335 million", "value": 335e6, "unit": "dollar", "kind": "money",
                 "sentence": "The cuts will save 310 million euros ($335 million) a year."},
                {"document": "b", "text": "420 million euros", "value": 420e6, "unit": "euro", "kind": "money",
                 "sentence": f"One-off charges will reach 420 million euros ({second})."},
                {"document": "b", "text": second, "value": dollars * 1e6, "unit": "dollar", "kind": "money",
                 "sentence": f"One-off charges will reach 420 million euros ({second})."}]}


class ExchangeRateMismatch(Check):
    code = "CC204"
    name = "exchange-rate-mismatch"
    summary = "money converted into another currency at rates that disagree between conversions of the same week"
    default_severity = Severity.warning
    Options = ExchangeRateOptions
    must_fire = [_case(480)]  # 1.081 and 1.143 dollars per euro
    must_not_fire = [_case(455)]  # 1.081 and 1.083

    def run(self, story: Story, options: ExchangeRateOptions) -> Iterator[Issue]:
        by_currencies: dict[tuple[str, str], list[_Conversion]] = {}
        for conversion in _conversions(story):
            by_currencies.setdefault((conversion.base, conversion.to), []).append(conversion)
        tolerance = story.rules.tolerances.exchange_rate
        for conversions in by_currencies.values():
            for odd, usual, majority in _outliers(conversions, tolerance, options.max_days):
                quoted = [odd.sum.id, odd.converted.id, usual.sum.id, usual.converted.id]
                # when the other conversions agree, the odd one is the finding; the usual one is quoted
                # as the rate it breaks, not blamed (with two, either may be the wrong one)
                ids = quoted[:2] if majority else quoted
                if story.focus is not None and story.focus.isdisjoint(ids):
                    continue
                # both rates in the odd conversion's own direction, as its article printed it
                source, target = odd.sum.unit or "", odd.converted.unit or ""
                odd_rate, usual_rate = (c.rate if c.base == source else 1 / c.rate for c in (odd, usual))
                gap = abs(odd.rate - usual.rate) / max(odd.rate, usual.rate)
                verdict = (f"The other conversions of that week agree on about {_rate(usual_rate)} {target}s per "
                           f"{source}, at which {odd.sum.text} is about {_amount(odd.sum.value * usual_rate)} "
                           f"{target}s." if majority else "Check both against the rate of the day.")
                yield Issue(
                    claims=ids,
                    message=(f"{odd.sum.text} ({odd.converted.text}) and {usual.sum.text} ({usual.converted.text}) "
                             f"convert {source}s to {target}s at {_rate(odd_rate)} and {_rate(usual_rate)}"),
                    explanation=(f"The two conversions imply exchange rates {gap:.0%} apart within {options.max_days} "
                                 f"days. Rates rarely move that much in a week, so one conversion is likely wrong (a "
                                 f"stale or inverted rate, or a slipped digit). {verdict}\n{evidence(story, quoted)}"))


def _conversions(story: Story) -> Iterator[_Conversion]:
    max_gap = ConversionOptions().max_gap
    published = {doc_id: document.published for doc_id, document in story.documents.items()}
    money = (c for c in story.claims.values() if c.kind == "money" and c.unit and c.value)
    for sentence in by_sentence(money):
        for first, second in zip(sentence, sentence[1:]):
            if first.unit == second.unit or not _joined_as_conversion(first, second, max_gap):
                continue
            assert first.value and second.value and first.unit and second.unit  # filtered above
            slack = _printed_slack(first) + _printed_slack(second)
            rate = second.value / first.value
            if first.unit > second.unit:  # one direction per pair of currencies: $1.08 per euro, not €0.93 per dollar
                yield _Conversion(first, second, second.unit, first.unit, 1 / rate, slack, published.get(first.document))
            else:
                yield _Conversion(first, second, first.unit, second.unit, rate, slack, published.get(first.document))


def _outliers(conversions: list[_Conversion], tolerance: float,
              max_days: int) -> Iterator[tuple[_Conversion, _Conversion, bool]]:
    """(odd, usual, majority): each conversion that disagrees with the median conversion of its
    week (the lower middle one), with that one; `majority` when more than two conversions met, so
    the median speaks for the others. Of two conversions the higher rate is reported against the lower."""
    for odd in conversions:
        near = sorted((c for c in conversions if _within(c.published, odd.published, max_days)),
                      key=lambda c: c.rate)
        usual = near[(len(near) - 1) // 2]
        if usual is not odd and _disagree(odd, usual, tolerance):
            yield odd, usual, len(near) > 2


def _disagree(a: _Conversion, b: _Conversion, tolerance: float) -> bool:
    return abs(a.rate - b.rate) / max(a.rate, b.rate) > tolerance + a.slack + b.slack


def _within(a: dt.date | None, b: dt.date | None, days: int) -> bool:
    return a is None or b is None or abs((a - b).days) <= days


def _rate(rate: float) -> str:
    return f"{rate:.4g}"


def _printed_slack(claim: Claim) -> float:
    """Half a unit of the last digit printed, relative to the figure: '$335 million' +-0.15%,
    '2.1 billion euros' +-2.4%. A conversion is written to a few digits, each of them meant."""
    digits = printed_number(claim)
    if digits is None:
        return 0.0
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    printed = float(digits)
    return 0.5 * 10 ** -decimals / printed if printed else 0.0


def _amount(value: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:.3g} {word}"
    return number(value)
