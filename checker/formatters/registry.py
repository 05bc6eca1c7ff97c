from __future__ import annotations

from checker.errors import ConfigError
from checker.formatters.base import Formatter
from checker.formatters.github import GithubFormatter
from checker.formatters.html import HtmlFormatter
from checker.formatters.json_format import JsonFormatter
from checker.formatters.junit import JunitFormatter
from checker.formatters.markdown import MarkdownFormatter
from checker.formatters.sarif import SarifFormatter
from checker.formatters.text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    f.name: f
    for f in (TextFormatter, JsonFormatter, MarkdownFormatter, HtmlFormatter, JunitFormatter, SarifFormatter,
              GithubFormatter)
}


def get_formatter(name: str) -> Formatter:
    try:
        return FORMATTERS[name]()
    except KeyError:
        raise ConfigError(f"unknown format '{name}'; choose one of {', '.join(FORMATTERS)}") from None

