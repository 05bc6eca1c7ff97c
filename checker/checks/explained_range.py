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
from checker.checks.compare import differ, horizon_words, source_words, unique
from checker.checks.narrate import claims_of, evidence, wire_note
from checker.models import Claim, Severity


class ExplainedRangeOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    min_claims: int = Field(2, ge=2)
    max_listed: int = Field(4, ge=1, description="most figure/source/time combinations named in the one-line message")


def _spread(claims: list[Claim], limit: int) -> str:
    """'at least 3,000 now (White House); as many as 12,000 by December 2024 (NIS); …'"""
    seen: dict[tuple[object, ...], str] = {}
    for c in claims:
        key = (c.value, c.qualifier, c.horizon_detail.kind, c.horizon_detail.end, c.source_key)
        words = f"{c.qualifier + ' ' if c.qualifier else ''}{c.text} {_short_time(c)} ({c.source_key or 'unsourced'})"
        seen.setdefault(key, words)
    parts = list(seen.values())
    return "; ".join(parts[:limit]) + (f"; and {len(parts) - limit} more" if len(parts) > limit else "")


def _short_time(claim: Claim) -> str:
    return horizon_words(claim).split(" (")[0]


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
        reasons: dict[str, dict[tuple[str, str], str]] = {}
        for pair in story.pairs:
            a, b = story.claim(pair.a), story.claim(pair.b)
            if not differ(a, b, story.rules):
                continue
            if not pair.horizons_comparable:
                why = f"different times ({horizon_words(a)} vs {horizon_words(b)})"
            elif pair.sources == "different":
                why = f"different sources ({source_words(a)} vs {source_words(b)})"
            else:
                continue
            reasons.setdefault(pair.group, {})[(pair.a, pair.b)] = why
        for group_id, explained in reasons.items():
            ids = unique(i for pair in explained for i in pair)
            if len(ids) < options.min_claims:
                continue
            group = story.group(group_id)
            claims = claims_of(story, ids)
            spread = _spread(claims, options.max_listed)
            kinds = unique(why.split(" (")[0] for why in explained.values())
            note = wire_note(story, ids)
            yield Issue(
                claims=[c.id for c in claims], group=group_id,
                message=f"{group.label}: figures differ, explained by {' and '.join(kinds)}: {spread}",
                explanation=(f"The figures for {group.label} differ, and each difference has a reason the reader can "
                             f"see: {'; '.join(unique(explained.values()))}. Print each figure with its source and "
                             f"time rather than as one number.\n{evidence(story, ids)}" + (f"\n{note}" if note else "")))
