"""describe(): subject, attribution and horizon of figures in sentences written for these tests.

The cases live in tests/cases/context.yaml; each builds its Figure by hand from the surface text,
so these tests do not depend on the figure finder.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.extract.context import describe
from checker.extract.segment import segment
from checker.extract.types import Context, Figure
from checker.models import Document
from checker.ruleset import RuleSet, load_rules

CASES_FILE = Path(__file__).parent / "cases" / "context.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def _surface(text: str, surface: str, occurrence: int = 1) -> int:
    """Offset of a figure's surface as a whole token (so "20" is never found inside "2020")."""
    hits = [m.start() for m in re.finditer(rf"(?<![\w.,]){re.escape(surface)}(?!\w)", text)]
    assert len(hits) >= occurrence, f"{surface!r} occurs {len(hits)} times"
    return hits[occurrence - 1]


def _figure(document: Document, case: dict[str, Any]) -> Figure:
    text = document.text
    start = _surface(text, case["figure"], case.get("occurrence", 1))
    end = start + len(case["figure"])
    unit_span = None
    if "unit_text" in case:
        unit_start = text.index(case["unit_text"], end)
        unit_span = (unit_start, unit_start + len(case["unit_text"]))
    qualifier_span = None
    if "qualifier" in case:
        qualifier_start = text.lower().rindex(case["qualifier"].lower(), 0, start)
        qualifier_span = (qualifier_start, qualifier_start + len(case["qualifier"]))
    return Figure(
        start=start, end=end, text=case["figure"], value=None, kind=case.get("kind", "count"),
        unit=case.get("unit_text"), unit_span=unit_span, dimension=case.get("dimension"),
        qualifier=case.get("qualifier"), qualifier_span=qualifier_span,
    )


def _describe(case: dict[str, Any], rules: RuleSet) -> Context:
    published = case.get("published")
    document = Document(id=case["id"], path=f"{case['id']}.txt", text=case["text"],
                        published=dt.date.fromisoformat(str(published)) if published else None)
    figure = _figure(document, case)
    sentences = segment(document)
    index = next(i for i, s in enumerate(sentences) if s.start <= figure.start < s.end)
    return describe(figure, sentences[index], sentences[:index], document, rules)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_context(case: dict[str, Any], rules: RuleSet) -> None:
    context = _describe(case, rules)
    expect = case["expect"]
    if "subject" in expect:
        assert context.subject == expect["subject"]
    if "attribution" in expect:
        assert context.attribution == expect["attribution"]
    for key, wanted in expect.get("horizon", {}).items():
        got = getattr(context.horizon, key)
        if isinstance(wanted, dt.date) or (key in ("start", "end") and wanted is not None):
            wanted = dt.date.fromisoformat(str(wanted))
        assert got == wanted, f"horizon.{key}: {got!r} != {wanted!r} ({context.horizon})"


def test_every_case_checks_something() -> None:
    for case in CASES:
        assert set(case["expect"]) & {"subject", "attribution", "horizon"}, case["id"]


def test_describe_is_independent_of_earlier_paragraphs(rules: RuleSet) -> None:
    """A speaker is carried to the next sentence of its paragraph only, never across paragraphs."""
    text = "The ministry said the search would go on.\n\nAnother 14 fishermen are missing."
    document = Document(id="d", path="d.txt", text=text, published=dt.date(2025, 9, 3))
    start = text.index("14")
    figure = Figure(start=start, end=start + 2, text="14", value=14, kind="count")
    sentences = segment(document)
    assert describe(figure, sentences[-1], sentences[:-1], document, rules).attribution is None


def test_horizon_without_publication_keeps_kind_and_words(rules: RuleSet) -> None:
    text = "Officials said 300 homes were destroyed last week."
    document = Document(id="d", path="d.txt", text=text, published=None)
    start = text.index("300")
    figure = Figure(start=start, end=start + 3, text="300", value=300, kind="count")
    horizon = describe(figure, segment(document)[0], [], document, rules).horizon
    assert (horizon.kind, horizon.start, horizon.end, horizon.text) == ("period", None, None, "last week")


def test_sentence_offsets_are_used_not_sentence_text(rules: RuleSet) -> None:
    """describe() works on absolute offsets, so a figure deep in a long document resolves alike."""
    body = "Police said 120 people were arrested on Friday."
    padding = "Filler paragraph without any numbers at all here.\n\n" * 5
    document = Document(id="d", path="d.txt", text=padding + body, published=dt.date(2025, 5, 5))
    start = document.text.index("120")
    figure = Figure(start=start, end=start + 3, text="120", value=120, kind="count",
                    unit_span=(start + 4, start + 10))
    sentence = next(s for s in segment(document) if s.start <= start < s.end)
    context = describe(figure, sentence, [], document, rules)
    assert (context.subject, context.attribution) == ("people arrested", "Police")
    assert context.horizon.start == dt.date(2025, 5, 2)


@pytest.mark.parametrize(("text", "figure", "subject"), [
    ("The agency counted 8,100 irregular crossings in August 2024 and 15,700 in July this year.", "15,700",
     "irregular crossings"),
    # a restatement and a part keep no borrowed noun
    ("August alone accounted for 18,400 crossings, or nearly 600 a day.", "600", None),
    ("Officials said 140 people were injured, 17 of them seriously.", "17", None),
])
def test_a_number_joined_by_and_counts_what_the_figure_before_it_counts(
        text: str, figure: str, subject: str | None, rules: RuleSet) -> None:
    from checker.extract import extract_claims

    document = Document(id="d", path="d.txt", text=text + "\n", published=dt.date(2025, 9, 3))
    claim = next(c for c in extract_claims(document, rules) if c.text == figure)
    assert claim.subject == subject


@pytest.mark.parametrize(("text", "figure", "subject"), [
    ("Of the 41 deaths, 17 occurred at home or on the way to hospital.", "17", "deaths"),
    ("Of the 9,000 people evacuated, about 2,500 were still in shelters.", "2,500", "people evacuated"),
    ("Among the 120 passengers, 14 were injured.", "14", "passengers injured"),  # its own noun stays
])
def test_a_part_named_after_its_whole_counts_the_whole_s_noun(
        text: str, figure: str, subject: str, rules: RuleSet) -> None:
    from checker.extract import extract_claims

    document = Document(id="d", path="d.txt", text=text + "\n", published=dt.date(2025, 7, 15))
    claim = next(c for c in extract_claims(document, rules) if c.text == figure)
    assert claim.subject == subject
