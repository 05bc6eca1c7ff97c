"""Run claimcheck's figure extractor over a benchmark JSONL and write predictions in its shape.

    python scripts/predict_claimcheck.py BENCH.jsonl PRED.jsonl [--repeat 3]

Same output and timing report as /work/shared/eval/predict_quantulum3.py, so the two score
side by side with score_extraction.py. Two mappings follow the benchmarks' annotation
conventions rather than claimcheck's own Figure fields:
  * low/high are written only for ranges and vague amounts (is_range); a hedge's one-sided
    or +-tolerance bounds are claimcheck's interpretation, not a written interval;
  * a count's unit is its whole counted noun phrase ("first-team player"), as NewsQuant
    annotates it, where Figure.unit keeps only the head noun ("player"); with
    --convention quantulum3 a count has no unit, as quantulum3's own tests annotate it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("benchmark", type=Path)
    ap.add_argument("predictions", type=Path)
    ap.add_argument("--repeat", type=int, default=1, help="timed passes over the benchmark (best is reported)")
    ap.add_argument("--convention", choices=("newsquant", "quantulum3"), default="newsquant",
                    help="how counts are annotated: the counted noun as unit (newsquant) or none (quantulum3)")
    args = ap.parse_args()

    rows = load_jsonl(args.benchmark)
    texts = [r["text"] for r in rows]

    t0 = time.perf_counter()
    from checker.extract.figures import find_figures
    from checker.extract.hybrid import clear_caches
    from checker.extract.nouns import noun_phrase
    from checker.extract.types import Figure
    from checker.ruleset import load_rules

    rules = load_rules()
    t_import = time.perf_counter() - t0
    t1 = time.perf_counter()
    # The second sentence loads quantulum3's parser, which the extractor asks about rare unit forms.
    find_figures("The warm-up sentence weighs 3 kg and costs $4. It draws 4 J/m^2.", rules)
    t_first = time.perf_counter() - t1

    def to_prediction(text: str, figure: Figure) -> dict[str, Any]:
        unit = figure.unit
        if figure.kind == "count" and args.convention == "quantulum3":
            unit = None  # quantulum3 calls "3,000 troops" a dimensionless 3,000
        elif figure.kind == "count" and figure.unit_span is not None:
            phrase = noun_phrase(text[figure.unit_span[0]:figure.unit_span[1]])
            if unit and unit in phrase.split():  # a counted noun, not a dimensionless unit ("ppb")
                unit = phrase
        ranged = figure.is_range
        return {
            "surface": figure.text,
            "value": figure.value,
            "unit": unit,
            "low": figure.low if ranged else None,
            "high": figure.high if ranged else None,
            "span": [figure.start, figure.end],
            "kind": figure.kind,
            "qualifier": figure.qualifier,
        }

    results: list[list[dict[str, Any]]] = []
    errors: list[str] = []
    pass_times = []
    for rep in range(max(1, args.repeat)):
        current: list[list[dict[str, Any]]] = []
        current_errors: list[str] = []
        clear_caches()  # every pass pays for its own quantulum3 look-ups, as a first run would
        start = time.perf_counter()
        for row, text in zip(rows, texts):
            try:
                current.append([to_prediction(text, f) for f in find_figures(text, rules)])
            except Exception as exc:  # counted, reported and scored as empty, like the quantulum3 runner
                current.append([])
                current_errors.append(f"{row.get('id')}: {type(exc).__name__}: {exc}")
        pass_times.append(time.perf_counter() - start)
        if rep == 0:
            results, errors = current, current_errors

    args.predictions.parent.mkdir(parents=True, exist_ok=True)
    with args.predictions.open("w", encoding="utf-8") as fh:
        for row, quantities in zip(rows, results):
            fh.write(json.dumps({"id": row.get("id"), "text": row["text"], "quantities": quantities},
                                ensure_ascii=False) + "\n")

    best = min(pass_times)
    n_chars = sum(len(t) for t in texts)
    print(f"benchmark        {args.benchmark}")
    print(f"load             import {t_import:.2f}s + first parse {t_first:.2f}s")
    print(f"sentences        {len(rows)} ({n_chars} chars), {len(errors)} raised")
    print(f"throughput       {len(rows) / best:.1f} sentences/s, {n_chars / best:,.0f} chars/s "
          f"(best of {len(pass_times)} passes: {best:.2f}s; median {statistics.median(pass_times):.2f}s)")
    for e in errors[:10]:
        print(f"  raised: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
