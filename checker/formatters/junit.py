"""JUnit XML for CI dashboards: one testcase per subject group, one per finding outside any group.

A testcase fails when it holds a live finding at or above --fail-on; lesser findings go to its
system-out, waived ones are listed there too (a waived ungrouped finding is a skipped testcase).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import PurePath

from checker.formatters.base import Formatter, RenderOptions
from checker.formatters.evidence import document_of, evidence_line, failing, findings_claims, where_in
from checker.models import Finding, Report, Severity


def suite_name(report: Report) -> str:
    folders = sorted({PurePath(d.path).parent.name or "." for d in report.documents})
    return "claimcheck." + "+".join(folders)


def finding_text(report: Report, finding: Finding) -> str:
    lines = [f"{finding.severity.value.upper()} {finding.code} {finding.rule}: {finding.message}"]
    for claim in findings_claims(report, finding):
        lines.append("    " + evidence_line(report, claim))
    lines.append(f"    why: {finding.explanation}")
    if finding.waived:
        lines.append(f"    waived: {finding.waived}")
    return "\n".join(lines)


class JunitFormatter(Formatter):
    name = "junit"
    suffix = ".xml"
    description = "JUnit XML: a testcase per subject group, failures for findings at or above --fail-on"

    def render(self, report: Report, options: RenderOptions) -> str:
        suite = ET.Element("testsuite", name=suite_name(report))
        grouped = {g.id for g in report.groups}
        for group in report.groups:
            name = group.subject + (f" ({group.unit})" if group.unit else "")
            findings = [f for f in report.findings if f.group == group.id]
            self._case(suite, report, name, findings, options.fail_on)
        for finding in report.findings:
            if finding.group not in grouped:
                claims = findings_claims(report, finding)
                where = f" at {where_in(report, claims[0])}" if claims else ""
                self._case(suite, report, f"{finding.code} {finding.rule}{where}", [finding], options.fail_on)
        if report.errors:
            case = ET.SubElement(suite, "testcase", classname=suite.get("name", ""), name="inputs")
            error = ET.SubElement(case, "error", message=f"{len(report.errors)} inputs could not be read",
                                  type="InputError")
            error.text = "\n".join(report.errors)
        cases = suite.findall("testcase")
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(sum(c.find("failure") is not None for c in cases)))
        suite.set("errors", str(sum(c.find("error") is not None for c in cases)))
        suite.set("skipped", str(sum(c.find("skipped") is not None for c in cases)))
        root = ET.Element("testsuites", name="claimcheck")
        for key in ("tests", "failures", "errors", "skipped"):
            root.set(key, suite.get(key, "0"))
        root.append(suite)
        ET.indent(root)
        return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"

    def _case(self, suite: ET.Element, report: Report, name: str, findings: list[Finding], fail_on: Severity) -> None:
        case = ET.SubElement(suite, "testcase", classname=suite.get("name", ""), name=name)
        claims = [c for f in findings for c in findings_claims(report, f)]
        document = document_of(report, claims[0]) if claims else None
        if document is not None:  # GitLab and Jenkins link a testcase to file and line
            case.set("file", document.path)
            case.set("line", str(claims[0].line))
        failures = [f for f in findings if failing(f, fail_on)]
        rest = [f for f in findings if f not in failures]
        if failures:
            worst = max(failures, key=lambda f: f.severity.rank)
            more = f" (+{len(failures) - 1} more)" if len(failures) > 1 else ""
            failure = ET.SubElement(case, "failure", message=worst.message + more,
                                    type=f"{worst.code} {worst.rule}")
            failure.text = "\n\n".join(finding_text(report, f) for f in failures)
        elif findings and all(f.waived for f in findings) and len(findings) == 1:
            ET.SubElement(case, "skipped", message=f"waived: {findings[0].waived}")
        if rest:
            out = ET.SubElement(case, "system-out")
            out.text = "\n\n".join(finding_text(report, f) for f in rest)
