"""Command line: `claimcheck check|extract|rules`. `main(argv) -> int` never raises for bad input."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

import click

from checker import __version__
from checker.atomic import write_atomic
from checker.config import load_config, load_config_file
from checker.errors import ClaimcheckError
from checker.formatters import FORMATTERS, RenderOptions, get_formatter
from checker.models import Report, Severity
from checker.parallel import ParallelOptions, progress_wanted
from checker.pipeline import RunOptions, run

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

paths_argument = click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
format_option = click.option("--format", "output_format", default=None,
                             type=click.Choice(sorted(FORMATTERS)), help="output format  [default: config format, else text]")
output_option = click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
                             help="write the report to this file (atomically) instead of stdout")
rules_option = click.option("--rules", "rules_dir", type=click.Path(path_type=Path, file_okay=False),
                            help="rules folder (default: config rules, else the rules/ shipped with claimcheck)")
config_option = click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False),
                             help="claimcheck.toml or pyproject.toml (default: looked up from the current folder)")
write_option = click.option("--write", "writes", multiple=True, metavar="FORMAT=PATH",
                            help="also write the report in FORMAT to PATH (repeatable; adds to config outputs)")
keep_going_option = click.option("--keep-going", is_flag=True,
                                 help="unreadable articles are reported but do not by themselves make the exit code 2")
jobs_option = click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
                           help="processes (or dask workers) extracting in parallel; output is identical")
engine_option = click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                             help="run extraction in local processes or on a Dask cluster")
scheduler_option = click.option("--scheduler", metavar="ADDRESS",
                                help="dask scheduler (tcp://host:8786); default: a local cluster of --jobs workers")
quiet_option = click.option("--quiet", "-q", is_flag=True,
                            help="no progress bar (there is none when stderr is not a terminal)")


def parallel_options(jobs: int, engine: str, scheduler: str | None, quiet: bool) -> ParallelOptions:
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    return ParallelOptions(jobs=jobs, engine=engine, scheduler=scheduler, progress=progress_wanted(quiet))


# Default reach of a draft into a claim store, in days either side of its publication date: a month
# covers a running story's coverage, and the cost grows with the claims fetched (on a 100k-article
# store, 0.4 s median in-process at 30 days, 0.9 s at 60; docs/bench.md).
STORE_WINDOW_DAYS = 30


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def cli() -> None:
    """Check the figures that several articles print about one story."""


@cli.command()
@paths_argument
@format_option
@output_option
@rules_option
@keep_going_option
@config_option
@write_option
@click.option("--fail-on", type=click.Choice([s.value for s in Severity]), default=None,
              help="exit 1 when a finding at or above this severity remains  [default: config fail-on, else error]")
@click.option("--against", "against", multiple=True, type=click.Path(path_type=Path),
              help="source articles or folders; PATHS are then drafts and only findings about them are reported")
@click.option("--waivers", type=click.Path(path_type=Path, dir_okay=False), help="YAML file of accepted findings")
@click.option("--window-days", type=click.IntRange(min=0), default=STORE_WINDOW_DAYS, show_default=True,
              help="with --against STORE.db: only archive articles published this many days around the drafts "
                   "(a whole archive is rarely about the same time, and fetching it all costs gigabytes)")
@jobs_option
@engine_option
@scheduler_option
@quiet_option
def check(paths: tuple[Path, ...], output_format: str | None, output: Path | None, rules_dir: Path | None,
          keep_going: bool, config_file: Path | None, writes: tuple[str, ...], fail_on: str | None,
          against: tuple[Path, ...], waivers: Path | None, window_days: int | None, jobs: int, engine: str,
          scheduler: str | None, quiet: bool) -> int:
    """Extract the figures in PATHS, group them and report inconsistencies.

    --against takes articles, folders or claim stores made by `claimcheck index`."""
    settings = load_config_file(config_file) if config_file else load_config(Path.cwd())
    severity = Severity(fail_on) if fail_on else settings.fail_on
    report = run(RunOptions(paths=list(paths), against=list(against), rules_dir=rules_dir or settings.rules,
                            waivers=waivers or settings.waivers, window_days=window_days,
                            parallel=parallel_options(jobs, engine, scheduler, quiet)))
    options = RenderOptions(view="check", fail_on=severity)
    for name, target in {**settings.outputs, **parse_writes(writes)}.items():
        write_atomic(target, get_formatter(name).render(report, options))
    emit(report, output_format or settings.format, output, options)
    return exit_code(report, severity, keep_going or settings.keep_going)


def parse_writes(writes: tuple[str, ...]) -> dict[str, Path]:
    targets: dict[str, Path] = {}
    for item in writes:
        name, sep, target = item.partition("=")
        if not sep or not target:
            raise click.BadParameter(f"'{item}': expected FORMAT=PATH, e.g. html=reports/story.html",
                                     param_hint="--write")
        try:
            get_formatter(name)
        except ClaimcheckError as exc:  # say which option named the unknown format
            raise click.BadParameter(str(exc), param_hint="--write") from None
        targets[name] = Path(target)
    return targets


@cli.command()
@paths_argument
@format_option
@output_option
@rules_option
@keep_going_option
@config_option
@jobs_option
@engine_option
@scheduler_option
@quiet_option
def extract(paths: tuple[Path, ...], output_format: str | None, output: Path | None, rules_dir: Path | None,
            keep_going: bool, config_file: Path | None, jobs: int, engine: str, scheduler: str | None,
            quiet: bool) -> int:
    """Print the claims table: every figure with its unit, subject, attribution, horizon and hedge."""
    settings = load_config_file(config_file) if config_file else load_config(Path.cwd())
    report = run(RunOptions(paths=list(paths), rules_dir=rules_dir or settings.rules, checks=False,
                            parallel=parallel_options(jobs, engine, scheduler, quiet)))
    emit(report, output_format or settings.format, output, RenderOptions(view="extract"))
    return EXIT_USAGE if report.errors and not (keep_going or settings.keep_going) else EXIT_CLEAN


@cli.command()
@click.argument("archive", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="claim store to create or bring up to date")
@click.option("--prune", is_flag=True,
              help="remove from the store the articles whose file is gone from an ARCHIVE folder")
@rules_option
@keep_going_option
@jobs_option
@engine_option
@scheduler_option
@quiet_option
def index(archive: tuple[Path, ...], db: Path, prune: bool, rules_dir: Path | None, keep_going: bool, jobs: int,
          engine: str, scheduler: str | None, quiet: bool) -> int:
    """Extract ARCHIVE's articles once into a claim store for `check DRAFT --against DB`.

    Re-running extracts only new and changed files (and all of them after a rules change);
    an interrupted run keeps what it finished, and the next run does the rest. A deleted file's
    articles stay in the store (a draft may still be checked against them) unless --prune is given;
    a missing or empty ARCHIVE folder is reported and never pruned."""
    from checker.ruleset import load_rules
    from checker.store import index_paths, open_store

    rule_set = load_rules(rules_dir)
    with open_store(db, create=True) as store:
        stats = index_paths(store, list(archive), rule_set, parallel_options(jobs, engine, scheduler, quiet),
                            prune=prune)
        documents, claims = store.counts()
    for error in stats.errors:
        click.echo(f"claimcheck: {error}", err=True)
    click.echo(f"{stats.summary()}; {db} now holds {documents} documents and {claims} claims")
    return EXIT_USAGE if stats.errors and not keep_going else EXIT_CLEAN


@cli.command()
@rules_option
def rules(rules_dir: Path | None) -> int:
    """List the checks with their codes, names, default severities and summaries."""
    from checker.checks import all_checks
    from checker.ruleset import load_rules

    load_rules(rules_dir)  # a broken rules folder should say so here too
    for check_class in all_checks():
        click.echo(f"{check_class.code}  {check_class.name:<24} {check_class.default_severity.value:<8} "
                   f"{check_class.summary}")
    return EXIT_CLEAN


def emit(report: Report, output_format: str, output: Path | None, options: RenderOptions) -> None:
    formatter = get_formatter(output_format)
    to_terminal = output is None and sys.stdout.isatty()
    text = formatter.render(report, options.model_copy(update={"color": to_terminal}))
    if output is not None:
        write_atomic(output, text)
    else:
        click.echo(text, nl=False)
    for error in report.errors:
        click.echo(f"claimcheck: {error}", err=True)


def exit_code(report: Report, fail_on: Severity, keep_going: bool) -> int:
    if report.errors and not keep_going:
        return EXIT_USAGE
    worst = report.worst()
    return EXIT_FINDINGS if worst is not None and worst.rank >= fail_on.rank else EXIT_CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    # CI cancels a job with SIGTERM; turned into an interrupt it unwinds like Ctrl-C, so --output keeps
    # the previous report and no temp file is left behind.
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if in_main_thread else None
    try:
        return _main(argv)
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _main(argv: Sequence[str] | None) -> int:
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name="claimcheck",
                          standalone_mode=False)
    except click.exceptions.Exit as exc:  # --help, --version
        return int(exc.exit_code or 0)
    except click.exceptions.Abort:
        click.echo("claimcheck: interrupted", err=True)
        return 130
    except click.ClickException as exc:
        click.echo(f"claimcheck: {exc.format_message()}", err=True)
        return EXIT_USAGE
    except ClaimcheckError as exc:
        click.echo(f"claimcheck: {exc}", err=True)
        return exc.exit_code
    except BrokenPipeError:
        return EXIT_CLEAN
    except Exception as exc:  # a bug of ours: still one line for the editor; CLAIMCHECK_DEBUG=1 shows the traceback
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        click.echo(f"claimcheck: internal error: {type(exc).__name__}: {exc} "
                   "(set CLAIMCHECK_DEBUG=1 for the traceback, and please report it)", err=True)
        return EXIT_INTERNAL
    return int(result) if isinstance(result, int) else EXIT_CLEAN
