"""Words as the lexicon compares them: lower case, no articles, possessives or punctuation
('U.S.' keeps its dots), and a rough lemma so plural and singular forms meet."""

from __future__ import annotations

import re
from functools import lru_cache

from checker.places import ARTICLES

# 'from' is left out on purpose: "troops from North Korea" names an origin, not where they are
_WORD = re.compile(r"[a-z0-9][a-z0-9.\-]*")
INITIALISM = re.compile(r"(?:[a-z]\.){2,}")  # "u.s.", "u.k.": kept with their dots
_POSSESSIVE = re.compile(r"'s\b|s'(?=\s|$)")


@lru_cache(maxsize=65536)  # asked for every word before every figure, by several readers
def singular(word: str) -> str:
    """A rough lemma, enough to meet a synonym list that holds both forms anyway."""
    if "." in word:
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return word[:-2]  # 'branches' and 'branch', 'taxes' and 'tax' meet
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def plain_words(text: str) -> list[str]:
    """Lower-cased words without possessives, articles or punctuation ('U.S.' stays 'u.s.')."""
    return list(_plain_words(text))


def words_of_sentence(text: str) -> list[str]:
    """plain_words() for a text read once per story (a whole sentence), not remembered: an archive's
    sentences would crowd out the short phrases every figure asks about, and hold memory for nothing."""
    return list(_read_plain_words(text))


def _read_plain_words(text: str) -> tuple[str, ...]:
    lowered = text.lower().replace("\u2019", "'").replace("`", "'")
    if "'" in lowered:
        lowered = _POSSESSIVE.sub(lambda m: "" if m.group(0) == "'s" else "s", lowered)
    words = [w if "." in w and INITIALISM.fullmatch(w) else w.strip(".-") for w in _WORD.findall(lowered)]
    return tuple(w for w in words if w and w not in ARTICLES)


_plain_words = lru_cache(maxsize=65536)(_read_plain_words)
