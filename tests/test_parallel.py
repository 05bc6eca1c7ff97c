"""--jobs N and --engine dask give exactly the claims of a single-process run, in input order."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.load import load_documents
from checker.models import Claim, Document
from checker.parallel import ParallelOptions, extract_all, extract_stream
from checker.ruleset import RuleSet
from scale_fixtures import install_stub, stub_extract_claims, write_articles


def as_json(claims: list[Claim]) -> list[str]:
    return [claim.model_dump_json() for claim in claims]


@pytest.fixture
def stubbed(monkeypatch: pytest.MonkeyPatch) -> None:
    install_stub(monkeypatch)


@pytest.fixture
def corpus(tmp_path: Path) -> list[Document]:
    write_articles(tmp_path / "a", 23)
    # A slow document early on finishes after later ones: output must still follow input order.
    write_articles(tmp_path / "a", 1, start=2, stem="slow")
    return load_documents([tmp_path / "a"]).documents


@pytest.fixture
def real_extraction() -> None:
    pytest.importorskip("checker.extract", reason="extraction has not landed in this checkout")


@pytest.mark.parametrize("options", [
    ParallelOptions(jobs=2),
    ParallelOptions(jobs=2, chunk_size=1),
    ParallelOptions(jobs=3, chunk_size=5),
    ParallelOptions(jobs=2, progress=True),
], ids=["auto-chunks", "chunks-of-1", "uneven-chunks", "with-progress"])
def test_process_pool_matches_single_process(stubbed: None, corpus: list[Document], options: ParallelOptions) -> None:
    expected = as_json(extract_all(corpus, RuleSet()))
    assert expected, "the stand-in extractor found nothing; the comparison would be empty"
    assert as_json(extract_all(corpus, RuleSet(), options)) == expected


def test_stream_pairs_each_document_with_its_own_claims(stubbed: None, corpus: list[Document]) -> None:
    pairs = list(extract_stream(iter(corpus), RuleSet(), ParallelOptions(jobs=2, chunk_size=2)))
    assert [doc.id for doc, _ in pairs] == [doc.id for doc in corpus]
    for document, claims in pairs:
        assert as_json(claims) == as_json(stub_extract_claims(document, RuleSet()))


@pytest.mark.parametrize("jobs", [1, 2])
def test_no_documents_no_claims(stubbed: None, jobs: int) -> None:
    assert extract_all([], RuleSet(), ParallelOptions(jobs=jobs)) == []


def _die(document: Document, rules: RuleSet, lexicon: object = None) -> list[Claim]:
    os._exit(3)


def test_a_dead_worker_is_a_one_line_input_error(monkeypatch: pytest.MonkeyPatch, corpus: list[Document]) -> None:
    install_stub(monkeypatch)
    monkeypatch.setattr(sys.modules["checker.extract"], "extract_claims", _die)
    with pytest.raises(InputError, match="worker died"):
        extract_all(corpus, RuleSet(), ParallelOptions(jobs=2))


def test_real_extraction_is_identical_across_jobs(real_extraction: None, seeds_dir: Path) -> None:
    from checker.ruleset import load_rules

    rules = load_rules()
    documents = load_documents([seeds_dir]).documents
    single = as_json(extract_all(documents, rules))
    assert single, "no claims in the sample corpus"
    assert as_json(extract_all(documents, rules, ParallelOptions(jobs=2, chunk_size=1))) == single


# --- dask -------------------------------------------------------------------------------------

@pytest.fixture
def forked_dask_workers(stubbed: None) -> object:
    """Dask workers forked from this process inherit the stand-in extractor (they are spawned by default)."""
    dask = pytest.importorskip("dask")
    pytest.importorskip("dask.distributed")
    with dask.config.set({"distributed.worker.multiprocessing-method": "fork"}):
        yield


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dask_local_cluster_matches_single_process(forked_dask_workers: object, corpus: list[Document]) -> None:
    expected = as_json(extract_all(corpus, RuleSet()))
    assert as_json(extract_all(corpus, RuleSet(), ParallelOptions(engine="dask", jobs=2))) == expected


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dask_with_a_scheduler_address(forked_dask_workers: object, corpus: list[Document]) -> None:
    from dask.distributed import LocalCluster

    expected = as_json(extract_all(corpus, RuleSet()))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        options = ParallelOptions(engine="dask", scheduler=cluster.scheduler_address, chunk_size=3)
        assert as_json(extract_all(corpus, RuleSet(), options)) == expected


def test_dask_real_extraction_matches_single_process(real_extraction: None, seeds_dir: Path) -> None:
    """Default (spawned) workers import claimcheck themselves: no state is shared with this process."""
    pytest.importorskip("dask.distributed")
    from checker.ruleset import load_rules

    rules = load_rules()
    documents = load_documents([seeds_dir]).documents
    single = as_json(extract_all(documents, rules))
    assert as_json(extract_all(documents, rules, ParallelOptions(engine="dask", jobs=2, chunk_size=1))) == single


def test_dask_unreachable_scheduler_is_an_input_error(stubbed: None, corpus: list[Document],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("dask.distributed")
    monkeypatch.setattr("checker.parallel.DASK_CONNECT_TIMEOUT", "1s")
    with pytest.raises(InputError, match="dask scheduler"):
        extract_all(corpus, RuleSet(), ParallelOptions(engine="dask", scheduler="tcp://127.0.0.1:9"))
