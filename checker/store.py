"""The claim store: an archive's claims extracted once into one SQLite file, then queried by subject key.

Why SQLite (see docs/bench.md): the store's work is point lookups by subject key, incremental upserts of
one document's claims at a time, and readers (`check --against`) running while an `index` writes. SQLite
does that with B-tree indexes, WAL mode and per-batch transactions, from the standard library, in one
file. A column store (DuckDB) would win full-archive aggregate scans, which nothing here does.

Crash safety: every batch of documents is one transaction that deletes a document's old claims and
writes its new ones (or, when pruning, deletes a removed file's document and claims), so an interrupted
`index` leaves each document either wholly old or wholly new, and re-running it finishes the rest;
nothing is lost or counted twice. The file itself (schema, opening, transactions) is checker/store_db.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from pydantic import BaseModel, Field

from checker import __version__
from checker.errors import ClaimcheckError
from checker.load import SourceMeta, article_text, document_of, expand, within_limit
from checker.models import Claim, Document
from checker.parallel import ParallelOptions, extract_finished
from checker.ruleset import RuleSet
from checker.store_db import STORE_FORMAT, SQLITE_MAGIC, ClaimStore, is_store, open_store, transaction

__all__ = ["BATCH_DOCUMENTS", "STORE_FORMAT", "SQLITE_MAGIC", "ClaimStore", "IndexStats", "extraction_key",
           "index_paths", "is_store", "iter_partitions", "open_store", "prune_missing", "related_claims",
           "subject_family", "with_archive"]

BATCH_DOCUMENTS = 64
_DOCUMENT_COLUMNS = "doc_no, id, path, outlet, published, title, url, body_start"


class IndexStats(BaseModel):
    files: int = Field(0, description="article files found under the paths")
    added: int = 0
    replaced: int = Field(0, description="files whose bytes, listing or the rules changed since the last index")
    unchanged: int = 0
    removed: int = Field(0, description="documents whose file is gone from the archive folders (prune=True)")
    claims: int = Field(0, description="claims written in this run")
    errors: list[str] = Field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        removed = f"{self.removed} removed, " if self.removed else ""
        return (f"{self.files} files: {self.added} added, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{removed}{len(self.errors)} failed; {self.claims} claims written in {self.seconds:.1f}s")


@dataclass(slots=True, frozen=True)
class _Planned:
    """A file to (re)extract, with what the store will remember about it. Internal, so a slim dataclass."""

    path: Path
    listing: SourceMeta  # the file's sources.yaml entry
    doc_id: str
    doc_no: int | None  # set when the file replaces an earlier version
    content_hash: str
    listing_hash: str
    extraction_key: str


def extraction_key(rules: RuleSet) -> str:
    rules_json = rules.model_dump_json(exclude={"files"})
    return hashlib.sha256(f"{__version__}\n{rules_json}".encode()).hexdigest()[:16]


def index_paths(store: ClaimStore, paths: Sequence[Path], rules: RuleSet, parallel: ParallelOptions | None = None,
                batch_size: int = BATCH_DOCUMENTS, prune: bool = False) -> IndexStats:
    """Extract new and changed articles under `paths` into the store; unchanged files are skipped.
    `prune`: first remove the documents of these folders whose file is gone (see prune_missing)."""
    started = time.perf_counter()
    stats = IndexStats()
    # A first pass counts the files (for the progress bar and the summary) and, to prune, lists them;
    # the second streams them, so memory does not grow with the archive: texts, and paths, are read
    # one at a time. Errors (a missing folder) are recorded by the second pass only.
    walked: list[Path] = []
    present: set[str] = set()
    for _, resolved, _ in _expand_all(paths, IndexStats(), walked):
        stats.files += 1
        if prune:
            present.add(resolved)
    if prune:  # before extracting: a new file may then take the id a deleted one held
        stats.removed = prune_missing(store, walked, present, batch_size)
    present.clear()
    in_flight: dict[str, _Planned] = {}
    documents = _changed_documents(store, _expand_all(paths, stats, []), extraction_key(rules), stats, in_flight)
    extracted = extract_finished(documents, rules, claim_rows, parallel, total=stats.files, errors=stats.errors)
    while batch := list(islice(extracted, batch_size)):
        with transaction(store.db):
            for document, rows in batch:
                _write(store.db, in_flight[document.id], document, rows)
        # Counted only once committed, so the stats of an interrupted run say what the store really holds.
        for document, rows in batch:
            stats.claims += len(rows)
            if in_flight.pop(document.id).doc_no is None:
                stats.added += 1
            else:
                stats.replaced += 1
    stats.seconds = time.perf_counter() - started
    return stats


def _expand_all(paths: Sequence[Path], stats: IndexStats,
                walked: list[Path]) -> Iterator[tuple[Path, str, SourceMeta]]:
    """The article files under `paths` (each with its resolved path, what the store records); `walked`
    collects the folders read to the end without error."""
    seen: set[str] = set()
    unlisted = SourceMeta()  # one shared instance: 100k files mostly have no sources.yaml entry
    folder_sources: dict[Path, dict[str, SourceMeta]] = {}
    real_folders: dict[str, str] = {}
    for top in paths:
        top = Path(top)
        try:
            for path, sources in expand([top], folder_sources):
                resolved = _resolved(path, real_folders)
                if resolved not in seen:  # a file named twice (folder and file) is indexed once
                    seen.add(resolved)
                    yield path, resolved, sources.get(path.name, unlisted)
        except ClaimcheckError as exc:
            stats.errors.append(str(exc))
        else:
            if top.is_dir():
                walked.append(top.resolve())


def _resolved(path: Path, real_folders: dict[str, str]) -> str:
    """What path.resolve() gives, resolving each folder once rather than every component per file."""
    if path.is_symlink():
        return str(path.resolve())
    folder = str(path.parent)
    real = real_folders.get(folder)
    if real is None:
        real = real_folders[folder] = os.path.realpath(folder)
    return os.path.join(real, path.name)


def prune_missing(store: ClaimStore, folders: Sequence[Path], present: set[str],
                  batch_size: int = BATCH_DOCUMENTS) -> int:
    """Remove the documents indexed from `folders` (each folder's own articles, as `index` reads
    them: subfolders are other archives) whose resolved path is not in `present`, the files found
    there now; return how many. Only folders that were read without error may be given: a missing
    or emptied folder (an unmounted disk) must not empty the store. Each batch of documents is one
    transaction that deletes their claims and their rows together, so an interrupted prune leaves
    every document wholly there or wholly gone, and the next run removes the rest."""
    roots = {str(folder) for folder in folders}
    gone = [doc_no for doc_no, path in store.db.execute("SELECT doc_no, path FROM documents ORDER BY doc_no")
            if path not in present and str(Path(path).parent) in roots]
    removed = 0
    for first in range(0, len(gone), batch_size):
        batch = gone[first:first + batch_size]
        marks = ",".join("?" * len(batch))
        with transaction(store.db):
            store.db.execute(f"DELETE FROM claims WHERE doc_no IN ({marks})", batch)
            store.db.execute(f"DELETE FROM documents WHERE doc_no IN ({marks})", batch)
        removed += len(batch)  # counted once committed, like the other stats
    return removed


def _changed_documents(store: ClaimStore, targets: Iterable[tuple[Path, str, SourceMeta]], key: str, stats: IndexStats,
                       in_flight: dict[str, _Planned]) -> Iterator[Document]:
    """Yield the files the store lacks or holds stale, read one at a time; ids are fixed here, in input order.
    An id is taken when the store holds it or a document planned and not yet written (`in_flight`) has it."""
    for path, resolved, listing in targets:
        try:
            data = path.read_bytes()  # read once: hashed here, decoded below if the store lacks it
        except OSError as exc:
            stats.errors.append(f"{path}: cannot read: {exc.strerror or exc}")
            continue
        content_hash = hashlib.sha256(data).hexdigest()
        listing_hash = hashlib.sha256(listing.model_dump_json().encode()).hexdigest()
        known = store.db.execute("SELECT doc_no, id, content_hash, listing_hash, extraction_key FROM documents"
                                 " WHERE path = ?", (resolved,)).fetchone()
        if known is None:
            doc_no, doc_id = None, _free_id(path, lambda c: c in in_flight or _id_in_store(store, c))
        elif tuple(known[2:]) == (content_hash, listing_hash, key):
            stats.unchanged += 1
            continue
        else:
            doc_no, doc_id = known[0], known[1]
        try:
            within_limit(path, len(data))
            document = document_of(path, article_text(data, path), listing, doc_id=doc_id, shown_path=resolved)
        except ClaimcheckError as exc:
            stats.errors.append(str(exc))
            continue
        in_flight[doc_id] = _Planned(path, listing, doc_id, doc_no, content_hash, listing_hash, key)
        yield document


def _id_in_store(store: ClaimStore, doc_id: str) -> bool:
    return store.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None


def _free_id(path: Path, taken: Callable[[str], bool]) -> str:
    """The file's stem, as `claimcheck check` would name it; a folder prefix (and a number) if already taken."""
    candidate, n = path.stem, 1
    while taken(candidate):
        candidate = f"{path.parent.name}/{path.stem}" + (f"-{n}" if n > 1 else "")
        n += 1
    return candidate


def _write(db: sqlite3.Connection, item: _Planned, document: Document, rows: list[ClaimRow]) -> None:
    published = document.published.isoformat() if document.published else None
    row = (document.id, document.path, document.outlet, published, document.title, document.url,
           document.body_start, item.content_hash, item.listing_hash, item.extraction_key, len(rows))
    if item.doc_no is None:
        doc_no = db.execute(
            "INSERT INTO documents (id, path, outlet, published, title, url, body_start, content_hash,"
            " listing_hash, extraction_key, claim_count) VALUES (?,?,?,?,?,?,?,?,?,?,?)", row).lastrowid
    else:
        doc_no = item.doc_no
        db.execute("DELETE FROM claims WHERE doc_no = ?", (doc_no,))
        db.execute("UPDATE documents SET id=?, path=?, outlet=?, published=?, title=?, url=?, body_start=?,"
                   " content_hash=?, listing_hash=?, extraction_key=?, claim_count=? WHERE doc_no=?",
                   (*row, doc_no))
    db.executemany("INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?)", [(doc_no, *claim) for claim in rows])


# A claim's row of the claims table, but for the document's number, which only the store knows.
ClaimRow = tuple[object, ...]


def claim_rows(document: Document, claims: list[Claim]) -> list[ClaimRow]:
    """The rows `index` writes for a document's claims. Made in the extraction worker: plain tuples
    and a JSON string pickle back to the indexing process several times faster than pydantic models."""
    published = document.published.isoformat() if document.published else None
    return [_claim_row(seq, claim, published) for seq, claim in enumerate(claims)]


def _claim_row(seq: int, claim: Claim, published: str | None) -> ClaimRow:
    horizon = claim.horizon_detail
    return (seq, claim.subject_key, claim.dimension, claim.unit, claim.source_key, published, horizon.kind,
            _iso(horizon.start), _iso(horizon.end), claim.model_dump_json())


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# --- querying ---------------------------------------------------------------------------------

def related_claims(store: ClaimStore, claims: Iterable[Claim], rules: RuleSet | None = None,
                   exclude_documents: Iterable[str] = (),
                   published_between: tuple[dt.date, dt.date] | None = None) -> tuple[list[Document], list[Claim]]:
    """The archive's claims the engine could group with `claims`, and their documents, in index order.

    Matched by subject key (widened to the subject's parts and wholes when `rules` are given, so officers
    meet troops), and by dimension for measures with no subject. `exclude_documents` drops archive
    documents by id, typically the drafts themselves: a draft supersedes its own earlier indexed version.
    `published_between` keeps archive documents published in that window (and those with no date).
    """
    claims = list(claims)
    keys = {c.subject_key for c in claims if c.subject_key}
    if rules is not None:
        keys = subject_family(keys, rules)
    dimensions = {c.dimension for c in claims if not c.subject_key and c.dimension}
    db = store.db
    db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (value TEXT PRIMARY KEY, is_key INTEGER NOT NULL)")
    db.execute("DELETE FROM wanted")
    db.executemany("INSERT OR IGNORE INTO wanted VALUES (?, 1)", [(k,) for k in keys])
    db.executemany("INSERT OR IGNORE INTO wanted VALUES (?, 0)", [(d,) for d in dimensions])
    low, high = (d.isoformat() for d in published_between) if published_between else ("", "9999")
    in_window = "(published IS NULL OR published BETWEEN :low AND :high)"
    rows = db.execute(
        f"SELECT doc_no, seq, body FROM claims WHERE subject_key IN (SELECT value FROM wanted WHERE is_key = 1)"
        f"   AND {in_window}"
        f" UNION ALL"
        f" SELECT doc_no, seq, body FROM claims WHERE subject_key IS NULL"
        f"   AND dimension IN (SELECT value FROM wanted WHERE is_key = 0) AND {in_window}",
        {"low": low, "high": high}).fetchall()
    return _assemble(db, rows, set(exclude_documents))


def subject_family(keys: set[str], rules: RuleSet) -> set[str]:
    """Keys plus the parts counted within them and the wholes they are part of."""
    family = set(keys)
    for entry in rules.subjects:
        if entry.head in keys or keys.intersection(entry.parts):
            family.add(entry.head)
            family.update(entry.parts)
    return family


def iter_partitions(store: ClaimStore, max_claims: int = 20_000) -> Iterator[tuple[list[Document], list[Claim]]]:
    """The whole archive in slices the engine can check one at a time, memory bounded by `max_claims`.

    A slice holds whole cells of (subject key, month of publication): a month is one news cycle, and
    without it one common subject ('people') would make a single group as large as the archive. One
    cell may exceed the bound alone. Claims with no subject key can only be compared within their
    document, so they come in slices of whole documents. Groups across cells are not formed.
    """
    db = store.db
    cells = db.execute("SELECT subject_key, substr(published, 1, 7), COUNT(*) FROM claims"
                       " WHERE subject_key IS NOT NULL GROUP BY 1, 2 ORDER BY 2, 1").fetchall()
    batch: list[tuple[str, str | None]] = []
    size = 0
    for key, month, count in cells:
        # A slice never spans two months: the engine groups whatever it is given, so the slice bounds groups.
        if batch and (size + count > max_claims or month != batch[-1][1]):
            yield _by_cells(db, batch)
            batch, size = [], 0
        batch.append((key, month))
        size += count
    if batch:
        yield _by_cells(db, batch)
    doc_nos = [row[0] for row in db.execute("SELECT doc_no FROM documents ORDER BY doc_no")]
    per_slice = max(1, max_claims // 20)
    for first in range(0, len(doc_nos), per_slice):
        low, high = doc_nos[first], doc_nos[min(first + per_slice, len(doc_nos)) - 1]
        rows = db.execute("SELECT doc_no, seq, body FROM claims WHERE subject_key IS NULL AND doc_no BETWEEN ? AND ?",
                          (low, high)).fetchall()
        if rows:
            yield _assemble(db, rows, set())


def _by_cells(db: sqlite3.Connection, cells: list[tuple[str, str | None]]) -> tuple[list[Document], list[Claim]]:
    rows: list[tuple[int, int, str]] = []
    for key, month in cells:
        if month is None:
            found = db.execute("SELECT doc_no, seq, body FROM claims WHERE subject_key = ? AND published IS NULL",
                               (key,))
        else:
            found = db.execute("SELECT doc_no, seq, body FROM claims WHERE subject_key = ?"
                               " AND published >= ? AND published < ?", (key, month, month + "~"))
        rows.extend(found)
    return _assemble(db, rows, set())


def _assemble(db: sqlite3.Connection, rows: list[tuple[int, int, str]],
              exclude: set[str]) -> tuple[list[Document], list[Claim]]:
    """Documents and claims in index order (document, then position), whatever order SQLite returned."""
    documents = _documents(db, sorted({doc_no for doc_no, _, _ in rows}))
    kept = {doc_no: doc for doc_no, doc in documents.items() if doc.id not in exclude}
    # Not with the collector paused (faster to read, 0.55 -> 0.43 s at 10k): the collections that run while a
    # slice loads are what free the cycles earlier slices left, and without them a 10k check peaked at 460 MB.
    claims = [Claim.model_validate_json(body) for doc_no, _, body in sorted(rows) if doc_no in kept]
    return list(kept.values()), claims


def _documents(db: sqlite3.Connection, doc_nos: list[int]) -> dict[int, Document]:
    found: dict[int, Document] = {}
    for start in range(0, len(doc_nos), 500):  # stay under SQLite's bound-variable limit
        part = doc_nos[start:start + 500]
        marks = ",".join("?" * len(part))
        for row in db.execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE doc_no IN ({marks})", part):
            doc_no, doc_id, path, outlet, published, title, url, body_start = row
            found[doc_no] = Document(id=doc_id, path=path, outlet=outlet, title=title, url=url,
                                     published=dt.date.fromisoformat(published) if published else None,
                                     body_start=body_start)
    return dict(sorted(found.items()))


def with_archive(documents: list[Document], claims: list[Claim], stores: Sequence[Path], rules: RuleSet,
                 window_days: int | None = None) -> tuple[list[Document], list[Claim]]:
    """Add each store's related documents and claims (see related_claims) to a draft run's own.

    `window_days` keeps archive articles published within that many days of the drafts (of today for
    undated drafts). Documents already in the run win over archive documents with the same id.
    """
    window = None
    if window_days is not None:
        dates = [d.published for d in documents if d.role == "draft" and d.published] or [dt.date.today()]
        margin = dt.timedelta(days=window_days)
        window = (min(dates) - margin, max(dates) + margin)
    taken = {d.id for d in documents}
    for path in stores:
        with open_store(path) as store:
            found_documents, found_claims = related_claims(store, claims, rules, taken, window)
        documents, claims = [*documents, *found_documents], [*claims, *found_claims]
        taken.update(d.id for d in found_documents)
    return documents, claims
