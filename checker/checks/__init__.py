"""The check registry. Each check is one module; its code is stable and never reused.

    CC1xx  figures about one quantity across articles (contradiction, ranges, internal)
    CC2xx  arithmetic of figures (conversions, percent of a base, parts and wholes, exchange rates)
    CC3xx  provenance (wire copies, draft figures with no source)
    CC9xx  about claimcheck's own inputs (stale waivers)
"""

from __future__ import annotations

from checker.checks.base import Check, Issue, Story
from checker.checks.contradiction import Contradiction
from checker.checks.conversion import ConversionMismatch
from checker.checks.draft_unsourced import DraftUnsourced
from checker.checks.exchange_rate import ExchangeRateMismatch
from checker.checks.explained_range import ExplainedRange
from checker.checks.internal import InternalInconsistency
from checker.checks.part_whole import PartExceedsWhole
from checker.checks.percent_base import PercentOfBase
from checker.checks.stale_waiver import StaleWaiver
from checker.checks.transposed_digits import TransposedDigits
from checker.checks.unexplained_range import UnexplainedRange
from checker.checks.wire_copy import WireCopy

__all__ = ["Check", "Issue", "Story", "all_checks", "find_check"]

_REGISTERED: tuple[type[Check], ...] = (
    Contradiction, UnexplainedRange, ExplainedRange, InternalInconsistency, TransposedDigits,
    ConversionMismatch, PercentOfBase, PartExceedsWhole, ExchangeRateMismatch,
    WireCopy, DraftUnsourced, StaleWaiver,
)


def all_checks() -> list[type[Check]]:
    return sorted(_REGISTERED, key=lambda c: c.code)


def find_check(key: str) -> type[Check] | None:
    """A check by its code ('CC101') or name ('contradiction')."""
    for check_class in _REGISTERED:
        if key in (check_class.code, check_class.name):
            return check_class
    return None
