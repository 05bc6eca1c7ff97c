"""Fact-box lines ("Deaths: 41"): the label names what the figure counts, and it is no speaker.

The article lines are written for these tests, in the shape of the "Key facts" boxes news pages print.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import extract_claims
from checker.extract.fact_lines import fact_line
from checker.models import Claim, Document
from checker.ruleset import RuleSet, load_rules

ARTICLE = """Floods kill dozens in northern valley

At least 41 people have died after days of heavy rain, officials said on Tuesday.

KEY FACTS
Deaths: 41
People displaced: about 18,000
Foreign visitors in 2025: 12.4 million
Area flooded: 1,300 sq km (500 sq miles)
"""


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def _claims(text: str, rules: RuleSet) -> dict[str, Claim]:
    document = Document(id="t", path="t.txt", text=text, published=dt.date(2026, 11, 17))
    return {claim.text: claim for claim in extract_claims(document, rules)}


def test_the_label_is_the_subject_and_no_source(rules: RuleSet) -> None:
    claims = _claims(ARTICLE, rules)
    boxed = [c for c in claims.values() if c.sentence.startswith("Deaths")]
    assert [(c.subject, c.attribution) for c in boxed] == [("Deaths", None)]
    assert claims["18,000"].subject == "People displaced" and claims["18,000"].qualifier == "about"
    assert claims["18,000"].low < 18_000 < claims["18,000"].high  # the hedge still widens it


def test_the_labels_time_dates_the_figure_but_is_not_its_subject(rules: RuleSet) -> None:
    visitors = _claims(ARTICLE, rules)["12.4 million"]
    assert visitors.subject == "Foreign visitors"
    assert (visitors.horizon_detail.start, visitors.horizon_detail.end) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_a_conversion_in_a_fact_line_measures_the_label(rules: RuleSet) -> None:
    claims = _claims(ARTICLE, rules)
    assert claims["1,300 sq km"].subject == claims["500 sq miles"].subject == "Area flooded"


def test_a_headline_source_is_still_a_source(rules: RuleSet) -> None:
    # a counted noun after the figure: the label is who says so, not what is counted
    claims = _claims("Kirby: 3,000 North Korean troops now in Russia\n\nThe Pentagon gave no details.\n", rules)
    assert claims["3,000"].attribution == "Kirby"


@pytest.mark.parametrize("line", ["Kirby: 3,000 troops", "Comments: 56", "Updated: 14:32 GMT", "Updated 14:32 GMT",
                                  "Deaths 41", "deaths: 41", "Police said: 41 people died."])
def test_not_fact_lines(line: str) -> None:
    assert fact_line(line) is None


@pytest.mark.parametrize(("line", "label", "figure"), [
    ("Deaths: 41", "Deaths", "41"), ("Missing: 12.", "Missing", "12."),
    ("Rainfall in 48 hours: 310 mm", "Rainfall", "310 mm"), ("Relief pledged: $45 million", "Relief pledged", "$45"),
    ("Turnout: 67.3 per cent", "Turnout", "67.3"), ("Cost: $3.5bn-$4bn", "Cost", "$3.5bn"),
    ("  Homes destroyed so far: about 1,250", "Homes destroyed", "about 1,250"),
])
def test_fact_lines(line: str, label: str, figure: str) -> None:
    found = fact_line(line)
    assert found is not None and found.label == label
    assert line[found.figure_start:].startswith(figure)
