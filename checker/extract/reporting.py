"""Reporting constructions of one sentence: who says what, and where the saying sits.

"X said ...", "X, a spokeswoman, said", "..., said X", "according to X", "X's count of N", and the
clause-closing ", the ministry said on Monday" or inline "... according to the organisers". The
attribution finder (checker/extract/attribution.py) asks which of them covers a figure.
"""

from __future__ import annotations

from checker.extract.clauses import (
    AUXILIARIES,
    DETERMINERS,
    POSSESSIVE_ENDINGS,
    PREPOSITIONS,
    PRONOUNS,
    SAYING_EVENTS,
    without_possessive,
)
from checker.extract.memo import by_text
from checker.extract.reporting_words import vocabulary
from checker.extract.speakers import INNER_PREPOSITIONS, MAX_SPEAKER, TIME_WORDS, SpeakerPhrases
from checker.identity import Identity
from checker.ruleset import RuleSet

CLOSING_TAIL = 8  # words after a closing reporting verb: "said in a statement on Thursday"
LONG_CLOSING_TAIL = 14  # ... when they are only where and when: "said at a news conference in the port on Wednesday"
# Source phrases that also mean other things inside a clause ("$5 per day").
INLINE_EXCLUDED = frozenset({"per"})
LEADING_CONTENT = 5  # words after a reporting verb that make it lead into reported content
CLAUSE_OPENING_MARKS = frozenset({":", "\"", "“", "'", "‘"})  # "she added: ...", "he added, "...""
# Verbs of giving a figure in a relative clause after it: "the €360m that the finance director set out".
GIVING_VERBS = frozenset({"set", "gave", "announced", "presented", "published", "released", "outlined", "unveiled",
                          "cited", "quoted", "put", "offered"})
GIVER_WORDS = 7  # the giver's words: "finance director Marek Obradin"
INSIDE_SPEAKER_WORDS = 5  # counted noun and speaker before an inner reporting verb: "people UNHCR says"
APPOSED_NOUN_WORDS = 3  # the earlier figure's counted noun: "1,200 jobs", "1,200 permanent roles"
TALLY_SUBJECT_WORDS = 16  # "count of confirmed heat-related deaths rose to 67, up from": from 'of' to the figure
OWN_ESTIMATE_WORDS = 12  # "cut its forecast for this year's wheat harvest to": from 'its' to the figure
OWN_ESTIMATES = frozenset({"forecast", "forecasts", "estimate", "estimates", "projection", "projections", "count",
                           "tally", "calculation", "outlook", "guidance", "prediction"})
RELATIVE_WORDS = frozenset({"which", "who", "that", "whose"})
# Speakers that name no body: at a body's briefing they speak for it
UNNAMED_SPEAKERS = frozenset({"officials", "an official", "a spokesman", "a spokeswoman", "a spokesperson", "spokesman",
                              "spokeswoman", "spokesperson", "the spokesman", "the spokeswoman"})
EVENT_OWNER_WORDS = 10  # "At the Regional Civil Protection Directorate's": the owner's possessive comes this early
# Between an apposition's comma and its figure: "1,200 jobs, or roughly 10% of ...", "..., about 15% of ..."
APPOSITION_HEDGES = frozenset({"or", "about", "around", "roughly", "some", "nearly", "almost", "approximately",
                               "just", "over", "under", "more", "than", "less", "fewer"})


def constructions(text: str, rules: RuleSet) -> Constructions:
    """The sentence's constructions, reused: every figure of a sentence, and the next sentence's
    look back, ask for the same ones."""
    return _constructions(text, Identity(rules))


@by_text(maxsize=64)
def _constructions(text: str, rules: Identity[RuleSet]) -> Constructions:
    return Constructions(text, vocabulary(rules))


class Constructions(SpeakerPhrases):
    """Reporting constructions of one sentence."""

    # --- which construction covers the figure --------------------------------------------------

    def speaker_for(self, start: int, end: int) -> str | None:
        """The speaker of the figure at [start, end) of the sentence, or None."""
        owner = self._possessive_source(start) or self._plan_owner(start) or self._apposed_owner(start) \
            or self._speaker_inside(end) or self._giver(end) or self._possessive_tally(start)
        if owner:
            return owner
        trailing = self._trailing(end) or self._own_estimate(start)
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
                # "Figures from the health service show": the verb's subject is a source phrase; it names the service
                inner = next((after for p, after in phrases if first <= p < verb), None)
                named = self.phrase_speaker(inner) if inner is not None else None
                if named is None and speaker.lower() in UNNAMED_SPEAKERS:
                    named = self._event_owner()  # "At the directorate's briefing, officials said": its officials
                return self._outermost(named or speaker, first)
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
        # the counted noun may carry proper adjectives ("3,000 North Korean troops Seoul said were sent")
        if first == verb or not counted or not all(t.is_word for t in counted) or counted[-1].is_capitalised:
            return None
        return self._clean(first, verb - 1)

    def _giver(self, end: int) -> str | None:
        """"The deficit of €360m that finance director Marek Obradin set out": who a relative clause
        right after the figure says gave it is its source, whoever closes the sentence."""
        first = at = self._index_after(end)
        while at < len(self.tokens) and at - first < 3 and self.tokens[at].is_word \
                and not self.tokens[at].is_capitalised and self.tokens[at].lower not in ("that", "which"):
            at += 1  # the counted noun: "1,200 jobs that the mayor announced"
        if at >= len(self.tokens) or self.tokens[at].lower not in ("that", "which"):
            return None
        for verb in range(at + 2, min(len(self.tokens), at + 2 + GIVER_WORDS)):
            if self.tokens[verb].lower in GIVING_VERBS:
                words = self.tokens[at + 1:verb]
                if all(t.is_word for t in words) and any(t.is_capitalised for t in words):
                    return self._clean(at + 1, verb - 1)
                return None
        return None

    def _possessive_source(self, start: int) -> str | None:
        """"the union's figure of 14,000 strikers": the owner of the figure-noun right before "of N"."""
        last = self._index_after(start) - 1  # tokens are in order: the last one before the figure
        while last >= 0 and self.tokens[last].end > start:
            last -= 1
        if last < 2 or self.tokens[last].lower != "of":
            return None
        return self._possessor(last - 1, self.source_nouns)

    def _possessive_tally(self, start: int) -> str | None:
        """"The health ministry's count of confirmed heat-related deaths rose to 67": the owner of the count
        whose noun phrase is the subject of the figure's own clause (no comma or reporting verb between)."""
        last = self._index_after(start) - 1
        first = max(1, last - TALLY_SUBJECT_WORDS)
        base_of_a_figure = False
        for at in range(last, first - 1, -1):
            token = self.tokens[at]
            if token.is_number and not base_of_a_figure:
                return None  # "Morvane's figure of 6,500 but below the estimate of 10,000": another's count
            if token.is_number:
                base_of_a_figure = False  # the count's own figure, of which this one is the base
                continue
            if token.text == "," and [t.lower for t in self.tokens[at + 1:at + 3]] in (["up", "from"], ["down", "from"]):
                base_of_a_figure = True  # "rose to 67 on Thursday, up from 61": the base of the count's figure
                continue
            if token.text in (",", ";", ":") or at in self.verbs:
                return None
            if token.lower == "of" and self.tokens[at - 1].lower in self.source_nouns:
                return self._possessor(at - 1, self.source_nouns)
        return None

    def _possessor(self, noun_at: int, nouns: frozenset[str]) -> str | None:
        """The possessive owner right before the noun at token `noun_at`, if it is one of `nouns`."""
        noun = self.tokens[noun_at]
        if noun.lower not in nouns:
            return None
        owner_at = noun_at - 1
        # "the ministry's latest forecast of", "the agency's revised national estimate of": a few adjectives between
        while owner_at > noun_at - 3 and owner_at > 0 and self.tokens[owner_at].is_word \
                and not self.tokens[owner_at].is_capitalised and not self.tokens[owner_at].lower.endswith(POSSESSIVE_ENDINGS):
            owner_at -= 1
        if not self.tokens[owner_at].lower.endswith(POSSESSIVE_ENDINGS):
            return None
        name, _ = self._phrase_before(owner_at)
        return without_possessive(name) if name else None

    def _event_owner(self) -> str | None:
        """"At the Regional Civil Protection Directorate's Wednesday evening briefing, ...": whose briefing."""
        if not self.tokens or self.tokens[0].lower != "at":
            return None
        for at in range(1, min(len(self.tokens), EVENT_OWNER_WORDS)):
            token = self.tokens[at]
            if token.text == ",":
                return None
            if token.lower.endswith(POSSESSIVE_ENDINGS) and any(
                    t.lower in SAYING_EVENTS for t in self.tokens[at + 1:at + 4]):
                name, _ = self._phrase_before(at)
                return without_possessive(name) if name else None
        return None

    def _own_estimate(self, start: int) -> str | None:
        """"The agriculture ministry cut its forecast for the harvest to 7.1 million tonnes": the sentence's
        subject owns the estimate 'its' names, unless a reporting verb before it makes someone else the
        teller ("Officials said the ministry had cut its forecast")."""
        figure_at = self._index_after(start)
        for at in range(figure_at - 1, max(-1, figure_at - OWN_ESTIMATE_WORDS), -1):
            token = self.tokens[at]
            if token.text in (",", ";", ":"):
                return None
            if token.lower in ("its", "their"):
                owned = any(t.lower in OWN_ESTIMATES for t in self.tokens[at + 1:at + 3])
                if not owned or any(v < at for v in self.verbs) or any(
                        t.text == "," or t.lower in RELATIVE_WORDS for t in self.tokens[:at]):
                    return None  # "..., which in its assessment put": 'its' is the relative clause's noun's
                subject = self.sentence_subject()
                return subject if subject and subject.lower() not in PRONOUNS else None
        return None

    def _plan_owner(self, start: int) -> str | None:
        """"Brightwave Technologies' plan to cut about 1,200 jobs": the owner of a plan, pledge or offer
        whose infinitive acts on the figure gives it (a verb, and a hedge, between 'to' and the figure)."""
        figure_at = self._index_after(start)
        for to in range(figure_at - 2, max(figure_at - 5, 1), -1):
            if self.tokens[to].lower != "to":
                continue
            if not all(t.is_word for t in self.tokens[to + 1:figure_at]):
                return None
            return self._possessor(to - 1, self.plan_nouns)
        return None

    def _apposed_owner(self, start: int) -> str | None:
        """"Brightwave's plan to cut 1,200 jobs, about 15% of its workforce": a figure set beside the one
        before it restates that figure, and has its owner."""
        at = self._index_after(start) - 1
        while at >= 0 and self.tokens[at].lower in APPOSITION_HEDGES:
            at -= 1
        if at < 2 or self.tokens[at].text != ",":
            return None
        noun_end = at
        while at - 1 >= 0 and at > noun_end - APPOSED_NOUN_WORDS and self.tokens[at - 1].is_word \
                and not self.tokens[at - 1].is_capitalised:
            at -= 1
        if at == noun_end or at == 0 or not self.tokens[at - 1].is_number:
            return None
        earlier = self.tokens[at - 1].start
        return self._possessive_source(earlier) or self._plan_owner(earlier)

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

    def _where_and_when(self, first: int, last: int) -> bool:
        """"at a news conference in the port on Wednesday": prepositional phrases only, no verb of a clause."""
        tail = self.tokens[first:last]
        return bool(tail) and len(tail) <= LONG_CLOSING_TAIL and tail[0].lower in PREPOSITIONS and not any(
            (t.lower in AUXILIARIES and t.lower != "to") or t.lower.endswith("ed") or t.lower in PRONOUNS for t in tail)

    def _closing_speaker(self, first: int, last: int) -> str | None:
        """The speaker of a clause that only attributes: "the ministry said on Monday", "said X"."""
        verb = next((v for v in self.verbs if first <= v < last), None)
        if verb is None or (last - verb > CLOSING_TAIL and not self._where_and_when(verb + 1, last)) or any(
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
