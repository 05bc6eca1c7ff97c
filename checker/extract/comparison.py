"""A figure read against another one: comparison bases, changes and conversions.

"68% now, up from 61%": 61% is the base of the comparison; "revenue of $4.2 billion, up 8%": 8% is
the change of the amount before it; "1,300 km² (500 square miles)": the bracketed figure converts
the one before it. Each of these measures what its partner measures, so the subject finder reads
them at the partner.
"""

from __future__ import annotations

import re

from checker.extract.clauses import Token, tokenize
from checker.extract.types import Figure, Sentence

# "up from 61%", "compared with $265 million"; a bare "from" only between like amounts (see compared_with).
COMPARISON = re.compile(
    r"\b(?:(up from|down from|rising from|falling from|compared with|compared to|versus|vs\.?|against"
    # "up 7% from 47,205": the change named between says the figure after 'from' is the earlier one
    r"|(?:up|down|rising|falling|rose|fell|higher|lower)\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|some\s+)?"
    r"[\d.,]+\s*(?:%|per\s*cent|percent)\s+from)|from)\s*$", re.I
)
# "The toll rose to 58 on Wednesday from 41": a bare 'from' after a change to an amount names its earlier value.
CHANGED_TO = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|increased|jumped|fell|fallen|falls|dropped|declined|decreased|grew"
    r"|grown|soared|surged|plunged|slipped|swelled|raised|lowered|revised\s+(?:up|down)(?:wards?)?|cut)"
    r"\s+(?:[\w'’]+\s+){0,3}?to\s+(?:about\s+|nearly\s+|almost\s+|around\s+|some\s+|at\s+least\s+)?[$€£¥]?\d[\d,.]*"
    r"(?:\s+(?!(?:as|when|after|while|because|and|but|with|since|before|amid|among)\b)[^\s,;:]+){0,4}\s+$", re.I)
# A results table's prior period in brackets: "£512m (2024: £388m)", "12.4 million (FY2023/24: 11.5 million)".
PRIOR_PERIOD_BRACKET = re.compile(r"\(\s*(?:FY\s*)?(?P<year>(?:19|20)\d{2})(?:/\d{2})?\s*:\s*$", re.I)
PERCENT_WORD = re.compile(r"\s*(?:percent|per cent|percentage points?)\b", re.I)
AMOUNT_TAIL = re.compile(
    r"(?:\s*(?:hundred|thousand|million|billion|trillion|bn|m|k)\b)?(?:\s*(?:dollars?|euros?|pounds?|yen|yuan|francs?"
    r"|rupees?|roubles?|rubles?|percent|per cent|percentage points?|points?)\b)?",
    re.I,
)
CONVERSION_OPENING = re.compile(r"([$€£¥]?\d[\d,.]*)[^()\d]{0,40}\(\s*(?:[~≈]|about|around|roughly|some)?\s*$")
# Words after a percentage that make it a change of the quantity named earlier ("12% more than ...").
CHANGE_WORDS = frozenset({"more", "less", "fewer", "higher", "lower", "up", "down", "above", "below"})
MAX_CHANGE_GAP_WORDS = 5  # words between an amount and the "up 6%" that changes it
CHANGE_BEFORE = re.compile(
    r"\b(?:up|down|rising|falling|higher|lower|(?:an? )?(?:increase|rise|decline|drop|fall|gain|jump) of)"
    r"\s+(?:by\s+)?$",
    re.I,
)


def is_comparison_base(figure: Figure, sentence: Sentence) -> bool:
    """True for the earlier value a figure is compared with: "up from 61%", "from $265 million"."""
    start = (figure.qualifier_span[0] if figure.qualifier_span else figure.start) - sentence.start
    return compared_with(sentence.text, tokenize(sentence.text), min(start, figure.start - sentence.start),
                         figure.kind) is not None


def prior_year(figure: Figure, sentence: Sentence) -> int | None:
    """The year of a results table's bracketed prior period the figure stands in: "(2024: £388m)"."""
    lead = (figure.qualifier_span[0] if figure.qualifier_span else figure.start) - sentence.start
    match = PRIOR_PERIOD_BRACKET.search(sentence.text[:lead])
    return int(match.group("year")) if match else None


def changed(figure: Figure, text: str, tokens: list[Token], start: int, end: int) -> Token | None:
    """The earlier figure a percentage is the change of: "$94.9 billion, up 6%", "4.1 million, 12% more"."""
    if figure.kind != "percent":
        return None
    following = next((t for t in tokens if t.start >= end), None)
    change_before = CHANGE_BEFORE.search(text[:start])
    if not (change_before or (following is not None and following.lower in CHANGE_WORDS)):
        return None
    earlier = [t for t in tokens if t.end <= start and t.is_number]
    if not earlier:
        return None
    if change_before and following is not None and following.lower not in CHANGE_WORDS:
        # "$94.9 billion for the quarter, up 6%" changes the amount just before; in "a day after figures
        # showed prices rising 3.2%" the figure before is far off and the change is of the noun it follows
        gap = [t for t in tokens if earlier[-1].end <= t.start and t.end <= change_before.start() and t.is_word]
        if len(gap) > MAX_CHANGE_GAP_WORDS:
            return None
    return earlier[-1]


def kind_of(number: Token) -> str:
    if number.text[0] in "$€£¥":
        return "money"
    return "percent" if number.text.endswith("%") else "count"


def amount_end(text: str, number: Token) -> int:
    """End of a number with its scale and currency words: "$310 million", "14 billion euros"."""
    match = AMOUNT_TAIL.match(text, number.end)
    return match.end() if match else number.end


def compared_with(text: str, tokens: list[Token], lead: int, kind: str) -> Token | None:
    """The earlier figure this one is the base of ("up from 61%", "to $310 million from $265 million",
    "£512m (2024: £388m)").

    A bare "from" only counts between two amounts of money or two percentages, where it cannot be
    "leaders from 30 countries", or after a change to an amount ("rose to 58 on Wednesday from 41")."""
    head = text[:lead]
    prior = PRIOR_PERIOD_BRACKET.search(head)
    match = prior or COMPARISON.search(head)
    if not match or (not prior and not match.group(1) and kind not in ("money", "percent")
                     and not CHANGED_TO.search(head, max(0, match.start() - 120), match.start())):
        return None
    def is_percent(t: Token) -> bool:
        return t.text.endswith("%") or PERCENT_WORD.match(text, t.end) is not None

    same_kind = {"money": lambda t: not t.text[0].isdigit(), "percent": is_percent}
    # a count's change is no earlier count: "50,510 offences, up 7% from 47,205" compares with 50,510
    earlier = [t for t in tokens if t.end <= match.start() and t.is_number
               and same_kind.get(kind, lambda t: not is_percent(t))(t)]
    return earlier[-1] if earlier else None


def after_brackets(text: str, position: int) -> int:
    """Skip a bracketed conversion after the figure: "1,300 square kilometers (500 square miles) of land"."""
    match = re.match(r"\s*\([^()]*\)", text[position:])
    return position + match.end() if match else position


def conversion_anchor(text: str, start: int) -> int:
    """A figure in brackets right after another figure is a conversion: read it at the first one."""
    match = CONVERSION_OPENING.search(text[:start])
    return match.start(1) if match else start
