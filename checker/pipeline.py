"""The one pipeline the CLI and the pytest plugin both call: load -> extract -> engine -> checks -> report."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from checker.errors import InputError
from checker.load import load_documents
from checker.models import Report
from checker.parallel import ParallelOptions, extract_all
from checker.ruleset import RuleSet, load_rules
from checker.runner import run_checks
from checker.store import is_store, with_archive
from checker.waivers import apply_waivers, load_waivers


class RunOptions(BaseModel):
    paths: list[Path]
    against: list[Path] = Field(default_factory=list, description="sources a draft is checked against")
    rules_dir: Path | None = None
    waivers: Path | None = None
    checks: bool = Field(True, description="False: extract only (claimcheck extract)")
    parallel: ParallelOptions = Field(default_factory=ParallelOptions, description="--jobs / --engine / progress")
    window_days: int | None = Field(None, description="claim stores: archive articles this near the drafts only")


def run(options: RunOptions, rules: RuleSet | None = None) -> Report:
    """Run the whole check. Raises ConfigError for bad rules; bad articles land in Report.errors."""
    rules = rules or load_rules(options.rules_dir)
    draft_mode = bool(options.against)
    stores = [path for path in options.against if is_store(path)]
    loaded = load_documents(options.paths, role="draft" if draft_mode else "source")
    documents, errors = list(loaded.documents), list(loaded.errors)
    if draft_mode:
        sources = load_documents([p for p in options.against if p not in stores], role="source")
        documents += sources.documents
        errors += sources.errors
    if not documents:
        raise InputError(errors[0] if errors else "no articles to check")
    claims = extract_all(documents, rules, options.parallel)
    given = {d.id for d in documents}
    if stores:
        documents, claims = with_archive(documents, claims, stores, rules, options.window_days)
    report = Report(documents=documents, claims=claims, errors=errors)
    if not options.checks:
        return report
    groups, findings = run_checks(documents, claims, rules)
    if draft_mode:
        # Before publication only what touches the draft matters; source-vs-source differences are context.
        drafts = {d.id for d in documents if d.role == "draft"}
        draft_claims = {c.id for c in claims if c.document in drafts}
        findings = [f for f in findings if draft_claims.intersection(f.claims)]
        groups = [g for g in groups if draft_claims.intersection(g.claims)]
    if options.waivers:
        findings = apply_waivers(findings, load_waivers(options.waivers), claims, rules)
    report = report.model_copy(update={"groups": groups, "findings": findings})
    return _without_unused_archive(report, given) if stores else report


def _without_unused_archive(report: Report, given: set[str]) -> Report:
    """Keep, of what a claim store supplied, only the claims a reported group or finding names and
    their articles: the store query fetches by subject and date, and most of what it brings back
    never meets the draft (thousands of claims on a large archive). Articles given on the command
    line are kept whole."""
    named = {c for item in [*report.groups, *report.findings] for c in item.claims}
    claims = [c for c in report.claims if c.document in given or c.id in named]
    used = given | {c.document for c in claims}
    documents = [d for d in report.documents if d.id in used]
    return report.model_copy(update={"documents": documents, "claims": claims})
