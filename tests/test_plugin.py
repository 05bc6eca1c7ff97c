"""The pytest gate, driven through pytester.

Most tests replace `checker.pipeline.run` with the hand-built flood report so that they test the
gate (items, names, -k, fail-on, failure text, activation) and not extraction; one runs the real
pipeline end to end on a small story of our own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import pipeline
from checker.errors import InputError
from checker.models import Report
from report_fixtures import build_report

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestAssertRewriteWarning")


# Hypothesis' terminal summary costs ~1.5 s per inner session and has nothing to say here.
QUIET = ("-p", "no:hypothesispytest", "-p", "no:cacheprovider")


def run_gate(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest(*QUIET, *args)


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> list[pipeline.RunOptions]:
    """The gate's pipeline calls, answered with the fixture report."""
    calls: list[pipeline.RunOptions] = []

    def run(options: pipeline.RunOptions, rules: object = None) -> Report:
        calls.append(options)
        return build_report()

    monkeypatch.setattr(pipeline, "run", run)
    return calls


@pytest.fixture
def story(pytester: pytest.Pytester) -> Path:
    folder = pytester.mkdir("flood")
    (folder / "a.txt").write_text("placeholder", encoding="utf-8")
    return folder


def test_inactive_without_option_or_config(pytester: pytest.Pytester, fake_pipeline: list) -> None:
    pytester.makepyfile("def test_ok():\n    assert True\n")
    result = run_gate(pytester)
    result.assert_outcomes(passed=1)
    assert fake_pipeline == []
    assert "claimcheck: " not in result.stdout.str()  # no report header, no story items


def test_one_item_per_subject_group(pytester: pytest.Pytester, story: Path, fake_pipeline: list) -> None:
    result = run_gate(pytester, "--claimcheck", "flood", "--collect-only", "-q")
    result.stdout.fnmatch_lines([
        "flood::displaced-residents",
        "flood::damaged-homes",
        "flood::river-crest",
        "flood::ungrouped",
    ])
    assert [o.paths for o in fake_pipeline] == [[story.resolve()]]


@pytest.mark.parametrize(
    ("fail_on", "failed", "passed"),
    [
        # errors: river crest (CC101), ungrouped (CC301, CC401)
        ("error", 2, 2),
        # warnings too: displaced residents (CC201, CC202); damaged homes' warning is waived
        ("warning", 3, 1),
        # info too: damaged homes fails on CC503
        ("info", 4, 0),
    ],
)
def test_fail_on_threshold(pytester: pytest.Pytester, story: Path, fake_pipeline: list,
                           fail_on: str, failed: int, passed: int) -> None:
    result = run_gate(pytester, "--claimcheck", "flood", "--claimcheck-fail-on", fail_on)
    result.assert_outcomes(failed=failed, passed=passed)


def test_k_selects_a_subject(pytester: pytest.Pytester, story: Path, fake_pipeline: list) -> None:
    result = run_gate(pytester, "--claimcheck", "flood", "-k", "crest")
    result.assert_outcomes(failed=1, deselected=3)


def test_failure_is_a_table_not_a_traceback(pytester: pytest.Pytester, story: Path, fake_pipeline: list) -> None:
    result = run_gate(pytester, "--claimcheck", "flood", "-k", "crest")
    output = result.stdout.str()
    assert "claimcheck: 1 finding at or above error for subject 'river crest'" in output
    for expected in ("6.2 meters", "6.8 metres", "hydrologists", "CC101 contradiction",
                     "“The river crested at 6.2 meters overnight.”"):
        assert expected in output
    assert "Traceback" not in output
    assert "ClaimcheckFailure" not in output
    assert "pytest_plugin.py" not in output


def test_config_names_the_stories(pytester: pytest.Pytester, story: Path, fake_pipeline: list) -> None:
    pytester.makepyprojecttoml('[tool.claimcheck]\nstories = ["flood"]\nfail-on = "warning"\n')
    result = run_gate(pytester)
    result.assert_outcomes(failed=3, passed=1)
    assert "claimcheck: flood (fail on warning)" in result.stdout.str()


def test_config_stories_stay_out_of_an_explicit_selection(pytester: pytest.Pytester, story: Path,
                                                         fake_pipeline: list) -> None:
    pytester.makepyprojecttoml('[tool.claimcheck]\nstories = ["flood"]\n')
    pytester.makepyfile(test_unit="def test_ok():\n    assert True\n")
    result = run_gate(pytester, "test_unit.py")
    result.assert_outcomes(passed=1)
    assert fake_pipeline == []


def test_command_line_beats_config_fail_on(pytester: pytest.Pytester, story: Path, fake_pipeline: list) -> None:
    pytester.makepyprojecttoml('[tool.claimcheck]\nstories = ["flood"]\nfail-on = "info"\n')
    result = run_gate(pytester, "--claimcheck-fail-on", "error")
    result.assert_outcomes(failed=2, passed=2)


def test_bad_config_is_a_usage_error(pytester: pytest.Pytester, fake_pipeline: list) -> None:
    pytester.makepyprojecttoml('[tool.claimcheck]\nstories = ["flood"]\nfail-on = "sometimes"\n')
    result = run_gate(pytester)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*pyproject.toml:3: tool.claimcheck.fail-on: Input should be*"])


def test_missing_story_folder_is_a_usage_error(pytester: pytest.Pytester, fake_pipeline: list) -> None:
    result = run_gate(pytester, "--claimcheck", "no-such-folder")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*claimcheck: */no-such-folder: no such story folder"])


def test_unreadable_story_fails_one_item(pytester: pytest.Pytester, story: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def run(options: pipeline.RunOptions, rules: object = None) -> Report:
        raise InputError(f"{options.paths[0]}: no articles (*.txt, *.md) in this folder")

    monkeypatch.setattr(pipeline, "run", run)
    result = run_gate(pytester, "--claimcheck", "flood")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*claimcheck could not read its inputs:*", "*flood: no articles*"])
    assert "Traceback" not in result.stdout.str()


def test_story_outside_the_test_paths_is_added(pytester: pytest.Pytester, story: Path, fake_pipeline: list) -> None:
    (pytester.mkdir("tests") / "test_unit.py").write_text("def test_ok():\n    assert True\n", encoding="utf-8")
    result = run_gate(pytester, "tests", "--claimcheck", "flood")
    result.assert_outcomes(passed=3, failed=2)


FLOOD_STORY = {
    "gazette.txt": "The river crested at 6.2 meters on Monday, the national weather service said.\n",
    "post.txt": "The river crested at 8.9 meters on Monday, the national weather service said.\n",
}


def test_real_pipeline_end_to_end(pytester: pytest.Pytester) -> None:
    folder = pytester.mkdir("crest")
    for name, text in FLOOD_STORY.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = run_gate(pytester, "--claimcheck", "crest", "--claimcheck-fail-on", "warning", "-rA")
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed", 0) >= 1, result.stdout.str()
    assert "6.2 meters" in result.stdout.str() and "8.9 meters" in result.stdout.str()
