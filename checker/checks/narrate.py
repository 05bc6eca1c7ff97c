"""Explanations in an editor's words: who said which figure, for when, where it was printed."""

from __future__ import annotations

from collections.abc import Sequence

from checker.checks.base import Story
from checker.checks.compare import describe, number, quote, unique
from checker.models import Claim


def claims_of(story: Story, ids: Sequence[str]) -> list[Claim]:
    """Claims in reading order: by document, then by position."""
    return sorted((story.claim(i) for i in ids), key=lambda c: (c.document, c.start))


def evidence(story: Story, ids: Sequence[str]) -> str:
    """One line per claim: the figure with hedge, source, horizon and outlet, then its sentence."""
    lines = []
    for claim in claims_of(story, ids):
        lines.append(f"- {describe(claim, story.outlet(claim))}\n    {quote(claim, story.outlet(claim))}")
    return "\n".join(lines)


def figures(story: Story, ids: Sequence[str]) -> str:
    """'12,000 vs 10,000': the distinct printed figures, largest first."""
    claims = claims_of(story, ids)
    seen = unique(c.text for c in sorted(claims, key=lambda c: -(c.base_value or c.value or 0)))
    return " vs ".join(seen)


def sources(story: Story, ids: Sequence[str]) -> str:
    names = unique(story.claim(i).source_key or "no source given" for i in ids)
    return ", ".join(names)


def wire_note(story: Story, ids: Sequence[str]) -> str:
    """Say when some of these claims are one text reprinted, so they count once."""
    notes = []
    seen: set[str] = set()
    for claim_id in ids:
        if claim_id in seen:
            continue
        copies = [c for c in story.copies_of(claim_id) if c in ids]
        if not copies:
            continue
        cluster = [claim_id, *copies]
        seen.update(cluster)
        outlets = unique(story.outlet(story.claim(c)) for c in cluster)
        first = story.claim(claim_id)
        notes.append(f"{' and '.join(outlets)} print near-identical sentences around \"{first.text}\": "
                     f"one text reprinted, so they count as one source, not {len(outlets)} confirmations.")
    return " ".join(notes)


def independent_outlets(story: Story, ids: Sequence[str]) -> int:
    """How many independent texts carry these claims (wire copies count once)."""
    roots: set[str] = set()
    for claim_id in ids:
        cluster = sorted([claim_id, *story.copies_of(claim_id)])
        roots.add(cluster[0] if len(cluster) > 1 else story.claim(claim_id).document)
    return len(roots)


def value_range(claims: Sequence[Claim]) -> str:
    values = [c.value for c in claims if c.value is not None]
    if not values:
        return ""
    return f"{number(min(values))}–{number(max(values))}" if min(values) != max(values) else number(values[0])
