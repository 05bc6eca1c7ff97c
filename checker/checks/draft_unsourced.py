"""CC302 draft-unsourced — a figure in a draft that no source article backs.

What it flags (as information, and only when some documents have the role "draft", i.e.
`claimcheck check DRAFT --against SOURCES`): a draft claim whose subject group holds no claim
from a source document, unless a source prints the very figure (same value, unit and kind) under
other words ("a typical bill of £1,978" / "will pay £1,978 a year"), or the claim converts the
figure before it ("60 miles (97 km)": CC201 checks those). Figures without a counted subject are
not grouped and not reported.

Why: before publication every figure should trace to a source; a figure about a subject none of
the sources mention may be a typo, a figure from an older story, or need its own citation.

Options: none.

Fires: a draft says "2,400 firefighters" and no source article counts firefighters.
Does not fire: a draft says "2,400 firefighters" and a source says "about 2,400 firefighters", or
"2,400 were sent to the fire line".
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.base import Check, Issue, NoOptions, Story
from checker.checks.compare import by_sentence
from checker.checks.conversion import restatements
from checker.checks.narrate import evidence
from checker.models import Claim, Severity

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
         "horizon": "current", "sentence": "About 2,400 firefighters are at the scene."}]},
        {"documents": _DOCUMENTS, "claims": [
            _DRAFT,
            {"document": "wire", "text": "2,400", "value": 2400, "subject": "fire line", "horizon": "current",
             "sentence": "Crews said 2,400 were sent to the fire line."}]}]

    def run(self, story: Story, options: NoOptions) -> Iterator[Issue]:
        drafts = {d.id for d in story.documents.values() if d.role == "draft"}
        if not drafts:
            return
        printed = {_figure(c) for c in story.claims.values() if c.document not in drafts and c.value is not None}
        converted = restatements(by_sentence(c for c in story.claims.values() if c.document in drafts))
        for group in story.groups:
            if any(story.claim(i).document not in drafts for i in group.claims):
                continue
            for claim_id in group.claims:
                claim = story.claim(claim_id)
                if claim_id in converted or _figure(claim) in printed:
                    continue  # a source prints this very figure, in other words; or it converts the one before
                yield Issue(
                    claims=[claim_id], group=group.id,
                    message=f"{claim.text} {group.label}: no source article gives a figure for {group.label}",
                    explanation=(f"None of the source articles counts {group.label}, so this figure has nothing to "
                                 f"be checked against; give its source in the copy.\n{evidence(story, [claim_id])}"))


def _figure(claim: Claim) -> tuple[object, ...]:
    return claim.kind, (claim.unit or "").lower(), claim.value
