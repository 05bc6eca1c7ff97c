"""What `check DRAFT --against STORE.db` reports: the draft's findings, and of the archive only the
claims those findings and the draft's groups name (the store query fetches by subject and date)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker import cli


def article(path: Path, outlet: str, published: str, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\noutlet: {outlet}\npublished: {published}\n---\nFlood\n\n{body}\n", encoding="utf-8")


def test_archive_claims_that_never_meet_the_draft_are_left_out(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    article(tmp_path / "archive/marlow.md", "Coast Daily", "2026-03-02",
            "The county said 420 homes in Marlow were destroyed by the flood on Sunday.")
    # same subject key, so the store query returns it, but another place: another group
    article(tmp_path / "archive/dunmore.md", "Valley Post", "2026-03-03",
            "The county said 90 homes in Dunmore were destroyed by the flood on Sunday.")
    article(tmp_path / "draft.md", "Our Desk", "2026-03-05",
            "The county said 240 homes in Marlow were destroyed by the flood on Sunday.")
    db = tmp_path / "archive.db"
    assert cli.main(["index", str(tmp_path / "archive"), "--db", str(db), "--quiet"]) == 0
    capsys.readouterr()
    assert cli.main(["check", str(tmp_path / "draft.md"), "--against", str(db), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in report["documents"]] == ["draft", "marlow"]
    assert [c["text"] for c in report["claims"]] == ["240", "420"]
    assert [(f["rule"], sorted(f["claims"])) for f in report["findings"]] == [
        ("contradiction", ["draft:c1", "marlow:c1"])]


def test_articles_given_with_against_are_kept_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article(tmp_path / "sources/dunmore.md", "Valley Post", "2026-03-03",
            "The county said 90 homes in Dunmore were destroyed by the flood on Sunday.")
    article(tmp_path / "draft.md", "Our Desk", "2026-03-05",
            "The county said 240 homes in Marlow were destroyed by the flood on Sunday.")
    assert cli.main(["check", str(tmp_path / "draft.md"), "--against", str(tmp_path / "sources"),
                     "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in report["documents"]] == ["draft", "dunmore"]
    assert [c["text"] for c in report["claims"]] == ["240", "90"]
