"""Who a reporting construction names: the noun phrase before a reporting verb ("the ministry said",
"John Kirby, a White House spokesperson, said", "the ministry's latest figures show") or after a
source phrase ("according to a preliminary count by fire inspectors"). checker/extract/reporting.py
decides which construction of a sentence covers a figure.
"""

from __future__ import annotations

from bisect import bisect_left

from checker.extract.clauses import (
    AUXILIARIES,
    CALENDAR_NAMES,
    CONJUNCTIONS,
    DETERMINERS,
    IRREGULAR_PAST,
    POSSESSIVE_ENDINGS,
    PREPOSITIONS,
    PRONOUNS,
    TIME_NOUNS,
    TIME_OPENERS,
    Token,
    tokenize,
    without_possessive,
)
from checker.extract.noun_phrases import is_participle
from checker.extract.reporting_words import Vocabulary, is_unit_per, is_verb

# Words of a date between a speaker and the verb ("the ministry on Monday said"), skipped over.
TIME_WORDS = frozenset({name.lower() for name in CALENDAR_NAMES} | TIME_OPENERS | TIME_NOUNS | {"on", "later", "."})
INNER_PREPOSITIONS = frozenset({"of", "for", "at", "to", "from"})
PASSIVE_AUXILIARIES = frozenset({"be", "been", "being", "is", "are", "was", "were"})
SPEAKER_LINKS = frozenset({"of", "for", "at"})  # inside a speaker named after its verb: "said a spokeswoman for X"
CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})
MAX_SPEAKER = 9
# Words before "figures", "data" or "estimates" that say what kind they are, not whose: "official figures".
DATA_ADJECTIVES = frozenset({
    "official", "unofficial", "latest", "new", "preliminary", "provisional", "final", "initial", "early", "earlier",
    "recent", "updated", "revised", "first", "own", "weekly", "daily", "monthly", "annual", "quarterly", "internal",
    "independent", "separate", "other", "previous", "current", "available", "published", "government-backed",
})
# Adjectives a source noun may carry after "according to": "a preliminary count by", "the latest official figures from".
MAX_SOURCE_NOUN_WORDS = 4



def _token_start(token: Token) -> int:
    return token.start


class SpeakerPhrases:
    """A sentence's tokens and reporting words, and how a speaker's noun phrase is read around them."""

    def __init__(self, text: str, vocabulary: Vocabulary) -> None:
        self.text = text
        self.tokens = tokenize(text)
        verbs = [self._index(start) for start, _ in vocabulary.verbs.spans(text)]
        self.verbs = [i for i in verbs if i is not None and is_verb(self.tokens, i)]
        self.phrases = [(self._index(start), self._index_after(end)) for start, end in vocabulary.phrases.spans(text)
                        if not is_unit_per(text, start, end)]
        self.source_nouns = vocabulary.source_nouns
        self.counting_verbs = vocabulary.counting_verbs
        self.clause_only_verbs = vocabulary.clause_only_verbs
        self.counters = vocabulary.counters
        self.plan_nouns = vocabulary.plan_nouns

    def _index(self, position: int) -> int | None:
        at = bisect_left(self.tokens, position, key=_token_start)
        return at if at < len(self.tokens) and self.tokens[at].start == position else None

    def _index_after(self, position: int) -> int:
        return bisect_left(self.tokens, position, key=_token_start)

    # --- the speaker of one construction -------------------------------------------------------

    def speaker_of_verb(self, verb: int, depth: int = 0) -> tuple[str | None, int]:
        """(speaker, index of the speaker's first token) for the reporting verb at `verb`."""
        index = verb - 1
        while index >= 0 and (self.tokens[index].is_adverb or self.tokens[index].lower in AUXILIARIES
                              or self.tokens[index].lower in TIME_WORDS or self.tokens[index].is_number):
            index -= 1
        if index < 0 or any(t.lower in PASSIVE_AUXILIARIES for t in self.tokens[index + 1:verb]):
            return None, verb  # "23 people had been confirmed dead": passive, the people are not the source
        token = self.tokens[index]
        if token.lower == "and" or (token.text == "," and self.tokens[verb].lower.endswith("ing")):
            return self._earlier_speaker(verb, depth)
        if token.text in CLOSING_QUOTES or (token.text == "," and index > 0
                                            and self.tokens[index - 1].text in CLOSING_QUOTES):
            return self.phrase_speaker(verb + 1), verb + 1  # a quote, then "said fire chief Ann Diaz"
        if token.text == ",":  # "John Kirby, a White House spokesperson, said"
            opening = next((i for i in range(index - 1, -1, -1) if self.tokens[i].text == ","), None)
            if opening is not None:
                owned = self._owner_of_data(opening - 1)  # "UNHCR's figures, released on Wednesday, show"
                if owned:
                    return owned
                name, first = self._phrase_before(opening - 1)
                if name:
                    if self.tokens[opening + 1].lower in ("who", "which", "whose") or self._is_participle(opening + 1):
                        return name, first  # "Families of the victims, who gathered outside ..., said"
                    aside = self.text[self.tokens[opening + 1].start:self.tokens[index - 1].end]
                    return f"{name}, {aside}", first
            return None, verb
        speaker, first = self._relative_subject(verb) or self._owner_of_data(index) or self._phrase_before(index)
        if speaker is not None and self.tokens[verb].lower in self.counting_verbs and self._is_counter(speaker, first):
            return None, verb  # "health workers recorded 310 cases": they counted; someone else reports it
        return speaker, first

    def _is_participle(self, index: int) -> bool:
        """"The report by City Auditor Tobias Wrenfield, published on Tuesday, put ...": a participle
        clause ("speaking on Monday") says when or how, and is no part of the speaker's name (an apposition
        is: "a spokeswoman")."""
        token = self.tokens[index]
        low = token.lower
        following = " ".join(t.lower for t in self.tokens[index + 1:index + 3])
        if low == "speaking" and (following.startswith("for ") or following == "on behalf"):
            return False  # "John Kirby, speaking for the White House": whom he speaks for is part of the source
        return not token.is_capitalised and (is_participle(low) or (low.endswith("ing") and len(low) > 5)
                                             or low in IRREGULAR_PAST)

    def _owner_of_data(self, last: int) -> tuple[str | None, int] | None:
        """"the ministry's latest figures show": whose figures they are is who says so."""
        if last < 1 or self.tokens[last].lower not in self.source_nouns:
            return None
        for at in range(last - 1, max(-1, last - 1 - MAX_SOURCE_NOUN_WORDS), -1):
            if self.tokens[at].lower.endswith(POSSESSIVE_ENDINGS):
                if without_possessive(self.tokens[at].lower) in TIME_WORDS:
                    return None, last + 1  # "Monday's data show 240 were rostered": a day owns no data, names no one
                name, first = self._phrase_before(at)
                return (name, first) if name else None
        return None

    def _relative_subject(self, verb: int) -> tuple[str, int] | None:
        """"Orlund's Defence Intelligence, which in its assessment ... put the force at": the noun a
        relative pronoun opening the verb's clause stands for."""
        comma = next((i for i in range(verb - 1, max(-1, verb - MAX_SPEAKER - 3), -1) if self.tokens[i].text == ","), None)
        if comma is None or comma < 1 or self.tokens[comma + 1].lower not in ("which", "who") \
                or any(comma < i < verb for i in self.verbs):
            return None
        name, first = self._phrase_before(comma - 1)
        return (name, first) if name else None

    def _is_counter(self, speaker: str, first: int) -> bool:
        """A plain noun phrase headed by a counter ('health workers'); a named one ('Red Cross
        volunteers') stays a source. The sentence's first word is capitalised whatever it is."""
        words = speaker.split()
        named = [w for at, w in enumerate(words) if w[:1].isupper() and not (at == 0 and first == 0)]
        return words[-1].lower() in self.counters and not named

    def _earlier_speaker(self, verb: int, depth: int) -> tuple[str | None, int]:
        earlier = [v for v in self.verbs if v < verb]
        if earlier and depth < 3:
            return self.speaker_of_verb(earlier[-1], depth + 1)
        return self.sentence_subject(), 0

    def _phrase_before(self, last: int) -> tuple[str | None, int]:
        """A speaker noun phrase ending at token `last`, read backwards; brackets stay whole ("(HUR)")."""
        first = last + 1
        depth = 0
        index = last
        while index >= 0 and last - index < MAX_SPEAKER:
            token = self.tokens[index]
            if token.text == ")":
                depth += 1
            elif token.text == "(":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and token.lower == "and" and 0 < index < last and self.tokens[index - 1].is_capitalised \
                    and self.tokens[index + 1].is_capitalised:
                pass  # a name's own 'and': "the National Directorate for Disaster and Emergency Management (NDED)"
            elif depth == 0 and (index in self.verbs or not self._in_speaker(token, first)):
                link = self._inner_link(index)
                if link is None:
                    break
                index = link  # "spokesman for the union federation": read on past "for the"
                continue
            first = index
            index -= 1
        if depth or first > last:
            return None, last + 1
        if first > 0 and self.tokens[first - 1].lower == "the":  # kept so "the agency" can be resolved
            first -= 1
        return self._clean(first, last), first

    def _inner_link(self, index: int) -> int | None:
        """Index of the noun before "for the"/"of the"/"at" inside a speaker phrase, or None."""
        at = index
        if self.tokens[at].lower in DETERMINERS:
            at -= 1
        if at < 1 or self.tokens[at].lower not in INNER_PREPOSITIONS:
            return None
        before = self.tokens[at - 1]
        if at - 1 in self.verbs or not self._in_speaker(before, at) or before.lower in TIME_WORDS:
            return None
        return at - 1

    def _in_speaker(self, token: Token, first: int) -> bool:
        low = token.lower
        if not (token.is_word or token.text in ("'", "’", "&", ".")) or token.text == ".":
            return False
        if low in CONJUNCTIONS or low in AUXILIARIES or (low in PREPOSITIONS and low != "of"):
            return False
        if low in DETERMINERS or low in TIME_WORDS or token.is_adverb:
            return False
        if not token.is_capitalised and ((low.endswith("ed") and len(low) > 4) or low in IRREGULAR_PAST):
            return False  # "The Drevanian Coast Guard gave a higher estimate on Sunday, saying ...": not 'gave'
        following = self.tokens[first] if first < len(self.tokens) else None
        if not token.is_capitalised and low.endswith("s") and following is not None and following.is_capitalised \
                and low not in ("officials", "sources"):
            return False  # "This follows South Korean intelligence": a verb before a name
        return True

    def phrase_speaker(self, start: int) -> str | None:
        """The noun phrase after "according to"; "figures from" and the like after it are skipped."""
        index = start
        inner = next((after for p, after in self.phrases if p == start), None)
        if inner is not None and inner > start:  # "according to figures from the statistics bureau"
            index = inner
        while index < len(self.tokens) and self.tokens[index].lower in DETERMINERS:
            index += 1
        index = self._past_source_noun(index)
        end = index
        depth = 0
        while end < len(self.tokens) and end - index < MAX_SPEAKER:
            token = self.tokens[end]
            if token.text == "(":
                depth += 1
            elif token.text == ")":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and (end in self.verbs or not self._in_speaker(token, end + 1)
                                 or (end > index and token.lower in PRONOUNS)):
                linked = end > index and token.lower in SPEAKER_LINKS and end + 1 < len(self.tokens) \
                    and self.tokens[end + 1].is_word  # "a spokeswoman for the utility"
                dated = end + 1 < len(self.tokens) and self.tokens[end + 1].lower in TIME_WORDS  # "the ministry this week"
                if (token.lower not in DETERMINERS or end == index or dated) and not linked:
                    break
            end += 1
        if end == index or self.tokens[index].is_number:
            return None
        return self._clean(index, self._owner_end(index, end))

    def _owner_end(self, index: int, end: int) -> int:
        """Last token of the speaker in [index, end): the owner of a count in or just after the
        phrase ("according to the ministry's latest count" -> the ministry), else the phrase."""
        nouns = [at for at in (end - 1, end) if at < len(self.tokens) and self.tokens[at].lower in self.source_nouns]
        for at in range(nouns[0] - 1, max(index, nouns[0] - MAX_SOURCE_NOUN_WORDS) - 1, -1) if nouns else ():
            if self.tokens[at].lower.endswith(POSSESSIVE_ENDINGS):
                return at
        if end - 1 > index and self.tokens[end - 1].lower in self.source_nouns and self.tokens[end - 2].is_word \
                and self.tokens[end - 2].lower not in DATA_ADJECTIVES \
                and not (self.tokens[end - 1].is_capitalised and self.tokens[end - 2].is_capitalised):  # "Office for National Statistics"
            return end - 2  # "according to ministry figures": the ministry's figures ("official figures" stay)
        return end - 1

    def _past_source_noun(self, index: int) -> int:
        """"according to a preliminary count by fire inspectors", "according to figures published by the
        ministry": the counter is the source, not the count."""
        for offset in range(MAX_SOURCE_NOUN_WORDS):
            at = index + offset
            if at + 2 >= len(self.tokens) or not self.tokens[at].is_word:
                break
            if self.tokens[at].lower not in self.source_nouns:
                continue
            # "figures published by the health service", "data compiled by the bureau": the agent is the source
            skip = 1 if at + 3 < len(self.tokens) and is_participle(self.tokens[at + 1].lower) \
                and self.tokens[at + 2].lower == "by" else 0
            if self.tokens[at + 1 + skip].lower in ("by", "from", "of"):
                index = at + 2 + skip
                while index < len(self.tokens) and self.tokens[index].lower in DETERMINERS:
                    index += 1
                break
        return index

    def sentence_subject(self) -> str | None:
        index = 0
        first_comma = next((i for i, t in enumerate(self.tokens) if t.text == ","), None)
        if self.tokens and (self.tokens[0].lower in PREPOSITIONS or self.tokens[0].is_adverb) and first_comma:
            index = first_comma + 1
        while index < len(self.tokens) and self.tokens[index].lower in DETERMINERS:
            index += 1
        end = index
        while end < len(self.tokens) and self._in_speaker(self.tokens[end], end + 1) and end - index < MAX_SPEAKER:
            if end in self.verbs:
                break
            end += 1
        return self._clean(index, end - 1) if end > index else None

    def _clean(self, first: int, last: int) -> str | None:
        if last < first:
            return None
        text = self.text[self.tokens[first].start:self.tokens[last].end].strip(" ,;:")
        if self.tokens[last].lower.endswith(POSSESSIVE_ENDINGS):
            text = without_possessive(text)  # the owner of a count: "the ministry's" -> "the ministry"
        return text or None
