"""Extraction: a Document in, its Claims out.

    segment(document)            -> sentences, with page furniture (bylines, bios, related links) left out
    find_figures(text, rules,..) -> figures in one sentence: value, interval, unit, hedge (sentence_figures
                                    remembers them by the sentence text: reprints repeat sentences)
    describe(figure, sentence..) -> subject, attribution, time horizon
    lexicon                      -> canonical subject and source keys the engine groups by
"""

from __future__ import annotations

import re

from checker.extract.attribution import PREVIOUS_SENTENCES_READ
from checker.extract.context import describe
from checker.extract.dateline import published_time
from checker.extract.figures import find_figures, sentence_figures
from checker.extract.memo import forget_sentences
from checker.extract.segment import segment
from checker.extract.subject import DEFAULT_COUNTED
from checker.extract.types import Context, Figure, Sentence
from checker.gc_pause import gc_paused
from checker.lexicon import Lexicon
from checker.models import Claim, Document
from checker.ruleset import RuleSet

__all__ = ["extract_claims", "forget_sentences", "Figure", "Sentence"]

# A figure's context lies within a few clauses of it. Reading a whole run-on "sentence" (a table
# flattened to one line, a pasted 200 KB blob) once per figure in it would make extraction quadratic.
CONTEXT_RADIUS = 400


def extract_claims(document: Document, rules: RuleSet, lexicon: Lexicon | None = None) -> list[Claim]:
    with gc_paused():  # an article's tokens, figures and contexts live until its claims are built
        return _claims_of(document, rules, lexicon or Lexicon(rules))


def _claims_of(document: Document, rules: RuleSet, lexicon: Lexicon) -> list[Claim]:
    sentences = segment(document)
    lines = _LineCounter(document.text)
    at_time = published_time(document.text, document.body_start) if document.published else None
    claims: list[Claim] = []
    named: list[str] = []  # sources this article has named, in order
    for index, sentence in enumerate(sentences):
        figures = sentence_figures(document.text, rules, sentence.start, sentence.end)
        # Attribution looks back a few sentences only; slicing the whole prefix per figure was quadratic.
        previous = sentences[max(0, index - PREVIOUS_SENTENCES_READ):index]
        said_before: Context | None = None
        for figure in figures:
            near = _around(sentence, figure)
            context = describe(figure, near, previous, document, rules)
            if said_before is not None and (_noun_left_out(figure, context, document.text)
                                            or _part_of_named_whole(figure, context, figures, near)):
                # "8,100 crossings in August 2024 and 15,700 in July": the 15,700 count crossings too
                context = context.model_copy(update={"subject": said_before.subject})
            said_before = context if context.subject else None
            horizon = context.horizon
            if at_time is not None and horizon.kind == "current" and horizon.start == document.published \
                    and figure.kind in MOVING_KINDS and not SETTLED.search(near.text):
                horizon = horizon.model_copy(update={"time_of_day": at_time})
            claims.append(
                Claim(
                    id=f"{document.id}:c{len(claims) + 1}",
                    document=document.id,
                    start=figure.start,
                    end=figure.end,
                    line=lines.line_of(figure.start),
                    text=figure.text,
                    value=figure.value,
                    low=figure.low,
                    high=figure.high,
                    unit=figure.unit,
                    dimension=figure.dimension,
                    base_value=figure.base_value,
                    base_low=figure.base_low,
                    base_high=figure.base_high,
                    kind=figure.kind,
                    subject=context.subject,
                    subject_key=lexicon.subject_key(context.subject, figure.unit),
                    attribution=context.attribution,
                    source_key=_named_earlier(lexicon.source_key(context.attribution, document), named),
                    horizon=horizon.label(),
                    horizon_detail=horizon,
                    qualifier=figure.qualifier,
                    sentence=near.text,
                    sentence_start=near.start,
                    in_headline=sentence.in_headline,
                )
            )
    return claims


# Counts that move within a day (a toll, people missing, homes without power) keep their article's dateline
# hour; a settled result does not ("Final turnout was 64.8%" at 07:12 and "a turnout of 71%" at 16:15 disagree).
MOVING_KINDS = frozenset({"count", "number"})
SETTLED = re.compile(r"\b(?:final|finally|official\s+results?|certified)\b", re.IGNORECASE)


def _named_earlier(key: str | None, named: list[str]) -> str | None:
    """"the coast guard" after "the Sarel Coast Guard", and "Brightwave" after "Brightwave Technologies",
    in one article are those bodies: a source's short form (a one-word one may be the name's first word)
    takes the one fuller name the article gave before it."""
    if key is None:
        return None
    fuller = {earlier for earlier in named if earlier.endswith(f" {key}")}
    if not fuller and " " not in key:
        fuller = {earlier for earlier in named if earlier.startswith(f"{key} ")}
    if len(fuller) == 1:
        return fuller.pop()
    if key not in named:
        named.append(key)
    return key


# Only 'and': "18,400, or nearly 600 a day" restates a figure as a rate, "140 injured, 17 of them" names a part.
_JOINED = re.compile(r"[^,]\s+and\s+$", re.IGNORECASE)


def _noun_left_out(figure: Figure, context: Context, text: str) -> bool:
    """A bare number ('15,700', no unit, no noun) joined by 'and' to the figure before it."""
    return figure.kind == "number" and figure.unit is None and context.subject is None \
        and _JOINED.search(text, max(0, figure.start - 12), _lead(figure)) is not None


# "Of the 41 deaths, 17 occurred at home": the second figure counts the first one's noun
_OF_WHOLE = re.compile(r"^\s*(?:of|among)\s+(?:the|its|their|our|his|her|these|those)\s+$", re.IGNORECASE)
_WHOLE_NOUN_GAP = re.compile(r"^\s*[\w\s'’-]{0,40},\s*$")


def _part_of_named_whole(figure: Figure, context: Context, figures: list[Figure], sentence: Sentence) -> bool:
    if figure.kind not in ("number", "count") or context.subject not in (None, DEFAULT_COUNTED):
        return False
    at = figures.index(figure)
    if at == 0:
        return False
    whole, text = figures[at - 1], sentence.text
    if whole.start < sentence.start:  # an overlong sentence cut around the figure: the whole is outside
        return False
    return _OF_WHOLE.match(text[:whole.start - sentence.start]) is not None \
        and _WHOLE_NOUN_GAP.match(text[whole.end - sentence.start:_lead(figure) - sentence.start]) is not None


def _lead(figure: Figure) -> int:
    """Where the figure starts with its hedge ("about 2,500")."""
    return figure.qualifier_span[0] if figure.qualifier_span else figure.start


class _LineCounter:
    """Line numbers of ascending offsets, counting each newline once (a count from the top per figure
    was quadratic in a long article)."""

    def __init__(self, text: str) -> None:
        self._text, self._offset, self._line = text, 0, 1

    def line_of(self, offset: int) -> int:
        if offset < self._offset:  # not ascending after all: count from the top
            self._offset, self._line = 0, 1
        self._line += self._text.count("\n", self._offset, offset)
        self._offset = offset
        return self._line


def _around(sentence: Sentence, figure: Figure) -> Sentence:
    """The sentence, or for an overlong one the CONTEXT_RADIUS characters either side of the figure."""
    if sentence.end - sentence.start <= 2 * CONTEXT_RADIUS:
        return sentence
    start = max(sentence.start, figure.start - CONTEXT_RADIUS)
    end = min(sentence.end, figure.end + CONTEXT_RADIUS)
    text = sentence.text[start - sentence.start:end - sentence.start]
    return sentence.model_copy(update={"start": start, "end": end, "text": text})
