"""The claim store: exact round trips, incremental re-indexing, crash safety and keyed lookups."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from checker import load
from checker.errors import InputError
from checker.load import load_documents
from checker.models import Claim
from checker.parallel import ParallelOptions, extract_all
from checker.ruleset import RuleSet, SubjectEntry, TolerancesFile
from checker.store import (
    ClaimStore,
    index_paths,
    is_store,
    iter_partitions,
    open_store,
    related_claims,
    with_archive,
)
from scale_fixtures import store, stub_extract_claims, stubbed_extraction, write_articles  # noqa: F401 (fixtures)

TESTS = Path(__file__).resolve().parent


pytestmark = pytest.mark.usefixtures("stubbed_extraction")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    write_articles(tmp_path / "archive", 20)
    return tmp_path / "archive"


def all_claims(store: ClaimStore) -> list[Claim]:
    claims: list[Claim] = []
    for _, part in iter_partitions(store):
        claims.extend(part)
    return sorted(claims, key=lambda c: c.id)


def dump(store: ClaimStore) -> list[tuple[object, ...]]:
    """Everything a reader can see, except the file-system paths of the temp folders."""
    docs = store.db.execute("SELECT id, outlet, published, content_hash, claim_count FROM documents ORDER BY id")
    claims = store.db.execute("SELECT body FROM claims ORDER BY body")
    return [*docs.fetchall(), *claims.fetchall()]


def test_round_trip_is_exact(archive: Path, store: ClaimStore) -> None:
    stats = index_paths(store, [archive], RuleSet())
    fresh = extract_all(load_documents([archive]).documents, RuleSet())
    assert (stats.files, stats.added, stats.claims) == (20, 20, len(fresh))
    assert store.counts() == (20, len(fresh))
    assert [c.model_dump_json() for c in all_claims(store)] == sorted(c.model_dump_json() for c in fresh)


def test_reindex_skips_unchanged_and_replaces_changed(archive: Path, store: ClaimStore) -> None:
    index_paths(store, [archive], RuleSet())
    before = store.counts()
    again = index_paths(store, [archive], RuleSet())
    assert (again.unchanged, again.added, again.replaced, again.claims) == (20, 0, 0, 0)
    assert store.counts() == before

    changed = archive / "story-0003.txt"
    changed.write_text("Update\n\nNow 5 homes and 6 schools and 7 flights were hit.\n", encoding="utf-8")
    write_articles(archive, 1, start=50)
    third = index_paths(store, [archive], RuleSet())
    assert (third.unchanged, third.added, third.replaced) == (19, 1, 1)
    expected = extract_all(load_documents([archive]).documents, RuleSet())
    assert store.counts() == (21, len(expected))
    assert {c.id for c in all_claims(store)} == {c.id for c in expected}


def test_a_changed_sources_listing_or_rule_set_reindexes(archive: Path, store: ClaimStore) -> None:
    index_paths(store, [archive], RuleSet())
    (archive / "sources.yaml").write_text('"story-0001.txt":\n  outlet: Valley Herald\n', encoding="utf-8")
    listing = index_paths(store, [archive], RuleSet())
    assert (listing.replaced, listing.unchanged) == (1, 19)
    outlet = store.db.execute("SELECT outlet FROM documents WHERE id='story-0001'").fetchone()[0]
    assert outlet == "Valley Herald"
    new_rules = RuleSet(tolerances=TolerancesFile(kind="tolerances", rounding=0.2))
    assert index_paths(store, [archive], new_rules).replaced == 20


def test_same_file_names_in_two_folders_keep_distinct_stable_ids(tmp_path: Path, store: ClaimStore) -> None:
    write_articles(tmp_path / "wires", 2)
    write_articles(tmp_path / "desk", 2)
    index_paths(store, [tmp_path / "wires", tmp_path / "desk"], RuleSet())
    ids = {row[0] for row in store.db.execute("SELECT id FROM documents")}
    assert ids == {"story-0000", "story-0001", "desk/story-0000", "desk/story-0001"}
    (tmp_path / "desk" / "story-0000.txt").write_text("Late\n\n12 homes were hit.\n", encoding="utf-8")
    index_paths(store, [tmp_path / "desk", tmp_path / "wires"], RuleSet())
    assert {row[0] for row in store.db.execute("SELECT id FROM documents")} == ids


def test_a_file_reached_twice_is_indexed_once_under_its_real_path(tmp_path: Path, store: ClaimStore) -> None:
    """Named directly beside its folder, through a symlinked folder, or as a symlink in another folder."""
    wires = write_articles(tmp_path / "wires", 2)
    (tmp_path / "linked").symlink_to(tmp_path / "wires", target_is_directory=True)
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "copy.txt").symlink_to(wires[1])
    stats = index_paths(store, [tmp_path / "wires", wires[0], tmp_path / "linked", tmp_path / "linked" / wires[1].name,
                                tmp_path / "desk"], RuleSet())
    assert (stats.files, stats.added) == (2, 2)
    paths = {row[0] for row in store.db.execute("SELECT path FROM documents")}
    assert paths == {str(path.resolve()) for path in wires}


def test_files_named_one_by_one_read_their_folders_listing_once(tmp_path: Path, store: ClaimStore,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """`claimcheck index wires/*.txt`: 100k file arguments must not parse wires/sources.yaml 100k times."""
    wires = write_articles(tmp_path / "wires", 30)
    (tmp_path / "wires" / "sources.yaml").write_text(
        "".join(f"{path.name}: {{outlet: Wire One}}\n" for path in wires), encoding="utf-8")
    reads: list[Path] = []
    real_read_yaml = load.read_yaml
    monkeypatch.setattr(load, "read_yaml", lambda path: reads.append(path) or real_read_yaml(path))
    stats = index_paths(store, wires, RuleSet())
    assert (stats.files, stats.added, stats.errors) == (30, 30, [])
    assert {row[0] for row in store.db.execute("SELECT outlet FROM documents")} == {"Wire One"}
    assert len(reads) <= 2  # once to count the files, once to index them; it was 60 (twice per file)


def test_parallel_index_writes_the_same_store(archive: Path, tmp_path: Path) -> None:
    with open_store(tmp_path / "one.db", create=True) as one, open_store(tmp_path / "two.db", create=True) as two:
        index_paths(one, [archive], RuleSet())
        index_paths(two, [archive], RuleSet(), ParallelOptions(jobs=2), batch_size=3)
        assert dump(one) == dump(two)


def test_interrupt_inside_a_batch_loses_and_doubles_nothing(archive: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}

    def interrupted_at_the_eighth(document, rules, lexicon=None):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 8:
            raise KeyboardInterrupt
        return stub_extract_claims(document, rules)

    monkeypatch.setattr(sys.modules["checker.extract"], "extract_claims", interrupted_at_the_eighth)
    with open_store(tmp_path / "resumed.db", create=True) as resumed:
        with pytest.raises(KeyboardInterrupt):
            index_paths(resumed, [archive], RuleSet(), batch_size=3)
        assert resumed.counts()[0] == 6  # two whole batches committed, the third rolled back
        monkeypatch.setattr(sys.modules["checker.extract"], "extract_claims", stub_extract_claims)
        rerun = index_paths(resumed, [archive], RuleSet(), batch_size=3)
        assert (rerun.unchanged, rerun.added) == (6, 14)
        with open_store(tmp_path / "clean.db", create=True) as clean:
            index_paths(clean, [archive], RuleSet())
            assert dump(resumed) == dump(clean)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_that_breaks_extraction_is_reported_and_retried(archive: Path, store: ClaimStore,
                                                                   monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    def breaks_on_story_5(document, rules, lexicon=None):  # type: ignore[no-untyped-def]
        if document.id == "story-0005":
            raise ValueError("unparseable date")
        return stub_extract_claims(document, rules)

    monkeypatch.setattr(sys.modules["checker.extract"], "extract_claims", breaks_on_story_5)
    stats = index_paths(store, [archive], RuleSet(), ParallelOptions(jobs=jobs))
    assert stats.added == 19
    broken = (archive / "story-0005.txt").resolve()
    assert stats.errors == [f"{broken}: extraction failed: ValueError: unparseable date"]
    monkeypatch.setattr(sys.modules["checker.extract"], "extract_claims", stub_extract_claims)
    assert (index_paths(store, [archive], RuleSet()).added, store.counts()[0]) == (1, 20)


def test_unreadable_articles_are_reported_and_the_rest_indexed(archive: Path, store: ClaimStore,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Read once for both its hash and its text, a file is still judged as `check` judges it."""
    import checker.load

    monkeypatch.setattr(checker.load, "MAX_BYTES", 1024 * 1024)
    (archive / "huge.txt").write_text("Officials said 3,000 people left.\n" * 48_000, encoding="utf-8")
    (archive / "blank.txt").write_text(" \n\n", encoding="utf-8")
    (archive / "latin1.txt").write_bytes("Caf\xe9 owners said 3,000 people left.".encode("latin-1"))
    (archive / "image.txt").write_bytes(b"\x89PNG\x00\x00")
    stats = index_paths(store, [archive], RuleSet())
    messages = sorted(error.replace(str(archive.resolve()), "ARCHIVE") for error in stats.errors)
    assert messages == [
        "ARCHIVE/blank.txt: empty file",
        "ARCHIVE/huge.txt: 1.6 MB is over the 1 MB limit for one article",
        "ARCHIVE/image.txt: binary file, not an article (NUL bytes)",
        "ARCHIVE/latin1.txt: not valid UTF-8 (byte 0xe9 at offset 3); re-save it as UTF-8",
    ]
    assert (stats.added, store.counts()[0]) == (20, 20)


KILLABLE_INDEX = """
import sys
sys.path.insert(0, {tests!r})
import pytest
from scale_fixtures import install_stub
from checker.ruleset import RuleSet
from checker.store import index_paths, open_store
install_stub(pytest.MonkeyPatch())
with open_store({db!r}, create=True) as store:
    index_paths(store, [{archive!r}], RuleSet(), batch_size=2)
"""


def test_killed_index_resumes_exactly(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    write_articles(archive, 30, stem="slow")  # ~0.1 s per article, so the kill lands mid-run
    db = tmp_path / "killed.db"
    script = KILLABLE_INDEX.format(tests=str(TESTS), db=str(db), archive=str(archive))
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        if _documents_in(db) >= 4:
            break
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    done = _documents_in(db)
    assert 4 <= done < 30, "the kill should land mid-run"
    with open_store(db) as resumed:
        rerun = index_paths(resumed, [archive], RuleSet())
        assert (rerun.unchanged, rerun.added) == (done, 30 - done)
        with open_store(tmp_path / "clean.db", create=True) as clean:
            index_paths(clean, [archive], RuleSet())
            assert dump(resumed) == dump(clean)


def _documents_in(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as reader:
            return reader.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_related_claims_fetch_only_matching_subjects(archive: Path, store: ClaimStore) -> None:
    index_paths(store, [archive], RuleSet())
    draft = stub_extract_claims(load_documents([archive / "story-0002.txt"]).documents[0], RuleSet())
    keys = {c.subject_key for c in draft}
    documents, claims = related_claims(store, draft, exclude_documents={"story-0002"})
    expected = [c for c in extract_all(load_documents([archive]).documents, RuleSet())
                if c.subject_key in keys and c.document != "story-0002"]
    assert [c.model_dump_json() for c in claims] == [c.model_dump_json() for c in expected]
    assert [d.id for d in documents] == sorted({c.document for c in expected})
    assert all(d.published is None and d.path.endswith(".txt") for d in documents)


def test_related_claims_widen_to_parts_and_wholes(archive: Path, store: ClaimStore) -> None:
    index_paths(store, [archive], RuleSet())
    rules = RuleSet(subjects=[SubjectEntry(head="homes", parts=["schools"])])
    draft = [Claim(id="d:c1", document="d", start=0, end=1, line=1, text="9", value=9.0, subject_key="homes")]
    _, plain = related_claims(store, draft)
    _, widened = related_claims(store, draft, rules)
    assert {c.subject_key for c in plain} == {"homes"}
    assert {c.subject_key for c in widened} == {"homes", "schools"}


def test_related_claims_within_a_publication_window(tmp_path: Path, store: ClaimStore) -> None:
    folder = tmp_path / "dated"
    write_articles(folder, 6)
    listing = "".join(f'"story-{i:04d}.txt":\n  published: 2024-0{i + 1}-10\n' for i in range(5))
    (folder / "sources.yaml").write_text(listing, encoding="utf-8")  # story-0005 stays undated
    index_paths(store, [folder], RuleSet())
    every_key = [c for _, part in iter_partitions(store) for c in part]
    documents, _ = related_claims(store, every_key, published_between=(dt.date(2024, 2, 1), dt.date(2024, 3, 31)))
    assert [d.id for d in documents] == ["story-0001", "story-0002", "story-0005"]


def test_with_archive_adds_store_claims_and_keeps_run_documents(archive: Path, store: ClaimStore) -> None:
    index_paths(store, [archive], RuleSet())
    drafts = load_documents([archive / "story-0004.txt"], role="draft").documents
    draft_claims = extract_all(drafts, RuleSet())
    documents, claims = with_archive(drafts, draft_claims, [store.path], RuleSet())
    assert documents[0] == drafts[0] and [d.id for d in documents].count("story-0004") == 1
    assert claims[:len(draft_claims)] == draft_claims and len(claims) > len(draft_claims)
    assert {c.document for c in claims} == {d.id for d in documents}


def test_partitions_cover_every_claim_once(archive: Path, store: ClaimStore) -> None:
    index_paths(store, [archive], RuleSet())
    seen = [c.id for _, claims in iter_partitions(store, max_claims=7) for c in claims]
    assert len(seen) == len(set(seen)) == store.counts()[1]


def test_store_files_are_recognised_and_bad_ones_refused(tmp_path: Path) -> None:
    with open_store(tmp_path / "ok.db", create=True):
        pass
    assert is_store(tmp_path / "ok.db")
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("hello", encoding="utf-8")
    assert not is_store(not_a_store)
    with pytest.raises(InputError, match="not a claim store"):
        open_store(not_a_store)
    with pytest.raises(InputError, match="no such claim store"):
        open_store(tmp_path / "missing.db")
    with sqlite3.connect(tmp_path / "other.db") as other:
        other.execute("CREATE TABLE notes (body TEXT)")
    with pytest.raises(InputError, match="not a claim store"):
        open_store(tmp_path / "other.db")


def test_cli_index_then_check_a_draft_against_the_store(archive: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from checker import cli

    if "index" not in cli.cli.commands:
        pytest.skip("`claimcheck index` is not wired into the CLI yet")
    db = tmp_path / "archive.db"
    assert cli.main(["index", str(archive), "--db", str(db), "--jobs", "2", "--quiet"]) == 0
    assert cli.main(["index", str(archive), "--db", str(db)]) == 0
    assert "0 added, 0 replaced, 20 unchanged" in capsys.readouterr().out
    draft = tmp_path / "draft.txt"
    draft.write_text("Draft\n\nThe council said 999 homes and 5,000 residents were affected.\n", encoding="utf-8")
    out = tmp_path / "report.json"
    assert cli.main(["check", str(draft), "--against", str(db), "--format", "json", "-o", str(out)]) in (0, 1)
    report = json.loads(out.read_text(encoding="utf-8"))
    documents = {d["id"] for d in report["documents"]}
    assert "draft" in documents and len(documents) > 1
    assert {c["document"] for c in report["claims"]} <= documents
