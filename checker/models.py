"""The records that cross module boundaries: documents, claims, findings and the report.

The JSON contract (`claimcheck check --format json`) is `Report.model_dump(mode="json")`;
fields may be added, never renamed. Bump SCHEMA_VERSION's minor number when adding,
its major number if anything is ever removed.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class Severity(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Document(BaseModel):
    """One article as read from disk. `text` is the whole decoded file; offsets index it."""

    model_config = ConfigDict(frozen=True)

    id: str
    path: str
    outlet: str | None = None
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    role: Literal["source", "draft"] = "source"
    body_start: int = Field(0, description="offset of the first character after any front matter")
    text: str = Field("", exclude=True, repr=False)


HorizonKind = Literal["current", "point", "deadline", "period", "eventual", "past", "unknown"]


class Horizon(BaseModel):
    """When a figure holds. `start`/`end` bound the time it refers to, resolved against publication."""

    model_config = ConfigDict(frozen=True)

    kind: HorizonKind = "unknown"
    start: dt.date | None = None
    end: dt.date | None = None
    text: str | None = Field(None, description="the words that set the horizon, as written")
    time_of_day: dt.time | None = Field(None, description="for a figure that holds now: the time of day its article's "
                                        "dateline gives, so that two same-day reports hours apart are two times")
    said: dt.date | None = Field(None, description="the later day the sentence says the figure was given on ('87 were "
                                 "arrested on Saturday, police said on Sunday'): one day's count given on two days "
                                 "is two reports of a count that moves")

    def key(self) -> tuple[object, ...]:
        """Every field, for keys of caches and of classes of one time: a field left out of a key once made
        two horizons one time or not by which came first."""
        return self.kind, self.start, self.end, self.text, self.time_of_day, self.said

    def label(self) -> str:
        if self.kind == "current":
            return f"now ({self.start.isoformat()})" if self.start else "now"
        if self.kind == "deadline":
            return f"by {self.end.isoformat()}" if self.end else "by a deadline"
        if self.kind == "point" and self.start:
            return self.start.isoformat()
        if self.kind in ("period", "past") and self.start and self.end:
            return f"{self.start.isoformat()}..{self.end.isoformat()}"
        if self.kind in ("period", "past") and self.end:
            return f"..{self.end.isoformat()}"  # "since the fighting began": the start is not given
        return self.kind


class Claim(BaseModel):
    """One figure in one document, with the context that says what it means."""

    model_config = ConfigDict(frozen=True)

    id: str
    document: str
    start: int
    end: int
    line: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = Field(None, description="counted thing or physical unit, e.g. 'troops', 'square kilometre'")
    dimension: str | None = Field(None, description="pint dimensionality for physical units, e.g. '[length] ** 2'")
    base_value: float | None = Field(None, description="value in the dimension's base unit (m², °C, ...)")
    base_low: float | None = None
    base_high: float | None = None
    kind: Literal["count", "measure", "money", "percent", "number"] = "number"
    subject: str | None = None
    subject_key: str | None = Field(None, description="the subject's lexicon head after synonyms, for grouping")
    attribution: str | None = None
    source_key: str | None = Field(None, description="canonical source after attribution aliases")
    horizon: str | None = None
    horizon_detail: Horizon = Field(default_factory=Horizon)
    qualifier: str | None = None
    sentence: str = ""
    sentence_start: int = 0
    in_headline: bool = False


class Finding(BaseModel):
    """One result of one check. The runner, not the check, sets `severity` and `id`."""

    model_config = ConfigDict(frozen=True)

    id: str
    rule: str = Field(description="the check's readable name, e.g. 'unexplained-range'")
    code: str = Field(description="the check's stable code, e.g. 'CC201'")
    severity: Severity
    claims: list[str]
    message: str
    explanation: str
    group: str | None = None
    fingerprint: str = Field("", description="content hash used by waivers and SARIF; stable across runs")
    waived: str | None = Field(None, description="the waiver's reason when a waiver accepts this finding")


class Group(BaseModel):
    """Claims the engine judged to be about the same quantity."""

    id: str
    subject: str
    unit: str | None
    claims: list[str]


class Report(BaseModel):
    schema_version: str = SCHEMA_VERSION
    tool: str = "claimcheck"
    documents: list[Document]
    claims: list[Claim]
    groups: list[Group] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list, description="inputs skipped with --keep-going, one line each")

    def claim(self, claim_id: str) -> Claim:
        return self._claims_by_id()[claim_id]

    def document(self, doc_id: str) -> Document:
        return {d.id: d for d in self.documents}[doc_id]

    def _claims_by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    def worst(self, include_waived: bool = False) -> Severity | None:
        live = [f.severity for f in self.findings if include_waived or not f.waived]
        return max(live, key=lambda s: s.rank) if live else None
