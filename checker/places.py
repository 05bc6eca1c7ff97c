"""Places a figure is counted in, read from the words around it: 'troops in Kursk', '..., while in
London the typical price reached £534,000'. The lexicon turns what these return into its plain words."""

from __future__ import annotations

import calendar
import re

ARTICLES = {"the", "a", "an"}
_LEADING_CONJUNCTION = re.compile(r"^\s*(?:(?:while|whereas|and|but|yet)\s+)?", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[;:(]|,(?!\d)|(?<!\d),")  # ends the clause before a figure; not the comma of "2,337,000"
_PLACE_PREPOSITIONS = {"in", "into", "to", "at", "near", "across", "inside", "on", "within", "throughout"}


def named_place(text: str) -> str | None:
    """A capitalised place after a preposition: 'troops in Kursk' -> 'kursk'.

    'in eastern Russia' -> 'russia'; 'in Russia's Kursk region' -> 'kursk' (the possessive names
    the larger place, the words after it the smaller one, which is what the figure counts).
    """
    tokens = re.split(r"\s+", text.strip())
    for i, token in enumerate(tokens[:-1]):
        if token.lower() not in _PLACE_PREPOSITIONS:
            continue
        names: list[str] = []
        for raw in tokens[i + 1:i + 7]:
            possessive = bool(re.search(r"['\u2019]s\W*$", raw))
            bare = re.sub(r"['\u2019]s\W*$", "", raw).strip(".,;:()\"'")
            if not bare:
                break
            if bare[0].isupper():
                if bare.lower() in _CALENDAR_WORDS:
                    break  # 'on Saturday', 'in July' say when, not where
                if bare.lower() not in _PLACE_NOUNS:
                    names.append(bare.lower())
                if possessive:
                    names = []  # the possessor is the wider place; keep reading for the narrower one
                continue
            if not names and (bare.lower() in ARTICLES or bare.lower() in _COMPASS):
                continue
            break
        if names:
            return " ".join(names)
    return None


def place_opening_clause(before: str) -> tuple[str | None, bool]:
    """A place that opens the figure's own clause, and whether the clause sets it against the
    rest ('..., while in London the typical price reached £534,000': London against the country).
    A place further in ('the death toll from the quake in the Tarsen Valley rose to 23') names
    where something else happened, and an opening 'In London, ...' may only set the scene."""
    own = CLAUSE_BREAK.split(before)[-1]
    conjunction = _LEADING_CONJUNCTION.match(own)
    rest = own[conjunction.end():] if conjunction else own
    if rest.split(" ", 1)[0].lower() not in ("in", "across", "throughout"):
        return None, False
    place = named_place(rest)
    if not place:
        return None, False
    return place, conjunction is not None and conjunction.group().strip().lower() in ("while", "whereas", "but")


_COMPASS = {"eastern", "western", "northern", "southern", "central", "northeastern", "northwestern",
            "southeastern", "southwestern", "east", "west", "north", "south"}
_CALENDAR_WORDS = {name.lower() for name in [*calendar.day_name, *calendar.month_name, *calendar.day_abbr,
                                                *calendar.month_abbr] if name}
# 'Kursk region' and 'Kursk Oblast' are one place
_PLACE_NOUNS = {"oblast", "region", "province", "state", "county", "district", "city", "territory", "soil"}


# "putting all 310 jobs there at risk", not "there were 310 jobs" (where 'there' comes first)
_THERE_AFTER = re.compile(r"^(?:\s+[\w-]+){0,3}?\s+there\b", re.IGNORECASE)
_IN_A_PLACE = re.compile(r"\bin\s+(?=(?:the\s+)?[A-Z])")


def place_named_there(before: str, after: str) -> str | None:
    """"... close its centre in Vendholm's Kanal district, putting all 310 jobs there at risk": the
    figure's 'there' is the last place the sentence named before it."""
    if not _THERE_AFTER.match(after):
        return None
    found = [match.start() for match in _IN_A_PLACE.finditer(before)]
    return named_place(before[found[-1]:]) if found else None


_SCENE = re.compile(r"^\s*(?:In|Across|Throughout)\s+[^,;:()]{1,60},\s")


def scene_place(before: str) -> str | None:
    """The place an opening sets the sentence in when the figure is in the next clause: 'In Varenna,
    turnout reached 66.4%' -> 'varenna'. Whether it is a part or only the scene is decided by the
    article (checker/within_article.py)."""
    opening = _SCENE.match(before)
    if opening is None or CLAUSE_BREAK.search(before, opening.end()):
        return None
    return named_place(before[:opening.end()].rstrip(", "))
