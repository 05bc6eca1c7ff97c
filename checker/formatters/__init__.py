"""Report writers behind one interface, flake8-style: each module holds one Formatter.

A formatter sees only the models (Report and what it holds) and returns the whole output
as text; the CLI writes it to stdout or, atomically, to --output.
"""

from __future__ import annotations

from checker.formatters.base import Formatter, RenderOptions
from checker.formatters.registry import FORMATTERS, get_formatter

__all__ = ["FORMATTERS", "Formatter", "RenderOptions", "get_formatter"]
