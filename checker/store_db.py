"""The claim store's file: schema, opening (and refusing what is not a store), transactions.

checker/store.py writes and reads it; this module only knows SQLite. WAL mode lets readers
(`check --against`) read while an `index` writes; every write happens in `transaction`, one batch
of documents at a time, so an interrupted run leaves each document wholly old or wholly new.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from checker.errors import InputError

STORE_FORMAT = "1"
SQLITE_MAGIC = b"SQLite format 3\x00"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_no INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL UNIQUE,
    outlet TEXT, published TEXT, title TEXT, url TEXT,
    body_start INTEGER NOT NULL,
    content_hash TEXT NOT NULL,     -- sha256 of the file's bytes
    listing_hash TEXT NOT NULL,     -- sha256 of its sources.yaml entry: metadata can change without the file
    extraction_key TEXT NOT NULL,   -- claimcheck version + rules: either changing makes old claims stale
    claim_count INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE TABLE IF NOT EXISTS claims (
    doc_no INTEGER NOT NULL REFERENCES documents(doc_no),
    seq INTEGER NOT NULL,
    subject_key TEXT, dimension TEXT, unit TEXT, source_key TEXT,
    published TEXT,                 -- the document's, copied so a time window needs no join
    -- source_key and the horizon columns are for SQL of one's own; no query of claimcheck's filters on
    -- them, so they carry no index (two unused indexes were 30% of the time spent writing claims)
    horizon_kind TEXT, horizon_start TEXT, horizon_end TEXT,
    body TEXT NOT NULL              -- the Claim as JSON, so what comes out is exactly what went in
);
CREATE UNIQUE INDEX IF NOT EXISTS claims_position ON claims(doc_no, seq);
CREATE INDEX IF NOT EXISTS claims_subject ON claims(subject_key, published);
"""


class ClaimStore:
    """An open store. Use as a context manager, or call close()."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self.db = connection

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def counts(self) -> tuple[int, int]:
        """(documents, claims) in the store."""
        docs = self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        claims = self.db.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        return docs, claims


def is_store(path: Path) -> bool:
    """True for a SQLite file, so `--against` can take a store or articles alike."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def open_store(path: Path, create: bool = False) -> ClaimStore:
    path = Path(path)
    if not create and not path.is_file():
        raise InputError(f"{path}: no such claim store (make one with `claimcheck index ARCHIVE --db {path}`)")
    if path.exists() and path.stat().st_size and not is_store(path):
        raise InputError(f"{path}: not a claim store (not an SQLite file)")
    try:
        # Transactions are explicit, one per batch; a second writer waits for the first instead of failing.
        db = sqlite3.connect(path, isolation_level=None, timeout=60)
        db.execute("PRAGMA journal_mode=WAL")  # readers keep reading while an index writes
        db.execute("PRAGMA synchronous=NORMAL")  # with WAL: a crash loses at most the open batch, never corrupts
        db.execute("PRAGMA cache_size=-32768")  # 32 MB of pages: index B-trees of a large store stay in memory
        if create:
            db.executescript(_SCHEMA)
        found = _format(db)
        if found is None and create:
            db.execute("INSERT INTO meta VALUES ('format', ?)", (STORE_FORMAT,))
        elif found is None:
            raise InputError(f"{path}: an SQLite file, but not a claim store")
        elif found != STORE_FORMAT:
            raise InputError(f"{path}: store format {found}, this claimcheck reads {STORE_FORMAT}; index afresh")
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{path}: cannot open the claim store: {exc}") from None
    return ClaimStore(path, db)


def _format(db: sqlite3.Connection) -> str | None:
    try:
        found = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    except sqlite3.OperationalError:  # no meta table: some other program's database
        return None
    return found[0] if found else None


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One batch: BEGIN IMMEDIATE ... COMMIT, rolled back whole on any exception (Ctrl-C included)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
