"""Who holds a count: 'The Centre Alliance won 132 seats', '..., and the Social Democrats 99',
'Dravan received 2,337,000 votes and Lukov 2,023,000'.

Two owners' counts are two quantities, and a count no one owns (the parliament's 301 seats, the
4,432,000 ballots cast) is never one party's count with its name left out, so owners are a part
set of modifiers (rules/subjects.yaml part_modifiers) whose members are names, not listed words.
Only a capitalised name right before an owning verb, or standing for the verb in a parallel
clause, is read: 'the two parties would hold 163 seats' names no owner.
"""

from __future__ import annotations

import re

from checker.places import CLAUSE_BREAK

OWNER_SET = -1  # the modifier set of owners: any name is a member
# The modifier set of subsets a sentence names within its own total ('the death toll at 11, including
# two who died in a fire': the two): like an owner's count, never the total itself (checker/profiles.py).
SUBSET_SET = -2
# The modifier set of what befell the people an unlisted subject counts ('two miners were taken to
# hospital': injured), a part of them (rules/subjects.yaml predicate_parts, checker/lexicon.py).
OUTCOME_SET = -3
# The modifier set of what the counted hold that a sentence is about ('the data of 4.2 million customers
# were stolen', 'bank details of 180,000 customers'): a part of them, never all of them (checker/profiles.py).
HOLDING_SET = -4
# The modifier set of lines the counted have passed ('18,340 people had been waiting more than a year'): a part
# of all of them, one member per line (checker/thresholds.py).
THRESHOLD_SET = -5
_AUXILIARIES = frozenset({"would", "will", "could", "may", "might", "has", "have", "had", "now", "also", "still",
                          "already", "just", "only", "again"})
_PARALLEL = frozenset({"and", "while", "whereas", "but"})
_DETERMINERS = frozenset({"the", "its", "their"})
# "<Name> ... its/their <tally> to": the clause's own subject, named first, owns the figure
_AMOUNT = re.compile(r"^[$€£¥]?\d[\d,.]*%?$")
# a clause that is only a name, after a comma: "Her party, Civic Renewal," / "The Green Left Alliance,"
_BARE_NAME = re.compile(r"^\s*(?!(?:In|At|On|By|For|From|After|Before|During|With|Of|As|Since|Under|Over|Across)\b)"
                        r"(?:(?:the|The)\s+)?(?:[A-Z][\w'’.-]*\s*){1,5}$")
_OWN_TALLY = re.compile(r"^(?:(?:and|while|whereas|but)\s+)?((?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4})"
                        r".*\b(?:its|their|his|her)\s+(?:\w+\s+)?(?:tally|total|count|number|share)\s+(?:to|at)$")


def owner(before: str, owning_verbs: frozenset[str], hedge_words: frozenset[str]) -> str | None:
    """The name that owns the figure right after `before`, lower-cased, or None."""
    pieces = CLAUSE_BREAK.split(before)
    words = pieces[-1].split()
    own = _OWN_TALLY.match(" ".join(words))
    if not own:
        while words and words[-1].lower() in hedge_words:
            words.pop()
        if len(words) >= 3 and words[-1].lower() == "and" and _AMOUNT.match(words[-2]):
            words = words[:-2]  # "took 29.8% and 50 seats": the verb before the first amount owns both
    if own:  # "while the Greens more than doubled their tally to 31 seats"
        words = own.group(1).split()
    elif words and (words[-1].lower() in owning_verbs or words == ["with"]):
        words.pop()
        while words and words[-1].lower() in _AUXILIARIES:
            words.pop()
        if not words and len(pieces) > 1 and _BARE_NAME.match(pieces[-2]):
            # "Her party, Civic Renewal, won 56 seats", "The Green Left Alliance, with 14 seats,": the name
            # the clause before stands for
            words = pieces[-2].split()
    else:  # a parallel clause that leaves the verb out: "... votes and Lukov 2,023,000"
        parallel = max((i for i, word in enumerate(words) if word.lower() in _PARALLEL), default=None)
        if parallel is None:
            return None
        words = words[parallel + 1:]
        if not words or any(not w[:1].isupper() and w.lower() not in _DETERMINERS for w in words):
            return None
    name: list[str] = []
    for word in reversed(words):
        bare = re.sub(r"['’]s$", "", word)
        if not bare[:1].isupper():
            break
        if bare != word and name:
            break  # "Mira Holm's Centre Alliance": the possessor is not the owner
        name.insert(0, bare)
    while name and name[0].lower() in _DETERMINERS:
        name.pop(0)
    return " ".join(name).lower() or None


def segment_pattern(nouns: frozenset[str]) -> re.Pattern[str] | None:
    """'at the passenger airline', 'at its chemicals division' (not 'at the airline's headquarters')."""
    if not nouns:
        return None
    listed = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    return re.compile(rf"\b[a-z]+\s+at\s+(?:the|its|their)\s+((?:[\w-]+\s+){{0,3}}?(?:{listed}))\b(?!['’])", re.I)


def segment(before: str, pattern: re.Pattern[str] | None) -> str | None:
    """The part of a company the figure's own clause names: 'Revenue at the passenger airline rose 8% to'."""
    if pattern is None:
        return None
    found = pattern.search(CLAUSE_BREAK.split(before)[-1])
    return " ".join(found.group(1).lower().split()) if found else None
