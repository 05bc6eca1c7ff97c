"""Who the article says a figure comes from.

In order: a headline's "Source: ..." prefix; a clause-final ", the ministry said" or ", according to
X" (it covers the whole sentence before it); the nearest "X said/estimated/believes ..." or
"according to X" before the figure. A speaker inside a reported clause gives way to the one who
reports it ("Kirby said U.S. officials believe ..." -> Kirby), so the source is the quoted
person with their role. Pronouns and "the agency" resolve to the nearest earlier speaker that
fits, and a sentence with no speaker continues the previous sentence of its paragraph when that
one had one ("HUR said ... . North Korea has sent 12,000 troops" -> HUR). With no speaker at all
the article states the figure in its own voice: None.
"""

from __future__ import annotations

import re

from checker.extract.clauses import (
    AUXILIARIES,
    CALENDAR_NAMES,
    CONJUNCTIONS,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    TIME_NOUNS,
    TIME_OPENERS,
    Token,
    phrase_pattern,
    tokenize,
)
from checker.extract.types import Sentence
from checker.ruleset import RuleSet

HEADLINE_SOURCE = re.compile(r"^\s*[-–•]?\s*([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s*:\s+\S")
# "Update: ..." and the like are labels, not sources.
HEADLINE_LABELS = frozenset({
    "update", "updated", "note", "editor's note", "correction", "watch", "live", "analysis", "opinion",
    "exclusive", "breaking", "breaking news", "photos", "video", "explainer", "factbox", "timeline", "read",
    "related", "see", "also", "more", "q&a",
})
# Words of a date between a speaker and the verb ("the ministry on Monday said"), skipped over.
TIME_WORDS = frozenset(
    {name.lower() for name in CALENDAR_NAMES} | TIME_OPENERS | TIME_NOUNS | {"on", "later", "."}
)
INNER_PREPOSITIONS = frozenset({"of", "for", "at", "to", "from"})
CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})
CARRY_SENTENCES = 4
LEADING_CONTENT = 5  # words after a reporting verb that make it lead into reported content
MAX_SPEAKER = 9


class _Finder:
    """Reporting constructions of one sentence."""

    def __init__(self, text: str, rules: RuleSet) -> None:
        self.text = text
        self.tokens = tokenize(text)
        verbs = phrase_pattern(rules.verbs)
        phrases = phrase_pattern(rules.phrases)
        self.verbs = [self._index(m.start()) for m in verbs.finditer(text)] if verbs else []
        self.verbs = [i for i in self.verbs if i is not None and self._is_verb(i)]
        self.phrases = [(self._index(m.start()), self._index_after(m.end())) for m in phrases.finditer(text)] \
            if phrases else []

    def _index(self, position: int) -> int | None:
        return next((i for i, t in enumerate(self.tokens) if t.start == position), None)

    def _index_after(self, position: int) -> int:
        return next((i for i, t in enumerate(self.tokens) if t.start >= position), len(self.tokens))

    def _is_verb(self, index: int) -> bool:
        """A reporting word used as a verb, not as a noun ("a report", "by the U.S. estimate")."""
        token = self.tokens[index]
        if token.is_capitalised and index > 0:
            return False
        if index > 0 and (self.tokens[index - 1].lower in DETERMINERS
                          or self.tokens[index - 1].text.endswith(("'", "’", "'s", "’s"))):
            return False  # "a report", "analysts' estimates", "Seoul's count"
        before = index - 1
        while before >= 0 and (self.tokens[before].is_capitalised or self.tokens[before].lower in DETERMINERS):
            before -= 1
        return not (before < index - 1 and before >= 0 and self.tokens[before].lower in PREPOSITIONS)

    # --- the speaker of one construction -------------------------------------------------------

    def speaker_of_verb(self, verb: int, depth: int = 0) -> tuple[str | None, int]:
        """(speaker, index of the speaker's first token) for the reporting verb at `verb`."""
        index = verb - 1
        while index >= 0 and (self.tokens[index].is_adverb or self.tokens[index].lower in AUXILIARIES
                              or self.tokens[index].lower in TIME_WORDS or self.tokens[index].is_number):
            index -= 1
        if index < 0:
            return None, verb
        token = self.tokens[index]
        if token.lower == "and" or (token.text == "," and self.tokens[verb].lower.endswith("ing")):
            return self._earlier_speaker(verb, depth)
        if token.text in CLOSING_QUOTES or (token.text == "," and index > 0
                                            and self.tokens[index - 1].text in CLOSING_QUOTES):
            return self.phrase_speaker(verb + 1), verb + 1  # a quote, then "said fire chief Ann Diaz"
        if token.text == ",":  # "John Kirby, a White House spokesperson, said"
            opening = next((i for i in range(index - 1, -1, -1) if self.tokens[i].text == ","), None)
            if opening is not None:
                name, first = self._phrase_before(opening - 1)
                if name:
                    aside = self.text[self.tokens[opening + 1].start:self.tokens[index - 1].end]
                    return f"{name}, {aside}", first
            return None, verb
        return self._phrase_before(index)

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
        """The noun phrase after "according to"."""
        index = start
        while index < len(self.tokens) and self.tokens[index].lower in DETERMINERS:
            index += 1
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
                if token.lower not in DETERMINERS or end == index:
                    break
            end += 1
        if end == index or self.tokens[index].is_number:
            return None
        return self._clean(index, end - 1)

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
        return text or None

    # --- which construction covers the figure --------------------------------------------------

    def speaker_for(self, start: int, end: int) -> str | None:
        """The speaker of the figure at [start, end) of the sentence, or None."""
        trailing = self._trailing(end)
        if trailing:
            return trailing
        verbs = [v for v in self.verbs if self.tokens[v].end <= start]
        phrases = [(p, after) for p, after in self.phrases if p is not None and self.tokens[p].end <= start]
        nearest_verb = verbs[-1] if verbs else -1
        nearest_phrase = phrases[-1] if phrases else (-1, -1)
        if nearest_phrase[0] > nearest_verb:
            return self.phrase_speaker(nearest_phrase[1])
        if nearest_verb < 0:
            return None
        speaker, first = self.speaker_of_verb(nearest_verb)
        return self._outermost(speaker, first) if speaker else None

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
        if len(content) < LEADING_CONTENT:
            return None
        return self.speaker_for(self.tokens[-1].end, self.tokens[-1].end)

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

    def _trailing(self, end: int) -> str | None:
        """A clause-final attribution after the figure: ", the ministry said on Monday." / ", said X."."""
        last = len(self.tokens)
        while last > 0 and self.tokens[last - 1].text in ".!?\"”'’":
            last -= 1
        for comma in (i for i, t in enumerate(self.tokens[:last]) if t.text in (",", "\"", "”") and t.start >= end):
            first = comma + 1
            while first < last and self.tokens[first].text in ("\"", "”", ","):
                first += 1
            phrase = next((after for p, after in self.phrases if p == first), None)
            if phrase is not None:
                return self.phrase_speaker(phrase)
            verb = next((v for v in self.verbs if first <= v < last), None)
            if verb is None or last - verb > 7 or any(t.lower == "that" or t.is_number for t in self.tokens[verb:last]):
                continue  # a trailing attribution carries no figure or clause of its own
            if verb == first:
                return self.phrase_speaker(verb + 1)
            words = self.tokens[first:verb]
            if len(words) <= MAX_SPEAKER and words[0].lower not in PREPOSITIONS and all(
                    self._in_speaker(t, verb) or t.lower in DETERMINERS | INNER_PREPOSITIONS for t in words) \
                    and not any(t.lower.endswith("ing") for t in words):
                speaker, _ = self._phrase_before(verb - 1)
                return speaker
        return None


def find_attribution(start: int, end: int, sentence: Sentence, previous: list[Sentence], rules: RuleSet) -> str | None:
    """Who the article says the figure at document offsets [start, end) comes from."""
    text = sentence.text
    headline = HEADLINE_SOURCE.match(text)
    if headline and headline.group(1).lower() not in HEADLINE_LABELS and (
            sentence.in_headline or not text.rstrip().endswith((".", "!", "?"))):
        return headline.group(1)
    speaker = _Finder(text, rules).speaker_for(start - sentence.start, end - sentence.start)
    if speaker is None:
        return _carried(sentence, previous, rules)
    if _is_anaphor(speaker):
        return _resolve(speaker, previous, rules) or _unresolved(speaker)
    return _without_article(speaker)


def _without_article(speaker: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", speaker)


def _carried(sentence: Sentence, previous: list[Sentence], rules: RuleSet) -> str | None:
    """A sentence with no speaker goes on with the one before it in the same paragraph."""
    if not previous or sentence.in_headline:
        return None
    before = previous[-1]
    if before.paragraph != sentence.paragraph or before.in_headline:
        return None
    speaker = _Finder(before.text, rules).leading_speaker()
    if speaker is None:
        return None  # one sentence back only: a longer chain would attribute the article's own voice
    if _is_anaphor(speaker):
        return _resolve(speaker, previous[:-1], rules) or _unresolved(speaker)
    return _without_article(speaker)


def _is_anaphor(speaker: str) -> bool:
    words = speaker.split()
    if len(words) == 1:
        return words[0].lower() in PRONOUNS
    return len(words) == 2 and words[0].lower() in ("the", "this", "that") and words[1].islower()


def _resolve(anaphor: str, previous: list[Sentence], rules: RuleSet) -> str | None:
    """"It"/"he" -> the nearest earlier speaker; "the agency" -> the nearest earlier speaker that is an agency."""
    head = anaphor.lower().split()[-1]
    for sentence in reversed(previous[-CARRY_SENTENCES:]):
        finder = _Finder(sentence.text, rules)
        for speaker in reversed(finder.all_speakers()):
            if _is_anaphor(speaker):
                continue
            if head in PRONOUNS or head in speaker.lower().split():
                return _without_article(speaker)
        subject = finder.sentence_subject() if head in PRONOUNS else None
        if subject and not _is_anaphor(subject) and subject.lower() not in PRONOUNS:
            return _without_article(subject)  # "The Russian leader brought up ... . He said ..."
    return None


def _unresolved(anaphor: str) -> str | None:
    """An anaphor with no antecedent: "the agency" still names a kind of source, "it" names none."""
    return None if anaphor.lower() in PRONOUNS else _without_article(anaphor)
