"""Reporting constructions of one sentence: who says what, and where the saying sits.

"X said ...", "X, a spokeswoman, said", "..., said X", "according to X", "X's count of N", and the
clause-closing ", the ministry said on Monday" or inline "... according to the organisers". The
attribution finder (checker/extract/attribution.py) asks which of them covers a figure.
"""

from __future__ import annotations

from bisect import bisect_left

from checker.extract.clauses import (
    AUXILIARIES,
    CALENDAR_NAMES,
    CONJUNCTIONS,
    DETERMINERS,
    POSSESSIVE_ENDINGS,
    PREPOSITIONS,
    PRONOUNS,
    TIME_NOUNS,
    TIME_OPENERS,
    Token,
    tokenize,
    without_possessive,
)
from checker.extract.memo import by_text
from checker.extract.reporting_words import Vocabulary, is_unit_per, is_verb, vocabulary
from checker.identity import Identity
from checker.ruleset import RuleSet

# Words of a date between a speaker and the verb ("the ministry on Monday said"), skipped over.
TIME_WORDS = frozenset({name.lower() for name in CALENDAR_NAMES} | TIME_OPENERS | TIME_NOUNS | {"on", "later", "."})
INNER_PREPOSITIONS = frozenset({"of", "for", "at", "to", "from"})
PASSIVE_AUXILIARIES = frozenset({"be", "been", "being", "is", "are", "was", "were"})
SPEAKER_LINKS = frozenset({"of", "for", "at"})  # inside a speaker named after its verb: "said a spokeswoman for X"
CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})
CLOSING_TAIL = 8  # words after a closing reporting verb: "said in a statement on Thursday"
# Source phrases that also mean other things inside a clause ("$5 per day").
INLINE_EXCLUDED = frozenset({"per"})
LEADING_CONTENT = 5  # words after a reporting verb that make it lead into reported content
MAX_SPEAKER = 9
CLAUSE_OPENING_MARKS = frozenset({":", "\"", "“", "'", "‘"})  # "she added: ...", "he added, "...""
# Adjectives a source noun may carry after "according to": "a preliminary count by", "the latest official figures from".
MAX_SOURCE_NOUN_WORDS = 4
INSIDE_SPEAKER_WORDS = 5  # counted noun and speaker before an inner reporting verb: "people UNHCR says"


def constructions(text: str, rules: RuleSet) -> Constructions:
    """The sentence's constructions, reused: every figure of a sentence, and the next sentence's
    look back, ask for the same ones."""
    return _constructions(text, Identity(rules))


@by_text(maxsize=64)
def _constructions(text: str, rules: Identity[RuleSet]) -> Constructions:
    return Constructions(text, vocabulary(rules))


def _token_start(token: Token) -> int:
    return token.start


class Constructions:
    """Reporting constructions of one sentence."""

    def __init__(self, text: str, vocabulary: Vocabulary) -> None:
        self.text = text
        self.tokens = tokenize(text)
        verbs, phrases = vocabulary.verbs, vocabulary.phrases
        self.verbs = [self._index(m.start()) for m in verbs.finditer(text)] if verbs else []
        self.verbs = [i for i in self.verbs if i is not None and is_verb(self.tokens, i)]
        self.phrases = [(self._index(m.start()), self._index_after(m.end())) for m in phrases.finditer(text)
                        if not is_unit_per(text, m)] if phrases else []
        self.source_nouns = vocabulary.source_nouns
        self.counting_verbs = vocabulary.counting_verbs
        self.clause_only_verbs = vocabulary.clause_only_verbs
        self.counters = vocabulary.counters

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
                    if self.tokens[opening + 1].lower in ("who", "which", "whose"):
                        return name, first  # "Families of the victims, who gathered outside ..., said"
                    aside = self.text[self.tokens[opening + 1].start:self.tokens[index - 1].end]
                    return f"{name}, {aside}", first
            return None, verb
        speaker, first = self._owner_of_data(index) or self._phrase_before(index)
        if speaker is not None and self.tokens[verb].lower in self.counting_verbs and self._is_counter(speaker, first):
            return None, verb  # "health workers recorded 310 cases": they counted; someone else reports it
        return speaker, first

    def _owner_of_data(self, last: int) -> tuple[str, int] | None:
        """"the ministry's latest figures show": whose figures they are is who says so."""
        if last < 1 or self.tokens[last].lower not in self.source_nouns:
            return None
        for at in range(last - 1, max(-1, last - 1 - MAX_SOURCE_NOUN_WORDS), -1):
            if self.tokens[at].lower.endswith(POSSESSIVE_ENDINGS):
                name, first = self._phrase_before(at)
                return (name, first) if name else None
        return None

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
        if not token.is_capitalised and low.endswith("ed") and len(low) > 4:
            return False
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
                if (token.lower not in DETERMINERS or end == index) and not linked:
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
        return end - 1

    def _past_source_noun(self, index: int) -> int:
        """"according to a preliminary count by fire inspectors": the counter is the source, not the count."""
        for offset in range(MAX_SOURCE_NOUN_WORDS):
            at = index + offset
            if at + 2 >= len(self.tokens) or not self.tokens[at].is_word:
                break
            if self.tokens[at].lower in self.source_nouns and self.tokens[at + 1].lower in ("by", "from", "of"):
                index = at + 2
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

    # --- which construction covers the figure --------------------------------------------------

    def speaker_for(self, start: int, end: int) -> str | None:
        """The speaker of the figure at [start, end) of the sentence, or None."""
        owner = self._possessive_source(start) or self._speaker_inside(end)
        if owner:
            return owner
        trailing = self._trailing(end)
        if trailing:
            return trailing
        verbs = [v for v in self.verbs if self.tokens[v].end <= start and not self._counts(v, start)]
        phrases = [(p, after) for p, after in self.phrases if p is not None and self.tokens[p].end <= start]
        nearest_verb = verbs[-1] if verbs else -1
        nearest_phrase = phrases[-1] if phrases else (-1, -1)
        if nearest_phrase[0] > nearest_verb:
            return self.phrase_speaker(nearest_phrase[1])
        for verb in reversed(verbs):  # "put the number of staff who did not report for work at": not "who"
            speaker, first = self.speaker_of_verb(verb)
            if speaker:
                return self._outermost(speaker, first)
        return None

    def _counts(self, verb: int, figure_start: int) -> bool:
        """'Healthcare added 61,000 jobs and construction 18,000': a verb that reports only a clause
        ('he added that ...', 'she added: "..."'), with no clause opening between it and the figure,
        counts the figure instead."""
        if self.tokens[verb].lower not in self.clause_only_verbs:
            return False
        between = [t for t in self.tokens[verb + 1:] if t.end <= figure_start]
        return not any(t.lower == "that" or t.text in CLAUSE_OPENING_MARKS for t in between)

    def leading_speaker(self) -> str | None:
        """The speaker of the sentence's last reporting construction, if content follows it.

        "HUR said that the first troops had arrived." leads into what it reports, so the next sentence
        may continue the report; "..., officials said." closes its sentence and is not carried on."""
        end = len(self.tokens)
        constructions = [(v, v + 1) for v in self.verbs] + [(p, after) for p, after in self.phrases if p is not None]
        if not constructions:
            return None
        position, after = max(constructions)
        content = [t for t in self.tokens[after:end] if t.is_word or t.is_number]
        if len(content) < LEADING_CONTENT or self._closes_a_clause(position):
            return None
        return self.speaker_for(self.tokens[-1].end, self.tokens[-1].end)

    def _closes_a_clause(self, position: int) -> bool:
        """", the agency said, as doctors treated ...": the attribution closes what came before it."""
        first = next((i + 1 for i in range(position - 1, -1, -1) if self.tokens[i].text in (",", ";")), 0)
        return first > 0 and self._closing_speaker(first, self._clause_end(first)) is not None

    def reported_words(self) -> int:
        """How many words follow the last reporting construction: the length of what it reports."""
        constructions = [v + 1 for v in self.verbs] + [after for p, after in self.phrases if p is not None]
        return sum(t.is_word or t.is_number for t in self.tokens[max(constructions):]) if constructions else 0

    def all_speakers(self) -> list[str]:
        found = [self.speaker_of_verb(v)[0] for v in self.verbs]
        found += [self.phrase_speaker(after) for p, after in self.phrases if p is not None]
        return [s for s in found if s]

    def _outermost(self, speaker: str, first: int, depth: int = 0) -> str:
        """A speaker inside a reported clause gives way to the reporter: "Kirby said the U.S. believes"."""
        index = first - 1
        while index >= 0 and self.tokens[index].lower in DETERMINERS - {"that"}:
            index -= 1
        if index < 0 or depth > 3:
            return speaker
        if self.tokens[index].lower == "that":
            verb = next((v for v in range(index - 1, max(index - 4, -1), -1) if v in self.verbs), None)
        else:
            verb = index if index in self.verbs else None
        if verb is None:
            return speaker
        outer, outer_first = self.speaker_of_verb(verb)
        return self._outermost(outer, outer_first, depth + 1) if outer else speaker

    def _speaker_inside(self, end: int) -> str | None:
        """"the 68,000 people UNHCR says have crossed", "the 300 people the police say were arrested": a
        short reporting clause between the counted noun and its verb names the figure's source."""
        figure_at = self._index_after(end)
        verb = next((v for v in self.verbs if v > figure_at), None)
        if verb is None or verb - figure_at > INSIDE_SPEAKER_WORDS or verb + 1 >= len(self.tokens) \
                or self.tokens[verb + 1].lower not in AUXILIARIES:
            return None
        first = verb
        while first - 1 > figure_at and self.tokens[first - 1].is_capitalised:
            first -= 1
        if first == verb and verb - 2 > figure_at and self.tokens[verb - 2].lower == "the":
            first = verb - 2  # "the police say"
        counted = self.tokens[figure_at:first]
        if first == verb or not counted or not all(t.is_word and not t.is_capitalised for t in counted):
            return None
        return self._clean(first, verb - 1)

    def _possessive_source(self, start: int) -> str | None:
        """"the union's figure of 14,000 strikers": the owner of the figure-noun right before "of N"."""
        before = [i for i, t in enumerate(self.tokens) if t.end <= start]
        if len(before) < 3 or self.tokens[before[-1]].lower != "of":
            return None
        noun, owner = self.tokens[before[-2]], self.tokens[before[-3]]
        if noun.lower not in self.source_nouns or not owner.lower.endswith(POSSESSIVE_ENDINGS):
            return None
        name, _ = self._phrase_before(before[-3])
        return without_possessive(name) if name else None

    def _trailing(self, end: int) -> str | None:
        """A clause-closing attribution after the figure: ", the ministry said on Monday", ", police said,
        walking ...", "... 15,000 people according to the organisers", ", said X", ", X told reporters"."""
        inline = self._inline_phrase(end)
        if inline:
            return inline
        for comma in (i for i, t in enumerate(self.tokens) if t.text in (",", "\"", "”") and t.start >= end):
            first = comma + 1
            while first < len(self.tokens) and self.tokens[first].text in ("\"", "”", ","):
                first += 1
            last = self._clause_end(first)
            if self._figure_between(end, comma):
                return None  # the attribution belongs to the nearer figure's clause
            phrase = next((after for p, after in self.phrases if p == first), None)
            if phrase is not None:
                return self.phrase_speaker(phrase)
            speaker = self._closing_speaker(first, last)
            if speaker:
                return speaker
        return None

    def _inline_phrase(self, end: int) -> str | None:
        """"drew 15,000 people according to the organisers": a source phrase in the figure's own clause."""
        figure_at = self._index_after(end)
        stop = self._clause_end(figure_at)
        for p, after in self.phrases:
            if p is None or not figure_at <= p < stop or self.tokens[p].lower in INLINE_EXCLUDED:
                continue
            if any(self.tokens[i].is_number for i in range(figure_at, p)) or \
                    any(figure_at <= v < p for v in self.verbs):
                return None
            return self.phrase_speaker(after)
        return None

    def _clause_end(self, first: int) -> int:
        """Index of the token closing the clause that starts at `first` (a comma, semicolon or the end)."""
        last = next((i for i in range(first, len(self.tokens)) if self.tokens[i].text in (",", ";", ":", "—")),
                    len(self.tokens))
        while last > first and self.tokens[last - 1].text in ".!?\"”'’":
            last -= 1
        return last

    def _figure_between(self, end: int, comma: int) -> bool:
        """True when a clause with a figure and a reporting verb of its own stands between the figure's
        clause and `comma`: then an attribution after `comma` belongs to that nearer figure.

        Verbs in the figure's own clause ("1,200 cases were recorded") are its predicate, not a source."""
        own_end = self._clause_end(self._index_after(end))
        between = range(own_end, comma)
        return any(v in between for v in self.verbs) and any(self.tokens[i].is_number for i in between)

    def _closing_speaker(self, first: int, last: int) -> str | None:
        """The speaker of a clause that only attributes: "the ministry said on Monday", "said X"."""
        verb = next((v for v in self.verbs if first <= v < last), None)
        if verb is None or last - verb > CLOSING_TAIL or any(
                t.lower == "that" or t.is_number for t in self.tokens[verb:last]):
            return None  # a trailing attribution carries no figure or clause of its own
        if verb == first:
            if verb + 1 < last and self.tokens[verb + 1].lower in PRONOUNS:
                return None  # ", said it was cooperating": what the sentence's subject said, not who
            return self.phrase_speaker(verb + 1)  # ", said the ministry"
        words = self.tokens[first:verb]
        while words and (words[-1].is_adverb or words[-1].lower in TIME_WORDS | AUXILIARIES):
            words = words[:-1]  # "police later said", "the ministry on Monday said", "officials have said"
        if words and len(words) <= MAX_SPEAKER and words[0].lower not in PREPOSITIONS and all(
                self._in_speaker(t, verb) or t.lower in DETERMINERS | INNER_PREPOSITIONS for t in words) \
                and not any(t.lower.endswith("ing") for t in words):
            speaker, _ = self._phrase_before(first + len(words) - 1)
            return speaker
        return None
