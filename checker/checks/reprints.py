"""Which figures stand in one text reprinted by two outlets (wire copies), found without
comparing every pair of sentences: the engine excludes such pairs from corroboration (CC102)
and clusters them (CC301)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

from checker.lexicon import plain_words
from checker.models import Claim
from checker.ruleset import RuleSet


@lru_cache(maxsize=65536)
def trigrams(text: str) -> frozenset[tuple[str, ...]]:
    words = plain_words(text)
    return frozenset(tuple(words[i:i + 3]) for i in range(max(0, len(words) - 2)))


def similarity(a: str, b: str) -> float:
    x, y = trigrams(a), trigrams(b)
    return len(x & y) / len(x | y) if x and y else 0.0


def reprinted_pairs(members: Sequence[Claim], roles: dict[str, str],
                     rules: RuleSet) -> list[tuple[str, str]]:
    """Claim pairs of two articles whose sentences are one text (trigram overlap at least
    `wire_copy_similarity`). Each distinct sentence is read once, and two sentences are compared
    only when they share one of their rarest trigrams: with overlap t, sets that share none of
    their first |x| - ceil(t|x|) + 1 rarest trigrams cannot reach t (prefix filtering), so the
    trigrams every sentence of a story shares never make candidates."""
    if len({claim.document for claim in members}) < 2:
        return []
    threshold = rules.tolerances.wire_copy_similarity
    sentences: dict[tuple[str, int], list[Claim]] = {}
    for claim in members:
        if claim.sentence:
            sentences.setdefault((claim.document, claim.sentence_start), []).append(claim)
    grams = {key: trigrams(claims[0].sentence) for key, claims in sentences.items()}
    frequency: dict[tuple[str, ...], int] = {}
    for found in grams.values():
        for gram in found:
            frequency[gram] = frequency.get(gram, 0) + 1
    by_gram: dict[tuple[str, ...], dict[str, list[tuple[str, int]]]] = {}
    for key, found in grams.items():
        rarest = sorted(found, key=lambda g: (frequency[g], g))
        for gram in rarest[:len(rarest) - math.ceil(threshold * len(rarest) - 1e-9) + 1]:
            by_gram.setdefault(gram, {}).setdefault(key[0], []).append(key)
    candidates: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for by_document in by_gram.values():
        documents = sorted(by_document)
        for i, first in enumerate(documents):  # a reprint spans two articles: never pair within one
            for second in documents[i + 1:]:
                candidates.update((x, y) for x in by_document[first] for y in by_document[second])
    pairs: set[tuple[str, str]] = set()
    for x, y in candidates:
        if similarity(sentences[x][0].sentence, sentences[y][0].sentence) < threshold:
            continue
        pairs.update((min(a.id, b.id), max(a.id, b.id)) for a in sentences[x] for b in sentences[y]
                     if roles.get(a.id) == roles.get(b.id))
    return sorted(pairs)
