"""Words and clauses of one sentence, shared by the subject, attribution and horizon finders.

There is no tagger here (no model can be downloaded), so word classes are told by closed lists of
function words and by word shape: "who/that/and/in" end a noun phrase, "-ly" words are adverbs,
capitalised words are names. A clause is the stretch between commas, semicolons, colons and
dashes, outside brackets: a simple heuristic that is right for the way news sentences attach
dates and sources ("..., with initial sightings reported on Oct. 23" is its own clause).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from checker.extract.memo import by_text

TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.N.
    r"|[$€£¥]?\d(?:[\d,]*\d)?(?:\.\d+)?(?:%|[a-zA-Z]{0,3}\b)?"  # 3,000  $4.5  4.1%  38C  5bn; not "23,"
    r"|[A-Za-z][A-Za-z'’\-]*"
    r"|[^\w\s]"
)
DETERMINERS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your",
    "some", "any", "each", "every", "another",
})
PREPOSITIONS = frozenset({
    "to", "in", "on", "at", "by", "for", "from", "with", "without", "into", "onto", "over", "under", "about",
    "around", "across", "through", "during", "after", "before", "since", "until", "against", "among",
    "between", "toward", "towards", "within", "beyond", "near", "per", "via", "as", "than", "like", "of",
    "off", "out", "up", "down", "beside", "along", "alongside", "above", "below", "beneath", "amid", "despite",
    "inside", "outside",
})
CONJUNCTIONS = frozenset({
    "and", "or", "but", "nor", "so", "yet", "while", "whereas", "although", "though", "because", "if",
    "when", "where", "who", "whom", "whose", "which", "that", "unless", "whether", "once",
})
AUXILIARIES = frozenset({
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does",
    "did", "will", "would", "could", "can", "may", "might", "shall", "should", "must", "not", "no", "to",
    "won't", "can't", "didn't", "don't", "doesn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't",
})
POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
_POSSESSIVE_END = re.compile(r"(?:['’]s|(?<=s)['’])$")


def without_possessive(text: str) -> str:
    """"the ministry's" -> "the ministry", "Reuters'" -> "Reuters"."""
    return _POSSESSIVE_END.sub("", text)


PRONOUNS = frozenset({"it", "they", "them", "he", "she", "we", "you", "i", "there", "here", "one", "whom"})
ADVERBS = frozenset({
    "also", "further", "later", "earlier", "previously", "separately", "then", "again", "still", "already",
    "now", "first", "recently", "since", "just", "even", "only", "currently", "before", "once", "soon",
    "furthermore", "moreover", "however", "meanwhile", "nevertheless", "nonetheless", "instead", "overall",
})
STOP = DETERMINERS | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES | PRONOUNS | ADVERBS | frozenset({
    "including", "according", "more", "less", "fewer", "most", "least", "such", "many", "much", "said",
    "says", "say", "all", "both", "half", "nearly", "almost", "roughly", "approximately", "some",
})
# "-ly" words that are nouns, not adverbs.
LY_NOUNS = frozenset({"family", "supply", "rally", "ally", "assembly", "july", "italy", "bully", "belly",
                      # adjectives of a report or a rate: "its latest weekly figures", "the daily update"
                      "weekly", "daily", "monthly", "quarterly", "yearly", "hourly", "nightly"})
# Words that open a time expression: a noun phrase ends before them ("revenue last year").
TIME_OPENERS = frozenset({
    "last", "next", "this", "past", "yesterday", "today", "tonight", "tomorrow", "ago", "earlier", "overnight",
})
# Verbs that link a measured noun to its figure ("temperatures will reach 38C", "shares fell 3%").
LINKING_VERBS = frozenset({
    "is", "are", "was", "were", "be", "been", "stood", "stands", "stand", "rose", "rise", "rises", "risen", "fell",
    "fall", "falls", "fallen", "reached", "reach", "reaches", "hit", "hits", "totalled", "totaled", "total",
    "totals", "climbed", "climb", "climbs", "dropped", "drop", "drops", "jumped", "jump", "jumps", "surged",
    "surge", "surges", "increased", "increase", "increases", "decreased", "decrease", "grew", "grow", "grows",
    "declined", "decline", "declines", "plunged", "plunge", "soared", "soar", "slipped", "slip", "top", "topped",
    "tops", "exceeded", "exceed", "exceeds", "peaked", "peak", "came", "come", "coming", "amounted", "amount", "edged",
    "put", "puts", "estimated", "numbered", "climbing", "stay", "stays", "stayed",
    "remain", "remains", "remained", "hover", "hovered", "hovering", "sit", "sits", "sat", "rising", "falling",
    "reaching", "eased", "ease", "eases", "easing", "slowed", "slow", "slows", "slowing", "cooled", "cools",
    "quickened", "accelerated", "accelerates", "dipped", "dip", "dips", "ticked", "shrank", "shrinks", "contracted",
    "contracts", "expanded", "expands", "rebounded", "slumped", "tumbled", "gained", "advanced", "held", "holds",
    "steadied", "passes", "passed", "nears", "neared", "surpasses", "surpassed",  # "waiting list passes 420,000"
    "crested", "crests",  # "the river crested at 6.2 meters"
})
# Irregular past forms that read as nouns to the shape rules ("the fire spread across ...").
IRREGULAR_PAST = frozenset({
    "spread", "hit", "cut", "set", "swept", "tore", "struck", "ran", "went", "took", "made", "saw", "got", "gave",
    "drew", "threw", "won", "lost", "paid", "spent", "sold", "bought", "brought", "left", "kept", "held", "led",
    "met", "built", "sent", "shed", "shut", "burnt", "dealt", "sank", "shrank", "grew",
})
# Where a figure is given: "At the directorate's Wednesday evening briefing, officials said ..."
SAYING_EVENTS = frozenset({"briefing", "conference", "meeting", "hearing", "session", "summit", "statement", "update"})
# A relative clause is about the noun before it: "Inflation, which peaked in 2023, has fallen to 2.6%".
RELATIVE_PRONOUNS = frozenset({"which", "who", "whose", "whom"})
CALENDAR_NAMES = frozenset({*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name, "Sept"})
TIME_NOUNS = frozenset({
    "year", "years", "quarter", "quarters", "month", "months", "week", "weeks", "day", "days", "hour",
    "hours", "minute", "minutes", "period", "half", "morning", "evening", "afternoon", "night", "weekend",
})
# "... was 4.75% and that cuts could follow": a second reported clause, with its own tense and time words.
CLAUSE_BREAK = re.compile(r",\s|;\s?|:\s|\s[—–-]{1,2}\s|—|\(|\)|\s(?:and|but)\s(?=that\s)")


class Token(NamedTuple):
    """A word, number or mark of a sentence; a tuple because sentences are tokenized by the thousand."""

    text: str
    start: int
    end: int
    lower: str  # asked for on nearly every token, so computed once

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_number(self) -> bool:
        return self.text.lstrip("$€£¥")[:1].isdigit()

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_adverb(self) -> bool:
        low = self.lower
        return low in ADVERBS or (low.endswith("ly") and len(low) > 4 and low not in LY_NOUNS)


def tokenize(text: str) -> list[Token]:
    return list(_tokens(text))


@by_text(maxsize=4096)
def _tokens(text: str) -> tuple[Token, ...]:
    # Each figure's subject, horizon and attribution finders tokenize the same clauses again.
    # tuple.__new__ skips the NamedTuple's Python-level constructor: a fifth of tokenizing's time.
    return tuple([_new_tuple(Token, (m[0], m.start(), m.end(), m[0].lower())) for m in TOKEN.finditer(text)])


_new_tuple = tuple.__new__


Spans = Sequence[tuple[int, int]]  # (start, end) of clauses, in order


@by_text(maxsize=4096)
def clauses(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each clause; the break characters belong to neither side. Remembered by text:
    a sentence's figures each ask for its clauses."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in CLAUSE_BREAK.finditer(text):
        if match.group().startswith(",") and _inside_number(text, match.start()):
            continue
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return tuple(spans) or ((0, len(text)),)


def clause_index(spans: Spans, position: int) -> int:
    for index, (start, end) in enumerate(spans):
        if start <= position < end:
            return index
    return max((i for i, (start, _) in enumerate(spans) if start <= position), default=0)


def _inside_number(text: str, comma: int) -> bool:
    return 0 < comma < len(text) - 1 and text[comma - 1].isdigit() and text[comma + 1].isdigit()


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive alternation of word lists, longest first, whole words only."""
    return _phrase_pattern(tuple(phrases))


@lru_cache(maxsize=64)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    words = [p.lower().split() for p in phrases if p.strip()]
    if not words:
        return None
    return re.compile(rf"(?<![\w'’])(?:{trie_alternation(phrases)})(?![\w'’])", re.I)


class FoldedPhrases:
    """A phrase_pattern's matches, found in the lower-cased text by a case-sensitive twin of the pattern:
    re runs a case-insensitive alternation about half as fast. Spans index the text as given; a text
    whose lower-casing changes its length ('İ' is two characters lower-cased) is searched as written."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.any_case = phrase_pattern(phrases)
        self.folded = re.compile(self.any_case.pattern) if self.any_case else None

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self.any_case is None or self.folded is None:
            return []
        lowered = text.lower()
        pattern, searched = (self.folded, lowered) if len(lowered) == len(text) else (self.any_case, text)
        return [match.span() for match in pattern.finditer(searched)]


_END = "\0"  # marks "a phrase ends here" in the trie; no phrase contains a NUL


def trie_alternation(phrases: Iterable[str]) -> str:
    """A case-insensitive alternation of the phrases (compile it with re.I), factored by common prefix
    ('sa(?:id|ys)' for said|says); the words of a phrase may be separated by any whitespace.

    re tries the branches of a flat alternation one after another at every position of the text, so
    150 reporting verbs cost 150 attempts per character; the trie costs one per character. Where a
    phrase ends inside a longer one the rest is a greedy optional group, so the longest phrase that
    ends on a word boundary wins, as in a longest-first flat alternation."""
    trie: dict[str, dict] = {}
    for phrase in phrases:
        if not phrase.strip():
            continue
        node = trie
        for symbol in " ".join(phrase.lower().split()):
            node = node.setdefault(symbol, {})
        node[_END] = {}
    return _render(trie) or "(?!x)x"


def _render(node: dict[str, dict]) -> str:
    branches = [(r"\s+" if symbol == " " else re.escape(symbol)) + _render(child)
                for symbol, child in sorted(node.items()) if symbol != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body
