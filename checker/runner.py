"""Run every enabled check on the engine's Story and turn Issues into Findings.

The runner, not the checks, decides what a finding is called and how bad it is:
- severity: the check's default, unless rules/checks.yaml overrides it (by code or name);
- fingerprint: a hash of the check code and the claims' content (document, figure text,
  subject), so it survives re-extraction, line shifts and file order; waivers and SARIF use it;
- id: the code plus the start of the fingerprint, so ids are stable across runs too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from checker.checks import all_checks
from checker.checks.base import Check, Issue, Story
from checker.engine import build_story
from checker.errors import ConfigError
from checker.gc_pause import gc_paused
from checker.models import Claim, Document, Finding, Group, Severity
from checker.ruleset import CheckSetting, RuleSet


def run_checks(documents: list[Document], claims: list[Claim], rules: RuleSet) -> tuple[list[Group], list[Finding]]:
    """Groups and findings. With draft documents (role "draft"), only findings that hold a draft
    claim: the checks then skip the archive's own differences, which no draft check reports."""
    drafts = {d.id for d in documents if d.role == "draft"}
    focus = {c.id for c in claims if c.document in drafts} if drafts else None
    with gc_paused():  # a story's objects all live until it is checked: see gc_pause
        story = build_story(documents, claims, rules, focus=focus)
        findings = run_stage(story, "claims")
    if focus is not None:
        findings = [f for f in findings if not focus.isdisjoint(f.claims)]
    groups = [Group(id=g.id, subject=g.label, unit=g.unit, claims=g.claims) for g in story.groups]
    return groups, findings


def run_stage(story: Story, stage: str) -> list[Finding]:
    """Run the checks of one stage ('claims', or 'waivers' once findings exist)."""
    findings: list[Finding] = []
    for check_class in all_checks():
        if check_class.stage != stage:
            continue
        setting = setting_for(check_class, story.rules)
        if not setting.enabled:
            continue
        options = check_class.Options.model_validate(setting.options)
        severity = Severity(setting.severity) if setting.severity else check_class.default_severity
        for issue in check_class().run(story, options):
            findings.append(to_finding(check_class, severity, issue, story.claims))
    return stable_order(findings)


def setting_for(check_class: type[Check], rules: RuleSet) -> CheckSetting:
    by_code, by_name = rules.checks.get(check_class.code), rules.checks.get(check_class.name)
    if by_code and by_name:
        raise ConfigError(f"rules: check {check_class.code} is configured twice, as {check_class.code} "
                          f"and as {check_class.name}")
    return by_code or by_name or CheckSetting()


def claim_content(claim: Claim) -> str:
    """What a claim is, independent of where extraction numbered it or which line it sits on."""
    return f"{claim.document}|{claim.text.strip()}|{(claim.subject_key or claim.subject or '').lower()}"


def fingerprint(code: str, claims: Iterable[Claim], extra: str = "") -> str:
    content = "\n".join(sorted(claim_content(c) for c in claims))
    return hashlib.sha256(f"{code}\n{content}\n{extra}".encode()).hexdigest()[:20]


def to_finding(check_class: type[Check], severity: Severity, issue: Issue, claims: dict[str, Claim]) -> Finding:
    held = [claims[i] for i in issue.claims if i in claims]
    # a finding with no claims (a stale waiver) is told apart by what it says
    extra = "" if held else issue.message
    mark = fingerprint(check_class.code, held, extra)
    return Finding(id=f"{check_class.code}-{mark[:8]}", rule=check_class.name, code=check_class.code,
                   severity=severity, claims=list(issue.claims), message=issue.message,
                   explanation=issue.explanation, group=issue.group, fingerprint=mark)


def stable_order(findings: Sequence[Finding]) -> list[Finding]:
    """Worst first, then by code and fingerprint; duplicate ids get a suffix, duplicates vanish."""
    ordered = sorted(findings, key=lambda f: (-f.severity.rank, f.code, f.fingerprint, f.message))
    out: list[Finding] = []
    seen_ids: dict[str, int] = {}
    seen_content: set[tuple[str, str, str]] = set()
    for finding in ordered:
        key = (finding.code, finding.fingerprint, finding.message)
        if key in seen_content:
            continue
        seen_content.add(key)
        n = seen_ids.get(finding.id, 0) + 1
        seen_ids[finding.id] = n
        out.append(finding if n == 1 else finding.model_copy(update={"id": f"{finding.id}-{n}"}))
    return out
