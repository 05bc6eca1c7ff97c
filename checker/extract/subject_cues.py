"""Cue patterns and word lists subject.py reads around a figure: what a place can hold, a force's size,
a measure's noun, an excess, a sale's price, a utility's supplies, scale words; the name of what a place holds."""

from __future__ import annotations

import re

from checker.extract.clauses import DETERMINERS

# What a place can hold, written before the count: "built for", "with room for", "capacity of".
CAPACITY_BEFORE = re.compile(
    r"\b(?:(?:built|designed|laid\s+out|meant|intended|planned|equipped)\s+(?:to\s+(?:hold|house|accommodate|take"
    r"|seat|sleep)|for)|(?:room|space|capacity|places|beds|accommodation)\s+for|capacity\s+of|(?:can|could|able\s+to)"
    r"\s+(?:hold|house|accommodate|seat|sleep)|seating\s+for)\s+(?:up\s+to\s+|about\s+|around\s+|some\s+)?$",
    re.IGNORECASE)
# A force named with its size: "an army of 72,000", "a fleet of 40 ships"; its strength, not a count of what it sends.
STRENGTH_BEFORE = re.compile(r"\b(army|armed\s+forces|military|navy|air\s+force|fleet)\s+of\s+(?:about\s+|around\s+"
                             r"|roughly\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?$", re.IGNORECASE)
# A measure after a determiner describes the noun after it: "a 3km (1.9 miles) protection zone", "the 9.4km
# tunnel", "a wider 10km surveillance zone" (not "the river rose 3m overnight": a verb stands between).
DETERMINED_MEASURE = re.compile(r"\b(?:a|an|the|its|their|this|that|each)\s+(?:(?:new|full|total|entire|whole|planned"
                                r"|proposed|[a-z]+(?:er|est))\s+)?$", re.IGNORECASE)

# A measure by which something exceeds or misses a bound: "more than 50 km/h too fast", "2C above normal".
EXCESS_AFTER = re.compile(r"\s*(?:too\s+(?:fast|slow|high|low|long|short|much|little)|over\s+the\s+(?:speed\s+)?limit"
                          r"|above\s+the\s+(?:speed\s+)?limit|above\s+(?:normal|average)|below\s+(?:normal|average)"
                          r"|faster\s+than|slower\s+than|higher\s+than|lower\s+than)\b", re.IGNORECASE)

# "Home prices were 3.4% higher in January": a change stated as a comparative measures the clause's subject,
# never the comparative itself ("12% cheaper", "8% up on last year").
COMPARATIVE_AFTER = re.compile(r"\s*(?:higher|lower|up|down|cheaper|dearer|costlier|pricier|bigger|smaller|larger|greater"
                               r"|stronger|weaker|above|below)\b(?!\s*-)", re.IGNORECASE)

# "18.8 corals to the dollar", "1.08 dollars per euro": an exchange rate, never a sum of the currency
PER_CURRENCY_AFTER = re.compile(r"\s*(?:to|per|against)\s+(?:the|one|each|a|an)?\s*(?:US\s+|U\.S\.\s+)?(?:dollar|euro|pound"
                                r"|yen|yuan|franc|rupee|krona|krone|crown|peso|rouble|ruble)s?"
                                r"(?=\s*(?:[.,;:)]|$)|\s+(?:in|on|at|last|this|and|or|as|from|since|by|compared)\b)", re.IGNORECASE)

# "is likely to cost £2.9bn", "the strike cost it about 38 million kroner": a sum after 'cost' is a cost
COST_VERB_BEFORE = re.compile(r"\bcost(?:s|ing)?\s+(?:it|them|us|him|her|the\s+\w+|taxpayers\s+)?\s*(?:about\s+|around\s+"
                              r"|some\s+|roughly\s+|nearly\s+|almost\s+|up\s+to\s+|more\s+than\s+|at\s+least\s+|an\s+estimated\s+)?$",
                              re.IGNORECASE)

# "and a further 57 were suspected": more of what the sentence counted before
FURTHER_BEFORE = re.compile(r"\b(?:a\s+further|another|an\s+additional|an\s+extra)\s+$", re.IGNORECASE)

# "38 cases had now been confirmed", "a further 57 were suspected": a case's status written after it
CASE_NOUNS = frozenset({"case", "cases", "infection", "infections"})
CASE_STATUS_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:had|have|has|were|was|are|is)\s+(?:now\s+|already\s+)?(?:been\s+)?"
                               r"(?:now\s+)?(confirmed|suspected)\b", re.IGNORECASE)

# "agreed to sell the striker to Brackenford City for €85m": a sum after a sale's 'for' is its price
SALE_FOR = re.compile(r"\b(?:sell|sells|sold|selling|buy|buys|bought|buying|acquire|acquires|acquired|acquiring)\b"
                      r"[^,;:.]{0,80}\bfor\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+)?$", re.I)
# What a utility restores or cuts "to" the customers a figure counts.
SUPPLIES = frozenset({"power", "electricity", "service", "services", "supply", "supplies", "water", "gas", "heating"})
# Scale words after a number ("1.31 million people"), never the counted noun.
SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "mn", "bn", "m", "k"})


_CAPACITY_GAP = frozenset({"was", "is", "are", "were", "been", "has", "have", "had", "with", "which", "that", "being",
                           "be", "now", "originally", "only", "already", "first"})


def capacity_of(text: str, cue: int) -> str:
    """'capacity of Kellin camp', 'capacity of transit centre': the place named just before the cue, if any."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text[max(0, text.rfind(",", 0, cue) + 1):cue])
    while words and words[-1].lower() in _CAPACITY_GAP:
        words.pop()
    place: list[str] = []
    for word in reversed(words[-2:]):
        if word.lower() in DETERMINERS or word.lower() in _CAPACITY_GAP:
            break
        place.insert(0, word)
    # "capacity of <place>": the lexicon keys it by the place, so two places' sizes never read as one quantity
    return f"capacity of {' '.join(place)}" if place else "capacity"
