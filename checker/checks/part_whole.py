"""CC203 part-exceeds-whole — a part counted larger than the whole it belongs to.

What it flags: a claim about a part (officers, generals, children, arrests — the `parts` of a
subject in rules/subjects.yaml) whose lowest possible value exceeds the highest possible value of
a claim about its whole (troops, people, protesters) named in the same sentence, for a comparable
time.

Why: "15,000 officers among 12,000 troops" cannot be right; usually a figure was attached to the
wrong noun or a digit slipped.

Options: none.

The whole must come first ('900 protesters gathered and 1,500 were arrested') or the part be named
as one of it ('1,500 of the 900 protesters'): a larger part figure before an unrelated count of the
whole's noun ('300,000 were ordered to evacuate; shelters housed 9,500 people') is not held against it.

Fires: "12,000 troops, including 15,000 officers".
Does not fire: "12,000 troops, including 500 officers and three generals" — parts within the whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.base import Check, ClaimGroup, Issue, NoOptions, Story
from checker.checks.compare import bounds, by_sentence
from checker.checks.times import comparable_horizons
from checker.checks.narrate import evidence, upper_first
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


# 'among the 41 dead', 'of the 900 protesters', 'out of 2,000': a part named before its whole
_WHOLE_AFTER_PART = re.compile(r"\b(?:among|of|out\s+of|from)(?:\s+(?:the|its|their|all|some))?\s*$", re.IGNORECASE)


def _named_as_its_part(part: Claim, whole: Claim) -> bool:
    """The sentence names the whole first ('900 protesters gathered and 1,500 were arrested', '2,000
    residents, including 400 children'), or names the part as one of it ('17 children among the 41
    dead'). A part figure before an unrelated count of the whole's noun is no part of it: '300,000 were
    ordered to evacuate and shelters housed 9,500 people'."""
    if whole.start < part.start:
        return True
    lead = whole.start - whole.sentence_start
    return _WHOLE_AFTER_PART.search(whole.sentence[max(0, lead - 20):lead]) is not None


class PartExceedsWhole(Check):
    code = "CC203"
    name = "part-exceeds-whole"
    summary = "a part (officers) counted larger than its whole (troops)"
    default_severity = Severity.warning
    Options = NoOptions
    must_fire = [_case(15000)]
    must_not_fire = [_case(500)]

    def run(self, story: Story, options: NoOptions) -> Iterator[Issue]:
        # Only a part named with its whole ('12,000 troops, including 500 officers') is surely a part of
        # that whole: across sentences, '42 arrests' and 'three protesters taken to hospital' share the
        # head protesters without one counting the other. So pairs come from one sentence at a time.
        for sentence in story.sentences() if story.focus is None else by_sentence(story.focus_claims()):
            counted = [(c, g) for c in sentence if (g := story.group_of(c.id)) is not None and g.family == "count"]
            for part, part_group in counted:
                for whole, whole_group in counted:
                    if (part_group.id != whole_group.id and story.lexicon.is_part(part_group.head, whole_group.head)
                            and _named_as_its_part(part, whole)
                            and comparable_horizons(part.horizon_detail, whole.horizon_detail, story.rules)):
                        yield from self._compare(story, part, part_group, whole, whole_group)

    @staticmethod
    def _compare(story: Story, part: Claim, part_group: ClaimGroup, whole: Claim,
                 whole_group: ClaimGroup) -> Iterator[Issue]:
        part_low, _ = bounds(part, story.rules)
        _, whole_high = bounds(whole, story.rules)
        if part_low > whole_high:
            ids = [whole.id, part.id]
            yield Issue(
                claims=ids,
                message=f"{part.text} {part_group.label} is more than the {whole.text} {whole_group.label} "
                        f"they are part of",
                explanation=(f"{upper_first(part_group.label)} are counted within {whole_group.label}, so their "
                             f"number cannot exceed it; {part.text} is more than {whole.text}.\n"
                             f"{evidence(story, ids)}"))
