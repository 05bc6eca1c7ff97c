"""What every check is: a small class with a stable code, a name, a one-line summary, a default
severity, an Options model and examples that must and must not fire.

A check sees a `Story` (the engine's view of all claims: groups of claims about one quantity,
statements within each group (checks/links.py), wire-copy clusters) and yields `Issue`s. It never decides
its severity or finding id: the runner stamps those, so rules/checks.yaml can override them.

Examples are plain dicts (the same shape as tests/checks/*.yaml cases, see checker/checks/examples.py):
`{"claims": [{"document": "a", "text": "3,000", "value": 3000, "subject": "troops", ...}]}`, so a
check is testable without the extractor.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.compare import by_sentence
from checker.checks.links import StatementIndex
from checker.lexicon import Lexicon
from checker.models import Claim, Document, Finding, Severity
from checker.ruleset import RuleSet

Example = dict[str, Any]


class Issue(BaseModel):
    """What a check reports; the runner turns it into a Finding."""

    model_config = ConfigDict(frozen=True)

    claims: list[str]
    message: str = Field(description="one line")
    explanation: str = Field(description="why it is or is not explained: sources, figures with hedges, horizons")
    group: str | None = None


class ClaimGroup(BaseModel):
    """Claims the engine judged to count the same quantity."""

    model_config = ConfigDict(frozen=True)

    id: str
    head: str
    label: str
    unit: str | None
    family: str = Field("count", description="count, percent, money:<unit> or measure:<dimension>")
    claims: list[str]


class Waiver(BaseModel):
    """One accepted finding from claimcheck-waivers.yaml (see checker/waivers.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    check: str
    claims: list[dict[str, str]] = Field(default_factory=list)
    fingerprint: str | None = None
    reason: str = Field(min_length=1)


class Story(BaseModel):
    """Everything a check may look at. Built by checker.engine.build_story."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    documents: dict[str, Document]
    claims: dict[str, Claim]
    groups: list[ClaimGroup] = Field(default_factory=list)
    links: StatementIndex = Field(default_factory=StatementIndex,
                                  description="claims collapsed into statements, for related_sets()")
    wire_copies: list[list[str]] = Field(default_factory=list, description="claim ids printed in one reprinted text")
    rules: RuleSet
    lexicon: Lexicon
    # filled only for checks of stage "waivers"
    findings: list[Finding] = Field(default_factory=list)
    waivers: list[Waiver] = Field(default_factory=list)
    focus: frozenset[str] | None = Field(None, description="draft mode: the draft claims; only findings holding one "
                                                           "are reported, so checks may skip the rest")

    def focus_groups(self) -> list[ClaimGroup]:
        """The groups a finding that matters can come from: every group, or in draft mode those
        holding a draft claim (the engine builds statements for those only)."""
        if self.focus is None:
            return self.groups
        cached = self.__dict__.get("_focus_groups")
        if cached is None:
            focus = self.focus
            cached = self.__dict__["_focus_groups"] = [g for g in self.groups if not focus.isdisjoint(g.claims)]
        return cached

    def focus_claims(self) -> list[Claim]:
        """The claims of the articles a reported finding within one sentence can come from: every
        claim, or in draft mode those of the drafts (a sentence belongs to one article)."""
        if self.focus is None:
            return list(self.claims.values())
        documents = {self.claims[c].document for c in self.focus if c in self.claims}
        return [c for c in self.claims.values() if c.document in documents]

    def claim(self, claim_id: str) -> Claim:
        return self.claims[claim_id]

    def group_of(self, claim_id: str) -> ClaimGroup | None:
        return self._group_index().get(claim_id)

    def group(self, group_id: str) -> ClaimGroup:
        by_id = self.__dict__.get("_groups_by_id")
        if by_id is None:
            by_id = self.__dict__["_groups_by_id"] = {g.id: g for g in self.groups}
        return by_id[group_id]

    def outlet(self, claim: Claim) -> str:
        document = self.documents.get(claim.document)
        return (document.outlet if document and document.outlet else claim.document)

    def copies_of(self, claim_id: str) -> list[str]:
        """Other claims printed in the same reprinted text as this one."""
        by_claim = self.__dict__.get("_copies_by_claim")
        if by_claim is None:
            by_claim = self.__dict__["_copies_by_claim"] = {c: cluster for cluster in self.wire_copies for c in cluster}
        return [c for c in by_claim.get(claim_id, []) if c != claim_id]

    def sentence_of(self, claim: Claim) -> list[Claim]:
        """Every claim of the claim's sentence, in reading order."""
        return self._sentence_index()[(claim.document, claim.sentence_start)]

    def sentences(self) -> list[list[Claim]]:
        """Every sentence's claims, in reading order (compare.by_sentence), read once per story."""
        return list(self._sentence_index().values())

    def _sentence_index(self) -> dict[tuple[str, int], list[Claim]]:
        index = self.__dict__.get("_sentences")
        if index is None:
            index = self.__dict__["_sentences"] = {(s[0].document, s[0].sentence_start): s
                                                    for s in by_sentence(self.claims.values())}
        return index

    def _group_index(self) -> dict[str, ClaimGroup]:
        cached = self.__dict__.get("_index_cache")
        if cached is None:
            cached = {c: g for g in self.groups for c in g.claims}
            self.__dict__["_index_cache"] = cached
        return cached


class NoOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Check(ABC):
    """Base of every check. Subclasses declare the class variables once and implement `run`."""

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    default_severity: ClassVar[Severity]
    Options: ClassVar[type[BaseModel]] = NoOptions
    must_fire: ClassVar[list[Example]]
    must_not_fire: ClassVar[list[Example]]
    stage: ClassVar[Literal["claims", "waivers"]] = "claims"

    @abstractmethod
    def run(self, story: Story, options: Any) -> Iterator[Issue]:
        """Yield one Issue per problem; each Issue holds claims of one quantity only."""


REQUIRED_DECLARATIONS = ("code", "name", "summary", "default_severity", "Options", "must_fire", "must_not_fire")


def missing_declarations(check_class: type[Check]) -> list[str]:
    """Declarations a check lacks; a registered check must lack none (tests/test_checks.py)."""
    missing = [attr for attr in REQUIRED_DECLARATIONS if not hasattr(check_class, attr)]
    if not missing:
        if not check_class.must_fire or not check_class.must_not_fire:
            missing.append("examples (must_fire and must_not_fire need at least one each)")
        if not (check_class.__doc__ or "").strip() and not (_module_doc(check_class)).strip():
            missing.append("docstring")
    return missing


def _module_doc(check_class: type[Check]) -> str:
    import sys

    module = sys.modules.get(check_class.__module__)
    return (module.__doc__ or "") if module else ""
