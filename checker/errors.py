"""Errors the user can act on. The CLI prints them as one line and exits 2; nothing else should."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base of every error that is the input's or the configuration's fault, not ours."""

    exit_code = 2


class InputError(ClaimcheckError):
    """An article, folder or sources.yaml that cannot be read as the docs describe."""


class ConfigError(ClaimcheckError):
    """A rules, waivers or config file that does not validate; the message names file:line:col."""
