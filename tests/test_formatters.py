"""Report formats, tested on the hand-built flood report (tests/report_fixtures.py)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_fixtures import build_report, live_findings

from checker.formatters import FORMATTERS, RenderOptions, get_formatter
from checker.models import Report, Severity

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "checker" / "schema" / "report.schema.json"


@pytest.fixture
def report() -> Report:
    return build_report()


def render(name: str, report: Report, **options: object) -> str:
    return get_formatter(name).render(report, RenderOptions(**options))


def with_claim(report: Report, claim_id: str, **changes: object) -> Report:
    claims = [c.model_copy(update=changes) if c.id == claim_id else c for c in report.claims]
    return report.model_copy(update={"claims": claims})


# --- every format -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(FORMATTERS))
@pytest.mark.parametrize("view", ["check", "extract"])
def test_every_format_renders_whole_output(name: str, view: str, report: Report) -> None:
    output = render(name, report, view=view)
    assert output.endswith("\n") and output.strip()


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_rendering_is_deterministic(name: str, report: Report) -> None:
    assert render(name, report) == render(name, build_report())


def test_unknown_format_is_a_config_error() -> None:
    from checker.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown format 'pdf'"):
        get_formatter("pdf")


def test_committed_json_schema_matches_the_model() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == Report.model_json_schema(mode="serialization"), \
        "run `python scripts/generate_schema.py` and commit the result"


# --- text ---------------------------------------------------------------------------------------

def test_text_lists_groups_findings_and_summary(report: Report) -> None:
    output = render("text", report)
    for subject in ("displaced residents", "damaged homes", "river crest"):
        assert subject in output
    assert "“The river crested at 6.2 meters overnight.”" in output
    assert "3 documents, 11 claims, 3 errors, 2 warnings, 3 info, 1 waived" in output
    assert "\x1b[" not in output


def test_text_colour_only_when_asked(report: Report) -> None:
    assert "\x1b[" in render("text", report, color=True)


# --- markdown -----------------------------------------------------------------------------------

def test_markdown_puts_findings_first_worst_first(report: Report) -> None:
    output = render("markdown", report)
    findings_at, groups_at = output.index("## Findings"), output.index("## Figures by subject")
    assert findings_at < groups_at
    codes = re.findall(r"^### .*`(CC\d+)`", output[findings_at:groups_at], flags=re.M)
    expected = [f.code for f in sorted(live_findings(report), key=lambda f: -f.severity.rank)]
    assert codes == expected


def test_markdown_quotes_with_the_figure_in_bold(report: Report) -> None:
    assert "> “The river crested at **6.2 meters** overnight.” — Harbor Gazette, harbor-gazette.txt:5" \
        in render("markdown", report)


def test_markdown_lists_waived_findings_apart(report: Report) -> None:
    output = render("markdown", report)
    waived = output.split("## Waived findings", 1)[1]
    assert "damaged homes" in waived and "desk accepted" in waived
    assert "'more than 1,000' and 'about 1,200'" not in output.split("## Figures by subject", 1)[0]


def test_markdown_escapes_article_text_in_tables(report: Report) -> None:
    output = render("markdown", with_claim(report, "post-1", attribution="Red | Cross *staff* <b>"))
    row = next(line for line in output.splitlines() if "7,500 residents" in line and line.startswith("|"))
    assert len(re.findall(r"(?<!\\)\|", row)) == 9  # 8 columns, none added by the attribution
    assert "<b>" not in output


# --- html ---------------------------------------------------------------------------------------

class MarkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.marks: dict[str, str] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "mark" and (attributes.get("id") or "").startswith("claim-"):
            self.marks[str(attributes["id"])[len("claim-"):]] = attributes.get("title") or ""


def parse(html: str) -> MarkCollector:
    collector = MarkCollector()
    collector.feed(html)
    return collector


def test_html_marks_every_claim_with_its_meaning(report: Report) -> None:
    marks = parse(render("html", report)).marks
    assert set(marks) == {c.id for c in report.claims}
    assert marks["post-2"] == ("value: 1,200; interval: 1,140–1,260; unit: homes; subject: damaged homes; "
                               "attribution: Red Cross; horizon: now (2025-03-04); hedge: about")


def test_html_article_text_stays_text(report: Report) -> None:
    output = render("html", report)
    assert "&lt;script&gt;alert(" in output
    assert "<script" not in output.lower()


def test_html_escapes_claim_fields_in_charts_and_tooltips(report: Report) -> None:
    output = render("html", with_claim(report, "post-1", attribution="<script>bad()</script>", unit="$ & <b>"))
    assert "<script" not in output.lower() and "<b>" not in output


def test_html_is_self_contained(report: Report) -> None:
    tags = parse(render("html", report)).tags
    assert not [t for t, _ in tags if t in ("script", "link", "iframe", "img")]
    assert not [a for _, a in tags if any((a.get(k) or "").startswith(("http:", "https:", "//")) for k in ("src",))]


def test_html_findings_first_then_a_chart_per_group_then_articles(report: Report) -> None:
    output = render("html", report)
    first_finding = output.index('class="finding sev-error')
    assert first_finding < output.index('id="subjects"') < output.index('id="articles"')
    subjects = output[output.index('id="subjects"'):output.index('id="articles"')]
    assert subjects.count("<svg") == len(report.groups)
    assert len(set(re.findall(r'\bid="([^"]+)"', output))) == len(re.findall(r'\bid="([^"]+)"', output))


def test_html_waived_findings_are_collapsed(report: Report) -> None:
    output = render("html", report)
    details = output[output.index("<details>"):output.index("</details>")]
    assert "desk accepted" in details and 'class="finding sev-warning waived"' in details


# --- junit --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("fail_on", "failing_cases"), [
    (Severity.error, {"river crest (metre)", "CC201 conversion-mismatch at river wire.md:6",
                      "CC203 part-exceeds-whole at valley-post.txt:4"}),
    (Severity.warning, {"river crest (metre)", "CC201 conversion-mismatch at river wire.md:6",
                        "CC203 part-exceeds-whole at valley-post.txt:4", "displaced residents (residents)"}),
])
def test_junit_fails_cases_at_or_above_fail_on(report: Report, fail_on: Severity, failing_cases: set[str]) -> None:
    root = ET.fromstring(render("junit", report, fail_on=fail_on))
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(report.groups) + 2  # the two findings outside any group
    assert {c.get("name") for c in cases if c.find("failure") is not None} == failing_cases
    assert root.get("failures") == str(len(failing_cases))


def test_junit_failure_quotes_the_sentences(report: Report) -> None:
    root = ET.fromstring(render("junit", report))
    failure = root.find("./testsuite/testcase[@name='river crest (metre)']/failure")
    assert failure is not None and failure.get("type") == "CC101 contradiction"
    assert "“Hydrologists measured the river's peak at 6.8 metres.”" in (failure.text or "")


# --- github -------------------------------------------------------------------------------------

COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def test_github_annotates_every_live_finding_on_its_figure(report: Report) -> None:
    lines = [line for line in render("github", report).splitlines() if line.startswith("::")]
    assert len(lines) == len(live_findings(report))
    texts = {d.path: d.text for d in report.documents}
    for line in lines:
        match = COMMAND.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match["props"].split(","))
        text_line = texts[props["file"]].splitlines()[int(props["line"]) - 1]
        figure = text_line[int(props["col"]) - 1:int(props["endColumn"]) - 1]
        assert figure in {c.text for c in report.claims}
        assert "\n" not in match["message"] and "%0A" in match["message"]


def test_github_escapes_property_values(report: Report) -> None:
    documents = [d.model_copy(update={"path": "news/a,b:c.txt"}) if d.id == "gazette" else d
                 for d in report.documents]
    output = render("github", report.model_copy(update={"documents": documents}))
    assert "file=news/a%2Cb%3Ac.txt," in output


# --- charts -------------------------------------------------------------------------------------

def test_chart_columns_follow_time_then_projections(report: Report) -> None:
    import datetime as dt

    from checker.charts import horizon_sort_key
    from checker.models import Horizon

    horizons = [Horizon(kind="unknown"), Horizon(kind="eventual", start=dt.date(2025, 1, 1)),
                Horizon(kind="deadline", end=dt.date(2025, 3, 7)), Horizon(kind="current", start=dt.date(2025, 3, 4))]
    ordered = sorted(horizons, key=horizon_sort_key)
    assert [h.kind for h in ordered] == ["current", "deadline", "eventual", "unknown"]


def test_chart_merges_one_source_printed_by_several_outlets(report: Report) -> None:
    from checker.charts import points_of

    copy = report.claim("post-1").model_copy(update={"id": "wire-9", "document": "wire"})
    points = points_of([report.claim("post-1"), copy, report.claim("gazette-1")],
                       {"post": "Valley Post", "wire": "River Wire", "gazette": "Harbor Gazette"})
    assert len(points) == 2
    assert points[0].caption() == "as many as 7,500\nresidents\nValley Post, River\nWire"


def test_single_figure_subjects_get_a_table_not_a_chart(report: Report) -> None:
    lonely = report.groups + [report.groups[0].model_copy(update={"id": "g9", "subject": "flooded area",
                                                                   "claims": ["wire-3"]})]
    output = render("html", report.model_copy(update={"groups": lonely}))
    assert output.count("<svg") == len(report.groups)
    single = output[output.index('id="single-figures"'):output.index('id="articles"')]
    assert "30 square miles" in single


def test_chart_text_is_never_read_as_maths(report: Report) -> None:
    output = render("html", with_claim(report, "post-1", text="$7,500 residents", unit="$", qualifier="up to $"))
    assert "$7,500 residents" in output


def test_chart_keeps_figures_below_zero_in_view(report: Report) -> None:
    import re as regex

    from checker.charts import group_chart_svg

    frost = [c.model_copy(update={"value": -c.value, "low": None, "high": None}) if c.id == "post-4"
             else c for c in report.claims]
    svg = group_chart_svg(report.model_copy(update={"claims": frost}), report.groups[2])
    labels = regex.findall(r"<text[^>]*>(-?[\d.,]+)</text>", svg)
    assert min(float(label.replace(",", "")) for label in labels) <= -6  # the y axis reaches the -6.8 m crest
