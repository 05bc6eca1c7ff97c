"""Whole probe stories (tests/probes/<story>/, see expect.yaml there): each warning or error the
checker raises on them is one a fact-checker would raise, and each such finding expected is raised.
Every fix of a false alarm they revealed also has a unit test of its own; this keeps the stories
quiet as a whole."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.pipeline import RunOptions, run

PROBES = Path(__file__).parent / "probes"
EXPECTED: dict[str, list[dict[str, object]]] = yaml.safe_load((PROBES / "expect.yaml").read_text(encoding="utf-8"))


def test_every_probe_folder_is_listed() -> None:
    assert sorted(p.name for p in PROBES.iterdir() if p.is_dir()) == sorted(EXPECTED)


@pytest.mark.parametrize("story", sorted(EXPECTED))
def test_loud_findings_are_exactly_the_expected_ones(story: str) -> None:
    report = run(RunOptions(paths=[PROBES / story]))
    assert len(report.claims) >= 10, "the articles must yield claims, or the test checks nothing"
    text = {c.id: c.text for c in report.claims}
    loud = sorted((f.code, sorted(text[i] for i in f.claims)) for f in report.findings
                  if f.severity.value in ("warning", "error"))
    expected = sorted((str(e["code"]), sorted(map(str, e["figures"]))) for e in EXPECTED[story])  # type: ignore[arg-type]
    assert loud == expected
