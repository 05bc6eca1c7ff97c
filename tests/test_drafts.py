"""Pre-publication checks of whole drafts against their sources (tests/drafts/<case>/: sources/,
draft.md, expect.yaml): the planted errors are found, and figures the sources print are not called
unsourced. Run through the CLI, as a newsroom runs it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.cli import main

CASES = sorted(p for p in (Path(__file__).parent / "drafts").iterdir() if p.is_dir())


def _report(case: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code = main(["check", str(case / "draft.md"), "--against", str(case / "sources"), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == (1 if any(f["severity"] == "error" for f in report["findings"]) else 0)
    return report


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_planted_errors_are_found(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expect = yaml.safe_load((case / "expect.yaml").read_text(encoding="utf-8"))
    report = _report(case, capsys)
    text = {c["id"]: c["text"] for c in report["claims"]}
    found = sorted((f["code"], sorted(text[i] for i in f["claims"]))
                   for f in report["findings"])
    for wanted in expect["findings"]:
        assert any(code == wanted["code"] and set(wanted["figures"]) <= set(figures) for code, figures in found), \
            f"{wanted} not among {found}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_figures_the_sources_print_are_not_unsourced(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expect = yaml.safe_load((case / "expect.yaml").read_text(encoding="utf-8"))
    report = _report(case, capsys)
    text = {c["id"]: c["text"] for c in report["claims"]}
    unsourced = {text[i] for f in report["findings"] if f["code"] == "CC302" for i in f["claims"]}
    assert not unsourced & set(expect["sourced"])
