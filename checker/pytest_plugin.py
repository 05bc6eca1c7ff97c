"""The pytest gate: `pytest --claimcheck STORY_FOLDER` turns every subject group into a test.

Active only when asked: `--claimcheck PATH` on the command line, or `stories = [...]` in a
`[tool.claimcheck]` table (pyproject.toml) or claimcheck.toml. Otherwise this module registers
its options and nothing else, so projects that merely have claimcheck installed see no change.

Each story folder is one collector; each subject group one item named after its subject
(`pytest -k troops`), plus `ungrouped` for findings outside any group and `inputs` for articles
that could not be read. A group fails when it holds a finding at or above --claimcheck-fail-on
(default: the config's fail-on, else error); the failure is the claims table with the quoted
sentences, not a traceback. The report comes from `checker.pipeline.run`, exactly as for the CLI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from checker.models import Finding, Group, Report, Severity

SEVERITIES = ("info", "warning", "error")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("claimcheck", "claimcheck: numeric-claim consistency gate")
    group.addoption("--claimcheck", action="append", default=[], metavar="PATH", dest="claimcheck_paths",
                    help="check this story folder (repeatable); one test per subject group")
    group.addoption("--claimcheck-fail-on", choices=SEVERITIES, default=None, dest="claimcheck_fail_on",
                    help="fail a group on findings at or above this severity (default: config fail-on, else error)")
    group.addoption("--claimcheck-rules", default=None, metavar="DIR", dest="claimcheck_rules",
                    help="rules folder (default: config rules, else the rules shipped with claimcheck)")
    group.addoption("--claimcheck-waivers", default=None, metavar="FILE", dest="claimcheck_waivers",
                    help="YAML file of accepted findings (default: config waivers)")


@dataclass(frozen=True)
class GatePlan:
    stories: list[Path]
    fail_on: str
    rules: Path | None = None
    waivers: Path | None = None
    labels: dict[Path, str] = field(default_factory=dict)
    from_command_line: bool = False


def _configured(rootpath: Path) -> bool:
    """Cheap test, before importing anything of ours: is there claimcheck configuration at all?"""
    if (rootpath / "claimcheck.toml").is_file():
        return True
    pyproject = rootpath / "pyproject.toml"
    try:
        text = pyproject.read_text("utf-8") if pyproject.is_file() else ""
        return re.search(r"^\s*\[\s*tool\.claimcheck", text, re.M) is not None
    except (OSError, UnicodeDecodeError):
        return False


def gate_plan(config: pytest.Config) -> GatePlan | None:
    """What to check, or None when the gate was not asked for."""
    cli_paths: list[str] = config.getoption("claimcheck_paths") or []
    if not cli_paths and not _configured(config.rootpath):
        return None
    from checker.config import Config, load_config
    from checker.errors import ClaimcheckError

    try:
        settings = load_config(config.rootpath) if _configured(config.rootpath) else Config()
    except ClaimcheckError as exc:
        raise pytest.UsageError(f"claimcheck: {exc}") from None
    invocation = config.invocation_params.dir
    stories = [(invocation / p).resolve() for p in cli_paths] or [p.resolve() for p in settings.stories]
    if not stories:
        return None
    missing = [p for p in stories if not p.is_dir()]
    if missing:
        raise pytest.UsageError(f"claimcheck: {missing[0]}: no such story folder")
    rules_option, waivers_option = config.getoption("claimcheck_rules"), config.getoption("claimcheck_waivers")
    return GatePlan(
        stories=stories,
        fail_on=config.getoption("claimcheck_fail_on") or settings.fail_on.value,
        rules=(invocation / rules_option) if rules_option else settings.rules,
        waivers=(invocation / waivers_option) if waivers_option else settings.waivers,
        labels={p: _label(p, config.rootpath) for p in stories},
        from_command_line=bool(cli_paths),
    )


def _label(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.resolve()).as_posix() or path.name
    except ValueError:
        return path.name


def pytest_configure(config: pytest.Config) -> None:
    plan = gate_plan(config)
    if plan is not None:
        config.pluginmanager.register(ClaimcheckGate(plan, config), "claimcheck-gate")


class ClaimcheckGate:
    """Registered only when the gate is asked for: story folders become collectors of the session."""

    def __init__(self, plan: GatePlan, config: pytest.Config) -> None:
        self.plan = plan
        # A story folder outside the paths pytest was going to collect is added to them, so that
        # `pytest --claimcheck seeds` collects seeds/ next to the test suite (and -k, -m, --co work as usual).
        # Stories named only in the config are not added when the user picked what to run (`pytest tests/x.py`).
        if plan.from_command_line or config.args_source != pytest.Config.ArgsSource.ARGS:
            collected = [(config.invocation_params.dir / arg.split("::")[0]).resolve() for arg in config.args]
            for story in plan.stories:
                if not any(story == path or path in story.parents for path in collected):
                    config.args.append(str(story))

    def pytest_report_header(self) -> str:
        stories = ", ".join(self.plan.labels.values())
        return f"claimcheck: {stories} (fail on {self.plan.fail_on})"

    @pytest.hookimpl(tryfirst=True)
    def pytest_collect_directory(self, path: Path, parent: pytest.Collector) -> pytest.Collector | None:
        if path.resolve() in self.plan.stories:
            return StoryCollector.from_parent(parent, path=path, plan=self.plan)
        return None


class StoryCollector(pytest.Directory):
    """One story folder: its articles run through the pipeline once, one item per subject group."""

    def __init__(self, *, plan: GatePlan, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.plan = plan

    def collect(self) -> list[pytest.Item]:
        from checker import pipeline
        from checker.errors import ClaimcheckError
        from checker.models import Severity

        try:
            report = pipeline.run(pipeline.RunOptions(paths=[self.path], rules_dir=self.plan.rules,
                                                      waivers=self.plan.waivers))
        except ClaimcheckError as exc:
            return [InputsItem.from_parent(self, name="inputs", problems=[str(exc)])]
        fail_on = Severity(self.plan.fail_on)
        items: list[pytest.Item] = []
        for name, group in zip(item_names(report.groups), report.groups):
            findings = [f for f in report.findings if f.group == group.id]
            items.append(GroupItem.from_parent(self, name=name, report=report, group=group, findings=findings,
                                               fail_on=fail_on))
        grouped = {g.id for g in report.groups}
        ungrouped = [f for f in report.findings if f.group not in grouped]
        if ungrouped or not items:
            items.append(GroupItem.from_parent(self, name="ungrouped", report=report, group=None,
                                               findings=ungrouped, fail_on=fail_on))
        if report.errors:
            items.append(InputsItem.from_parent(self, name="inputs", problems=list(report.errors)))
        return items


def item_names(groups: list[Group]) -> list[str]:
    """Readable, -k friendly and unique: the subject slug, with the unit when subjects repeat."""
    slugs = [_slug(g.subject) for g in groups]
    names: list[str] = []
    for slug, group in zip(slugs, groups):
        name = slug if slugs.count(slug) == 1 else f"{slug}-{_slug(group.unit or group.id)}"
        while name in names:
            name += f"-{group.id}"
        names.append(name)
    return names


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-") or "subject"


class ClaimcheckFailure(Exception):
    """Raised by a story item; its text is the whole failure report."""


class StoryItem(pytest.Item):
    """A story check whose failure is a readable report, never a traceback."""

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ClaimcheckFailure):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"claimcheck {self.nodeid}"


class GroupItem(StoryItem):
    def __init__(self, *, report: Report, group: Group | None, findings: list[Finding], fail_on: Severity,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.report, self.group, self.findings, self.fail_on = report, group, findings, fail_on

    def runtest(self) -> None:
        from checker.formatters.evidence import failing

        failures = [f for f in self.findings if failing(f, self.fail_on)]
        if failures:
            raise ClaimcheckFailure(self.failure_text(failures))

    def failure_text(self, failures: list[Finding]) -> str:
        """The group's claims table and its findings with quoted sentences, as `claimcheck check` prints them."""
        from checker.formatters.base import RenderOptions
        from checker.formatters.text import TextFormatter

        subject = f"subject '{self.group.subject}'" if self.group else "figures outside any subject group"
        plural = "s" if len(failures) != 1 else ""
        head = f"claimcheck: {len(failures)} finding{plural} at or above {self.fail_on.value} for {subject}"
        claim_ids = set(self.group.claims) if self.group else {i for f in self.findings for i in f.claims}
        part = self.report.model_copy(update={
            "claims": [c for c in self.report.claims if c.id in claim_ids],
            "groups": [self.group] if self.group else [],
            "findings": self.findings,
            "errors": [],
        })
        width = max(self.config.get_terminal_writer().fullwidth, 100)
        return head + "\n\n" + TextFormatter().render(part, RenderOptions(width=width)).rstrip()


class InputsItem(StoryItem):
    """Articles or configuration that could not be read: a failure naming them, one line each."""

    def __init__(self, *, problems: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problems = problems

    def runtest(self) -> None:
        raise ClaimcheckFailure("claimcheck could not read its inputs:\n" + "\n".join(f"  {p}" for p in self.problems))
