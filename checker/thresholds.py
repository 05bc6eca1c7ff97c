"""Counts of those past a line: '18,340 people had been waiting more than a year', 'the number of
patients who had waited longer than 52 weeks fell to 18,340', '3,905 waited over 12 hours'.

Such a count is a part of everyone counted (the 412,600 on the waiting list), never the whole, and
two lines are two parts: a wait of over 18 weeks is not one of over a year. The line is read from
the clause after the figure, or from a relative clause naming what the figure counts before it, and
written in weeks when it is a week or longer ('a year', '12 months' and '52 weeks' are one line), so
outlets that word it differently still meet.
"""

from __future__ import annotations

import re

from checker.owners import THRESHOLD_SET

# "waiting more than a year", "had waited longer than 52 weeks", "spent over 12 hours", "for at least six months"
_PAST_A_LINE = re.compile(
    r"\b(?:wait(?:s|ed|ing)?|spent|spending|stayed|staying|stuck|delayed)\s+(?:for\s+)?"
    r"(?:more\s+than|longer\s+than|over|at\s+least|beyond|upwards\s+of)\s+"
    r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|\d+(?:\.\d+)?)\s*[- ]?"
    r"(hours?|days?|weeks?|months?|years?)\b", re.IGNORECASE)
# "The number of patients who had waited longer than 52 weeks fell to": the relative clause names the counted
_NUMBER_WHO = re.compile(r"\b(?:number|total|count)\s+of\s+[\w-]+\s+(?:who|that|which)\b", re.IGNORECASE)

_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20}
_HOURS = {"hour": 1, "day": 24, "week": 168, "month": 8766 / 12, "year": 8766}
_CLAUSE_WORDS = 14  # the line belongs to the figure's own clause: read this many words after it


def threshold(before: str, after: str) -> frozenset[tuple[int, str]]:
    """The line the counted have passed, as a modifier of the THRESHOLD_SET, or nothing."""
    found = _PAST_A_LINE.search(" ".join(after.split()[:_CLAUSE_WORDS]))
    if found is None:
        relatives = list(_NUMBER_WHO.finditer(before))
        found = _PAST_A_LINE.search(before, relatives[-1].end()) if relatives else None
    if found is None:
        return frozenset()
    amount, unit = found.group(1).lower(), found.group(2).lower().rstrip("s")
    hours = float(_WORD_NUMBERS.get(amount) or amount) * _HOURS[unit]
    line = f"over {round(hours / 168)} weeks" if hours >= 168 else f"over {round(hours)} hours"
    return frozenset({(THRESHOLD_SET, line)})
