"""What every report format says about a claim: its interval, its parsed meaning, where it is.

Shared by the formatters so that a figure reads the same in the terminal, Markdown, HTML and CI
annotations. Sees only the models.
"""

from __future__ import annotations

import os
from pathlib import PurePath

from checker.models import Claim, Document, Finding, Report, Severity


def number(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.6g}"


def interval_text(claim: Claim) -> str:
    """'10,450–11,550', '≥3,000', '≤12,000' or the bare value."""
    low, high = claim.low, claim.high
    if low is not None and high is not None and low != high:
        return f"{number(low)}–{number(high)}"
    if low is not None and high is None:
        return f"≥{number(low)}"
    if high is not None and low is None:
        return f"≤{number(high)}"
    value = claim.value if claim.value is not None else low
    return number(value) if value is not None else "?"


def meaning(claim: Claim) -> str:
    """The parsed reading of a figure in one line, for tooltips and annotations."""
    parts = [
        ("value", number(claim.value) if claim.value is not None else None),
        ("interval", interval_text(claim)),
        ("unit", claim.unit),
        ("subject", claim.subject),
        ("attribution", claim.attribution),
        ("horizon", claim.horizon or claim.horizon_detail.label()),
        ("hedge", claim.qualifier),
    ]
    return "; ".join(f"{name}: {value}" for name, value in parts if value)


def sentence_parts(claim: Claim) -> tuple[str, str, str]:
    """The claim's sentence split around the figure, for highlighting; (sentence, '', '') if not found."""
    sentence = claim.sentence
    at = claim.start - claim.sentence_start
    if not (0 <= at and sentence[at:at + len(claim.text)] == claim.text):
        at = sentence.find(claim.text)
    if at < 0 or not claim.text:
        return sentence.strip(), "", ""
    before, after = sentence[:at], sentence[at + len(claim.text):]
    return before.lstrip(), claim.text, after.rstrip()


def quoted(claim: Claim) -> str:
    return " ".join(claim.sentence.split())


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of a str offset into the document text."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def span(report: Report, claim: Claim) -> tuple[int, int | None, int | None]:
    """(line, start column, end column) of a claim; columns are None when the text is not at hand
    (a Report read back from JSON carries no document text)."""
    document = document_of(report, claim)
    text = document.text if document else ""
    if not text or claim.end > len(text) or text[claim.start:claim.end] != claim.text:
        return claim.line, None, None
    line, column = position(text, claim.start)
    end_line, end_column = position(text, claim.end)
    return line, column, end_column if end_line == line else None


def document_of(report: Report, claim: Claim) -> Document | None:
    return next((d for d in report.documents if d.id == claim.document), None)


def outlet(report: Report, claim: Claim) -> str:
    document = document_of(report, claim)
    return (document.outlet or document.id) if document else claim.document


def where_in(report: Report, claim: Claim) -> str:
    """'file.txt:12': the document's file name and the claim's line."""
    document = document_of(report, claim)
    return f"{PurePath(document.path).name if document else claim.document}:{claim.line}"


def evidence_line(report: Report, claim: Claim) -> str:
    """'Outlet (file.txt:3) 4,000 residents: “the whole sentence”', for plain-text formats."""
    return f"{outlet(report, claim)} ({where_in(report, claim)}) {claim.text}: “{quoted(claim)}”"


def split_explanation(explanation: str) -> tuple[str, str]:
    """The reason (up to the first '- ' evidence line) and the evidence lines that follow it."""
    lines = explanation.strip().splitlines()
    cut = next((i for i, line in enumerate(lines) if i > 0 and line.lstrip().startswith("- ")), len(lines))
    return "\n".join(lines[:cut]).strip(), "\n".join(lines[cut:]).strip()


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def live(report: Report) -> list[Finding]:
    return [f for f in report.findings if not f.waived]


def failing(finding: Finding, fail_on: Severity) -> bool:
    return not finding.waived and finding.severity.rank >= fail_on.rank


def findings_claims(report: Report, finding: Finding) -> list[Claim]:
    by_id = {c.id: c for c in report.claims}
    return [by_id[i] for i in finding.claims if i in by_id]


def sorted_findings(findings: list[Finding]) -> list[Finding]:
    """Worst first, then in the order the checks produced them."""
    return sorted(findings, key=lambda f: -f.severity.rank)


def default_title(report: Report) -> str:
    folders = {str(PurePath(d.path).parent) for d in report.documents}
    if len(folders) == 1:
        folder = folders.pop()
        return f"claimcheck: {os.path.basename(folder) or folder}" if folder not in ("", ".") else "claimcheck report"
    return "claimcheck report"
