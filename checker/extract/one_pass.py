"""Several regular expressions matched in one pass over a text, each exactly as its own finditer would.

re has no multi-pattern search: n patterns cost n scans, and a pattern that opens with a word
boundary, a lookbehind or an alternation of words is tried at every position of the text, so each
scan costs tens of nanoseconds a character. Most of those positions cannot start any match (a date
mask starts with a digit or a month's capital). `OnePass` scans once, for characters that can start
one, with a pattern that opens on a character class (which re skips to in C, several times faster),
and only there tries every pattern, each in a lookahead, all inside a lookbehind one character wide.
"""

from __future__ import annotations

import re
from collections.abc import Sequence


class OnePass:
    """The spans `pattern.finditer(text)` gives for each pattern, from one scan of the text.

    `starts` matches the one character every match of every pattern begins with: a character class
    first (that is what lets re skip ahead), optionally followed by lookbehinds that narrow it. A
    position it misses is never tried, so it must admit every character a match can begin with.
    Patterns must not match the empty string (finditer's rules for empty matches are not copied).
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]], starts: str) -> None:
        self._count = len(patterns)
        tries = "".join(f"(?:(?=({_scoped(pattern)}))|)" for pattern in patterns)
        # The lookbehind steps back over the start character and, from there, tries each pattern.
        self._scan = re.compile(rf"(?:{starts})(?<={tries}[\s\S])")

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every pattern's non-overlapping matches, as (start, end), sorted."""
        found: list[tuple[int, int]] = []
        # finditer resumes each pattern where its last match ended, so one cannot overlap its own
        resume = [0] * self._count
        for hit in self._scan.finditer(text):
            at = hit.start()
            for index in range(self._count):
                start, end = hit.span(index + 1)
                if start >= 0 and at >= resume[index]:
                    found.append((start, end))
                    resume[index] = end
        found.sort()
        return found


def _scoped(pattern: re.Pattern[str]) -> str:
    """The pattern's text, scoped to its own case flag."""
    if pattern.flags & ~(re.IGNORECASE | re.UNICODE):
        raise ValueError(f"OnePass keeps only the case flag; this pattern has others: {pattern.pattern!r}")
    if pattern.groups:
        raise ValueError(f"OnePass numbers the patterns' matches by group; this one captures: {pattern.pattern!r}")
    return f"(?i:{pattern.pattern})" if pattern.flags & re.IGNORECASE else f"(?:{pattern.pattern})"
