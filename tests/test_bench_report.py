"""scripts/bench.py's report: each size is set against plain quantulum3's runs around it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import bench  # noqa: E402


def _quantulum(kb_per_s: float) -> dict[str, Any]:
    return {"articles": 10, "bytes": kb_per_s * 1024 * 10, "cpu": 10.0, "found": 5}


def _size(before: float, after: float) -> dict[str, Any]:
    index = {"articles": 100, "bytes": 1024 * 1000 * 3, "claims": 10, "cpu": 2.0, "wall": 1.0, "peak_mb": 50.0,
             "errors": 0, "first_error": None}
    archive = {"claims": 10, "total_claims": 10, "cpu": 1.0, "wall": 1.0, "peak_mb": 60.0}
    check = {"archive": archive, "draft_total_median_s": 0.1, "draft_extract_median_s": 0.01,
             "draft_fetch_median_s": 0.01, "draft_check_median_s": 0.08, "draft_total_max_s": 0.2,
             "draft_related_claims": 5.0}
    return {"index": index, "check": check, "quantulum_before": _quantulum(before), "quantulum_after": _quantulum(after)}


def test_each_size_is_set_against_the_mean_of_the_baselines_around_it() -> None:
    # 3,000 KB in 3 CPU s together: 1,000 KB/s; plain read 40 KB/s before and 60 after -> 50 -> 20x
    results = {"quantulum": _quantulum(40.0), "extract": None, "jobs": 2, "cpus": 2, "window_days": 30,
               "sizes": {"1000": _size(40.0, 60.0)}, "skipped": {}}
    row = next(line for line in bench.report(results).splitlines() if line.strip().startswith("1,000"))
    assert " 20.0   50.0 |" in row
