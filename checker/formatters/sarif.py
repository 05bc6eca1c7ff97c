"""SARIF 2.1.0 for code-scanning tools: stable rule ids (the check codes), one result per finding.

The first claim of a finding is its location; the other claims are relatedLocations, so a viewer
can jump between the figures that disagree. Columns count Unicode code points (run.columnKind),
which is what Python offsets are. Waived findings stay in the log as accepted suppressions.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.formatters.base import Formatter, RenderOptions
from checker.formatters.evidence import document_of, findings_claims, outlet, quoted, span, split_explanation
from checker.models import Claim, Finding, Report

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/claimcheck/claimcheck"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def check_rules() -> dict[str, dict[str, Any]]:
    """Rule descriptors from the registered checks; empty when the checks package is not importable."""
    try:
        from checker.checks import all_checks
        checks = list(all_checks())
    except (ImportError, AttributeError):
        return {}
    rules: dict[str, dict[str, Any]] = {}
    for check in checks:
        code, name = getattr(check, "code", None), getattr(check, "name", None)
        if not code:
            continue
        summary = getattr(check, "summary", "") or name or code
        severity = getattr(getattr(check, "default_severity", None), "value", "warning")
        rules[code] = rule_descriptor(code, name or code, summary, severity, getattr(check, "__doc__", None))
    return rules


def rule_descriptor(code: str, name: str, summary: str, severity: str, help_text: str | None = None) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "defaultConfiguration": {"level": LEVEL.get(severity, "warning")},
    }
    if help_text and help_text.strip():
        descriptor["fullDescription"] = {"text": " ".join(help_text.split())}
        descriptor["help"] = {"text": f"{summary}\n\n{' '.join(help_text.split())}"}
    return descriptor


def artifact_uri(path: str) -> str:
    """A relative path stays relative (resolved against the checkout); an absolute one becomes file://."""
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix())
    return quote(pure.as_posix())


def location(report: Report, claim: Claim, location_id: int | None = None, text: str | None = None) -> dict[str, Any]:
    document = document_of(report, claim)
    line, column, end_column = span(report, claim)
    region: dict[str, Any] = {"startLine": line, "snippet": {"text": claim.text}}
    if column is not None:
        region["startColumn"] = column
    if end_column is not None:
        region["endColumn"] = end_column
    result: dict[str, Any] = {"physicalLocation": {
        "artifactLocation": {"uri": artifact_uri(document.path if document else claim.document)},
        "region": region,
    }}
    if location_id is not None:
        result["id"] = location_id
    if text:
        result["message"] = {"text": text}
    return result


def related_text(report: Report, claim: Claim) -> str:
    return f"{outlet(report, claim)}: {claim.text}" + (f" ({claim.attribution})" if claim.attribution else "")


def result_for(report: Report, finding: Finding, rule_index: int) -> dict[str, Any]:
    claims = findings_claims(report, finding)
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity.value],
        "message": {"text": f"{finding.message.rstrip('.')}. {split_explanation(finding.explanation)[0]}"},
        "locations": [location(report, claims[0])] if claims else [],
        "properties": {"rule": finding.rule, "findingId": finding.id, "explanation": finding.explanation,
                       "quotes": [f"{outlet(report, c)}: “{quoted(c)}”" for c in claims]},
    }
    if len(claims) > 1:
        result["relatedLocations"] = [location(report, c, index, related_text(report, c))
                                      for index, c in enumerate(claims[1:], start=1)]
    if finding.fingerprint:
        result["partialFingerprints"] = {"claimcheck/v1": finding.fingerprint}
    if finding.group:
        result["properties"]["group"] = finding.group
    if finding.waived:
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": finding.waived}]
    return result


class SarifFormatter(Formatter):
    name = "sarif"
    suffix = ".sarif"
    description = "SARIF 2.1.0 for code scanning: rule ids are check codes, locations are the figures"

    def render(self, report: Report, options: RenderOptions) -> str:
        known = check_rules()
        rules: dict[str, dict[str, Any]] = dict(known)
        for finding in report.findings:
            rules.setdefault(finding.code, rule_descriptor(finding.code, finding.rule, finding.rule,
                                                           finding.severity.value))
        ordered = sorted(rules)
        index = {code: i for i, code in enumerate(ordered)}
        run: dict[str, Any] = {
            "tool": {"driver": {"name": "claimcheck", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI, "rules": [rules[c] for c in ordered]}},
            "columnKind": "unicodeCodePoints",
            "results": [result_for(report, f, index[f.code]) for f in report.findings],
        }
        if report.errors:
            run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": [
                {"level": "error", "message": {"text": error}} for error in report.errors]}]
        log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
        return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
