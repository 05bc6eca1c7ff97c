"""Waivers accept findings by content (document, figure, subject) or fingerprint; a waiver that
matches nothing becomes a stale-waiver finding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checker.checks.examples import example_claims
from checker.errors import ConfigError
from checker.models import Severity
from checker.ruleset import RuleSet, load_rules
from checker.runner import run_checks
from checker.waivers import apply_waivers, load_waivers


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


@pytest.fixture
def story(rules: RuleSet) -> tuple[list[Any], list[Any], list[Any]]:
    specs = [
        {"document": "ledger", "text": "12,000", "value": 12000, "high": 12000, "qualifier": "as many as",
         "subject": "personnel", "attribution": "South Korean intelligence",
         "horizon": {"kind": "deadline", "end": "2024-12-31"},
         "sentence": "South Korean intelligence expects as many as 12,000 personnel by December."},
        {"document": "courier", "text": "10,000", "value": 10000, "subject": "soldiers", "attribution": "the NIS",
         "horizon": {"kind": "deadline", "end": "2024-12-31"},
         "sentence": "The NIS said the number could rise to 10,000 soldiers by December."},
    ]
    documents, claims = example_claims({"claims": specs}, rules)
    _, findings = run_checks(documents, claims, rules)
    return documents, claims, findings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "claimcheck-waivers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_waiver_by_content_accepts_the_finding_and_keeps_it(tmp_path: Path, story: Any, rules: RuleSet) -> None:
    _, claims, findings = story
    waivers = load_waivers(write(tmp_path, """
waivers:
  - check: unexplained-range
    claims:
      - {document: courier, figure: "10,000", subject: soldiers}
      - {document: ledger, figure: "12,000"}
    reason: The agency revised its estimate; both are dated in our copy.
"""))
    result = apply_waivers(findings, waivers, claims, rules)
    waived = [f for f in result if f.code == "CC102"]
    assert len(waived) == 1 and waived[0].waived.startswith("The agency revised")
    assert not [f for f in result if f.code == "CC901"]


def test_waiver_by_fingerprint_prefix(tmp_path: Path, story: Any, rules: RuleSet) -> None:
    _, claims, findings = story
    target = next(f for f in findings if f.code == "CC102")
    waivers = load_waivers(write(tmp_path, f"waivers:\n  - {{check: CC102, fingerprint: '{target.fingerprint[:10]}', "
                                           f"reason: accepted}}\n"))
    result = apply_waivers(findings, waivers, claims, rules)
    assert next(f for f in result if f.id == target.id).waived == "accepted"


def test_stale_waiver_becomes_a_warning(tmp_path: Path, story: Any, rules: RuleSet) -> None:
    _, claims, findings = story
    waivers = load_waivers(write(tmp_path, """
waivers:
  - check: CC101
    claims: [{document: courier, figure: "10,000"}]
    reason: old contradiction, since fixed
"""))
    result = apply_waivers(findings, waivers, claims, rules)
    stale = [f for f in result if f.code == "CC901"]
    assert len(stale) == 1 and stale[0].severity == Severity.warning and "CC101" in stale[0].message
    assert not any(f.waived for f in result)


def test_waiver_does_not_match_by_line_number(tmp_path: Path, story: Any, rules: RuleSet) -> None:
    _, claims, findings = story
    waivers = load_waivers(write(tmp_path, """
waivers:
  - check: CC102
    claims: [{document: courier, figure: "9,000"}]
    reason: wrong figure
"""))
    result = apply_waivers(findings, waivers, claims, rules)
    assert not any(f.waived for f in result)


@pytest.mark.parametrize(("text", "where"), [
    ("waivers:\n  - check: CC102\n    reason: x\n    colour: red\n    fingerprint: ab\n", ":4:5: unknown key 'colour'"),
    ("waivers:\n  - check: CC999\n    fingerprint: ab\n    reason: x\n", ":2:12: unknown check 'CC999'"),
    ("waivers:\n  - check: CC102\n    reason: x\n", ":2:5: a waiver needs 'claims' or 'fingerprint'"),
    ("waivers:\n  - check: CC102\n    fingerprint: ab\n    reason: ''\n", ":4:13: waivers.0.reason"),
])
def test_bad_waiver_files_are_one_line_errors(tmp_path: Path, text: str, where: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_waivers(write(tmp_path, text))
    message = str(error.value)
    assert "\n" not in message and where in message
