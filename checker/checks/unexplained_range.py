"""CC102 unexplained-range — one source quoted with different figures for one quantity and time.

What it flags: claims in different articles about the same subject group and a comparable
horizon, attributed to the same source (after aliases: "South Korea's spy agency" = "NIS"; a
body and the government it speaks for count as one voice), whose printed figures differ beyond
rounding — even when their hedges let both be true ("as many as 12,000" and "10,000" overlap,
yet the agency cannot have given both numbers). Figures with no stated source on either side
are flagged when they differ by more than `unattributed_disagreement` (rules/tolerances.yaml).
Figures whose intervals cannot overlap at all are CC101's (contradiction), not this check's.
Reprints of one text (wire copies) do not count as two confirmations and are never compared
with each other.

Why: a reader sees one agency saying two things. Either one outlet misquoted, or the agency
updated its estimate and the copy needs a date.

Options: none.

Fires: South Korean intelligence "as many as 12,000 personnel, most by December" in two outlets
and "could rise to 10,000 by December" in a third.
Does not fire: "at least 3,000" and "around 3,000" from the same spokesman (they agree); 3,000
now vs 10,000 by December from one agency (different time); "more than 300 investors" beside "340
investors" (a round bound that holds the exact figure paraphrases it).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.base import Check, Issue, NoOptions, Story
from checker.checks.compare import differing_overlapping, printed_number
from checker.checks.links import ONE_VOICE, Link, Relation, claim_ids
from checker.checks.search import related_sets
from checker.checks.narrate import (claims_of, evidence, independent_outlets, plural, spread, upper_first, voice_phrase,
                                    wire_note)
from checker.models import Claim, Severity

_NIS_12K = {"document": "a", "text": "12,000", "value": 12000, "high": 12000, "qualifier": "as many as",
            "subject": "personnel", "attribution": "South Korean intelligence",
            "horizon": {"kind": "deadline", "end": "2024-12-31", "text": "by December"},
            "sentence": "South Korean intelligence said as many as 12,000 personnel would go, most by December."}


class UnexplainedRange(Check):
    code = "CC102"
    name = "unexplained-range"
    summary = "the same source quoted with different figures for the same subject and time"
    default_severity = Severity.warning
    Options = NoOptions
    must_fire = [
        {"claims": [
            _NIS_12K,
            {"document": "b", "text": "10,000", "value": 10000, "subject": "soldiers",
             "attribution": "South Korea's intelligence agency",
             "horizon": {"kind": "deadline", "end": "2024-12-31", "text": "by December"},
             "sentence": "South Korea's intelligence agency said numbers could rise to 10,000 soldiers by December."}]},
        {"claims": [
            {"document": "a", "text": "50", "value": 50, "qualifier": "about", "subject": "homes",
             "horizon": "current", "sentence": "The fire destroyed about 50 homes near the ridge."},
            {"document": "b", "text": "60", "value": 60, "qualifier": "about", "subject": "houses",
             "horizon": "current", "sentence": "About 60 houses near the ridge were destroyed by the fire."}]},
    ]
    must_not_fire = [
        {"claims": [
            {"document": "a", "text": "3,000", "value": 3000, "low": 3000, "qualifier": "at least",
             "subject": "troops", "attribution": "John Kirby", "horizon": "current",
             "sentence": "John Kirby said at least 3,000 troops are training."},
            {"document": "b", "text": "3,000", "value": 3000, "qualifier": "around", "subject": "troops",
             "attribution": "White House spokesperson John Kirby", "horizon": "current",
             "sentence": "White House spokesperson John Kirby said around 3,000 troops are being trained."}]},
        {"claims": [
            {"document": "a", "text": "3,000", "value": 3000, "qualifier": "around", "subject": "soldiers",
             "attribution": "South Korea's intelligence agency", "horizon": "current",
             "sentence": "South Korea's intelligence agency said around 3,000 soldiers are there now."},
            {"document": "b", "text": "10,000", "value": 10000, "subject": "soldiers",
             "attribution": "South Korean intelligence",
             "horizon": {"kind": "deadline", "end": "2024-12-31", "text": "by December"},
             "sentence": "South Korean intelligence expects 10,000 soldiers by December."}]},
    ]

    def run(self, story: Story, options: NoOptions) -> Iterator[Issue]:
        relative = story.rules.tolerances.unattributed_disagreement

        def relation(link: Link, a: Claim, b: Claim) -> Relation | None:
            if not link.horizons_comparable:
                return None
            both_unstated = a.source_key is None and b.source_key is None
            if link.sources not in ("same", "related") and not both_unstated:
                return None
            # disjoint figures are a contradiction, reported by CC101; reprints count once, never twice
            return differing_overlapping(story.rules, relative if both_unstated else None)

        for group in story.focus_groups():
            for statements in related_sets(story.links, group.id, relation, documents="different",
                                           skip_reprinted=True, sources=ONE_VOICE, focused=True,
                                           requires="differ"):
                if not _rounded_bounds_only([s.figure for s in statements]):
                    yield self._issue(story, group.id, claim_ids(statements))

    def _issue(self, story: Story, group_id: str, ids: list[str]) -> Issue:
        group = story.group(group_id)
        claims = claims_of(story, ids)
        unattributed = all(c.source_key is None for c in claims)
        reason = ("No article names a source for these figures, and they differ by more than the tolerance for "
                  "unattributed figures" if unattributed else
                  f"{upper_first(voice_phrase(story, ids))}, so a different source does not explain the difference")
        texts = independent_outlets(story, ids)
        explanation = (f"{reason}; they describe the same time, so time does not explain it either. "
                       f"{plural(texts, 'independent text')} print {'it' if texts == 1 else 'them'}.")
        return Issue(claims=[c.id for c in claims], group=group_id,
                     message=f"{group.label}: {spread(story, ids)}: one source, two figures for the same time",
                     explanation="\n".join(filter(None, [explanation, evidence(story, ids), wire_note(story, ids)])))


def _rounded_bounds_only(figures: list[Claim]) -> bool:
    """'more than 300 investors' beside '340 investors': every one-sided bound holds the one exact
    figure and is rounder than it, so it paraphrases that figure rather than disagreeing with it.
    ('as many as 12,000' beside '10,000' is no paraphrase: 12,000 is not the rounder figure.)"""
    bounds = [f for f in figures if (f.low is None) != (f.high is None)]
    exact = [f for f in figures if (f.low is None) == (f.high is None)]
    values = {f.value for f in exact}
    if not bounds or len(values) != 1 or None in values:
        return False
    value = next(iter(values))
    assert value is not None
    return all((b.low is None or b.low <= value) and (b.high is None or value <= b.high)
               and _significant_digits(b) < _significant_digits(exact[0]) for b in bounds)


def _significant_digits(claim: Claim) -> int:
    """'300' -> 1, '340' -> 2, '1.25 million' -> 3: the digits the figure was printed to."""
    return len((printed_number(claim) or "").replace(".", "").strip("0"))
