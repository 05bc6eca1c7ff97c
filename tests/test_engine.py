"""The engine groups claims about one quantity and pairs claims only within groups; the runner
stamps severities, stable ids and fingerprints."""

from __future__ import annotations

import random
from typing import Any

import pytest

from checker.checks.examples import example_claims
from checker.engine import build_story
from checker.models import Severity
from checker.ruleset import CheckSetting, RuleSet, load_rules
from checker.runner import run_checks


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def claim(document: str, text: str, value: float, subject: str, sentence: str | None = None,
          **extra: Any) -> dict[str, Any]:
    return {"document": document, "text": text, "value": value, "subject": subject,
            "sentence": sentence or f"They counted {text} {subject}.", **extra}


def grouping(rules: RuleSet, specs: list[dict[str, Any]]) -> list[set[str]]:
    documents, claims = example_claims({"claims": specs}, rules)
    story = build_story(documents, claims, rules)
    return [set(g.claims) for g in story.groups]


@pytest.mark.parametrize(("subjects", "together"), [
    (["troops", "soldiers", "personnel", "forces", "infantry"], True),
    (["people", "residents", "civilians"], True),
    (["protesters", "demonstrators", "marchers"], True),
    (["deaths", "dead", "killed", "fatalities"], True),
    (["jobs", "positions", "roles", "staff cuts"], True),
    (["revenue", "sales", "turnover"], True),
    (["branch", "branches"], True),
    (["tax", "taxes"], True),
    (["troops", "officers"], False),
    (["troops", "generals"], False),
    (["injured", "killed"], False),
    (["dead", "missing"], False),
    (["civilian deaths", "military deaths"], False),
    (["net profit", "operating profit"], False),
    (["settlements", "square kilometres"], False),
    (["heads of state", "countries"], False),
    (["GDP", "national income", "gross domestic product"], True),
    (["profit", "national income"], False),
    (["profit", "median household income"], False),
    (["revenue", "taking day-to-day spending"], False),
])
def test_subject_lexicon_merges_and_splits(rules: RuleSet, subjects: list[str], together: bool) -> None:
    specs = [claim(f"d{i}", str(100 + i), 100 + i, s) for i, s in enumerate(subjects)]
    groups = grouping(rules, specs)
    all_ids = {f"d{i}:c1" for i in range(len(subjects))}
    assert (all_ids in groups) is together


@pytest.mark.parametrize("sentence", [
    "About 14,000 rail workers walked off the job on Monday.",
    "About 14,000 rail workers were out of work after the closure.",
    "About 14,000 rail workers stayed on the job through the storm.",
])
def test_idioms_after_a_figure_do_not_change_what_it_counts(rules: RuleSet, sentence: str) -> None:
    specs = [claim("a", "14,000", 14000, "rail workers", sentence),
             claim("b", "15,000", 15000, "workers", "Some 15,000 workers took part, the union said."),
             claim("c", "2,000", 2000, "jobs", "The operator will cut 2,000 jobs.")]
    groups = grouping(rules, specs)
    assert {"a:c1", "b:c1"} in groups
    assert all("c:c1" not in g for g in groups if "a:c1" in g)


def test_a_part_named_after_a_figure_still_moves_it(rules: RuleSet) -> None:
    specs = [claim("a", "40", 40, "people", "At least 40 people were killed in the blast."),
             claim("b", "35", 35, "dead", "The blast left 35 dead.")]
    assert {"a:c1", "b:c1"} in grouping(rules, specs)


@pytest.mark.parametrize(("first", "second", "together"), [
    # one electorate under two wordings; voters who cast ballots are not it
    (("4,376,210", "people", "Officials said 4,376,210 people are registered to vote."),
     ("4.73 million", "voters", "There are 4.73 million voters on the register."), True),
    (("4.73 million", "voters", "There are 4.73 million voters on the register."),
     ("2.3 million", "voters", "About 2.3 million voters have cast ballots early."), False),
    # those treated at the scene, those taken to hospital, those still in hospital: three counts
    (("63", "people", "Crews treated 63 people at the scene."), ("27", "people", "Crews took 27 people to hospital."),
     False),
    (("41", "people", "Of those, 41 remained in hospital."), ("47", "people", "Some 47 people remained in hospital."),
     True),
    # an aside between dashes does not hide what befell them
    (("Three", "people", "Three people - Megan Tolliver, Jordan Pryce and Sasha Ilic - died at the scene."),
     ("four", "deaths", "The death toll rose to four on Monday."), True),
    (("214,000", "customers", "214,000 customers were still without service."),
     ("200,000", "customers", "Power was back on for 200,000 customers."), False),
])
def test_what_befell_a_count_names_what_it_counts(rules: RuleSet, first: tuple[str, str, str],
                                                  second: tuple[str, str, str], together: bool) -> None:
    specs = [claim("a", first[0], 1.0, first[1], first[2]), claim("b", second[0], 2.0, second[1], second[2])]
    assert ({"a:c1", "b:c1"} in grouping(rules, specs)) is together


def test_a_place_splits_part_from_whole_and_unplaced_claims_join_the_larger_place(rules: RuleSet) -> None:
    specs = [claim("a", "2,000", 2000, "soldiers moved to Kursk"),
             claim("b", "3,000", 3000, "troops in Russia"),
             claim("c", "11,000", 11000, "infantry training in eastern Russia"),
             claim("d", "12,000", 12000, "personnel")]
    groups = grouping(rules, specs)
    assert {"a:c1"} in groups
    assert {"b:c1", "c:c1", "d:c1"} in groups


def test_different_nationalities_never_merge(rules: RuleSet) -> None:
    groups = grouping(rules, [claim("a", "500", 500, "Russian troops"), claim("b", "600", 600, "Ukrainian troops")])
    assert {"a:c1", "b:c1"} not in groups


def test_measures_group_by_subject_and_dimension_never_by_unit_alone(rules: RuleSet) -> None:
    area = {"kind": "measure", "dimension": "[length] ** 2"}
    specs = [claim("a", "1,300", 1300, "", unit="square kilometre", base_value=1.3e9, **area) | {"subject": None},
             claim("b", "900", 900, "", unit="square kilometre", base_value=9e8, **area) | {"subject": None},
             claim("c", "40", 40, "rainfall", unit="millimetre", kind="measure", dimension="[length]", base_value=0.04),
             claim("d", "2", 2, "rain", unit="inch", kind="measure", dimension="[length]", base_value=0.0508)]
    groups = grouping(rules, specs)
    assert all(not {"a:c1", "b:c1"} <= g for g in groups)
    assert {"c:c1", "d:c1"} in groups


def test_statements_stay_inside_groups(rules: RuleSet) -> None:
    specs = [claim(f"d{i}", str(10 + i), 10 + i, subject) for i, subject in
             enumerate(["troops", "soldiers", "protesters", "marchers", "homes", "houses", "jobs"])]
    documents, claims = example_claims({"claims": specs}, rules)
    story = build_story(documents, claims, rules)
    group_of = {c: g.id for g in story.groups for c in g.claims}
    statements = story.links.statements
    assert sorted(c for s in statements for c in s.claims) == sorted(group_of)
    assert all(group_of[c] == s.group for s in statements for c in s.claims)


def test_one_figure_repeated_in_an_article_is_one_statement(rules: RuleSet) -> None:
    specs = [claim("a", "3,000", 3000, "troops", f"Officials said 3,000 troops were there, report {i} says.",
                   attribution="officials") for i in range(40)]
    specs.append(claim("a", "4,000", 4000, "troops", "Officials said 4,000 troops were there.", attribution="officials"))
    documents, claims = example_claims({"claims": specs}, rules)
    story = build_story(documents, claims, rules)
    assert sorted(len(s.claims) for s in story.links.statements) == [1, 40]


def test_wire_copies_are_clustered(rules: RuleSet) -> None:
    sentence = "Police said about 8,000 protesters marched through the city centre on Saturday afternoon."
    specs = [claim(d, "8,000", 8000, "protesters", sentence, attribution="police") for d in "abc"]
    specs.append(claim("e", "8,000", 8000, "marchers", "Some 8,000 marchers came, police told us.", attribution="police"))
    documents, claims = example_claims({"claims": specs}, rules)
    story = build_story(documents, claims, rules)
    assert story.wire_copies == [["a:c1", "b:c1", "c:c1"]]


def _story_claims(rules: RuleSet) -> tuple[list[Any], list[Any]]:
    specs = [claim("ledger", "12,000", 12000, "personnel", "Seoul says as many as 12,000 personnel by December.",
                   attribution="South Korean intelligence", qualifier="as many as", high=12000,
                   horizon={"kind": "deadline", "end": "2024-12-31"}),
             claim("courier", "10,000", 10000, "soldiers", "The NIS said numbers could rise to 10,000 by December.",
                   attribution="the NIS", horizon={"kind": "deadline", "end": "2024-12-31"}),
             claim("courier", "3,000", 3000, "soldiers", "The NIS said around 3,000 soldiers are there now.",
                   attribution="the NIS", qualifier="around")]
    return example_claims({"claims": specs}, rules)


def test_runner_stamps_default_severity_and_stable_ids(rules: RuleSet) -> None:
    documents, claims = _story_claims(rules)
    _, findings = run_checks(documents, claims, rules)
    unexplained = [f for f in findings if f.rule == "unexplained-range"]
    assert len(unexplained) == 1 and unexplained[0].severity == Severity.warning
    assert set(unexplained[0].claims) == {"ledger:c1", "courier:c1"}
    shuffled = claims[:]
    random.Random(3).shuffle(shuffled)
    _, again = run_checks(list(reversed(documents)), shuffled, rules)
    assert [(f.id, f.fingerprint) for f in findings] == [(f.id, f.fingerprint) for f in again]


def test_runner_fingerprint_ignores_claim_numbering_and_lines(rules: RuleSet) -> None:
    documents, claims = _story_claims(rules)
    _, findings = run_checks(documents, claims, rules)
    renumbered = [c.model_copy(update={"id": c.id + "x", "line": c.line + 10}) for c in claims]
    _, again = run_checks(documents, renumbered, rules)
    assert {f.fingerprint for f in findings} == {f.fingerprint for f in again}


def test_rules_override_severity_and_disable_checks(rules: RuleSet) -> None:
    documents, claims = _story_claims(rules)
    stricter = rules.model_copy(update={"checks": {"CC102": CheckSetting(severity="error"),
                                                   "explained-range": CheckSetting(enabled=False)}})
    _, findings = run_checks(documents, claims, stricter)
    assert {f.severity for f in findings if f.code == "CC102"} == {Severity.error}
    assert not [f for f in findings if f.code == "CC103"]


def test_no_warning_holds_only_agreeing_claims(rules: RuleSet) -> None:
    specs = [claim(d, "3,000", 3000, "troops", f"{d}: about 3,000 troops are there, Kirby said.",
                   attribution="John Kirby", qualifier=q) for d, q in (("a", "at least"), ("b", "around"))]
    documents, claims = example_claims({"claims": specs}, rules)
    _, findings = run_checks(documents, claims, rules)
    assert [f for f in findings if f.severity != Severity.info] == []


def test_a_trailing_nameless_word_leaves_the_quantity_to_the_word_before() -> None:
    """'inflation rate' counts inflation; 'the rate' alone names nothing."""
    from checker.lexicon import Lexicon
    from checker.ruleset import load_rules

    lexicon = Lexicon(load_rules())
    assert lexicon.subject_key("Inflation rate", None) == lexicon.subject_key("inflation", None) is not None
    assert lexicon.subject_key("the rate", None) is None


def test_an_unlisted_trailing_participle_leaves_the_quantity_to_the_noun() -> None:
    """'cocaine hidden' and 'cocaine seized' count cocaine; a listed outcome still wins ('people killed')."""
    from checker.lexicon import Lexicon
    from checker.ruleset import load_rules

    lexicon = Lexicon(load_rules())
    assert lexicon.subject_key("cocaine hidden", None) == lexicon.subject_key("cocaine seized", None) == "cocaine"
    assert lexicon.subject_key("people killed", None) == "deaths"


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("the U.S. Geological Survey", "USGS", True),
        ("the Federal Reserve", "the Fed", True),
        ("the Office for National Statistics", "ONS", True),
        ("USGS", "the national seismological centre", False),
        ("the Federal Reserve", "the ECB", False),
    ],
)
def test_agencies_are_one_source_under_their_names_and_two_agencies_stay_two(first: str, second: str,
                                                                              same: bool) -> None:
    from checker.lexicon import Lexicon
    from checker.models import Document
    from checker.ruleset import load_rules

    lexicon = Lexicon(load_rules())
    document = Document(id="a", path="a.txt")
    assert (lexicon.source_key(first, document) == lexicon.source_key(second, document)) is same


def test_a_bare_measure_word_counts_the_story_s_one_thing_written_in_it(rules: RuleSet) -> None:
    specs = [claim("a", "250,000", 250000, "doses", unit="dose"),
             claim("b", "500,000", 500000, "doses of oral vaccine", unit="dose")]
    assert {"a:c1", "b:c1"} in grouping(rules, specs)
    two_things = [*specs, claim("c", "90,000", 90000, "doses of measles vaccine", unit="dose"),
                  claim("d", "40,000", 40000, "doses of polio drops", unit="dose")]
    assert all("a:c1" not in g or len(g) == 1 for g in grouping(rules, two_things))



@pytest.mark.parametrize("apart", ["were cast abroad", "were cast overseas by voters living there"])
def test_a_figure_placed_abroad_is_a_part_and_no_unplaced_figure_joins_it(rules: RuleSet, apart: str) -> None:
    """'180,000 votes were cast abroad' is not the story's votes with the place left out."""
    specs = [claim("a", "2,337,000", 2337000, "votes", sentence="Some 2,337,000 votes were counted."),
             claim("a", "180,000", 180000, "votes", sentence=f"Around 180,000 votes {apart}.")]
    assert {"a:c1", "a:c2"} not in grouping(rules, specs)
    elsewhere = [specs[0], claim("a", "180,000", 180000, "votes", sentence="Around 180,000 votes were cast in Carpania.")]
    assert {"a:c1", "a:c2"} in grouping(rules, elsewhere)  # a named place may be the one the story left out
    both_abroad = [claim("a", "180,000", 180000, "votes", sentence=f"Around 180,000 votes {apart}."),
                   claim("b", "185,000", 185000, "votes", sentence="Some 185,000 votes came from overseas.")]
    assert {"a:c1", "b:c1"} in grouping(rules, both_abroad)


def test_workers_who_died_are_deaths_not_the_workforce(rules: RuleSet) -> None:
    specs = [claim("a", "two", 2, "workers", sentence="Two workers died in hospital overnight."),
             claim("a", "450", 450, "people", sentence="The plant employs about 450 people."),
             claim("b", "six", 6, "people killed", sentence="The blast killed six people.")]
    groups = grouping(rules, specs)
    assert {"a:c1", "b:c1"} in groups and not any({"a:c1", "a:c2"} <= g for g in groups)


def test_unplaced_figures_that_outnumber_a_place_two_to_one_stay_the_whole(rules: RuleSet) -> None:
    """Four outlets print '1,800 jobs' (worldwide) and two '1,200 jobs in Germany': the 1,800 did not leave
    Germany out. The place joins its unplaced figures only when it is named about as often."""
    specs = [*(claim(d, "1,800", 1800, "jobs") for d in "abcd"),
             *(claim(d, "1,200", 1200, "jobs in Germany") for d in "ef")]
    groups = grouping(rules, specs)
    assert {"a:c1", "b:c1", "c:c1", "d:c1"} in groups and {"e:c1", "f:c1"} in groups


@pytest.mark.parametrize("survived", ["Six people survived and were taken to hospital.",
                                      "The six surviving passengers were taken to hospital."])
def test_people_who_survived_are_survivors_not_the_people_aboard(rules: RuleSet, survived: str) -> None:
    specs = [claim("a", "103", 103, "people", sentence="A jet with 103 people on board crashed.", kind="count"),
             claim("b", "six", 6, "people" if "people" in survived else "passengers", sentence=survived, kind="count")]
    assert not any({"a:c1", "b:c1"} <= g for g in grouping(rules, specs))


def test_people_rescued_are_survivors_not_the_people_aboard(rules: RuleSet) -> None:
    sentence = "At least 18 people died and 247 were rescued, the spokesman said."
    specs = [claim("a", "247", 247, "people", sentence=sentence),
             claim("a", "286", 286, "people", sentence="The ferry had 286 people on board."),
             claim("b", "247", 247, "survivors", sentence="Rescuers pulled 247 survivors from the sea.")]
    groups = grouping(rules, specs)
    assert {"a:c1", "b:c1"} in groups and not any({"a:c1", "a:c2"} <= g for g in groups)


def test_a_sector_that_holds_a_figure_makes_it_a_part(rules: RuleSet) -> None:
    """'Healthcare added 61,000 jobs' counts healthcare jobs, not the month's jobs."""
    sentence = "Healthcare added 61,000 jobs and construction 18,000, while manufacturing shed 7,000."
    specs = [claim("a", "182,000", 182000, "jobs", sentence="Employers added 182,000 jobs in April.", kind="count"),
             claim("a", "61,000", 61000, "jobs", sentence=sentence, kind="count"),
             claim("b", "182,000", 182000, "jobs", sentence="The economy created 182,000 jobs last month.", kind="count"),
             claim("b", "65,000", 65000, "healthcare jobs", sentence="Hospitals created 65,000 healthcare jobs.",
                   kind="count")]
    groups = grouping(rules, specs)
    # two healthcare figures beside two totals: the totals never read as healthcare jobs left unnamed
    assert {"a:c1", "b:c1"} in groups and {"a:c2", "b:c2"} in groups


def test_people_taken_to_hospital_are_injured_even_if_one_of_them_died(rules: RuleSet) -> None:
    sentence = "Eight people have died, after one of the 23 people taken to hospital died overnight."
    specs = [claim("a", "Eight", 8, "people", sentence=sentence),
             claim("a", "23", 23, "people", sentence=sentence, search_from=20),
             claim("b", "seven", 7, "people killed", sentence="The collapse killed seven people.")]
    groups = grouping(rules, specs)
    assert not any({"a:c2", "b:c1"} <= g for g in groups)


def test_a_share_written_as_a_fraction_is_no_count(rules: RuleSet) -> None:
    specs = [claim("a", "1 in 5", 0.2, "entries", sentence="About 1 in 5 entries received an A."),
             claim("b", "18,400", 18400, "entries", sentence="Computing entries rose to 18,400.", kind="count")]
    assert {"a:c1", "b:c1"} not in grouping(rules, specs)


def test_a_change_in_percentage_points_is_not_the_share(rules: RuleSet) -> None:
    sentence = "The share of top grades fell by 1.1 percentage points to 21.6%."
    specs = [claim("a", "1.1 percentage points", 1.1, "top grades", sentence=sentence, kind="percent",
                   unit="percentage point"),
             claim("a", "21.6%", 21.6, "top grades", sentence=sentence, kind="percent", unit="percentage"),
             claim("b", "22.6%", 22.6, "top grades", sentence="Top grades fell to 22.6%.", kind="percent",
                   unit="percentage")]
    groups = grouping(rules, specs)
    assert not any("a:c1" in g and len(g) > 1 for g in groups)


def test_a_figure_across_the_region_is_a_part_of_the_national_one(rules: RuleSet) -> None:
    specs = [claim("a", "300,000", 300000, "students", sentence="Some 300,000 students got their results.",
                   kind="count"),
             claim("b", "24,000", 24000, "students", sentence="Across the region, 24,000 students got results.",
                   kind="count")]
    assert {"a:c1", "b:c1"} not in grouping(rules, specs)


def test_a_change_is_never_the_level(rules: RuleSet) -> None:
    """'added 9.2 million subscribers' is the quarter's additions, not the 312.4 million at its end."""
    specs = [claim("a", "9.2 million", 9.2e6, "subscribers", kind="count",
                   sentence="Streamly added 9.2 million subscribers in the quarter."),
             claim("b", "10.8 million", 10.8e6, "subscribers", kind="count",
                   sentence="Streamly added 10.8 million subscribers in the quarter."),
             *(claim(d, "312.4 million", 312.4e6, "subscribers", kind="count",
                     sentence="It ended March with 312.4 million subscribers.") for d in "cde")]
    groups = grouping(rules, specs)
    assert {"a:c1", "b:c1"} in groups and {"c:c1", "d:c1", "e:c1"} in groups


def test_monthly_active_users_are_no_subscribers(rules: RuleSet) -> None:
    specs = [claim("a", "310 million", 310e6, "subscribers", kind="count", sentence="Subscribers top 310 million."),
             claim("a", "90 million", 90e6, "monthly active users", kind="count",
                   sentence="The ad tier has more than 90 million monthly active users.")]
    assert {"a:c1", "a:c2"} not in grouping(rules, specs)


def test_a_place_set_against_the_rest_is_a_part(rules: RuleSet) -> None:
    """'..., while in London the typical price reached £534,000' is London's price, not the UK's."""
    money = {"kind": "money", "unit": "pound sterling"}
    specs = [claim("a", "£287,400", 287400, "typical price", sentence="The typical price is now £287,400.", **money),
             claim("b", "£534,000", 534000, "typical price", **money,
                   sentence="First-time buyers paid less, while in London the typical price reached £534,000.")]
    assert {"a:c1", "b:c1"} not in grouping(rules, specs)


def test_a_site_s_workforce_is_a_part_of_the_company_s(rules: RuleSet) -> None:
    """'the Dunmore plant, which employs 1,150 people' and 'The plant, ..., has 6,200 workers' count a
    site's staff: they never join the company's 21,000 employees."""
    specs = [claim("a", "21,000", 21000, "people", "Halvard employs about 21,000 people.", kind="count"),
             claim("b", "1,150", 1150, "people", "The future of the Dunmore plant, which employs 1,150 people, is unclear.",
                   kind="count"),
             claim("c", "6,200", 6200, "workers", "The plant, the town's largest employer, has 6,200 workers.",
                   kind="count"),
             claim("d", "20,500", 20500, "staff", "The group has 20,500 staff.", kind="count")]
    groups = grouping(rules, specs)
    assert {"a:c1", "d:c1"} in groups
    assert not any("a:c1" in g and ({"b:c1", "c:c1"} & g) for g in groups)


def test_staff_at_work_when_it_happened_are_not_the_workforce(rules: RuleSet) -> None:
    specs = [claim("a", "450", 450, "people", "The plant employs about 450 people.", kind="count"),
             claim("b", "310", 310, "staff", "The company said 310 staff were on site at the time of the blast.",
                   kind="count"),
             claim("c", "310", 310, "employees", "It said 310 employees were working when the blast occurred.",
                   kind="count")]
    groups = grouping(rules, specs)
    assert {"b:c1", "c:c1"} in groups and not any("a:c1" in g and "b:c1" in g for g in groups)


def test_a_subset_of_a_total_is_never_the_total(rules: RuleSet) -> None:
    """'the death toll at 11, including two people who died in a fire': the two are deaths (the
    restrictive 'who died'), a subset the sentence names within its own total."""
    sentence = "The state now puts the death toll at 11, including two people who died in a house fire."
    specs = [claim("a", "11", 11, "death toll", sentence, kind="count"),
             claim("a", "two", 2, "people", sentence, kind="count"),
             claim("b", "nine", 9, "deaths", "The death toll rose to nine.", kind="count"),
             claim("c", "three", 3, "people", "Three people who died in house fires were counted.", kind="count")]
    groups = grouping(rules, specs)
    assert {"a:c1", "b:c1", "c:c1"} in groups  # 'people who died' are deaths
    assert {"a:c2"} in groups


def test_people_ordered_to_leave_are_not_the_people_who_left(rules: RuleSet) -> None:
    specs = [claim("a", "300,000", 300000, "people", "Roughly 300,000 people were under evacuation orders.",
                   kind="count"),
             claim("b", "9,500", 9500, "evacuees", "Shelters were holding about 9,500 evacuees.", kind="count"),
             claim("c", "280,000", 280000, "residents", "About 280,000 residents had been ordered to evacuate.",
                   kind="count")]
    groups = grouping(rules, specs)
    assert {"a:c1", "c:c1"} in groups and not any("b:c1" in g and "a:c1" in g for g in groups)


def test_shares_of_one_base_measure_what_the_sentence_ties_to_them(rules: RuleSet) -> None:
    """'Public debt will stand at 95% of GDP' and 'Borrowing will be 3.1% of GDP' are two quantities,
    never one GDP share; two outlets' 'debt ... of GDP' are one."""
    specs = [claim("a", "95%", 95, "GDP", "Public debt will stand at 95% of GDP this year, the OBR said.", kind="percent"),
             claim("a", "3.1%", 3.1, "GDP", "Borrowing will be 3.1% of GDP this year, the OBR said.", kind="percent"),
             claim("b", "94%", 94, "GDP", "Debt is forecast to reach 94% of GDP this year.", kind="percent"),
             claim("c", "45%", 45, "households", "Only about 45% of households have piped water.", kind="percent"),
             claim("d", "47%", 47, "households", "Just 47% of households have piped water.", kind="percent")]
    groups = grouping(rules, specs)
    assert {"a:c1", "b:c1"} in groups and not any("a:c2" in g and "a:c1" in g for g in groups)
    assert {"c:c1", "d:c1"} in groups  # no linking verb: the base and what follows name the share


def test_a_share_a_place_accounts_for_is_not_the_total(rules: RuleSet) -> None:
    """'the city accounts for 640 of this year's cases' is a part of the 1,240 cases, not a second count of them."""
    specs = [claim("a", "1,240", 1240, "measles cases", "Confirmed measles cases have reached 1,240 so far this year."),
             claim("a", "640", 640, "cases", "The capital's coverage is lower, and the city accounts for 640 of this "
                                             "year's cases."),
             claim("b", "1,250", 1250, "cases", "There have been 1,250 measles cases this year.")]
    groups = grouping(rules, specs)
    assert {"a:c1", "b:c1"} in groups and not any("a:c2" in g and "a:c1" in g for g in groups)


def test_an_index_s_change_is_not_its_level(rules: RuleSet) -> None:
    """'fell 1,190 points, or 2.9%, to 39,812': the 1,190 is a change, the 39,812 the level it reached;
    'lost 2.9 per cent, or about 1,190 points' restates the change; 'the count rose: 152 homes' is a level."""
    specs = [claim("a", "1,190", 1190, "points", "The Dow fell 1,190 points, or 2.9%, to 39,812.", kind="count",
                   unit="point"),
             claim("a", "39,812", 39812, "point", "The Dow fell 1,190 points, or 2.9%, to 39,812.", kind="count",
                   unit="point"),
             claim("b", "1,190", 1190, "points", "The Dow lost 2.9 per cent, or about 1,190 points.", kind="count",
                   unit="point"),
             claim("c", "39,800", 39800, "point", "The Dow closed at 39,800.", kind="count", unit="point")]
    groups = grouping(rules, specs)
    assert {"a:c1", "b:c1"} in groups and {"a:c2", "c:c1"} in groups


def test_a_level_after_a_colon_is_no_change(rules: RuleSet) -> None:
    specs = [claim("a", "152", 152, "homes", "The damage count rose: 152 homes have been destroyed.", kind="count"),
             claim("b", "140", 140, "homes", "The fire has destroyed 140 homes.", kind="count")]
    assert {"a:c1", "b:c1"} in grouping(rules, specs)


def test_a_part_of_a_counted_whole_is_not_the_whole(rules: RuleSet) -> None:
    """'4,800 of the country's 6,100 state schools': the 4,800 are some of the schools; 'state schools'
    counts schools, not states (a synonym of countries), as 'refugee camps' counts camps."""
    sentence = "Some 4,800 of the country's 6,100 state schools could close."
    specs = [claim("a", "4,800", 4800, "state schools", sentence, kind="count"),
             claim("a", "6,100", 6100, "state schools", sentence, kind="count"),
             claim("b", "6,000", 6000, "schools", "The country has 6,000 schools.", kind="count"),
             claim("c", "190", 190, "countries", "Delegates came from 190 countries.", kind="count")]
    groups = grouping(rules, specs)
    assert {"a:c2", "b:c1"} in groups
    assert not any("a:c1" in g and "a:c2" in g for g in groups)
    assert not any("c:c1" in g and "b:c1" in g for g in groups)


def test_a_place_the_article_sets_against_its_own_whole_is_a_part(rules: RuleSet) -> None:
    """'In Varenna, turnout reached 66.4%' beside the same article's national 61.3%: a part, in every article."""
    percent = {"kind": "percent", "unit": "percentage"}
    specs = [claim("a", "61.3%", 61.3, "turnout", sentence="Preliminary turnout was 61.3%.", **percent),
             claim("a", "66.4%", 66.4, "turnout", sentence="In Varenna, turnout reached 66.4%.", **percent),
             claim("b", "61.8%", 61.8, "turnout", sentence="Final turnout was 61.8%.", **percent)]
    groups = grouping(rules, specs)
    assert {"a:c1", "b:c1"} in groups and {"a:c2"} in groups


def test_a_place_that_only_sets_the_scene_joins_the_whole(rules: RuleSet) -> None:
    specs = [claim("a", "11,000", 11000, "troops", sentence="In Kursk, about 11,000 troops are fighting.", kind="count"),
             claim("b", "12,000", 12000, "troops", sentence="As many as 12,000 troops were sent.", kind="count")]
    assert {"a:c1", "b:c1"} in grouping(rules, specs)


def test_of_those_counts_a_part_of_the_sentence_before_only_when_it_counts_the_same_thing(rules: RuleSet) -> None:
    specs = [claim("a", "4,006,071", 4006071, "ballots", sentence="In all, 4,006,071 ballots were cast.", kind="count"),
             claim("a", "84,310", 84310, "ballots", kind="count",
                   sentence="Of those, 84,310 ballots were declared invalid."),
             claim("b", "103", 103, "people treated", sentence="The ministry said 103 people had been treated.",
                   kind="count"),
             claim("b", "41", 41, "in hospital", sentence="Of those, 41 remained in hospital.", kind="count"),
             claim("c", "47", 47, "in hospital", sentence="The ministry said 47 people remained in hospital.",
                   kind="count")]
    groups = grouping(rules, specs)
    assert not any({"a:c1", "a:c2"} <= g for g in groups)
    assert any({"b:c2", "c:c1"} <= g for g in groups)


def test_a_horizon_s_key_holds_every_field() -> None:
    """Caches of which horizons meet, and classes of one time, are keyed by Horizon.key(): a field left out
    (the day a figure was given, once) made two horizons one time or not by which pair came first."""
    import datetime as dt

    from checker.models import Horizon

    base = Horizon(kind="point", start=dt.date(2026, 6, 13), end=dt.date(2026, 6, 13))
    changed = {"kind": "past", "start": dt.date(2026, 6, 12), "end": dt.date(2026, 6, 14), "text": "on Saturday",
               "time_of_day": dt.time(21, 0), "said": dt.date(2026, 6, 14)}
    assert set(changed) == set(Horizon.model_fields)
    for field, value in changed.items():
        assert base.model_copy(update={field: value}).key() != base.key(), field


def test_excess_deaths_are_no_toll(rules: RuleSet) -> None:
    """'780 excess deaths' estimate deaths above the normal; the ministry's '67 deaths' is the toll."""
    specs = [claim("a", "780", 780, "excess deaths", kind="count"),
             claim("b", "67", 67, "deaths", kind="count")]
    assert not any({"a:c1", "b:c1"} <= g for g in grouping(rules, specs))


def test_teachers_who_walked_out_are_some_of_the_teachers(rules: RuleSet) -> None:
    """'64,000 teachers had walked out' and '48,500 teachers, or 47% of the workforce, had not reported for work'
    count teachers on strike, never the 104,000 teachers of the country."""
    specs = [claim("a", "104,000", 104000, "teachers", kind="count",
                   sentence="Wendmoor has roughly 104,000 teachers in state schools."),
             claim("b", "64,000", 64000, "teachers", kind="count",
                   sentence="The ministry said 64,000 teachers had walked out."),
             claim("c", "48,500", 48500, "teachers", kind="count",
                   sentence="It said about 48,500 teachers, or 47% of the workforce, had not reported for work.")]
    groups = grouping(rules, specs)
    assert {"b:c1", "c:c1"} in groups and {"a:c1"} in groups


def test_the_data_of_people_is_one_thing_however_it_is_worded(rules: RuleSet) -> None:
    """'the personal details of up to 86,000 residents' and 'information on as many as 68,000 residents' both
    count residents whose data was taken, never all residents; 'confirmed on three farms' holds nothing."""
    specs = [claim("a", "86,000", 86000, "residents", kind="count",
                   sentence="The council said the personal details of up to 86,000 residents may have been copied."),
             claim("b", "68,000", 68000, "residents", kind="count",
                   sentence="The council said information on as many as 68,000 residents may have been taken."),
             claim("c", "300,000", 300000, "residents", kind="count", sentence="Merrow has 300,000 residents."),
             claim("d", "three", 3, "farms", kind="count", sentence="Bird flu was confirmed on three farms."),
             claim("e", "seven", 7, "farms", kind="count", sentence="The outbreak spread to seven farms.")]
    groups = grouping(rules, specs)
    assert {"a:c1", "b:c1"} in groups and {"c:c1"} in groups and {"d:c1", "e:c1"} in groups


def test_a_further_bare_number_is_an_increment(rules: RuleSet) -> None:
    """'4,180 buildings had been destroyed and a further 11,600 damaged': the 11,600 are others, never the 4,180."""
    sentence = "The agency said 4,180 buildings had been destroyed and a further 11,600 damaged."
    specs = [claim("a", "4,180", 4180, "buildings", sentence=sentence, kind="count"),
             claim("a", "11,600", 11600, "buildings", sentence=sentence, kind="number")]
    assert not any({"a:c1", "a:c2"} <= g for g in grouping(rules, specs))


def test_a_part_of_day_names_no_thing(rules: RuleSet) -> None:
    """'Containment stood at just 15% on Thursday evening' and 'Containment was 85% on Monday' measure containment."""
    percent = {"kind": "percent", "unit": "percentage"}
    specs = [claim("a", "15%", 15, "Containment", sentence="Containment stood at just 15% on Thursday evening.", **percent),
             claim("b", "85%", 85, "Containment", sentence="Containment was 85% on Monday.", **percent)]
    assert {"a:c1", "b:c1"} in grouping(rules, specs)


def test_another_area_is_an_increment_of_the_area(rules: RuleSet) -> None:
    """'burned through another 1,400 hectares during the day' is the day's growth, never the fire's 6,800 hectares."""
    area = {"kind": "measure", "dimension": "[length] ** 2", "unit": "hectare"}
    specs = [claim("a", "6,800 hectares", 6800, "area", base_value=6.8e7,
                   sentence="The fire has now burned about 6,800 hectares.", **area),
             claim("b", "1,400 hectares", 1400, "area", base_value=1.4e7,
                   sentence="It spread north and burned through another 1,400 hectares during the day.", **area)]
    assert not any({"a:c1", "b:c1"} <= g for g in grouping(rules, specs))
