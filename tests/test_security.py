"""Untrusted input stays data: HTML is escaped, YAML cannot run code, no path outside the given ones is touched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checker.cli import main
from checker.ruleset import DEFAULT_RULES_DIR

SCRIPT = "<script>alert('x')</script>"
GOOD = "Police said about 3,000 people marched through the capital on Monday.\n"
SECRET = "The vault holds 987,654 gold bars, the keeper said.\n"


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def test_html_report_escapes_article_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story"
    write(story / "a.md", f"---\ntitle: Flood {SCRIPT}\noutlet: Wire {SCRIPT}\n---\n"
                          f"Officials {SCRIPT} said at least 40 people died in the flood on Monday.\n")
    write(story / "b.txt", f"Rescuers said 55 people died in the flood on Monday, {SCRIPT} officials added.\n")
    main(["check", str(story), "--format", "html", "--fail-on", "error"])
    html = capsys.readouterr().out
    assert "&lt;script&gt;" in html  # the text is shown, as text
    assert "alert('x')</script>" not in html and "alert(&#39;x&#39;)</script>" not in html


PYTHON_TAG = '!!python/object/apply:os.system ["touch {marker}"]'


@pytest.mark.parametrize("where", ["rules", "sources.yaml", "front matter", "waivers"])
def test_yaml_python_tags_are_an_error_not_executed(where: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    marker = tmp_path / "PWNED"
    payload = PYTHON_TAG.format(marker=marker)
    story = tmp_path / "story"
    article = write(story / "a.md", GOOD)
    argv = ["check", str(story)]
    if where == "rules":
        rules = tmp_path / "rules"
        shutil.copytree(DEFAULT_RULES_DIR, rules)
        write(rules / "zz-evil.yaml", f"kind: hedges\nhedges: {payload}\n")
        argv += ["--rules", str(rules)]
    elif where == "sources.yaml":
        write(story / "sources.yaml", f"a.md: {payload}\n")
    elif where == "front matter":
        write(article, f"---\ntitle: {payload}\n---\n{GOOD}")
    else:
        argv += ["--waivers", str(write(tmp_path / "waivers.yaml", f"waivers: {payload}\n"))]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "python/object" in err
    assert not marker.exists()


@pytest.mark.parametrize("name", ["../secret.txt", "{tmp}/secret.txt", "sub/../../secret.txt", ".."])
def test_sources_yaml_cannot_point_outside_its_folder(name: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "secret.txt", SECRET)
    story = tmp_path / "story"
    write(story / "a.txt", GOOD)
    write(story / "sources.yaml", f"'{name.format(tmp=tmp_path)}': {{outlet: Wire}}\n")
    code = main(["check", str(story), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 2
    assert "sources.yaml" in captured.err and "987,654" not in captured.out + captured.err


def test_output_is_written_only_where_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story"
    write(story / "a.txt", GOOD)
    write(story / "b.txt", "Organisers said 5,000 people marched through the capital on Monday.\n")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    target = tmp_path / "reports" / "out.json"
    assert main(["check", str(story), "--format", "json", "--output", str(target), "--fail-on", "error"]) in (0, 1)
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert set(after) - set(before) == {Path("reports"), Path("reports/out.json")}
    assert json.loads(target.read_text(encoding="utf-8"))["documents"]
    assert capsys.readouterr().out == ""
