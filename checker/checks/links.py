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
  `documents` argument. A check that only relates figures of one voice says so (`sources`), and
  then only the classes of that voice, of the sources it speaks for and of unstated sources are
  visited: a group of a large archive quotes hundreds of sources.
- within two comparable classes, which statements relate is a question about numbers only:
  do the figures differ beyond rounding, or are their intervals disjoint. Statements are kept
  sorted, so everything outside a window around a figure is found by bisection, and so is
  everything inside a smaller window that certainly does not relate (the same figure printed
  again); only the few figures between the two are tested one by one. A depth-first search
  then yields connected sets in time close to linear in the statements.

Claim pairs the engine rules out one by one (two ends of one range, one text reprinted by two
outlets) make their claims singleton statements and are excluded as statement pairs.

In draft mode (`StatementIndex.focus`), a check that reports connected sets one by one asks only
for the sets that hold a draft statement; each is found whole, exactly as in a full run.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

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


def related_sets(index: StatementIndex, group: str, relation_for: LinkTest, documents: Documents = "any",
                 skip_reprinted: bool = False, sources: frozenset[SourceRelation] = ALL_SOURCES,
                 focused: bool = False, requires: Requires = None) -> list[list[Statement]]:
    """Connected sets (two or more statements) of `group` under `relation_for`, each sorted by
    statement index, in order of their first statement.

    `relation_for(link, a, b)` sees the link between two classes and a representative figure of
    each (class-level facts only: source, horizon, headline) and returns how their statements
    relate, or None when the classes are never compared. `sources` lists the `Link.sources`
    values under which it may return a relation (a promise that lets whole classes be skipped).
    `documents` says whether related figures stand in one article, in two, or either.
    `skip_reprinted` leaves out pairs of one reprinted text. `focused`: in draft mode, only the
    sets that hold a draft statement (the others are never built). `requires`: what every
    relation `relation_for` returns implies of two figures ('differ' beyond rounding, 'disjoint'
    intervals); a group where no two figures do is answered without a search."""
    members = [index.statements[i] for i in index.by_group.get(group, [])]
    focus = index.focus if focused else None
    apart = documents == "different"
    if len(members) < 2 or (apart and len({s.figure.document for s in members}) < 2) \
            or not index.span(group).allows(requires) or (apart and sources <= ONE_VOICE and not _voices_meet(index, members)):
        return []  # most groups of an archive slice: nothing to pair, so nothing to build
    if documents != "same":
        return _search(index, members, _ByClass(index, relation_for, sources, members), skip_reprinted,
                       documents == "different", focus)
    by_document: dict[str, list[Statement]] = {}
    for statement in members:
        by_document.setdefault(statement.figure.document, []).append(statement)
    return sorted((s for part in by_document.values()
                   if len(part) > 1 and (focus is None or any(m.index in focus for m in part))
                   for s in _search(index, part, _ByClass(index, relation_for, sources, part), skip_reprinted, False,
                                    focus)),
                  key=lambda component: component[0].index)


def related_sets_by_time(index: StatementIndex, group: str, relation_for: TimeTest,
                         sources: frozenset[SourceRelation] = ALL_SOURCES, focused: bool = False,
                         requires: Requires = None) -> list[list[Statement]]:
    """`related_sets` for a check whose relation reads nothing of a class but whether the two
    horizons describe one time (`relation_for(horizons_comparable)`) and, pair by pair, whether the
    sources relate as one of `sources`. Its statements are pooled by horizon (and part/whole role)
    instead of by class: across voices, a group of a large archive has hundreds of classes but
    only as many times as it has publication days."""
    members = [index.statements[i] for i in index.by_group.get(group, [])]
    if len(members) < 2 or not index.span(group).allows(requires):
        return []
    keys = [index.classes[s.klass] for s in members]
    if relation_for(True) is None and len({(k.horizon.kind, k.horizon.start, k.horizon.end) for k in keys}) < 2:
        return []  # only figures of different times relate, and all describe one
    if not sources & ONE_VOICE and len({k.source_key for k in keys} - {None}) < 2:
        return []  # only figures of different voices relate, and at most one voice is named
    return _search(index, members, _ByTime(index.times(group), relation_for, sources), False, False,
                   index.focus if focused else None)


def _voices_meet(index: StatementIndex, members: list[Statement]) -> bool:
    """Whether one voice (a source, the sources related to it, or an unstated one) speaks in two
    of these articles: a check confined to one voice and to figures of two articles needs that."""
    articles: dict[str | None, set[str]] = {}
    for statement in members:
        articles.setdefault(index.classes[statement.klass].source_key, set()).add(statement.figure.document)
    if None in articles or any(len(found) > 1 for found in articles.values()):
        return True  # an unstated source meets every other, in some other article (there are two)
    return any(other in articles for source in articles for other in index.related_sources.get(source or "", ()))


class _ByClass:
    """Pools of one class each; the relation comes from the check, once per pair of classes."""

    def __init__(self, index: StatementIndex, relation_for: LinkTest, sources: frozenset[SourceRelation],
                 members: list[Statement]) -> None:
        self.index = index
        self.relation_for = relation_for
        self.by_class: dict[int, list[Statement]] = {}
        for statement in members:
            self.by_class.setdefault(statement.klass, []).append(statement)
        self.first = {k: v[0].figure for k, v in self.by_class.items()}
        self.relations: dict[tuple[int, int], Relation | None] = {}
        # Only a check confined to one voice can skip classes by source; 'different' means everyone else.
        self.by_voice = sources <= ONE_VOICE
        self.voices: dict[int, list[int] | None] = {}
        self.by_source: dict[str | None, list[int]] | None = None  # built when first asked

    def pools(self) -> dict[int, list[Statement]]:
        return self.by_class

    def pool_of(self, statement: Statement) -> int:
        return statement.klass

    def stats(self, pool: int, statements: list[Statement]) -> ClassStats:
        return self.index.stats[pool]

    def relation(self, u: Statement, pool: int) -> Relation | None:
        key = (u.klass, pool)
        if key not in self.relations:  # a part is never compared with a whole ('2,100 of their jobs' vs '11,000 cuts')
            a, b = key
            same_role = self.index.classes[a].role == self.index.classes[b].role
            self.relations[key] = self.relation_for(self.index.link(a, b), self.first[a], self.first[b]) \
                if same_role else None
        return self.relations[key]

    def candidates(self, u: Statement) -> list[int] | None:
        """Classes u's class may relate to, by voice: its own source, the sources related to it, and
        unstated ones. None (visit every class) for an unstated source, or a check across voices."""
        if not self.by_voice:
            return None
        klass = u.klass
        if klass not in self.voices:
            source = self.index.classes[klass].source_key
            if source is None:
                self.voices[klass] = None
            else:
                if self.by_source is None:
                    self.by_source = {}
                    for other in self.by_class:
                        self.by_source.setdefault(self.index.classes[other].source_key, []).append(other)
                voices = [source, None, *sorted(self.index.related_sources.get(source, ()))]
                self.voices[klass] = [k for voice in voices for k in self.by_source.get(voice, ())]
        return self.voices[klass]

    def compact(self, u: Statement, pools: dict[int, _Pool]) -> None:
        """Drop emptied pools from u's candidates."""
        self.voices[u.klass] = [k for k in self.voices[u.klass] or () if pools[k].items]

    def accept(self, u: Statement) -> Callable[[Statement], bool] | None:
        return None


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
            slot = slots.setdefault((key.horizon.kind, key.horizon.start, key.horizon.end, key.role), len(slots))
            if slot == len(self.time_of):
                self.time_of.append(key)
            self.slot_of[statement.klass] = slot
            self.by_slot.setdefault(slot, []).append(statement)
        self.stats: dict[int, ClassStats] = {}
        for slot, statements in self.by_slot.items():
            stats = self.stats[slot] = ClassStats()
            for statement in statements:
                stats.add(statement)
        self._meets: dict[int, tuple[list[int], list[int]]] = {}

    def meets(self, slot: int) -> tuple[list[int], list[int]]:
        """The slots of `slot`'s role describing the same time as it, and those describing another."""
        if slot not in self._meets:
            mine = self.time_of[slot]
            same: list[int] = []
            other: list[int] = []
            for pool, theirs in enumerate(self.time_of):
                if theirs.role == mine.role:
                    (same if self.index.same_time(mine.horizon, theirs.horizon) else other).append(pool)
            self._meets[slot] = (same, other)
        return self._meets[slot]


class _ByTime:
    """Pools of one time each (see Times); sources are tested statement by statement."""

    def __init__(self, times: Times, relation_for: TimeTest, sources: frozenset[SourceRelation]) -> None:
        self.index = times.index
        self.times = times
        self.sources = sources
        # the relation for each answer to "one time?"; None: never related
        self.when = {comparable: relation_for(comparable) for comparable in (True, False)}
        self.neighbours: dict[int, list[int]] = {}
        self.voice_cache: dict[tuple[str | None, str | None], bool] = {}

    def pools(self) -> dict[int, list[Statement]]:
        return self.times.by_slot

    def pool_of(self, statement: Statement) -> int:
        return self.times.slot_of[statement.klass]

    def stats(self, pool: int, statements: list[Statement]) -> ClassStats:
        return self.times.stats[pool]

    def relation(self, u: Statement, pool: int) -> Relation | None:
        times = self.times
        mine, theirs = times.time_of[times.slot_of[u.klass]], times.time_of[pool]
        if mine.role != theirs.role:
            return None
        return self.when[self.index.same_time(mine.horizon, theirs.horizon)]

    def candidates(self, u: Statement) -> list[int]:
        """The pools whose time may relate to u's (its relation is not None), listed once per time."""
        slot = self.times.slot_of[u.klass]
        if slot not in self.neighbours:
            same, other = self.times.meets(slot)
            self.neighbours[slot] = (same if self.when[True] else []) + (other if self.when[False] else [])
        return self.neighbours[slot]

    def compact(self, u: Statement, pools: dict[int, _Pool]) -> None:
        """Drop emptied pools from the candidates of u's time."""
        slot = self.times.slot_of[u.klass]
        self.neighbours[slot] = [pool for pool in self.neighbours[slot] if pools[pool].items]

    def accept(self, u: Statement) -> Callable[[Statement], bool] | None:
        if self.sources >= ALL_SOURCES:
            return None
        voice = self.index.classes[u.klass].source_key
        classes, cache, relation_of = self.index.classes, self.voice_cache, self.index.source_relation
        assert relation_of is not None, "a check across voices needs the index's source_relation"

        def accept(v: Statement) -> bool:
            key = (voice, classes[v.klass].source_key)
            if key not in cache:
                cache[key] = relation_of(*key) in self.sources
            return cache[key]

        return accept


def _search(index: StatementIndex, members: list[Statement], pooling: _ByClass | _ByTime,
            skip_reprinted: bool, apart: bool, focus: set[int] | None) -> list[list[Statement]]:
    """Connected sets by depth-first search: each statement leaves its pool once, when found."""
    if len(members) < 2:
        return []
    grouped = pooling.pools()
    pools = {k: _Pool(v, pooling.stats(k, v)) for k, v in grouped.items()}
    active = list(pools)  # pools with statements left, compacted as they empty
    starts = members if focus is None else [s for s in members if s.index in focus]
    seen: set[int] = set()
    out: list[list[Statement]] = []
    for start in starts:
        if start.index in seen:
            continue
        seen.add(start.index)
        pools[pooling.pool_of(start)].remove(start)
        component, stack = [start], [start]
        while stack:
            u = stack.pop()
            blocked = index.blocker(u, skip_reprinted)
            document = u.figure.document if apart else None
            accept = pooling.accept(u)
            emptied = 0
            keys = pooling.candidates(u)
            own = keys is not None
            for key in keys if own else active:
                pool = pools[key]
                if not pool.items:
                    emptied += 1
                    continue
                rel = pooling.relation(u, key)
                if rel is None:
                    continue
                found = pool.take(u, rel, blocked, document, accept)
                for v in found:
                    seen.add(v.index)
                component.extend(found)
                stack.extend(found)
            if own and emptied * 4 > len(keys):
                pooling.compact(u, pools)
            elif not own and emptied * 4 > len(active):
                active = [k for k in active if pools[k].items]
        if len(component) > 1:
            out.append(sorted(component, key=lambda s: s.index))
    if focus is not None:
        out.sort(key=lambda component: component[0].index)  # the order a full run finds them in
    return out


class _Pool:
    """Unvisited statements of one class, kept sorted by the key of the relation last asked."""

    __slots__ = ("order", "items", "keys", "per_document", "stats")

    def __init__(self, statements: list[Statement], stats: ClassStats) -> None:
        self.stats = stats
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

    def _take_one(self, u: Statement, rel: Relation, blocked: Callable[[Statement], bool] | None,
                  other_than: str | None, accept: Callable[[Statement], bool] | None) -> list[Statement]:
        """take() for a pool of one statement (most classes of a group hold one): the same windows
        decide, without bisecting or rebuilding lists."""
        v, key, stats = self.items[0], self.keys[0], self.stats
        if v.figure.document == other_than or (blocked is not None and blocked(v)) \
                or (accept is not None and not accept(v)):
            return []
        window = rel.window(u, stats) if stats.finite else None
        if window is not None and (key < window[0] or window[1] < key):
            pass  # outside the window: certainly related
        else:
            inner = rel.inner(u, stats) if stats.finite else None
            if (inner is not None and inner[0] <= key <= inner[1]) or not rel.holds(u, v):
                return []
        self.items, self.keys = [], []
        self.per_document[v.figure.document] -= 1
        return [v]

    def take(self, u: Statement, rel: Relation, blocked: Callable[[Statement], bool] | None, other_than: str | None,
             accept: Callable[[Statement], bool] | None) -> list[Statement]:
        """Remove and return the statements related to `u`: from articles other than `other_than`, if
        given, never one `blocked` says is ruled out, and only those `accept` takes, if given."""
        if other_than is not None and self.per_document.get(other_than, 0) == len(self.items):
            return []  # only u's own article is left here
        self._sort(rel.order)
        if len(self.items) == 1:
            return self._take_one(u, rel, blocked, other_than, accept)
        items, keys, stats = self.items, self.keys, self.stats
        n = len(items)
        window = rel.window(u, stats) if stats.finite else None
        lo, hi = (0, n) if window is None else (bisect_left(keys, window[0]), bisect_right(keys, window[1]))
        inner = rel.inner(u, stats) if stats.finite and lo < hi else None
        skip_lo = skip_hi = lo  # [skip_lo, skip_hi): certainly unrelated, never tested
        if inner is not None:
            skip_lo = min(max(lo, bisect_left(keys, inner[0])), hi)
            skip_hi = max(skip_lo, min(hi, bisect_right(keys, inner[1])))
        found: list[Statement] = []
        kept: list[int] = []  # positions that stay, outside [skip_lo, skip_hi)
        plain = other_than is None and blocked is None and accept is None
        for a, b in ((0, lo), (hi, n)):  # certainly related by figure
            if plain:
                found.extend(items[a:b])
                continue
            for i in range(a, b):
                v = items[i]
                if (v.figure.document == other_than or (blocked is not None and blocked(v))
                        or (accept is not None and not accept(v))):
                    kept.append(i)
                else:
                    found.append(v)
        for a, b in ((lo, skip_lo), (skip_hi, hi)):
            for i in range(a, b):
                v = items[i]
                if (v.figure.document != other_than and (blocked is None or not blocked(v))
                        and (accept is None or accept(v)) and rel.holds(u, v)):
                    found.append(v)
                else:
                    kept.append(i)
        if not found:
            return found
        for v in found:
            self.per_document[v.figure.document] -= 1
        kept.sort()
        before = [i for i in kept if i < skip_lo]
        after = [i for i in kept if i >= skip_hi]
        self.items = [items[i] for i in before] + items[skip_lo:skip_hi] + [items[i] for i in after]
        self.keys = [keys[i] for i in before] + keys[skip_lo:skip_hi] + [keys[i] for i in after]
        return found


def _key(statement: Statement, order: Order) -> float:
    value = statement.center if order == "center" else statement.low
    return -math.inf if math.isnan(value) else value


def claim_ids(statements: Iterable[Statement]) -> list[str]:
    return [claim for statement in statements for claim in statement.claims]
