"""Reliability of the gate: bad input is one line and exit 2, pathological text finishes, writes are atomic.

An editorial gate that crashes or hangs gets switched off, so every input here must end in a
one-line message naming the file (never a traceback) or in a report, within a bounded time.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from checker.cli import main
from checker.extract import extract_claims
from checker.formatters.registry import FORMATTERS
from checker.models import Document
from checker.ruleset import DEFAULT_RULES_DIR, load_rules
from checker.runner import run_checks

GOOD = "Police said about 3,000 people marched through the capital on Monday.\n"
PYTHON = sys.executable


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # main() looks up claimcheck.toml from the current folder; the repo's own must not apply here.
    monkeypatch.chdir(tmp_path)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def sparse_file(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)  # instant on any file system, and never read: the size check comes first
    return path


def rules_copy(tmp_path: Path, edit: Callable[[Path], None]) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, folder)
    edit(folder)
    return folder


def replace_in(name: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        text = (folder / name).read_text(encoding="utf-8")
        assert old in text, f"{name} no longer contains {old!r}; update this test case"
        (folder / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def append_to(name: str, extra: str) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        with (folder / name).open("a", encoding="utf-8") as handle:
            handle.write(extra)
    return edit


# --- bad input: one line naming the file, exit 2 ---------------------------------------------

def _missing(tmp: Path) -> tuple[list[str], str]:
    return ["check", str(tmp / "nope.txt")], "nope.txt"


def _empty_folder(tmp: Path) -> tuple[list[str], str]:
    (tmp / "empty").mkdir()
    write(tmp / "empty" / "notes.yaml", "a: 1\n")
    return ["check", str(tmp / "empty")], "empty"


def _article(name: str, content: str | bytes) -> Callable[[Path], tuple[list[str], str]]:
    def make(tmp: Path) -> tuple[list[str], str]:
        return ["check", str(write(tmp / name, content))], name
    return make


def _fifty_megabytes(tmp: Path) -> tuple[list[str], str]:
    return ["check", str(sparse_file(tmp / "huge.txt", 50 * 1024 * 1024))], "huge.txt"


def _sources(content: str) -> Callable[[Path], tuple[list[str], str]]:
    def make(tmp: Path) -> tuple[list[str], str]:
        write(tmp / "story" / "a.txt", GOOD)
        write(tmp / "story" / "sources.yaml", content)
        return ["check", str(tmp / "story")], "sources.yaml"
    return make


def _rules(edit: Callable[[Path], None]) -> Callable[[Path], tuple[list[str], str]]:
    def make(tmp: Path) -> tuple[list[str], str]:
        folder = rules_copy(tmp, edit)
        return ["check", str(write(tmp / "a.txt", GOOD)), "--rules", str(folder)], "rules"
    return make


def _toml(content: str) -> Callable[[Path], tuple[list[str], str]]:
    def make(tmp: Path) -> tuple[list[str], str]:
        config = write(tmp / "conf" / "claimcheck.toml", content)
        return ["check", str(write(tmp / "a.txt", GOOD)), "--config", str(config)], "claimcheck.toml"
    return make


def _option(named: str, *extra: str) -> Callable[[Path], tuple[list[str], str]]:
    def make(tmp: Path) -> tuple[list[str], str]:
        return ["check", str(write(tmp / "a.txt", GOOD)), *extra], named
    return make


BAD_INPUTS: dict[str, Callable[[Path], tuple[list[str], str]]] = {
    "missing path": _missing,
    "folder with no articles": _empty_folder,
    "binary file": _article("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    "invalid UTF-8": _article("latin1.txt", "Caf\xe9 owners said 3 000 attended.".encode("latin-1")),
    "empty file": _article("empty.txt", ""),
    "whitespace only": _article("blank.md", " \n\t\n"),
    "50 MB file": _fifty_megabytes,
    "front matter: invalid YAML": _article("fm.md", "---\ntitle: [unclosed\n---\n" + GOOD),
    "front matter: not a mapping": _article("fm.md", "---\n- a\n- b\n---\n" + GOOD),
    "front matter: bad date": _article("fm.md", "---\npublished: soonish\n---\n" + GOOD),
    "sources.yaml: a list": _sources("- a.txt\n- b.txt\n"),
    "sources.yaml: names a missing file": _sources("b.txt: {outlet: Wire}\n"),
    "sources.yaml: invalid YAML": _sources("a.txt: {outlet: [\n"),
    "sources.yaml: a near miss of a key": _sources("a.txt: {outlet: Wire, publshed: 2025-03-01}\n"),
    "rules: unknown key": _rules(append_to("hedges.yaml", "colour: red\n")),
    "rules: bad value": _rules(replace_in("hedges.yaml", "bound: lower", "bound: sideways")),
    "rules: hedge tolerance 5": _rules(replace_in("hedges.yaml", "tolerance: 0.1", "tolerance: 5")),
    "rules: unknown check": _rules(append_to("checks.yaml", "  no-such-check: {severity: error}\n")),
    "rules: check set twice": _rules(append_to("checks.yaml", "  CC101: {severity: warning}\n")),
    "rules: bad severity": _rules(append_to("checks.yaml", "  CC102: {severity: fatal}\n")),
    "rules: file without kind": _rules(lambda f: write(f / "zz.yaml", "hedges: []\n")),
    "rules: file not a mapping": _rules(lambda f: write(f / "zz.yaml", "- a\n")),
    "toml: unknown key": _toml('colour = "red"\n'),
    "toml: bad value": _toml('fail-on = "fatal"\n'),
    "toml: unknown format": _toml('format = "pdf"\n'),
    "toml: invalid": _toml("rules = [\n"),
    "unknown --format": _option("--format", "--format", "pdf"),
    "unknown --write format": _option("--write", "--write", "pdf=out.pdf"),
    "--write without a path": _option("--write", "--write", "html"),
    "missing --waivers file": _option("no-waivers.yaml", "--waivers", "no-waivers.yaml"),
    "waivers not a mapping": lambda tmp: _option("waivers.yaml", "--waivers",
                                                 str(write(tmp / "waivers.yaml", "- {fingerprint: x}\n")))(tmp),
    "missing --rules folder": _option("no-rules", "--rules", "no-rules"),
    "--output is a folder": _option("--output", "--output", "."),
    "unknown --fail-on": _option("--fail-on", "--fail-on", "fatal"),
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_is_one_line_naming_the_file_and_exit_2(case: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    argv, names = BAD_INPUTS[case](tmp_path)
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimcheck: "), err
    assert names in lines[0], f"the message should name {names!r}: {lines[0]}"


def test_fifty_megabytes_is_refused_by_size_in_the_same_units(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    sparse_file(tmp_path / "huge.txt", 50 * 1024 * 1024)
    assert main(["check", str(tmp_path / "huge.txt")]) == 2
    assert "50.0 MB is over the 20 MB limit" in capsys.readouterr().err


def test_contradictory_vague_amount_is_a_config_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = rules_copy(tmp_path, replace_in("hedges.yaml", "low: 12, high: 120", "low: 120, high: 12"))
    assert main(["check", str(write(tmp_path / "a.txt", GOOD)), "--rules", str(folder)]) == 2
    assert "hedges.yaml" in capsys.readouterr().err


def test_hedge_word_under_two_bounds_is_a_config_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = rules_copy(tmp_path, lambda f: write(f / "zz.yaml", "kind: hedges\nhedges:\n"
                                                               "  - {bound: upper, words: [about]}\n"))
    assert main(["check", str(write(tmp_path / "a.txt", GOOD)), "--rules", str(folder)]) == 2
    assert "about" in capsys.readouterr().err


@pytest.mark.timeout(60)
def test_megabyte_line_without_spaces_is_read_and_finishes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = write(tmp_path / "blob.txt", "x" * (1024 * 1024) + "\n" + "7" * (1024 * 1024) + "\n")
    assert main(["check", str(article), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"][0]["id"] == "blob"


# --- one bad file in a folder ------------------------------------------------------------------

def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    write(folder / "a-good.txt", GOOD)
    write(folder / "b-bad.txt", b"caf\xe9")
    write(folder / "c-good.md", "Organisers said roughly 5,000 people marched on Monday.\n")
    return folder


@pytest.mark.parametrize(("extra", "expected_code"), [([], 2), (["--keep-going"], 0)])
def test_bad_file_in_folder_is_reported_and_the_rest_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             extra: list[str], expected_code: int) -> None:
    code = main(["check", str(mixed_folder(tmp_path)), "--format", "json", "--fail-on", "error", *extra])
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert code == expected_code
    assert sorted(d["id"] for d in report["documents"]) == ["a-good", "c-good"]
    assert {c["document"] for c in report["claims"]} == {"a-good", "c-good"}
    assert len(report["errors"]) == 1 and "b-bad.txt" in report["errors"][0]
    assert [line for line in captured.err.splitlines() if "b-bad.txt" in line] and "Traceback" not in captured.err


@pytest.mark.timeout(120)
def test_bad_file_in_folder_through_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run([PYTHON, "-m", "checker", "check", str(mixed_folder(tmp_path)), "--format", "json"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=110)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [line for line in result.stderr.strip().splitlines()
                                                  if line.startswith("claimcheck: ") and "b-bad.txt" in line]
    assert {c["document"] for c in json.loads(result.stdout)["claims"]} == {"a-good", "c-good"}


# --- pathological text finishes in bounded time ------------------------------------------------

def _hedge_words() -> list[str]:
    data = yaml.safe_load((DEFAULT_RULES_DIR / "hedges.yaml").read_text(encoding="utf-8"))
    return [word for hedge in data["hedges"] for word in hedge["words"]]


PATHOLOGICAL: dict[str, tuple[Callable[[], str], int]] = {
    "5000-digit number": (lambda: "Officials said " + "9" * 5000 + " people attended.", 30),
    "5000-digit decimal": (lambda: "Officials said 1." + "9" * 5000 + " people attended.", 30),
    "2000 thousands groups": (lambda: "Officials said " + ",".join(["999"] * 2000) + " people came.", 30),
    "1,2,3,...,5000": (lambda: "The numbers were " + ",".join(map(str, range(1, 5001))) + ".", 60),
    "1, 2, 3, ..., 5000": (lambda: "The numbers were " + ", ".join(map(str, range(1, 5001))) + ".", 180),
    "parentheses 1000 deep": (lambda: "Police said " + "(" * 1000 + "about 3,000" + ")" * 1000 + " marched.", 30),
    "range 1 to 1e308": (lambda: "Estimates ranged from 1 to 1e308 people, officials said.", 30),
    "exponent beyond float": (lambda: "About 1e309 troops and -1e400 km and 10^400 people were cited.", 30),
    "every hedge word in one sentence": (lambda: "Officials said " + " ".join(_hedge_words()) + " 3,000 troops.", 30),
    "every hedge word before a figure": (
        lambda: "Officials said " + ", ".join(f"{w} {i + 1},000 troops" for i, w in enumerate(_hedge_words())) + ".",
        60),
    "200 KB sentence, no punctuation": (lambda: " ".join(["officials said the troops numbered"] * 5800), 60),
    "200 KB sentence with figures": (lambda: " ".join(f"officials said {i} troops left" for i in range(6500)), 180),
}


@pytest.mark.parametrize("case", [pytest.param(name, id=name, marks=[pytest.mark.timeout(seconds)])
                                  for name, (_, seconds) in PATHOLOGICAL.items()])
def test_pathological_text_finishes_and_keeps_the_contract(case: str) -> None:
    text = PATHOLOGICAL[case][0]()
    rules = load_rules(None)
    document = Document(id="p", path="p.txt", text=text)
    claims = extract_claims(document, rules)
    run_checks([document], claims, rules)
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text
        assert text[claim.sentence_start:claim.sentence_start + len(claim.sentence)] == claim.sentence


@pytest.mark.timeout(300)
def test_ten_thousand_figures_in_one_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    things = ["troops", "tanks", "drones", "shells", "volunteers", "medics", "trucks", "refugees"]
    lines = [f"Officials said {i * 7 + 1} {things[i % len(things)]} reached district {i % 97} on Monday."
             for i in range(10_000)]
    article = write(tmp_path / "table.txt", "\n".join(lines) + "\n")
    started = time.monotonic()
    assert main(["check", str(article), "--format", "json", "--fail-on", "error"]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    assert len(report["claims"]) >= 10_000
    assert time.monotonic() - started < 300


# --- atomic writes -----------------------------------------------------------------------------

OLD_REPORT = '{"old": "report"}\n'


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_formatter_failure_leaves_previous_report_and_no_temp_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = write(tmp_path / "out" / "report.json", OLD_REPORT)
    article = write(tmp_path / "a.txt", GOOD)

    def explode(*_: object, **__: object) -> str:
        raise KeyboardInterrupt  # Ctrl-C while the report is being rendered

    monkeypatch.setattr(FORMATTERS["json"], "render", explode)
    assert main(["check", str(article), "--format", "json", "--output", str(out)]) == 130
    assert out.read_text(encoding="utf-8") == OLD_REPORT
    assert leftovers(out.parent) == []


def test_failure_while_writing_leaves_previous_report_and_no_temp_files(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = write(tmp_path / "report.json", OLD_REPORT)
    article = write(tmp_path / "a.txt", GOOD)

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    assert main(["check", str(article), "--format", "json", "--output", str(out)]) == 2
    assert capsys.readouterr().err.strip() == f"claimcheck: {out}: cannot write: No space left on device"
    assert out.read_text(encoding="utf-8") == OLD_REPORT
    assert leftovers(tmp_path) == []


STALL_WRITE = """
import os, sys, time
real_replace = os.replace
def stalled(src, dst):
    print("renaming", flush=True)
    time.sleep(120)
    real_replace(src, dst)
os.replace = stalled
from checker.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.timeout(120)
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["INT", "TERM", "KILL"])
def test_killed_run_leaves_previous_report_intact(tmp_path: Path, sig: signal.Signals) -> None:
    out = write(tmp_path / "report.json", OLD_REPORT)
    article = write(tmp_path / "a.txt", GOOD)
    process = subprocess.Popen([PYTHON, "-c", STALL_WRITE, "check", str(article), "--format", "json",
                                "--output", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, cwd=tmp_path)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "renaming"  # the new report is complete but not in place
    process.send_signal(sig)
    _, err = process.communicate(timeout=60)
    assert process.returncode != 0
    assert out.read_text(encoding="utf-8") == OLD_REPORT
    if sig != signal.SIGKILL:  # nothing can clean up after SIGKILL; a hidden .tmp may remain then
        assert leftovers(tmp_path) == []
        assert "Traceback" not in err
