"""CC105 transposed-digits — two figures for one quantity whose digits differ by one swap.

What it flags: two figures of one subject group, in the same unit and in different sentences,
printed with at least `min_digits` significant digits, that read the same once two neighbouring
digits are swapped ("£412 million" and "£421 million", "18,400" and "14,800"), and are less than
`max_ratio` apart. It fires whatever the sources or times of the two figures: a difference that
another source or time would explain (CC103) may still be a typing slip.

Why: swapped digits are among the commonest slips in copy, and they hide well: the wrong figure
looks as plausible as the right one, and when the draft dates it differently ("next year's £421
million budget" against "the 2026-27 budget of £412 million") no other check calls it wrong.

Sums of money and measures in one unit are also compared across groups, in two articles, with at
least `min_digits_across` significant digits: "an average of £278,400" in one outlet and "the typical
price, £287,400" in another are one figure, whatever subject each sentence gave it.

Options:
  min_digits (default 3): fewest significant digits a figure needs; two-digit swaps (12 and 21)
    happen by chance too often.
  min_digits_across (default 4): the same for sums and measures of two groups.
  max_ratio (default 1.5): two figures further apart than this are not read as one mistyped.

Fires: "a budget of £412 million" (council) and "a £421 million budget" (draft).
Does not fire: "412 cases on Monday" and "4,120 cases": the same digits, another magnitude; or
"rose from 412 to 421" within one sentence, where both figures are meant.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import Check, Issue, Story
from checker.checks.compare import printed_number
from checker.checks.narrate import evidence
from checker.models import Claim, Severity


class TransposedOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    min_digits: int = Field(3, ge=2)
    min_digits_across: int = Field(4, ge=2, description="for sums and measures of one unit in two groups")
    max_ratio: float = Field(1.5, gt=1)


def _budget(text: str, document: str, sentence: str) -> dict[str, object]:
    return {"document": document, "text": text, "value": float(text.strip("£ million")) * 1e6,
            "unit": "pound sterling", "kind": "money", "subject": "budget", "sentence": sentence}


class TransposedDigits(Check):
    code = "CC105"
    name = "transposed-digits"
    summary = "two figures for one quantity whose digits differ only by two swapped neighbours (412 / 421)"
    default_severity = Severity.warning
    Options = TransposedOptions
    must_fire = [{"claims": [
        _budget("£412 million", "council", "The council approved a budget of £412 million for 2026-27."),
        {**_budget("£421 million", "draft", "The council approved a £421 million budget for next year."),
         "horizon": {"kind": "period", "start": "2027-01-01", "end": "2027-12-31", "text": "next year"}}]}]
    must_not_fire = [{"claims": [
        _budget("£412 million", "council", "The budget rose from £412 million to £421 million."),
        {**_budget("£421 million", "council", "The budget rose from £412 million to £421 million.")}]}]

    def run(self, story: Story, options: TransposedOptions) -> Iterator[Issue]:
        reported: set[frozenset[str]] = set()
        for group in story.focus_groups():
            members = [story.claim(claim_id) for claim_id in group.claims]
            for ours, theirs in _swaps(members, options.min_digits, options.max_ratio):
                claims = sorted(ours + theirs, key=lambda c: (c.document, c.start))
                if story.focus is not None and story.focus.isdisjoint(c.id for c in claims):
                    continue
                reported.add(frozenset(c.id for c in claims))
                yield _issue(story, claims, f"{group.label}: {ours[0].text} and {theirs[0].text}", group.id,
                             f"The figures for {group.label}")
        # Sums of money and measures in one unit, whatever subject the engine gave them: "an average of
        # £278,400" and "the typical price, £287,400" are seldom two figures of one story by chance.
        sums = [c for c in story.claims.values() if c.kind in ("money", "measure")]
        for ours, theirs in _swaps(sums, options.min_digits_across, options.max_ratio):
            pairs = [(a, b) for a in ours for b in theirs if a.document != b.document]
            claims = sorted({c.id: c for pair in pairs for c in pair}.values(), key=lambda c: (c.document, c.start))
            if not pairs or frozenset(c.id for c in claims) in reported or (
                    story.focus is not None and story.focus.isdisjoint(c.id for c in claims)):
                continue
            yield _issue(story, claims, f"{ours[0].text} and {theirs[0].text}", None, "The figures")


def _swaps(claims: list[Claim], min_digits: int, max_ratio: float) -> Iterator[tuple[list[Claim], list[Claim]]]:
    """Pairs of spellings (the claims printing each) one swap of neighbouring digits apart, in one
    unit, near in value, printed in two sentences at least once."""
    # a swap keeps the multiset of digits: only figures sharing it can be one mistyped
    by_digits: dict[tuple[str, str, str], dict[str, list[Claim]]] = {}
    for claim in claims:
        digits = _digits(claim)
        if digits is not None and len(digits.rstrip("0")) >= min_digits:
            key = (claim.unit or "", claim.kind, "".join(sorted(digits)))
            by_digits.setdefault(key, {}).setdefault(digits, []).append(claim)
    for spellings in by_digits.values():
        for x, y in combinations(sorted(spellings), 2):
            ours, theirs = spellings[x], spellings[y]
            if _one_swap(x, y) and _near(ours[0], theirs[0], max_ratio) and any(
                    _apart(a, b) for a in ours for b in theirs):
                yield ours, theirs


def _issue(story: Story, claims: list[Claim], what: str, group: str | None, figures: str) -> Issue:
    ids = [c.id for c in claims]
    return Issue(claims=ids, group=group, message=f"{what} differ by two swapped digits",
                 explanation=(f"{figures} read the same once two neighbouring digits are swapped, which is how a "
                              "figure is most often mistyped. Even if their subjects, sources or times differ, "
                              f"check them against the original.\n{evidence(story, ids)}"))


def _digits(claim: Claim) -> str | None:
    """The figure's digits as printed, without separators or the decimal point ('£4.12bn' -> '412')."""
    printed = printed_number(claim)
    return printed.replace(".", "") if printed else None


def _one_swap(x: str, y: str) -> bool:
    if len(x) != len(y) or x == y:
        return False
    differing = [i for i in range(len(x)) if x[i] != y[i]]
    return len(differing) == 2 and differing[1] == differing[0] + 1 and x[differing[0]] == y[differing[1]]


def _apart(a: Claim, b: Claim) -> bool:
    """In different sentences: 'rose from 412 to 421' means both."""
    return (a.document, a.sentence_start) != (b.document, b.sentence_start)


def _near(a: Claim, b: Claim, max_ratio: float) -> bool:
    if not a.value or not b.value or (a.value > 0) != (b.value > 0):
        return False
    return max(abs(a.value), abs(b.value)) / min(abs(a.value), abs(b.value)) < max_ratio
