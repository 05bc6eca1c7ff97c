"""Caches keyed by the text of a sentence or clause, in one registry so they can be emptied together.

Every figure of a sentence asks for the same tokens, clauses and constructions, and an archive repeats
sentences verbatim (wire copy, syndicated reprints, each updated version of an article), so these are
remembered by text. The functions they wrap must depend on their arguments alone.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_REGISTERED: list[Any] = []


def by_text(maxsize: int) -> Callable[[F], F]:
    """functools.lru_cache, registered so that forget_sentences() empties it."""
    def wrap(function: F) -> F:
        cached = lru_cache(maxsize=maxsize)(function)
        _REGISTERED.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


def forget_sentences() -> None:
    """Empty every text-keyed cache. `make bench` calls it between articles to measure extraction as
    if no article repeated another's sentences."""
    for cached in _REGISTERED:
        cached.cache_clear()
