"""CC301 wire-copy — several outlets printing one text: one source, not several confirmations.

What it flags (as information): claims in different articles whose sentences around the figure
are near-identical (word-trigram overlap at least `wire_copy_similarity` in
rules/tolerances.yaml). They are one text reprinted — usually a wire story or one outlet
rewriting another — so their agreement is not corroboration, and the other checks never compare
them with each other or count them twice.

Why: "three outlets say 12,000" reads as strong confirmation when it is one agency quote
copied three times.

Options: none.

Fires: two outlets printing "South Korean intelligence says Pyongyang may send as many as
12,000 personnel, most by December." word for word.
Does not fire: two outlets reporting the same figure in their own words.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.base import Check, Issue, NoOptions, Story
from checker.checks.compare import unique
from checker.checks.narrate import claims_of, evidence
from checker.models import Severity

_COPY = "South Korean intelligence says Pyongyang may send as many as 12,000 personnel to Russia, most by December."


def _claim(document: str, sentence: str) -> dict[str, object]:
    return {"document": document, "text": "12,000", "value": 12000, "high": 12000, "qualifier": "as many as",
            "subject": "personnel", "attribution": "South Korean intelligence", "horizon": "eventual",
            "sentence": sentence}


class WireCopy(Check):
    code = "CC301"
    name = "wire-copy"
    summary = "several outlets print one text around a figure: one source, not independent confirmation"
    default_severity = Severity.info
    Options = NoOptions
    must_fire = [{"claims": [_claim("a", _COPY), _claim("b", _COPY)]}]
    must_not_fire = [{"claims": [
        _claim("a", _COPY),
        _claim("b", "Seoul's spy agency thinks the North could dispatch as many as 12,000 personnel overall.")]}]

    def run(self, story: Story, options: NoOptions) -> Iterator[Issue]:
        for cluster in story.wire_copies:
            if story.focus is not None and story.focus.isdisjoint(cluster):
                continue  # draft mode: a reprint among sources only is not reported
            claims = claims_of(story, cluster)
            outlets = unique(story.outlet(c) for c in claims)
            group = story.group_of(claims[0].id)
            yield Issue(
                claims=[c.id for c in claims], group=group.id if group else None,
                message=f"{', '.join(outlets)} print one text for {claims[0].text}: one source, not {len(outlets)}",
                explanation=(f"The sentences around {claims[0].text} are near-identical in {len(outlets)} outlets, so "
                             f"they are one text reprinted. Their agreement is not independent confirmation; "
                             f"claimcheck counts them as one source.\n{evidence(story, cluster)}"))
