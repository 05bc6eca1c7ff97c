"""One self-contained HTML page for a standards editor: findings, charts, then the articles highlighted.

Everything is inline (CSS, SVG charts); no script, font or stylesheet is fetched, so the file
works offline and can be mailed. Article text only reaches the page through jinja2 autoescaping.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from checker import __version__
from checker.formatters.base import Formatter, RenderOptions
from checker.formatters.evidence import (default_title, findings_claims, interval_text, live,
                                         meaning, outlet, plural, sentence_parts, sorted_findings,
                                         split_explanation, where_in)
from checker.models import Claim, Document, Finding, Group, Report


@dataclass
class Piece:
    """A run of article text, or a highlighted figure."""

    text: str
    claim: Claim | None = None
    tooltip: str = ""
    severity: str = ""


@dataclass
class ArticleView:
    document: Document
    furniture: str
    pieces: list[Piece] = field(default_factory=list)


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("checker", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(interval_text=interval_text, meaning=meaning, sentence_parts=sentence_parts,
                       split_explanation=split_explanation, plural=plural)
    return env


def claim_severity(report: Report) -> dict[str, str]:
    """The worst live finding each claim takes part in, so its highlight can say so."""
    worst: dict[str, Finding] = {}
    for finding in live(report):
        for claim_id in finding.claims:
            if claim_id not in worst or finding.severity.rank > worst[claim_id].severity.rank:
                worst[claim_id] = finding
    return {claim_id: f.severity.value for claim_id, f in worst.items()}


def article_view(report: Report, document: Document, severity: dict[str, str]) -> ArticleView:
    text = document.text
    view = ArticleView(document=document, furniture=text[:document.body_start])
    cursor = document.body_start
    claims = sorted((c for c in report.claims if c.document == document.id), key=lambda c: (c.start, -c.end))
    for claim in claims:
        if claim.start < cursor or text[claim.start:claim.end] != claim.text:
            continue  # overlapping or stale offsets: leave the text unmarked rather than garble it
        view.pieces.append(Piece(text[cursor:claim.start]))
        view.pieces.append(Piece(claim.text, claim, meaning(claim), severity.get(claim.id, "")))
        cursor = claim.end
    view.pieces.append(Piece(text[cursor:]))
    return view


class HtmlFormatter(Formatter):
    name = "html"
    suffix = ".html"
    description = "one self-contained HTML page: findings, a chart per subject, articles with figures highlighted"

    def render(self, report: Report, options: RenderOptions) -> str:
        from checker.charts import report_charts  # matplotlib is slow to import; only HTML needs it

        severity = claim_severity(report)
        charts = {} if options.view == "extract" else report_charts(report)
        findings = sorted_findings(live(report))
        groups = ordered_groups(report)
        context = {
            "title": options.title or default_title(report),
            "version": __version__,
            "report": report,
            "view": options.view,
            "findings": [(f, findings_claims(report, f)) for f in findings],
            "waived": [(f, findings_claims(report, f)) for f in report.findings if f.waived],
            "counts": {s: sum(f.severity.value == s for f in findings) for s in ("error", "warning", "info")},
            "groups": [(g, Markup(charts[g.id]), _claims(report, g.claims)) for g in groups if g.id in charts],
            "single": [c for g in groups if g.id not in charts for c in _claims(report, g.claims)],
            "articles": [article_view(report, d, severity) for d in report.documents],
            "outlet": lambda claim: outlet(report, claim),
            "where_in": lambda claim: where_in(report, claim),
        }
        return _environment().get_template("report.html.j2").render(context).rstrip("\n") + "\n"


def ordered_groups(report: Report) -> list[Group]:
    """Groups with findings first (worst first), then the ones with most figures."""
    worst = {f.group: -1 for f in report.findings}
    for finding in live(report):
        worst[finding.group] = max(worst.get(finding.group, -1), finding.severity.rank)
    return sorted(report.groups, key=lambda g: (-worst.get(g.id, -1), -len(g.claims)))


def _claims(report: Report, ids: list[str]) -> list[Claim]:
    by_id = {c.id: c for c in report.claims}
    return [by_id[i] for i in ids if i in by_id]
