"""When a figure holds, resolved against the publication date.

Only time words that govern the figure's clause count. A sentence is cut into clauses at commas,
semicolons, colons, dashes and brackets (checker/extract/clauses.py); the words are read from

1. the figure's own clause, and its rest after a bracket ("reached 40.3C (104.5F) on Tuesday");
2. the clauses it hangs from when it opens with a participle, "with", "including", "when" or a
   bracket, restates the figure before it ("11,000 jobs, about 13% of staff"), or opens with a
   verb whose subject came earlier ("The previous record, set in 2019, was 39.6C");
3. a short opening clause of the sentence ("On Thursday, ..."), for dates only;
4. a short clause right after that holds only a time (", by the end of 2027") or the predicate
   of a figure in apposition ("The old record, 39.6C, was set in 2019");
5. a later clause that is about the figure itself ("..., most of whom will arrive by December"),
   for deadlines only.

A clause of its own ("..., with initial sightings reported on Oct. 23") never moves a figure.
Within that scope the nearest word wins, except that a deadline beats a bare "will/could" and a
date beats "will" ("temperatures will reach 38C on Friday" is Friday). The date of a statement
("the agency saying on Tuesday that 32 were dead") dates the figure only when nothing nearer
does and it is not a plan; a day's possessive ("put Saturday's crowd at") dates it, unless a
preposition makes it part of a modifier ("the toll from Monday's quake"). In a headline "to" +
verb is the future ("Norvik to cut 12,000 jobs"). A figure with no time word holds at
publication: "has sent 3,000 troops" counts what is there now, which is what makes it comparable
with "3,000 troops are currently in Russia". The time words of a clause are read in
checker/extract/time_cues.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from checker.extract.clauses import (DETERMINERS, IRREGULAR_PAST, RELATIVE_PRONOUNS, SAYING_EVENTS, Spans, clause_index,
                                     clauses, phrase_pattern, tokenize)
from checker.extract.dates import MONTH
from checker.extract.memo import by_text
from checker.extract.noun_phrases import is_participle
from checker.extract.numbers import SCALES, SMALL_NUMBERS
from checker.extract.relative_times import counted_back, moved_back
from checker.extract.same_period import same_period, same_period_phrase
from checker.extract.time_cues import STATEMENT_PARTICIPLES, Cue, clause_cues
from checker.identity import Identity
from checker.models import Horizon
from checker.ruleset import RuleSet

# A comparison base after the figure ("... from $265 million a year earlier") takes the dates after it.
COMPARISON_AFTER = re.compile(
    r"\b(?:(?:up from|down from|from|compared with|compared to|versus|against)\s+(?=[$€£¥]?\d)"
    r"(?!\d{1,2}(?:st|nd|rd|th)?\s*(?:(?:[-\u2013]|\s(?:to|and|until)\s)\s*\d{1,2}(?:st|nd|rd|th)?\s*)?\s" + MONTH
    + r"\b)"  # "from 1 April", "from 1 to 9 June": a date
    r"|(?:on|from|than|over|compared with|compared to)\s+(?:a|the)\s+(?:year|quarter|month|week)"
    r"\s+(?:earlier|before|ago)"
    r"|(?:on|from|than|over|compared with|compared to|versus|against)\s+the\s+(?:same|previous|prior)\s+"
    r"(?:year|quarter|month|week|period)"
    r"|year[- ]on[- ]year)", re.I
)
DEPENDENT_OPENERS = frozenset({"with", "including", "among", "excluding", "plus", "when"})
# A short clause that opens with one of these and holds only a time ("..., by the end of 2027, ...")
# dates the clause before it.
TIME_CLAUSE_OPENERS = frozenset({"by", "over", "in", "within", "until", "before", "during", "on", "through", "from",
                                 "since", "at"})
TIME_CLAUSE_WORDS = 8
SAYING_EVENT_WORDS = 14  # an opening naming where the figure was given: "At the directorate's Wednesday briefing,"
NAMING_WORDS = 6  # a phrase that renames the time a when-clause looks back to: ", Orvane's worst year on record,"
_DIGIT = re.compile(r"\d")
CLOSING_CLAUSES = 4  # clauses after the figure's a closing attribution may run to: "..., according to X (Y) published on Z"
SUBJECT_WORDS = 6  # a subject a participle aside may interrupt: "The 180-metre bridge", "Orlen Chemicals"
# Irregular past participles that open an aside: "The bridge, built in 1968, ...", "The record, set in 2011, ..."
PARTICIPLES = frozenset({"built", "set", "made", "held", "known", "born", "won", "begun", "chosen", "drawn", "grown",
                         "written", "sold", "bought", "brought", "found", "kept", "led", "lost", "paid", "run", "seen",
                         "shown", "spent", "taken", "told", "given", "hit", "struck", "rebuilt"})
# A short clause opening with one of these is a phrase of the clause before ("..., on a turnout of 86%").
PHRASE_OPENERS = frozenset({"on", "of", "for", "at", "from"})
PHRASE_WORDS = 6
# A clause that opens with a verb has its subject in an earlier clause: "The previous record, set in
# 2019, was 39.6C".
SUBJECTLESS_OPENERS = frozenset({"is", "are", "was", "were", "has", "have", "had", "stood", "stands", "reached",
                                 "rose", "fell", "came", "totalled", "totaled", "hit", "remains", "remained"})
CLOCK_AFTER = re.compile(r"\s+(at\s+(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.m\.|[ap]m\b)|\d{1,2}[:.]\d\d\b))", re.I)
REPORTED_WITHIN = dt.timedelta(days=7)  # a day's count given this soon after is a report of it, not a history
ANCHOR_ONLY = 9  # the tier of a time a relative one counts from ("the day before"), never the figure's own
BASE_OPENING = re.compile(r"\s*(?:up from|down from|compared with|compared to)\b", re.I)
# A headline's "to" + verb is its future tense: "Norvik to cut 12,000 jobs"; "toll rises to six" is a level.
HEADLINE_FUTURE = re.compile(
    rf"\bto\s+(?!the\b|an?\b|(?:{'|'.join(sorted({*SMALL_NUMBERS, *SCALES, 'hundred', 'dozen'}, key=len, reverse=True))})\b)"
    r"[a-z]{3,}\b")


# Words that say a figure still holds, not when: a date in the sentence says when it did.
# ... and so do these, as of a dated statement: "are now known to have died, ... said on Thursday"
SO_FAR = frozenset({"so far", "to date", "now"})
CONTINUING = frozenset({"still", "already"}) | SO_FAR
# A past-tense verb near the figure: "by Thursday" then looks back ("were still waiting"), not ahead.
# ... and so does a past verb of change: "rose to 40% by Saturday" in Monday's paper is the Saturday just gone
PAST_TENSE = re.compile(r"\b(?:was|were|had|stood|remained|rose|fell|reached|climbed|dropped|grew|hit|topped)\b",
                        re.IGNORECASE)
PAST_TENSE_REACH = 40
# A past verb before the figure with no future marker: "cut its forecast to 7.1 million tonnes on June 23"
_PAST_WORDS = IRREGULAR_PAST | {"put", "said", "rose", "fell", "was", "were", "had"}
_FUTURE_MARK = re.compile(r"\b(?:will|would|could|may|might|shall|expects?|expected\s+to|set\s+to|due\s+to|plans?\s+to"
                          r"|aims?\s+to|going\s+to)\b", re.IGNORECASE)


def find_horizon(start: int, end: int, text: str, published: dt.date | None, rules: RuleSet,
                 headline: bool = False) -> Horizon:
    """The horizon of the figure at [start, end) of sentence `text`."""
    cues, later = _figure_cues(start, end, text, Identity(rules), headline)
    past_tense = PAST_TENSE.search(text, max(0, start - PAST_TENSE_REACH), end + PAST_TENSE_REACH) is not None
    horizon = _decide(list(cues), list(later), start, end, published, past_tense, text)
    clock = CLOCK_AFTER.match(text, end)
    if clock and horizon.kind in ("current", "point") and not (horizon.text or "").startswith("at "):
        # "turnout stood at 52.4% at 6pm", "11.2% at 10am and 31.6% at 2pm": three times of one day
        horizon = horizon.model_copy(update={"text": f"{clock.group(1)} {horizon.text or ''}".strip()})
    found = same_period_phrase(text, end)
    if found is None:  # most figures: the other clauses' cues are read only for a same-period base
        return horizon
    spans = clauses(text)
    own = clause_index(spans, start)
    elsewhere = [c for i, span in enumerate(spans) if i != own for c in _cues(text, span, abs(i - own), rules)]
    return same_period(horizon, found, elsewhere, published)


@by_text(maxsize=4096)
def _figure_cues(start: int, end: int, text: str, rules_key: Identity[RuleSet],
                 headline: bool) -> tuple[tuple[Cue, ...], tuple[Cue, ...]]:
    """The time words that may date the figure, and the deadlines a later clause carries back. They
    read the sentence alone (only resolving them reads the publication date), so a sentence printed
    again on another day is read once."""
    rules = rules_key.value
    spans = clauses(text)
    own = clause_index(spans, start)
    scope = _scope(text, spans, own)
    base = COMPARISON_AFTER.search(text, end, spans[own][1])
    cutoff = base.start() if base else len(text)
    cues = [c for i, tier in scope.items() for c in _cues(text, spans[i], tier, rules)
            if (tier < 2 or c.kind != "eventual") and not (c.start < end and start < c.end)
            and c.start < cutoff]
    if headline and HEADLINE_FUTURE.search(text, spans[own][0], start):
        cues.append(Cue("eventual", spans[own][0], start, "to", 0))
    later = [c for i in range(own + 1, len(spans)) if _carries_back(text, spans[i], rules)
             for c in _cues(text, spans[i], 3, rules) if c.deadline]
    if own > 0 and BASE_OPENING.match(text, spans[own][0]):
        # "58 died on Wednesday, up from 41 the day before": the day before Wednesday; never Wednesday itself
        cues += [c for c in _cues(text, spans[own - 1], ANCHOR_ONLY, rules) if c.kind == "date" and not c.deadline]
    return tuple(cues + _closing_statements(text, spans, own, scope, rules)), tuple(later)


def _closing_statements(text: str, spans: Spans, own: int, scope: dict[int, int], rules: RuleSet) -> list[Cue]:
    """When a closing attribution gave the figure: "..., officials said on Monday", "..., according to an
    assessment by the agency (ODI) published on Wednesday". Only its statement dates count, and only up
    to the next figure, whose clause the attribution may belong to instead."""
    found: list[Cue] = []
    identity = Identity(rules)
    for index in range(own + 1, min(len(spans), own + CLOSING_CLAUSES + 1)):
        if index in scope:
            continue
        start, end = spans[index]
        clause = text[start:end]
        if BASE_OPENING.match(clause):
            continue  # "The toll was 58, up from 41 a day earlier, the agency said on Wednesday": 41 is 58's base
        statements = [c for c in clause_cues(clause, identity) if c.statement]  # offsets within the clause
        if _has_figure_outside(clause, statements):
            break
        found.extend(Cue(c.kind, c.start + start, c.end + start, c.text, 2, c.resolve, c.deadline, c.statement,
                         c.running) for c in statements)
    return found


def _has_figure_outside(clause: str, cues: list[Cue]) -> bool:
    """A digit in the clause that is not part of one of its date cues: a figure of its own."""
    return any(not any(c.start <= digit.start() < c.end for c in cues) for digit in _DIGIT.finditer(clause))


def _scope(text: str, spans: Spans, own: int) -> dict[int, int]:
    """Clauses whose time words may date the figure, by index, with their tier (0 = the figure's own)."""
    scope = {own: 0}
    after_bracket = _after_bracket(text, spans, own)
    if after_bracket is not None:  # "reached 40.3C (104.5F) on Tuesday": the bracket interrupts one clause
        scope[after_bracket] = 0 if text[spans[own][1]:spans[own][1] + 1] == "(" else 1
    index = own
    if _predicate_after_aside(text, spans, own):
        index = own - 2  # "The bridge, built in 1968, carried 14,000 vehicles a day": 1968 dates the building
        scope.setdefault(index, 1)
    while index > 0 and (_is_dependent(text, spans[index]) or _is_apposition(text, spans, index)
                         or _is_subjectless(text, spans[index]) or index != own and _is_relative(text, spans[index])):
        index -= 1
        if not _is_relative(text, spans[index]):  # "Inflation, which peaked in 2023, has fallen to 2.6%"
            scope.setdefault(index, 1)
    if index == own - 1 and index > 0 and _opens_with(text, spans[own], ("when",)) \
            and len(tokenize(text[slice(*spans[index])])) <= NAMING_WORDS:
        scope.setdefault(index - 1, 1)  # "the total for 2019, Orvane's worst year on record, when 212 were confirmed"
    if own > 0 and 0 not in scope and (len(tokenize(text[slice(*spans[0])])) <= 6 or _is_time_clause(text, spans[0])
                                       or _states_when(text, spans[0])):
        scope[0] = 2  # a short opening ("In the first eight months of 2025, ...") sets the sentence's time
    if own > 1 and own - 1 not in scope and _is_time_clause(text, spans[own - 1]) \
            and text[:spans[own - 1][0]].rstrip().endswith((":", ";", "—")):
        scope[own - 1] = 2  # "... a history of accidents: in 2019, 12 miners died there": the same, after a colon
    index = max(scope) + 1
    while index < len(spans) and _is_apposition(text, spans, index):
        index += 1  # "cut 11,000 jobs, about 13% of staff, by the end of 2027"
    relative = _is_relative(text, spans[own])  # "Tessaly, which produces 28% of the eggs, has lost ... since": not its predicate
    if index < len(spans) and (_is_time_clause(text, spans[index]) or (_is_subjectless(text, spans[index]) and not relative)
                               or (index == own + 1 and _is_inserted(text, spans, own))):
        scope.setdefault(index, 1)  # "The previous record, 39.6C, was set in 2019": the predicate follows
    # When the figure was given: "Saldanha's first estimate, given on Tuesday, put the damage at ...",
    # "41 have died, according to the ministry's latest count, published on Tuesday".
    later = own + 1
    while later < len(spans) and _opens_with(text, spans[later], ("according",)):
        later += 1
    for index in (own - 1, later):
        if 0 <= index < len(spans) and _opens_with(text, spans[index], STATEMENT_PARTICIPLES) \
                and len(tokenize(text[slice(*spans[index])])) <= TIME_CLAUSE_WORDS:
            scope.setdefault(index, 1)
    return scope


def _states_when(text: str, span: tuple[int, int]) -> bool:
    """"In a statement issued on Wednesday evening, it said ...", "At the Regional Civil Protection
    Directorate's Wednesday evening briefing, officials said ...": an opening that dates the saying."""
    tokens = tokenize(text[span[0]:span[1]])
    if tokens and tokens[0].lower in ("at", "in", "during") and tokens[-1].lower in SAYING_EVENTS \
            and len(tokens) <= SAYING_EVENT_WORDS:
        return True
    return len(tokens) <= TIME_CLAUSE_WORDS + 2 and any(t.lower in STATEMENT_PARTICIPLES for t in tokens)


def _is_relative(text: str, span: tuple[int, int]) -> bool:
    """A relative clause is about the noun before it; its time is never that of a later clause's figure."""
    return _opens_with(text, span, RELATIVE_PRONOUNS)


def _opens_with(text: str, span: tuple[int, int], words: Collection[str]) -> bool:
    first = next((t for t in tokenize(text[span[0]:span[1]]) if t.is_word), None)
    return first is not None and first.lower in words


def _after_bracket(text: str, spans: Spans, own: int) -> int | None:
    """The clause that goes on after the bracket following (or holding) the figure's clause."""
    close = text.find(")", spans[own][1] - 1 if text[spans[own][1]:spans[own][1] + 1] == ")" else spans[own][1])
    # from the character before the clause (its opening bracket, if any), or the sentence's start
    if close < 0 or "(" not in text[max(0, spans[own][0] - 1):close] or "," in text[spans[own][1]:close]:
        return None
    return next((i for i in range(own + 1, len(spans)) if spans[i][0] == close + 1 or
                 (spans[i][0] > close and not text[close + 1:spans[i][0]].strip())), None)


def _is_apposition(text: str, spans: Spans, index: int) -> bool:
    """A clause that only restates the figure just before it: "11,000 jobs, about 13% of staff"."""
    tokens = tokenize(text[slice(*spans[index])])
    first_number = next((i for i, t in enumerate(tokens) if t.is_number), None)
    if index == 0 or first_number is None or first_number > 2 or len(tokens) > TIME_CLAUSE_WORDS:
        return False
    before = tokenize(text[slice(*spans[index - 1])])
    return any(t.is_number for t in before[-3:]) and not any(t.lower in SUBJECTLESS_OPENERS for t in tokens)


def _is_inserted(text: str, spans: Spans, index: int) -> bool:
    """A figure set between commas after its noun, the predicate still to come: "The first
    consignment, 250,000 doses, arrived on Saturday"."""
    tokens = tokenize(text[slice(*spans[index])])
    if index == 0 or index + 1 >= len(spans) or not tokens or not tokens[0].is_number \
            or len(tokens) > TIME_CLAUSE_WORDS:
        return False
    # neither side holds a figure of its own: "68% of voters oppose it, up from 61% in January" is no insertion
    return not any(t.is_number for i in (index - 1, index + 1) for t in tokenize(text[slice(*spans[i])]))


def _is_subjectless(text: str, span: tuple[int, int]) -> bool:
    words = [t for t in tokenize(text[span[0]:span[1]]) if t.is_word]
    return bool(words) and words[0].lower in SUBJECTLESS_OPENERS


def _predicate_after_aside(text: str, spans: Spans, own: int) -> bool:
    """'The bridge, built in 1968, carried ...': the figure's clause is the main verb of a short subject
    that a participle aside interrupts, so the aside's time is not the figure's. A copula keeps it:
    'The old record, set in 2011, was 37.9C' is the record of 2011."""
    aside = [t for t in tokenize(text[slice(*spans[own - 1])]) if t.is_word] if own >= 2 else []
    if not aside or len(aside) > SUBJECT_WORDS or not (aside[0].lower.endswith("ed") or aside[0].lower in PARTICIPLES):
        return False
    words = [t for t in tokenize(text[slice(*spans[own])]) if t.is_word]
    subject = [t for t in tokenize(text[slice(*spans[own - 2])]) if t.is_word]
    return (bool(words) and words[0].lower.endswith("ed") and words[0].lower not in SUBJECTLESS_OPENERS
            and words[0].lower not in STATEMENT_PARTICIPLES and 0 < len(subject) <= SUBJECT_WORDS
            and (subject[0].lower in DETERMINERS or subject[0].is_capitalised)
            and not any(t.lower in SUBJECTLESS_OPENERS for t in subject))


def _is_time_clause(text: str, span: tuple[int, int]) -> bool:
    tokens = tokenize(text[span[0]:span[1]])
    return bool(tokens) and tokens[0].lower in TIME_CLAUSE_OPENERS and len(tokens) <= TIME_CLAUSE_WORDS


def _decide(cues: list[Cue], later: list[Cue], start: int, end: int, published: dt.date | None,
            past_tense: bool = False, text: str = "") -> Horizon:
    def rank(cue: Cue) -> tuple[int, int]:
        return cue.tier, (start - cue.end if cue.end <= start else cue.start - end)

    anchors = [c for c in cues if c.tier == ANCHOR_ONLY]
    cues = [c for c in cues if c.tier != ANCHOR_ONLY]
    current, eventual, past, dates = (sorted((c for c in cues if c.kind == kind and not c.statement), key=rank)
                                      for kind in ("current", "eventual", "past", "date"))
    statements = sorted((c for c in cues if c.statement), key=rank)
    if statements and not eventual and not past and (not dates or dates[0].tier > statements[0].tier):
        dates = statements  # "the agency saying on Tuesday that 32 were dead": as of Tuesday
    if current and dates and current[0].text.lower() in CONTINUING \
            and (dates is statements or current[0].text.lower() not in SO_FAR):  # "so far this year": up to now
        # "On Thursday morning, 61,000 were still waiting": still then, as of Thursday morning; "In a statement
        # on Monday, the company said up to 120,000 records may have been accessed so far": so far on Monday
        current = []
    if current and all(rank(current[0]) < rank(other[0]) for other in (dates, eventual) if other):
        return Horizon(kind="current", start=published, end=published, text=current[0].text)
    opened = sorted((c for c in cues if c.kind == "open"), key=rank)
    if opened and not eventual and (not dates or dates is statements or rank(opened[0]) < rank(dates[0])):
        # "had crossed since the fighting began": a total from an unwritten day up to when it was given
        said = statements[0].resolve(published, False)[1] if statements else None
        return Horizon(kind="period", end=said or published, text=opened[0].text)
    deadlines = [c for c in dates if c.deadline]
    if eventual and not deadlines and later:
        deadlines = later
    if deadlines and (eventual or not dates or rank(deadlines[0]) <= rank(dates[0])):
        if past_tense and not eventual and published is not None:  # "By Thursday morning, 61,000 were still waiting": then
            return _as_of(deadlines[0], published)
        return _resolve(deadlines[0], published, future=True)
    if past and past[0].tier == 0 and (not dates or rank(past[0]) < rank(dates[0])):
        # "310 in the week to July 13, up from 185 the previous week": the base's own words win, and
        # "the previous week" is the week before the sentence's
        # ("down from 130 the previous day" in a statement "on Friday": the day before the statement's)
        return moved_back(past[0], next(iter([*dates, *statements, *anchors]), None), published)
    if dates:
        dates[0] = counted_back(dates[0], [*dates[1:], *statements, *anchors])
        # "cut its forecast to 7.1 million tonnes on June 23" in a July paper: the past June, tense over 'forecast'
        horizon = _resolve(dates[0], published, future=bool(eventual) and not _told_in_past(text, start))
        if dates[0].running and statements and statements[0].tier < 2 and dates is not statements \
                and horizon.start and horizon.end:
            # "figures released on Wednesday show 71,500 have crossed since 2 March": up to Wednesday (a
            # closing ", the agency said on Saturday" is weaker: it may date the saying of an older total)
            said = statements[0].resolve(published, False)[1]
            if said and horizon.start <= said < horizon.end:
                return horizon.model_copy(update={"end": said, "kind": "point" if said == horizon.start else "period"})
        if statements and dates is not statements and horizon.start is not None and horizon.start == horizon.end:
            said = statements[0].resolve(published, False)[1]
            if said is not None and horizon.start < said <= horizon.start + REPORTED_WITHIN:
                return horizon.model_copy(update={"said": said})  # "87 arrests on Saturday, police said this morning"
        return horizon
    if eventual:
        return Horizon(kind="eventual", start=published, text=eventual[0].text)
    if past:
        return Horizon(kind="past", text=past[0].text)
    return Horizon(kind="current", start=published, end=published)


def _as_of(cue: Cue, published: dt.date | None) -> Horizon:
    """A past deadline in a past-tense clause: the figure held at its end."""
    _, last = cue.resolve(published, False)
    if last is None:
        return Horizon(kind="past", text=cue.text)
    if last == published:
        return Horizon(kind="current", start=last, end=last, text=cue.text)
    return Horizon(kind="point", start=last, end=last, text=cue.text)


def _resolve(cue: Cue, published: dt.date | None, future: bool) -> Horizon:
    first, last = cue.resolve(published, future or cue.deadline)
    if cue.deadline:
        return Horizon(kind="deadline", end=last, text=cue.text)
    if first is None or last is None:
        return Horizon(kind="period", text=cue.text)
    if first > last:  # "a year from 2028" in a 2026 paper: a span running up to the paper would end before it starts
        return Horizon(kind="eventual", start=first, text=cue.text)
    if first == last == published:  # "today", "as of today", "on Thursday" in Thursday's paper
        return Horizon(kind="current", start=first, end=last, text=cue.text)
    if published and last < dt.date(published.year, 1, 1):
        return Horizon(kind="past", start=first, end=last, text=cue.text)
    return Horizon(kind="point" if first == last else "period", start=first, end=last, text=cue.text)


def _is_dependent(text: str, span: tuple[int, int]) -> bool:
    """A clause that hangs from the one before it: a participle, "with ...", "including ...", a bracket,
    or the rest of a clause a bracket interrupted ("38C (100F) in Mirabel and up to 36C")."""
    if span[0] > 0 and text[span[0] - 1] in "()":
        return True
    tokens = tokenize(text[span[0]:span[1]])
    words = [t for t in tokens if t.is_word]
    while words and (words[0].is_adverb or words[0].lower in ("and", "but")):
        words = words[1:]
    if tokens and tokens[0].lower in PHRASE_OPENERS and len(tokens) <= PHRASE_WORDS and span[0] > 0:
        return True  # "..., on a turnout of 86%": a phrase of the clause before
    return bool(words) and (words[0].lower in DEPENDENT_OPENERS or words[0].lower.endswith("ing"))


def _carries_back(text: str, span: tuple[int, int], rules: RuleSet) -> bool:
    pattern = phrase_pattern(rules.carry_back)
    opening = " ".join(text[span[0]:span[1]].split()[:5])
    return pattern is not None and pattern.search(opening) is not None


def _cues(text: str, span: tuple[int, int], tier: int, rules: RuleSet) -> list[Cue]:
    return [Cue(c.kind, c.start + span[0], c.end + span[0], c.text, tier, c.resolve, c.deadline, c.statement,
                 c.running) for c in clause_cues(text[span[0]:span[1]], Identity(rules))]


def _told_in_past(text: str, start: int) -> bool:
    before = text[max(0, start - 60):start]
    return any(word in _PAST_WORDS or is_participle(word) for word in re.findall(r"[a-z]+", before)) \
        and _FUTURE_MARK.search(before) is None
