"""Statements, and the figures that relate across them, without visiting every pair.

A group may hold thousands of figures (a table pasted into an article, a corpus of one story).
Pairing every claim with every other is quadratic, so the engine first collapses claims into
*statements* and the checks ask for *connected sets* of related statements instead of pairs:

- a statement is the claims of one group that print one figure (same value, bounds, hedge,
  unit) in one article, from one source, for one horizon, in the headline or not. Everything a
  check reads about a pair of claims is then the same for every pair of their statements, so
  related statements relate all of their claims.
- a *class* is the statements sharing (source, horizon, headline, part/whole role); whether two
  classes may be compared (one voice? one time?) is decided once per pair of classes, not per
  pair of claims. Whether the two figures must stand in one article or in two is the check's
  `documents` argument.
- within two comparable classes, which statements relate is a question about numbers only:
  do the figures differ beyond rounding, or are their intervals disjoint. Statements are kept
  sorted, so everything outside a window around a figure is found by bisection; only the few
  figures near it are tested one by one. A breadth-first search then yields connected sets in
  time close to linear in the statements.

Claim pairs the engine rules out one by one (two ends of one range, one text reprinted by two
outlets) make their claims singleton statements and are excluded as statement pairs.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from checker.lexicon import SourceRelation
from checker.models import Claim, Horizon


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


@dataclass(frozen=True)
class Relation:
    """How two statements of two comparable classes relate, with a window that bounds the search.

    `holds` is the exact test. `window(u, stats)` gives the (low, high) range of sort keys
    outside which `holds` is certainly true for statements of a class with `stats`, or None
    when every statement must be tested."""

    holds: Callable[[Statement, Statement], bool]
    order: Order
    window: Callable[[Statement, ClassStats], tuple[float, float] | None] = lambda u, s: None


@dataclass
class ClassStats:
    """Per class: the widest rounding spread and largest magnitude, which bound every window."""

    max_spread: float = 0.0
    max_abs: float = 0.0
    finite: bool = True

    def add(self, statement: Statement) -> None:
        self.max_spread = max(self.max_spread, statement.spread)
        self.max_abs = max(self.max_abs, abs(statement.center))
        self.finite = self.finite and not math.isnan(statement.center) and not math.isnan(statement.spread)


@dataclass
class StatementIndex:
    """The statements of every group, their classes, and claim pairs the engine excluded."""

    statements: list[Statement] = field(default_factory=list)
    by_group: dict[str, list[int]] = field(default_factory=dict)
    classes: list[ClassKey] = field(default_factory=list)
    links: dict[tuple[int, int], Link] = field(default_factory=dict)
    excluded: set[frozenset[int]] = field(default_factory=set)  # statement pairs never related
    reprinted: set[frozenset[int]] = field(default_factory=set)  # statement pairs of one reprinted text
    stats: dict[int, ClassStats] = field(default_factory=dict)
    linker: Callable[[ClassKey, ClassKey], Link] | None = None

    def link(self, a: int, b: int) -> Link:
        """Computed once per pair of classes that meet, never for all pairs up front."""
        key = (a, b) if a <= b else (b, a)
        if key not in self.links:
            assert self.linker is not None, "a StatementIndex with classes needs a linker"
            self.links[key] = self.linker(self.classes[key[0]], self.classes[key[1]])
        return self.links[key]


LinkTest = Callable[[Link, Claim, Claim], Relation | None]


def related_sets(index: StatementIndex, group: str, relation_for: LinkTest, documents: Documents = "any",
                 skip: set[frozenset[int]] | None = None) -> list[list[Statement]]:
    """Connected sets (two or more statements) of `group` under `relation_for`.

    `relation_for(link, a, b)` sees the link between two classes and a representative figure of
    each (class-level facts only: source, horizon, headline) and returns how their statements
    relate, or None when the classes are never compared. `documents` says whether related
    figures stand in one article, in two, or either. `skip` adds statement pairs to leave out."""
    members = [index.statements[i] for i in index.by_group.get(group, [])]
    if documents != "same":
        return _related(index, members, relation_for, documents == "different", skip)
    by_document: dict[str, list[Statement]] = {}
    for statement in members:
        by_document.setdefault(statement.figure.document, []).append(statement)
    return sorted((s for part in by_document.values() for s in _related(index, part, relation_for, False, skip)),
                  key=lambda component: component[0].index)


def _related(index: StatementIndex, members: list[Statement], relation_for: LinkTest, apart: bool,
             skip: set[frozenset[int]] | None) -> list[list[Statement]]:
    if len(members) < 2:
        return []
    excluded = index.excluded | (skip or set())
    partners: dict[int, set[int]] = {}
    for pair in excluded:
        a, b = tuple(pair)
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    by_class: dict[int, list[Statement]] = {}
    for statement in members:
        by_class.setdefault(statement.klass, []).append(statement)
    first = {k: v[0].figure for k, v in by_class.items()}
    relations: dict[tuple[int, int], Relation | None] = {}

    def relation(a: int, b: int) -> Relation | None:
        if (a, b) not in relations:  # a part is never compared with a whole ('2,100 of their jobs' vs '11,000 cuts')
            same_role = index.classes[a].role == index.classes[b].role
            relations[(a, b)] = relation_for(index.link(a, b), first[a], first[b]) if same_role else None
        return relations[(a, b)]

    pools = {k: _Pool(v) for k, v in by_class.items()}
    seen: set[int] = set()
    out: list[list[Statement]] = []
    for start in members:
        if start.index in seen:
            continue
        seen.add(start.index)
        pools[start.klass].remove(start)  # every pool holds its statements until they are found
        component, stack = [start], [start]
        while stack:
            u = stack.pop()
            for klass, pool in list(pools.items()):
                if not pool.items:
                    del pools[klass]
                    continue
                rel = relation(u.klass, klass)
                if rel is None:
                    continue
                found = pool.take(u, rel, index.stats[klass], partners.get(u.index, set()),
                                  u.figure.document if apart else None)
                for v in found:
                    seen.add(v.index)
                component.extend(found)
                stack.extend(found)
        if len(component) > 1:
            out.append(sorted(component, key=lambda s: s.index))
    return out


class _Pool:
    """Unvisited statements of one class, kept sorted by the key of the relation last asked."""

    def __init__(self, statements: list[Statement]) -> None:
        self.order: Order = "center"
        self.items = sorted(statements, key=lambda s: _key(s, "center"))
        self.keys = [_key(s, "center") for s in self.items]
        self.per_document: dict[str, int] = {}
        for s in statements:
            self.per_document[s.figure.document] = self.per_document.get(s.figure.document, 0) + 1

    def remove(self, statement: Statement) -> None:
        at = bisect_left(self.keys, _key(statement, self.order))
        while self.items[at].index != statement.index:
            at += 1
        del self.items[at], self.keys[at]
        self.per_document[statement.figure.document] -= 1

    def _sort(self, order: Order) -> None:
        if order != self.order:  # one check asks in one order, so this happens once per pool
            self.order = order
            self.items.sort(key=lambda s: _key(s, order))
            self.keys = [_key(s, order) for s in self.items]

    def take(self, u: Statement, rel: Relation, stats: ClassStats, excluded: set[int],
             other_than: str | None) -> list[Statement]:
        """Remove and return the statements related to `u` (from articles other than `other_than`, if given)."""
        if other_than is not None and self.per_document.get(other_than, 0) == len(self.items):
            return []  # only u's own article is left here
        self._sort(rel.order)
        items, keys = self.items, self.keys
        window = rel.window(u, stats) if stats.finite and not excluded else None  # excluded partners: test all
        lo, hi = (0, len(items)) if window is None else (bisect_left(keys, window[0]), bisect_right(keys, window[1]))
        found: list[Statement] = []
        kept: list[Statement] = []
        kept_keys: list[float] = []
        for at in (range(lo), range(hi, len(items))) if other_than is not None else ():
            for i in at:  # certainly related by figure, but one article with u: kept for others
                (kept if items[i].figure.document == other_than else found).append(items[i])
        if other_than is None:
            found = [*items[:lo], *items[hi:]]
        for v in items[lo:hi]:
            if v.figure.document != other_than and v.index not in excluded and rel.holds(u, v):
                found.append(v)
            else:
                kept.append(v)
        for v in found:
            self.per_document[v.figure.document] -= 1
        if found:
            kept.sort(key=lambda s: _key(s, rel.order))
            self.items, self.keys = kept, [_key(s, rel.order) for s in kept]
        return found


def _key(statement: Statement, order: Order) -> float:
    value = statement.center if order == "center" else statement.low
    return -math.inf if math.isnan(value) else value


def claim_ids(statements: Iterable[Statement]) -> list[str]:
    return [claim for statement in statements for claim in statement.claims]
