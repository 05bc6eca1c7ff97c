"""The number parser and extractor invariants, by example and by property."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.figures import find_figures
from checker.extract.nouns import noun_phrase
from checker.extract.numbers import NumberScanner, parse_digits, parse_number_words
from checker.ruleset import load_rules

RULES = load_rules()
SCANNER = NumberScanner(RULES.amounts)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("one", 1), ("twelve", 12), ("twenty-one", 21), ("ninety nine", 99), ("a hundred", 100),
        ("two hundred and fifty", 250), ("three thousand", 3000), ("a million", 1e6),
        ("two hundred and fifty thousand", 250_000), ("four billion", 4e9), ("a dozen", 12),
    ],
)
def test_number_words(words: str, value: float) -> None:
    assert parse_number_words(words) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("3,000", 3000), ("1.3 million", 1.3e6), ("25k", 25_000), ("$2bn", 2e9), ("0.5", 0.5), (".001", 0.001),
     ("4 trillion", 4e12), ("12,345,678.9", 12_345_678.9), ("10 000", 10_000), ("1\u202f250", 1250),
     ("5 mln", 5e6), ("one sixth", 1 / 6), ("three halves", 1.5), ("two-thirds", 2 / 3), ("one out of three", 1 / 3),
     ("three in 10", 0.3), ("two and a half", 2.5), ("half a dozen", 6)],
)
def test_scanner_reads_digits_and_magnitudes(text: str, value: float) -> None:
    (token,) = SCANNER.scan(text)
    assert token.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["the first half of the year", "a third term in office", "scored 2 in 3 minutes",
                                  "2019 100"])
def test_scanner_reads_no_fraction_where_none_is_meant(text: str) -> None:
    assert not any(t.fraction for t in SCANNER.scan(text))


@pytest.mark.parametrize(
    ("written", "phrase"),
    [("hottest electric cars", "hot electric car"), ("earliest investors", "early investor"),
     ("best seats", "good seat"), ("smallest shops", "small shop"), ("latest models", "late model"),
     ("coastal and inland towns", "coastal inland town"), ("crates of apples", "crate apple"),
     ("interest payments", "interest payment")],
)
def test_noun_phrase_normalises_modifiers(written: str, phrase: str) -> None:
    assert noun_phrase(written) == phrase


def test_scanner_keeps_two_separate_word_numbers_apart() -> None:
    values = [t.value for t in SCANNER.scan("five and six")]
    assert values == [5, 6]


@given(st.integers(min_value=0, max_value=10**15))
def test_thousands_separators_round_trip(number: int) -> None:
    written = f"{number:,}"
    assert parse_digits(written) == number
    (token,) = SCANNER.scan(f"about {written} of them")
    assert token.value == number


_news_words = st.sampled_from(
    ["at least", "about", "nearly", "between", "and", "to", "-", "$", "%", "per cent", "troops", "million",
     "dozens of", "km", "square miles", "in", "2022", "Oct.", "one", "three", "hundred", "Article", "F-16",
     "people", "up to", "(", ")", ",", ".", "°C", "10:30", "a month", "bn", "k", "½", "×10"]
)
_fragments = st.one_of(_news_words, st.integers(-10**7, 10**9).map(str), st.floats(0, 1e6).map(lambda f: f"{f:.2f}"),
                       st.text(max_size=8))


@settings(max_examples=300, deadline=None)
@given(st.lists(_fragments, max_size=14).map(" ".join))
def test_extractor_invariants_on_arbitrary_text(text: str) -> None:
    figures = find_figures(text, RULES)
    previous_end = 0
    for figure in figures:
        assert text[figure.start:figure.end] == figure.text
        assert figure.start >= previous_end
        previous_end = figure.end
        if figure.low is not None and figure.value is not None:
            assert figure.low <= figure.value
        if figure.high is not None and figure.value is not None:
            assert figure.value <= figure.high
        if figure.unit_span is not None:
            assert 0 <= figure.unit_span[0] < figure.unit_span[1] <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.integers(0, 70), st.integers(0, 70))
def test_window_offsets_are_absolute(text: str, a: int, b: int) -> None:
    start, end = min(a, b), max(a, b)
    for figure in find_figures(text, RULES, start, end):
        assert start <= figure.start < figure.end <= max(end, start)
        assert text[figure.start:figure.end] == figure.text
