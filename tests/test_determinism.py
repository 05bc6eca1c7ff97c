"""Same input, same bytes: across processes (hash seeds), across --jobs, and whatever order the files come in.

A gate whose verdict or ids flip run to run cannot be waived or diffed, so it gets switched off.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from checker.cli import main

REPO = Path(__file__).resolve().parent.parent
FORMATS = {"json": "report.json", "markdown": "report.md", "html": "report.html", "sarif": "report.sarif"}


def corpus() -> Path:
    return REPO / "seeds"


def run_in_subprocess(out: Path, hash_seed: str, *extra: str) -> subprocess.CompletedProcess[str]:
    out.mkdir()
    writes = [f"--write={name}={out / file}" for name, file in FORMATS.items() if name != "json"]
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run([sys.executable, "-m", "checker", "check", str(corpus()), "--format", "json",
                           "--output", str(out / FORMATS["json"]), "--fail-on", "error", *writes, *extra],
                          capture_output=True, text=True, cwd=out, env=env, timeout=280)


def outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / file).read_bytes() for name, file in FORMATS.items()}


@pytest.mark.timeout(600)
def test_reports_are_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    first = run_in_subprocess(tmp_path / "one", "1")
    second = run_in_subprocess(tmp_path / "two", "4242")
    assert first.returncode == second.returncode and first.returncode in (0, 1), first.stderr + second.stderr
    one, two = outputs(tmp_path / "one"), outputs(tmp_path / "two")
    assert [name for name in FORMATS if one[name] != two[name]] == []
    assert json.loads(one["json"])["claims"], "the corpus should yield claims, or this test proves nothing"


def _has_jobs_option() -> bool:
    result = subprocess.run([sys.executable, "-m", "checker", "check", "--help"], capture_output=True, text=True,
                            timeout=120)
    return "--jobs" in result.stdout


@pytest.mark.timeout(600)
def test_reports_are_byte_identical_across_jobs(tmp_path: Path) -> None:
    if not _has_jobs_option():
        pytest.skip("claimcheck check has no --jobs option yet")
    serial = run_in_subprocess(tmp_path / "serial", "0", "--jobs", "1")
    parallel = run_in_subprocess(tmp_path / "parallel", "0", "--jobs", "2")
    assert serial.returncode == parallel.returncode, serial.stderr + parallel.stderr
    one, two = outputs(tmp_path / "serial"), outputs(tmp_path / "parallel")
    assert [name for name in FORMATS if one[name] != two[name]] == []


def check_json(paths: list[Path], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    main(["check", *map(str, paths), "--format", "json", "--fail-on", "error"])
    return json.loads(capsys.readouterr().out)


@pytest.mark.timeout(300)
def test_ids_do_not_depend_on_file_order(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(p for p in corpus().iterdir() if p.suffix in (".txt", ".md") and p.stem.lower() != "readme")
    forward = check_json(files, capsys)
    backward = check_json([*files[1::2], *files[::-1][::2]], capsys)  # interleaved and reversed

    def claims(report: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
        return {c["id"]: (c["document"], c["start"], c["end"], c["value"], c["subject"], c["attribution"],
                          c["horizon"]) for c in report["claims"]}

    def findings(report: dict[str, Any]) -> set[tuple[str, str, str, tuple[str, ...]]]:
        return {(f["id"], f["fingerprint"], f["severity"], tuple(sorted(f["claims"]))) for f in report["findings"]}

    assert claims(forward) and claims(forward) == claims(backward)
    assert findings(forward) == findings(backward)


def test_what_extraction_remembers_never_changes_what_it_finds() -> None:
    """Sentence caches (checker/extract/memo.py) are keyed by text; an article must come out the same
    whether it is read first, after the others, or after the caches were emptied."""
    from checker.extract import extract_claims, forget_sentences
    from checker.load import load_documents
    from checker.ruleset import load_rules

    rules = load_rules()
    documents = load_documents([corpus(), *sorted((REPO / "tests" / "stories").glob("*/articles"))]).documents
    forget_sentences()
    alone = []
    for document in documents:
        forget_sentences()
        alone.append(extract_claims(document, rules))
    in_sequence = [extract_claims(document, rules) for document in documents]
    reversed_order = [extract_claims(document, rules) for document in reversed(documents)][::-1]
    assert alone == in_sequence == reversed_order
    assert sum(map(len, alone)) > 200


def test_a_sentence_reprinted_elsewhere_is_read_against_its_own_article() -> None:
    """What is remembered by a sentence's text is read at the sentence's own offsets and resolved against
    its own article's date: a reprint lower down a later article keeps subject and speaker, and 'next
    month' moves with the date it was printed on."""
    import datetime as dt

    from checker.extract import extract_claims, forget_sentences
    from checker.models import Document
    from checker.ruleset import load_rules

    rules = load_rules()
    paragraph = ("The ministry said on Monday that about 4,200 families had been moved, up from 3,100 a week "
                 "earlier, and that the number could reach 6,000 next month.")
    first = Document(id="first", path="first.md", text=f"Floods force thousands out\n\n{paragraph}\n",
                     published=dt.date(2024, 3, 11))
    second = Document(id="second", path="second.md", published=dt.date(2024, 5, 20),
                      text=f"River levels fall at last\n\nWater is receding in the north.\n\n{paragraph}\n")
    forget_sentences()
    first_fresh = extract_claims(first, rules)
    forget_sentences()
    fresh = extract_claims(second, rules)
    forget_sentences()
    assert extract_claims(first, rules) == first_fresh  # each read after the other
    remembered = extract_claims(second, rules)
    assert remembered == fresh
    forget_sentences()
    extract_claims(second, rules)
    assert extract_claims(first, rules) == first_fresh
    by_value = {claim.value: claim for claim in remembered}
    assert {4200.0, 3100.0, 6000.0} <= set(by_value)
    offset = second.text.index(paragraph)
    assert by_value[4200.0].start == offset + paragraph.index("4,200")
    assert [(by_value[v].subject, by_value[v].attribution) for v in (4200.0, 3100.0)] == [("families", "ministry")] * 2
    assert by_value[4200.0].horizon_detail.start == dt.date(2024, 5, 20)  # "on Monday" in May's paper
    assert by_value[3100.0].horizon_detail.start == dt.date(2024, 5, 13)
    assert by_value[6000.0].horizon_detail.end == dt.date(2024, 6, 30)  # May's "next month", not March's
