"""Project configuration: `claimcheck.toml`, or a `[tool.claimcheck]` table in pyproject.toml.

    [tool.claimcheck]
    rules = "rules"                     # rules folder (default: the rules shipped with claimcheck)
    fail-on = "warning"                 # exit 1 / fail the pytest gate at or above this severity
    format = "text"                     # what `claimcheck check` prints
    outputs = { html = "reports/seeds.html", markdown = "reports/seeds.md" }   # extra files, by format
    waivers = "waivers.yaml"
    stories = ["seeds"]                 # story folders the pytest gate checks

Keys may be written with dashes or underscores. Paths are relative to the file they are written in.
Unknown keys and bad values are one-line ConfigErrors naming the file, the line and the key.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from checker.errors import ConfigError
from checker.models import Severity

CONFIG_FILE = "claimcheck.toml"
PYPROJECT = "pyproject.toml"
TABLE = "tool.claimcheck"


def _dashed(name: str) -> str:
    return name.replace("_", "-")


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=_dashed, populate_by_name=True)

    rules: Path | None = Field(None, description="rules folder")
    fail_on: Severity = Field(Severity.error, description="lowest severity that fails the run")
    format: str = Field("text", description="format printed to stdout")
    outputs: dict[str, Path] = Field(default_factory=dict, description="format -> file written besides stdout")
    waivers: Path | None = None
    stories: list[Path] = Field(default_factory=list, description="story folders for the pytest gate")
    keep_going: bool = False
    _source: Path | None = PrivateAttr(None)

    @property
    def source(self) -> Path | None:
        """The file this configuration was read from; None for the defaults."""
        return self._source

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: str) -> str:
        _check_format(value)
        return value

    @field_validator("outputs")
    @classmethod
    def _known_output_formats(cls, value: dict[str, Path]) -> dict[str, Path]:
        for name in value:
            _check_format(name)
        return value

    def resolved(self, base: Path) -> Config:
        """Paths made relative to the configuration file's folder, not to wherever claimcheck runs."""
        def fix(path: Path | None) -> Path | None:
            return None if path is None else (path if path.is_absolute() else base / path)
        return self.model_copy(update={
            "rules": fix(self.rules), "waivers": fix(self.waivers),
            "outputs": {name: fix(path) for name, path in self.outputs.items()},
            "stories": [fix(p) for p in self.stories],
        })


def _check_format(name: str) -> None:
    # Imported here: the registry pulls in every formatter, which `pytest` startup should not pay for.
    from checker.formatters.registry import FORMATTERS

    if name not in FORMATTERS:
        raise ValueError(f"unknown format '{name}'; choose one of {', '.join(sorted(FORMATTERS))}")


def load_config(start: Path) -> Config:
    """The configuration for a project, looked up from `start` upwards to the project root.

    In each folder claimcheck.toml wins over pyproject.toml; a pyproject.toml without a
    [tool.claimcheck] table ends the search (it marks the project root). None found: defaults.
    """
    folder = start.resolve()
    for directory in (folder, *folder.parents):
        dedicated = directory / CONFIG_FILE
        if dedicated.is_file():
            return load_config_file(dedicated)
        pyproject = directory / PYPROJECT
        if pyproject.is_file():
            found = find_config_file(pyproject)
            return load_config_file(pyproject) if found else Config()
        if (directory / ".git").exists():
            break
    return Config()


def find_config_file(path: Path) -> bool:
    """Whether `path` holds claimcheck settings (always, for claimcheck.toml)."""
    if path.name != PYPROJECT:
        return True
    return "claimcheck" in _read_toml(path).get("tool", {})


def load_config_file(path: Path) -> Config:
    """Read one claimcheck.toml or pyproject.toml ([tool.claimcheck]); raise ConfigError if it is wrong."""
    data = _read_toml(path)
    is_pyproject = path.name == PYPROJECT
    table: Any = data.get("tool", {}).get("claimcheck", {}) if is_pyproject else data
    prefix = TABLE if is_pyproject else ""
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [{TABLE}] must be a table")
    try:
        config = Config.model_validate(table)
    except ValidationError as exc:
        raise ConfigError(_one_line(exc, path, prefix)) from None
    config = config.resolved(path.parent)
    config._source = path
    return config


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None


def _one_line(exc: ValidationError, path: Path, prefix: str) -> str:
    first = exc.errors()[0]
    loc = [str(part) for part in first["loc"]]
    dotted = ".".join([prefix, *loc] if prefix else loc) or prefix or "(top level)"
    line = _line_of(path, prefix, loc[0]) if loc else None
    where = f"{path}:{line}" if line else str(path)
    if first["type"] == "extra_forbidden":
        return f"{where}: unknown key '{dotted}'"
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{where}: {dotted}: {message}"


_HEADER = re.compile(r"^\s*\[\s*([^\]\s]+)\s*\]")


def _line_of(path: Path, table: str, key: str) -> int | None:
    """Best effort: the line where `key` is set in `table` (tomllib keeps no positions)."""
    spellings = {key, key.replace("-", "_"), key.replace("_", "-")}
    key_pattern = re.compile(r'^\s*["\']?(' + "|".join(re.escape(s) for s in spellings) + r')["\']?\s*[=.]')
    current = ""
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        header = _HEADER.match(text)
        if header:
            current = header.group(1)
            sub = current.removeprefix(table + ".") if table else current
            if current != table and sub.split(".")[0] in spellings and (not table or current.startswith(table + ".")):
                return number
            continue
        if current == table and key_pattern.match(text):
            return number
    return None
