"""Who the article says a figure comes from.

In order: a headline's "Source: ..." prefix; the owner of "the union's figure of 14,000"; an
attribution after the figure that closes its clause (", the union said, while ...", ", said X",
", X told reporters", "... 15,000 people according to the organisers"); the nearest "X
said/estimated/put the number ... at" or "according to X" before the figure (the constructions
are in checker/extract/reporting.py). A speaker inside a reported clause gives way to the one who
reports it ("Kirby said U.S. officials believe ..." -> Kirby). Pronouns and "the agency" resolve
to the nearest earlier speaker that fits. A sentence with no speaker continues the previous
sentence of its paragraph only when that one leads into a report long enough to go on ("HUR
reported that the first soldiers had been deployed ... . North Korea has sent 12,000 troops" ->
HUR) and the sentence sets no time of its own; otherwise, and with no speaker at all, the article
states the figure in its own voice: None.
"""

from __future__ import annotations

import re

from checker.extract.clauses import PRONOUNS, clauses
from checker.extract.dates import DAY_DATE, MONTH_DATE, RELATIVE, WEEKDAY, YEAR
from checker.extract.fact_lines import fact_line
from checker.extract.memo import by_text
from checker.extract.reporting import constructions
from checker.extract.types import Sentence
from checker.identity import Identity
from checker.ruleset import RuleSet

HEADLINE_SOURCE = re.compile(r"^\s*[-–•]?\s*([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s*:\s+\S")
# "Update: ..." and the like are labels, not sources.
HEADLINE_LABELS = frozenset({
    "update", "updated", "note", "editor's note", "correction", "watch", "live", "analysis", "opinion",
    "exclusive", "breaking", "breaking news", "photos", "video", "explainer", "factbox", "timeline", "read",
    "related", "see", "also", "more", "q&a",
})
CARRY_SENTENCES = 4
# The carried-speaker test reads the sentence just before, then CARRY_SENTENCES more for its referent.
PREVIOUS_SENTENCES_READ = CARRY_SENTENCES + 1
# Openings that mark a sentence as going on with the report before it: "Another 14 are missing".
CONTINUATION_OPENERS = ("another", "a further", "further", "also", "in addition", "of those", "of them", "most of")
CARRIED_CONTENT = 8  # a report this long may go on in the next sentence; "they feared the effects" does not
# "The agency" may stand for any public body named before it, not only one whose name says "agency"
# ("the Kaldor Border Guard said ... The agency counted ..."): a generic noun resolves to an earlier
# named speaker (capitalised) whose name holds one of these words.
_PUBLIC_BODY = frozenset({
    "agency", "service", "guard", "bureau", "office", "directorate", "administration", "authority",
    "commission", "department", "ministry", "institute", "police", "command", "intelligence",
    "inspectorate", "secretariat", "agencies",
})
_ASSOCIATION = frozenset({
    "association", "federation", "union", "foundation", "group", "council", "society", "committee",
    "coalition", "alliance", "network", "organisation", "organization", "charity", "campaign",
})
GENERIC_BODIES: dict[str, frozenset[str]] = {
    "agency": _PUBLIC_BODY,
    "body": _PUBLIC_BODY | _ASSOCIATION,
    "organisation": _ASSOCIATION | _PUBLIC_BODY,
    "organization": _ASSOCIATION | _PUBLIC_BODY,
    "group": _ASSOCIATION,
}
# A clause opening with these hangs a detail on the figure's clause; its time is the detail's.
DETAIL_OPENERS = frozenset({"with", "including", "as", "after", "while", "amid"})


def find_attribution(start: int, end: int, sentence: Sentence, previous: list[Sentence], rules: RuleSet) -> str | None:
    """Who the article says the figure at document offsets [start, end) comes from."""
    text = sentence.text
    headline = HEADLINE_SOURCE.match(text)
    if headline and headline.group(1).lower() not in HEADLINE_LABELS and fact_line(text) is None and (
            sentence.in_headline or not text.rstrip().endswith((".", "!", "?"))):
        return headline.group(1)
    speaker = _speaker_for(text, start - sentence.start, end - sentence.start, Identity(rules))
    if speaker is None:
        return _carried(sentence, previous, rules, start - sentence.start)
    if _is_anaphor(speaker):
        return _resolve_within(speaker, constructions(text, rules).all_speakers()) or _resolve(speaker, previous, rules) \
            or _unresolved(speaker)
    return _without_article(speaker)


@by_text(maxsize=4096)
def _speaker_for(text: str, start: int, end: int, rules: Identity[RuleSet]) -> str | None:
    # The sentence alone decides it, so a sentence printed again is read once; only carrying a speaker
    # over from the sentence before depends on where the sentence stands.
    return constructions(text, rules.value).speaker_for(start, end)


def _without_article(speaker: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", speaker)


def _carried(sentence: Sentence, previous: list[Sentence], rules: RuleSet, figure_at: int) -> str | None:
    """A sentence with no speaker goes on with the one before it in the same paragraph."""
    if not previous or sentence.in_headline:
        return None
    before = previous[-1]
    if before.paragraph != sentence.paragraph or before.in_headline:
        return None
    finder = constructions(before.text, rules)
    speaker = finder.leading_speaker()
    if speaker is None:
        return None  # one sentence back only: a longer chain would attribute the article's own voice
    opening = sentence.text.lstrip(" \"“'‘").lower()
    if not opening.startswith(CONTINUATION_OPENERS) and (
            finder.reported_words() < CARRIED_CONTENT or _sets_own_time(sentence.text, figure_at)):
        # "X said they feared the effects. Halden has 31,000 residents": background in the article's
        # own voice; a sentence that sets its own time ("The previous record, set in 2019, ...") too.
        return None
    if _is_anaphor(speaker):
        return _resolve(speaker, previous[:-1], rules) or _unresolved(speaker)
    return _without_article(speaker)


def _sets_own_time(text: str, figure_at: int) -> bool:
    """A time before the figure, or in a later main clause: "Tuesday night brought little relief: ... 26C".

    A time in a clause hanging from the figure's ("..., with first sightings reported on Oct. 23")
    belongs to that detail, not to the sentence."""
    for start, end in clauses(text):
        clause = text[start:end]
        if start > figure_at and clause.split(" ", 1)[0].lower() in DETAIL_OPENERS:
            continue
        if any(pattern.search(clause) for pattern in (DAY_DATE, MONTH_DATE, WEEKDAY, YEAR, RELATIVE)):
            return True
    return False


def _is_anaphor(speaker: str) -> bool:
    words = speaker.split()
    if len(words) == 1:
        return words[0].lower() in PRONOUNS
    return len(words) == 2 and words[0].lower() in ("the", "this", "that") and words[1].islower()


def _resolve(anaphor: str, previous: list[Sentence], rules: RuleSet) -> str | None:
    """"It"/"he" -> the nearest earlier speaker; "the agency" -> the nearest earlier speaker that is an agency
    (by name, or a public body named otherwise: GENERIC_BODIES)."""
    head = anaphor.lower().split()[-1]
    for sentence in reversed(previous[-CARRY_SENTENCES:]):
        if sentence.text.rstrip(" \"”'’").endswith("?"):
            continue  # a question ("How many people are ill?", a Q&A heading) names nobody
        finder = constructions(sentence.text, rules)
        for speaker in reversed(finder.all_speakers()):
            if not _is_anaphor(speaker) and _fits(head, speaker):
                return _without_article(speaker)
        subject = finder.sentence_subject() if head in PRONOUNS else None
        if subject and not _is_anaphor(subject) and subject.lower() not in PRONOUNS:
            return _without_article(subject)  # "The Russian leader brought up ... . He said ..."
    return None


def _resolve_within(anaphor: str, speakers: list[str]) -> str | None:
    """An antecedent earlier in the same sentence: "the ministry recorded 1,240 cases, it said"."""
    if anaphor not in speakers:
        return None
    head = anaphor.lower().split()[-1]
    for speaker in reversed(speakers[:speakers.index(anaphor)]):
        if not _is_anaphor(speaker) and _fits(head, speaker):
            return _without_article(speaker)
    return None


def _fits(head: str, speaker: str) -> bool:
    """Whether an anaphor with this head word may refer to the speaker: a pronoun to anyone ("it" to
    no plural), "the agency" to a speaker named an agency or to a public body named otherwise."""
    if head == "it" and _plural(speaker):
        return False  # "Health workers counted 1,240 cases, it said": "it" is someone else
    return head in PRONOUNS or head in speaker.lower().split() or _stands_for(head, speaker)


def _plural(speaker: str) -> bool:
    """A common-noun plural ("health workers", "officials", "police"); names ("Reuters") are not."""
    last = speaker.split()[-1].strip(".,;:'’\"")
    word = last.lower()
    if word in ("police", "people"):
        return True
    return not last[:1].isupper() and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _stands_for(head: str, speaker: str) -> bool:
    """Whether "the <head>" may refer to this named speaker: "the agency" to the Kaldor Border Guard."""
    kinds = GENERIC_BODIES.get(head)
    name = _without_article(speaker)
    return kinds is not None and name[:1].isupper() and not kinds.isdisjoint(name.lower().split())


def _unresolved(anaphor: str) -> str | None:
    """An anaphor with no antecedent: "the agency" still names a kind of source, "it" names none."""
    return None if anaphor.lower() in PRONOUNS else _without_article(anaphor)
