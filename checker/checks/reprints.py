"""Which figures stand in one text reprinted by two outlets (wire copies), found without
comparing every pair of sentences: the engine excludes such pairs from corroboration (CC102)
and clusters them (CC301).

A text reprinted by k outlets makes k² reprinted pairs, and a story's template sentences make
hundreds, so the pairs are never listed: the engine gets connected sets to cluster (and to keep
as statements of their own), and CC102 asks `pair` about the few pairs it would otherwise relate.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

from checker.lexicon import plain_words
from checker.models import Claim
from checker.ruleset import RuleSet


@lru_cache(maxsize=65536)
def trigrams(text: str) -> frozenset[str]:
    """The text's word trigrams, each as one string (plain words never hold a NUL): strings are
    hashed once and, unlike tuples, never tracked by the garbage collector, which a story's
    hundred thousand trigrams would otherwise keep busy."""
    words = plain_words(text)
    return frozenset(map("\0".join, zip(words, words[1:], words[2:])))


def similarity(a: str, b: str) -> float:
    x, y = trigrams(a), trigrams(b)
    if not x or not y:
        return 0.0
    shared = len(x & y)  # |x | y| from the sizes: no union set is built
    return shared / (len(x) + len(y) - shared)


class Reprints:
    """The reprinted texts of one story. A pair of claims is reprinted when they stand in two
    articles, play one part/whole role, and their sentences overlap by `wire_copy_similarity`
    (word trigrams) or more."""

    def __init__(self, rules: RuleSet, roles: dict[str, str]) -> None:
        self.threshold = rules.tolerances.wire_copy_similarity
        self.roles = roles
        self.text: dict[str, str] = {}  # claim -> its sentence, as read for the group (first claim's wording)
        self.similar: dict[tuple[str, str], bool] = {}

    def pair(self, a: Claim, b: Claim) -> bool:
        """Whether two claims connect() has seen are a reprinted pair."""
        x, y = self.text.get(a.id), self.text.get(b.id)
        if x is None or y is None or a.document == b.document or self.roles.get(a.id) != self.roles.get(b.id):
            return False
        key = (x, y) if x <= y else (y, x)
        if key not in self.similar:
            self.similar[key] = similarity(*key) >= self.threshold
        return self.similar[key]

    def connect(self, groups: Sequence[Sequence[Claim]]) -> list[list[list[str]]]:
        """For each group, sets of its claims joined by reprinted pairs: every claim of a set has a
        reprinted partner and the pairs connect the set (what a union-find needs, and what makes a
        claim a statement of its own). Pairs never cross groups, but texts are compared once per
        story: each distinct sentence text is read once (a reprint usually repeats it word for
        word, and a sentence with several figures sits in several groups)."""
        found: list[tuple[dict[tuple[str, int], list[Claim]], dict[str, list[tuple[str, int]]]] | None] = []
        holders: dict[str, list[int]] = {}  # text -> the groups it stands in
        for number, members in enumerate(groups):
            if len({claim.document for claim in members}) < 2:
                found.append(None)  # a reprint spans two articles
                continue
            sentences: dict[tuple[str, int], list[Claim]] = {}
            for claim in members:
                if claim.sentence:
                    sentences.setdefault((claim.document, claim.sentence_start), []).append(claim)
            by_text: dict[str, list[tuple[str, int]]] = {}
            for key, claims in sentences.items():
                by_text.setdefault(claims[0].sentence, []).append(key)
                for claim in claims:
                    self.text[claim.id] = claims[0].sentence
            for text in by_text:
                holders.setdefault(text, []).append(number)
            found.append((sentences, by_text))
        out: list[list[list[str]]] = [[] for _ in groups]
        for first, second in self._similar_texts(holders):
            for number in _common(holders[first], holders[second]):
                sentences, by_text = found[number]  # type: ignore[misc]
                keys = by_text[first] if first == second else by_text[first] + by_text[second]
                by_role: dict[str | None, list[Claim]] = {}
                for key in keys:
                    for claim in sentences[key]:
                        by_role.setdefault(self.roles.get(claim.id), []).append(claim)
                # every pair of these claims from two articles is reprinted (first and second are each
                # one text with themselves), so they connect as soon as they span two articles
                out[number].extend([c.id for c in same] for same in by_role.values()
                                   if len({c.document for c in same}) > 1)
        return out

    def _similar_texts(self, holders: dict[str, list[int]]) -> list[tuple[str, str]]:
        """Pairs of texts of one group at least `threshold` alike, each text with itself included
        when it has a trigram. Two texts are compared only when they share one of their rarest
        trigrams: with overlap t, sets that share none of their first |x| - ceil(t|x|) + 1 rarest
        trigrams cannot reach t (prefix filtering), so the trigrams every sentence of a story
        shares never make candidates."""
        grams = {text: trigrams(text) for text in holders}
        frequency = Counter(chain.from_iterable(grams.values()))
        # Prefix filtering needs one order of trigrams, rarest first, shared by every text; ties may fall
        # any way (here: first seen), so the order is built once, not compared tuple by tuple per text.
        ordered = sorted(frequency, key=frequency.__getitem__)
        rank = dict(zip(ordered, range(len(ordered))))
        once = bisect_left(ordered, 2, key=frequency.__getitem__)  # ranks below: trigrams of one text only
        by_gram: dict[int, list[str]] = {}
        for text, found in grams.items():
            rarest = sorted(map(rank.__getitem__, found))
            prefix = rarest[:len(rarest) - math.ceil(self.threshold * len(rarest) - 1e-9) + 1]
            for gram in prefix[bisect_left(prefix, once):]:  # a trigram no other text has pairs nothing
                by_gram.setdefault(gram, []).append(text)
        similar = [(text, text) for text, found in grams.items() if found]
        tested: set[tuple[str, str]] = set()
        known = self.similar
        for shared in by_gram.values():
            if len(shared) < 2:
                continue
            for i, first in enumerate(shared):
                for second in shared[i + 1:]:
                    pair = (first, second) if first < second else (second, first)
                    if pair in tested or not _common(holders[first], holders[second]):
                        continue  # compared already (texts share several rare trigrams), or never in one group
                    tested.add(pair)
                    alike = known.get(pair)
                    if alike is None:
                        alike = known[pair] = similarity(first, second) >= self.threshold
                    if alike:
                        similar.append(pair)
        return similar


def _common(first: list[int], second: list[int]) -> list[int]:
    """Groups holding both texts (each text stands in a few groups at most)."""
    return first if first is second else [g for g in first if g in second]
