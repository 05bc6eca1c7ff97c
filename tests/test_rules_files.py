"""The shipped rules load, and a broken rules file is a one-line ConfigError naming file:line:col."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.errors import ConfigError
from checker.lexicon import Lexicon
from checker.models import Document
from checker.ruleset import DEFAULT_RULES_DIR, RuleSet, load_rules

DOCUMENT = Document(id="a", path="a.txt", outlet="The Courier")


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="module")
def lexicon(rules: RuleSet) -> Lexicon:
    return Lexicon(rules)


def test_shipped_rules_load(rules: RuleSet) -> None:
    assert rules.subjects and rules.sources and rules.demonyms and rules.checks


@pytest.mark.parametrize(("names", "source"), [
    (["South Korea's National Intelligence Service", "the NIS", "South Korean intelligence",
      "South Korea's intelligence agency", "South Korea’s spy agency", "Seoul's spy agency"],
     "South Korea National Intelligence Service"),
    (["Ukraine's military intelligence (HUR)", "HUR", "the GUR", "Kyrylo Budanov",
      "Ukraine's intelligence chief Kyrylo Budanov", "Ukrainian military intelligence"],
     "Ukraine military intelligence (HUR)"),
    (["the White House", "John Kirby", "White House spokesperson John Kirby"], "White House"),
    (["the Pentagon", "Defense Secretary Lloyd Austin"], "Pentagon"),
    (["police", "the police", "a police spokeswoman"], "police"),
    (["organisers", "the organizers"], "organisers"),
    (["the company", "its chief executive", "the company's CEO"], "company"),
])
def test_aliases_name_one_source(lexicon: Lexicon, names: list[str], source: str) -> None:
    assert {lexicon.source_key(n, DOCUMENT) for n in names} == {source}


def test_parents_and_siblings(lexicon: Lexicon) -> None:
    us = lexicon.source_key("U.S. officials", DOCUMENT)
    assert lexicon.source_relation("White House", us) == "related"
    assert lexicon.source_relation("White House", "Pentagon") == "different"
    assert lexicon.source_relation(None, "Pentagon") == "unstated"


def test_unknown_attribution_keeps_its_plain_name(lexicon: Lexicon) -> None:
    assert lexicon.source_key("the Kyodo news agency", DOCUMENT) == "kyodo news agency"


def test_parts_are_transitive(lexicon: Lexicon) -> None:
    assert lexicon.is_part("officers", "troops") and lexicon.is_part("generals", "troops")
    assert not lexicon.is_part("troops", "officers")


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, folder)
    return folder


@pytest.mark.parametrize(("file", "old", "new", "marker", "expected"), [
    ("tolerances.yaml", "rounding: 0.05", "rounding: 0.05\nslop: 3", "slop", "unknown key 'slop'"),
    ("tolerances.yaml", "rounding: 0.05", "rounding: lots", "lots", "rounding: Input should be a valid number"),
    ("subjects.yaml", "  - head: troops\n", "  - head: troops\n    plural: true\n", "plural: true", "unknown key 'plural'"),
    ("attribution-aliases.yaml", "  - source: Pentagon\n", "  - source: Pentagon\n    wikidata: Q11208\n",
     "wikidata", "unknown key 'wikidata'"),
    ("checks.yaml", "  contradiction: {severity: error}", "  contradiction: {severity: fatal}", "fatal",
     "checks.contradiction.severity"),
    ("checks.yaml", "  contradiction: {severity: error}", "  contradicton: {severity: error}", "contradicton",
     "unknown check 'contradicton'"),
    ("checks.yaml", "  contradiction: {severity: error}", "  contradiction: {options: {include_unstatd: false}}",
     "include_unstatd", "unknown key 'include_unstatd'"),
])
def test_bad_rule_files_are_one_line_errors(rules_copy: Path, file: str, old: str, new: str, marker: str,
                                            expected: str) -> None:
    path = rules_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    path.write_text(broken, encoding="utf-8")
    at = broken.index(marker)
    line, column = broken.count("\n", 0, at) + 1, at - broken.rfind("\n", 0, at)
    with pytest.raises(ConfigError) as error:
        load_rules(rules_copy)
    message = str(error.value)
    assert "\n" not in message
    assert f"{file}:{line}:{column}: {expected}" in message, message
