"""Helpers for the store and parallel tests: a tiny article writer and a stand-in extractor.

The stand-in reads "<number> <noun>" pairs with a regex. It lets these tests exercise ordering,
batching and crash recovery quickly and independently of the real extraction's accuracy; the tests
that compare engines on real articles use the real extractor and skip while it is missing.
"""

from __future__ import annotations

import re
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.models import Claim, Document
from checker.store import ClaimStore, open_store
from checker.ruleset import RuleSet

FIGURE = re.compile(r"\b(\d[\d,]*)\s+([a-z]+)")
NOUNS = ["homes", "residents", "flights", "workers", "patients", "vehicles", "schools", "villages"]
PLACES = ["Alderbrook", "Crestmoor", "Dunhollow", "Eastwick", "Fairhaven", "Glenmere"]


def stub_extract_claims(document: Document, rules: RuleSet, lexicon: object = None) -> list[Claim]:
    claims = []
    for match in FIGURE.finditer(document.text, document.body_start):
        if "slow" in document.id:
            time.sleep(0.05)
        claims.append(Claim(
            id=f"{document.id}:c{len(claims) + 1}", document=document.id, start=match.start(1), end=match.end(1),
            line=document.text.count("\n", 0, match.start()) + 1, text=match.group(1),
            value=float(match.group(1).replace(",", "")), unit=match.group(2), subject_key=match.group(2),
            kind="count", sentence=match.group(0),
        ))
    return claims


def install_stub(monkeypatch: pytest.MonkeyPatch) -> None:
    """Route checker.extract.extract_claims to the stand-in (forked workers inherit the patch)."""
    try:
        import checker.extract as module
    except ImportError:  # the real extraction has not landed in this checkout
        module = types.ModuleType("checker.extract")
        monkeypatch.setitem(sys.modules, "checker.extract", module)
    monkeypatch.setattr(module, "extract_claims", stub_extract_claims, raising=False)


@pytest.fixture
def stubbed_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stand-in extraction for a whole test module: `pytestmark = pytest.mark.usefixtures(...)`."""
    install_stub(monkeypatch)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ClaimStore]:
    """An empty claim store in the test's temporary folder."""
    with open_store(tmp_path / "claims.db", create=True) as opened:
        yield opened


def article(index: int) -> str:
    noun, other = NOUNS[index % len(NOUNS)], NOUNS[(index * 3 + 1) % len(NOUNS)]
    place = PLACES[index % len(PLACES)]
    return (f"Storm leaves {place} counting the cost\n\n"
            f"Officials in {place} said {100 + index * 7} {noun} were damaged overnight.\n"
            f"By the evening about {1_000 + index * 13:,} {other} had been moved, the council said.\n")


def write_articles(folder: Path, count: int, start: int = 0, stem: str = "story") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(start, start + count):
        path = folder / f"{stem}-{index:04d}.txt"
        path.write_text(article(index), encoding="utf-8")
        paths.append(path)
    return paths
