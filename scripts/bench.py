"""`make bench`: claimcheck's throughput, growth and peak memory against plain quantulum3.

    python scripts/bench.py [--sizes 1000,10000,100000] [--jobs 2] [--sample 200] [--json OUT]

One run builds a deterministic synthetic corpus (scripts/make_corpus.py, in a temp folder that is
deleted afterwards), then measures, each in a fresh subprocess so peak memory is comparable:
  * plain quantulum3 `parser.parse` over a fixed sample of the same corpus (on 100k articles it would
    take hours), on one core: first, and again after each size, since this machine's speed drifts
    10-20% within a run; each size is set against the mean of the runs just before and after it;
  * `index`: streaming extraction of the first N articles into a claim store, with --jobs workers;
  * `check`: every claim in the store run through the checks, one subject-key slice at a time;
  * `drafts`: the latency of checking single drafts against the store (`check draft --against
    store.db`), in a fresh process of its own, as the command runs.
"Per core" figures divide by CPU seconds (this process and its workers), so they do not depend on
--jobs or on other processes; wall-clock figures are printed beside them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import write_corpus  # noqa: E402

SCRIPT = Path(__file__).resolve()
# Touches dates, counts, percentages and a unit conversion, so every lazily loaded table is loaded.
WARM_UP_TEXT = ("On 1 November officials said 3,000 people had left an area of\n"
                "1,300 square kilometres (500 square miles), up 12% from 2023.")


# --- measurements, each run in its own subprocess ------------------------------------------------

def _articles(corpus: Path, count: int) -> list[Path]:
    return sorted(corpus.glob("*.md"))[:count]


def _usage() -> dict[str, float]:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
            "peak_mb": max(me.ru_maxrss, kids.ru_maxrss) / 1024, "wall": time.perf_counter()}


def _spent(before: dict[str, float]) -> dict[str, float]:
    after = _usage()
    return {"cpu": after["cpu"] - before["cpu"], "wall": after["wall"] - before["wall"], "peak_mb": after["peak_mb"]}


def measure_quantulum(corpus: str, count: int) -> dict[str, Any]:
    # The baseline the issue names: plain quantulum3, imported here only to be measured against.
    from quantulum3 import parser

    paths = _articles(Path(corpus), count)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    parser.parse("warm-up: 3 km and 12 people")  # loads its models before the clock starts
    before = _usage()
    quantities = sum(len(parser.parse(text)) for text in texts)
    return {"articles": len(texts), "bytes": sum(p.stat().st_size for p in paths), "found": quantities,
            **_spent(before)}


def measure_extract(corpus: str, count: int) -> dict[str, Any]:
    """Extraction alone on the baseline's sample, one core: in corpus order (sentences that other
    articles of the sample printed first are remembered), then each article alone (every text-keyed
    cache emptied before it, as if no article repeated another's sentences)."""
    from checker.extract import extract_claims, forget_sentences
    from checker.lexicon import Lexicon
    from checker.load import load_document
    from checker.ruleset import load_rules

    rules = load_rules()
    lexicon = Lexicon(rules)
    _warm_up(rules)
    paths = _articles(Path(corpus), count)
    documents = [load_document(path, {}) for path in paths]
    result: dict[str, Any] = {"articles": len(documents), "bytes": sum(p.stat().st_size for p in paths)}
    for mode in ("in_order", "alone"):
        forget_sentences()
        before = _usage()
        for document in documents:
            if mode == "alone":
                forget_sentences()
            extract_claims(document, rules, lexicon)
        result[mode] = _spent(before)
    return result


def _warm_up(rules: Any, checks: bool = False) -> None:
    """Load the lazy tables before the clock starts (quantulum3's unit list: seconds; with `checks`,
    pandas for grouping too); forked workers inherit them, as any long-running indexer would have them."""
    from checker.extract import extract_claims
    from checker.models import Document
    from checker.runner import run_checks

    document = Document(id="warm-up", path="warm-up.txt", text=WARM_UP_TEXT)
    claims = extract_claims(document, rules)
    if checks:
        run_checks([document], claims, rules)


def measure_index(corpus: str, count: int, db: str, jobs: int) -> dict[str, Any]:
    from checker.parallel import ParallelOptions
    from checker.ruleset import load_rules
    from checker.store import index_paths, open_store

    rules = load_rules()
    _warm_up(rules)
    paths = _articles(Path(corpus), count)
    size = sum(p.stat().st_size for p in paths)
    before = _usage()
    with open_store(Path(db), create=True) as store:
        stats = index_paths(store, paths, rules, ParallelOptions(jobs=jobs))
    return {"articles": stats.added, "bytes": size, "claims": stats.claims, "errors": len(stats.errors),
            "first_error": stats.errors[0] if stats.errors else None,
            "db_mb": Path(db).stat().st_size / 1e6, **_spent(before)}


def measure_check(corpus: str, count: int, db: str, budget: float) -> dict[str, Any]:
    """Every stored claim through the checks, one slice at a time, up to `budget` seconds."""
    from checker.ruleset import load_rules
    from checker.runner import run_checks
    from checker.store import iter_partitions, open_store

    rules = load_rules()
    _warm_up(rules, checks=True)
    with open_store(Path(db)) as store:
        before = _usage()
        claims = groups = findings = 0
        for documents, part in iter_partitions(store):
            found_groups, found = run_checks(documents, part, rules)
            claims, groups, findings = claims + len(part), groups + len(found_groups), findings + len(found)
            if time.perf_counter() - before["wall"] > budget:
                break  # the rest is extrapolated from the claims checked so far, and the report says so
        return {"archive": {"claims": claims, "total_claims": store.counts()[1], "groups": groups,
                            "findings": findings, **_spent(before)}}


def measure_drafts(corpus: str, count: int, db: str, drafts: int, window_days: int) -> dict[str, Any]:
    """Drafts checked against the store, timed one by one in a fresh process (as `check --against`
    runs), after the one-off lazy loads."""
    from checker.extract import extract_claims
    from checker.lexicon import Lexicon
    from checker.load import load_document
    from checker.ruleset import load_rules
    from checker.runner import run_checks
    from checker.store import open_store, related_claims

    rules = load_rules()
    lexicon = Lexicon(rules)
    _warm_up(rules, checks=True)
    with open_store(Path(db)) as store:
        paths = _articles(Path(corpus), count)
        steps: dict[str, list[float]] = {"extract": [], "fetch": [], "check": [], "total": []}
        pulled, failed = [], 0
        for path in paths[:: max(1, len(paths) // drafts)]:
            if len(pulled) == drafts:
                break
            clock = [time.perf_counter()]
            draft = load_document(path, {}, role="draft")
            try:
                draft_claims = extract_claims(draft, rules, lexicon)
            except Exception:  # an extraction bug on this article; the index run reports those
                failed += 1
                continue
            clock.append(time.perf_counter())
            assert draft.published is not None
            margin = dt.timedelta(days=window_days)
            window = (draft.published - margin, draft.published + margin)
            documents, related = related_claims(store, draft_claims, rules, {draft.id}, window)
            clock.append(time.perf_counter())
            run_checks([draft, *documents], [*draft_claims, *related], rules)
            clock.append(time.perf_counter())
            for name, start, end in zip(["extract", "fetch", "check"], clock, clock[1:]):
                steps[name].append(end - start)
            steps["total"].append(clock[-1] - clock[0])
            pulled.append(len(related))
    return {"draft_related_claims": statistics.mean(pulled), "draft_failed": failed,
            **{f"draft_{name}_median_s": statistics.median(times) for name, times in steps.items()},
            "draft_total_max_s": max(steps["total"])}


MEASURES = {"quantulum": measure_quantulum, "extract": measure_extract, "index": measure_index,
            "check": measure_check, "drafts": measure_drafts}


def run_child(measure: str, **params: Any) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter, so ru_maxrss is that measurement's own peak."""
    done = subprocess.run([sys.executable, str(SCRIPT), "--child", measure, json.dumps(params)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"bench: the {measure} measurement failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the run and its report ---------------------------------------------------------------------

def kb_per_s(size: float, seconds: float) -> float:
    return size / 1024 / seconds if seconds else math.inf


def bench(sizes: list[int], jobs: int, sample: int, drafts: int, seed: int, workdir: Path,
          budget: float, window_days: int, max_minutes: float) -> dict[str, Any]:
    corpus = workdir / "corpus"
    started = time.perf_counter()
    written = write_corpus(corpus, max(sizes[0], sample), seed)
    baseline = run_child("quantulum", corpus=str(corpus), count=sample)
    say(f"plain quantulum3: {baseline['articles']} articles in {baseline['cpu']:.1f} CPU s")
    extraction = run_child("extract", corpus=str(corpus), count=sample)
    results: dict[str, Any] = {"sizes": {}, "skipped": {}, "quantulum": baseline, "extract": extraction,
                               "jobs": jobs, "seed": seed,
                               "cpus": os.cpu_count(), "window_days": window_days}
    have, last = max(sizes[0], sample), None  # last: (size, fixed seconds, seconds per article)
    before = baseline
    for n in sizes:
        if last is not None:
            # Time grows about linearly, so the last size predicts this one; skip what would overrun.
            _, fixed, per_article = last
            projected = fixed + per_article * n
            if time.perf_counter() - started + projected > max_minutes * 60:
                results["skipped"][n] = projected
                say(f"{n:>7,} articles: skipped, projected {projected / 60:.0f} min (--max-minutes {max_minutes:g})")
                continue
        if n > have:
            written += write_corpus(corpus, n, seed, start=have)
            have = n
        size_started = time.perf_counter()
        db = str(workdir / f"store-{n}.db")
        indexed = run_child("index", corpus=str(corpus), count=n, db=db, jobs=jobs)
        say(f"{n:>7,} articles: indexed in {indexed['wall']:.0f}s wall")
        checked = run_child("check", corpus=str(corpus), count=n, db=db, budget=budget)
        checked.update(run_child("drafts", corpus=str(corpus), count=n, db=db, drafts=drafts, window_days=window_days))
        say(f"{n:>7,} articles: checked {checked['archive']['claims']:,} of {checked['archive']['total_claims']:,}"
            f" claims in {checked['archive']['wall']:.0f}s wall")
        # the machine's speed drifts 10-20% within a run here: plain quantulum3 is read again after each
        # size, and each size is set against the mean of the baselines before and after it
        after = run_child("quantulum", corpus=str(corpus), count=sample)
        say(f"plain quantulum3 again: {after['articles']} articles in {after['cpu']:.1f} CPU s")
        results["sizes"][n] = {"index": indexed, "check": checked, "quantulum_before": before, "quantulum_after": after}
        before = after
        Path(db).unlink(missing_ok=True)
        growing = indexed["wall"] + checked["archive"]["wall"]  # start-up and the drafts do not grow with n
        last = (n, time.perf_counter() - size_started - growing, growing / n)
    say(f"corpus: {have:,} articles, {written / 1e6:.0f} MB (seed {seed}); total {time.perf_counter() - started:.0f}s")
    return results


def report(results: dict[str, Any]) -> str:
    q = results["quantulum"]
    q_rate = kb_per_s(q["bytes"], q["cpu"])
    lines = [
        f"plain quantulum3 parser.parse on a FIXED SAMPLE of {q['articles']} articles of the same corpus"
        " (all of them would take hours), one core:",
        f"  {q_rate:,.1f} KB/s, {q['articles'] / q['cpu']:,.1f} articles/s per core ({q['found']} quantities)",
        *_extraction_lines(results.get("extract"), q_rate),
        "",
        f"claimcheck, --jobs {results['jobs']} on {results['cpus']} CPUs. Per core = bytes / CPU seconds of all its"
        " processes. index = extract + write the claim store; check = every stored claim through the checks,"
        " one (subject, month) slice at a time (* = stopped at the budget, extrapolated from the claims checked);"
        " plain = quantulum3's KB/s on the sample, the mean of its runs just before and just after the size.",
        f"{'articles':>9} {'MB':>6} {'claims':>8} | {'index':>5} {'KB/s/core':>9} {'art/s/core':>10} {'wall s':>6}"
        f" {'peak MB':>7} | {'check':>5} {'KB/s/core':>9} {'wall s':>6} {'peak MB':>7} | {'both':>4} {'KB/s/core':>9}"
        f" {'x plain':>7} {'plain':>6} | {'draft: med s (extract/fetch/check)':>34} {'max s':>5} {'pulled':>6}",
    ]
    index_cpu: dict[int, float] = {}
    check_cpu: dict[int, float] = {}
    for n, row in sorted(((int(k), v) for k, v in results["sizes"].items())):
        ix, ck = row["index"], row["check"]
        archive, size = ck["archive"], ix["bytes"]
        partial = archive["claims"] < archive["total_claims"]
        check_seconds = archive["cpu"] * archive["total_claims"] / max(1, archive["claims"])
        index_cpu[n], check_cpu[n] = ix["cpu"], check_seconds
        both = ix["cpu"] + check_seconds
        plain = _bracketing_rate(row, q_rate)
        lines.append(
            f"{n:>9,} {size / 1e6:>6.1f} {ix['claims']:>8,} |       {kb_per_s(size, ix['cpu']):>9,.0f}"
            f" {ix['articles'] / ix['cpu']:>10,.1f} {ix['wall']:>6.0f} {ix['peak_mb']:>7.0f} |"
            f"       {kb_per_s(size, check_seconds):>8,.0f}{'*' if partial else ' '} {archive['wall']:>6.0f}"
            f" {archive['peak_mb']:>7.0f} |      {kb_per_s(size, both):>9,.0f} {kb_per_s(size, both) / plain:>7.1f}"
            f" {plain:>6.1f} |"
            f" {ck['draft_total_median_s']:>6.3f} ({ck['draft_extract_median_s']:.3f}/{ck['draft_fetch_median_s']:.3f}/"
            f"{ck['draft_check_median_s']:.3f}) {ck['draft_total_max_s']:>11.2f} {ck['draft_related_claims']:>6,.0f}")
    for n, projected in results.get("skipped", {}).items():
        lines.append(f"{int(n):>9,} skipped: projected {projected / 60:.0f} min at the measured rate"
                     " (raise --max-minutes to run it)")
    failures = [(n, row["index"]) for n, row in results["sizes"].items() if row["index"]["errors"]]
    for n, ix in failures:
        lines.append(f"  {int(n):,}: {ix['errors']} articles failed extraction and are not counted;"
                     f" first: {ix['first_error']}")
    if len(index_cpu) > 1:
        lines += ["", "growth (CPU time ~ n^k; k = 1.00 is linear): "
                  f"index k = {_exponent(index_cpu):.2f}, check k = {_exponent(check_cpu):.2f}"]
    lines += ["draft vs store: load + extract one draft, fetch the store's claims with the draft's subject keys"
              f" published within {results['window_days']} days (pulled = claims fetched), run the checks;"
              " timed in a process of its own after its one-off loads, without interpreter start-up."]
    return "\n".join(lines)


def _bracketing_rate(row: dict[str, Any], first_rate: float) -> float:
    """Plain quantulum3's rate around one size's measurements (runs before and after it); JSON from
    before the baseline was re-measured has neither, and keeps the run's first rate."""
    rates = [kb_per_s(q["bytes"], q["cpu"]) for q in (row.get("quantulum_before"), row.get("quantulum_after")) if q]
    return sum(rates) / len(rates) if rates else first_rate


def _extraction_lines(extraction: dict[str, Any] | None, q_rate: float) -> list[str]:
    if not extraction:
        return []
    lines = ["claimcheck extraction alone on the same sample, one core:"]
    for mode, words in (("in_order", "in corpus order (sentences other articles printed first are remembered)"),
                        ("alone", "each article alone (text caches emptied before each: no reprints)")):
        rate = kb_per_s(extraction["bytes"], extraction[mode]["cpu"])
        lines.append(f"  {rate:,.0f} KB/s, {extraction['articles'] / extraction[mode]['cpu']:,.1f} articles/s per core,"
                     f" {rate / q_rate:.1f} x plain: {words}")
    return lines


def _exponent(cpu_by_size: dict[int, float]) -> float:
    small, large = min(cpu_by_size), max(cpu_by_size)
    return math.log(cpu_by_size[large] / cpu_by_size[small]) / math.log(large / small)


def say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        print(json.dumps(MEASURES[sys.argv[2]](**json.loads(sys.argv[3]))))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sample", type=int, default=200, help="articles for the plain quantulum3 baseline")
    parser.add_argument("--drafts", type=int, default=20, help="drafts timed against each store")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--check-budget", type=float, default=120,
                        help="seconds of whole-archive checking per size; the rest is extrapolated")
    parser.add_argument("--window-days", type=int, default=30, help="draft check: archive articles this near only")
    parser.add_argument("--max-minutes", type=float, default=15,
                        help="skip a size whose projected time would take the run past this")
    parser.add_argument("--json", type=Path, help="also write the raw measurements here")
    args = parser.parse_args()
    sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(","))
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        results = bench(sizes, args.jobs, args.sample, args.drafts, args.seed, Path(tmp), args.check_budget,
                        args.window_days, args.max_minutes)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
