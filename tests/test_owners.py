"""Who owns a count (checker/owners.py), and what owners do to grouping."""

from __future__ import annotations

import pytest

from checker.engine import build_story
from checker.checks.examples import example_claims
from checker.owners import owner
from checker.ruleset import load_rules

VERBS = frozenset({"won", "took", "received", "holds"})
HEDGES = frozenset({"about", "some", "up", "to", "more", "than"})


@pytest.mark.parametrize(("before", "expected"), [
    ("The Centre Alliance won", "centre alliance"),
    ("VARA, Sept 14 (Nordland Wire) - The Centre Alliance won", "centre alliance"),
    ("Mira Holm's Centre Alliance took", "centre alliance"),
    ("The Social Democrats took 98 seats, down from 110 in 2022, and the Green Party", "green party"),
    ("Dravan received 2,337,000 votes and Lukov", "lukov"),
    ("With final results in, the Centre Alliance holds about", "centre alliance"),
    ("The Social Democrats won 98 seats, while the Greens more than doubled their tally to", "greens"),
    ("Together the two parties would hold", None),
    ("Officials said the ministry put its estimate at", None),
    ("The agency counted", None),
    ("Her party, Civic Renewal, won", "civic renewal"),  # the name the clause before stands for
    ("The Green Left Alliance, with", "green left alliance"),
    ("The Homeland Party took 12.1% and", "homeland party"),  # the verb before the first amount owns both
    ("In Varenna, with", None),  # a scene, not a name
    ("The city, with", None),
])
def test_the_owner_of_a_count(before: str, expected: str | None) -> None:
    assert owner(before, VERBS, HEDGES) == expected


def test_two_owners_counts_never_meet_nor_does_an_unowned_total() -> None:
    rules = load_rules()
    sentence = "The Social Democrats took 98 seats, down from 110 in 2022, and the Green Party 31."
    specs = [{"document": "a", "text": "98", "value": 98, "subject": "seats", "kind": "count", "sentence": sentence},
             {"document": "a", "text": "110", "value": 110, "subject": "seats", "kind": "count", "sentence": sentence,
              "horizon": {"kind": "period", "start": "2022-01-01", "end": "2022-12-31"}},
             {"document": "b", "text": "301", "value": 301, "subject": "seats", "kind": "count",
              "sentence": "Parliament has 301 seats."},
             {"document": "b", "text": "98", "value": 98, "subject": "seats", "kind": "count",
              "sentence": "The Social Democrats won 98 seats."}]
    documents, claims = example_claims({"claims": specs}, rules)
    groups = [set(g.claims) for g in build_story(documents, claims, rules).groups]
    assert {"a:c1", "a:c2", "b:c2"} in groups  # the party's seats, and its 2022 base, in both outlets
    assert {"b:c1"} in groups  # the parliament's seats stand alone
