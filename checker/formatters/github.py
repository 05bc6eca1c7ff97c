"""GitHub Actions workflow commands: one annotation per live finding, on the figure's line and columns.

`::error file=F,line=L,col=C,endColumn=E,title=T::message`; GitHub shows them on the pull request's
diff. Values are escaped as the runner expects (%, CR, LF everywhere; also ':' and ',' in properties).
"""

from __future__ import annotations

from checker.formatters.base import Formatter, RenderOptions
from checker.formatters.evidence import evidence_line, findings_claims, live, sorted_findings, span
from checker.models import Finding, Report

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(report: Report, finding: Finding) -> str:
    claims = findings_claims(report, finding)
    properties: list[tuple[str, str]] = []
    if claims:
        first = claims[0]
        document = next((d for d in report.documents if d.id == first.document), None)
        line, column, end_column = span(report, first)
        properties.append(("file", document.path if document else first.document))
        properties.append(("line", str(line)))
        if column is not None:
            properties.append(("col", str(column)))
        if end_column is not None:
            properties.append(("endColumn", str(end_column)))
    properties.append(("title", f"{finding.code} {finding.rule}"))
    body = [finding.message]
    body += [evidence_line(report, c) for c in claims]
    body.append(f"why: {finding.explanation}")
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMAND[finding.severity.value]} {props}::{escape_data(chr(10).join(body))}"


class GithubFormatter(Formatter):
    name = "github"
    suffix = ".github.txt"
    description = "GitHub Actions annotations (::error file=...,line=...::message), one per finding"

    def render(self, report: Report, options: RenderOptions) -> str:
        lines = [annotation(report, f) for f in sorted_findings(live(report))]
        lines += [f"::error title=claimcheck::{escape_data(error)}" for error in report.errors]
        findings = live(report)
        lines.append(f"claimcheck: {len(report.documents)} documents, {len(report.claims)} claims, "
                     f"{len(findings)} findings ({len(report.findings) - len(findings)} waived)")
        return "\n".join(lines) + "\n"
