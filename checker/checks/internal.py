"""CC104 internal-inconsistency — one article disagreeing with itself.

What it flags: two figures in the same article (headline included) for one subject group and a
comparable time, from the same source or with no stated source, that differ beyond rounding.
A headline that says "12,000 troops" over a body that says "10,000 troops" is the classic case.

Why: readers notice; it usually means an edit updated one mention and not the other.

Options:
  headline_only (default false): only report inconsistencies that involve the headline.

Fires: headline "Flood kills 12" over a body that says "killed eight people".
Does not fire: the same article giving "3,000 troops now" and "up to 10,000 by December" from
one agency (different times), or 3,000 per one source and 12,000 per another (different sources).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from checker.checks.base import Check, Issue, Story
from checker.checks.compare import differing
from checker.checks.links import ONE_VOICE, Link, Relation, claim_ids
from checker.checks.search import related_sets
from checker.checks.narrate import claims_of, evidence, figures, voice_phrase
from checker.models import Claim, Severity


_DATED = {"past", "period", "point"}


def _headline_over_body(a: Claim, b: Claim) -> bool:
    """Headlines drop tense ('Firm to cut 12,000 jobs' reads as now), so a headline figure is held
    against the body's figure of any undated horizon; a body figure dated to another day or year
    ('12 dead on Monday'), or a deadline years away ('10.3 million residents by 2045' under 'tops 9
    million'), still explains itself."""
    return ((a.in_headline != b.in_headline) and not ({a.horizon_detail.kind, b.horizon_detail.kind} & _DATED)
            and not _years_away(a, b) and not _years_away(b, a))


def _years_away(deadline: Claim, other: Claim) -> bool:
    """A deadline at least two calendar years after the other figure's moment."""
    end, moment = deadline.horizon_detail.end, other.horizon_detail.start
    return deadline.horizon_detail.kind == "deadline" and end is not None and moment is not None \
        and end.year > moment.year + 1


class InternalOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    headline_only: bool = False


class InternalInconsistency(Check):
    code = "CC104"
    name = "internal-inconsistency"
    summary = "one article gives different figures for the same subject, time and source"
    default_severity = Severity.warning
    Options = InternalOptions
    must_fire = [
        {"claims": [
            {"document": "a", "text": "12", "value": 12, "subject": "killed", "horizon": "current", "in_headline": True,
             "sentence": "Flash flood kills 12 in mountain town"},
            {"document": "a", "text": "eight", "value": 8, "subject": "people killed", "horizon": "current",
             "sentence": "The flash flood killed eight people, the mayor said."}]},
    ]
    must_not_fire = [
        {"claims": [
            {"document": "a", "text": "3,000", "value": 3000, "subject": "troops", "attribution": "the NIS",
             "horizon": "current", "sentence": "The NIS said 3,000 troops are there now."},
            {"document": "a", "text": "10,000", "value": 10000, "high": 10000, "qualifier": "up to",
             "subject": "troops", "attribution": "the NIS",
             "horizon": {"kind": "deadline", "end": "2024-12-31", "text": "by December"},
             "sentence": "The NIS said numbers could rise to up to 10,000 troops by December."}]},
        {"claims": [
            {"document": "a", "text": "8", "value": 8, "subject": "dead", "horizon": "current",
             "sentence": "Eight dead as storm hits coast"},
            {"document": "a", "text": "30", "value": 30, "subject": "injured", "horizon": "current",
             "sentence": "The storm left 30 people injured."}]},
    ]

    def run(self, story: Story, options: InternalOptions) -> Iterator[Issue]:
        def relation(link: Link, a: Claim, b: Claim) -> Relation | None:
            if link.sources == "different":
                return None
            if not link.horizons_comparable and not _headline_over_body(a, b):
                return None
            if options.headline_only and not (a.in_headline or b.in_headline):
                return None
            if link.sources == "unstated" and a.source_key != b.source_key and not (a.in_headline or b.in_headline):
                return None  # one figure sourced, one not, inside the body: likely two voices, not one slip
            return differing(story.rules)

        for group in story.focus_groups():
            for statements in related_sets(story.links, group.id, relation, documents="same", sources=ONE_VOICE,
                                           focused=True, requires="differ"):
                yield self._issue(story, group.id, claim_ids(statements))

    def _issue(self, story: Story, group_id: str, ids: list[str]) -> Issue:
        group = story.group(group_id)
        claims = claims_of(story, ids)
        headline = any(c.in_headline for c in claims)
        where = "its headline and body" if headline else "two places"
        time = ("A headline drops the tense, so its figure is read against the body's" if headline and
                len({c.horizon_detail.kind for c in claims}) > 1 else "Both describe the same time")
        return Issue(
            claims=[c.id for c in claims], group=group_id,
            message=f"{story.outlet(claims[0])} gives {figures(story, ids)} for {group.label} in {where}",
            explanation=(f"One article prints different figures for {group.label}. {time}, and "
                         f"{voice_phrase(story, ids)}; nothing in the text says why they differ.\n"
                         f"{evidence(story, ids)}"))
