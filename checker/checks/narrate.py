"""Explanations in an editor's words: who said which figure, for when, where it was printed.

An explanation is one line of reasons, then "- " lines, one per voice and figure. The claims'
sentences are not repeated there: every formatter prints the sentence of each claim a finding
holds. Only a claim the finding cites without holding it (the whole behind a share) is quoted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache

from checker.checks.base import Story
from checker.checks.compare import number, unique
from checker.models import Claim


def claims_of(story: Story, ids: Iterable[str]) -> list[Claim]:
    """Claims in reading order: by document, then by position."""
    return sorted((story.claim(i) for i in ids), key=_reading_order)


def _reading_order(claim: Claim) -> tuple[str, int]:
    return claim.document, claim.start


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def listing(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'"""
    items = list(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}" if items else ""


# --- one claim ----------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def time_words(claim: Claim, dated: bool = False) -> str:
    """'now', 'by December 2024', 'on 9 June 2025', 'in September 2025', 'eventually ("plans to")'.
    `dated` names the day of a 'now', for figures published on different days."""
    h = claim.horizon_detail
    if h.kind == "current":
        return f"on {_day(h.start)}" if dated and h.start else "now"
    if h.kind == "deadline" and h.end:
        return f"by {h.end:%B %Y}" if h.end.day > 27 else f"by {_day(h.end)}"
    if h.kind in ("point", "period", "past") and h.start:
        end = h.end or h.start
        if end == h.start:
            return f"on {_day(h.start)}"
        if h.start.day == 1 and (end + dt.timedelta(days=1)).day == 1 and (h.start.year, h.start.month) == (end.year, end.month):
            return f"in {h.start:%B %Y}"
        if (h.start.month, h.start.day, end.month, end.day) == (1, 1, 12, 31) and h.start.year == end.year:
            return f"in {h.start.year}"
        return f"from {_day(h.start)} to {_day(end)}"
    if h.kind in ("period", "past") and h.end:
        return f'up to {_day(h.end)} ("{h.text}")' if h.text else f"up to {_day(h.end)}"
    if h.kind == "eventual":
        return f'eventually ("{h.text}")' if h.text else "eventually"
    return "at an unstated time"


def source_name(story: Story, claim: Claim) -> str:
    """The rules' name for a known source, else the attribution as written."""
    known = story.__dict__.get("_known_sources")
    if known is None:  # asked once per figure line: build the set once per story
        known = story.__dict__["_known_sources"] = {s.source for s in story.rules.sources}
    if claim.source_key in known:
        return str(claim.source_key)
    return " ".join(claim.attribution.split()) if claim.attribution else "no stated source"


def figure_words(story: Story, claim: Claim, with_subject: bool = True) -> str:
    """'as many as 12,000 personnel', 'about 20% of workforce'"""
    words = claim.text
    if claim.qualifier and claim.qualifier.lower() not in words.lower():
        words = f"{claim.qualifier} {words}"
    thing = claim.subject or claim.unit
    if not with_subject or not thing or thing.lower() in words.lower() or _names_nothing(story, thing):
        return words
    return f"{words} of {thing}" if claim.kind == "percent" else f"{words} {thing}"


def _names_nothing(story: Story, thing: str) -> bool:
    """The lexicon's answer, once per wording and story (a story repeats its subjects)."""
    known = story.__dict__.setdefault("_names_nothing", {})
    if thing not in known:
        known[thing] = story.lexicon.names_nothing(thing)
    return bool(known[thing])


def where(story: Story, claim: Claim) -> str:
    return f"{story.outlet(claim)} headline" if claim.in_headline else story.outlet(claim)


def quote(claim: Claim, width: int = 160) -> str:
    """The claim's sentence, trimmed around the figure."""
    sentence = " ".join(claim.sentence.split()) or claim.text
    if len(sentence) > width:
        at = max(0, sentence.find(claim.text))
        begin = max(0, min(at - width // 2, len(sentence) - width))
        sentence = ("…" if begin else "") + sentence[begin:begin + width].strip() + "…"
    return f'"{sentence}"'


# --- several claims -----------------------------------------------------------------------------

def _dated(claims: Sequence[Claim]) -> bool:
    """Name the day of 'now' figures when they were published on different days."""
    days = {c.horizon_detail.start for c in claims if c.horizon_detail.kind == "current"}
    return len(days) > 1


def voices(story: Story, ids: Iterable[str], with_subject: bool = True) -> list[tuple[str, list[str]]]:
    """Per source (in reading order): its distinct figures with time, each with the outlets printing it."""
    claims = claims_of(story, ids)
    dated = _dated(claims)
    by_source: dict[str, dict[str, list[str]]] = {}
    words = story.__dict__.setdefault("_voice_words", {})  # a claim sits in several findings: word it once
    for claim in claims:
        key = (claim.id, with_subject, dated)
        if key not in words:
            words[key] = (source_name(story, claim), f"{figure_words(story, claim, with_subject)} "
                          f"{time_words(claim, dated)}", where(story, claim))
        source, figure, outlet = words[key]
        outlets = by_source.setdefault(source, {}).setdefault(figure, [])
        if outlet not in outlets:
            outlets.append(outlet)
    return [(source, [f"{figure} ({', '.join(outlets)})" for figure, outlets in figures.items()])
            for source, figures in by_source.items()]


def spread(story: Story, ids: Iterable[str], limit: int = 4) -> str:
    """One line: 'NIS: as many as 12,000 by December 2024 (Ledger, Wire) vs 10,000 by December 2024 (Courier)'.
    At most `limit` sources, and `limit` figures of each."""
    parts = [f"{source}: {' vs '.join(figures[:limit])}" + (f" and {plural(len(figures) - limit, 'more')}"
                                                             if len(figures) > limit else "")
             for source, figures in voices(story, ids, with_subject=False)]
    shown = "; ".join(parts[:limit])
    return shown + (f"; and {plural(len(parts) - limit, 'more source')}" if len(parts) > limit else "")


def evidence(story: Story, ids: Iterable[str], cited: Iterable[str] = (), limit: int = 8) -> str:
    """'- ' lines, one per source and figure; `cited` claims (not held by the finding) are quoted."""
    lines = [f"- {source}: {figure}" for source, figures in voices(story, ids) for figure in figures]
    if len(lines) > limit:
        lines = lines[:limit - 1] + [f"- and {plural(len(lines) - limit + 1, 'more figure')}"]
    for claim in claims_of(story, cited):
        lines.append(f"- {source_name(story, claim)}: {figure_words(story, claim)} {time_words(claim)} "
                     f"({where(story, claim)}, line {claim.line}: {quote(claim)})")
    return "\n".join(lines)


def upper_first(text: str) -> str:
    """Start a sentence with a capital without lower-casing the names in it (str.capitalize would)."""
    return text[:1].upper() + text[1:]


def figures(story: Story, ids: Iterable[str]) -> str:
    """'12,000 vs 10,000': the distinct printed figures, largest first."""
    claims = claims_of(story, ids)
    return " vs ".join(unique(c.text for c in sorted(claims, key=lambda c: -(c.base_value or c.value or 0))))


def sources(story: Story, ids: Iterable[str]) -> str:
    return listing(unique(source_name(story, c) for c in claims_of(story, ids)))


def voice_phrase(story: Story, ids: Iterable[str]) -> str:
    """'all from police', 'from police or from no stated source', 'from no stated source'."""
    claims = claims_of(story, ids)
    named = unique(source_name(story, c) for c in claims if c.source_key is not None)
    unstated = any(c.source_key is None for c in claims)
    if not named:
        return "no article names a source for them"
    who = listing(named)
    return f"they come from {who} or from no stated source" if unstated else f"they all come from {who}"


def wire_note(story: Story, ids: Sequence[str]) -> str:
    """Say when some of these claims are one text reprinted, so they count once."""
    notes = []
    seen: set[str] = set()
    held = set(ids)  # a CC103 finding may hold a whole group: never search the list per claim
    for claim_id in ids:
        copies = [c for c in story.copies_of(claim_id) if c in held]
        if claim_id in seen or not copies:
            continue
        cluster = [claim_id, *copies]
        seen.update(cluster)
        outlets = unique(story.outlet(story.claim(c)) for c in cluster)
        notes.append(f"{listing(outlets)} print one text around {story.claim(claim_id).text}: it counts as one "
                     f"source, not {len(outlets)} confirmations.")
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
