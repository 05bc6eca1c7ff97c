"""Which source a claim comes from, and how two sources relate.

Attributions are compared after `plain()` (lower case, no articles, no possessives, demonyms turned
into countries), so "South Korea's spy agency" and "the South Korean spy agency" meet the same alias
of rules/attributions.yaml. The longest alias found inside the attribution wins.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from checker.models import Document
from checker.ruleset import RuleSet
from checker.words import INITIALISM, plain_words, singular

SourceRelation = Literal["same", "related", "different", "unstated"]
_BRACKETED = re.compile(r"\s*\([^()]*\)")


class Voices:
    def __init__(self, rules: RuleSet) -> None:
        self._demonyms = sorted(((tuple(plain_words(k)), tuple(plain_words(v))) for k, v in rules.demonyms.items()),
                                key=lambda kv: -len(kv[0]))
        self._aliases: dict[tuple[str, ...], str] = {}
        self._parent: dict[str, str] = {}
        for source in rules.sources:
            for name in [source.source, *source.aliases]:
                self._aliases[tuple(self.plain(name))] = source.source
            if source.parent:
                self._parent[source.source] = source.parent
        # alias -> (position in the rules, source): position keeps "first listed wins" among equal lengths
        self._alias_order = {alias: (order, source) for order, (alias, source) in enumerate(self._aliases.items())}
        self._longest_alias_words = max((len(alias) for alias in self._aliases), default=0)

    def plain(self, text: str) -> list[str]:
        """Plain words with demonyms turned into their country ('south korean' -> 'south korea')."""
        return list(_plain_cached(text, tuple(self._demonyms)))

    def source_key(self, attribution: str | None, document: Document) -> str | None:
        if not attribution:
            return None
        # "Orlund's Defence Intelligence (ODI)" and "Orlund's own Defence Intelligence" are one voice
        words = [w for w in self.plain(_BRACKETED.sub("", attribution) or attribution) if w != "own"]
        if not words:
            return None
        best = self._longest_alias(tuple(words))
        if best is not None:
            return best
        if document.outlet and words == self.plain(document.outlet):
            return f"{document.outlet} (own reporting)"
        return " ".join(words[:-1] + [singular(words[-1])])  # "border guards" and "the border guard" are one voice

    def _longest_alias(self, words: tuple[str, ...]) -> str | None:
        """The source of the longest alias among the words (the first listed wins a tie).

        Looks each run of words up instead of scanning every alias: attribution is read once per figure."""
        found: tuple[int, int, str] | None = None  # (length, -order, source)
        for length in range(min(len(words), self._longest_alias_words), 0, -1):
            for i in range(len(words) - length + 1):
                hit = self._alias_order.get(words[i:i + length])
                if hit is not None and (found is None or -hit[0] > found[1]):
                    found = (length, -hit[0], hit[1])
            if found is not None:
                return found[2]
        return None

    def source_relation(self, a: str | None, b: str | None) -> SourceRelation:
        """How two source keys relate: one voice, one speaking for the other, or two voices."""
        if a is None or b is None:
            return "unstated"
        if a == b:
            return "same"
        if self._parent.get(a) == b or self._parent.get(b) == a:
            return "related"
        return "different"


@lru_cache(maxsize=4096)
def _plain_cached(text: str, demonyms: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]) -> tuple[str, ...]:
    words = plain_words(text)
    out: list[str] = []
    i = 0
    while i < len(words):
        for form, country in demonyms:
            if tuple(words[i:i + len(form)]) == form:
                out.extend(country)
                i += len(form)
                break
        else:
            out.append(words[i].replace(".", "") if "." in words[i] and INITIALISM.fullmatch(words[i]) else words[i])
            i += 1
    return tuple(out)
