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
from itertools import chain

from checker.words import words_of_sentence
from checker.models import Claim
from checker.ruleset import RuleSet


def trigrams(text: str) -> frozenset[str]:
    """The text's word trigrams, each as one string (plain words never hold a NUL): strings are
    hashed once and, unlike tuples, never tracked by the garbage collector, which a story's
    hundred thousand trigrams would otherwise keep busy."""
    words = words_of_sentence(text)
    return frozenset(map("\0".join, zip(words, words[1:], words[2:])))


def similarity(a: str, b: str) -> float:
    return _jaccard(trigrams(a), trigrams(b))


def _jaccard(x: frozenset[str], y: frozenset[str]) -> float:
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
        # Kept by the story, not the process: an archive's month never meets another month's sentences,
        # and a process-wide cache of them grew a full check's memory to hundreds of megabytes.
        self.grams: dict[str, frozenset[str]] = {}

    def trigrams(self, text: str) -> frozenset[str]:
        found = self.grams.get(text)
        if found is None:
            found = self.grams[text] = trigrams(text)
        return found

    def alike(self, a: str, b: str) -> bool:
        return _jaccard(self.trigrams(a), self.trigrams(b)) >= self.threshold

    def pair(self, a: Claim, b: Claim) -> bool:
        """Whether two claims connect() has seen are a reprinted pair."""
        x, y = self.text.get(a.id), self.text.get(b.id)
        if x is None or y is None or a.document == b.document or self.roles.get(a.id) != self.roles.get(b.id):
            return False
        key = (x, y) if x <= y else (y, x)
        if key not in self.similar:
            self.similar[key] = self.alike(*key)
        return self.similar[key]

    def connect(self, groups: Sequence[Sequence[Claim]]) -> list[list[list[str]]]:
        """For each group, sets of its claims joined by reprinted pairs: every claim of a set has a
        reprinted partner and the pairs connect the set (what a union-find needs, and what makes a
        claim a statement of its own). Pairs never cross groups, but texts are compared once per
        story: each distinct sentence text is read once (a reprint usually repeats it word for
        word, and a sentence with several figures sits in several groups).

        Within a group, the claims of one text and one part/whole role are a node. Two alike texts
        (or a text and itself) pair every claim of one node with every claim of the other from
        another article, so when the two nodes span two articles all their claims connect: nodes
        are joined, never their claims pair by pair (a text printed by k outlets is k² pairs)."""
        nodes: dict[tuple[int, str, str | None], list[Claim]] = {}  # (group, text, role) -> its claims
        holders: dict[str, list[int]] = {}  # text -> the groups it stands in
        for number, members in enumerate(groups):
            if len({claim.document for claim in members}) < 2:
                continue  # a reprint spans two articles
            sentences: dict[tuple[str, int], list[Claim]] = {}
            for claim in members:
                if claim.sentence:
                    sentences.setdefault((claim.document, claim.sentence_start), []).append(claim)
            for claims in sentences.values():
                text = claims[0].sentence  # the group reads a sentence in its first claim's wording
                for claim in claims:
                    self.text[claim.id] = text
                    nodes.setdefault((number, text, self.roles.get(claim.id)), []).append(claim)
                if holders.get(text, [None])[-1] != number:
                    holders.setdefault(text, []).append(number)
        by_text: dict[tuple[int, str], list[tuple[str | None, set[str]]]] = {}  # (group, text) -> (role, articles)
        for (number, text, role), claims in nodes.items():
            by_text.setdefault((number, text), []).append((role, {c.document for c in claims}))
        parent: dict[tuple[int, str, str | None], tuple[int, str, str | None]] = {}

        def root(node: tuple[int, str, str | None]) -> tuple[int, str, str | None]:
            while parent.setdefault(node, node) != node:
                parent[node] = parent[parent[node]]
                node = parent[node]
            return node

        similar = chain.from_iterable(self._similar_texts(part) for part in _apart(holders))
        for first, second in similar:
            for number in _common(holders[first], holders[second]):
                theirs = dict(by_text[(number, second)])
                for role, articles in by_text[(number, first)]:
                    other = theirs.get(role)
                    if other is not None and len(articles | other) > 1:
                        parent[root((number, first, role))] = root((number, second, role))
        out: list[dict[tuple[int, str, str | None], list[str]]] = [{} for _ in groups]
        for node in parent:
            out[node[0]].setdefault(root(node), []).extend(c.id for c in nodes[node])
        return [list(sets.values()) for sets in out]

    def _similar_texts(self, holders: dict[str, list[int]]) -> list[tuple[str, str]]:
        """Pairs of texts of one group at least `threshold` alike, each text with itself included
        when it has a trigram, found without comparing every two texts (an all-pairs similarity
        join with prefix and positional filtering). Trigrams are ranked rarest first, one order for
        all texts, and texts are read from the smallest; a text is compared only with earlier texts

        - that share one of its first |x| - ceil(t|x|) + 1 trigrams (with Jaccard t, sets sharing
          none of their prefixes cannot reach t): the trigrams every sentence of a story shares
          never make candidates;
        - that are large enough (|y| >= t|x|);
        - whose overlap can still reach t(|x| + |y|) / (1 + t): after the shared trigram at rank i
          of x and j of y, at most min(|x| - i, |y| - j) more can be shared.

        Each filter only drops pairs that cannot reach t, so the pairs are exactly those a
        comparison of every two texts would find."""
        t = self.threshold
        grams = {text: self.trigrams(text) for text in holders}
        frequency = Counter(chain.from_iterable(grams.values()))
        # One order of trigrams, rarest first, shared by every text; ties may fall any way (first seen).
        ordered = sorted(frequency, key=frequency.__getitem__)
        rank = dict(zip(ordered, range(len(ordered))))
        once = bisect_left(ordered, 2, key=frequency.__getitem__)  # ranks below: trigrams of one text only
        texts = sorted((text for text, found in grams.items() if found), key=lambda text: len(grams[text]))
        similar = [(text, text) for text in texts]
        index: dict[int, list[tuple[str, int, int]]] = {}  # trigram -> (text, its rank in the text, text size)
        known = self.similar
        for x in texts:
            rarest = sorted(map(rank.__getitem__, grams[x]))
            n = len(rarest)
            prefix = n - math.ceil(t * n - 1e-9) + 1
            overlap: dict[str, int] = {}  # earlier text -> trigrams shared so far; -1 once it cannot reach t
            for i in range(bisect_left(rarest, once, 0, prefix), prefix):  # a trigram of one text pairs nothing
                gram = rarest[i]
                for y, j, m in index.get(gram, ()):
                    shared = overlap.get(y, 0)
                    if shared < 0 or m < t * n - 1e-9:
                        continue
                    needed = math.ceil(t * (n + m) / (1 + t) - 1e-9)
                    overlap[y] = shared + 1 if shared + 1 + min(n - i - 1, m - j - 1) >= needed else -1
                index.setdefault(gram, []).append((x, i, n))
            for y, shared in overlap.items():
                if shared <= 0 or not _common(holders[x], holders[y]):
                    continue  # cannot reach t, or the two texts never stand in one group
                pair = (x, y) if x < y else (y, x)
                alike = known.get(pair)
                if alike is None:
                    alike = self.alike(x, y)
                    if alike:  # kept for pair(); texts found apart are not kept (a big story has millions)
                        known[pair] = True
                if alike:
                    similar.append(pair)
        return similar


def _apart(holders: dict[str, list[int]]) -> list[dict[str, list[int]]]:
    """The texts split into parts no group spans (groups that share a text are one part). A reprinted
    pair stands in one group, so each part is joined alone: in a month of an archive, texts of
    different stories share the trigrams of their wording ('said on Tuesday that') but no group."""
    parent: dict[int, int] = {}

    def root(group: int) -> int:
        while parent.setdefault(group, group) != group:
            parent[group] = parent[parent[group]]
            group = parent[group]
        return group

    for groups in holders.values():
        for other in groups[1:]:
            parent[root(other)] = root(groups[0])
    parts: dict[int, dict[str, list[int]]] = {}
    for text, groups in holders.items():
        parts.setdefault(root(groups[0]), {})[text] = groups
    return list(parts.values())


def _common(first: list[int], second: list[int]) -> list[int]:
    """Groups holding both texts (each text stands in a few groups at most)."""
    return first if first is second else [g for g in first if g in second]
