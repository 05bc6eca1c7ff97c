"""Terminal output: claims grouped by subject, then findings, drawn with rich.

Colour only when writing to a terminal; otherwise plain text with the same layout.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from checker.formatters.base import Formatter, RenderOptions
from checker.models import Claim, Finding, Report

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def figure_cell(claim: Claim) -> str:
    if claim.low is not None and claim.high is not None and claim.low != claim.high:
        return f"{claim.text}  [{_num(claim.low)}–{_num(claim.high)}]"
    if claim.low is not None and claim.high is None:
        return f"{claim.text}  [≥{_num(claim.low)}]"
    if claim.high is not None and claim.low is None:
        return f"{claim.text}  [≤{_num(claim.high)}]"
    return claim.text


def _num(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.6g}"


def _by_sentence(claims: list[Claim]) -> list[list[Claim]]:
    """The finding's claims per sentence, in the finding's order: a sentence holding two of its
    figures ('6,500, or 31% of its workforce') is printed once."""
    sentences: dict[tuple[str, int], list[Claim]] = {}
    for claim in claims:
        sentences.setdefault((claim.document, claim.sentence_start), []).append(claim)
    return list(sentences.values())


def _sentence(claims: list[Claim]) -> Text:
    """The sentence, stripped; when it holds several of the finding's figures each is marked
    [like this] (and bold on a terminal), so the reader sees which two figures disagree."""
    sentence = claims[0].sentence
    if len(claims) == 1:
        return Text(sentence.strip(), style="dim")
    lead = len(sentence) - len(sentence.lstrip())
    text, at = Text(style="dim"), lead
    for claim in sorted(claims, key=lambda c: c.start):
        begin, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
        if begin < at or end > len(sentence):
            continue  # a figure inside another one's span, or outside the sentence: leave unmarked
        text.append(sentence[at:begin])
        text.append(f"[{sentence[begin:end]}]", style="bold")
        at = end
    text.append(sentence[at:].rstrip())
    return text


class TextFormatter(Formatter):
    name = "text"
    suffix = ".txt"
    description = "tables for the terminal (colour on a TTY)"

    def render(self, report: Report, options: RenderOptions) -> str:
        buffer = io.StringIO()
        console = Console(file=buffer, force_terminal=options.color, no_color=not options.color,
                          width=options.width, highlight=False, soft_wrap=False)
        if options.view == "extract":
            console.print(self._claims_table(report.claims, "Claims"))
        else:
            self._render_groups(console, report)
            self._render_findings(console, report)
        for error in report.errors:
            console.print(Text(f"skipped: {error}", style="red"))
        return buffer.getvalue()

    def _claims_table(self, claims: list[Claim], title: str) -> Table:
        table = Table(title=title, box=box.SIMPLE_HEAVY, title_justify="left", expand=False)
        table.add_column("doc:line", no_wrap=True)  # a location split over two lines cannot be copied
        for column in ("figure", "unit", "subject", "attribution", "horizon", "hedge"):
            table.add_column(column, overflow="fold")
        for c in claims:
            table.add_row(f"{c.document}:{c.line}", figure_cell(c), c.unit or "", c.subject or "",
                          c.attribution or "", c.horizon or "", c.qualifier or "")
        return table

    def _render_groups(self, console: Console, report: Report) -> None:
        by_id = {c.id: c for c in report.claims}
        grouped: set[str] = set()
        for group in report.groups:
            claims = [by_id[i] for i in group.claims if i in by_id]
            grouped.update(group.claims)
            console.print(self._claims_table(claims, f"{group.subject}" + (f" ({group.unit})" if group.unit else "")))
        rest = [c for c in report.claims if c.id not in grouped]
        if rest:
            console.print(self._claims_table(rest, "Other figures" if report.groups else "Claims"))

    def _render_findings(self, console: Console, report: Report) -> None:
        live = [f for f in report.findings if not f.waived]
        if not live:
            console.print(Text("No findings.", style="green"))
        by_id = {c.id: c for c in report.claims}
        for finding in live:
            self._render_finding(console, finding, by_id)
        counts = {s: sum(f.severity.value == s for f in live) for s in ("error", "warning", "info")}
        waived = len(report.findings) - len(live)
        summary = (f"{len(report.documents)} documents, {len(report.claims)} claims, "
                   f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info")
        console.print(summary + (f", {waived} waived" if waived else ""))

    def _render_finding(self, console: Console, finding: Finding, by_id: dict[str, Claim]) -> None:
        head = Text()
        head.append(f"{finding.severity.value.upper():7} ", style=SEVERITY_STYLE[finding.severity.value])
        head.append(f"{finding.code} {finding.rule}: ", style="bold")
        head.append(finding.message)
        console.print(head)
        for claims in _by_sentence([by_id[i] for i in finding.claims if i in by_id]):
            line = Text(f"    {claims[0].document}:{claims[0].line}  “", style="dim")
            line.append_text(_sentence(claims))
            line.append("”", style="dim")
            console.print(line)
        reason, *evidence = finding.explanation.strip().splitlines() or [""]
        console.print(Text(f"    why: {reason}"))
        for line in evidence:
            console.print(Text(f"      {line}", style="dim"))
        console.print()
