"""Phrase patterns: the prefix-factored alternation must match exactly what a flat one does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.clauses import phrase_pattern, trie_alternation

VERBS = ["said", "says", "say", "saying", "stated", "according to", "according", "told reporters", "told",
         "estimated", "estimates", "put the figure", "put", "U.S.", "a", "as many as", "as many"]


def _flat(phrases: list[str]) -> re.Pattern[str]:
    """The plain longest-first alternation the trie replaces."""
    parts = sorted({" ".join(p.lower().split()) for p in phrases if p.strip()}, key=len, reverse=True)
    alternation = "|".join(r"\s+".join(re.escape(w) for w in part.split()) for part in parts)
    return re.compile(rf"(?<![\w'’])(?:{alternation})(?![\w'’])", re.I)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_prefix_sharing_phrases_prefer_the_longest_that_ends_on_a_word() -> None:
    pattern = phrase_pattern(VERBS)
    assert pattern is not None
    text = "Officials SAID on Monday, saying the U.S. estimates put the figure at 3,000, according  to Seoul."
    assert [m.group() for m in pattern.finditer(text)] == [
        "SAID", "saying", "U.S.", "estimates", "put the figure", "according  to"]
    assert [m.group() for m in pattern.finditer("as many as 12,000; as manyfold")] == ["as many as"]


def test_no_phrases_matches_nothing() -> None:
    assert phrase_pattern([]) is None
    assert re.search(trie_alternation([" ", ""]), "anything") is None


_WORDS = st.sampled_from(["said", "say", "says", "saying", "put", "the", "figure", "to", "according", "as",
                          "many", "u.s.", "told", "x", "-", ",", "'", "estimated"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8),
       st.lists(_WORDS, max_size=25), st.sampled_from([" ", "  ", "\n", ""]))
def test_trie_matches_what_a_flat_alternation_matches(phrases: list[str], words: list[str], gap: str) -> None:
    text = gap.join(words) if gap else "".join(w + (" " if i % 2 else "") for i, w in enumerate(words))
    assert _spans(phrase_pattern(phrases), text) == _spans(_flat(phrases), text)  # type: ignore[arg-type]
