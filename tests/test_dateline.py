"""The dateline's time of day: read from an article's header lines only, and used to tell apart a
moving count's same-day reports hours apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.extract.dateline import published_time
from checker.pipeline import RunOptions, run


@pytest.mark.parametrize(("header", "expected"), [
    ("KPA | Kestrian Press Agency\n14 April 2026, 09:36 | VELMORA CITY\n", dt.time(9, 36)),
    ("THE CASTAMIR HERALD\nBy Mirela Thorsby\nTuesday 14 April 2026, 21:30\n", dt.time(21, 30)),
    ("Updated 16:05, Tuesday 3 March 2026\n", dt.time(16, 5)),
    ("Published 12 March 2026 | Updated 13:20\n", dt.time(13, 20)),  # the update's time
    ("Sept 16, 2026 9:30pm ET\n", dt.time(21, 30)),
    ("Posted 3.15pm, March 3 2026\n", dt.time(15, 15)),
    ("Get the briefing in your inbox every Monday at 8am.\n", None),  # no year, no 'published': a newsletter's
    ("Listen: lunchtime bulletin (1:45)\n", None),  # a duration
    ("Shares fall 3.45% in 2026\n", None),
    ("Eggs now cost €4.50 in 2026\n", None),
    ("12 March 2026\n", None),
])
def test_the_datelines_time(header: str, expected: dt.time | None) -> None:
    assert published_time(header + "\nThe body starts here.\n") == expected


def test_an_event_time_in_the_body_is_no_dateline() -> None:
    body = "Headline\n\n" + "\n\n".join(["A long paragraph of the story. " * 6] * 3)
    body += "\n\nThe train derailed at 10:47 on Monday 13 April 2026."
    assert published_time(body) is None


def _story(tmp_path: Path, articles: list[tuple[str, str]]) -> list[str]:
    lines = []
    for number, (published, text) in enumerate(articles, 1):
        (tmp_path / f"a{number}.txt").write_text(text + "\n", encoding="utf-8")
        lines.append(f"a{number}.txt: {{outlet: Outlet {number}, published: {published}}}")
    (tmp_path / "sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = run(RunOptions(paths=[tmp_path]))
    return [f.rule for f in report.findings if f.severity.value in ("warning", "error")]


MORNING = "WIRE\n14 April 2026, 09:36\n\nFive people were still missing, the fire service said."
EVENING = "HERALD\nTuesday 14 April 2026, 21:30\n\nThree people were still missing, the fire service said."


def test_a_morning_wire_and_an_evening_paper_report_two_times_of_a_count(tmp_path: Path) -> None:
    assert _story(tmp_path, [("2026-04-14", MORNING), ("2026-04-14", EVENING)]) == []


def test_without_datelines_the_same_day_counts_still_disagree(tmp_path: Path) -> None:
    undated = [(day, text.split("\n\n", 1)[1]) for day, text in [("2026-04-14", MORNING), ("2026-04-14", EVENING)]]
    assert _story(tmp_path, undated) != []


def test_a_settled_figure_keeps_no_hour(tmp_path: Path) -> None:
    morning = "WIRE\n10 November 2025 | 07:12\n\nFinal turnout was 64.8%, the election commission said."
    evening = "PAPER\n10 November 2025, 16:15\n\nFinal turnout was 71%, the election commission said."
    assert _story(tmp_path, [("2025-11-10", morning), ("2025-11-10", evening)]) != []


WIRE = "WIRE\n14 April 2026, 09:36\n\nThe regional health ministry said 52 people were still in hospital on Tuesday morning."
BULLETIN = ("RADIO\n\nIn its latest bulletin, issued at 6pm on Tuesday, the regional health ministry said 47 people "
            "remained in hospital.")
EVENING_PAPER = "HERALD\nTuesday 14 April 2026, 21:30\n\nIn its 6pm bulletin the ministry said 41 people remained in hospital."


def test_a_morning_count_and_an_evening_bulletin_are_two_times(tmp_path: Path) -> None:
    assert _story(tmp_path, [("2026-04-14", WIRE), ("2026-04-15", BULLETIN)]) == []


def test_one_evening_bulletin_printed_two_ways_disagrees(tmp_path: Path) -> None:
    # "the ministry" in one article and "the regional health ministry" in another are one voice
    assert "contradiction" in _story(tmp_path, [("2026-04-14", EVENING_PAPER), ("2026-04-15", BULLETIN)])


def test_a_change_taking_effect_on_a_day_meets_that_days_figure(tmp_path: Path) -> None:
    on_the_day = "The regulator said its price cap would rise by 6.4% on 1 April."
    from_the_day = "The regulator said its price cap would rise by 4.6% from 1 April."
    assert "contradiction" in _story(tmp_path, [("2026-02-21", on_the_day), ("2026-02-23", from_the_day)])
