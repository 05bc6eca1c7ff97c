"""`[tool.claimcheck]` / claimcheck.toml: where it is found, what it means, how it fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import Config, load_config, load_config_file
from checker.errors import ConfigError
from checker.models import Severity

PYPROJECT_HEAD = '[project]\nname = "newsdesk"\n\n[tool.claimcheck]\n'


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_configuration_means_defaults(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    config = load_config(tmp_path)
    assert config == Config()
    assert config.fail_on is Severity.error and config.format == "text" and config.stories == []
    assert config.source is None


def test_pyproject_table_with_paths_relative_to_the_file(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", PYPROJECT_HEAD + (
        'rules = "house-rules"\nfail-on = "warning"\nwaivers = "waivers.yaml"\nstories = ["stories/flood"]\n'
        'outputs = { html = "reports/flood.html", markdown = "/tmp/flood.md" }\n'))
    config = load_config(tmp_path)
    assert config.rules == tmp_path / "house-rules"
    assert config.fail_on is Severity.warning
    assert config.waivers == tmp_path / "waivers.yaml"
    assert config.stories == [tmp_path / "stories/flood"]
    assert config.outputs == {"html": tmp_path / "reports/flood.html", "markdown": Path("/tmp/flood.md")}
    assert config.source == tmp_path / "pyproject.toml"


def test_found_from_a_subfolder(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", PYPROJECT_HEAD + 'fail-on = "info"\n')
    assert load_config(tmp_path / "stories" / "flood").fail_on is Severity.info


def test_claimcheck_toml_wins_over_pyproject(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", PYPROJECT_HEAD + 'fail-on = "info"\n')
    write(tmp_path, "claimcheck.toml", 'fail_on = "warning"\n')
    config = load_config(tmp_path)
    assert config.fail_on is Severity.warning and config.source == tmp_path / "claimcheck.toml"


def test_pyproject_without_the_table_ends_the_search(tmp_path: Path) -> None:
    write(tmp_path, "claimcheck.toml", 'fail-on = "info"\n')
    write(tmp_path, "project/pyproject.toml", '[project]\nname = "inner"\n')
    assert load_config(tmp_path / "project") == Config()


def test_dashes_and_underscores_are_the_same_key(tmp_path: Path) -> None:
    first = load_config_file(write(tmp_path, "a/claimcheck.toml", 'fail-on = "info"\nkeep-going = true\n'))
    second = load_config_file(write(tmp_path, "b/claimcheck.toml", 'fail_on = "info"\nkeep_going = true\n'))
    assert first.model_dump() == second.model_dump() and first.keep_going


@pytest.mark.parametrize(("body", "message"), [
    ('rules = "r"\nfail-on = "sometimes"\n',
     "pyproject.toml:6: tool.claimcheck.fail-on: Input should be 'info', 'warning' or 'error'"),
    ('stories = ["s"]\nfial-on = "error"\n', "pyproject.toml:6: unknown key 'tool.claimcheck.fial-on'"),
    ('outputs = { html = "a.html", pdf = "a.pdf" }\n',
     "pyproject.toml:5: tool.claimcheck.outputs: unknown format 'pdf'"),
    ('format = "docx"\n', "pyproject.toml:5: tool.claimcheck.format: unknown format 'docx'"),
    ('stories = "flood"\n', "pyproject.toml:5: tool.claimcheck.stories: Input should be a valid list"),
    ('[tool.claimcheck.outputs]\nhtml = 3\n', "pyproject.toml:5: tool.claimcheck.outputs.html"),
    ("fail-on = \n", "pyproject.toml: invalid TOML: "),
])
def test_bad_pyproject_is_one_line_naming_file_line_and_key(tmp_path: Path, body: str, message: str) -> None:
    write(tmp_path, "pyproject.toml", PYPROJECT_HEAD + body)
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    text = str(raised.value)
    assert "\n" not in text
    assert text.startswith(str(tmp_path)) and message in text


def test_bad_claimcheck_toml_names_the_top_level_key(tmp_path: Path) -> None:
    write(tmp_path, "claimcheck.toml", '# house settings\nformat = "text"\nwaiver = "w.yaml"\n')
    with pytest.raises(ConfigError, match=r"claimcheck\.toml:3: unknown key 'waiver'$"):
        load_config(tmp_path)


def test_missing_explicit_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config_file(tmp_path / "claimcheck.toml")
