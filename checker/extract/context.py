"""What a figure is about, who says it and when it holds: describe() glues the three finders.

    subject      checker/extract/subject.py      "at least 3,000 North Korean troops" -> North Korean troops
    attribution  checker/extract/attribution.py  "South Korea's spy agency estimated that ..." -> the agency
    horizon      checker/extract/horizon.py      "could rise to 10,000 by December" -> deadline 2024-12-31
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from checker.extract.attribution import find_attribution
from checker.extract.comparison import is_comparison_base, prior_year
from checker.extract.figures import shifted
from checker.extract.horizon import find_horizon
from checker.extract.memo import by_text
from checker.extract.subject import find_subject
from checker.extract.types import Context, Figure, Sentence
from checker.identity import Identity
from checker.models import Document, Horizon
from checker.ruleset import RuleSet


def describe(figure: Figure, sentence: Sentence, previous: list[Sentence], document: Document,
             rules: RuleSet) -> Context:
    """Context of one figure; `previous` are the sentences before `sentence`, in order."""
    start, end = _core(figure)
    rules_key = Identity(rules)
    horizon = _horizon(start - sentence.start, end - sentence.start, sentence.text, document.published,
                       rules_key, sentence.in_headline)
    subject, is_base = _within_sentence(_relative(figure, sentence.start), sentence.text, rules_key)
    year = prior_year(figure, sentence) if is_base else None
    if year is not None:
        horizon = _in_prior_period(horizon, year)
    elif is_base:
        # "68% now, up from 61% in January": the base is an earlier value of the same quantity, never
        # one to compare with the headline figure as if both held at the same time.
        horizon = horizon.model_copy(update={"kind": "past"} if horizon.kind != "current" else
                                     {"kind": "past", "start": None, "end": None})
    return Context(
        subject=subject,
        attribution=find_attribution(start, end, sentence, previous, rules),
        horizon=horizon,
    )


def _in_prior_period(horizon: Horizon, year: int) -> Horizon:
    """"£512m in the year to March 2025 (2024: £388m)": the main figure's period moved back to the
    bracket's year (April 2023 to March 2024); with no period of its own, the calendar year."""
    if horizon.kind != "current" and horizon.start and horizon.end and horizon.end.year > year:
        back = relativedelta(years=horizon.end.year - year)
        return Horizon(kind="past", start=horizon.start - back, end=horizon.end - back, text=str(year))
    return Horizon(kind="past", start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), text=str(year))


@by_text(maxsize=4096)
def _horizon(start: int, end: int, text: str, published: dt.date | None, rules: Identity[RuleSet],
             headline: bool) -> Horizon:
    """find_horizon reads only the sentence and the publication date, so a sentence printed again
    (a reprint, an updated version) on the same day has the same horizons."""
    return find_horizon(start, end, text, published, rules.value, headline=headline)


@by_text(maxsize=4096)
def _within_sentence(figure: Figure, text: str, rules: Identity[RuleSet]) -> tuple[str | None, bool]:
    """The subject, and whether the figure is a comparison's base: both read the sentence alone, so a
    sentence printed again (wire copy, the next version of an article) is read once. `figure`'s offsets
    are relative to the sentence."""
    sentence = Sentence(start=0, end=len(text), text=text)
    return find_subject(figure, sentence, rules.value), is_comparison_base(figure, sentence)


def _relative(figure: Figure, origin: int) -> Figure:
    """The figure with offsets counted from `origin`, so one sentence at two places keys one cache entry."""
    return shifted(figure, -origin) if origin else figure


def _core(figure: Figure) -> tuple[int, int]:
    """The figure with its hedge: "as many as" is part of the figure, not a clause word before it."""
    if figure.qualifier_span:
        return min(figure.start, figure.qualifier_span[0]), max(figure.end, figure.qualifier_span[1])
    return figure.start, figure.end
