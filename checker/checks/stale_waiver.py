"""CC901 stale-waiver — a waiver in claimcheck-waivers.yaml that no longer matches any finding.

What it flags: a waiver whose check and claims (matched by document, figure text and subject,
never by line number) or fingerprint match none of this run's findings. It runs after the other
checks, when waivers are applied (checker/waivers.py).

Why: a waiver outliving its finding hides nothing today but would silently accept a different
finding tomorrow if the text changes back; remove it or point it at the current figures.

Options: none.

Fires: a waiver for CC102 on document "a", figure "12,000" when no CC102 finding holds that figure.
Does not fire: the same waiver when such a finding exists.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.base import Check, Issue, NoOptions, Story, Waiver
from checker.models import Claim, Finding, Severity

_WAIVER = {"check": "CC102", "claims": [{"document": "a", "figure": "12,000"}], "reason": "agency updated"}
_CLAIM = {"id": "a:c1", "document": "a", "text": "12,000", "value": 12000, "subject": "personnel",
          "sentence": "As many as 12,000 personnel."}
_FINDING = {"id": "CC102-x", "rule": "unexplained-range", "code": "CC102", "severity": "warning",
            "claims": ["a:c1"], "message": "m", "explanation": "e"}


def claim_matches(spec: dict[str, str], claim: Claim) -> bool:
    """A waiver's claim spec matches by content: document, figure text and (optionally) subject."""
    if spec.get("document") not in (None, claim.document):
        return False
    figure = spec.get("figure") or spec.get("text")
    if figure is not None and figure.strip() != claim.text.strip():
        return False
    subject = spec.get("subject")
    if subject is not None:
        names = {(claim.subject or "").lower(), (claim.subject_key or "").lower(), (claim.unit or "").lower()}
        if subject.lower() not in names:
            return False
    return True


def waiver_matches(waiver: Waiver, finding: Finding, claims: dict[str, Claim]) -> bool:
    if waiver.check not in (finding.code, finding.rule):
        return False
    if waiver.fingerprint:
        return finding.fingerprint.startswith(waiver.fingerprint)
    if not waiver.claims:
        return False
    held = [claims[i] for i in finding.claims if i in claims]
    return all(any(claim_matches(spec, c) for c in held) for spec in waiver.claims)


class StaleWaiver(Check):
    code = "CC901"
    name = "stale-waiver"
    summary = "a waiver that matches no finding any more"
    default_severity = Severity.warning
    Options = NoOptions
    stage = "waivers"
    must_fire = [{"claims": [_CLAIM], "waivers": [_WAIVER], "findings": []}]
    must_not_fire = [{"claims": [_CLAIM], "waivers": [_WAIVER], "findings": [_FINDING]}]

    def run(self, story: Story, options: NoOptions) -> Iterator[Issue]:
        for waiver in story.waivers:
            if any(waiver_matches(waiver, f, story.claims) for f in story.findings):
                continue
            target = (f"fingerprint {waiver.fingerprint}" if waiver.fingerprint else
                      "; ".join(", ".join(f"{k}={v}" for k, v in spec.items()) for spec in waiver.claims))
            yield Issue(claims=[], message=f"waiver for {waiver.check} ({target}) matches no finding",
                        explanation=(f"The waiver \"{waiver.reason}\" accepts a {waiver.check} finding about {target}, "
                                     f"but this run has no such finding. Remove the waiver or update it to the "
                                     f"current figures."))
