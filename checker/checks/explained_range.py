"""CC103 explained-range — different figures for one quantity that attribution or time explains.

What it flags (as information): a subject group whose figures differ beyond rounding, where each
difference comes with a reason — the figures come from different sources, or they describe
different times (now vs by December vs eventually). The finding says it in words: "3,000 now,
U.S.; up to 12,000 by December 2024, South Korea". Differences that no source or date explains
are CC101/CC102's; this check only reports pairs the reader can reconcile.

Why: editors still want to see the spread of figures on one story and why each is printed, so
a later rewrite does not merge "3,000 now" and "12,000 by December" into one number.

Options:
  min_claims (default 2): report a group only when at least this many claims differ explainably.

Fires: "3,000 troops now" (U.S. officials) and "up to 12,000 soldiers by December" (South Korean
intelligence).
Does not fire: two outlets both printing "about 3,000 troops" from the same spokesman — nothing
differs.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import Check, Issue, Story
from checker.checks.compare import central, differing, unique
from checker.checks.links import ALL_SOURCES, TimeTest, claim_ids
from checker.checks.search import related_sets_by_time
from checker.lexicon import SourceRelation
from checker.checks.narrate import claims_of, evidence, plural, source_name, spread, time_words, wire_note
from checker.models import Claim, Severity


class ExplainedRangeOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    min_claims: int = Field(2, ge=2)
    max_listed: int = Field(3, ge=1, description="most sources named in the one-line message")
    max_evidence: int = Field(6, ge=2, description="most figure lines in the explanation")


def _summary(story: Story, claims: list[Claim], max_listed: int) -> str:
    """'3,000 to 12,000 from 4 sources at 5 times', or the voices themselves when they are few."""
    voices = unique(source_name(story, c) for c in claims)
    if len(voices) <= max_listed and len(claims) <= max_listed:
        return spread(story, [c.id for c in claims], max_listed)
    values = sorted(claims, key=lambda c: central(c) or 0.0)
    dated = len({c.horizon_detail.start for c in claims if c.horizon_detail.kind == "current"}) > 1
    times = unique(time_words(c, dated) for c in claims)
    return (f"{values[0].text} to {values[-1].text} from {plural(len(voices), 'source')} "
            f"at {plural(len(times), 'time')}")


class ExplainedRange(Check):
    code = "CC103"
    name = "explained-range"
    summary = "different figures for one quantity, explained by a different source or a different time"
    default_severity = Severity.info
    Options = ExplainedRangeOptions
    must_fire = [
        {"claims": [
            {"document": "a", "text": "3,000", "value": 3000, "subject": "troops", "attribution": "U.S. officials",
             "horizon": "current", "sentence": "U.S. officials said 3,000 troops are in the country."},
            {"document": "b", "text": "12,000", "value": 12000, "high": 12000, "qualifier": "up to",
             "subject": "soldiers", "attribution": "South Korean intelligence",
             "horizon": {"kind": "deadline", "end": "2024-12-31", "text": "by December"},
             "sentence": "South Korean intelligence said up to 12,000 soldiers will be there by December."}]},
    ]
    must_not_fire = [
        {"claims": [
            {"document": "a", "text": "3,000", "value": 3000, "qualifier": "about", "subject": "troops",
             "attribution": "John Kirby", "horizon": "current", "sentence": "Kirby said about 3,000 troops are there."},
            {"document": "b", "text": "3,000", "value": 3000, "qualifier": "about", "subject": "troops",
             "attribution": "Kirby", "horizon": "current", "sentence": "About 3,000 troops are there, Kirby said."}]},
    ]

    def run(self, story: Story, options: ExplainedRangeOptions) -> Iterator[Issue]:
        differ = differing(story.rules)
        reasons: dict[str, tuple[TimeTest, frozenset[SourceRelation]]] = {  # what explains a difference, and why
            "source": (lambda comparable: differ if comparable else None, frozenset({"different"})),
            "time": (lambda comparable: None if comparable else differ, ALL_SOURCES),
        }
        for group in story.focus_groups():
            if story.links.focus is not None and not any(
                    related_sets_by_time(story.links, group.id, relation, voices, focused=True, requires="differ")
                    for relation, voices in reasons.values()):
                continue  # no draft figure differs from anything: the finding would not hold a draft claim
            ids: list[str] = []
            kinds: list[str] = []
            for kind, (relation, voices) in reasons.items():
                sets = related_sets_by_time(story.links, group.id, relation, voices, requires="differ")
                ids.extend(claim_ids(s for statements in sets for s in statements))
                kinds.extend([kind] if sets else [])
            ids = unique(ids)
            if len(ids) < options.min_claims:
                continue
            claims = claims_of(story, ids)
            because = " or ".join({"source": "come from different sources", "time": "describe different times"}[k]
                                  for k in kinds)
            reason = (f"The figures for {group.label} differ, but every pair that differs has a reason the reader can "
                      f"see: they {because}. Print each figure with its source and time rather than as one number.")
            yield Issue(
                claims=[c.id for c in claims], group=group.id,
                message=f"{group.label}: {_summary(story, claims, options.max_listed)}, explained by "
                        f"{' and '.join(f'different {k}s' for k in kinds)}",
                explanation="\n".join(filter(None, [reason, evidence(story, ids, limit=options.max_evidence),
                                                     wire_note(story, ids)])))
