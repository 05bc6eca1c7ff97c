"""CC203 part-exceeds-whole — a part counted larger than the whole it belongs to.

What it flags: a claim about a part (officers, generals, children, arrests — the `parts` of a
subject in rules/subjects.yaml) whose lowest possible value exceeds the highest possible value of
a claim about its whole (troops, people, protesters) named in the same sentence, for a comparable
time.

Why: "15,000 officers among 12,000 troops" cannot be right; usually a figure was attached to the
wrong noun or a digit slipped.

Options: none.

Fires: "12,000 troops, including 15,000 officers".
Does not fire: "12,000 troops, including 500 officers and three generals" — parts within the whole.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.base import Check, ClaimGroup, Issue, NoOptions, Story
from checker.checks.compare import bounds, comparable_horizons
from checker.checks.narrate import evidence
from checker.models import Claim, Severity

_SENTENCE = "North Korea has sent around 12,000 troops, including {officers} officers and three generals."


def _case(officers: int) -> dict[str, object]:
    text = _SENTENCE.format(officers=f"{officers:,}")
    return {"claims": [
        {"document": "a", "text": "12,000", "value": 12000, "qualifier": "around", "subject": "troops",
         "attribution": "HUR", "horizon": "current", "sentence": text},
        {"document": "a", "text": f"{officers:,}", "value": officers, "subject": "officers",
         "attribution": "HUR", "horizon": "current", "sentence": text},
        {"document": "a", "text": "three", "value": 3, "subject": "generals", "attribution": "HUR",
         "horizon": "current", "sentence": text}]}


class PartExceedsWhole(Check):
    code = "CC203"
    name = "part-exceeds-whole"
    summary = "a part (officers) counted larger than its whole (troops)"
    default_severity = Severity.warning
    Options = NoOptions
    must_fire = [_case(15000)]
    must_not_fire = [_case(500)]

    def run(self, story: Story, options: NoOptions) -> Iterator[Issue]:
        counts = [g for g in story.groups if g.family == "count"]
        for part_group in counts:
            for whole_group in counts:
                if part_group is whole_group or not story.lexicon.is_part(part_group.head, whole_group.head):
                    continue
                yield from self._compare(story, part_group, whole_group)

    def _compare(self, story: Story, part_group: ClaimGroup, whole_group: ClaimGroup) -> Iterator[Issue]:
        for part_id in part_group.claims:
            part = story.claim(part_id)
            for whole_id in whole_group.claims:
                whole = story.claim(whole_id)
                if not self._related(story, part, whole):
                    continue
                part_low, _ = bounds(part, story.rules)
                _, whole_high = bounds(whole, story.rules)
                if part_low > whole_high:
                    ids = [whole.id, part.id]
                    yield Issue(
                        claims=ids,
                        message=f"{part.text} {part_group.label} is more than the {whole.text} {whole_group.label} "
                                f"they are part of",
                        explanation=(f"{part_group.label.capitalize()} are counted within {whole_group.label}, so "
                                     f"their number cannot exceed it; {part.text} is more than {whole.text}.\n"
                                     f"{evidence(story, ids)}"))

    @staticmethod
    def _related(story: Story, part: Claim, whole: Claim) -> bool:
        # Only a part named with its whole ('12,000 troops, including 500 officers') is surely a part
        # of that whole: across sentences, '42 arrests' and 'three protesters taken to hospital'
        # share the head protesters without one counting the other.
        same_sentence = part.document == whole.document and part.sentence_start == whole.sentence_start
        return same_sentence and comparable_horizons(part.horizon_detail, whole.horizon_detail, story.rules)
