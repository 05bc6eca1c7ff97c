"""False alarms found on new story cases (tests/stories): each article pair here once raised a finding
at warning or error that a fact-checker would not. The checks must stay quiet on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.pipeline import RunOptions, run

CASES = {
    "money-with-no-named-subject": [
        ("2025-09-03", "The government has budgeted €310 million for border protection this year."),
        ("2025-09-03", "Deputy mayor Peeter Hallik said the city had received €4 million from the government this year."),
    ],
    "whole-named-before-its-part": [
        ("2025-07-15", "Of the 41 deaths, 17 occurred at home or on the way to hospital, the ministry said."),
        ("2025-07-15", "The ministry said 41 people had died in the outbreak."),
    ],
    "count-on-a-day-inside-a-total-over-weeks": [
        ("2025-07-16", "The treatment centre has 120 beds, but 164 patients were being treated there on Tuesday."),
        ("2025-07-17", "Siloam Aid said its centres had admitted 540 patients since late June."),
    ],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_warning_or_error(name: str, tmp_path: Path) -> None:
    lines = []
    for number, (published, text) in enumerate(CASES[name], 1):
        (tmp_path / f"a{number}.txt").write_text(text + "\n", encoding="utf-8")
        lines.append(f"a{number}.txt: {{outlet: Outlet {number}, published: {published}}}")
    (tmp_path / "sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = run(RunOptions(paths=[tmp_path]))
    assert report.claims, "the articles must yield claims, or the test checks nothing"
    loud = [f.message for f in report.findings if f.severity.value in ("warning", "error")]
    assert loud == []
