"""The time words of one clause, each with how it resolves against the publication date: dates
("on Tuesday", "since March 2", "in the week to July 13"), statement dates ("said on Tuesday",
"figures released on Wednesday"), deadlines ("by December"), spans from an unwritten day ("since the
fighting began"), and the rules' words for now, the future and the past. Which of them governs a
figure is decided in checker/extract/horizon.py; the date patterns and resolvers are in
checker/extract/dates.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from checker.extract.clauses import SAYING_EVENTS, phrase_pattern
from checker.extract.dates import (
    DAY_DATE,
    DATE_RANGE,
    EVENT_YEAR,
    NAMED_EVENT_YEAR,
    YEAR_BEFORE_NOUN,
    MONTH_DATE,
    RELATIVE,
    SPAN_ENDING,
    WEEKDAY,
    YEAR,
    Resolver,
    day_resolver,
    month_resolver,
    range_resolver,
    no_dates,
    relative_resolver,
    span_ending,
    until_publication,
    weekday_resolver,
    year_resolver,
)
from checker.extract.memo import by_text
from checker.identity import Identity
from checker.ruleset import RuleSet

SPAN_OPENER = re.compile(r"(?:in|over|during|within|by|until|since|for|through)\b", re.I)
MAY_CONTEXT = re.compile(r"\b(?:in|by|since|until|early|mid|late|of|from|last|next|this|end of)[\s-]+$", re.I)
# A pluperfect before a plan or forecast word looks back at an expectation: "had expected", "had been forecast".
RETROSPECTIVE = re.compile(r"\bhad\s+(?:been\s+)?$", re.I)
# "may have been copied", "could have died": a modal before a perfect guesses at the past, it plans nothing
PAST_MODAL_AFTER = re.compile(r"\s+(?:not\s+|already\s+|well\s+|also\s+)?have\s+[a-z]+(?:ed|en|t|n)\b", re.I)
# "since it broke out on Saturday": a since-clause dates the start of a span that runs to publication;
# a longer one when it ends on the verb of an event starting ("since fighting in the border province
# began on 2 March").
FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
SINCE_CLAUSE = re.compile(r"\bsince\s+(?:(?:[\w'’-]+\s+){1,5}|(?:[\w'’-]+\s+){2,9}(?:began|started|erupted|broke\s+out"
                          r"|flared|resumed|opened|struck|hit|took\s+office|came\s+to\s+power)\s+)(?:(?:on|in|at)\s+)?$",
                          re.I)
# "since the fighting began", "since the outbreak started": from a day the sentence does not give.
SINCE_EVENT = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,6}?(?:began|started|erupted|broke\s+out|flared\s+up|resumed)\b",
                         re.I)
# A preposition before "Monday's ..." makes the day part of a modifier ("the toll from Monday's quake").
MODIFIER_BEFORE = re.compile(r"\b(?:from|of|in|after|since|during|following|by|over)\s+(?:the\s+)?$", re.I)
# "an explosion on Tuesday killed six people": the day of the event, not of its toll, which grows as the injured die
EVENT_ON_BEFORE = re.compile(r"\b[a-z]{3,}\s+(?:on\s+)?$")  # the day's match may hold its 'on'
TOLL_AFTER = re.compile(r"\s+(?:killed|injured|wounded|claimed|left)\b", re.I)
PART_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)\b", re.I)
# A clock time right before the day: "its bulletin, issued at 6pm on Tuesday" is Tuesday evening's.
# So is a briefing's: "At its 18:00 briefing on Wednesday, the directorate said" is Wednesday evening's.
CLOCK_BEFORE = re.compile(r"\bat\s+(?:(?:its|the|their|a|an)\s+)?(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?|\d{1,2}[:.]\d\d)\s+"
                          r"(?:(?:daily\s+|news\s+|press\s+)?(?:briefing|update|conference|meeting|bulletin)\s+)?(?:on\s+)?$",
                          re.I)
# "In a statement on Monday, the company said", "according to the fire service's update on Thursday evening":
# the day of the saying, as after a reporting verb
IN_A_STATEMENT = re.compile(r"\b(?:in|at|according\s+to)\s+(?:a|an|its|their|the|his|her)\s+(?:[\w.'’-]+\s+){0,3}?"
                            rf"(?:{'|'.join(sorted(SAYING_EVENTS))})\s+(?:(?:issued|released|published|given)\s+)?"
                            r"(?:(?:late|early)\s+)?(?:on\s+)?$", re.I)
# "promised on Thursday to send 400 guards": the day of the promise is the plan's, not a statement's
INFINITIVE_NEXT = re.compile(r"\s+to\s+[a-z]+\b")
# A short clause opening with one of these says when the figure was given ("given on Tuesday"); right
# before a date they date a statement without naming a speaker ("figures released on Wednesday").
STATEMENT_PARTICIPLES = frozenset({"given", "published", "released", "issued", "announced", "presented", "updated"})
# A relative clause about an event that is over: "a ballot in which 91% of members voted".
EARLIER_EVENT = re.compile(r"\b((?:in|at|during) which)\b[^,;]*?\b(?:[a-z]{3,}ed|was|were|took|held|gave|won|lost)\b")


@dataclass(frozen=True)
class Cue:
    """A time word in the sentence; `tier` is how far its clause is from the figure's (0 = same)."""

    kind: Literal["current", "eventual", "past", "date", "open"]
    start: int
    end: int
    text: str
    tier: int
    resolve: Resolver = no_dates
    deadline: bool = False
    statement: bool = False  # "said on Tuesday": when the figure was stated, the latest time it is known to hold
    running: bool = False  # "since March 2": a span that runs up to when the figure is given


@by_text(maxsize=256)
def clause_cues(clause: str, identity: Identity[RuleSet]) -> tuple[Cue, ...]:
    """Time cues of one clause, offsets within it; every figure of a sentence asks for the same clauses."""
    tier = 0
    found = _date_cues(clause, identity)
    for since in SINCE_EVENT.finditer(clause):
        if not any(c.start < since.end() and since.start() < c.end for c in found):
            found.append(Cue("open", since.start(), since.end(), since.group(), tier))
    event = EARLIER_EVENT.search(clause)
    if event:  # "follows a ballot in which 91% voted": an event already over, date unwritten
        found.append(Cue("past", event.start(), event.start() + len("in which"), event.group(1), tier))
    for kind, pattern in _kind_patterns(identity):
        for match in pattern.finditer(clause) if pattern else ():
            capitalised = match.group()[0].isupper() and clause[:match.start()].strip(" \"“'‘")
            if not capitalised and not any(c.start < match.end() and match.start() < c.end for c in found):
                if kind == "eventual" and match.group().lower() in ("may", "might", "could") \
                        and PAST_MODAL_AFTER.match(clause, match.end()):
                    continue  # "may have been copied", "could have died": a guess about the past, no future
                if kind == "eventual" and RETROSPECTIVE.search(clause[:match.start()]):
                    kind_here = "past"  # "analysts had expected March inflation of 3.3%": a forecast already overtaken
                else:
                    kind_here = kind
                found.append(Cue(kind_here, match.start(), match.end(), match.group(), tier))
    return tuple(found)


_DIGIT = re.compile(r"\d")
# Every match of RELATIVE holds one of these (lower-cased): "yesterday" and "today" hold "day", "tonight" "night".
_RELATIVE_WORDS = ("day", "night", "morning", "afternoon", "evening", "hour", "week", "month", "year", "quarter",
                   "half", "tomorrow")


@lru_cache(maxsize=8)
def _kind_patterns(identity: Identity[RuleSet]) -> tuple[tuple[str, re.Pattern[str] | None], ...]:
    """The rules' words for now, the future and the past, compiled once per rule set, not per clause."""
    rules = identity.value
    return tuple((kind, phrase_pattern(words)) for kind, words in
                 (("current", rules.current), ("eventual", rules.eventual), ("past", rules.past)))


@lru_cache(maxsize=8)
def _lead_patterns(identity: Identity[RuleSet]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """'said (on)' and 'by (the)' right before a date; compiled once per rule set, not per clause."""
    verbs, deadline = identity.value.verbs, identity.value.deadline
    verb_words = phrase_pattern([v for v in verbs if " " not in v] + sorted(STATEMENT_PARTICIPLES))
    reported = re.compile(rf"(?:{verb_words.pattern})\s+(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?$", re.I) \
        if verb_words else None
    deadline_words = phrase_pattern(deadline)
    lead = re.compile(rf"(?:{deadline_words.pattern})\s+(?:the\s+)?$", re.I) if deadline_words else None
    return reported, lead


def _date_cues(clause: str, identity: Identity[RuleSet]) -> list[Cue]:
    found: list[Cue] = []
    reported, deadline_lead = _lead_patterns(identity)

    def add(match: re.Match[str], resolve: Resolver, group: int | str = 0) -> None:
        if any(c.start < match.end() and match.start() < c.end for c in found):
            return
        before = clause[:match.start(group)]
        possessive = clause.startswith(("'s", "’s"), match.end())
        if possessive and MODIFIER_BEFORE.search(before):
            return  # "the toll from Monday's quake": the day of the event, not of the toll
        if EVENT_ON_BEFORE.search(before) and TOLL_AFTER.match(clause, match.end()) \
                and (before.endswith("on ") or match.group(group).lower().startswith("on ")):
            return  # "an explosion on Tuesday killed six": the toll is counted since, up to when it was given
        # "said on Thursday" dates the statement, not the figure ("recorded in the past day" does; so
        # does "put Saturday's crowd at")
        statement = (reported is not None and reported.search(before) is not None or IN_A_STATEMENT.search(before)) \
            and not SPAN_OPENER.match(match.group(group)) and not possessive \
            and not (INFINITIVE_NEXT.match(clause, match.end()) and match.group(group).lower().startswith("on "))
        lead = deadline_lead.search(before) if deadline_lead else None
        if match.group(group).lower().endswith(("ago", "earlier")) and FROM_BEFORE.search(before):
            return  # "doubled in August from a year earlier to 18,400": the base of a change, not a time of the figure
        # the since-clause ends the text before the date: no need to try it from every earlier word
        since = re.search(r"\b(?:since|from)\s+$", before, re.I) or SINCE_CLAUSE.search(before, max(0, len(before) - 160))
        ending = SPAN_ENDING.search(before) if not since and not lead else None
        forward = bool(since) and since.group().lower().lstrip().startswith("from")  # type: ignore[union-attr]
        if since and not lead:
            resolve, lead_start = until_publication(resolve, forward), since.start()
        elif ending:
            resolve, lead_start = span_ending(resolve, ending), ending.start()
        else:
            lead_start = lead.start() if lead else match.start()
        end = match.end()
        part = None if statement else PART_OF_DAY.match(clause, end)
        if part:  # "rose to nine on Tuesday afternoon": later than a figure of that morning; a statement's hour is not
            end = part.end()
        clock = None if statement or lead or since or ending else CLOCK_BEFORE.search(before)
        if clock:  # "issued at 6pm on Tuesday": the hour goes into the horizon's words
            lead_start = clock.start()
        found.append(Cue("date", lead_start, end, clause[lead_start:end], 0, resolve, lead is not None,
                          statement, running=bool(since) and not lead and not forward))

    # Cheap tests for what each pattern cannot match without; most clauses hold no time at all.
    has_digit = _DIGIT.search(clause) is not None
    lowered = clause.lower()
    for match in DATE_RANGE.finditer(clause) if "between" in lowered or "from" in lowered or "-" in clause \
            or "\u2013" in clause else ():
        add(match, range_resolver(match))
    for match in DAY_DATE.finditer(clause) if has_digit else ():
        add(match, day_resolver(match.group()))
    for match in RELATIVE.finditer(clause) if any(word in lowered for word in _RELATIVE_WORDS) else ():
        add(match, relative_resolver(match))
    for match in WEEKDAY.finditer(clause) if "day" in clause else ():
        add(match, weekday_resolver(match.group("day"), (match.group("which") or "").lower()))
    for match in MONTH_DATE.finditer(clause):
        if match.group("month").startswith("May") and not match.group("year") and not match.group("part") \
                and not MAY_CONTEXT.search(clause[:match.start()]):
            continue
        add(match, month_resolver(match))
    for match in YEAR.finditer(clause) if has_digit else ():
        add(match, year_resolver(int(match.group("year"))), "year")
    for match in EVENT_YEAR.finditer(clause) if has_digit else ():
        add(match, year_resolver(int(match.group("year"))), "year")
    for match in NAMED_EVENT_YEAR.finditer(clause) if has_digit and "-" in clause else ():
        add(match, year_resolver(int(match.group("year"))), "year")
    for match in YEAR_BEFORE_NOUN.finditer(clause) if has_digit else ():
        add(match, year_resolver(int(match.group("year"))), "year")
    return found
