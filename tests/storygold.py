"""Score a claimcheck Report against a gold story case, by the matching rules of the gold format.

A case is a folder holding `gold.yaml` and `articles/` (the evaluation layout), or a folder of
articles holding its own `expected.yaml` (the sample corpus in seeds/). The rules:

- a checker claim matches a gold claim when it sits in the same document (file stem) and its
  [start, end) span overlaps the gold surface's span (the n-th occurrence of the surface text);
- an alert is a finding of severity warning or error;
- an alert is a false alarm when its claims match gold claims of two different gold groups, or
  both claims of a `must_not_flag` pair;
- a gold finding is found when one alert that is not a false alarm holds claims matched to gold
  claims of at least two of its sides, from at least two documents when the gold finding's
  claims come from more than one document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checker.load import ARTICLE_SUFFIXES
from checker.models import Report

Span = tuple[int, int]
ALERT_SEVERITIES = frozenset({"warning", "error"})


@dataclass(frozen=True)
class GoldClaim:
    id: str
    doc: str
    span: Span
    group: str
    optional: bool


@dataclass(frozen=True)
class GoldFinding:
    id: str
    sides: tuple[frozenset[str], ...]

    def documents(self, claims: dict[str, GoldClaim]) -> set[str]:
        return {claims[c].doc for side in self.sides for c in side}


@dataclass(frozen=True)
class NonClaim:
    doc: str
    span: Span
    surface: str


@dataclass
class GoldCase:
    name: str
    articles: Path
    claims: dict[str, GoldClaim]
    non_claims: list[NonClaim]
    findings: list[GoldFinding]
    must_not_flag: list[frozenset[str]]


@dataclass(frozen=True)
class FalseAlarm:
    finding: str
    rule: str
    groups: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]
    message: str


@dataclass
class StoryScore:
    claim_recall: float
    missed_claims: list[str]
    found: dict[str, bool]
    false_alarms: list[FalseAlarm] = field(default_factory=list)
    noisy_non_claims: list[str] = field(default_factory=list)

    def summary(self) -> str:
        found = sum(self.found.values())
        return (f"recall {self.claim_recall:.2f} (missed {self.missed_claims}), findings {found}/{len(self.found)} "
                f"(missed {[f for f, ok in self.found.items() if not ok]}), false alarms {len(self.false_alarms)}")


# --- loading ----------------------------------------------------------------------------------

def nth_span(text: str, surface: str, occurrence: int = 1) -> Span:
    at = -1
    for _ in range(occurrence):
        at = text.find(surface, at + 1)
        if at < 0:
            raise ValueError(f"surface {surface!r} (occurrence {occurrence}) is not in the article")
    return at, at + len(surface)


def load_case(folder: Path) -> GoldCase:
    if (folder / "gold.yaml").exists():
        gold_file, articles = folder / "gold.yaml", folder / "articles"
    else:
        gold_file, articles = folder / "expected.yaml", folder
    gold: dict[str, Any] = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in articles.iterdir()
             if p.suffix.lower() in ARTICLE_SUFFIXES and p.stem.lower() != "readme"}

    def span_of(entry: dict[str, Any]) -> Span:
        doc = str(entry["doc"])
        if doc not in texts:
            raise ValueError(f"{gold_file}: no article {doc!r}")
        return nth_span(texts[doc], str(entry["surface"]), int(entry.get("occurrence", 1)))

    claims = {str(c["id"]): GoldClaim(id=str(c["id"]), doc=str(c["doc"]), span=span_of(c), group=str(c["group"]),
                                      optional=bool(c.get("optional", False)))
              for c in gold.get("claims", [])}
    non_claims = [NonClaim(doc=str(n["doc"]), span=span_of(n), surface=str(n["surface"]))
                  for n in gold.get("non_claims", []) or []]
    findings = []
    for f in gold.get("findings", []) or []:
        sides = f.get("sides") or [[c] for c in f.get("claims", [])]
        findings.append(GoldFinding(id=str(f["id"]), sides=tuple(frozenset(map(str, s)) for s in sides)))
    pairs = [frozenset(map(str, p["pair"])) for p in gold.get("must_not_flag", []) or []]
    unknown = {c for f in findings for s in f.sides for c in s} | {c for p in pairs for c in p}
    unknown -= set(claims)
    if unknown:
        raise ValueError(f"{gold_file}: findings or must_not_flag name unknown claims {sorted(unknown)}")
    return GoldCase(name=folder.name, articles=articles, claims=claims, non_claims=non_claims,
                    findings=findings, must_not_flag=pairs)


# --- scoring ----------------------------------------------------------------------------------

def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(case: GoldCase, report: Report) -> StoryScore:
    to_gold: dict[str, set[str]] = {}
    for claim in report.claims:
        doc = Path(claim.document).stem
        to_gold[claim.id] = {g.id for g in case.claims.values()
                             if g.doc == doc and _overlap((claim.start, claim.end), g.span)}
    matched = set().union(*to_gold.values()) if to_gold else set()
    required = [g.id for g in case.claims.values() if not g.optional]
    missed = [g for g in required if g not in matched]
    recall = (len(required) - len(missed)) / max(1, len(required))

    alerts = [f for f in report.findings if f.severity.value in ALERT_SEVERITIES]
    clean: list[set[str]] = []
    false_alarms: list[FalseAlarm] = []
    for finding in alerts:
        gold_ids = set().union(*(to_gold.get(i, set()) for i in finding.claims)) if finding.claims else set()
        groups = tuple(sorted({case.claims[g].group for g in gold_ids}))
        pairs = tuple(tuple(sorted(p)) for p in case.must_not_flag if p <= gold_ids)
        if len(groups) > 1 or pairs:
            false_alarms.append(FalseAlarm(finding=finding.id, rule=finding.rule, groups=groups,
                                           pairs=pairs, message=finding.message))  # type: ignore[arg-type]
        else:
            clean.append(gold_ids)

    found = {gf.id: any(_holds(gf, ids, case.claims) for ids in clean) for gf in case.findings}
    by_doc_claims = {c.id: (Path(c.document).stem, (c.start, c.end)) for c in report.claims}
    noisy = sorted({n.surface for f in alerts for i in f.claims if i in by_doc_claims for n in case.non_claims
                    if n.doc == by_doc_claims[i][0] and _overlap(by_doc_claims[i][1], n.span)})
    return StoryScore(claim_recall=recall, missed_claims=missed, found=found,
                      false_alarms=false_alarms, noisy_non_claims=noisy)


def _holds(gold: GoldFinding, ids: set[str], claims: dict[str, GoldClaim]) -> bool:
    hit_sides = [side for side in gold.sides if side & ids]
    if len(hit_sides) < 2:
        return False
    hit_docs = {claims[c].doc for side in hit_sides for c in side & ids}
    return len(hit_docs) >= 2 or len(gold.documents(claims)) == 1
