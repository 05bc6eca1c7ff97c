"""SARIF 2.1.0 output: the schema's essentials, locations that point at the figures, stable ids."""

from __future__ import annotations

import json
from typing import Any

import pytest
from report_fixtures import build_report

from checker.formatters import RenderOptions, get_formatter
from checker.models import Report

LEVELS = {"error", "warning", "note", "none"}


def sarif(report: Report) -> dict[str, Any]:
    return json.loads(get_formatter("sarif").render(report, RenderOptions()))


def structure_problems(log: dict[str, Any]) -> list[str]:
    """What the SARIF 2.1.0 schema requires of the parts we emit (checked without the network)."""
    problems: list[str] = []
    if log.get("version") != "2.1.0":
        problems.append("version must be 2.1.0")
    if not str(log.get("$schema", "")).endswith("sarif-2.1.0.json"):
        problems.append("$schema must name the 2.1.0 schema")
    runs = log.get("runs")
    if not isinstance(runs, list) or not runs:
        return problems + ["runs must be a non-empty array"]
    for run in runs:
        driver = run.get("tool", {}).get("driver", {})
        if not isinstance(driver.get("name"), str) or not driver["name"]:
            problems.append("runs[].tool.driver.name is required")
        rules = driver.get("rules", [])
        rule_ids = [r.get("id") for r in rules]
        if len(set(rule_ids)) != len(rule_ids) or not all(isinstance(i, str) and i for i in rule_ids):
            problems.append("rule ids must be unique non-empty strings")
        for rule in rules:
            if "shortDescription" in rule and not rule["shortDescription"].get("text"):
                problems.append(f"rule {rule.get('id')}: shortDescription.text is required")
        for result in run.get("results", []):
            problems += result_problems(result, rule_ids)
    return problems


def result_problems(result: dict[str, Any], rule_ids: list[str]) -> list[str]:
    problems: list[str] = []
    rule_id = result.get("ruleId")
    if rule_id not in rule_ids:
        problems.append(f"ruleId {rule_id} is not a driver rule")
    elif "ruleIndex" in result and rule_ids[result["ruleIndex"]] != rule_id:
        problems.append(f"ruleIndex of {rule_id} points at another rule")
    if result.get("level") not in LEVELS:
        problems.append(f"{rule_id}: bad level {result.get('level')}")
    if not result.get("message", {}).get("text"):
        problems.append(f"{rule_id}: message.text is required")
    for location in result.get("locations", []) + result.get("relatedLocations", []):
        physical = location.get("physicalLocation", {})
        region = physical.get("region", {})
        if not physical.get("artifactLocation", {}).get("uri"):
            problems.append(f"{rule_id}: artifactLocation.uri is required")
        for key in ("startLine", "startColumn", "endColumn"):
            if key in region and not (isinstance(region[key], int) and region[key] >= 1):
                problems.append(f"{rule_id}: region.{key} must be an integer >= 1")
    return problems


@pytest.fixture
def report() -> Report:
    return build_report()


def test_log_has_the_schema_essentials(report: Report) -> None:
    log = sarif(report)
    assert structure_problems(log) == []
    assert len(log["runs"][0]["results"]) == len(report.findings)


def test_the_essentials_check_can_fail(report: Report) -> None:
    log = sarif(report)
    log["runs"][0]["results"][0]["ruleId"] = "CC999"
    log["runs"][0]["results"][1]["level"] = "fatal"
    assert len(structure_problems(log)) == 2


def test_rules_are_the_check_codes_with_names(report: Report) -> None:
    rules = sarif(report)["runs"][0]["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    assert {f.code for f in report.findings} <= set(by_id)
    for finding in report.findings:
        assert by_id[finding.code]["name"] == finding.rule


def test_rules_include_every_registered_check(report: Report) -> None:
    checks = pytest.importorskip("checker.checks")
    all_checks = getattr(checks, "all_checks", None)
    if all_checks is None:
        pytest.skip("checker.checks.all_checks() is not there yet")
    rule_ids = {r["id"] for r in sarif(report)["runs"][0]["tool"]["driver"]["rules"]}
    assert {c.code for c in all_checks()} <= rule_ids


def test_regions_point_at_the_figures(report: Report) -> None:
    texts = {d.path: d.text for d in report.documents}
    uris = {d.path.replace(" ", "%20"): d.path for d in report.documents}
    for result in sarif(report)["runs"][0]["results"]:
        for location in result["locations"] + result.get("relatedLocations", []):
            physical = location["physicalLocation"]
            region = physical["region"]
            line = texts[uris[physical["artifactLocation"]["uri"]]].splitlines()[region["startLine"] - 1]
            assert line[region["startColumn"] - 1:region["endColumn"] - 1] == region["snippet"]["text"]


def test_other_claims_are_related_locations(report: Report) -> None:
    results = {r["properties"]["findingId"]: r for r in sarif(report)["runs"][0]["results"]}
    related = results["f4"]["relatedLocations"]
    assert [r["physicalLocation"]["region"]["snippet"]["text"] for r in related] == ["7,500 residents", "4,000 people"]
    assert len({r["id"] for r in related}) == len(related)
    assert "relatedLocations" not in results["f8"]  # one claim, nothing related


def test_fingerprints_and_waivers(report: Report) -> None:
    results = sarif(report)["runs"][0]["results"]
    for result, finding in zip(results, report.findings):
        assert result["partialFingerprints"] == {"claimcheck/v1": finding.fingerprint}
        assert ("suppressions" in result) == bool(finding.waived)
    waived = next(r for r in results if "suppressions" in r)
    assert waived["suppressions"][0]["justification"] == "desk accepted: counts come from different days"


def test_without_document_text_only_lines_are_given(report: Report) -> None:
    """A report read back from JSON has no article text: lines from the claims, no guessed columns."""
    reread = Report.model_validate_json(report.model_dump_json())
    log = sarif(reread)
    assert structure_problems(log) == []
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == reread.claim(reread.findings[0].claims[0]).line
    assert "startColumn" not in region


@pytest.mark.parametrize(("path", "uri"), [
    ("stories/flood/river wire.md", "stories/flood/river%20wire.md"),
    ("/srv/news/a#1.txt", "file:///srv/news/a%231.txt"),
])
def test_artifact_uris_are_encoded(report: Report, path: str, uri: str) -> None:
    documents = [d.model_copy(update={"path": path}) if d.id == "wire" else d for d in report.documents]
    results = sarif(report.model_copy(update={"documents": documents}))["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uri in uris
