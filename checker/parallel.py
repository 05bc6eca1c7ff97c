"""Extraction on every core (`--jobs N`) or on a Dask cluster (`--engine dask`), streamed in input order.

Documents go to workers in small chunks; results come back in the order the documents went in, never
in completion order, so claim ids and report bytes are the same whatever the engine or job count.
At most a few chunks per worker are in flight, so memory stays flat however long the input stream is.
"""

from __future__ import annotations

import importlib
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from dataclasses import dataclass
from itertools import islice
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from checker.errors import InputError
from checker.lexicon import Lexicon
from checker.models import Claim, Document
from checker.ruleset import RuleSet

Engine = Literal["local", "dask"]
Extracted = tuple[Document, list[Claim]]
T = TypeVar("T")
# What a worker makes of one document's claims before sending them back (a module-level function: it is pickled).
Finish = Callable[[Document, list[Claim]], T]
CHUNKS_IN_FLIGHT_PER_WORKER = 4
# Consecutive articles go to one worker in chunks this long: fewer tasks to pickle, and a worker sees
# a story's reprints together, so its sentence caches (checker/extract/memo.py) hit (16 -> 64: +9% per core).
MAX_CHUNK = 64
DASK_CONNECT_TIMEOUT = "10s"


class ParallelOptions(BaseModel):
    """How to spread extraction. The defaults run in this process, exactly like the plain pipeline."""

    model_config = ConfigDict(frozen=True)

    jobs: int = Field(1, ge=1, description="worker processes (local) or workers of a LocalCluster (dask)")
    engine: Engine = "local"
    scheduler: str | None = Field(None, description="dask scheduler address; without it a LocalCluster is started")
    progress: bool = Field(False, description="draw a progress bar on stderr")
    chunk_size: int | None = Field(None, ge=1, description="documents per task; None picks one from the input size")


def progress_wanted(quiet: bool) -> bool:
    """A bar only helps a person watching a terminal; logs and pipes get none."""
    return not quiet and sys.stderr.isatty()


def extract_all(documents: Sequence[Document], rules: RuleSet, options: ParallelOptions | None = None) -> list[Claim]:
    """Every document's claims, concatenated in document order."""
    claims: list[Claim] = []
    for _, found in extract_stream(documents, rules, options, total=len(documents)):
        claims.extend(found)
    return claims


def extract_stream(
    documents: Iterable[Document],
    rules: RuleSet,
    options: ParallelOptions | None = None,
    total: int | None = None,
    errors: list[str] | None = None,
) -> Iterator[Extracted]:
    """Yield (document, its claims) in input order. `total` (if known) sizes chunks and the progress bar.

    With an `errors` list, a document whose extraction raises is left out and its error appended
    ("path: extraction failed: ..."), so one odd article cannot stop a long index; without, it raises.
    """
    return extract_finished(documents, rules, claims_as_they_are, options, total, errors)


def claims_as_they_are(document: Document, claims: list[Claim]) -> list[Claim]:
    return claims


def extract_finished(
    documents: Iterable[Document],
    rules: RuleSet,
    finish: Finish[T],
    options: ParallelOptions | None = None,
    total: int | None = None,
    errors: list[str] | None = None,
) -> Iterator[tuple[Document, T]]:
    """extract_stream, with each document's claims passed through `finish` where they were extracted:
    the store's workers send back the rows it writes, which pickle several times faster than models."""
    options = options or ParallelOptions()
    chunk_size = options.chunk_size or _auto_chunk_size(total, options.jobs)
    keep_going = errors is not None
    stream: Iterator[Result[T]]
    if options.engine == "dask":
        stream = _dask_stream(_chunks(documents, chunk_size), rules, options, keep_going, finish)
    elif options.jobs > 1:
        stream = _pool_stream(_chunks(documents, chunk_size), rules, options.jobs, keep_going, finish)
    else:
        lexicon = Lexicon(rules)
        stream = ((doc, _extract(doc, rules, lexicon, keep_going, finish)) for doc in documents)
    with _ProgressBar(total) if options.progress else nullcontext() as bar:
        for document, result in stream:
            if bar is not None:
                bar.advance()
            if isinstance(result, _Failure):
                assert errors is not None
                errors.append(f"{document.path}: extraction failed: {result.message}")
                continue
            yield document, result


def _auto_chunk_size(total: int | None, jobs: int) -> int:
    """Small inputs still feed every worker; big ones amortise the per-task pickling."""
    if total is None or jobs == 1:
        return MAX_CHUNK
    return max(1, min(MAX_CHUNK, -(-total // (jobs * CHUNKS_IN_FLIGHT_PER_WORKER))))


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass(frozen=True)
class _Failure:
    message: str


Result = tuple[Document, T | _Failure]


def _extract(document: Document, rules: RuleSet, lexicon: Lexicon, keep_going: bool,
             finish: Finish[T]) -> T | _Failure:
    # Looked up per call, not bound at import: the extraction stack (quantulum3) loads only where it runs.
    extract_claims = importlib.import_module("checker.extract").extract_claims
    if not keep_going:
        return finish(document, extract_claims(document, rules, lexicon))
    try:
        return finish(document, extract_claims(document, rules, lexicon))
    except Exception as exc:  # an extraction bug on one article; the caller reports it and carries on
        return _Failure(f"{type(exc).__name__}: {exc}")


# --- worker side ------------------------------------------------------------------------------
# Module globals, because a process pool's initializer can only hand state to later tasks this way.

_worker_rules: RuleSet | None = None
_worker_lexicon: Lexicon | None = None


def _init_worker(rules: RuleSet) -> None:
    """Runs once per worker process: the rules are unpickled and the lexicon built once, not per chunk."""
    global _worker_rules, _worker_lexicon
    _worker_rules, _worker_lexicon = rules, Lexicon(rules)


def _extract_chunk(documents: list[Document], keep_going: bool, finish: Finish[T]) -> list[T | _Failure]:
    assert _worker_rules is not None and _worker_lexicon is not None, "worker not initialised"
    return [_extract(doc, _worker_rules, _worker_lexicon, keep_going, finish) for doc in documents]


def _extract_chunk_with(rules: RuleSet, documents: list[Document], keep_going: bool,
                        finish: Finish[T]) -> list[T | _Failure]:
    """Dask task: the scattered rules are one object per worker, so the lexicon is rebuilt only when it changes."""
    if _worker_rules is not rules:
        _init_worker(rules)
    return _extract_chunk(documents, keep_going, finish)


# --- engines ----------------------------------------------------------------------------------

def _in_order(
    chunks: Iterator[list[Document]], submit: Callable[[list[Document]], Any], window: int
) -> Iterator[tuple[list[Document], Any]]:
    """Submit up to `window` chunks ahead and hand back each chunk with its future, oldest first."""
    pending: deque[tuple[list[Document], Any]] = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= window:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def _pool_stream(chunks: Iterator[list[Document]], rules: RuleSet, jobs: int, keep_going: bool,
                 finish: Finish[T]) -> Iterator[Result[T]]:
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(rules,))
    try:
        for chunk, future in _in_order(chunks, lambda c: pool.submit(_extract_chunk, c, keep_going, finish),
                                       jobs * CHUNKS_IN_FLIGHT_PER_WORKER):
            yield from zip(chunk, _result(future))
    finally:
        # An interrupted consumer (Ctrl-C, a failed batch) must not wait for work nobody will read.
        pool.shutdown(wait=True, cancel_futures=True)


def _result(future: Future[list[T | _Failure]]) -> list[T | _Failure]:
    try:
        return future.result()
    except BrokenProcessPool as exc:  # a worker died (OOM killer, segfault): say so in one line
        raise InputError(f"an extraction worker died: {exc}") from exc


def _dask_stream(chunks: Iterator[list[Document]], rules: RuleSet, options: ParallelOptions,
                 keep_going: bool, finish: Finish[T]) -> Iterator[Result[T]]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError("--engine dask needs dask.distributed: pip install 'claimcheck[dask]'") from None
    cluster = None
    if options.scheduler:
        try:
            client = Client(options.scheduler, timeout=DASK_CONNECT_TIMEOUT)
        except (OSError, ValueError) as exc:  # refused, timed out, or not an address at all
            raise InputError(f"cannot reach the dask scheduler at {options.scheduler}: {exc}") from None
    else:
        # Loopback only: a local run must never listen on a public interface.
        cluster = LocalCluster(n_workers=options.jobs, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        shared_rules = client.scatter(rules, broadcast=True)
        workers = max(1, len(client.scheduler_info().get("workers", {})))

        def submit(chunk: list[Document]) -> Any:
            return client.submit(_extract_chunk_with, shared_rules, chunk, keep_going, finish, pure=False)

        for chunk, future in _in_order(chunks, submit, workers * CHUNKS_IN_FLIGHT_PER_WORKER):
            yield from zip(chunk, future.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --- progress ---------------------------------------------------------------------------------

class _ProgressBar:
    """rich.progress without its refresh thread: a thread alive while the pool forks workers can deadlock them."""

    REFRESH_SECONDS = 0.2

    def __init__(self, total: int | None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                  console=Console(stderr=True), auto_refresh=False, transient=True)
        self._task = self._progress.add_task("extract", total=total)
        self._last = 0.0

    def __enter__(self) -> _ProgressBar:
        self._progress.start()
        return self

    def advance(self) -> None:
        self._progress.advance(self._task)
        now = time.monotonic()
        if now - self._last >= self.REFRESH_SECONDS:
            self._progress.refresh()
            self._last = now

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()
