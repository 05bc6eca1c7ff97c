"""Which source a claim comes from, and how two sources relate.

Attributions are compared after `plain()` (lower case, no articles, no possessives, demonyms turned
into countries), so "South Korea's spy agency" and "the South Korean spy agency" meet the same alias
of rules/attributions.yaml. The longest alias found inside the attribution wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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
        # the head nouns each listed source goes by ('health officials': ministry, officials, authorities, ...)
        self._heads: dict[str, set[str]] = {}
        for alias, source in self._aliases.items():
            self._heads.setdefault(source, set()).add(_head(alias))
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
        if self._names_generically(a, b) or self._names_generically(b, a):
            return "related"
        return "different"

    def generic_family(self, keys: Iterable[str | None]) -> dict[str, set[str]]:
        """Among a story's source keys, the ones each names or is named by generically (see
        `_names_generically`): the search's index of related voices, which rules alone cannot give."""
        present = sorted({key for key in keys if key})
        family: dict[str, set[str]] = {}
        for generic in (key for key in present if key in GENERIC_BODIES):
            for named in present:
                if named != generic and self._names_generically(generic, named):
                    family.setdefault(generic, set()).add(named)
                    family.setdefault(named, set()).add(generic)
        return family

    def _names_generically(self, generic: str, named: str) -> bool:
        """"the ministry" in one article and "the regional health ministry" in another: a body named by
        its kind alone is the story's body of that kind (an article naming two ministries resolves its own
        "the ministry" to one of them, see extract's _named_earlier)."""
        if generic not in GENERIC_BODIES:
            return False
        heads = self._heads.get(named)
        return generic in heads if heads is not None else _head(tuple(named.split())) == generic


# Kinds of body a story often names by kind alone after naming it in full.
GENERIC_BODIES = frozenset({"ministry", "agency", "department", "authority", "commission", "council", "office",
                            "bureau", "board", "institute", "service", "regulator", "utility", "inspectorate"})


def _head(words: tuple[str, ...]) -> str:
    """A body's head noun: 'ministry' of "ministry of health" and of "health ministry"."""
    if "of" in words[1:]:
        return words[words.index("of", 1) - 1]
    return words[-1] if words else ""


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
