"""Property tests: on any article made of words, figures, hedges and dates, extraction and the checks
never raise, every offset indexes its figure, and every interval contains its value."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import cache

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.extract import extract_claims
from checker.lexicon import Lexicon
from checker.models import Document
from checker.ruleset import DEFAULT_RULES_DIR, RuleSet, load_rules
from checker.runner import run_checks

WORDS = ["troops", "people", "officials", "said", "the", "police", "marched", "died", "in", "of", "and", "by",
         "according", "to", "ministry", "reported", "rose", "fell", "from", "km", "miles", "square", "tonnes",
         "percent", "%", "$", "€", "million", "billion", "dozen", "hundreds", "half", "a", "Reuters", "Ukraine's",
         "South", "Korean", "intelligence", "estimated", "could", "reach", "will", "last", "year", "week", "Monday",
         "up", "down", "per", "each", "(", ")", "—", "-", "–", "\u00a0"]
PUNCTUATION = [".", ",", ";", ":", "?", "!", "\"", "“", "”", "'", "’", "...", "\n", "\n\n"]


@cache
def rules() -> RuleSet:
    return load_rules(None)


@cache
def lexicon() -> Lexicon:
    return Lexicon(rules())


@cache
def hedge_words() -> list[str]:
    data = yaml.safe_load((DEFAULT_RULES_DIR / "hedges.yaml").read_text(encoding="utf-8"))
    words = [w for h in data["hedges"] for w in h["words"]]
    return words + [w for a in data["amounts"] for w in a["words"]]


integers = st.integers(min_value=-10**7, max_value=10**13)
numbers = st.one_of(
    integers.map(str),
    integers.map(lambda n: f"{n:,}"),
    integers.map(lambda n: f"{n:,}".replace(",", " ")),
    integers.map(lambda n: f"{n:,}".replace(",", ".")),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda x: f"{x:.2f}"),
    st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda x: f"{x:.1f}%"),
    st.floats(min_value=0, max_value=999, allow_nan=False).map(lambda x: f"${x:.1f} million"),
    st.integers(min_value=-400, max_value=400).map(lambda e: f"1.5e{e}"),
    st.tuples(integers, integers).map(lambda p: f"{p[0]}-{p[1]}"),
    st.tuples(integers, integers).map(lambda p: f"between {p[0]:,} and {p[1]:,}"),
    st.tuples(integers, integers).map(lambda p: f"{p[0]} to {p[1]}"),
    st.sampled_from(["one", "three", "twenty-five", "a hundred", "two thousand", "half", "a third", "½", "3¼",
                     "1/2", "0", "00", "0.0", "1,000,000,000,000,000,000", "9" * 400, "1.2.3", ",5", "5,", "-0"]),
)
dates = st.one_of(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)).map(lambda d: d.strftime("%d %B %Y")),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)).map(lambda d: d.isoformat()),
    st.sampled_from(list(calendar.month_name[1:]) + list(calendar.month_abbr[1:])),
    st.sampled_from(["by December", "by the end of the year", "next month", "in 2024", "since 1990", "Q3"]),
)
tokens = st.one_of(
    st.sampled_from(WORDS),
    numbers,
    st.builds(lambda h: h, st.sampled_from(hedge_words()) if hedge_words() else st.just("about")),
    dates,
    st.sampled_from(PUNCTUATION),
    st.text(min_size=1, max_size=4),
)
articles = st.lists(tokens, min_size=1, max_size=60).map(" ".join)
published = st.one_of(st.none(), st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 1, 1)))


@pytest.mark.timeout(600)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=articles, when=published)
def test_extraction_and_checks_never_raise_and_keep_the_contract(text: str, when: dt.date | None) -> None:
    document = Document(id="f", path="f.txt", text=text, published=when)
    claims = extract_claims(document, rules(), lexicon())
    run_checks([document], claims, rules())
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text
        assert 0 <= claim.start < claim.end <= len(text)
        if claim.value is not None and claim.low is not None:
            assert claim.low <= claim.value, claim
        if claim.value is not None and claim.high is not None:
            assert claim.value <= claim.high, claim
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high, claim


@pytest.mark.timeout(600)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(articles, min_size=2, max_size=4))
def test_several_articles_never_make_the_checks_raise(pieces: list[str]) -> None:
    documents = [Document(id=f"d{i}", path=f"d{i}.txt", text=text, outlet=f"Outlet {i % 2}",
                          published=dt.date(2024, 11, 1)) for i, text in enumerate(pieces)]
    claims = [c for d in documents for c in extract_claims(d, rules(), lexicon())]
    groups, findings = run_checks(documents, claims, rules())
    known = {c.id for c in claims}
    for finding in findings:
        assert set(finding.claims) <= known and finding.message.strip()
