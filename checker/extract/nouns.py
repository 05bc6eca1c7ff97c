"""The counted noun after a number: "3,000 North Korean troops" counts troops.

No part-of-speech tagger: a count's noun phrase is the run of content words after the
number up to its head, which for a plural count is the first plural word ("14 first-team
players left" -> players) and for "one" the last word before a function word ("one
solution that" -> solution). Function words and noun forms live in data/words.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

# A whole counted right after a figure: "4,800 of the country's 6,100 state schools", "seven of the
# committee's nine members". Its number may be spelled out; the noun after it is what both count.
_CARDINAL_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
                  r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                  r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?")
OF_A_COUNTED_WHOLE = re.compile(rf"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w.-]+['’]s?\s+)?(?:\d[\d,.]*|{_CARDINAL_WORD}\b)"
                                r"(?:\s+(?:hundred|thousand|million|billion|trillion)\b)?(?=\s+[A-Za-z])")

# A number word with no noun that still counts: the level a toll reached ("rose to nine", "put the number
# of dead at four") or the subject of its own verb ("nine were still missing", "Nine of them had been
# brought out"); not "the other two were", which refers back.
_LEVEL_BEFORE = re.compile(r"\b(?:(?:rose|risen|climbed|increased|jumped|grew|fell|dropped|declined)\s+to"
                           r"|(?:put|puts|putting|placed)\s+(?:[\w'’]+\s+){1,5}?at)\s+$", re.IGNORECASE)
_OWN_VERB_AFTER = re.compile(r"\s+(?:of\s+(?:them|whom)\s+)?(?:were|are|have|had|remain|remained|died|survived)\b",
                             re.IGNORECASE)
_REFERS_BACK = re.compile(r"\b(?:the|these|those|other|all|both|last|first|remaining)\s+$", re.IGNORECASE)


def counts_alone(text: str, start: int, end: int) -> bool:
    """Whether the number word at text[start:end], with no noun after it, is a count (see above)."""
    before = text[max(0, start - 60):start]
    if _LEVEL_BEFORE.search(before):
        return True
    return _OWN_VERB_AFTER.match(text, end) is not None and _REFERS_BACK.search(before) is None


DATA_FILE = Path(__file__).resolve().parent / "data" / "words.yaml"
MAX_PHRASE_WORDS = 5
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
# "one of the X", "dozens of X": the determiners that may sit between "of" and the noun.
_OF = re.compile(
    r" of (?:(?:the|these|those|his|her|its|their|our|my|your|them)\s+)?(?:most\s+)?",
    re.IGNORECASE,
)
# "5,700 categories of products", "barrels of oil": a bare noun after "of" completes the counted phrase.
_OF_COMPLEMENT = re.compile(r" of (?=[A-Za-z])", re.IGNORECASE)
# Superlatives and comparatives whose base is not the word minus its ending (see words.yaml)
_SUPERLATIVE = re.compile(r"^[a-z]{3,}est$")


# fishermen, policemen, chairmen (but not specimen, omen, acumen)
_MEN = re.compile(r"(?<![iou])men$")


class WordLists(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    stop: frozenset[str]
    skip_modifiers: frozenset[str]
    irregular_plurals: dict[str, str]
    adjective_bases: dict[str, str]
    not_superlatives: frozenset[str]


@lru_cache(maxsize=1)
def word_lists() -> WordLists:
    data: Any = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    return WordLists.model_validate(data)


@dataclass(frozen=True)
class CountedNoun:
    start: int
    end: int
    head: str = ""  # singular, lower-case
    phrase: str = ""  # modifiers + singular head, lower-case ("first-team player")


def singular(word: str) -> str:
    """Lower-case singular of a plural noun; words that are not plural come back lower-cased."""
    lower = word.lower()
    irregular = word_lists().irregular_plurals
    if lower in irregular:
        return irregular[lower]
    if _MEN.search(lower):
        return lower[:-3] + "man"
    if not is_plural(lower):
        return lower
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return lower[:-2]
    return lower[:-1]


def is_plural(word: str) -> bool:
    lower = word.lower()
    if lower in word_lists().irregular_plurals or _MEN.search(lower):
        return True
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s", "’s"))


def _words_after(text: str, pos: int, end: int, allow_hyphen: bool) -> list[tuple[int, int]]:
    """Up to MAX_PHRASE_WORDS words starting right after `pos`, each one space apart."""
    words: list[tuple[int, int]] = []
    cursor = pos
    while len(words) < MAX_PHRASE_WORDS and cursor < end:
        separator = text[cursor]
        if separator not in " \u00a0" and not (separator == "-" and allow_hyphen and not words):
            break
        found = _WORD.match(text, cursor + 1, end)
        if not found:
            break
        words.append(found.span())
        cursor = found.end()
    return words


def counted_noun(text: str, pos: int, end: int, plural: bool, allow_hyphen: bool = False) -> CountedNoun | None:
    """The noun phrase counted by a number ending at `pos`; `plural` says the count is not one."""
    lists = word_lists()
    of = _OF.match(text, pos, end)
    if of:
        pos = of.end() - 1
        plural = True  # "one of the generals" names generals
    words = _words_after(text, pos, end, allow_hyphen)
    if words and text[pos] == "-":
        if text[words[0][0]:words[0][1]].lower() == "strong" and len(words) > 1:
            return _build(text, words[1:2])  # "a 12,000-strong workforce": the size of what follows
        return _build(text, words[:1])  # "six-cylinder engines": the compound names what is counted
    content: list[tuple[int, int]] = []
    for span in words:
        lower = text[span[0]:span[1]].lower()
        if lower == "and" and plural and content:
            continue  # "460 Kia and Hyundai vehicles"
        if lower in lists.skip_modifiers and not content:
            continue
        if lower in lists.stop or (not plural and content and is_plural(lower)):
            break  # a singular count's phrase ends before any -s word ("one proposal asks")
        content.append(span)
        if plural and is_plural(lower):
            return _build(text, _with_complement(text, content, end))
    if not content:
        return None
    if plural:
        # A lower-case compound modifier: "a 12 page document" counts pages.
        first = text[content[0][0]:content[0][1]]
        return _build(text, content[:1]) if len(content) >= 2 and first.islower() else None
    return _build(text, content[:3])


def _with_complement(text: str, content: list[tuple[int, int]], end: int) -> list[tuple[int, int]]:
    """Stretch a plural head over "of" and a bare noun ("categories of products"), not "of the"."""
    of = _OF_COMPLEMENT.match(text, content[-1][1], end)
    if of is None:
        return content
    lists = word_lists()
    extra: list[tuple[int, int]] = []
    for span in _words_after(text, of.end() - 1, end, allow_hyphen=False)[:2]:
        word = text[span[0]:span[1]]
        if not word.islower() or word in lists.stop or word in lists.skip_modifiers or word.endswith(("ly", "ed", "ing")):
            break
        extra.append(span)
        if is_plural(word):
            break
    return [*content, *extra] if extra else content


def _build(text: str, spans: list[tuple[int, int]]) -> CountedNoun:
    written = text[spans[0][0]:spans[-1][1]]
    words = written.split()
    lowered = [w.lower() for w in words]
    head = singular(words[lowered.index("of", 1) - 1] if "of" in lowered[1:-1] else words[-1])
    return CountedNoun(spans[0][0], spans[-1][1], head, noun_phrase(written))


def noun_phrase(written: str) -> str:
    """'first-team players' -> 'first-team player': the counted phrase with its head made singular."""
    words = written.split()
    if not words:
        return ""
    lowered = [w.lower() for w in words]
    if "of" in lowered[1:-1]:  # "categories of products": the head is before "of", its complement after
        cut = lowered.index("of", 1)
        head = " ".join([singular(words[cut - 1]), *(singular(w) for w in words[cut + 1:])])
        words = words[:cut - 1]
    else:
        head, words = singular(words[-1]), words[:-1]
    modifiers = [adjective_base(_without_possessive(w.lower())) for w in words if _kept_modifier(w.lower())]
    return " ".join([*modifiers, head])


def adjective_base(word: str) -> str:
    """'hottest' -> 'hot', 'earliest' -> 'early', 'best' -> 'good': claims about 'the largest X' count X's."""
    lists = word_lists()
    if word in lists.adjective_bases:
        return lists.adjective_bases[word]
    if not _SUPERLATIVE.match(word) or word in lists.not_superlatives:
        return word
    stem = word[:-3]
    if stem.endswith("i"):
        return stem[:-1] + "y"  # earliest, happiest
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "ls":
        return stem[:-1]  # hottest, biggest (but smallest, tallest keep their double l)
    if re.search(r"[^aeiou][aeiou][bcdfgklmnprstvz]$", stem):
        return stem + "e"  # latest, finest, safest, closest
    return stem


def _without_possessive(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def _kept_modifier(word: str) -> bool:
    """Past participles describe rather than name what is counted ("300 recorded songs" counts songs)."""
    if word in ("and", "or", "&"):  # "digital and physical sales": the conjunction joins, it does not name
        return False
    if "-" in word:  # "coal-fired", "first-team" name a kind
        return word not in word_lists().skip_modifiers
    return word not in word_lists().skip_modifiers and not word.endswith(("ed", "ly"))
