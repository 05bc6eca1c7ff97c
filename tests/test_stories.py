"""Whole-pipeline behaviour on multi-source stories, judged by gold files in the evaluation's format.

Every folder in tests/stories/ is one story (articles/ + gold.yaml) with its expectations in
expect.yaml; the sample corpus in seeds/ is judged by seeds/expected.yaml with the expectations in
tests/seeds-expect.yaml. For each case: required-claim recall reaches `min_claim_recall`,
each finding in `findings_required` is found by a clean alert, and at most `max_false_alarms`
alerts mix gold groups or hold a must-not-flag pair. A finding listed under `known_gaps` (with the
reason), or false alarms explained by `false_alarm_gap`, are expected: xfail(strict=True), so fixing
the gap makes the test say so.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field

from checker.pipeline import RunOptions, run
from storygold import GoldCase, StoryScore, load_case, score

TESTS = Path(__file__).resolve().parent
STORIES = TESTS / "stories"
SEEDS = TESTS.parent / "seeds"


class Expectations(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    min_claim_recall: float = Field(ge=0, le=1)
    findings_required: list[str] = Field(default_factory=list)
    max_false_alarms: int = Field(0, ge=0)
    known_gaps: dict[str, str] = Field(default_factory=dict, description="finding id -> why it is still missed")
    false_alarm_gap: str = Field("", description="why false alarms still exceed max_false_alarms, if they do")


def _cases() -> dict[str, tuple[Path, Path]]:
    """name -> (case folder, expect.yaml)"""
    cases = {p.name: (p, p / "expect.yaml") for p in sorted(STORIES.iterdir()) if (p / "gold.yaml").exists()}
    cases["seeds"] = (SEEDS, TESTS / "seeds-expect.yaml")
    return cases


CASES = _cases()


@cache
def _judged(name: str) -> tuple[GoldCase, Expectations, StoryScore]:
    folder, expect_file = CASES[name]
    case = load_case(folder)
    expect = Expectations.model_validate(yaml.safe_load(expect_file.read_text(encoding="utf-8")))
    report = run(RunOptions(paths=[case.articles]))
    return case, expect, score(case, report)


def _finding_params() -> list[object]:
    params = []
    for name, (_, expect_file) in CASES.items():
        expect = Expectations.model_validate(yaml.safe_load(expect_file.read_text(encoding="utf-8")))
        for finding_id in expect.findings_required:
            marks = []
            if finding_id in expect.known_gaps:
                marks.append(pytest.mark.xfail(reason=expect.known_gaps[finding_id], strict=True))
            params.append(pytest.param(name, finding_id, id=f"{name}-{finding_id}", marks=marks))
    return params


def test_every_story_folder_has_expectations() -> None:
    folders = [p for p in STORIES.iterdir() if p.is_dir()]
    assert folders, "no story cases"
    for folder in folders:
        assert (folder / "gold.yaml").exists() and (folder / "expect.yaml").exists(), folder


@pytest.mark.parametrize("name", list(CASES))
def test_gold_is_consistent(name: str) -> None:
    case, expect, _ = _judged(name)
    assert set(expect.findings_required) <= {f.id for f in case.findings}
    assert set(expect.known_gaps) <= set(expect.findings_required)
    for finding in case.findings:
        assert len(finding.sides) >= 2, f"{finding.id} needs two sides"
        groups = {case.claims[c].group for side in finding.sides for c in side}
        assert len(groups) == 1, f"{finding.id} spans gold groups {groups}: no clean alert could ever find it"


@pytest.mark.parametrize("name", list(CASES))
def test_claim_recall(name: str) -> None:
    _, expect, result = _judged(name)
    assert result.claim_recall >= expect.min_claim_recall, result.summary()


@pytest.mark.parametrize(("name", "finding_id"), _finding_params())
def test_finding_is_found(name: str, finding_id: str) -> None:
    _, _, result = _judged(name)
    assert result.found[finding_id], result.summary()


def _false_alarm_params() -> list[object]:
    params = []
    for name, (_, expect_file) in CASES.items():
        gap = Expectations.model_validate(yaml.safe_load(expect_file.read_text(encoding="utf-8"))).false_alarm_gap
        marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
        params.append(pytest.param(name, id=name, marks=marks))
    return params


@pytest.mark.parametrize("name", _false_alarm_params())
def test_no_false_alarms(name: str) -> None:
    _, expect, result = _judged(name)
    detail = "\n".join(f"{fa.rule}: groups {fa.groups} pairs {fa.pairs}: {fa.message}" for fa in result.false_alarms)
    assert len(result.false_alarms) <= expect.max_false_alarms, f"{result.summary()}\n{detail}"
