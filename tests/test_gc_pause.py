"""checker.gc_pause: the collector is paused inside the block and back on after it, whatever
happens inside; the block's cyclic garbage is still freed; a caller's own choice is kept."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from checker.gc_pause import gc_paused
from checker.load import load_documents
from checker.parallel import extract_all
from checker.ruleset import load_rules
from checker.runner import run_checks

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_collector_is_off_inside_and_on_after() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_comes_back_on_after_an_exception() -> None:
    with pytest.raises(RuntimeError):
        with gc_paused():
            raise RuntimeError("a check failed")
    assert gc.isenabled()


def test_cyclic_garbage_of_the_block_is_freed_when_it_ends() -> None:
    with gc_paused():
        node = _Node()
        alive = weakref.ref(node)
        del node
        assert alive() is not None  # nothing collects it while paused
    assert alive() is None


def test_a_caller_that_turned_the_collector_off_keeps_it_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            with gc_paused():  # nested: the outer block decides
                pass
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_checking_leaves_the_collector_on() -> None:
    rules = load_rules()
    documents = load_documents([SEEDS]).documents
    groups, findings = run_checks(documents, extract_all(documents, rules), rules)
    assert groups and findings and gc.isenabled()
