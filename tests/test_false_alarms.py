"""False alarms found on new story cases (tests/stories): each article pair here once raised a finding
at warning or error that a fact-checker would not. The checks must stay quiet on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.pipeline import RunOptions, run

CASES = {
    "money-with-no-named-subject": [
        ("2025-09-03", "The government has budgeted €310 million for border protection this year."),
        ("2025-09-03", "Deputy mayor Peeter Hallik said the city had received €4 million from the government this year."),
    ],
    "whole-named-before-its-part": [
        ("2025-07-15", "Of the 41 deaths, 17 occurred at home or on the way to hospital, the ministry said."),
        ("2025-07-15", "The ministry said 41 people had died in the outbreak."),
    ],
    "count-on-a-day-inside-a-total-over-weeks": [
        ("2025-07-16", "The treatment centre has 120 beds, but 164 patients were being treated there on Tuesday."),
        ("2025-07-17", "Siloam Aid said its centres had admitted 540 patients since late June."),
    ],
    # an unlisted subject ('miners') with what befell some of them is a part of it, not a second count
    "what-befell-some-of-an-unlisted-subject": [
        ("2026-03-10", "Rescuers race to reach 27 miners at Haldon colliery\n\n"
                       "Rescue teams drilled through the night at the Haldon colliery, its owner said on Tuesday. "
                       "Two miners were taken to hospital with leg injuries, the owner said."),
    ],
    "workers-underground-are-not-the-workforce": [
        ("2026-03-11", "Ms Voss said the company had 113 workers underground at the time of the collapse."),
        ("2026-03-10", "The colliery employs about 1,400 people and produced 2.3 million tonnes of coal last year."),
    ],
    # a loan's size and a monthly saving in one currency are two sums ('crowns' were counted as things)
    "a-loan-and-a-monthly-saving": [
        ("2026-09-17", "Mortgage lenders said the cut would save a typical borrower with a 200,000-crown loan about "
                       "30 crowns a month."),
    ],
    # the whole of 'seven of the committee's nine members' is no count of those who voted otherwise
    "dissenters-of-a-stated-whole": [
        ("2026-09-17", "The decision was backed by seven of the committee's nine members. Two members voted to "
                       "keep the rate unchanged."),
    ],
    # a bare mass names no subject: a ship's cargo and what it spilt are two quantities
    "a-cargo-and-a-leak": [
        ("2026-05-06", "A tanker carrying about 80,000 tonnes of crude oil has leaked an estimated 1,200 tonnes "
                       "into the sea after a collision on Monday, the coastguard said."),
        ("2026-05-07", "The ship was carrying about 80,000 tonnes when it collided with a cargo vessel on Monday."),
    ],
    # two groups a sentence sets against each other ('compared with') are never one count
    "a-group-compared-with-another": [
        ("2026-10-16", "Seven vaccinated volunteers caught the disease over the winter, compared with 40 who were "
                       "given a placebo."),
    ],
    # 'only 1,200 of the volunteers' counts some of them
    "some-of-the-enrolled": [
        ("2026-10-14", "The late-stage trial enrolled 24,960 volunteers in 17 countries, the company said."),
        ("2026-10-14", "Dr Amira Kessel noted that only 1,200 of the volunteers were over 80."),
    ],
    # the customers whose data was stolen are a part of all the company's customers, and so are those
    # whose bank details were taken
    "customers-whose-data-was-stolen": [
        ("2026-07-08", "Hackers steal data of 4.2 million Telvane customers\n\n"
                       "Bank details of around 180,000 customers were also taken, Telvane said. The company has about "
                       "11 million customers in total."),
    ],
    # a daily average with no noun ("6,000 a day") is a rate of what the sentence counts, never its total
    "a-bare-daily-average-and-a-total": [
        ("2026-05-01", "Crossings have averaged about 6,000 a day since March 1, the interior ministry said."),
        ("2026-05-01", "The interior ministry said 360,000 crossings had been recorded since March 1."),
    ],
    # the last few brought out are some of all the survivors; the two who died overnight are of the six
    "the-last-five-of-the-survivors": [
        ("2025-03-13", "Rescuers brought the last five survivors to the surface late on Wednesday, ending an operation "
                       "that saved 25 miners, officials said on Thursday."),
    ],
    "the-deaths-that-raised-a-toll": [
        ("2026-03-04", "The number of people killed has risen to six after two injured workers died overnight at "
                       "Harlow General Hospital, the health authority said on Wednesday."),
    ],
    # 'that year' is the 2021 the sentence before named, never this year's record
    "a-year-named-the-sentence-before": [
        ("2025-06-04", "This is the largest single seizure at Hallen since 2021, officials said. That year officers "
                       "found 1.6 tonnes of cocaine in a consignment of coffee beans."),
        ("2025-06-07", "Last year's record was 5.1 tonnes of cocaine seized at Hallen in 2024."),
    ],
    # league goals are some of the goals in all competitions
    "league-goals-and-all-goals": [
        ("2025-08-26", "Dalmar scored 31 goals in all competitions last season."),
        ("2025-08-28", "Last season he was the league's top scorer with 24 league goals."),
    ],
    # a toll that rose in the afternoon is later than the morning's
    "a-morning-toll-and-an-afternoon-toll": [
        ("2025-09-16", "The hurricane killed at least seven people, the Civil Protection Agency said on Tuesday."),
        ("2025-09-16", "The number of people killed rose to nine on Tuesday afternoon, the Civil Protection Agency said."),
    ],
    "a-width-is-no-depth": [
        ("2026-03-11", "The men had been trapped about 640 metres below ground since Monday morning."),
        ("2026-03-10", "Emergency chief Tomas Eker said a second shaft, about 0.8 metres wide, could take four to "
                       "six days to drill."),
    ],
    # two kinds of zone drawn around one site; "a 3km (1.9 miles) protection zone" measures the zone
    "a-protection-zone-and-a-surveillance-zone": [
        ("2026-02-16", "The ministry has declared a 3km (1.9 miles) protection zone and a 10km (6.2 miles) "
                       "surveillance zone around the farm."),
    ],
    # customers still out and customers whose power is back move apart; neither is the customer base
    "customers-out-and-customers-restored": [
        ("2026-01-27", "Nearly 200,000 BPL customers back on as cleanup enters second day\n\n"
                       "As of 6 a.m. Tuesday, 214,000 BPL customers were still without service, the company said."),
        ("2026-01-27", "BPL said it had restored power to nearly 200,000 customers since outages peaked."),
    ],
    # crews in the field on a day are not the workforce, which a week of mutual aid grows
    "line-workers-in-the-field-are-not-the-workforce": [
        ("2026-01-26", "Company spokesman Lyle Vantreese said 3,100 line workers were in the field on Monday."),
        ("2026-01-29", "BPL's field force has grown to about 6,300 workers."),
    ],
    # "four more farms" are added to the three before, never the total of seven
    "more-farms-are-an-increment": [
        ("2026-02-12", "Four more farms have tested positive this week, the ministry said, adding to the three where "
                       "the virus was first confirmed. The outbreak has now reached seven farms, the ministry said."),
    ],

    # cruise passengers are counted apart from an airline's international passengers
    "cruise-passengers-and-air-passengers": [
        ("2026-01-13", "Ships brought 612,000 cruise passengers to the country's ports in 2025, also a record."),
        ("2026-01-14", "Aeromaren said it had carried more than 1.3 million international passengers in 2025."),
    ],

    # people with a first dose include the fully vaccinated: two counts, never one
    "first-doses-and-fully-vaccinated": [
        ("2026-04-07", "By Sunday, 1.31 million people had received at least one dose, and 550,000 are fully "
                       "vaccinated, the health ministry said."),
    ],

    # those taken to hospital are some of those treated at the scene, never the same count
    "treated-at-the-scene-and-taken-to-hospital": [
        ("2026-03-15", "The ambulance service said its crews had treated 63 people at the scene and taken 27 to "
                       "hospital."),
        ("2026-03-15", "The ambulance service said 27 people had been taken to hospital and 63 treated at the scene."),
    ],

}


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_warning_or_error(name: str, tmp_path: Path) -> None:
    lines = []
    for number, (published, text) in enumerate(CASES[name], 1):
        (tmp_path / f"a{number}.txt").write_text(text + "\n", encoding="utf-8")
        lines.append(f"a{number}.txt: {{outlet: Outlet {number}, published: {published}}}")
    (tmp_path / "sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = run(RunOptions(paths=[tmp_path]))
    assert report.claims, "the articles must yield claims, or the test checks nothing"
    loud = [f.message for f in report.findings if f.severity.value in ("warning", "error")]
    assert loud == []
