"""Which words of a sentence report: the rule set's reporting vocabulary (rules/reporting.yaml),
compiled once, and the test that tells a reporting word used as a verb ("the ministry estimated")
from the same word used as a noun ("a report", "its growth forecast for next year")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from checker.extract.clauses import DETERMINERS, PREPOSITIONS, FoldedPhrases, Token
from checker.identity import Identity
from checker.ruleset import RuleSet

# Verbs whose object is a forecast or an estimate: after them "forecasts" is a noun ("Streamly beats forecasts").
BEATS = frozenset({"beat", "beats", "beating", "missed", "misses", "missing", "topped", "tops", "exceeded", "exceeds",
                   "raised", "raises", "lowered", "lowers", "cut", "cuts", "met", "meets", "matched", "matches"})
# After a noun phrase's head, not a verb's: "its growth forecast for next year", "the police estimate of 3,000"
# ('to' and 'at' follow verbs as often: "the developer puts it at", "the ministry put the toll at").
_AFTER_A_NOUN = frozenset({"for", "of", "was", "is", "has", "had", "will", "would"})
# Reporting words that report only after a plural subject ("figures show", "the data show"): elsewhere
# they are nouns or infinitives ("the TV show", "hopes to show 40 films").
_AFTER_A_PLURAL = frozenset({"show"})
# Reporting words that are never nouns, so a capitalised name before them is their subject whatever precedes it.
_NEVER_NOUNS = frozenset({"said", "says", "saying", "told", "tells", "wrote", "writes", "spoke", "speaks"})
# Base forms that are nouns as often ("a much lower estimate"), unlike "a spokesman put the toll at".
_ALSO_NOUNS = frozenset({"estimate", "report", "claim", "forecast", "count", "tally", "note", "answer", "reply",
                         "remark", "project"})
# A word before a reporting word that makes it a noun: "its own forecast", "the highest daily count", "the death toll"
_NOUN_MAKERS = frozenset({"own", "daily", "weekly", "monthly", "annual", "highest", "lowest", "latest", "death", "body",
                          "vote", "head"})
_DATA_SUBJECT_WORDS = 12  # "Figures from the Elmsford Regional Health Service (ERHS) show"
_PLURAL_NOUNS = frozenset({"data", "statistics", "figures", "numbers", "records", "polls", "estimates", "results"})


class Vocabulary(NamedTuple):
    """The rule set's reporting words, compiled once per rule set rather than once per sentence."""

    verbs: FoldedPhrases
    phrases: FoldedPhrases
    source_nouns: frozenset[str]
    counting_verbs: frozenset[str]
    clause_only_verbs: frozenset[str]
    counters: frozenset[str]
    plan_nouns: frozenset[str]


@lru_cache(maxsize=8)
def vocabulary(rules: Identity[RuleSet]) -> Vocabulary:
    words = rules.value
    return Vocabulary(FoldedPhrases(words.verbs), FoldedPhrases(words.phrases),
                      *(frozenset(w.lower() for w in listed) for listed in
                        (words.source_nouns, words.counting_verbs, words.clause_only_verbs, words.counters,
                         words.plan_nouns)))


def is_verb(tokens: list[Token], index: int) -> bool:
    """A reporting word used as a verb, not as a noun ("a report", "by the U.S. estimate")."""
    token = tokens[index]
    if token.is_capitalised and index > 0:
        return False
    if token.lower.endswith("ed") and index + 1 < len(tokens) and tokens[index + 1].lower == "by":
        return False  # "the number estimated by the government": a passive; its 'by' phrase names the source
    if token.lower.endswith("ed") and index > 0 and tokens[index - 1].lower in PREPOSITIONS - {"as"}:
        return False  # "the ministry's count of confirmed deaths": an adjective of the noun after it
    if token.lower in _AFTER_A_PLURAL:  # the data noun may be a few words back: "figures from the bureau show"
        return index > 0 and tokens[index - 1].lower != "to" and any(
            t.lower in _PLURAL_NOUNS for t in tokens[max(0, index - _DATA_SUBJECT_WORDS):index])
    if index > 0 and (tokens[index - 1].lower in DETERMINERS or tokens[index - 1].lower in _NOUN_MAKERS
                      or tokens[index - 1].text.endswith(("'", "’", "'s", "’s"))
                      or tokens[index - 1].lower in BEATS):
        return False  # "a report", "analysts' estimates", "Seoul's count", "beats forecasts"
    if _compound_noun(tokens, index):
        return False
    if token.lower in _NEVER_NOUNS:
        return True  # "the Hallberg Institute for Security Studies said": a name's inner 'for', not "by the U.S. estimate"
    if token.lower in _ALSO_NOUNS and any(t.lower in ("a", "an") for t in tokens[max(0, index - 3):index]):
        return False  # "a much lower estimate", "an initial report": no verb's base form follows 'a'
    before = index - 1
    while before >= 0 and (tokens[before].is_capitalised or tokens[before].lower in DETERMINERS):
        before -= 1
    return not (before < index - 1 and before >= 0 and tokens[before].lower in PREPOSITIONS)


def _compound_noun(tokens: list[Token], index: int) -> bool:
    """'cut its growth forecast for next year to 1.1%', 'the police estimate of 3,000': a reporting word
    after a determiner and a noun, followed by a preposition or a verb of being, heads a noun phrase
    ('the police estimate that 3,000 came' stays a verb)."""
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    if index < 2 or not tokens[index - 1].is_word or tokens[index - 1].is_capitalised:
        return False
    # "Nvana, whose profit warning set off the sell-off": after 'whose' and a noun, whatever follows
    return tokens[index - 2].lower == "whose" or (following in _AFTER_A_NOUN and tokens[index - 2].lower in DETERMINERS)


_LOWER_WORD_AFTER = re.compile(r"\s+(?!(?:the|a|an|its|their|his|her|our|this|these)\b)[a-z]")


def is_unit_per(text: str, start: int, end: int) -> bool:
    """'per cent', 'per capita', 'per day': the 'per' of a unit, not 'per the ministry' naming a source."""
    return text[start:end].lower() == "per" and _LOWER_WORD_AFTER.match(text, end) is not None
