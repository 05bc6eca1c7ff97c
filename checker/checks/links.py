"""Statements: the claims of a group collapsed so that checks relate figures, not claim pairs.

A group may hold thousands of figures (a table pasted into an article, a corpus of one story).
Pairing every claim with every other is quadratic, so the engine first collapses claims into
*statements* and the checks ask for *connected sets* of related statements instead of pairs
(checks/search.py finds them):

- a statement is the claims of one group that print one figure (same value, bounds, hedge,
  unit) in one article, from one source, for one horizon, in the headline or not. Everything a
  check reads about a pair of claims is then the same for every pair of their statements, so
  related statements relate all of their claims.
- a *class* is the statements sharing (source, horizon, headline, part/whole role); whether two
  classes may be compared (one voice? one time?) is decided once per pair of classes (`Link`),
  not per pair of claims. A *time* (`Times`) is the statements sharing a horizon's kind and dates
  and a role, for checks that compare across voices.
- within two comparable classes, which statements relate is a question about numbers only (a
  `Relation`): do the figures differ beyond rounding, or are their intervals disjoint.

Claim pairs the engine rules out one by one (two ends of one range, one text reprinted by two
outlets) make their claims singleton statements and are excluded as statement pairs.

In draft mode (`StatementIndex.focus`) the engine builds statements only for groups that hold a
draft claim, and marks the statements that do.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from checker.lexicon import SourceRelation
from checker.models import Claim, Horizon

TEMPERATURE = "[temperature]"  # pint's dimensionality of temperatures, whose differences have no factor


@dataclass(frozen=True)
class Statement:
    """Claims of one group printing one figure in one article with one source, time and role."""

    index: int
    group: str
    klass: int
    claims: tuple[str, ...]
    figure: Claim  # the first claim: every member reads the same to every check
    center: float
    spread: float  # half-width within which another figure counts as the same (rounding)
    low: float
    high: float
    hot: bool = False  # a temperature: differences are compared in degrees, not by rounding


@dataclass(frozen=True)
class ClassKey:
    source_key: str | None
    horizon: Horizon
    in_headline: bool
    role: str | None


@dataclass(frozen=True)
class Link:
    """What holds for every pair of claims drawn from two classes of one group."""

    sources: SourceRelation
    horizons_comparable: bool


Order = Literal["center", "low"]
Documents = Literal["same", "different", "any"]
Window = tuple[float, float]
ALL_SOURCES: frozenset[SourceRelation] = frozenset({"same", "related", "different", "unstated"})
ONE_VOICE: frozenset[SourceRelation] = frozenset({"same", "related", "unstated"})


def _no_window(u: Statement, stats: ClassStats) -> Window | None:
    return None


@dataclass(frozen=True)
class Relation:
    """How two statements of two comparable classes relate, with windows that bound the search.

    `holds` is the exact test. `window(u, stats)` gives the (low, high) range of sort keys
    outside which `holds` is certainly true for statements of a class with `stats`; `inner(u,
    stats)` a range inside which it is certainly false. Either may be None (test every statement)."""

    holds: Callable[[Statement, Statement], bool]
    order: Order
    window: Callable[[Statement, ClassStats], Window | None] = _no_window
    inner: Callable[[Statement, ClassStats], Window | None] = _no_window


@dataclass
class ClassStats:
    """Per class: what bounds every window (widest rounding spread, largest magnitude) and what
    makes a window unsafe (a figure that is not a number, a temperature, an interval upside down)."""

    max_spread: float = 0.0
    max_abs: float = 0.0
    finite: bool = True
    temperature: bool = False
    ordered: bool = True  # every statement's low <= high

    def add(self, statement: Statement) -> None:
        self.max_spread = max(self.max_spread, statement.spread)
        self.max_abs = max(self.max_abs, abs(statement.center))
        self.finite = self.finite and not math.isnan(statement.center) and not math.isnan(statement.spread)
        self.temperature = self.temperature or statement.hot
        self.ordered = self.ordered and statement.low <= statement.high


Requires = Literal["differ", "disjoint"] | None


class TimeFinder(Protocol):
    """Horizons that may describe the same time as horizon `i` (a superset; see times.SameTime)."""

    def candidates(self, i: int) -> list[int]: ...


@dataclass(frozen=True)
class Span:
    """How far apart a group's figures lie: when every two figures agree within rounding, or every
    interval shares a point, no check that needs figures to differ (or to be disjoint) can pair any."""

    centers: float  # largest center minus smallest
    min_spread: float
    max_low: float
    min_high: float
    finite: bool  # no figure that is not a number (NaN compares false to everything)

    @classmethod
    def of(cls, statements: list[Statement]) -> Span:
        if not statements:
            return cls(0.0, 0.0, -math.inf, math.inf, True)
        values = [v for s in statements for v in (s.center, s.spread, s.low, s.high)]
        centers = [s.center for s in statements]
        return cls(max(centers) - min(centers), min(s.spread for s in statements), max(s.low for s in statements),
                   min(s.high for s in statements), not any(math.isnan(v) for v in values))

    def allows(self, requires: Requires) -> bool:
        """False only when no two figures can do what `requires`: `differ` never calls figures
        closer than the smaller spread of the two different (a temperature's spread is its slack),
        and intervals on a line that meet pairwise all share a point."""
        if requires is None or not self.finite:
            return True
        if requires == "differ":
            return not self.centers <= self.min_spread
        return not self.max_low <= self.min_high


@dataclass
class StatementIndex:
    """The statements of every group, their classes, and claim pairs the engine excluded."""

    statements: list[Statement] = field(default_factory=list)
    by_group: dict[str, list[int]] = field(default_factory=dict)
    classes: list[ClassKey] = field(default_factory=list)
    links: dict[tuple[int, int], Link] = field(default_factory=dict)
    excluded: set[frozenset[int]] = field(default_factory=set)  # statement pairs never related
    # statements of a claim reprinted elsewhere (each alone), and the exact pair test for them
    reprinting: set[int] = field(default_factory=set)
    reprint_pair: Callable[[Claim, Claim], bool] | None = None
    stats: dict[int, ClassStats] = field(default_factory=dict)
    linker: Callable[[ClassKey, ClassKey], Link] | None = None
    # source -> the sources it speaks for or that speak for it (Link.sources == "related")
    related_sources: dict[str, frozenset[str]] = field(default_factory=dict)
    source_relation: Callable[[str | None, str | None], SourceRelation] | None = None  # the linker's, per source pair
    comparable: Callable[[Horizon, Horizon], bool] | None = None  # the linker's: do two horizons describe one time
    same_times: Callable[[list[Horizon]], TimeFinder] | None = None  # which of these horizons may meet
    focus: set[int] | None = None  # draft mode: statements holding a draft claim
    _partners: dict[int, set[int]] | None = field(default=None, repr=False)
    _spans: dict[str, Span] = field(default_factory=dict, repr=False)
    _times: dict[str, Times] = field(default_factory=dict, repr=False)

    def link(self, a: int, b: int) -> Link:
        """Computed once per pair of classes that meet, never for all pairs up front."""
        key = (a, b) if a <= b else (b, a)
        found = self.links.get(key)
        if found is None:
            assert self.linker is not None, "a StatementIndex with classes needs a linker"
            found = self.links[key] = self.linker(self.classes[key[0]], self.classes[key[1]])
        return found

    def same_time(self, a: Horizon, b: Horizon) -> bool:
        """Link.horizons_comparable of two classes with these horizons, without pairing classes."""
        assert self.comparable is not None, "a StatementIndex compared by time needs `comparable`"
        return self.comparable(a, b)

    def times(self, group: str) -> Times:
        """The group's statements by time, built once per group."""
        if group not in self._times:
            self._times[group] = Times(self, [self.statements[i] for i in self.by_group.get(group, [])])
        return self._times[group]

    def span(self, group: str) -> Span:
        """The spread of a group's figures, computed once per group."""
        if group not in self._spans:
            self._spans[group] = Span.of([self.statements[i] for i in self.by_group.get(group, [])])
        return self._spans[group]

    def partners(self) -> dict[int, set[int]]:
        """Statement -> the statements it is never related to. Built once, after the engine has
        filled `excluded`: every related_sets call of every check shares it."""
        if self._partners is None:
            partners: dict[int, set[int]] = {}
            for pair in self.excluded:
                a, b = tuple(pair)
                partners.setdefault(a, set()).add(b)
                partners.setdefault(b, set()).add(a)
            self._partners = partners
        return self._partners

    def blocker(self, u: Statement, skip_reprinted: bool) -> Callable[[Statement], bool] | None:
        """The statements u is never related to, as a test; None when there are none."""
        excluded = self.partners().get(u.index)
        reprinting = self.reprinting if skip_reprinted and u.index in self.reprinting else None
        if excluded is None and reprinting is None:
            return None
        pair = self.reprint_pair

        def blocked(v: Statement) -> bool:
            if excluded is not None and v.index in excluded:
                return True
            return reprinting is not None and v.index in reprinting and pair is not None and pair(u.figure, v.figure)

        return blocked


LinkTest = Callable[[Link, Claim, Claim], Relation | None]
TimeTest = Callable[[bool], Relation | None]


class Times:
    """A group's statements by time (horizon kind and dates: comparable_horizons reads nothing else)
    and part/whole role, and which times describe one time: built once per group, shared by every
    search of the group across voices."""

    def __init__(self, index: StatementIndex, members: list[Statement]) -> None:
        self.index = index
        slots: dict[tuple[object, ...], int] = {}
        self.by_slot: dict[int, list[Statement]] = {}
        self.slot_of: dict[int, int] = {}  # class -> slot
        self.time_of: list[ClassKey] = []  # slot -> a class of it (its horizon and role)
        for statement in members:
            key = index.classes[statement.klass]
            # the horizon's words and dateline hour too: "nine on Tuesday afternoon" and a 21:30 paper's "14 dead"
            # are other times than a morning's on the same day (times._hours_apart)
            horizon = key.horizon
            slot = slots.setdefault((*horizon.key(), key.role), len(slots))
            if slot == len(self.time_of):
                self.time_of.append(key)
            self.slot_of[statement.klass] = slot
            self.by_slot.setdefault(slot, []).append(statement)
        self.stats: dict[int, ClassStats] = {}
        for slot, statements in self.by_slot.items():
            stats = self.stats[slot] = ClassStats()
            for statement in statements:
                stats.add(statement)
        # A group of a whole archive has thousands of times: which may meet is looked up by kind and
        # date (times.SameTime), never by asking about every pair of times.
        self._finder = index.same_times([key.horizon for key in self.time_of]) if index.same_times else None
        self._same: dict[int, tuple[list[int], set[int]]] = {}

    def same(self, slot: int) -> tuple[list[int], set[int]]:
        """The slots of `slot`'s role describing the same time as it (itself included), as a list and a set."""
        if slot not in self._same:
            mine = self.time_of[slot]
            near = self._finder.candidates(slot) if self._finder is not None else range(len(self.time_of))
            found = [pool for pool in near if self.time_of[pool].role == mine.role
                     and self.index.same_time(mine.horizon, self.time_of[pool].horizon)]
            self._same[slot] = (found, set(found))
        return self._same[slot]


def claim_ids(statements: Iterable[Statement]) -> list[str]:
    return [claim for statement in statements for claim in statement.claims]
