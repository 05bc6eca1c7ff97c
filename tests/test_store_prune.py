"""`index --prune`: documents whose file left an archive folder leave the store, in crash-safe batches,
and nothing else does (not a missing or emptied folder's documents, not another folder's)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from checker.ruleset import RuleSet
from checker.store import ClaimStore, index_paths, open_store
from scale_fixtures import store, stubbed_extraction, write_articles  # noqa: F401 (fixtures)


pytestmark = pytest.mark.usefixtures("stubbed_extraction")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    write_articles(tmp_path / "archive", 12)
    return tmp_path / "archive"


def dump(store: ClaimStore) -> list[tuple[object, ...]]:
    """What a reader sees, without the temp folders' paths."""
    docs = store.db.execute("SELECT id, outlet, published, content_hash, claim_count FROM documents ORDER BY id")
    claims = store.db.execute("SELECT body FROM claims ORDER BY body")
    return [*docs.fetchall(), *claims.fetchall()]


def ids(store: ClaimStore) -> set[str]:
    return {row[0] for row in store.db.execute("SELECT id FROM documents")}


def consistent(store: ClaimStore) -> bool:
    """No claim without its document, and every document holds exactly the claims it counts."""
    orphans = store.db.execute("SELECT COUNT(*) FROM claims WHERE doc_no NOT IN (SELECT doc_no FROM documents)")
    counts = store.db.execute("SELECT d.claim_count, (SELECT COUNT(*) FROM claims c WHERE c.doc_no = d.doc_no)"
                              " FROM documents d")
    return orphans.fetchone()[0] == 0 and all(stated == held for stated, held in counts)


def delete(archive: Path, *numbers: int) -> None:
    for number in numbers:
        (archive / f"story-{number:04d}.txt").unlink()


def test_prune_removes_the_deleted_files_and_nothing_else(archive: Path, store: ClaimStore, tmp_path: Path) -> None:
    index_paths(store, [archive], RuleSet())
    delete(archive, 2, 5, 9)
    kept = index_paths(store, [archive], RuleSet())
    assert (kept.removed, store.counts()[0]) == (0, 12)  # without --prune deleted files stay
    pruned = index_paths(store, [archive], RuleSet(), prune=True)
    assert (pruned.removed, pruned.unchanged, pruned.added) == (3, 9, 0)
    assert "3 removed" in pruned.summary()
    assert ids(store) == {f"story-{n:04d}" for n in range(12)} - {"story-0002", "story-0005", "story-0009"}
    with open_store(tmp_path / "fresh.db", create=True) as fresh:
        index_paths(fresh, [archive], RuleSet())
        assert dump(store) == dump(fresh)
    assert index_paths(store, [archive], RuleSet(), prune=True).removed == 0


def test_a_missing_or_emptied_folder_is_left_alone(tmp_path: Path, store: ClaimStore) -> None:
    write_articles(tmp_path / "wires", 3)
    write_articles(tmp_path / "desk", 3, stem="desk")
    index_paths(store, [tmp_path / "wires", tmp_path / "desk"], RuleSet())
    (tmp_path / "desk").rename(tmp_path / "unmounted")
    missing = index_paths(store, [tmp_path / "wires", tmp_path / "desk"], RuleSet(), prune=True)
    assert missing.removed == 0 and len(missing.errors) == 1 and store.counts()[0] == 6
    for path in (tmp_path / "wires").iterdir():
        path.unlink()
    emptied = index_paths(store, [tmp_path / "wires"], RuleSet(), prune=True)
    assert emptied.removed == 0 and "no articles" in emptied.errors[0] and store.counts()[0] == 6


def test_prune_reads_each_folder_as_index_does(archive: Path, store: ClaimStore) -> None:
    """A subfolder is another archive (index does not descend into it), so pruning the parent keeps it."""
    write_articles(archive / "later", 2, stem="later")
    index_paths(store, [archive, archive / "later"], RuleSet())
    delete(archive, 0)
    assert index_paths(store, [archive], RuleSet(), prune=True).removed == 1
    assert {"later-0000", "later-0001"} <= ids(store) and "story-0000" not in ids(store)


class FailingDeletes:
    """The store's connection, raising KeyboardInterrupt inside the n-th batch of a prune."""

    def __init__(self, db: sqlite3.Connection, fail_at: int) -> None:
        self.db, self.left = db, fail_at

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.startswith("DELETE FROM documents"):
            self.left -= 1
            if self.left == 0:
                raise KeyboardInterrupt  # after this batch's claims were deleted, before its documents
        return self.db.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.db, name)


def test_an_interrupted_prune_removes_whole_documents_and_the_next_run_the_rest(archive: Path, store: ClaimStore,
                                                                               tmp_path: Path) -> None:
    index_paths(store, [archive], RuleSet())
    delete(archive, 1, 3, 5, 7, 9)
    real = store.db
    store.db = FailingDeletes(real, fail_at=3)  # type: ignore[assignment]
    with pytest.raises(KeyboardInterrupt):
        index_paths(store, [archive], RuleSet(), batch_size=1, prune=True)
    store.db = real
    assert store.counts()[0] == 10 and consistent(store)  # two batches committed, the third rolled back
    assert index_paths(store, [archive], RuleSet(), prune=True).removed == 3
    with open_store(tmp_path / "fresh.db", create=True) as fresh:
        index_paths(fresh, [archive], RuleSet())
        assert dump(store) == dump(fresh)


def test_cli_index_prune(archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from checker import cli

    db = tmp_path / "archive.db"
    assert cli.main(["index", str(archive), "--db", str(db), "--quiet"]) == 0
    delete(archive, 4)
    assert cli.main(["index", str(archive), "--db", str(db), "--prune", "--quiet"]) == 0
    assert "1 removed" in capsys.readouterr().out
