"""claimcheck: a numeric-claim consistency checker for newsrooms.

The pipeline reads load -> extract -> engine -> checks -> report; see `checker.pipeline`.
"""

__version__ = "0.1.0"
