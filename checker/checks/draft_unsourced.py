"""CC302 draft-unsourced — a figure in a draft that no source article backs.

What it flags (as information, and only when some documents have the role "draft", i.e.
`claimcheck check DRAFT --against SOURCES`): a draft claim whose subject group holds no claim
from a source document. Figures without a counted subject are not grouped and not reported.

Why: before publication every figure should trace to a source; a figure about a subject none of
the sources mention may be a typo, a figure from an older story, or need its own citation.

Options: none.

Fires: a draft says "2,400 firefighters" and no source article counts firefighters.
Does not fire: a draft says "2,400 firefighters" and a source says "about 2,400 firefighters".
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.base import Check, Issue, NoOptions, Story
from checker.checks.narrate import evidence
from checker.models import Severity

_DOCUMENTS = [{"id": "draft", "role": "draft"}, {"id": "wire", "role": "source"}]
_DRAFT = {"document": "draft", "text": "2,400", "value": 2400, "subject": "firefighters", "horizon": "current",
          "sentence": "Some 2,400 firefighters are battling the blaze."}


class DraftUnsourced(Check):
    code = "CC302"
    name = "draft-unsourced"
    summary = "a figure in a draft whose subject no source article mentions"
    default_severity = Severity.info
    Options = NoOptions
    must_fire = [{"documents": _DOCUMENTS, "claims": [
        _DRAFT,
        {"document": "wire", "text": "12", "value": 12, "subject": "homes", "horizon": "current",
         "sentence": "The blaze has destroyed 12 homes."}]}]
    must_not_fire = [{"documents": _DOCUMENTS, "claims": [
        _DRAFT,
        {"document": "wire", "text": "2,400", "value": 2400, "qualifier": "about", "subject": "firefighters",
         "horizon": "current", "sentence": "About 2,400 firefighters are at the scene."}]}]

    def run(self, story: Story, options: NoOptions) -> Iterator[Issue]:
        drafts = {d.id for d in story.documents.values() if d.role == "draft"}
        if not drafts:
            return
        for group in story.groups:
            if any(story.claim(i).document not in drafts for i in group.claims):
                continue
            for claim_id in group.claims:
                claim = story.claim(claim_id)
                yield Issue(
                    claims=[claim_id], group=group.id,
                    message=f"{claim.text} {group.label}: no source article gives a figure for {group.label}",
                    explanation=(f"None of the source articles counts {group.label}, so this figure has nothing to "
                                 f"be checked against; give its source in the copy.\n{evidence(story, [claim_id])}"))
