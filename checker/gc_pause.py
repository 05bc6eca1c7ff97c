"""Pause CPython's cyclic garbage collector around a bounded burst of allocation.

Checking one slice of an archive builds hundreds of thousands of objects (claims, statements,
pools, evidence) that all live until the check returns. The collector triggers on allocation
counts, so during such a burst it traverses the same growing set of survivors again and again,
finding nothing to free: on a month of a 100k-article archive that was a third of the check's
time, and the share grew with the slice (checking grew as n^1.16). With the collector paused for
the burst and one young-generation pass at the end (every object the burst allocated is young
then), each object is traversed once and the burst's cyclic garbage is still freed.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """The collector off inside the block (unless the caller already turned it off), then one
    collection of the block's young objects; nested blocks leave it to the outermost."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(0)
