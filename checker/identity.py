"""A hashable handle on an object that is compared by identity, for caches keyed on a rule set.

RuleSet is a mutable pydantic model, so it cannot be a dict or lru_cache key itself; keying on id()
alone could meet a new object at a reused address. The handle holds the object, so while a cache
holds the handle the address cannot be reused."""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class Identity(Generic[T]):
    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Identity) and other.value is self.value
