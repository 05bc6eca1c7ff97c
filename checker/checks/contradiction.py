"""CC101 contradiction — two figures for one quantity that cannot both be true.

What it flags: claims in one subject group (the same counted thing, same place and modifiers)
that describe the same time (comparable horizons), come from the same source or from no stated
source, and whose intervals — the printed figure with its hedge ("at least", "about", "up to")
and its rounding — do not overlap. Printed in different articles; one article disagreeing with
itself is CC104's business.

Why: if both intervals are taken at their word, no single number satisfies both, and neither
the source nor the date explains the difference. An editor must pick one or say why they differ.

Options:
  include_unstated (default true): a figure with no stated source may be the same source as any
  other and is compared with every figure of its group.

Fires: outlet A, no source: "at least 5,000 protesters marched on Saturday"; outlet B, no
source: "about 2,000 protesters marched on Saturday" — 5,000+ and ~2,000 cannot both hold.
Does not fire: "3,000 troops now" (U.S.) vs "12,000 troops by December" (South Korea): different
source and a different time explain the gap (CC103 says so, as info).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from checker.checks.base import Check, Issue, Story
from checker.checks.compare import bounds, disjoining, number, scale, unique
from checker.checks.links import ONE_VOICE, Link, Relation, Statement, claim_ids
from checker.checks.search import related_sets
from checker.checks.times import given_later
from checker.checks.narrate import claims_of, evidence, figure_words, spread, voice_phrase, wire_note
from checker.models import Claim, Severity
from checker.ruleset import RuleSet


class ContradictionOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    include_unstated: bool = True


class Contradiction(Check):
    code = "CC101"
    name = "contradiction"
    summary = "same subject, same time, same or no stated source, figures that cannot both hold"
    default_severity = Severity.error
    Options = ContradictionOptions
    must_fire = [
        {"claims": [
            {"document": "a", "text": "5,000", "value": 5000, "low": 5000, "qualifier": "at least",
             "subject": "protesters", "horizon": "current",
             "sentence": "At least 5,000 protesters marched through the capital on Saturday."},
            {"document": "b", "text": "2,000", "value": 2000, "low": 1800, "high": 2200, "qualifier": "about",
             "subject": "demonstrators", "horizon": "current",
             "sentence": "About 2,000 demonstrators marched through the capital on Saturday."}]},
    ]
    must_not_fire = [
        {"claims": [
            {"document": "a", "text": "3,000", "value": 3000, "subject": "troops", "attribution": "U.S. officials",
             "horizon": "current", "sentence": "U.S. officials said 3,000 troops are in the country."},
            {"document": "b", "text": "12,000", "value": 12000, "high": 12000, "qualifier": "up to",
             "subject": "soldiers", "attribution": "South Korea's intelligence agency",
             "horizon": {"kind": "deadline", "end": "2024-12-31", "text": "by December"},
             "sentence": "South Korea's intelligence agency said up to 12,000 soldiers will be sent by December."}]},
    ]

    def run(self, story: Story, options: ContradictionOptions) -> Iterator[Issue]:
        def relation(link: Link, a: Claim, b: Claim) -> Relation | None:
            if not link.horizons_comparable or link.sources == "different":
                return None
            if link.sources == "unstated" and not options.include_unstated:
                return None
            if given_later(a.horizon_detail, b.horizon_detail) is not None:
                return _unless_grown(disjoining(story.rules))
            return disjoining(story.rules)

        voices = ONE_VOICE if options.include_unstated else frozenset({"same", "related"})
        for group in story.focus_groups():
            for statements in related_sets(story.links, group.id, relation, documents="different", sources=voices,
                                           focused=True, requires="disjoint"):
                yield self._issue(story, group.id, claim_ids(statements))

    def _issue(self, story: Story, group_id: str, ids: list[str]) -> Issue:
        group = story.group(group_id)
        claims = claims_of(story, ids)
        ranges = "; ".join(unique(f"{figure_words(story, c, False)} allows {_interval(c, story.rules)}"
                                  for c in claims))
        explanation = (f"These figures for {group.label} cannot all be true: {ranges}. They describe the same "
                       f"time and {voice_phrase(story, ids)}, so neither attribution nor time explains the difference.")
        note = wire_note(story, ids)
        return Issue(claims=[c.id for c in claims], group=group_id,
                     message=f"{group.label}: {spread(story, ids)}: cannot all hold for the same time and source",
                     explanation="\n".join(filter(None, [explanation, evidence(story, ids), note])))


def _unless_grown(relation: Relation) -> Relation:
    """One day's count given again a day later may only have grown as reports came in ('64 arrested' on
    Saturday night, '87 arrests on Saturday, police said this morning'); a smaller later one contradicts it
    ('42 arrested' on Saturday night, '24 were arrested on Saturday, police said on Sunday')."""
    def holds(u: Statement, v: Statement) -> bool:
        later = given_later(u.figure.horizon_detail, v.figure.horizon_detail)
        if later is None:
            return relation.holds(u, v)
        earlier_one, later_one = (u, v) if later else (v, u)
        return relation.holds(u, v) and later_one.low < earlier_one.low

    # no window: outside it `relation.holds` is certainly true, this test not (its inner range stays false)
    return Relation(holds=holds, order=relation.order, inner=relation.inner)


def _interval(claim: Claim, rules: RuleSet) -> str:
    """The interval a figure allows, in its printed unit (bounds() works in base units)."""
    k = scale(claim)
    origin = claim.base_value - claim.value * k if claim.base_value is not None and claim.value is not None else 0.0
    low, high = sorted((x - origin) / k for x in bounds(claim, rules))
    if low == float("-inf"):
        return f"at most {number(high)}"
    if high == float("inf"):
        return f"at least {number(low)}"
    return f"{number(low)}–{number(high)}"
