"""Readings of a figure that need the rest of its article, made after every claim has its row.

A place an opening names ('In Varenna, turnout reached 66.4%') is a part of the story's whole when the
same article gives the same quantity without it at another value ('Preliminary turnout was 61.3%'): one
writer does not print one figure twice. Elsewhere the opening only sets the scene ('In Kursk, about 11,000
troops ...' in a story about those troops), and the figure joins the unplaced ones (checker/engine.py).

'Of those, 84,310 ballots were declared invalid' counts a part of the previous sentence's 4,006,071
ballots when that sentence counts the same thing; 'Of those, 41 remained in hospital' after '103 people
had been treated' counts another thing, the patients still in hospital, and stays as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from checker.lexicon import Lexicon
from checker.models import Claim
from checker.owners import SUBSET_SET
from checker.places import scene_place
from checker.profiles import Row

_OF_THOSE = re.compile(r"\s*(?:of|among)\s+(?:those|these|them)\s*,?\s*(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
_INCLUDED = (SUBSET_SET, "included")


def read_in_article(rows: list[Row], claims: dict[str, Claim], lexicon: Lexicon) -> tuple[list[Row], frozenset[str]]:
    """The rows with the parts their articles set apart placed and their subsets marked, and the
    places so set apart (never left out when grouping)."""
    scenes: dict[int, str] = {}
    subsets: list[int] = []
    for position, row in enumerate(rows):
        claim = claims[row.id]
        if not claim.sentence or claim.sentence[:1] not in "IATOoa":
            continue  # most sentences open with neither a scene nor 'Of those'
        before = claim.sentence[:claim.start - claim.sentence_start]
        place = scene_place(before) if row.place is None else None
        if place:
            scenes[position] = " ".join(lexicon.plain(place))
        elif _OF_THOSE.fullmatch(before) and all(index != SUBSET_SET for index, _ in row.modifiers):
            subsets.append(position)
    if not scenes and not subsets:
        return rows, frozenset()
    out = list(rows)
    placed: set[str] = set()
    if scenes:
        unplaced: dict[tuple[object, ...], list[Claim]] = {}  # each article's figures by quantity, read once
        for row in rows:
            if row.place is None:
                unplaced.setdefault((row.document, row.head, row.family, row.modifiers), []).append(claims[row.id])
        for position, place in scenes.items():
            row, claim = rows[position], claims[rows[position].id]
            if any(other.sentence_start != claim.sentence_start and other.value != claim.value
                   for other in unplaced.get((row.document, row.head, row.family, row.modifiers), ())):
                out[position] = replace(row, place=place)
                placed.add(place)
    if subsets:
        sentences: dict[str, set[int]] = {}  # each article's sentences that hold a figure
        counted: set[tuple[str, int, str, str]] = set()  # (article, sentence, head, family)
        for row in rows:
            claim = claims[row.id]
            sentences.setdefault(row.document, set()).add(claim.sentence_start)
            counted.add((row.document, claim.sentence_start, row.head, row.family))
        ordered = {document: sorted(starts) for document, starts in sentences.items()}
        for position in subsets:
            row, claim = rows[position], claims[rows[position].id]
            starts = ordered[row.document]
            at = bisect_left(starts, claim.sentence_start)
            if at > 0 and (row.document, starts[at - 1], row.head, row.family) in counted:
                out[position] = replace(row, modifiers=row.modifiers | {_INCLUDED})
    return out, frozenset(placed)
