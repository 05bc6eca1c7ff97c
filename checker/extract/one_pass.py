"""Several regular expressions matched in one pass over a text, each exactly as its own finditer would.

re has no multi-pattern search: n patterns cost n scans, and a pattern that opens with a word
boundary, a lookbehind or an alternation of words is tried at every position of the text, so each
scan costs tens of nanoseconds a character. Most of those positions cannot start any match (a date
mask starts with a digit or a month's capital). `OnePass` scans once, for characters that can start
one, with a pattern that opens on a character class (which re skips to in C, several times faster),
and only there tries the patterns, in lookaheads inside a lookbehind one character wide: first all
at once (most candidates start none, and fail without a step in Python), then each, to see which.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A named group's opening, which must not be named twice in one pattern: the patterns' groups are
# dropped (a match is found again with its own pattern, at its start, to read them).
_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<\w+>")


class OnePass:
    """Where each pattern's `finditer(text, pos, endpos)` matches, from one scan of the text.

    `starts` matches the one character every match of every pattern begins with: a character class
    first (that is what lets re skip ahead), optionally followed by lookbehinds that narrow it. A
    position it misses is never tried, so it must admit every character a match can begin with.
    Patterns must not match the empty string (finditer's rules for empty matches are not copied).
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]], starts: str) -> None:
        self.patterns = list(patterns)
        bodies = [_scoped(pattern) for pattern in self.patterns]
        tries = "".join(f"(?:(?=({body}))|)" for body in bodies)
        # The lookbehind steps back over the start character and, from there, tries the patterns.
        self._scan = re.compile(rf"(?:{starts})(?<=(?=(?:{'|'.join(bodies)})){tries}[\s\S])")

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether any pattern matches in text[pos:endpos] (as any(p.search(text, pos, endpos)))."""
        return self._scan.search(text, pos, len(text) if endpos is None else endpos) is not None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every pattern's matches in the whole text, as (start, end), sorted."""
        return sorted(span for found in self._found(text, 0, len(text)) for span in found)

    def matches(self, text: str, pos: int = 0, endpos: int | None = None) -> list[list[re.Match[str]]]:
        """For each pattern, the matches its own finditer(text, pos, endpos) gives, with their groups."""
        endpos = len(text) if endpos is None else endpos
        return [[pattern.match(text, start, endpos) for start, _ in found]  # type: ignore[misc]
                for pattern, found in zip(self.patterns, self._found(text, pos, endpos))]

    def _found(self, text: str, pos: int, endpos: int) -> list[list[tuple[int, int]]]:
        found: list[list[tuple[int, int]]] = [[] for _ in self.patterns]
        # finditer resumes a pattern where its last match ended, so none overlaps its own
        resume = [pos] * len(self.patterns)
        for hit in self._scan.finditer(text, pos, endpos):
            at = hit.start()
            for index, spans in enumerate(found):
                start, end = hit.span(index + 1)
                if start >= 0 and at >= resume[index]:
                    spans.append((start, end))
                    resume[index] = end
        return found


def any_case(letters: str) -> str:
    """The inside of a character class for `letters` as a case-insensitive pattern matches them: both
    cases, and the few other characters re folds onto ASCII letters ('ſ' is an 's', the Kelvin sign a 'k').
    Other letters are taken in their lower and upper case only."""
    found = {variant for letter in letters for variant in (letter.lower(), letter.upper())}
    found |= {other for other in _OTHER_FOLDS
              if any(re.fullmatch(re.escape(letter), other, re.IGNORECASE) for letter in letters)}
    return "".join(re.escape(c) for c in sorted(found))


_OTHER_FOLDS = "\u0130\u0131\u017f\u212a"  # İ ı ſ K: the non-ASCII characters re.IGNORECASE takes for ASCII letters


def _scoped(pattern: re.Pattern[str]) -> str:
    """The pattern's text, scoped to its own case flag, its named groups made plain groups."""
    if pattern.flags & ~(re.IGNORECASE | re.UNICODE):
        raise ValueError(f"OnePass keeps only the case flag; this pattern has others: {pattern.pattern!r}")
    body = _NAMED_GROUP.sub("(?:", pattern.pattern)
    if re.compile(body).groups:
        raise ValueError(f"OnePass numbers the patterns by group; name this pattern's groups: {pattern.pattern!r}")
    return f"(?i:{body})" if pattern.flags & re.IGNORECASE else f"(?:{body})"
