"""Score claimcheck's extractor against plain quantulum3 and the story gold; print one table.

    python scripts/eval.py [--shared ../shared] [--repeat 1] [--workdir DIR]

Runs scripts/predict_claimcheck.py and SHARED/eval/predict_quantulum3.py on each benchmark,
scores both with SHARED/eval/score_extraction.py, then runs SHARED/eval/score_story.py on
SHARED/eval/seeds-gold with the claimcheck CLI. Every step is a subprocess, so the shared
scripts stay the single source of truth. Without the shared folder it says so and exits 0,
so `make eval` degrades gracefully on machines that lack the evaluation material.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# (benchmark file under benchmarks/, how our predictor maps counts for it)
BENCHMARKS = [("newsquant/newsquant.jsonl", "newsquant"), ("quantulum3/quantities.jsonl", "quantulum3")]
_THROUGHPUT = re.compile(r"([\d,]+) chars/s")


@dataclass
class Run:
    value_f1: float | None = None
    value_unit_f1: float | None = None
    chars_per_s: float | None = None


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=False)


def _predict_and_score(predictor: list[str], bench: Path, pred: Path, scorer: Path) -> Run:
    run = Run()
    predicted = _run([*predictor[:2], str(bench), str(pred), *predictor[2:]])
    found = _THROUGHPUT.search(predicted.stdout)
    if found:
        run.chars_per_s = float(found.group(1).replace(",", ""))
    if not pred.is_file():
        print(f"  {Path(predictor[1]).name} failed: {predicted.stderr.strip()[-300:]}", file=sys.stderr)
        return run
    scored = _run([sys.executable, str(scorer), str(bench), str(pred), "--json"])
    if scored.returncode == 0:
        report = json.loads(scored.stdout)["all"]
        run.value_f1, run.value_unit_f1 = report["value"]["f1"], report["value+unit"]["f1"]
    return run


def _fmt(number: float | None, digits: int = 1) -> str:
    return "-" if number is None else f"{number:,.{digits}f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared evaluation folder")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes per predictor (best is reported)")
    parser.add_argument("--workdir", type=Path, help="keep predictions here (default: a temporary folder)")
    args = parser.parse_args()
    shared = args.shared.resolve()
    scorer = shared / "eval" / "score_extraction.py"
    if not scorer.is_file():
        print(f"eval skipped: no shared evaluation folder at {shared} (pass --shared PATH)")
        return 0

    with tempfile.TemporaryDirectory() as scratch:
        workdir = args.workdir or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        rows = []
        for name, convention in BENCHMARKS:
            bench = shared / "benchmarks" / name
            if not bench.is_file():
                continue
            stem = bench.stem
            ours = _predict_and_score(
                [sys.executable, str(REPO / "scripts" / "predict_claimcheck.py"), "--repeat", str(args.repeat),
                 "--convention", convention], bench, workdir / f"claimcheck-{stem}.jsonl", scorer)
            theirs = _predict_and_score(
                [sys.executable, str(shared / "eval" / "predict_quantulum3.py"), "--repeat", str(args.repeat)],
                bench, workdir / f"quantulum3-{stem}.jsonl", scorer)
            ratio = ours.chars_per_s / theirs.chars_per_s if ours.chars_per_s and theirs.chars_per_s else None
            rows.append([stem, _fmt(ours.value_f1), _fmt(ours.value_unit_f1), _fmt(theirs.value_f1),
                         _fmt(theirs.value_unit_f1), _fmt(ours.chars_per_s, 0), _fmt(theirs.chars_per_s, 0),
                         "-" if ratio is None else f"{ratio:.1f}x"])
        header = ["benchmark", "ours value F1", "ours value+unit F1", "q3 value F1", "q3 value+unit F1",
                  "ours chars/s", "q3 chars/s", "speed ratio"]
        widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            print("  ".join(str(cell).rjust(width) for cell, width in zip(row, widths)))

    story = shared / "eval" / "score_story.py"
    gold = shared / "eval" / "seeds-gold"
    if story.is_file() and gold.is_dir():
        claimcheck = Path(sys.executable).parent / "claimcheck"
        program = str(claimcheck) if claimcheck.is_file() else f"{sys.executable} -m checker.cli"
        command = [sys.executable, str(story), str(gold), "--cmd", f"{program} check {{dir}} --format json"]
        result = _run(command)
        print("\nstory gold (score_story.py):")
        print((result.stdout or result.stderr).strip()[-2000:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
