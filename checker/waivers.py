"""Accepted findings: claimcheck-waivers.yaml.

    kind: waivers            # optional
    waivers:
      - check: unexplained-range          # code or name
        claims:                           # matched by content, never by line number
          - {document: courier, figure: "10,000", subject: soldiers}
          - {document: ledger, figure: "12,000"}
        reason: Agency revised its estimate on 24 Oct; both figures are dated in the copy.
      - check: CC201
        fingerprint: 3f1c9a0b             # or a prefix of a finding's fingerprint
        reason: Conversion printed as in the original release.

A finding a waiver matches keeps its place in the report with `waived` set to the reason, but
no longer counts for the exit code. A waiver that matches nothing becomes a CC901 stale-waiver
finding, so waivers do not outlive the copy they were written for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import Waiver
from checker.checks.stale_waiver import waiver_matches
from checker.errors import ConfigError
from checker.models import Claim, Document, Finding
from checker.ruleset import RuleSet
from checker.yamlsource import node_at, read_yaml, validate, where


class WaiversFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["waivers"] = "waivers"
    description: str = ""
    waivers: list[Waiver] = Field(default_factory=list)


def load_waivers(path: Path) -> list[Waiver]:
    """Read and validate a waivers file; errors name file:line:col."""
    data, node = read_yaml(path)
    if data is None:
        return []
    waivers_file = validate(WaiversFile, data, node, str(path))
    from checker.checks import find_check

    for index, waiver in enumerate(waivers_file.waivers):
        if find_check(waiver.check) is None:
            target = node_at(node, ["waivers", index, "check"])
            raise ConfigError(f"{where(str(path), target)}: unknown check '{waiver.check}' (see `claimcheck rules`)")
        if not waiver.claims and not waiver.fingerprint:
            target = node_at(node, ["waivers", index])
            raise ConfigError(f"{where(str(path), target)}: a waiver needs 'claims' or 'fingerprint'")
    return list(waivers_file.waivers)


def apply_waivers(findings: list[Finding], waivers: list[Waiver] | None, claims: list[Claim],
                  rules: RuleSet | None = None) -> list[Finding]:
    """Mark findings a waiver accepts; add a stale-waiver finding for each waiver that matches none."""
    if not waivers:
        return findings
    by_id = {c.id: c for c in claims}
    out = []
    for finding in findings:
        reason = next((w.reason for w in waivers if waiver_matches(w, finding, by_id)), None)
        out.append(finding.model_copy(update={"waived": reason}) if reason else finding)
    return out + stale_findings(findings, waivers, claims, rules)


def stale_findings(findings: list[Finding], waivers: list[Waiver], claims: list[Claim],
                   rules: RuleSet | None) -> list[Finding]:
    from checker.engine import build_story
    from checker.runner import run_stage

    documents = [Document(id=d, path=d) for d in sorted({c.document for c in claims})]
    story = build_story(documents, claims, rules or RuleSet(), findings=findings, waivers=waivers)
    return run_stage(story, "waivers")
