"""The indexed search for related statements (checks/search.py) and the reprint join
(checks/reprints.py) find exactly what comparing every pair would, on seeded random stories;
draft mode reports exactly the full run's findings that hold a draft claim."""

from __future__ import annotations

import datetime as dt
import gc
import tracemalloc
import random
from collections.abc import Callable
from typing import Any

import pytest

import checker.checks.contradiction
import checker.checks.explained_range
import checker.checks.internal
import checker.checks.unexplained_range
from checker.checks.examples import example_claims
from checker.checks.links import ALL_SOURCES, Documents, LinkTest, Statement, StatementIndex, TimeTest
from checker.checks.reprints import Reprints, similarity, trigrams
from checker.models import Claim, Document, Horizon
from checker.ruleset import load_rules
from checker.runner import run_checks

SOURCES = [None, None, "police", "the army", "officials", "South Korea's spy agency", "the NIS", "the government"]
QUALIFIERS = [None, None, "about", "at least", "up to", "as many as", "nearly"]
BASES = [40, 100, 3000, 12000, 2.5]
# steps around a base: within rounding (3%), beyond it but within the unattributed tolerance (6-9%), beyond both
STEPS = [0, 0, 0.03, 0.06, 0.08, 0.09, 0.12, 0.3]
SUBJECTS = ["troops", "soldiers", "troops", "officers", "protesters"]
ENDINGS = ["in the area on Monday", "in the area on Monday, officials added", "near the border",
           "across the region this week", "in the capital"]


def _horizon(rng: random.Random, published: dt.date) -> Any:
    kind = rng.choice(["current", "current", "eventual", "deadline", "period", "point"])
    if kind == "deadline":
        return {"kind": "deadline", "end": (published + dt.timedelta(days=rng.choice([10, 40, 90]))).isoformat()}
    if kind == "period":
        start = published - dt.timedelta(days=rng.choice([3, 20]))
        return {"kind": "period", "start": start.isoformat(), "end": published.isoformat()}
    if kind == "point":
        return {"kind": "point", "start": (published - dt.timedelta(days=rng.choice([0, 1, 9]))).isoformat()}
    return kind


def random_story(seed: int, drafts: int = 0) -> tuple[list[Document], list[Claim]]:
    """A story of a few articles about one quantity, with repeated figures, hedges, voices, times,
    headlines, and sentences printed word for word (or nearly) by several outlets."""
    rng = random.Random(seed)
    day = dt.date(2024, 10, 1)
    documents = [{"id": f"d{n}", "published": day + dt.timedelta(days=rng.choice([0, 0, 2, 12])),
                  "outlet": rng.choice(["Ledger", "Courier", "Wire", "Post"]),
                  "role": "draft" if n < drafts else "source"} for n in range(rng.randint(2, 6))]
    shared: list[dict[str, Any]] = []
    specs: list[dict[str, Any]] = []
    for document in documents:
        for number in range(rng.randint(1, 6)):
            if shared and rng.random() < 0.3:  # a reprint: another outlet's sentence, maybe one word changed
                spec = dict(rng.choice(shared))
                if rng.random() < 0.5:
                    spec["sentence"] = spec["sentence"].replace(" said", " says")
            else:
                base = rng.choice(BASES)
                value: float = base * (1 + rng.choice(STEPS))
                value = round(value, 1) if base < 10 else int(value)
                text = f"{value:,}" if isinstance(value, int) else str(value)
                qualifier, source = rng.choice(QUALIFIERS), rng.choice(SOURCES)
                words = f"{qualifier} {text}" if qualifier else text
                subject = rng.choice(SUBJECTS)
                sentence = f"{source or 'It was reported that'} said {words} {subject} were {rng.choice(ENDINGS)}."
                spec = {"text": text, "value": value, "subject": subject, "qualifier": qualifier,
                        "attribution": source, "sentence": sentence[0].upper() + sentence[1:] + f" ({number})",
                        "horizon": _horizon(rng, document["published"]), "in_headline": rng.random() < 0.1}
                if qualifier == "at least":
                    spec["low"] = value
                shared.append(spec)
            specs.append({**spec, "document": document["id"]})
    return example_claims({"documents": documents, "claims": specs}, load_rules())


def _pairs_connected(members: list[Statement],
                     related: Callable[[Statement, Statement], bool]) -> list[list[Statement]]:
    parent = {s.index: s.index for s in members}

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, u in enumerate(members):
        for v in members[i + 1:]:
            if related(u, v):
                parent[find(u.index)] = find(v.index)
    components: dict[int, list[Statement]] = {}
    for s in members:
        components.setdefault(find(s.index), []).append(s)
    return sorted((sorted(c, key=lambda s: s.index) for c in components.values() if len(c) > 1),
                  key=lambda c: c[0].index)


def _blocked(index: StatementIndex, u: Statement, v: Statement, skip_reprinted: bool) -> bool:
    if frozenset((u.index, v.index)) in index.excluded:
        return True
    return (skip_reprinted and u.index in index.reprinting and v.index in index.reprinting
            and index.reprint_pair is not None and index.reprint_pair(u.figure, v.figure))


def every_pair(index: StatementIndex, group: str, relation_for: LinkTest, documents: Documents = "any",
               skip_reprinted: bool = False, *ignored: Any, **ignored_too: Any) -> list[list[Statement]]:
    """related_sets by testing every pair of statements, every time."""
    members = [index.statements[i] for i in index.by_group.get(group, [])]
    parts: dict[str, list[Statement]] = {}
    for s in members:
        parts.setdefault(s.figure.document if documents == "same" else "", []).append(s)
    out = []
    for part in parts.values():
        first: dict[int, Claim] = {}
        for s in part:
            first.setdefault(s.klass, s.figure)

        def related(u: Statement, v: Statement) -> bool:
            if documents == "different" and u.figure.document == v.figure.document:
                return False
            if index.classes[u.klass].role != index.classes[v.klass].role or _blocked(index, u, v, skip_reprinted):
                return False
            rel = relation_for(index.link(u.klass, v.klass), first[u.klass], first[v.klass])
            return rel is not None and rel.holds(u, v)

        out.extend(_pairs_connected(part, related))
    return sorted(out, key=lambda c: c[0].index)


def every_pair_by_time(index: StatementIndex, group: str, relation_for: TimeTest, sources: Any = ALL_SOURCES,
                       *ignored: Any, **ignored_too: Any) -> list[list[Statement]]:
    """related_sets_by_time by testing every pair of statements, every time."""
    members = [index.statements[i] for i in index.by_group.get(group, [])]
    assert index.source_relation is not None

    def related(u: Statement, v: Statement) -> bool:
        a, b = index.classes[u.klass], index.classes[v.klass]
        rel = relation_for(index.same_time(a.horizon, b.horizon)) if a.role == b.role else None
        return (rel is not None and index.source_relation(a.source_key, b.source_key) in sources
                and rel.holds(u, v))

    return _pairs_connected(members, related)


def _in_focus(index: StatementIndex, sets: list[list[Statement]], focused: bool) -> list[list[Statement]]:
    return [s for s in sets if not focused or index.focus is None or any(m.index in index.focus for m in s)]


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every search the checks ask for is answered twice, indexed and by every pair, and must agree."""
    asked = [0]

    def both(indexed: Callable[..., list[list[Statement]]], brute: Callable[..., list[list[Statement]]]) -> Any:
        def search(index: StatementIndex, group: str, relation_for: Any, *args: Any, **kwargs: Any) -> Any:
            found = indexed(index, group, relation_for, *args, **kwargs)
            every = brute(index, group, relation_for, *args, **kwargs)
            expected = _in_focus(index, every, kwargs.get("focused", False))
            assert [[s.index for s in c] for c in found] == [[s.index for s in c] for c in expected]
            asked[0] += bool(expected)
            return found
        return search

    for module in (checker.checks.contradiction, checker.checks.unexplained_range, checker.checks.internal):
        monkeypatch.setattr(module, "related_sets", both(module.related_sets, every_pair))
    module = checker.checks.explained_range
    monkeypatch.setattr(module, "related_sets_by_time", both(module.related_sets_by_time, every_pair_by_time))
    return asked


@pytest.mark.parametrize("drafts", [0, 1])
def test_indexed_search_finds_what_every_pair_finds(drafts: int, compared: list[int]) -> None:
    rules = load_rules()
    for seed in range(60):
        run_checks(*random_story(seed, drafts), rules)
    assert compared[0] > 100  # searches that found something were compared


@pytest.mark.parametrize("seed", range(40))
def test_draft_mode_reports_the_full_runs_findings_that_hold_a_draft_claim(seed: int) -> None:
    rules = load_rules()
    documents, claims = random_story(seed, drafts=1)
    groups, findings = run_checks(documents, claims, rules)
    draft_claims = {c.id for c in claims if c.document == documents[0].id}
    # the same story with the draft read as a source: a full run, then the draft's findings only
    as_sources = [d.model_copy(update={"role": "source"}) for d in documents]
    full_groups, full = run_checks(as_sources, claims, rules)
    expected = [f for f in full if draft_claims.intersection(f.claims) and f.code != "CC302"]
    assert [f for f in findings if f.code != "CC302"] == expected  # CC302 exists only in draft mode
    assert groups == full_groups


def test_random_stories_exercise_every_story_check() -> None:
    """The generator is not vacuous: across seeds, each check that relates statements fires."""
    rules = load_rules()
    codes = {f.code for seed in range(40) for f in run_checks(*random_story(seed), rules)[1]}
    assert {"CC101", "CC102", "CC103", "CC104", "CC301"} <= codes


def _texts(seed: int) -> list[str]:
    rng = random.Random(seed)
    words = "the agency said troops were sent to the front as many as by december officials added".split()
    base = [" ".join(rng.choice(words) for _ in range(rng.randint(2, 16))) for _ in range(12)]
    texts = []
    for _ in range(40):
        text = rng.choice(base).split()
        for _ in range(rng.randint(0, 3)):  # edit a copy: a reprint with a word changed, dropped or added
            at = rng.randrange(len(text) + 1)
            text[at:at + rng.randint(0, 1)] = [rng.choice(words)] if rng.random() < 0.7 else []
        texts.append(" ".join(text))
    return list(dict.fromkeys(texts))


@pytest.mark.parametrize("seed", range(30))
def test_reprint_join_finds_every_alike_pair(seed: int) -> None:
    rules = load_rules()
    texts = _texts(seed)
    holders = {text: [0] for text in texts}
    found = set(Reprints(rules, {})._similar_texts(holders))
    threshold = rules.tolerances.wire_copy_similarity
    expected = {(t, t) for t in texts if trigrams(t)}
    expected |= {(min(a, b), max(a, b)) for i, a in enumerate(texts) for b in texts[i + 1:]
                 if similarity(a, b) >= threshold}
    assert found == expected


def _figure(rng: random.Random, number: int) -> Claim:
    """A claim as the engine groups it: a value, maybe a hedge or bounds, maybe a temperature."""
    value = rng.choice([0, 2.5, 40, 100, 3000, 3127, 3150, 12_000, 12_345_678, 1e9])
    value = round(value * rng.choice([1, 1, 1.02, 1.07, -1]), 2)
    extra: dict[str, Any] = {"qualifier": rng.choice(QUALIFIERS)}
    if extra["qualifier"] == "at least" and rng.random() < 0.5:
        extra["low"] = value
    if rng.random() < 0.15:  # a temperature, in Celsius or Fahrenheit
        fahrenheit = rng.random() < 0.5
        kelvin = (value - 32) * 5 / 9 + 273.15 if fahrenheit else value + 273.15
        extra.update(kind="measure", dimension="[temperature]", base_value=kelvin,
                     unit="degree Fahrenheit" if fahrenheit else "degree Celsius")
    return Claim(id=f"c{number}", document=f"d{rng.randrange(3)}", start=0, end=1, line=1, text=str(value),
                 value=value, **extra)


@pytest.mark.parametrize("seed", range(200))
def test_a_pool_takes_exactly_the_related_statements(seed: int) -> None:
    """Windows (certainly related) and inner windows (certainly not) never disagree with the pair test
    on claims, compare.differ and compare.disjoint, whatever the figures, hedges, signs and units."""
    from checker.checks.compare import (bounds, central, differ, differing, differing_overlapping, disjoining, disjoint,
                                        one_range, rounding_reach)
    from checker.checks.links import TEMPERATURE, ClassStats
    from checker.checks.search import _Pool

    rules = load_rules()
    rng = random.Random(seed)
    figures = [_figure(rng, n) for n in range(rng.randint(2, 12))]
    statements = []
    for n, figure in enumerate(figures):
        low, high = bounds(figure, rules)
        statements.append(Statement(index=n, group="g", klass=0, claims=(figure.id,), figure=figure,
                                    center=central(figure) or 0.0, spread=rounding_reach(figure, rules), low=low,
                                    high=high, hot=figure.dimension == TEMPERATURE))
    relative = rng.choice([None, rules.tolerances.unattributed_disagreement])
    cases = [(differing(rules, relative), lambda a, b: differ(a, b, rules, relative)),
             (disjoining(rules), lambda a, b: disjoint(a, b, rules)),
             (differing_overlapping(rules, relative),
              lambda a, b: not disjoint(a, b, rules) and differ(a, b, rules, relative) and not one_range(a, b, rules))]
    for relation, truth in cases:
        for u in statements:
            others = [s for s in statements if s is not u]
            stats = ClassStats()
            for s in others:
                stats.add(s)
            apart = rng.random() < 0.3
            taken = _Pool(others, stats).take(u, relation, None, u.figure.document if apart else None, None)
            expected = [s for s in others if truth(u.figure, s.figure)
                        and not (apart and s.figure.document == u.figure.document)]
            assert sorted(s.index for s in taken) == sorted(s.index for s in expected)


@pytest.mark.parametrize("seed", range(30))
def test_reprint_sets_connect_exactly_the_reprinted_pairs(seed: int) -> None:
    """Clusters (and which claims have a reprint at all) are those of listing every reprinted pair:
    two articles, one role, sentences at least `wire_copy_similarity` alike."""
    from checker.statements import UnionFind

    rules = load_rules()
    rng = random.Random(seed)
    texts = _texts(seed)
    # odd seeds: each group quotes texts of its own, alike to other groups' texts (joined part by part)
    apart = seed % 2 == 1
    groups: list[list[Claim]] = []
    for number in range(3):
        claims = []
        for n in range(rng.randint(2, 25)):
            document = f"d{rng.randrange(5)}"
            text = rng.choice(texts[number::3] if apart else texts)
            claims.append(Claim(id=f"g{number}c{n}", document=document, start=0, end=1, line=1, text="1", value=1,
                                sentence=text, sentence_start=texts.index(text) * 1000 + rng.choice([0, 0, 500])))
        groups.append(claims)
    roles = {c.id: "part" for claims in groups for c in claims if rng.random() < 0.2}
    reprints = Reprints(rules, roles)
    found, reprinted = UnionFind(), set()
    for joined_sets in reprints.connect(groups):
        for joined in joined_sets:
            reprinted.update(joined)
            for other in joined[1:]:
                found.union(joined[0], other)
    expected, paired = UnionFind(), set()
    threshold = rules.tolerances.wire_copy_similarity
    for claims in groups:
        first_text = {}
        for c in claims:  # a sentence is read in its first claim's wording
            first_text.setdefault((c.document, c.sentence_start), c.sentence)
        for i, a in enumerate(claims):
            for b in claims[i + 1:]:
                x, y = first_text[(a.document, a.sentence_start)], first_text[(b.document, b.sentence_start)]
                if (a.document != b.document and roles.get(a.id) == roles.get(b.id)
                        and similarity(x, y) >= threshold):
                    expected.union(a.id, b.id)
                    paired.update((a.id, b.id))
                    assert reprints.pair(a, b)
    assert reprinted == paired and found.clusters() == expected.clusters()


def _random_horizon(rng: random.Random) -> Horizon:
    kind = rng.choice(["current", "point", "deadline", "period", "past", "eventual", "unknown"])
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(400))

    def maybe(date: dt.date) -> dt.date | None:
        return None if rng.random() < 0.15 else date

    other = day + dt.timedelta(days=rng.choice([-40, -5, 0, 3, 9, 60]))  # sometimes before the start
    if kind in ("current", "point"):  # a day, or its start alone
        return Horizon(kind=kind, start=maybe(day), end=day if rng.random() < 0.5 else None)
    # "from 1 April": a change taking effect on a coming day meets that day's figures (times._takes_effect_on)
    text = "from 1 April" if kind == "eventual" and rng.random() < 0.5 else None
    return Horizon(kind=kind, start=maybe(day), end=maybe(other), text=text)


@pytest.mark.parametrize("seed", range(20))
def test_same_time_candidates_hold_every_comparable_horizon(seed: int) -> None:
    from checker.checks.times import SameTime, comparable_horizons

    rules = load_rules()
    rng = random.Random(seed)
    horizons = [_random_horizon(rng) for _ in range(60)]
    finder = SameTime(horizons, rules)
    for i, h in enumerate(horizons):
        candidates = finder.candidates(i)
        assert len(candidates) == len(set(candidates))
        assert {j for j, other in enumerate(horizons) if comparable_horizons(h, other, rules)} <= set(candidates)


def _story_of_its_own(seed: int) -> tuple[list[Document], list[Claim]]:
    """random_story(seed) with every sentence lengthened by words no other story prints (reprints stay
    word for word alike), as an archive's months are."""
    documents, claims = random_story(seed)
    tail = " ".join(f"w{seed}x{n}" for n in range(40))
    return documents, [c.model_copy(update={"sentence": f"{c.sentence} {tail}"}) for c in claims]


def test_a_checked_story_leaves_little_memory_behind_per_sentence() -> None:
    """An archive is checked a month at a time, so what a month's sentences cost must go with it: a
    process-wide cache of reprint trigrams (about 8 KB a sentence here) once grew a 100,000-article
    check to 560 MB. What may stay is the profile memo's entry (profiles.RENEW_AFTER bounds it)."""
    rules = load_rules()
    for seed in range(3):  # one-off loads and the caches of short phrases, which stay bounded
        run_checks(*_story_of_its_own(seed), rules)
    stories = [_story_of_its_own(seed) for seed in range(100, 160)]
    sentences = sum(len(claims) for _, claims in stories)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for documents, claims in stories:
            run_checks(documents, claims, rules)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept / sentences < 1500, f"{kept:,} bytes kept after checking {sentences} sentences"
