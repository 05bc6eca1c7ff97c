"""Noun phrases around a figure: the phrase after it ("3,000 North Korean soldiers") and the noun a
clause's verb ties to it from before ("the death toll rose to 41", "Inflation, which peaked in 2023,
has fallen to 2.6%"). checker/extract/subject.py decides which of them a figure counts or measures."""

from __future__ import annotations

import re

from checker.extract.clauses import (
    AUXILIARIES,
    CALENDAR_NAMES,
    DETERMINERS,
    IRREGULAR_PAST,
    LINKING_VERBS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    Spans,
    STOP,
    TIME_NOUNS,
    TIME_OPENERS,
    Token,
    clause_index,
    clauses,
)

# units of a change written before the level it leads to: "by 25 basis points to 3.75%"
CHANGE_UNITS = frozenset({"basis points", "basis point", "percentage points", "percentage point", "points", "point"})

# Prepositions that attach a modifier to the noun before them: "death toll from the floods", "shares of X".
HEAD_LINKS = frozenset({"from", "of", "in", "at", "across", "throughout"})
NOT_PARTICIPLES = frozenset({"hundred", "shed", "bred", "sled"})
COUNT_NOUN_OF = re.compile(r"\b(?:number|total|count|tally|figure|toll|size|sum|amount|volume|quantity)\s+of\s+", re.I)
OUTLOOK_WORDS = frozenset({"expected", "forecast", "projected", "likely", "set", "due", "predicted"})
AVERAGE_VERBS = frozenset({"average", "averages", "averaged", "averaging"})
MAX_PHRASE = 6


# Words that open a verb's object, never a noun phrase's next word.
VERB_OBJECT_OPENERS = DETERMINERS | frozenset({"most", "much", "all", "part", "parts", "half", "both"})


def phrase_after(tokens: list[Token], position: int) -> tuple[list[str], str | None]:
    """The noun phrase starting at `position`, and a trailing participle split off it ("people killed")."""
    rest = [t for t in tokens if t.start >= position]
    if rest and rest[0].lower == "of":  # "12,000 of its soldiers"
        rest = rest[1:]
        determined = False
        while rest and rest[0].lower in DETERMINERS:
            rest, determined = rest[1:], True
        if determined and len(rest) > 1 and rest[0].is_number:  # "15% of its 12,000(-strong) employees"
            size_compound = len(rest) > 2 and rest[1].lower == "-" and rest[2].lower == "strong"
            rest = rest[3 if size_compound else 1:]
    words: list[str] = []
    index = 0
    while index < len(rest) and len(words) < MAX_PHRASE:
        token = rest[index]
        low = token.lower
        if low == "of" and words and index + 1 < len(rest) and bare_noun(rest[index + 1]):
            words += ["of", rest[index + 1].text]  # "heads of state", "barrels of oil"
            break
        if not token.is_word or low in STOP or low in TIME_OPENERS or low in LINKING_VERBS or token.is_adverb \
                or low in IRREGULAR_PAST:
            break
        if words and looks_plural(words[-1]) and not token.is_capitalised and not looks_plural(token.text):
            break  # a plural head ends the phrase: "voters oppose", "workers walk out"
        if words and token.is_capitalised and not rest[index - 1].is_capitalised:
            break
        if words and low.endswith("s") and not token.is_capitalised and not looks_plural(words[-1]) \
                and index + 1 < len(rest) and (rest[index + 1].lower in VERB_OBJECT_OPENERS or rest[index + 1].is_number):
            break  # a verb after a singular head: "a 10km surveillance zone covers most of the valley"
        words.append(token.text)
        index += 1
    verb = None
    if words and is_participle(words[-1]):
        verb = words.pop().lower()
    return words, verb


def verb_follows(tokens: list[Token], position: int) -> bool:
    following = next((t for t in tokens if t.start >= position), None)
    return following is not None and (following.lower in IRREGULAR_PAST or following.lower in AUXILIARIES - {"to"}
                                      or following.lower in STAYING_VERBS)  # "41 remained in hospital"


STAYING_VERBS = frozenset({"remain", "remains", "remained", "stay", "stays", "stayed"})


def looks_plural(word: str) -> bool:
    low = word.lower()
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s"))


def bare_noun(token: Token) -> bool:
    return token.is_word and token.lower not in STOP and not token.is_capitalised and not token.is_adverb


def is_participle(word: str) -> bool:
    low = word.lower()
    return len(low) >= 4 and low.endswith("ed") and not low.endswith("eed") and low not in NOT_PARTICIPLES


def noun_before(text: str, tokens: list[Token], start: int, verbs: frozenset[str],
                 linking_only: bool = False) -> list[str]:
    """The noun the clause's verb ties to the figure: "the death toll rose to 41" -> death toll.

    With `linking_only` (measures, money, percentages) only a linking verb ("rose to", "will reach")
    makes the noun before it the thing measured; after an action verb ("the fire spread across
    12,000 acres", "the firm earned $2 billion") the noun before is the actor, not the quantity."""
    spans = clauses(text)
    clause_start = spans[clause_index(spans, start)][0]
    left = [t for t in tokens if clause_start <= t.start and t.end <= start]
    of_match = None
    for match in COUNT_NOUN_OF.finditer(text, clause_start, start):
        of_match = match
    if of_match:  # "puts the number of soldiers in Russia at 3,000"
        words, verb = phrase_after(tokens, of_match.end())
        if words and verb is None:  # "the number of miners killed in the collapse rose to 23": killed miners
            following = [t for t in tokens if t.start >= of_match.end()][len(words):len(words) + 1]
            verb = following[0].lower if following and is_participle(following[0].text) else None
        if words or verb:  # "the number of injured rose to 212": the participle is the counted thing
            return words + ([verb] if verb else [])
    index = len(left) - 1
    while index >= 0 and (left[index].lower in PREPOSITIONS or left[index].is_number
                          or left[index].lower in STOP - DETERMINERS or left[index].is_adverb):  # "rose sharply to"
        if left[index].lower in ("and", "or", "but"):
            return []  # "100 settlements and over 1,300 km²": the noun before belongs to the other figure
        index -= 1
    if index >= 0 and (_is_time_word(left[index]) or left[index].lower in verbs):
        return []  # "peak on Friday with 38C", "the union claimed 250,000": a date or a speaker, not the thing
    # After a determiner a linking word is a noun: "the total to 10,450", "a drop of 3%".
    linking = index >= 0 and left[index].lower in LINKING_VERBS and not (
        index > 0 and left[index - 1].lower in DETERMINERS)
    # "inflation to average 2.5%": a verb right before its figure; "a September average of 61 mm" is a noun
    linking = linking or (0 <= index == len(left) - 1 and left[index].lower in AVERAGE_VERBS)
    action = index >= 0 and not linking and (
        is_participle(left[index].text) or left[index].lower in IRREGULAR_PAST
        or (index > 0 and left[index - 1].lower in AUXILIARIES))  # "spread", "earned", "to save"
    if action and linking_only:
        return []
    if linking or action:
        index -= 1
        # "lows are forecast to stay around 24C", "sales are expected to reach": read past the outlook verb
        while index >= 0 and (left[index].lower in AUXILIARIES or left[index].is_adverb or (
                left[index].lower in verbs | OUTLOOK_WORDS and index > 0 and left[index - 1].lower in AUXILIARIES)):
            index -= 1
    words, index = _collect_back(left, index, verbs)
    if index >= 1 and left[index].is_number and left[index - 1].lower == "by" \
            and " ".join(words).lower() in CHANGE_UNITS:  # "cut its rate by 25 basis points to 3.75%"
        words, index = _collect_back(left, index - 2, verbs)
    if not words and left and (linking or action or left[0].lower in RELATIVE_PRONOUNS) \
            and (index < 0 or (index == 0 and left[0].lower in RELATIVE_PRONOUNS)):
        return _antecedent(text, tokens, spans, clause_index(spans, start), verbs)
    while left[index:index + 1] and left[index].lower in DETERMINERS:
        index -= 1
    while words and index > 0 and left[index].lower in HEAD_LINKS:  # "the death toll from the floods rose"
        head, stop = _collect_back(left, index - 1, verbs)
        if not head or (stop >= 0 and left[stop].is_number):  # not the unit of "200 mm of rain"
            break
        words, index = head, stop  # "the toll from Monday's quake in the valley": read back to "toll"
        while left[index:index + 1] and left[index].lower in DETERMINERS:
            index -= 1
    return words


def _antecedent(text: str, tokens: list[Token], spans: Spans, own: int,
                verbs: frozenset[str]) -> list[str]:
    """The subject a verb opening its clause shares with an earlier one: "Inflation, which peaked at
    9.8%, ..." and "Inflation, which peaked in 2023, has fallen to 2.6%" both measure inflation. Only a
    clause that is a bare noun phrase is read as that subject."""
    opens = [t for t in tokens if spans[own][0] <= t.start < spans[own][1]][:1]
    before = own - 1
    if not (opens and opens[0].lower in RELATIVE_PRONOUNS):  # a subjectless clause after the aside
        while before > 0 and [t.lower for t in tokens if spans[before][0] <= t.start < spans[before][1]][:1] \
                in ([p] for p in RELATIVE_PRONOUNS):
            before -= 1
        if before == own - 1:
            return []  # no relative clause between: the earlier clause is no aside's antecedent
    if before < 0:
        return []
    phrase = [t for t in tokens if spans[before][0] <= t.start and t.end <= spans[before][1]]
    words, index = _collect_back(phrase, len(phrase) - 1, verbs)
    while index >= 0 and phrase[index].lower in DETERMINERS:
        index -= 1
    return words if index < 0 else []


WEEKDAY_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _collect_back(left: list[Token], index: int, verbs: frozenset[str]) -> tuple[list[str], int]:
    """Noun-phrase words ending at left[index], read backwards; and the index where reading stopped."""
    words: list[str] = []
    while index >= 0 and left[index].is_word and left[index].lower not in STOP and len(words) < MAX_PHRASE:
        noun_use = index > 0 and left[index - 1].lower in DETERMINERS and not words
        if (left[index].lower in LINKING_VERBS and not noun_use) or left[index].lower in verbs or left[index].is_adverb:
            break
        if words and left[index].lower in WEEKDAY_NAMES:
            break  # "said on Monday prices had risen 4.2%": prices, not 'Monday prices' ("the July record" keeps July)
        words.insert(0, left[index].text)
        index -= 1
    return words, index


def _is_time_word(token: Token) -> bool:
    return token.lower in TIME_OPENERS or token.lower in TIME_NOUNS or token.text.rstrip(".") in CALENDAR_NAMES
