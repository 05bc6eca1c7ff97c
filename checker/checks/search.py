"""Connected sets of related statements (checks/links.py), found without visiting every pair.

A check asks `related_sets(index, group, relation_for, ...)`: the statements of the group are
pooled by class (or, for a check across voices, by time: `related_sets_by_time`), and a
depth-first search takes from each pool the statements related to the one in hand:

- whether two classes may be compared at all is asked once per pair of classes. A check that
  only relates figures of one voice says so (`sources`), and then only the classes of that voice,
  of the sources it speaks for and of unstated sources are visited: a group of a large archive
  quotes hundreds of sources. A check across voices visits only the times that may relate.
- within a pool, statements are kept sorted, so everything outside a window around the figure in
  hand is found by bisection, and so is everything inside a smaller window that certainly does
  not relate (the same figure printed again); only the few figures between the two are tested
  one by one. Each statement leaves its pool once, when found, so the search is close to linear
  in the statements.
- a group where no two figures differ (or none are disjoint) is answered without a search
  (`requires`), and so is one with a single article, voice or time where the check needs two.

In draft mode, a check that reports connected sets one by one asks only for the sets that hold a
draft statement (`focused`); each is found whole, exactly as in a full run.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from checker.checks.links import (ALL_SOURCES, ONE_VOICE, ClassStats, Documents, LinkTest, Order, Relation,
                                  Requires, Statement, StatementIndex, TimeTest, Times)
from checker.lexicon import SourceRelation


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
    if (len(members) < 2 or not index.span(group).allows(requires)
            or (apart and len({s.figure.document for s in members}) < 2)
            or (apart and sources <= ONE_VOICE and not _voices_meet(index, members))):
        return []  # most groups of an archive slice: nothing to pair, so nothing to build
    if documents != "same":
        return _search(index, members, _ByClass(index, relation_for, sources, members), skip_reprinted, apart,
                       focus)
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
        slot = times.slot_of[u.klass]
        if times.time_of[slot].role != times.time_of[pool].role:
            return None
        return self.when[pool in times.same(slot)[1]]

    def candidates(self, u: Statement) -> list[int] | None:
        """The pools of u's time may relate to: those of the same time, listed once per time; None
        (every pool with statements left) for a relation across times, which meets most of them."""
        if self.when[False] is not None:
            return None
        slot = self.times.slot_of[u.klass]
        if slot not in self.neighbours:
            self.neighbours[slot] = list(self.times.same(slot)[0]) if self.when[True] is not None else []
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
