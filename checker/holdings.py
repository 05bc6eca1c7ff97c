"""What the counted hold that a sentence is about: "the data of 4.2 million customers", "bank details of around
180,000 customers", "information on as many as 68,000 residents". Such a count is a part of all of them (the
holding set of modifiers, checker/owners.py); one kind of data is one member however it is worded."""

from __future__ import annotations

import re

from checker.lexicon import Lexicon, singular
from checker.owners import HOLDING_SET

# "the data of 4.2 million customers", "bank details of around 180,000 customers": a count of those whose
# thing the sentence is about, a part of all of them. Not a quantity or a share of them ('a total of',
# 'most of'), nor a word that is no thing ('because of', 'out of').
_NOUN_OF = re.compile(r"^([a-z][a-z'’-]*[a-z]) (of|on)$")
_DATA_WORDS = frozenset({"detail", "data", "datum", "information", "file", "document"})
_DATA_KINDS = frozenset({"bank", "card", "payment", "financial", "medical", "health", "clinical", "passport", "tax"})
_NOT_HELD = frozenset({
    "number", "total", "count", "tally", "figure", "sum", "amount", "group", "crowd", "team", "majority", "minority",
    "half", "third", "quarter", "most", "some", "all", "many", "few", "none", "each", "one", "any", "out", "because",
    "instead", "ahead", "top", "part", "rest", "share", "estimate", "average", "maximum", "minimum", "record",
    "list", "series", "batch", "lot", "lots", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
    "million", "millions", "tens", "scores", "sample", "population", "toll", "size", "level", "rate", "cent",
    "percent", "capacity", "ages", "age", "aged", "upwards", "excess", "made", "consists", "comprised", "composed",
    # a collective whose size the count is: 'a workforce of 21,000' counts the staff themselves
    "workforce", "staff", "payroll", "headcount", "membership", "electorate", "army", "fleet", "force", "audience",
    "community",
})


def holding(before: str, lexicon: Lexicon) -> frozenset[tuple[int, str]]:
    words = before.split()
    while words and words[-1].lower() not in ("of", "on") and (words[-1].lower() in lexicon.hedge_words
                                                   or words[-1].lower() in HEDGING_ADVERBS):
        words.pop()  # 'of around 180,000'; 'upwards of' ends in a hedge's own 'of', read as one below
    found = _NOUN_OF.search(" ".join(words[-2:]))
    if found is None:
        return frozenset()
    noun = singular(found.group(1).lower())
    if found.group(2) == "on" and noun not in _DATA_WORDS:
        return frozenset()  # "confirmed on three farms": only data is 'on' those it holds
    if noun in _DATA_WORDS:  # "the personal details of 86,000", "information on 68,000": their data; "bank details"
        kind = words[-3].lower() if len(words) >= 3 else ""  # are some of it
        noun = f"{kind} data" if kind in _DATA_KINDS else "data"
    return frozenset() if noun in _NOT_HELD else frozenset({(HOLDING_SET, noun)})


# Adverbs a hedge may stand beside ('only about 45%', 'still nearly 3,000'): hedge words come from the rules
HEDGING_ADVERBS = frozenset({"only", "just", "barely", "still", "already", "now", "even", "also", "down", "up"})
