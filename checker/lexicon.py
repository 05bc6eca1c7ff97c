"""Canonical keys for grouping: which subject a claim counts and which source it comes from.

Subjects: the longest synonym from rules/subjects.yaml found in the subject phrase gives the
head ("North Korean soldiers" -> troops). A phrase with no listed synonym keeps its own last
noun, so unlisted subjects still group with themselves. Beside the head, `profile()` reads the
modifiers that split one head into different quantities: a place ("in Kursk"), a splitting
modifier before the head ("civilian", "net") and never-merge words.

Sources: the lexicon answers for checker/voices.py (`plain`, `source_key`, `source_relation`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from checker.owners import HOLDING_SET, OUTCOME_SET, OWNER_SET, SUBSET_SET, THRESHOLD_SET, owner, segment, segment_pattern
from checker.places import named_place, place_named_there, place_opening_clause
from checker.ruleset import RuleSet
from checker.voices import SourceRelation, Voices
from checker.words import plain_words, singular

__all__ = ["Lexicon", "SourceRelation", "SubjectProfile", "first_clause", "plain_words", "singular"]


_PERCENT_WORDS = frozenset({"per", "cent", "percent", "percentage", "point", "points"})
_LEVEL_LINKS = frozenset({"to", "at"})


def _find(words: list[str], phrase: tuple[str, ...]) -> int:
    """Index of the last occurrence of `phrase` in `words`, or -1."""
    n = len(phrase)
    for i in range(len(words) - n, -1, -1):
        if tuple(words[i:i + n]) == phrase:
            return i
    return -1


@dataclass(frozen=True)
class SubjectProfile:
    """What a subject phrase counts, and the modifiers that make it a different quantity."""

    head: str
    place: str | None
    modifiers: frozenset[tuple[int, str]]  # (splitting set index, member)


class Lexicon:
    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self._synonyms: dict[tuple[str, ...], str] = {}
        for entry in rules.subjects:
            for form in [entry.head, *entry.synonyms]:
                self._synonyms[tuple(singular(w) for w in plain_words(form))] = entry.head
        self._parts: dict[str, set[str]] = {e.head: set(e.parts) for e in rules.subjects}
        self._outcomes = frozenset(rules.predicate_parts)
        self._phrases_of_parts: dict[tuple[int, str], tuple[Collection[str], list[tuple[tuple[str, ...], str]]]] = {}
        self._part_of: dict[tuple[str, str], bool] = {}
        self._by_first_word: dict[str, list[tuple[tuple[str, ...], str]]] | None = None
        self._counted_by: dict[str, str] = {singular(w): e.head for e in rules.subjects
                                             for verb in e.counted_by for w in plain_words(verb)}
        self._measures: dict[tuple[str, ...], str] = {
            tuple(singular(w) for w in plain_words(form)): m.head
            for m in rules.share_measures for form in [m.head, *m.synonyms]}
        self._profiles: dict[tuple[str | None, str | None, str], SubjectProfile | None] = {}
        self._counted_cache: dict[str, str | None] = {}
        self._idioms = [tuple(singular(w) for w in plain_words(idiom)) for idiom in rules.predicate_idioms]
        self.measure_words = frozenset(singular(word.lower()) for word in rules.measure_words)
        self._apart_words = frozenset(word.lower() for word in rules.apart_places)
        self._holding_verbs = frozenset(singular(word.lower()) for word in rules.holding_verbs)
        self.hedge_words = frozenset(w for hedge in rules.hedges for phrase in hedge.words for w in plain_words(phrase))
        self._owning_verbs = frozenset(verb.lower() for verb in rules.owning_verbs)
        self._segment = segment_pattern(frozenset(noun.lower() for noun in rules.segment_nouns))
        local = "|".join(map(re.escape, rules.local_places))
        self._local = re.compile(rf"\b(?:in|across|throughout)\s+the\s+(?:{local})\b", re.IGNORECASE) if local else None
        # the place of every figure narrowed to a part of the country: 'across the region', 'in the county'
        self.local_place = "the region" if rules.local_places else None
        # every apart word is one place, named by the first listed: 'cast abroad' and 'sold overseas' meet
        self.apart_place = rules.apart_places[0].lower() if rules.apart_places else None
        self.nameless = frozenset(singular(w) for word in rules.nameless_subjects for w in plain_words(word))
        # index order: splitting sets, part sets (also splitting), identity sets, never-merge pairs
        splitting = [*rules.splitting_modifiers, *rules.part_modifiers, *rules.identity_modifiers, *rules.never_merge]
        first_part = len(rules.splitting_modifiers)
        first_identity = first_part + len(rules.part_modifiers)
        self._first_identity = first_identity
        # part sets, and owners ('The Alliance won 132 seats'): an unowned total never joins them
        self.part_sets = frozenset(range(first_part, first_identity)) | {OWNER_SET, SUBSET_SET, OUTCOME_SET, HOLDING_SET,
                                                                        THRESHOLD_SET}
        self.identity_sets = frozenset(range(first_identity, first_identity + len(rules.identity_modifiers)))
        self._splitting = [[tuple(singular(w) for w in plain_words(m)) for m in group] for group in splitting]
        self._parts_by_first_word: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        self._part_members: dict[str, frozenset[tuple[int, str]]] = {}
        for index in range(first_part, first_identity):
            for member in self._splitting[index]:
                if member:
                    self._parts_by_first_word.setdefault(member[0], []).append((index, member))
        # holder() asks which modifier ends with the word before a figure: looked up, not scanned for
        self._held_by_last_word: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for index, group in enumerate(self._splitting[:first_identity]):
            for member in group:
                if member:
                    self._held_by_last_word.setdefault(member[-1], []).append((index, member))
        # sources: one voice under its names (checker/voices.py)
        voices = Voices(rules)
        self.plain, self.source_key, self.source_relation = voices.plain, voices.source_key, voices.source_relation
        self.generic_family = voices.generic_family

    # --- subjects ------------------------------------------------------------------------------

    def subject_key(self, subject: str | None, unit: str | None) -> str | None:
        for text in (subject, _thing_unit(unit)):
            if text:
                head = self._head(text)
                if head:
                    return head[0]
        return None

    def profile(self, subject: str | None, unit: str | None, after: str = "") -> SubjectProfile | None:
        """Head plus splitting modifiers; None when neither subject nor unit names a thing.

        `after` is the sentence text right after the figure: "2,000 soldiers moved to Kursk" names
        its place there even when the subject phrase stops at "soldiers".
        """
        clause = first_clause(after)
        key = (subject, unit, clause)
        if key not in self._profiles:  # a story repeats few (subject, unit, clause) wordings many times
            self._profiles[key] = self._profile(subject, unit, clause)
        return self._profiles[key]

    def _profile(self, subject: str | None, unit: str | None, clause: str) -> SubjectProfile | None:
        for text in (subject, _thing_unit(unit)):
            if not text:
                continue
            found = self._head(text)
            if found is None:
                continue
            head, words, head_at = found
            part = self._predicate_part(head, clause)
            # "two miners were taken to hospital": an unlisted subject's part keeps its head
            outcome = None if part or head in self._parts else self._first_part_named(self._outcomes, head, clause)
            head = part or head
            modifiers = self._modifiers(words, head_at, head)
            if outcome:
                modifiers |= {(OUTCOME_SET, outcome)}
            place = named_place(subject or "") or named_place(clause)
            if place:
                place = " ".join(self.plain(place))  # 'Russian territory' and 'Russia' are one place
            elif self._apart_words and not self._apart_words.isdisjoint(plain_words(f"{subject or ''} {clause}")):
                place = self.apart_place
            return SubjectProfile(head, place, modifiers)
        return None

    def holder(self, before: str) -> frozenset[tuple[int, str]]:
        """A splitting modifier that holds the figure from the words right before it: 'healthcare
        added 61,000 jobs', '... and construction 18,000' (rules/subjects.yaml holding_verbs)."""
        words = [singular(w) for w in plain_words(" ".join(before.rsplit(None, 4)[-4:]))]
        if words and words[-1] in self._holding_verbs:
            words = words[:-1]
        for index, member in self._held_by_last_word.get(words[-1], ()) if words else ():
            if tuple(words[-len(member):]) == member:
                return frozenset({(index, " ".join(member))})
        return frozenset()

    def change(self, before: str) -> frozenset[tuple[int, str]]:
        """The part-set member a change verb right before the figure writes: 'added 9.2 million
        subscribers' -> added; hedges between are skipped ('gained more than 40,000')."""
        if before.rstrip().endswith((":", ";", ",")):
            return frozenset()  # "the damage count rose: 152 homes have been destroyed" is a level
        words = [w for w in plain_words(" ".join(before.rsplit(None, 8)[-8:]))]
        while words and words[-1] in self.hedge_words and words[-1] not in _LEVEL_LINKS:
            words.pop()
        if words and words[-1] in _LEVEL_LINKS:
            return frozenset()  # "fell 1,190 points, or 2.9%, to 39,812": the level the change reached
        while words and (words[-1] in _PERCENT_WORDS or words[-1][0].isdigit()):
            words.pop()  # a percentage the figure restates: "lost 2.9 per cent, or about 1,190 points"
        member = self.rules.change_verbs.get(words[-1]) if words else None
        if member is None:
            return frozenset()
        index = next((i for i, group in enumerate(self._splitting[:self._first_identity]) if (member,) in group), None)
        return frozenset() if index is None else frozenset({(index, member)})

    def place_before(self, before: str) -> tuple[str | None, bool]:
        """places.place_opening_clause, with the place in the lexicon's plain words."""
        place, contrast = place_opening_clause(before)
        return (" ".join(self.plain(place)), contrast) if place else (None, False)

    def place_there(self, before: str, after: str) -> str | None:
        """places.place_named_there, in the lexicon's plain words."""
        place = place_named_there(before, after)
        return " ".join(self.plain(place)) if place else None

    def owner(self, before: str) -> frozenset[tuple[int, str]]:
        """The owner of the figure as a modifier: 'The Centre Alliance won 132 seats' (checker/owners.py)."""
        name = owner(before, self._owning_verbs, self.hedge_words) if self._owning_verbs else None
        return frozenset({(OWNER_SET, name)}) if name else frozenset()

    def segment(self, before: str) -> frozenset[tuple[int, str]]:
        """The part of a company that owns the figure: 'Revenue at the passenger airline rose to' (owners.py)."""
        name = segment(before, self._segment)
        return frozenset({(OWNER_SET, name)}) if name else frozenset()

    def head_of(self, text: str) -> str | None:
        """The head a phrase names ('the death toll' -> deaths), or None."""
        found = self._head(text)
        return found[0] if found is not None else None

    def part_members(self, text: str) -> frozenset[tuple[int, str]]:
        """Members of part sets written in `text` ('the Dunmore plant' -> plant)."""
        if text not in self._part_members:  # sentence openings repeat: 'The company said', 'It said'
            words = [singular(w) for w in plain_words(text)]
            self._part_members[text] = frozenset(
                (index, " ".join(member)) for word in set(words)
                for index, member in self._parts_by_first_word.get(word, ()) if _find(words, member) >= 0)
        return self._part_members[text]

    def is_local(self, text: str) -> bool:
        """'Across the region, 24,000 students ...': the figure counts a part of the country."""
        return self._local is not None and self._local.search(text) is not None

    def names_nothing(self, subject: str | None) -> bool:
        """True when a subject phrase holds only fallback words ('share', 'the amount')."""
        words = {singular(w) for w in plain_words(subject or "")}
        return words <= self.nameless

    def share_measure(self, *texts: str) -> str | None:
        """The measure a percentage's wording names ('took part', 'turnout' -> turnout), if listed."""
        best: tuple[int, str] | None = None  # longest wording wins
        for text in texts:
            words = [singular(w) for w in plain_words(text)]
            for phrase, head in self._measures.items():
                if _find(words, phrase) >= 0 and (best is None or len(phrase) > best[0]):
                    best = (len(phrase), head)
        return best[1] if best else None

    def counted_by(self, before: str) -> str | None:
        """The head a verb right before the figure names: 'employs 85,000 people' counts employees.
        Only the last two words are read, so a hedge may sit between ('employs about 85,000')."""
        last = " ".join(before.rsplit(None, 8)[-8:])  # a few tokens hold the last two words
        if last not in self._counted_cache:
            words = reversed([singular(w) for w in plain_words(last)][-2:])
            self._counted_cache[last] = next((self._counted_by[w] for w in words if w in self._counted_by), None)
        return self._counted_cache[last]

    def _predicate_part(self, head: str, clause: str) -> str | None:
        """A part of `head` named by the words after the figure: '23 people had been confirmed dead'
        counts deaths, not people, and '42 people were arrested' counts arrests. Only parts listed for
        the head in rules/subjects.yaml are read, so a predicate never moves a count to another whole."""
        return self._first_part_named(self._parts.get(head), head, clause)

    def _first_part_named(self, parts: Collection[str] | None, head: str, clause: str) -> str | None:
        if not parts or not clause:
            return None
        words = self._without_idioms([singular(w) for w in plain_words(clause)])
        present = set(words)
        best: tuple[int, str] | None = None  # (position, part head): the first part named wins
        for phrase, part in self._part_phrases(parts, head):
            if not phrase or phrase[0] in present:  # most phrases share no word with the clause
                at = _find(words, phrase)
                if at >= 0 and (best is None or at < best[0]):
                    best = (at, part)
        return best[1] if best else None

    def _part_phrases(self, parts: Collection[str], head: str) -> list[tuple[tuple[str, ...], str]]:
        """The synonyms naming one of `parts` (other than `head`), in rule order; made once per set."""
        key = (id(parts), head)
        known = self._phrases_of_parts.get(key)
        if known is None or known[0] is not parts:
            known = self._phrases_of_parts[key] = (parts, [(phrase, part) for phrase, part in self._synonyms.items()
                                                           if part in parts and part != head])
        return known[1]

    def _without_idioms(self, words: list[str]) -> list[str]:
        """Blank out set phrases ('walked off the job', 'out of work'): their nouns are part of a
        verb, so '14,000 workers walked off the job' still counts workers, not jobs."""
        for idiom in self._idioms:
            n = len(idiom)
            for i in range(len(words) - n + 1):
                if n and tuple(words[i:i + n]) == idiom:
                    words[i:i + n] = [""] * n
        return words

    def is_part(self, part: str, whole: str) -> bool:
        """True when `part` is counted within `whole`, directly or through another part."""
        known = self._part_of.get((part, whole))
        if known is None:
            known = self._part_of[(part, whole)] = self._reaches(part, whole)
        return known

    def _reaches(self, part: str, whole: str) -> bool:
        seen: set[str] = set()
        frontier = [whole]
        while frontier:
            current = frontier.pop()
            for child in self._parts.get(current, set()):
                if child == part:
                    return True
                if child not in seen:
                    seen.add(child)
                    frontier.append(child)
        return False

    def _head(self, text: str) -> tuple[str, list[str], int] | None:
        words = [singular(w) for w in plain_words(text)]
        if not words:
            return None
        best: tuple[int, int, str] | None = None  # (length, position, head): longest, then rightmost
        for phrase, head in self._synonym_candidates(tuple(words)):
            at = _find(words, phrase)
            if at >= 0 and (best is None or (len(phrase), at) > best[:2]):
                best = (len(phrase), at, head)
        if best is not None and not self._plural_after(text, words, best[0] + best[1]):
            return best[2], words, best[1]
        content = [w for w in words if not w.replace(".", "").replace(",", "").isdigit()]
        if content and content[-1] in self.nameless and len(content) >= 2 and content[-2] not in self.nameless:
            # 'inflation rate', 'unemployment level': the word before the nameless one names the quantity
            return content[-2], words, len(words) - 2
        if not content or content[-1] in self.nameless:
            return None  # 'the amount', 'a duration': the phrase names no counted thing
        if len(content) >= 2 and _PARTICIPLE.match(content[-1]) and content[-2] not in self.nameless:
            return content[-2], words, len(words) - 2  # 'cocaine hidden': an unlisted participle is no thing
        return content[-1], words, len(words) - 1

    def _plural_after(self, text: str, words: list[str], end: int) -> bool:
        """A plural noun right after the synonym found ends the phrase: 'state schools', 'refugee camps'
        count schools and camps, not states and refugees."""
        if end != len(words) - 1:
            return False
        last = plain_words(text)[-1]
        return (len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is"))
                and words[-1] not in self.nameless and words[-1] != last)

    def _synonym_candidates(self, words: tuple[str, ...]) -> list[tuple[tuple[str, ...], str]]:
        if self._by_first_word is None:
            self._by_first_word = {}
            for phrase, head in self._synonyms.items():
                self._by_first_word.setdefault(phrase[0], []).append((phrase, head))
        return [candidate for w in set(words) for candidate in self._by_first_word.get(w, [])]

    def _modifiers(self, words: list[str], head_at: int, head: str) -> frozenset[tuple[int, str]]:
        """Members of splitting sets written before the head (or anywhere, for never-merge words)."""
        found: set[tuple[int, str]] = set()
        n_modifier_sets = self._first_identity + len(self.rules.identity_modifiers)
        for index, group in enumerate(self._splitting):
            scope = words[:head_at] if index < n_modifier_sets else words
            present = set(scope)
            for member in group:
                if (member[0] in present and _find(scope, member) >= 0 and self._synonyms.get(member) != head
                        and not set(member) <= set(head.split())):  # 'construction' in the head 'construction jobs'
                    found.add((index, " ".join(member)))
        # two members of one set in one phrase ('civilian and military deaths') split nothing
        by_set: dict[int, list[str]] = {}
        for index, member in found:
            by_set.setdefault(index, []).append(member)
        return frozenset((i, m[0]) for i, m in by_set.items() if len(m) == 1)

# 'who' with no comma before it opens a restrictive clause that says which of the counted it means:
# 'two people who died in a fire' counts deaths ('..., who' is cut at the comma)
# ('as' after a participle is no conjunction: "18,400 people had been registered as displaced")
_CLAUSE_END = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\b(?:while|and|but|which|whom|after|before|although|(?<!ed\s)as|"
                         r"because|since|when|where|with|including|said|says|according)\b", re.IGNORECASE)


def first_clause(text: str, max_words: int = 10) -> str:
    """The words after a figure up to the end of its clause: the figure's own phrase."""
    # `max_words` words never run past a few hundred characters: do not scan a long sentence's rest
    clause = _CLAUSE_END.split(text[:60 * max_words], maxsplit=1)[0]
    return " ".join(clause.split()[:max_words])


def _thing_unit(unit: str | None) -> str | None:
    """The unit when it names a thing; a bare rate ('per day', of "nearly 600 a day") names none."""
    return None if unit is None or unit.startswith("per ") else unit


_PARTICIPLE = re.compile(r"^[a-z]{3,}(?:ed|en)$")
