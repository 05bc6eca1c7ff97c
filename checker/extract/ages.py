"""A person's age ("a 71-year-old man", "said Luka Ferr, 46, standing ...", "Ana Ruiz (38)"): it
describes that person, never a quantity of the story, so it groups with nothing."""

from __future__ import annotations

import re

MAX_AGE = 120
AGE_WORDS = re.compile(r"\d+[\s-]*years?[\s-]*old\b", re.I)
AGE_AFTER_NAME = re.compile(r"[A-Z][\w'’-]+\s*(?:,|\()\s*$")
AGE_CLOSE = re.compile(r"\s*(?:[,;)]|\.?$)")
# An age bound of a group of people: "adults aged 60 and over", "160,000 Americans over 65", "people
# over 80": the group's age, never a count of it. A capitalised plural before the bound is a people
# ("Americans", "Britons").
AGE_BOUND_BEFORE = re.compile(
    r"(?:\baged\s+(?:(?:over|under|between|from)\s+)?"
    r"|\b(?:people|persons|adults|children|men|women|patients|voters|residents|pensioners|those|anyone|everyone"
    r"|[A-Z][a-z]+s)\s+(?:over|under|above|aged)\s+)$")


def is_persons_age(written: str, kind: str, text: str, start: int, end: int) -> bool:
    """Whether the figure `written` at [start, end) of sentence `text` is someone's age."""
    if AGE_WORDS.match(text, start):
        return True
    if kind == "number" and written.isdigit() and 0 < int(written) <= MAX_AGE \
            and AGE_BOUND_BEFORE.search(text, max(0, start - 40), start):
        return True
    return written.isdigit() and 0 < int(written) <= MAX_AGE and kind != "percent" \
        and AGE_AFTER_NAME.search(text[:start]) is not None and AGE_CLOSE.match(text, end) is not None
