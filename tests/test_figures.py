"""find_figures against the data-driven cases in tests/cases/figures.yaml."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.extract.figures import find_figures
from checker.ruleset import RuleSet, load_rules

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "figures.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def _check_field(name: str, expected: Any, actual: Any) -> None:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and actual is not None:
        assert math.isclose(actual, expected, rel_tol=2e-3), f"{name}: {actual} != {expected}"
    else:
        assert actual == expected, f"{name}: {actual!r} != {expected!r}"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_figure_case(case: dict[str, Any], rules: RuleSet) -> None:
    sentence = case["sentence"]
    figures = find_figures(sentence, rules)
    assert [f.text for f in figures] == [e["text"] for e in case["figures"]]
    for figure, expected in zip(figures, case["figures"]):
        for name, value in expected.items():
            if name == "unit_text":
                assert figure.unit_span is not None
                _check_field(name, value, sentence[figure.unit_span[0]:figure.unit_span[1]])
            else:
                _check_field(name, value, getattr(figure, name))


def test_offsets_are_absolute_and_window_respected(rules: RuleSet) -> None:
    text = "Intro with 5 apples. Then 7 pears arrived. Then 9 plums."
    start = text.index("Then 7")
    end = text.index("Then 9")
    figures = find_figures(text, rules, start, end)
    assert [(f.text, f.unit) for f in figures] == [("7", "pear")]
    assert text[figures[0].start:figures[0].end] == "7"


def test_qualifier_span_points_at_the_hedge(rules: RuleSet) -> None:
    text = "Officials counted no fewer than 600 ballots."
    (figure,) = find_figures(text, rules)
    assert figure.qualifier_span is not None
    assert text[figure.qualifier_span[0]:figure.qualifier_span[1]] == "no fewer than"
    assert (figure.low, figure.high) == (600, None)


def test_text_without_numbers_is_empty(rules: RuleSet) -> None:
    assert find_figures("Nothing numeric is said in this sentence at all.", rules) == []


def test_figures_sorted_and_disjoint(rules: RuleSet) -> None:
    text = "About 30 km north, 2,000 people and $5 million in aid, up 4% from 10 to 12 trucks."
    figures = find_figures(text, rules)
    assert len(figures) >= 4
    for before, after in zip(figures, figures[1:]):
        assert before.end <= after.start


def _sample_documents() -> list[Any]:
    from checker.load import load_documents

    root = Path(__file__).parent.parent
    folders = [root / "seeds", *sorted((root / "tests" / "stories").glob("*/articles"))]
    return load_documents(folders).documents


def test_sentence_figures_read_only_the_sentence_and_one_character_either_side(rules: RuleSet) -> None:
    """sentence_figures remembers figures by the sentence's text; that is only sound if nothing
    outside the window changes them. Every sentence of the sample corpus and the story cases."""
    import importlib

    from checker.extract.figures import sentence_figures

    segment = importlib.import_module("checker.extract.segment").segment
    checked = 0
    for document in _sample_documents():
        for sentence in segment(document):
            in_place = find_figures(document.text, rules, sentence.start, sentence.end)
            assert sentence_figures(document.text, rules, sentence.start, sentence.end) == in_place
            # and again, now from the cache
            assert sentence_figures(document.text, rules, sentence.start, sentence.end) == in_place
            checked += len(in_place)
    assert checked > 200


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f", " "])
def test_a_currency_sign_before_any_space_reads_as_that_currency(rules: RuleSet, space: str) -> None:
    """Found by hypothesis: '0¢\\u00a00' raised a KeyError, the symbol keeping its no-break space."""
    figures = find_figures(f"Stamps cost ¢{space}40 each.", rules)
    assert [f.text.replace(space, " ") for f in figures] == ["¢ 40"]
