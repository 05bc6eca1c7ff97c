"""What a figure counts or measures: "at least 3,000 North Korean troops" -> "North Korean troops".

Counts take the noun phrase after the number ("500 officers", "over 20 heads of state") and keep
the outcome that splits casualty-style counts ("the storm killed 12 people" -> "people killed",
"200 injured" -> "people injured"). Outcome words are the ones the subject lexicon
(rules/subjects.yaml) lists as participles or with "people", so the lexicon and this finder agree.
Measures, money and percentages name the thing measured ("$4.5 billion in revenue" -> "revenue",
"unemployment rose to 4.1%" -> "unemployment rate", "1,300 km² of territory" -> "territory"),
falling back to the noun the verb is about ("temperatures will reach 38C", "the death toll from
Monday's quake rose to 23", "lows are forecast to stay around 24C") and finally to the unit's
quantity ("area"). A bracketed conversion, a comparison base and a change are read at their
partner figure (checker/extract/comparison.py). A person's age ("Luka Ferr, 46,", "a 71-year-old")
is no quantity of the story: its subject is None, so it groups with nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.extract.ages import is_persons_age
from checker.extract.clauses import (
    AUXILIARIES,
    CALENDAR_NAMES,
    DETERMINERS,
    IRREGULAR_PAST,
    TIME_NOUNS,
    Token,
    tokenize,
)
from checker.extract.comparison import (
    after_brackets,
    amount_end,
    changed,
    compared_with,
    conversion_anchor,
    kind_of,
)
from checker.extract.fact_lines import fact_line
from checker.extract.noun_phrases import (
    MAX_PHRASE,
    bare_noun,
    is_participle,
    looks_plural,
    noun_before,
    phrase_after,
    verb_follows,
)
from checker.extract.nouns import OF_A_COUNTED_WHOLE
from checker.extract.subject_cues import (
    CAPACITY_BEFORE,
    capacity_of,
    COMPARATIVE_AFTER,
    CASE_NOUNS,
    CASE_STATUS_AFTER,
    COST_VERB_BEFORE,
    FURTHER_BEFORE,
    PER_CURRENCY_AFTER,
    DETERMINED_MEASURE,
    EXCESS_AFTER,
    SALE_FOR,
    SCALE_WORDS,
    STRENGTH_BEFORE,
    SUPPLIES,
)
from checker.extract.types import Figure, Sentence
from checker.identity import Identity
from checker.ruleset import RuleSet

NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?"
    r"|thousands?|millions?|billions?|trillions?|dozens?|half|a"
)
NUMERIC = re.compile(rf"[$€£¥]?\d[\d,.]*(?:\s*(?:%|percent|per cent|[mkb]n?|bn)\b)?|\b(?:{NUMBER_WORDS})\b", re.I)
QUANTITY_OF = {  # pint dimensionality -> the quantity a bare unit measures
    "[length] ** 2": "area",
    "[length]": "distance",
    "[length] ** 3": "volume",
    "[mass]": "weight",
    "[temperature]": "temperature",
    "[time]": "duration",
    "[length] / [time]": "speed",
    "[currency]": "amount",
}
# A length's adjective names what it measures: "0.8 metres wide" is a width, "640 metres (2,100 feet)
# underground" a depth; a story's lengths are seldom one quantity.
LENGTH_ADJECTIVE = re.compile(r"(?:\s*\([^()]{1,40}\))?\s+(wide|broad|long|deep|underground|below ground|high|tall|thick"
                              r"|in diameter|in length|in width)\b", re.I)
LENGTH_MEASURED = {"wide": "width", "broad": "width", "in width": "width", "long": "length", "in length": "length",
                   "deep": "depth", "underground": "depth", "below ground": "depth", "high": "height",
                   "tall": "height", "thick": "thickness", "in diameter": "diameter"}
TIME_MODIFIERS = frozenset({"late", "early", "mid", "earlier", "later", "fiscal", "financial"})  # "in fiscal 2026"
# --- counts ----------------------------------------------------------------------------------
INFINITIVE_AFTER = re.compile(r"\s+to\s+[a-z]+\b(?!\s+\d)")
# Words between a number and its outcome: "40 more were missing", "12 others were hurt".
MOVE_PREPOSITIONS = frozenset({"into", "across"})
REPORTED_RELATIVE_WORDS = 4  # a speaker inside the count: "the 68,000 people UNHCR says have crossed"
ROLE_GAP = frozenset({"more", "others", "other", "additional", "further", "people", "have", "been"})
SPAN_BEFORE = re.compile(
    r"\b(?:in|within|over|for|during|after|the past|the last)\s+(?:about|nearly|almost)?\s*$", re.I
)
# "2,100 of their jobs": a count of things belonging to someone named earlier, maybe with a place.
OWNED = re.compile(r"\s+of\s+(?:their|its)\s+", re.I)
OWNER_PLACE = re.compile(r"\bin\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
# What comes between a figure and its counted noun: "of the" (4,800 of the schools), "-strong" (a 12,000-strong workforce)
OF_LEAD = re.compile(r"^(?:of\s+(?:(?:the|its|their|his|her|our|these|those)\s+)?|strong\s+)", re.I)
# Nouns that stand for a figure named earlier ("their numbers", "the figure").
GENERIC_NOUNS = frozenset({"number", "numbers", "figure", "figures", "total", "totals", "tally", "count", "amount"})
RATE_SUFFIXES = ("ment", "tion", "sion", "ity", "cy")
# A negated move past a figure makes it a bound of the quantity: "did not fall below 26C".
BOUND_BEFORE = re.compile(r"\b(?:not|never)\s+(?:fall|fallen|drop|dropped|dip|dipped|go|gone|rise|risen|climb|climbed"
                          r"|get|got)\s+(below|under|above|over)\s*$", re.I)
LEVEL_WORDS = frozenset({"to", "at", "of", "was", "is", "stood", "reached", "hit"})
DEFAULT_COUNTED = "people"


def find_subject(figure: Figure, sentence: Sentence, rules: RuleSet, depth: int = 0) -> str | None:
    """The noun phrase the figure counts or measures, as written (with its modifiers and outcome)."""
    text = sentence.text
    start, end = figure.start - sentence.start, figure.end - sentence.start
    if is_persons_age(figure.text, figure.kind, text, start, end):
        return None  # a person's age describes that person, never a quantity of the story: it groups with nothing
    anchor = conversion_anchor(text, start)  # "(500 square miles)" measures what "1,300 km²" does
    if anchor != start:
        closing = text.find(")", end)
        end = closing + 1 if closing >= 0 else end  # "25mm (1 inch) of rain": read on after the bracket
    start = anchor
    if PER_CURRENCY_AFTER.match(text, max(end, figure.unit_span[1] - sentence.start if figure.unit_span else end)):
        return "exchange rate"
    core_end = _numeric_end(text, start, end)
    tokens = tokenize(text)
    lead = figure.qualifier_span[0] - sentence.start if figure.qualifier_span else start
    fact = fact_line(text) if ":" in text else None
    if fact is not None and min(lead, start) == fact.figure_start:  # "People displaced: about 18,000"
        return fact.label
    earlier = compared_with(text, tokens, min(lead, start), figure.kind) or changed(figure, text, tokens, start, end)
    if earlier is not None and depth == 0:  # "up from 61%", "up 6% from a year earlier": the quantity named before
        anchor_end = amount_end(text, earlier)
        anchor = figure.model_copy(update={"start": sentence.start + earlier.start, "end": sentence.start + anchor_end,
                                           "unit_span": None, "qualifier_span": None, "kind": kind_of(earlier)})
        return find_subject(anchor, sentence, rules, depth + 1)
    if figure.kind in ("measure", "money", "percent"):
        after = max(end, _unit_end(figure, sentence, end))
        after = after_brackets(text, after)
        return _measured(figure, text, tokens, start, after, rules)
    return _counted(figure, sentence, text, tokens, min(lead, start), core_end, rules)


def _counted(figure: Figure, sentence: Sentence, text: str, tokens: list[Token], start: int, core_end: int,
             rules: RuleSet) -> str | None:
    capacity = CAPACITY_BEFORE.search(text, max(0, start - 40), start)
    if capacity:  # "a camp built for 20,000 people" holds no one yet: its size, not a count of people
        return capacity_of(text, capacity.start())
    strength = STRENGTH_BEFORE.search(text, max(0, start - 40), start)
    if strength:  # "Morvane's army of roughly 72,000 soldiers": the whole army, never the troops it sent
        return f"size of {strength.group(1).lower()}"
    roles = _role_words(rules)
    whole = OF_A_COUNTED_WHOLE.match(text, core_end)
    # "4,800 of the country's 6,100 state schools": what the whole after 'of' counts
    words, verb = phrase_after(tokens, whole.end() if whole else core_end)
    if figure.unit_span and figure.unit_span[1] - sentence.start > core_end:
        written = OF_LEAD.sub("", text[core_end:figure.unit_span[1] - sentence.start].strip(" -"))
        if written and len(written.split()) <= MAX_PHRASE and not re.search(r"[,;()]", written) \
                and not " ".join(words).startswith(f"{written} "):  # "seven police officers", not "police"
            words = written.split()
    role = _role(tokens, start, core_end, words, verb, roles, _verbs(rules))
    if not words and role:  # "200 injured": people, unless a noun came before ("41 people killed and 200 injured")
        words = _earlier_counted_noun(tokens, start) or [DEFAULT_COUNTED]
    if not words and (verb or verb_follows(tokens, core_end) or INFINITIVE_AFTER.match(text, core_end)):
        # "50,000 marched", "250,000 took to the streets", "forced 20,000 to flee"; but "38 cases had been
        # confirmed and a further 57 were suspected": a further 57 cases
        further = FURTHER_BEFORE.search(text, max(0, start - 25), start) is not None
        words = (_earlier_counted_noun(tokens, start) if further else None) or [DEFAULT_COUNTED]
    if not words:
        words = _named_before_colon(text, tokens, start, rules) or noun_before(text, tokens, start, _verbs(rules))
    if len(words) == 1 and words[0].lower() in GENERIC_NOUNS:  # "their numbers could rise to 10,000"
        words = _earlier_counted_noun(tokens, start) or words
    if len(words) == 1 and words[0].lower() in ("others", "more"):  # "12 others were hurt"
        words = _earlier_counted_noun(tokens, start) or [DEFAULT_COUNTED]
    if not words:  # a unit names the thing counted; a bare rate ("nearly 600 a day", unit 'per day') does not
        return None if (figure.unit or "").startswith("per ") else figure.unit
    phrase = " ".join(words)
    status = CASE_STATUS_AFTER.match(text, core_end)
    if status and words[-1].lower() in CASE_NOUNS and status.group(1).lower() not in phrase.lower():
        # "38 cases had been confirmed": confirmed cases (not "23 people were confirmed dead")
        phrase = f"{status.group(1).lower()} {phrase}"
    place = _owners_place(text, core_end, start)
    if place and not any(w[0].isupper() for w in words):
        phrase = f"{phrase} in {place}"
    return f"{phrase} {role}" if role and role not in words else phrase


def _owners_place(text: str, core_end: int, start: int) -> str | None:
    """"Workers at the plant in Halden learned that 2,100 of their jobs will go": their jobs are in Halden."""
    if not OWNED.match(text, core_end):
        return None
    places = [m.group(1) for m in OWNER_PLACE.finditer(text, 0, start) if m.group(1) not in CALENDAR_NAMES]
    return places[-1] if places else None


def _measured(figure: Figure, text: str, tokens: list[Token], start: int, after: int,
              rules: RuleSet) -> str | None:
    if figure.kind == "money" and SALE_FOR.search(text, max(0, start - 120), start):
        return "sale price"
    if figure.dimension and EXCESS_AFTER.match(text, after):  # "50 km/h too fast": by how much, not how fast
        return "excess speed" if "[time]" in figure.dimension else "difference"
    if figure.dimension == "[time]" and SPAN_BEFORE.search(text[:start]):
        return QUANTITY_OF["[time]"]  # "200 mm of rain fell in 24 hours": a time span, not a measured thing
    following = [t for t in tokens if t.start >= after]
    if figure.kind != "measure" and COMPARATIVE_AFTER.match(text, after):
        before = noun_before(text, tokens, start, _verbs(rules), linking_only=True)
        return " ".join(before) if before else None
    if following and following[0].lower == "off" and len(following) > 2 and following[1].lower in DETERMINERS \
            and bare_noun(following[2]):  # "wiping $380 billion off its market value": what the sum comes off
        words, _ = phrase_after(tokens, following[2].start)
        if words and words[0].lower() not in TIME_NOUNS:
            return " ".join(words)
    if following and following[0].lower in ("of", "in") and len(following) > 1:
        # "of territory", "in revenue"; not "in August", "in the quarter", "in late 2023"
        if bare_noun(following[1]) and following[1].lower not in TIME_MODIFIERS:
            words, _ = phrase_after(tokens, following[1].start)
            if not words and len(following) > 2 and bare_noun(following[2]) \
                    and (is_participle(following[1].lower) or following[1].lower in IRREGULAR_PAST):
                words = [following[1].text, *phrase_after(tokens, following[2].start)[0]]  # "in lost revenue"
            if words and words[0].lower() not in TIME_NOUNS:
                return " ".join(words)
    if figure.kind == "money" and COST_VERB_BEFORE.search(text, max(0, start - 40), start):
        return "cost"  # "the tunnel is likely to cost £2.9bn": what it costs, as "the final cost of the tunnel"
    words, _ = phrase_after(tokens, after)
    adjectival = "-" in figure.text or (following and following[0].start == after) \
        or DETERMINED_MEASURE.search(text, max(0, start - 30), start) is not None
    if words and words[0].lower() not in TIME_NOUNS and (adjectival or figure.kind != "measure"):
        return " ".join(words)
    before = noun_before(text, tokens, start, _verbs(rules), linking_only=True) or _across_comma(text, tokens, start, rules)
    if before:
        phrase = " ".join(before)
        bound = BOUND_BEFORE.search(text[:start])
        if bound:  # "the temperature did not fall below 26C" is the night's minimum
            return f"{'minimum' if bound.group(1).lower() == 'below' else 'maximum'} {phrase}"
        if figure.kind == "percent" and _is_level(tokens, start) and len(before) == 1 \
                and phrase.lower().endswith(RATE_SUFFIXES):
            return f"{phrase} rate"
        return phrase
    named = _named_before_colon(text, tokens, start, rules)
    if named:
        return " ".join(named)
    if figure.kind == "money":
        return "amount"
    if figure.kind == "percent":
        return "share"
    adjective = LENGTH_ADJECTIVE.match(text, after) if figure.dimension == "[length]" else None
    if adjective:
        return LENGTH_MEASURED[" ".join(adjective.group(1).lower().split())]
    return QUANTITY_OF.get(figure.dimension or "", figure.unit)


# "borrowing was coming down, to £87 billion": the figure's clause is only the preposition
_LEVEL_AFTER_COMMA = re.compile(r",\s*(?:to|at)\s+$", re.IGNORECASE)


def _across_comma(text: str, tokens: list[Token], start: int, rules: RuleSet) -> list[str]:
    lead = _LEVEL_AFTER_COMMA.search(text, max(0, start - 12), start)
    return noun_before(text, tokens, lead.start(), _verbs(rules), linking_only=True) if lead else []


def _named_before_colon(text: str, tokens: list[Token], start: int, rules: RuleSet) -> list[str]:
    """What the lead-in to a colon just before the figure counts: "an estimate of the damage: €1.2bn"."""
    colon = text.rfind(":", 0, start)
    if colon < 0 or text[colon + 1:start].strip(" \"“'‘"):
        return []
    nouns = {noun.lower() for noun in rules.source_nouns}  # "estimate", "count", "tally" (rules/reporting)
    lead = [t for t in tokens if t.end <= colon]
    for i in range(len(lead) - 2, -1, -1):
        if lead[i].lower in nouns and lead[i + 1].lower == "of":
            return phrase_after(tokens, lead[i + 1].start)[0]
    return []


def _reported_relative(tokens: list[Token], reporting: frozenset[str]) -> int:
    """How many tokens a short reporting clause inside the count takes: "the 68,000 people UNHCR says
    have crossed", "the 300 people the police say were arrested" (the outcome comes after it)."""
    for at, token in enumerate(tokens[:REPORTED_RELATIVE_WORDS + 1]):
        if at and token.lower in reporting:
            following = tokens[at + 1].lower if at + 1 < len(tokens) else ""
            return at + 1 if following in AUXILIARIES else 0
        if not (token.is_capitalised or (at == 0 and token.lower == "the") or (at and tokens[0].lower == "the")):
            return 0
    return 0


def _role(tokens: list[Token], start: int, core_end: int, words: list[str], verb: str | None,
          roles: frozenset[str], reporting: frozenset[str] = frozenset()) -> str | None:
    """The outcome a count is of: split off the phrase, after it ("were killed"), or before the number."""
    if verb and verb in roles:
        return verb
    if words and words[-1].lower() in roles:
        role = words.pop().lower()
        return role
    noun = words[-1].lower() if words else ""
    after = [t for t in tokens if t.start >= core_end]
    skip = len(words)
    reported = _reported_relative(after[skip:], reporting)
    window = after[skip + reported:skip + reported + 6]
    for at, token in enumerate(window[:5]):
        if at + 1 < len(window) and f"{token.lower} {window[at + 1].lower}" in roles:
            return f"{token.lower} {window[at + 1].lower}"  # "have fled into Aldmark"
        if token.lower in roles or f"{noun} {token.lower}" in roles:  # "bodies were recovered"
            return token.lower
        if token.lower not in AUXILIARIES and token.lower not in ROLE_GAP and not token.is_adverb:
            break
    before = [t for t in tokens if t.end <= start]
    while before and before[-1].lower in DETERMINERS:
        before.pop()
    if before and (_as_participle(before[-1].lower) in roles  # "killed 12 people", "killing at least 12"
                   or f"{noun} {_as_participle(before[-1].lower)}" in roles):  # "recovered 12 bodies"
        return _as_participle(before[-1].lower)
    if len(before) > 2 and before[-1].lower == "to" and before[-2].lower in SUPPLIES \
            and _as_participle(before[-3].lower) in roles:  # "restored power to 200,000 customers"
        return _as_participle(before[-3].lower)
    return None


def _as_participle(word: str) -> str:
    """"killing" -> "killed", "represents" -> "represented": the lexicon lists outcomes as participles."""
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 4:
        stem = word[:-1]
    else:
        return word
    return stem + ("d" if stem.endswith("e") else "ed")


def _earlier_counted_noun(tokens: list[Token], start: int) -> list[str]:
    """"41 people were killed and 200 injured": the 200 are people too."""
    for token in reversed([t for t in tokens if t.end <= start]):
        if token.is_number:
            words, _ = phrase_after(tokens, token.end)
            while words and words[0].lower() in SCALE_WORDS:  # "1.31 million people ... and 550,000": people
                words = words[1:]
            return words
    return []


def _is_level(tokens: list[Token], start: int) -> bool:
    before = [t for t in tokens if t.end <= start]
    return bool(before) and before[-1].lower in LEVEL_WORDS


def _numeric_end(text: str, start: int, end: int) -> int:
    last = None
    for match in NUMERIC.finditer(text, start, max(end, start + 1)):
        last = match
    return last.end() if last else end


def _unit_end(figure: Figure, sentence: Sentence, end: int) -> int:
    if figure.unit_span:
        return max(end, figure.unit_span[1] - sentence.start)
    return end


def _role_words(rules: RuleSet) -> frozenset[str]:
    return _role_words_of(Identity(rules))


@lru_cache(maxsize=8)  # asked for every count: the subjects' names are read once per rule set
def _role_words_of(rules: Identity[RuleSet]) -> frozenset[str]:
    roles: set[str] = set()
    for entry in ((entry.head, *entry.synonyms) for entry in rules.value.subjects):
        singles = [name.lower() for name in entry if " " not in name]
        outcome = any(len(words) == 2 and "people" in words for words in (name.lower().split() for name in entry))
        for word in singles:
            # "killed", "evacuated"; and in an entry the lexicon also writes as "people X", its
            # adjectives too ("dead", "hurt", "missing"), but not its plural nouns ("victims").
            if is_participle(word) or (outcome and not looks_plural(word)):
                roles.add(word)
        for words in (name.lower().split() for name in entry):
            if len(words) == 2 and "people" in words:
                roles.add(words[1] if words[0] == "people" else words[0])
            elif len(words) == 2 and is_participle(words[0]) and words[1] in MOVE_PREPOSITIONS:
                roles.add(" ".join(words))  # "fled into": where people went makes the outcome
        head = entry[0].lower().split()
        if len(head) == 2 and is_participle(head[1]):
            roles.add(" ".join(head))  # "bodies recovered": an outcome of that noun only (_role reads it so)
    roles.discard("people")
    return frozenset(roles)


def _verbs(rules: RuleSet) -> frozenset[str]:
    """Single-word reporting verbs: "The group expects sales of ..." -> sales, not "expects sales"."""
    return _single_word_verbs(Identity(rules))


@lru_cache(maxsize=8)  # asked for every count: built once per rule set, not per figure
def _single_word_verbs(rules: Identity[RuleSet]) -> frozenset[str]:
    return frozenset(v.lower() for v in rules.value.verbs if " " not in v)
