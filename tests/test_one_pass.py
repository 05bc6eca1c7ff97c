"""OnePass: many patterns in one scan must find exactly what each pattern's own finditer finds."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import hybrid, nonclaims, numbers
from checker.extract.figure_parts import grammar_for
from checker.extract.one_pass import OnePass, any_case
from checker.ruleset import load_rules


def one_by_one(patterns: list[re.Pattern[str]], text: str) -> list[tuple[int, int]]:
    return sorted(match.span() for pattern in patterns for match in pattern.finditer(text))


# Pieces that start, end or break the masks: dates, clock times, brackets, quotes, phone numbers, words.
_PIECES = st.sampled_from([
    "Oct.", "October", "Sept", "June", "Mar", "May", "of", " ", " ", ", ", "-", "–", "/", ".", ":", "(", ")", "’", "'",
    "0", "1", "7", "12", "24", "90", "144", "1080p", "2024", "1990s", "555", "978", "1234567890", "a.m.", "pm",
    "GMT", "th", "nd", "min", "read", "x", "A4", "\n", "٣",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_the_date_masks_in_one_pass_find_what_each_finds_alone(text: str) -> None:
    assert nonclaims._MASKS_AT_ONCE.spans(text) == one_by_one(nonclaims._MASKS, text)


def test_a_mask_overlapping_another_keeps_both_spans() -> None:
    # "24/10/2024" is a numeric date and "2024" starts no mask of its own; "(555) 123-4567" is a
    # phone number whose "(555)" is also a bracketed number: one pass must not let one hide the other.
    text = "On 24/10/2024 call (555) 123-4567 at 10:30 a.m., Oct. 24."
    assert nonclaims._MASKS_AT_ONCE.spans(text) == one_by_one(nonclaims._MASKS, text)
    assert (19, 24) in nonclaims._MASKS_AT_ONCE.spans(text) and (19, 33) in nonclaims._MASKS_AT_ONCE.spans(text)


def test_a_pattern_matching_again_inside_its_own_match_is_not_reported_twice() -> None:
    digits = re.compile(r"\d+")
    assert OnePass([digits], r"\d").spans("a 123 b 45") == [(2, 5), (8, 10)]


def test_case_flags_stay_with_their_own_pattern() -> None:
    passes = OnePass([re.compile(r"read"), re.compile(r"min", re.IGNORECASE)], "[rRmM]")
    assert passes.spans("Read MIN read min") == [(5, 8), (9, 13), (14, 17)]


@pytest.mark.parametrize("pattern", [re.compile(r"(\d+)"), re.compile(r"^\d+", re.MULTILINE)])
def test_patterns_it_cannot_run_faithfully_are_refused(pattern: re.Pattern[str]) -> None:
    with pytest.raises(ValueError):
        OnePass([pattern], r"\d")


_NUMBER_PIECES = st.sampled_from(["1", "23", "4,500", "1 000", ".5", "-", "−", ".", ",", " ", "e3", "×10^4", "k", "bn",
                                  " million", "F", "x", "a-", "٣", "\u202f"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_NUMBER_PIECES, max_size=20).map("".join), st.integers(0, 5), st.integers(0, 5))
def test_the_number_pattern_in_one_pass_finds_what_finditer_finds(text: str, cut_start: int, cut_end: int) -> None:
    # within a stretch too, where the characters outside it still count for the lookbehinds
    pos, endpos = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    alone = [(m.span(), m.groupdict()) for m in numbers._DIGITS.finditer(text, pos, endpos)]
    at_once = [(m.span(), m.groupdict()) for m in numbers._DIGITS_ALONE.matches(text, pos, endpos)[0]]
    assert at_once == alone


_FRACTION_PIECES = st.sampled_from(["1", "2", "12", "/", "⁄", " ", "½", "¾", "x", ".", ",", "cup", "1/2", "3 1/4"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRACTION_PIECES, max_size=15).map("".join))
def test_the_fraction_pattern_in_one_pass_finds_what_finditer_finds(text: str) -> None:
    assert [m.span() for m in hybrid._FRACTION_ALONE.matches(text)[0]] == [m.span() for m in hybrid._FRACTION.finditer(text)]


def test_any_case_admits_every_character_a_case_insensitive_letter_matches() -> None:
    letters = "abcdefghijklmnopqrstuvwxyz"
    folded = re.compile(rf"[{letters}]", re.IGNORECASE)
    admitted = re.compile(f"[{any_case(letters)}]")
    assert all(admitted.match(chr(code)) for code in range(sys.maxunicode + 1) if folded.match(chr(code)))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["half", "HALF", "ſixth", "third", "Tenth", "x", " ", "2", "quarter", "h", "ſ"]),
                max_size=8).map("".join), st.integers(0, 4))
def test_the_fraction_hint_in_one_pass_answers_as_its_pattern(text: str, cut: int) -> None:
    start = min(cut, len(text))
    assert numbers._FRACTION_HINT_FAST.search(text, start, len(text)) == \
        (numbers._FRACTION_HINT.search(text, start, len(text)) is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["twenty", "Dozens", "ſeven", "several", "x", " ", "2", "½", "a few", "one", "-", "z"]),
                max_size=8).map("".join))
def test_the_number_test_in_one_pass_answers_as_its_pattern(text: str) -> None:
    grammar = grammar_for(load_rules())
    assert grammar.has_number.search(text, 0, len(text)) == (grammar.has_number.patterns[0].search(text) is not None)
