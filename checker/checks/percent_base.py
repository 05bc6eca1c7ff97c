"""CC202 percent-of-base — "N, about P% of BASE" that does not fit the BASE printed elsewhere.

What it flags: a count followed in the same sentence by a percentage of a whole ("11,000 jobs,
about 13% of staff"), when the story states that whole ("its 85,000 employees"): N / BASE must
come within `percent_of_base` (rules/tolerances.yaml, in points: 0.02 = 2 points) of P, widened
by P's hedge and rounding. The whole is looked up in the same article first, then in the others.

Why: the share and the count are often taken from different releases; if they disagree one of
them is stale or wrong.

Options:
  max_gap (default 40): most characters between the count and the percentage.

Fires: "cut 11,000 jobs, about 25% of staff" with "its 85,000 employees" (11,000 is 13%).
Does not fire: "cut 11,000 jobs, about 13% of staff" with "its 85,000 employees".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import Check, Issue, Story
from checker.checks.compare import find_hedge, number
from checker.checks.narrate import evidence
from checker.models import Claim, Severity

_OF_WHOLE = re.compile(r"^\s*(?:%|per\s*cent|percent)?\s*of\s+(?:its|the|their|our|his|her|all)?\s*([\w\s\-]{2,40})",
                       re.IGNORECASE)


class PercentOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    max_gap: int = Field(40, ge=1)


def _sentence(jobs: int, share: int) -> str:
    return f"The company will cut {jobs:,} jobs, about {share}% of staff, by next year."


def _case(share: int) -> dict[str, object]:
    text = _sentence(11000, share)
    return {"claims": [
        {"document": "a", "text": "11,000", "value": 11000, "subject": "jobs", "kind": "count",
         "horizon": "eventual", "sentence": text},
        {"document": "a", "text": f"{share}%", "value": share, "qualifier": "about", "kind": "percent",
         "subject": "staff", "horizon": "eventual", "sentence": text},
        {"document": "a", "text": "85,000", "value": 85000, "subject": "employees", "horizon": "current",
         "sentence": "The company has 85,000 employees worldwide."}]}


class PercentOfBase(Check):
    code = "CC202"
    name = "percent-of-base"
    summary = "'N, about P% of BASE' where N / BASE is not P% of the whole printed elsewhere"
    default_severity = Severity.warning
    Options = PercentOptions
    must_fire = [_case(25)]
    must_not_fire = [_case(13)]

    def run(self, story: Story, options: PercentOptions) -> Iterator[Issue]:
        for share in story.claims.values():
            if share.kind != "percent" or share.value is None:
                continue
            part = self._count_before(story, share, options)
            whole_head = self._whole_head(story, share)
            if part is None or part.value is None or whole_head is None:
                continue
            for whole in self._wholes(story, whole_head, share):
                if not whole.value:
                    continue
                implied = 100 * part.value / whole.value
                hedge = find_hedge(share.qualifier, story.rules)
                slack = max(100 * story.rules.tolerances.percent_of_base, 0.5,
                            (hedge.tolerance or 0) * share.value if hedge else 0)
                if abs(implied - share.value) <= slack:
                    break
                ids = [part.id, share.id, whole.id]
                yield Issue(
                    claims=ids,
                    message=f"{part.text} is {number(round(implied, 1))}% of {whole.text}, not {share.text}",
                    explanation=(f"The sentence gives {part.text} as {share.text} of the whole, but the story states "
                                 f"the whole as {whole.text}, of which {part.text} is {implied:.1f}%. One of the "
                                 f"three figures is stale or wrong.\n{evidence(story, ids)}"))
                break

    @staticmethod
    def _count_before(story: Story, share: Claim, options: PercentOptions) -> Claim | None:
        best = None
        for claim in story.claims.values():
            if (claim.document == share.document and claim.sentence_start == share.sentence_start
                    and claim.kind != "percent" and claim.end <= share.start
                    and share.start - claim.end <= options.max_gap):
                if best is None or claim.end > best.end:
                    best = claim
        return best

    @staticmethod
    def _whole_head(story: Story, share: Claim) -> str | None:
        offset = share.end - share.sentence_start
        match = _OF_WHOLE.match(share.sentence[offset:])
        for text in (share.subject, match.group(1) if match else None):
            profile = story.lexicon.profile(text, None) if text else None
            if profile is not None:
                return profile.head
        return None

    @staticmethod
    def _wholes(story: Story, head: str, share: Claim) -> list[Claim]:
        wholes = [story.claim(i) for g in story.groups if g.head == head and g.family == "count" for i in g.claims
                  if story.claim(i).kind != "percent" and story.claim(i).id != share.id]
        return sorted(wholes, key=lambda c: (c.document != share.document, c.document, c.start))
