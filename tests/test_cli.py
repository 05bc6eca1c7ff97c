"""The command line as users and other tools meet it: the JSON contract, exit codes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main

CONTRACT_CLAIM_FIELDS = {"id", "document", "start", "end", "line", "text", "value", "low", "high", "unit",
                         "subject", "attribution", "horizon", "qualifier", "sentence"}
CONTRACT_FINDING_FIELDS = {"id", "rule", "severity", "claims", "message", "explanation"}


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    code = main(["check", *argv, "--format", "json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_json_contract_on_the_sample_corpus(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    code, report = run_json(capsys, str(seeds_dir))
    assert code in (0, 1)
    assert report["schema_version"]
    documents = {d["id"]: d for d in report["documents"]}
    assert len(documents) == 5
    assert all({"id", "path", "outlet", "published"} <= set(d) for d in documents.values())
    assert report["claims"], "the sample corpus has figures"
    for claim in report["claims"]:
        assert CONTRACT_CLAIM_FIELDS <= set(claim)
        text = Path(documents[claim["document"]]["path"]).read_text(encoding="utf-8")
        assert text[claim["start"]:claim["end"]] == claim["text"]
        assert text.count("\n", 0, claim["start"]) + 1 == claim["line"]
        assert claim["text"] in claim["sentence"]
    claim_ids = {c["id"] for c in report["claims"]}
    assert len(claim_ids) == len(report["claims"])
    for finding in report["findings"]:
        assert CONTRACT_FINDING_FIELDS <= set(finding)
        assert finding["severity"] in ("error", "warning", "info")
        assert set(finding["claims"]) <= claim_ids


def test_exit_code_follows_fail_on(tmp_path: Path, capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    code, report = run_json(capsys, str(seeds_dir), "--fail-on", "info")
    severities = {f["severity"] for f in report["findings"] if not f.get("waived")}
    assert code == (1 if severities else 0)
    code_error, report_error = run_json(capsys, str(seeds_dir), "--fail-on", "error")
    assert code_error == (1 if "error" in {f["severity"] for f in report_error["findings"]} else 0)


def test_clean_article_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "one.txt").write_text("The council approved 12 new parks on Monday, the mayor said.\n")
    code, report = run_json(capsys, str(tmp_path / "one.txt"))
    assert code == 0 and report["findings"] == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "does-not-exist.txt"], "does-not-exist.txt: no such file"),
        (["check", "{tmp}/empty.txt"], "empty.txt: empty file"),
        (["check", "{tmp}", "--format", "yaml"], "'yaml' is not one of"),
        (["check", "{tmp}/one.txt", "--rules", "{tmp}/norules"], "rules folder not found"),
        (["check"], "Missing argument"),
        (["frobnicate"], "No such command"),
    ],
)
def test_usage_and_input_errors_exit_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     argv: list[str], message: str) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "one.txt").write_text("About 3 people.\n")
    code = main([a.replace("{tmp}", str(tmp_path)) for a in argv])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_bad_file_in_folder_is_reported_and_the_rest_checked(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text("Officials said about 200 homes were flooded.\n")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe bad")
    code, report = run_json(capsys, str(tmp_path))
    assert code == 2
    assert [d["id"] for d in report["documents"]] == ["good"]
    assert any("bad.txt" in e for e in report["errors"])
    code_kept = main(["check", str(tmp_path), "--format", "json", "--keep-going"])
    capsys.readouterr()
    assert code_kept in (0, 1)


def test_output_file_is_written_and_stdout_stays_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      seeds_dir: Path) -> None:
    target = tmp_path / "out" / "report.json"
    main(["check", str(seeds_dir), "--format", "json", "--output", str(target)])
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text())["claims"]
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


def test_extract_prints_claims_table(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    code = main(["extract", str(seeds_dir / "kyiv-desk.md")])
    out = capsys.readouterr().out
    assert code == 0
    assert "1,300" in out and "doc:line" in out


def test_text_output_has_no_colour_codes_when_not_a_tty(capsys: pytest.CaptureFixture[str],
                                                        seeds_dir: Path) -> None:
    main(["check", str(seeds_dir)])
    out = capsys.readouterr().out
    assert "\x1b[" not in out and "claims" in out


def test_module_entry_point_runs(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("About 40 people attended.\n")
    done = subprocess.run([sys.executable, "-m", "checker", "extract", str(tmp_path / "a.txt"), "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["claims"][0]["value"] == 40


def test_an_internal_bug_is_one_line_and_exit_3(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    import checker.cli

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(checker.cli, "run", broken)
    monkeypatch.delenv("CLAIMCHECK_DEBUG", raising=False)
    (tmp_path / "a.txt").write_text("About 3 people.\n")
    assert main(["check", str(tmp_path / "a.txt")]) == 3
    err = capsys.readouterr().err
    assert "internal error: ZeroDivisionError: boom" in err and "Traceback" not in err


def test_draft_mode_reports_only_what_touches_the_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        seeds_dir: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("---\npublished: 2024-10-25\n---\nThe council said 14 new parks will open next year.\n")
    code, report = run_json(capsys, str(draft), "--against", str(seeds_dir))
    draft_claims = {c["id"] for c in report["claims"] if c["document"] == "draft"}
    assert draft_claims
    assert all(draft_claims & set(g["claims"]) for g in report["groups"])
    assert all(draft_claims & set(f["claims"]) for f in report["findings"])
    assert any(f["rule"] == "draft-unsourced" and f["severity"] == "info" for f in report["findings"])
    assert code == 0
