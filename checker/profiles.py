"""One claim -> one row of the claims table the engine groups: its subject head, family, place and
modifiers, read from the claim's subject and the words around its figure.

A row says what quantity a figure counts, not which figures meet: 'employs 85,000 people' counts
employees, '42 people were arrested' arrests, 'healthcare added 61,000 jobs' healthcare jobs (a
part of the jobs total), '...while in London the typical price reached £534,000' London's price.
What the lexicon made of each wording is remembered, so reprinted sentences cost nothing twice.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from checker.lexicon import Lexicon, SubjectProfile, first_clause, plain_words, singular
from checker.models import Claim
from checker.holdings import HEDGING_ADVERBS, holding
from checker.owners import SUBSET_SET
from checker.places import CLAUSE_BREAK
from checker.ruleset import RuleSet
from checker.thresholds import threshold


@dataclass(frozen=True, slots=True)
class Row:
    """What grouping reads of one groupable claim (a value and a counted thing)."""

    id: str
    document: str
    head: str
    family: str
    place: str | None
    modifiers: frozenset[tuple[int, str]]
    identity: frozenset[tuple[int, str]]
    source_key: str | None
    order: int


Profiled = tuple[str, str | None, frozenset[tuple[int, str]], frozenset[tuple[int, str]]] | None
Memo = dict[tuple[object, ...], Profiled]


def claim_rows(claims: Sequence[Claim], lexicon: Lexicon, memo: Memo | None = None) -> list[Row]:
    """One row per groupable claim, in claim order; the rest stay ungrouped. `memo` keeps what the
    lexicon made of each wording: a reprinted sentence reads the same in every article."""
    memo = {} if memo is None else memo
    rows = []
    for order, claim in enumerate(claims):
        if claim.value is None and claim.low is None and claim.high is None:
            continue
        # everything _profile reads: the figure's kind, value and subject, and the sentence around it
        key = (claim.kind, claim.dimension, claim.subject, claim.unit, claim.subject_key, claim.value,
               claim.sentence, claim.start - claim.sentence_start, claim.end - claim.sentence_start)
        if key not in memo:
            profile = _profile(claim, lexicon)
            if profile is None:
                memo[key] = None
            else:
                identity = frozenset(m for m in profile.modifiers if m[0] in lexicon.identity_sets)
                memo[key] = (profile.head, profile.place, profile.modifiers - identity, identity)
        found = memo[key]
        if found is not None:
            head, place, modifiers, identity = found
            rows.append(Row(claim.id, claim.document, head, _family(claim), place, modifiers, identity,
                            claim.source_key, order))
    return rows


# One Lexicon per rule set, shared by successive stories (a store is checked one slice at a time), with a
# memo of claim wordings: both then serve every slice. Renewed after RENEW_AFTER claims, so the caches
# (and the sentences the memo keeps alive) stay bounded.
RENEW_AFTER = 50_000
_shared: list[tuple[RuleSet, Lexicon, Memo, int]] = []


def shared_lexicon(rules: RuleSet, claims: int) -> tuple[Lexicon, Memo]:
    if _shared and _shared[0][0] is rules and _shared[0][3] < RENEW_AFTER:
        _, lexicon, memo, used = _shared[0]
        _shared[0] = (rules, lexicon, memo, used + claims)
        return lexicon, memo
    lexicon, memo = Lexicon(rules), {}
    _shared[:] = [(rules, lexicon, memo, claims)]
    return lexicon, memo


def _profile(claim: Claim, lexicon: Lexicon) -> SubjectProfile | None:
    profile = _profile_of(claim, lexicon)
    if profile is None or not claim.sentence:
        return profile
    before = _before(claim)
    owned = lexicon.segment(before)  # "Revenue at the passenger airline": the airline's, not the group's
    if owned and not {index for index, _ in owned} & {index for index, _ in profile.modifiers}:
        profile = SubjectProfile(profile.head, profile.place, profile.modifiers | owned)
    if profile.place is not None:
        return profile
    place, _ = lexicon.place_before(before)  # "and in Kursk the 2,000 soldiers ..."
    if place is None:  # "its centre in Vendholm ..., putting all 310 jobs there at risk"
        at = claim.end - claim.sentence_start
        place = lexicon.place_there(claim.sentence[:claim.start - claim.sentence_start], claim.sentence[at:at + 80])
    return SubjectProfile(profile.head, place, profile.modifiers) if place else profile


def contrasted_places(claims: Sequence[Claim], lexicon: Lexicon) -> frozenset[str]:
    """Places a sentence sets against the rest ('while in London the typical price reached
    £534,000'): a part of the story's whole, which no unplaced figure joins."""
    out = set()
    for claim in claims:
        if claim.sentence and any(word in claim.sentence for word in (" while ", " whereas ", " but ")):
            place, contrast = lexicon.place_before(_before(claim))
            if place and contrast:
                out.add(place)
    return frozenset(out)


def _profile_of(claim: Claim, lexicon: Lexicon) -> SubjectProfile | None:
    at = claim.end - claim.sentence_start
    after = claim.sentence[at:at + 1000] if claim.sentence else ""  # readers take the first clause only
    after = _DASH_ASIDE.sub(r"\1 ", after, count=1)  # "Three people - three names - died": people who died
    if claim.kind == "percent":
        return _percent_profile(claim, lexicon, after)
    if claim.kind in ("measure", "money") or claim.dimension:
        # a physical unit or a currency names no subject: '1,300 square kilometres' or '€4 million'
        # alone groups with nothing ('budgeted €310 million' and 'received €4 million' are two sums)
        profile = lexicon.profile(claim.subject, None, after)
        if profile is not None and _INCREMENT_BEFORE.search(_before(claim, 40)):  # "burned another 1,400 hectares"
            return SubjectProfile(profile.head, profile.place, profile.modifiers | lexicon.change(_before(claim, 40)))
        return profile
    if _is_back_reference(claim):
        return None
    if claim.subject_key and not claim.subject:
        profile = lexicon.profile(claim.subject_key, None, after)
    else:
        profile = lexicon.profile(claim.subject, claim.unit, after)
    if profile is not None and claim.kind == "number":  # "won 132 of parliament's 301 seats"
        before = _before(claim)
        owned = frozenset(m for m in lexicon.owner(before) if m[1] != profile.head)
        increment = _INCREMENT_BEFORE.search(before) is not None  # "4,180 destroyed and a further 11,600 damaged"
        return SubjectProfile(profile.head, profile.place,
                              profile.modifiers | owned | _subset(before, after, profile.head, lexicon)
                              | threshold(before, after) | (lexicon.change(before) if increment else frozenset()))
    if profile is None or claim.kind != "count":
        return profile
    before = _before(claim)
    base_of = _BASE_OF.search(before)
    if base_of:  # "The Social Democrats took 98 seats, down from 110": the base counts for the same owner
        head_clause = before[:base_of.start()]
        before_figure = _LAST_FIGURE.split(head_clause)[0] if _LAST_FIGURE.search(head_clause) else ""
        profile = SubjectProfile(profile.head, profile.place, profile.modifiers | lexicon.owner(before_figure))
    if profile.place is None and lexicon.is_local(f"{before} {first_clause(after)}"):
        profile = SubjectProfile(profile.head, lexicon.local_place, profile.modifiers)
    for held in (lexicon.holder(before), lexicon.change(before), lexicon.owner(before)):  # 'healthcare added 61,000
        held = frozenset(m for m in held if m[1] != profile.head)  # "and Lukov 2,023,000" counts Lukov already
        if held and not {index for index, _ in held} & {index for index, _ in profile.modifiers}:
            profile = SubjectProfile(profile.head, profile.place, profile.modifiers | held)
    profile = SubjectProfile(profile.head, profile.place, profile.modifiers | _subset(before, after, profile.head, lexicon)
                             | _opening_part(before, lexicon) | holding(before, lexicon) | threshold(before, after))
    counted = lexicon.counted_by(before)
    if counted is not None:  # 'employs 85,000 people': employees; 'the Dunmore plant, which employs 1,150': the plant's
        return SubjectProfile(counted, profile.place, profile.modifiers | lexicon.part_members(_last_words(before, 6)))
    return profile


# 'the death toll at 11, including two ...', '41 dead, among them 17 ...', '300 arrested, of whom 40 ...'
_INCLUSION = re.compile(r"(?:^|[,;(\u2014\u2013]|\s)\s*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them"
                        r"|of\s+which)$", re.IGNORECASE)

_INCLUSION_WORD = re.compile(r"includ|among|whom|them|which|account|make|made|represent", re.IGNORECASE)
# "the city accounts for 640 of this year's cases": a share of a total named after the figure
_SHARE_OF = re.compile(r"\b(?:accounts?|accounted|accounting)\s+for$|\b(?:makes?|made|making)\s+up$"
                       r"|\brepresent(?:s|ed|ing)?$", re.IGNORECASE)


_INCLUDED = frozenset({(SUBSET_SET, "included")})  # the one member of the subset modifier set


def _subset(before: str, after: str, head: str, lexicon: Lexicon) -> frozenset[tuple[int, str]]:
    """A figure the sentence includes in a total of its own head is a subset of that total, never the
    total: '... the death toll at 11, including two people who died in a house fire', 'the city
    accounts for 640 of this year's cases', '4,800 of the country's 6,100 state schools'."""
    if _OF_A_COUNTED_WHOLE.match(after):
        return _INCLUDED  # "4,800 of the country's 6,100 schools"
    rise = _RISE_BECAUSE.search(before, max(0, len(before) - 60))
    if rise and lexicon.head_of(before[:rise.start()]) == head:
        return _INCLUDED  # "the toll has risen to six after two injured workers died": the two are of the six
    if _INCLUSION_WORD.search(before, max(0, len(before) - 40)) is None:
        return frozenset()  # most figures: no inclusion word right before them
    text = _without_hedges(before, lexicon)
    if _SHARE_OF.search(text) and _OF_TOTAL_AFTER.match(after):
        return _INCLUDED
    marker = _INCLUSION.search(text)
    if marker is None or lexicon.head_of(text[:marker.start()]) != head:
        return frozenset()
    return _INCLUDED


_ANY_DIGIT = re.compile(r"\d")
_RISE_BECAUSE = re.compile(r"\b(?:rises?|rose|risen|climbs?|climbed|jumps?|jumped|increases?|increased|grows?|grew)"
                           r"\s+to\s+[\w,.]+\s+(?:as|after)\s+$", re.IGNORECASE)
# the figure is a part of a whole counted right after it: "4,800 of the country's 6,100 state schools"
_OF_A_COUNTED_WHOLE = re.compile(r"^\s*(?:[a-z]+\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:[\w.-]+['’]s?\s+)?"
                                 r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
                                 r"|forty|fifty|sixty|seventy|eighty|ninety)\b)")
_OF_TOTAL_AFTER = re.compile(r"^\s*(?:of|out\s+of)\s", re.IGNORECASE)


def _opening_part(before: str, lexicon: Lexicon) -> frozenset[tuple[int, str]]:
    """A part the sentence opens with holds its counts: 'The plant, the town's largest employer, has
    6,200 workers', 'Healthcare added 61,000 jobs'. Only the first three words are read: a part named
    later in a sentence is seldom its subject, nor is it of a figure after another one."""
    if not before or _ANY_DIGIT.search(before):  # '... employs 450 people, ..., which said 310 employees were working'
        return frozenset()
    # a capital after the first word is a name's: 'Brightwave Technologies' plan' names no technology sector
    # an increment word opening the sentence is a hedge or an adverb ("More than 300 people", "Further north"):
    # "four more farms" is read in the subject phrase itself
    opening = [word for word in before.split()[:3] if word.lower() not in _INCREMENT_WORDS]
    return lexicon.part_members(" ".join(opening[:1] + [word for word in opening[1:] if not word[:1].isupper()]))


# An aside between paired dashes right after the counted noun: "Three people - Megan Tolliver, Jordan Pryce and
# Sasha Ilic - died at the scene", "Two men \u2013 both in their 20s \u2013 were killed".
_DASH_ASIDE = re.compile(r"^(\s*[A-Za-z][\w'\u2019-]*(?:\s+[a-z][\w'\u2019-]*){0,2})(?:\s+[-\u2013\u2014]\s+[^-\u2013\u2014.]{1,120}?"
                         r"\s+[-\u2013\u2014]\s+"  # ... and a figure's restatement: "48,500 teachers, or 47% of staff, had"
                         r"|,\s+(?:or|about|around|roughly|nearly|almost)\s+[\d.,]+(?:%|\s*per\s*cent)?\s[^,;.]{1,80},\s+)")

_INCREMENT_WORDS = frozenset({"more", "further", "additional", "extra"})
_INCREMENT_BEFORE = re.compile(r"\b(?:a\s+further|another|an\s+additional)\s+$", re.I)

def _without_hedges(text: str, lexicon: Lexicon) -> str:
    """The words before a figure without the hedge right before it ('... accounts for about')."""
    words = text.rstrip().split()
    while words and (words[-1].lower() in lexicon.hedge_words or words[-1].lower() in HEDGING_ADVERBS):
        words.pop()
    return " ".join(words)


def _last_words(text: str, count: int) -> str:
    return " ".join(text.rsplit(None, count)[-count:])


# The base of a change, right before it: "..., down from", "up from", "compared with".
_BASE_OF = re.compile(r"\b(?:up|down|rising|falling|rose|fell|increase|decrease)\s+from\s*$|\bcompared\s+with\s*$",
                      re.IGNORECASE)
_LAST_FIGURE = re.compile(r"\d[\d,.]*(?!.*\d)")  # the last number before the base: the figure it is the base of


def _before(claim: Claim, reach: int = 200) -> str:
    """The sentence's last words before the figure. Every reader of it looks at a few words only
    ('rose by about', 'employs', 'the two'), so a long sentence is not copied once per figure."""
    if not claim.sentence:
        return ""
    end = max(0, claim.start - claim.sentence_start)
    if end <= reach:
        return claim.sentence[:end]
    tail = claim.sentence[end - reach:end]
    return tail.split(None, 1)[-1] if tail[:1].strip() else tail  # never start inside a word


def _percent_profile(claim: Claim, lexicon: Lexicon, after: str) -> SubjectProfile | None:
    """A percent's subject is usually its base ('68% of members'), not what it measures: '68% of
    members took part' and '91% of members voted' share a base and are different quantities. The
    first content word after the base ('took', 'voted', 'ran', 'cancelled') joins the head, so only
    shares of one base doing one thing meet; a share that names no base is not grouped. A wording
    listed under `share_measures` (rules/subjects.yaml) names the share whatever its base."""
    subject = claim.subject or ""
    measure = lexicon.share_measure(subject, first_clause(after))
    if measure is not None and not _is_change(claim, after):
        return SubjectProfile(measure, None, frozenset())  # 'took part' and 'turnout' are one share
    if not subject or lexicon.names_nothing(subject):
        return None
    profile = lexicon.profile(subject, None, after)
    if profile is None:
        return None
    base_words = {singular(w) for w in plain_words(subject)}
    clause = _PERCENT_WORD.sub(" ", first_clause(after))
    predicate = next((w for w in (singular(w) for w in plain_words(clause))
                      if w not in base_words and w not in _FUNCTION_WORDS and not w[0].isdigit()), "")
    numerator = _numerator(claim, lexicon, after)
    head = " ".join(w for w in (numerator, profile.head, predicate) if w)
    return SubjectProfile(head, profile.place, profile.modifiers)


# "Public debt will stand at 95% of GDP", "Borrowing will be 3.1% of GDP": a share of a base that a
# linking verb ties to the noun before it measures that noun. Debt, borrowing and defence spending as
# shares of GDP are three quantities, never one 'GDP' share.
_OF_BASE_AFTER = re.compile(r"^\s*(?:%|per\s*cent|percent)?\s*of\b", re.IGNORECASE)
_LINKING_TAIL = re.compile(
    r"(?:\s+(?:will|would|could|should|may|is|are|was|were|be|been|stand|stands|stood|standing|reach|reaches|reached"
    r"|hit|hits|rise|rises|rose|fall|falls|fell|climb|climbs|climbed|remain|remains|remained|amount|amounts|amounted"
    r"|equal|equals|equalled|equaled|expected|forecast|projected|set|likely|due|to|at|of))+\s*$", re.IGNORECASE)


def _numerator(claim: Claim, lexicon: Lexicon, after: str) -> str | None:
    if not _OF_BASE_AFTER.match(after):
        return None
    clause = " " + _without_hedges(CLAUSE_BREAK.split(_before(claim))[-1], lexicon)
    stem = _LINKING_TAIL.sub("", clause)
    if len(stem) == len(clause) or not stem.strip():
        return None  # no linking verb: 'Only about 45% of households have' names only its base
    return lexicon.head_of(" ".join(stem.split()[-3:]))


def _is_change(claim: Claim, after: str) -> bool:
    """'turnout fell by 5%', '5% higher': a change in the share, never the share itself."""
    return bool(_CHANGE_BEFORE.search(_before(claim)) or _CHANGE_AFTER.match(after))


_CHANGE_BEFORE = re.compile(r"\b(?:by|rose|fell|up|down|increased|decreased|dropped|climbed|grew|jumped|slipped)"
                            r"(?:\s+(?:about|around|nearly|almost|some|roughly))?\s*$", re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"^\s*(?:%|per\s*cent|percent)?\s*(?:points?\s+)?(?:higher|lower|up|down|more|less|fewer)\b",
                           re.IGNORECASE)
_PERCENT_WORD = re.compile(r"^\s*(?:%|per\s*cent|percent)", re.IGNORECASE)
# Words after a percentage that say nothing about what it measures: grammar, time, scale and comparison words
# ('prices were 3.4% higher in January' measures prices, as 'prices rose 4.2% in the year to February' does).
_FUNCTION_WORDS = frozenset("""of from to on in at by for with than against over under into onto up down its their
his her our this that these those them it they who whom which what had has have having been be being was were is
are will would could may might can do did does not also just only year years earlier month months quarter week
weeks day days ago last previous next coming end same period time billion million thousand trillion bn m per cent percent point
points higher lower more less fewer morning afternoon evening night""".split()) | {name.lower() for name in (*calendar.month_name[1:], *calendar.day_name)}

_DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|both|all|its|their|his|her)\s+"
                                r"(?:(?:last|first|remaining|final|other)\s+)?$", re.IGNORECASE)  # "the last five survivors"


def _is_back_reference(claim: Claim) -> bool:
    """'the two nations', 'the three men': a small number after a determiner points back at things
    already named; it restates, it does not claim a count, and comparing it would only mislead."""
    if claim.value is None or claim.value >= 10 or not claim.sentence:
        return False
    return bool(_DETERMINER_BEFORE.search(_before(claim)))


def _family(claim: Claim) -> str:
    if claim.kind == "percent":
        # "fell by 1.1 percentage points to 21.6%": a change in points is never the share itself
        return "percentage points" if "point" in (claim.unit or "") else "percent"
    if claim.kind == "number" and claim.value is not None and 0 < abs(claim.value) < 1:
        return "fraction"  # "about 1 in 5 entries", "a third": a share of the entries, never a count of them
    if claim.kind == "money":
        return f"money:{(claim.unit or '').lower()}"
    if claim.dimension:
        return f"measure:{claim.dimension}"
    rate = _PER.search(claim.unit or "")
    # '5,000 people a day' is a rate, never a total of the people: each 'per' is a family of its own
    return f"count per {rate.group(1).lower()}" if rate else "count"


def bare_units_join(rows: list[Row], claims: dict[str, Claim], measure_words: frozenset[str]) -> list[Row]:
    """A count written in a measure word alone ("250,000 doses") counts what the story's one "<word>
    of <thing>" counts ("500,000 doses of oral vaccine"); with two such things (doses of two vaccines)
    it stays apart."""
    things: dict[str, set[str]] = {}  # measure word -> heads of the "<word> of <thing>" counts
    bare: list[str | None] = []
    for row in rows:
        claim = claims[row.id]
        subject = (claim.subject or "").lower()
        counted = claim.kind in ("count", "number")  # money, shares and measures are never "doses"
        leading = _WORD_OF.match(subject) if counted else None
        if leading and singular(leading.group(1)) in measure_words:
            things.setdefault(singular(leading.group(1)), set()).add(row.head)
        word = singular(subject) if counted else None
        bare.append(word if word in measure_words else None)
    single = {word: next(iter(heads)) for word, heads in things.items() if len(heads) == 1}
    return [replace(row, head=single[word]) if word in single else row for row, word in zip(rows, bare)]


_WORD_OF = re.compile(r"(\w+) of \w")
_PER = re.compile(r"\bper\s+(\w+)", re.I)
