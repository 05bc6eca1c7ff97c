"""CC202 percent-of-base — "N, about P% of BASE" that does not fit the BASE printed elsewhere.

What it flags: a count followed in the same sentence by a percentage of a whole ("11,000 jobs,
about 13% of staff"), when the story states that whole ("its 85,000 employees"): N / BASE must
come within `percent_of_base` (rules/tolerances.yaml, in points: 0.02 = 2 points) of P, widened
by P's hedge and rounding. The whole is looked up in the same article, and only when it states none in the others (another
outlet's "workers" may count one plant); the share is fine if it fits any whole found. The finding holds the share and the shares
other articles print that fit the whole, not the part or the whole (they are other quantities).

Why: the share and the count are often taken from different releases; if they disagree one of
them is stale or wrong.

Options:
  max_gap (default 40): most characters between the count and the percentage.

Fires: "cut 11,000 jobs, about 25% of staff" with "its 85,000 employees" (11,000 is 13%); "£143
million, about 45% of the budget" with "a £421 million budget" (34%).
Does not fire: "cut 11,000 jobs, about 13% of staff" with "its 85,000 employees".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import Check, Issue, Story
from checker.checks.compare import find_hedge, number
from checker.checks.narrate import evidence, listing
from checker.models import Claim, Severity

_OF_WHOLE = re.compile(r"^\s*(?:%|per\s*cent|percent)?\s*of\s+(?:its|the|their|our|his|her|all)?\s*([\w\s\-]{2,40})",
                       re.IGNORECASE)


def sources_of_shares(story: Story, ids: list[str]) -> str:
    return listing(list(dict.fromkeys(story.outlet(story.claim(i)) for i in ids)))


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
            if part is None or part.value is None or whole_head is None or not self._counts_within(story, part, whole_head):
                continue
            wholes = [w for w in self._wholes(story, whole_head, share, part) if w.value and w.value > part.value]
            if not wholes or any(self._fits(story, part, share, w) for w in wholes):
                continue  # some whole the story states makes the share right
            whole = max(wholes, key=lambda w: w.value or 0.0)  # the total, not a plant or a union's members
            implied = 100 * part.value / (whole.value or 1.0)
            agreeing = self._agreeing_shares(story, share, implied)
            ids = [share.id, *agreeing]
            printed_by = "the same article" if whole.document == share.document else story.outlet(whole)
            fits = (f" {sources_of_shares(story, agreeing)} print a share that fits." if agreeing else "")
            yield Issue(
                claims=ids,
                message=f"{part.text} is {number(round(implied, 1))}% of {whole.text}, not {share.text}",
                explanation=(f"The sentence gives {part.text} as {share.text} of the {whole_head}, but {printed_by} "
                             f"gives the {whole_head} as {whole.text}, and {part.text} is {implied:.1f}% of that. "
                             f"One of the three figures is stale or wrong.{fits}\n"
                             + evidence(story, ids, cited=[part.id, whole.id])))

    @staticmethod
    def _counts_within(story: Story, part: Claim, whole_head: str) -> bool:
        """Only a base the rules name (staff, workforce, headcount are employees) and a part counted
        within it ('jobs' within employees) make the computation meaningful; anything looser would
        print a share of some other population. A sum of money is a part of any sum its sentence
        calls it a share of ('£143 million, about 35% of the budget'): money has one kind of part."""
        if part.kind == "money":
            return True
        if whole_head not in {entry.head for entry in story.rules.subjects}:
            return False
        group = story.group_of(part.id)
        return group is not None and (group.head == whole_head or story.lexicon.is_part(group.head, whole_head))

    @staticmethod
    def _fits(story: Story, part: Claim, share: Claim, whole: Claim) -> bool:
        implied = 100 * (part.value or 0.0) / (whole.value or 1.0)
        hedge = find_hedge(share.qualifier, story.rules)
        slack = max(100 * story.rules.tolerances.percent_of_base, 0.5,
                    (hedge.tolerance or 0) * (share.value or 0.0) if hedge else 0)
        return abs(implied - (share.value or 0.0)) <= slack

    @staticmethod
    def _agreeing_shares(story: Story, share: Claim, implied: float) -> list[str]:
        """Shares of the same quantity in other articles that fit the stated whole: the figure the
        wrong share should have been, so the finding holds both sides and never the part or whole
        (different quantities, quoted in the explanation instead)."""
        group = story.group_of(share.id)
        if group is None:
            return []
        out = []
        for claim_id in group.claims:
            other = story.claim(claim_id)
            if other.document != share.document and other.value is not None and abs(other.value - implied) <= max(
                    100 * story.rules.tolerances.percent_of_base, 0.5) + (abs(other.value) * 0.1 if other.qualifier else 0):
                out.append(other.id)
        return out

    @staticmethod
    def _count_before(story: Story, share: Claim, options: PercentOptions) -> Claim | None:
        best = None
        for claim in story.sentence_of(share):
            if (claim.kind != "percent" and claim.end <= share.start
                    and share.start - claim.end <= options.max_gap):
                if best is None or claim.end > best.end:
                    best = claim
        return best

    @staticmethod
    def _whole_head(story: Story, share: Claim) -> str | None:
        """The head of the BASE in 'P% of BASE'; None without the 'of' ('prices rose 0.6%' is a change)."""
        offset = share.end - share.sentence_start
        match = _OF_WHOLE.match(share.sentence[offset:])
        if match is None:
            return None
        for text in (share.subject, match.group(1)):
            profile = story.lexicon.profile(text, None) if text else None
            if profile is not None:
                return profile.head
        return None

    @staticmethod
    def _wholes(story: Story, head: str, share: Claim, part: Claim) -> list[Claim]:
        # the whole is counted as the part is: people of people, pounds of pounds
        family = f"money:{(part.unit or '').lower()}" if part.kind == "money" else "count"
        # a group with a place or a modifier ('employees in Veland') counts a part of the whole
        wholes = [story.claim(i) for g in story.groups if g.head == head and g.family == family and g.label == g.head
                  for i in g.claims if story.claim(i).kind != "percent" and story.claim(i).id != share.id]
        # the article's own whole first: another outlet's "workers" may count one plant or one union
        own = [w for w in wholes if w.document == share.document]
        return sorted(own or wholes, key=lambda c: (c.document, c.start))
