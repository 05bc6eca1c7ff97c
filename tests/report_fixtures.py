"""A hand-built Report for formatter tests: three articles about one (invented) flood story.

Codes and names are the registered checks' (`claimcheck rules`); severities are set as a rules file
may override them, so that each severity has three findings (one warning is waived).

Our own sentences, not the seed articles'. Offsets are computed from the text, so the claims
index their documents exactly the way the extractor's do. One article carries a `<script>`
line to prove that renderers escape article text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from checker.models import Claim, Document, Finding, Group, Horizon, Report, Severity

GAZETTE_TEXT = (
    "Flood waters reach the old town\n"
    "\n"
    "Flood waters displaced at least 4,000 residents on Monday, the regional governor said.\n"
    "Officials warned the number could rise to 9,000 by Friday.\n"
    "The river crested at 6.2 meters overnight.\n"
    "<script>alert('article text must stay text')</script>\n"
)

POST_TEXT = (
    "Red Cross: thousands still without shelter\n"
    "\n"
    "As many as 7,500 residents have been displaced, according to the Red Cross.\n"
    "About 1,200 homes were damaged, and 1,500 of those homes were destroyed, the agency said.\n"
    "Hydrologists measured the river's peak at 6.8 metres.\n"
)

WIRE_TEXT = (
    "---\n"
    "title: Governor's office counts the displaced\n"
    "outlet: River Wire\n"
    "---\n"
    "Around 4,000 people were displaced, the governor's office said on Tuesday.\n"
    "More than 1,000 homes were damaged across 30 square miles (48 square kilometers).\n"
)


@dataclass(frozen=True)
class ClaimSpec:
    id: str
    document: str
    figure: str
    value: float
    low: float | None
    high: float | None
    unit: str
    subject: str
    attribution: str | None
    horizon: Horizon
    qualifier: str | None
    kind: str = "count"
    occurrence: int = 0


PUBLISHED = dt.date(2025, 3, 4)
NOW = Horizon(kind="current", start=PUBLISHED, text="on Monday")
FRIDAY = Horizon(kind="deadline", end=dt.date(2025, 3, 7), text="by Friday")
UNKNOWN = Horizon()


def documents() -> list[Document]:
    wire_body = WIRE_TEXT.index("Around")
    return [
        Document(id="gazette", path="stories/flood/harbor-gazette.txt", outlet="Harbor Gazette",
                 published=PUBLISHED, title="Flood waters reach the old town", text=GAZETTE_TEXT),
        Document(id="post", path="stories/flood/valley-post.txt", outlet="Valley Post",
                 published=PUBLISHED, title="Red Cross: thousands still without shelter", text=POST_TEXT),
        Document(id="wire", path="stories/flood/river wire.md", outlet="River Wire",
                 published=dt.date(2025, 3, 5), title="Governor's office counts the displaced",
                 body_start=wire_body, text=WIRE_TEXT),
    ]


CLAIM_SPECS = [
    ClaimSpec("gazette-1", "gazette", "4,000 residents", 4000, 4000, None, "residents", "displaced residents",
              "regional governor", NOW, "at least"),
    ClaimSpec("gazette-2", "gazette", "9,000", 9000, None, 9000, "residents", "displaced residents",
              "officials", FRIDAY, "could rise to"),
    ClaimSpec("gazette-3", "gazette", "6.2 meters", 6.2, None, None, "metre", "river crest", None, UNKNOWN, None,
              kind="measure"),
    ClaimSpec("post-1", "post", "7,500 residents", 7500, None, 7500, "residents", "displaced residents",
              "Red Cross", NOW, "as many as"),
    ClaimSpec("post-2", "post", "1,200 homes", 1200, 1140, 1260, "homes", "damaged homes", "Red Cross", NOW, "about"),
    ClaimSpec("post-3", "post", "1,500", 1500, None, None, "homes", "destroyed homes", "Red Cross", NOW, None),
    ClaimSpec("post-4", "post", "6.8 metres", 6.8, None, None, "metre", "river crest", "hydrologists", UNKNOWN, None,
              kind="measure"),
    ClaimSpec("wire-1", "wire", "4,000 people", 4000, 3800, 4200, "people", "displaced residents",
              "governor's office", NOW, "around"),
    ClaimSpec("wire-2", "wire", "1,000 homes", 1000, 1000, None, "homes", "damaged homes", "governor's office",
              NOW, "more than"),
    ClaimSpec("wire-3", "wire", "30 square miles", 30, None, None, "square mile", "flooded area", None, UNKNOWN,
              None, kind="measure"),
    ClaimSpec("wire-4", "wire", "48 square kilometers", 48, None, None, "square kilometre", "flooded area", None,
              UNKNOWN, None, kind="measure"),
]


def build_claim(spec: ClaimSpec, document: Document) -> Claim:
    start = document.text.index(spec.figure)
    line_start = document.text.rfind("\n", 0, start) + 1
    line_end = document.text.index("\n", start)
    return Claim(
        id=spec.id, document=spec.document, start=start, end=start + len(spec.figure),
        line=document.text.count("\n", 0, start) + 1, text=spec.figure,
        value=spec.value, low=spec.low, high=spec.high, unit=spec.unit, kind=spec.kind,  # type: ignore[arg-type]
        subject=spec.subject, subject_key=spec.subject, attribution=spec.attribution,
        source_key=spec.attribution.lower() if spec.attribution else None,
        horizon=spec.horizon.label(), horizon_detail=spec.horizon, qualifier=spec.qualifier,
        sentence=document.text[line_start:line_end], sentence_start=line_start,
    )


def claims(docs: list[Document]) -> list[Claim]:
    by_id = {d.id: d for d in docs}
    return [build_claim(spec, by_id[spec.document]) for spec in CLAIM_SPECS]


GROUPS = [
    Group(id="g1", subject="displaced residents", unit="residents",
          claims=["gazette-1", "gazette-2", "post-1", "wire-1"]),
    Group(id="g2", subject="damaged homes", unit="homes", claims=["post-2", "wire-2"]),
    Group(id="g3", subject="river crest", unit="metre", claims=["gazette-3", "post-4"]),
]


def finding(number: int, code: str, rule: str, severity: Severity, claim_ids: list[str], message: str,
            explanation: str, group: str | None = None, waived: str | None = None) -> Finding:
    return Finding(id=f"f{number}", rule=rule, code=code, severity=severity, claims=claim_ids, message=message,
                   explanation=explanation, group=group, fingerprint=f"{code.lower()}-{'-'.join(claim_ids)}",
                   waived=waived)


FINDINGS = [
    finding(1, "CC101", "contradiction", Severity.error, ["gazette-3", "post-4"],
            "Harbor Gazette puts the river crest at 6.2 m, Valley Post at 6.8 m",
            "Both figures are exact, undated measurements of the same crest; they cannot both be right.", "g3"),
    finding(2, "CC201", "conversion-mismatch", Severity.error, ["wire-3", "wire-4"],
            "30 square miles is 77.7 km², not 48 km²",
            "The converted figure in brackets should equal the original within rounding."),
    finding(3, "CC203", "part-exceeds-whole", Severity.error, ["post-2", "post-3"],
            "1,500 destroyed homes are more than the 1,200 damaged homes they are part of",
            "A part of a total cannot be larger than the total in the same article."),
    finding(4, "CC102", "unexplained-range", Severity.warning, ["gazette-1", "post-1", "wire-1"],
            "Displaced residents now: 4,000 (governor) to 7,500 (Red Cross)",
            "Different sources give figures for the same time; the article should say whose figure it uses.", "g1"),
    finding(5, "CC103", "explained-range", Severity.warning, ["gazette-2", "post-1"],
            "9,000 by Friday is a projection; 7,500 is a current count",
            "Figures for different times are not in conflict, but readers may compare them.", "g1"),
    finding(6, "CC102", "unexplained-range", Severity.warning, ["post-2", "wire-2"],
            "'more than 1,000' and 'about 1,200' damaged homes",
            "The hedged intervals overlap; the difference may be rounding.", "g2",
            waived="desk accepted: counts come from different days"),
    finding(7, "CC104", "internal-inconsistency", Severity.info, ["gazette-1", "wire-1"],
            "The governor's 4,000 is 'at least' in one outlet and 'around' in another",
            "The same source's figure carries different hedges in different outlets.", "g1"),
    finding(8, "CC302", "draft-unsourced", Severity.info, ["gazette-3"],
            "6.2 meters: no other article gives the river crest", "A figure only one text prints needs its own source.",
            "g3"),
    finding(9, "CC301", "wire-copy", Severity.info, ["post-2"],
            "Only the Red Cross counts damaged homes exactly",
            "Several outlets printing one source are not independent confirmation.", "g2"),
]


def build_report() -> Report:
    docs = documents()
    return Report(documents=docs, claims=claims(docs), groups=list(GROUPS), findings=list(FINDINGS))


def live_findings(report: Report, at_least: Severity = Severity.info) -> list[Finding]:
    return [f for f in report.findings if not f.waived and f.severity.rank >= at_least.rank]
