"""Every registered check fires on its own must_fire examples and stays quiet on its must_not_fire
examples; the YAML cases in tests/checks/ add news beyond troop counts (protests, disasters,
company results, weather)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.checks import all_checks, find_check
from checker.checks.base import Check, missing_declarations
from checker.checks.examples import build_example
from checker.ruleset import RuleSet, load_rules

CASES_DIR = Path(__file__).parent / "checks"


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def _issues(check_class: type[Check], example: dict[str, Any], rules: RuleSet) -> list[Any]:
    story = build_example(example, rules)
    return list(check_class().run(story, check_class.Options()))


def _examples(kind: str) -> list[Any]:
    return [pytest.param(c, i, id=f"{c.code}-{c.name}-{i}")
            for c in all_checks() for i in range(len(getattr(c, kind, []) or []))]


def _yaml_cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["check"], case, id=f"{path.stem}:{case['name']}"))
    return params


@pytest.mark.parametrize("check_class", all_checks(), ids=lambda c: c.code)
def test_check_declares_everything(check_class: type[Check]) -> None:
    assert missing_declarations(check_class) == []


def test_codes_and_names_are_unique_and_well_formed() -> None:
    checks = all_checks()
    assert len({c.code for c in checks}) == len(checks)
    assert len({c.name for c in checks}) == len(checks)
    for c in checks:
        assert c.code.startswith("CC") and c.code[2:].isdigit() and len(c.code) == 5
        assert "\n" not in c.summary and len(c.summary) < 110


@pytest.mark.parametrize(("check_class", "index"), _examples("must_fire"))
def test_must_fire(check_class: type[Check], index: int, rules: RuleSet) -> None:
    issues = _issues(check_class, check_class.must_fire[index], rules)
    assert issues, f"{check_class.code} did not fire on its must_fire example {index}"
    for issue in issues:
        assert issue.message and "\n" not in issue.message and issue.explanation


@pytest.mark.parametrize(("check_class", "index"), _examples("must_not_fire"))
def test_must_not_fire(check_class: type[Check], index: int, rules: RuleSet) -> None:
    issues = _issues(check_class, check_class.must_not_fire[index], rules)
    assert issues == [], f"{check_class.code} fired on its must_not_fire example {index}: {issues}"


@pytest.mark.parametrize(("check_key", "case"), _yaml_cases())
def test_yaml_case(check_key: str, case: dict[str, Any], rules: RuleSet) -> None:
    check_class = find_check(check_key)
    assert check_class is not None, f"unknown check {check_key}"
    issues = _issues(check_class, case, rules)
    if case["fire"]:
        assert issues, f"{check_class.code} should fire: {case.get('why', '')}"
        for claim_ids in case.get("claims_in_finding", []):
            assert any(set(claim_ids) <= set(i.claims) for i in issues), issues
        blamed = {claim for issue in issues for claim in issue.claims}
        assert not blamed & set(case.get("claims_in_no_finding", [])), issues
    else:
        assert issues == [], f"{check_class.code} should not fire ({case.get('why', '')}): {issues[0].message}"


def test_yaml_cases_cover_every_story_check() -> None:
    covered = {find_check(yaml.safe_load(p.read_text())["check"]).code for p in CASES_DIR.glob("*.yaml")}
    story_checks = {c.code for c in all_checks() if c.stage == "claims"}
    assert story_checks <= covered


def test_explanations_keep_the_capitals_of_names() -> None:
    from checker.checks.narrate import upper_first

    assert upper_first("they all come from South Korea's spy agency") == "They all come from South Korea's spy agency"
    assert upper_first("") == ""
