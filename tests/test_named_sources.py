"""A source's short form in an article ("the coast guard") is the fuller name the article gave before it."""

from __future__ import annotations

import datetime as dt

from checker.extract import extract_claims
from checker.models import Document
from checker.ruleset import load_rules


def _keys(text: str) -> list[str | None]:
    document = Document(id="a", path="a.txt", text=text, published=dt.date(2025, 6, 14))
    return [claim.source_key for claim in extract_claims(document, load_rules())]


def test_a_short_form_takes_the_fuller_name_given_before_it() -> None:
    keys = _keys("The Sarel Coast Guard said on Saturday that 52 bodies had been recovered.\n\n"
                 "On Thursday the coast guard said 140 people had been rescued alive.\n")
    assert keys == ["sarel coast guard", "sarel coast guard"]


def test_a_short_form_before_any_fuller_name_stays_as_written() -> None:
    keys = _keys("The coast guard said on Thursday that 140 people had been rescued.\n\n"
                 "The Sarel Coast Guard said on Saturday that 52 bodies had been recovered.\n")
    assert keys == ["coast guard", "sarel coast guard"]

