"""Markdown for a pull-request comment or a wiki page: findings first, then the figures by subject."""

from __future__ import annotations

import re

from checker.formatters.base import Formatter, RenderOptions
from checker.formatters.evidence import (default_title, plural, where_in, findings_claims, interval_text, live, outlet,
                                         sentence_parts, sorted_findings)
from checker.models import Claim, Finding, Report

# CommonMark backslash escapes for the characters that would turn article text into markup.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~#])")
BADGE = {"error": "🔴 **error**", "warning": "🟠 **warning**", "info": "🔵 info"}
CLAIM_COLUMNS = ("Outlet", "Figure", "Interval", "Unit", "Attribution", "Horizon", "Hedge", "Line")


def escape(text: str) -> str:
    """One line of plain text, whitespace runs folded, markup characters escaped."""
    return _MARKUP.sub(r"\\\1", re.sub(r"\s+", " ", text))


class MarkdownFormatter(Formatter):
    name = "markdown"
    suffix = ".md"
    description = "Markdown: findings with quoted evidence, then tables of figures by subject"

    def render(self, report: Report, options: RenderOptions) -> str:
        lines = [f"# {escape(options.title or default_title(report))}", "", summary(report), ""]
        if options.view == "extract":
            lines += claims_table(report, report.claims)
        else:
            lines += self._findings(report)
            lines += self._groups(report)
            lines += self._waived(report)
        if report.errors:
            lines += ["## Skipped inputs", ""] + [f"- {escape(e)}" for e in report.errors] + [""]
        return "\n".join(lines).rstrip("\n") + "\n"

    def _findings(self, report: Report) -> list[str]:
        findings = sorted_findings(live(report))
        lines = ["## Findings", ""]
        if not findings:
            return lines + ["No findings.", ""]
        for finding in findings:
            lines += finding_block(report, finding)
        return lines

    def _groups(self, report: Report) -> list[str]:
        lines = ["## Figures by subject", ""]
        by_id = {c.id: c for c in report.claims}
        grouped: set[str] = set()
        for group in report.groups:
            grouped.update(group.claims)
            heading = escape(group.subject) + (f" ({escape(group.unit)})" if group.unit else "")
            lines += [f"### {heading}", ""] + claims_table(report, [by_id[i] for i in group.claims if i in by_id])
        rest = [c for c in report.claims if c.id not in grouped]
        if rest:
            lines += ["### Other figures", ""] + claims_table(report, rest)
        return lines

    def _waived(self, report: Report) -> list[str]:
        waived = [f for f in report.findings if f.waived]
        if not waived:
            return []
        lines = ["## Waived findings", ""]
        for f in waived:
            lines.append(f"- `{f.code}` {escape(f.rule)}: {escape(f.message)} — waived: {escape(f.waived or '')}")
        return lines + [""]


def summary(report: Report) -> str:
    findings = live(report)
    counts = {s: sum(f.severity.value == s for f in findings) for s in ("error", "warning", "info")}
    waived = len(report.findings) - len(findings)
    text = (f"{plural(len(report.documents), 'document')}, {plural(len(report.claims), 'claim')}, "
            f"{plural(len(report.groups), 'subject group')}; **{plural(counts['error'], 'error')}**, "
            f"{plural(counts['warning'], 'warning')}, {counts['info']} info")
    return text + (f", {waived} waived" if waived else "")


def finding_block(report: Report, finding: Finding) -> list[str]:
    lines = [f"### {BADGE[finding.severity.value]} `{finding.code}` {escape(finding.rule)}", "",
             escape(finding.message), ""]
    for claim in findings_claims(report, finding):
        before, figure, after = sentence_parts(claim)
        quote = escape(before) + (f"**{escape(figure)}**" if figure else "") + escape(after)
        where = f"{escape(outlet(report, claim))}, {escape(where_in(report, claim))}"
        lines.append(f"> “{quote.strip()}” — {where}")
        lines.append(">")
    if lines[-1] == ">":
        lines.pop()
    return lines + [""] + explanation_lines(finding.explanation) + [""]


def explanation_lines(explanation: str) -> list[str]:
    """The first line as the reason; '- ' lines as a list; indented lines continue the item above."""
    first, *rest = explanation.strip().splitlines() or [""]
    lines = [f"*Why:* {escape(first.strip())}"]
    for raw in rest:
        text = raw.strip()
        if not text:
            continue
        if text.startswith("- "):
            lines += ([""] if not lines[-1].startswith(("- ", "  ")) else []) + [f"- {escape(text[2:])}"]
        elif raw[:1].isspace() and lines[-1].startswith(("- ", "  ")):
            lines[-1] += "  "  # hard line break inside the list item
            lines.append(f"  {escape(text)}")
        else:
            lines += ["", escape(text)]
    return lines


def claims_table(report: Report, claims: list[Claim]) -> list[str]:
    rows = ["| " + " | ".join(CLAIM_COLUMNS) + " |", "|" + "---|" * len(CLAIM_COLUMNS)]
    for c in claims:
        cells = [outlet(report, c), c.text, interval_text(c), c.unit or "", c.attribution or "",
                 c.horizon or "", c.qualifier or "", where_in(report, c)]
        rows.append("| " + " | ".join(escape(cell) for cell in cells) + " |")
    return rows + [""]
