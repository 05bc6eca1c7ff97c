"""Split an article into sentences, leaving page furniture out.

Articles arrive as text scraped or pasted from web pages, so besides the story they carry the
page around it: navigation labels, bylines, read times, photo captions with credits, author bios,
"Related:" lists and trailing headlines of other stories. Figures in that furniture ("2 min read",
a bio's "joined in January 2012", a related headline's "3,000 troops") must never become claims.

Furniture is recognised by its form, never by its wording in a particular article:

* anywhere: bylines, read times ("2 min read", "Listen to this article"), timestamps ("Updated
  ..."), captions (a bracketed credit "(Name/Agency)", or "Image caption, ..."), copyright lines,
  one-to-three-word labels ("Avatar", "Show More") and prompts ("Sign up for ...");
* the header is every line before the first prose line (ending in sentence punctuation, not in
  Title Case) that is not printed twice: a title repeated above the byline is header even with a
  full stop. Its lines that are not furniture are the headline; a repeated title counts once;
* the trailer is every line after the last prose paragraph that is not an author bio, read
  backwards from the end: bios are paragraphs that open with a name and a career verb and talk
  about a career ("joined ... in 2012", "correspondent", "desk");
* in between, marker lines ("Related:", "Read more") and the list after them, and headline-like
  lines without sentence punctuation (links to other stories, subheads) are dropped; bullet
  lines of the story itself are kept, and so are fact-box lines ("Deaths: 41", see fact_lines.py),
  which count as prose for the header and trailer.

Sentences inside kept paragraphs come from pysbd, a rule-based splitter that knows
abbreviations ("U.S.", "Oct.", "No. 3"), decimals and initials. pysbd is slow (it builds
regexes per call), so a paragraph whose every boundary is plain (". " then a capital, with no
abbreviation or initial before the full stop) is split directly; only paragraphs with an
ambiguous full stop go to pysbd. Both give the same sentences on such paragraphs.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import pysbd

from checker.extract.fact_lines import fact_line
from checker.extract.memo import by_text
from checker.extract.types import Sentence
from checker.models import Document

# Marker lines that introduce links to other pages; everything list-like after them is furniture.
LIST_MARKERS = frozenset({
    "related", "related post", "related posts", "related articles", "related stories", "related coverage",
    "related content", "related news", "read more", "read also", "also read", "see also", "more from",
    "more on this story", "more stories", "more news", "trending", "trending now", "recommended",
    "recommended for you", "you may also like", "you might also like", "most read", "most popular",
    "popular", "latest", "latest news", "top stories", "further reading", "what to read next",
})
# Interface labels scraped along with the story.
UI_LABELS = frozenset({
    "login", "log in", "sign in", "sign up", "register", "subscribe", "show more", "load more", "share",
    "share this", "share this article", "advertisement", "sponsored", "article image", "avatar", "news feed",
    "menu", "home", "comments", "print", "email", "copy link", "listen", "listen to this article",
    "skip to content", "close", "back to top", "follow", "newsletter", "image", "photo", "video",
})
# Prompts to act rather than statements: newsletter, social and app nags.
PROMPT = re.compile(
    r"^(?:newsletters?\s*:|(?:sign up|subscribe|follow us|follow our|join us|join our|get the latest|get our"
    r"|download (?:our|the)|click here|tap here|share this|like us on|support our|donate)\b)",
    re.I,
)
# "Share 1.2K | 341 comments", "48K followers": a page's counters, one per piece between bars or dots.
SOCIAL_COUNT = re.compile(r"(?:(?:shares?|comments?|likes?|followers?|views?|reactions?|reposts?)\s*[\d.,]+[KkMm]?"
                          r"|[\d.,]+[KkMm]?\s*(?:shares?|comments?|likes?|followers?|views?|reactions?|reposts?))",
                          re.I)
BYLINE = re.compile(r"^(?:by|written by|reporting by|words by|story by)\s+[A-Z][\w.'’-]*", re.I)
READ_TIME = re.compile(
    r"\b\d+\s*-?\s*(?:min|mins|minute|minutes)\s+(?:read|listen)\b|^listen to this (?:article|story)\b", re.I
)
# "Updated Oct 24, 2024, 10:15 a.m. ET", "Published 3 hours ago": when the page changed, not the story.
TIMESTAMP = re.compile(r"^(?:updated|published|posted|last updated|first published|modified)\b", re.I)
# A dateline: nothing but a day, date, time and zone ("Tuesday 10 June 2025 09.30 BST", "June 9, 2025 10:52 a.m. ET").
DATELINE_WORD = re.compile(
    r"(?:\d{1,4}(?:st|nd|rd|th)?|\d{1,2}[.:]\d{2}|[A-Z]{2,4}|(?i:[ap]\.?m|at|on|"  # zones are upper case: BST, ET
    + "|".join([*calendar.day_name, *calendar.day_abbr, *calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"])
    + r"))\.?"
)
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b", re.I)
# A caption ends in a bracketed credit: a slash ("Name/Agency") or a picture-desk word.
CREDIT = re.compile(
    r"\((?=[^()]*(?:/|\b(?:Getty|Reuters|AP|AFP|EPA|Photo|Photograph|Pool|Images|Shutterstock|Bloomberg"
    r"|Courtesy|File|Xinhua|Anadolu|Alamy|Sipa|TASS|Handout|via)\b))[^()]{2,80}\)\s*$"
)
CAPTION_PREFIX = re.compile(
    r"^(?:photo|image|picture|caption|credit|pictured|above|top|image source|image caption|photo credit)\s*[:,]", re.I
)
TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
BULLET = re.compile(r"^\s*(?:[-–•*·]|\d{1,2}[.)])\s+")
WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*")
# A bio opens with a person's name followed by a career verb, and talks about jobs.
BIO_OPENING = re.compile(
    r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s+(?:is|was|has|had|edits|covers|writes|reports|leads|joined"
    r"|serves|works|heads|runs)\b"
)
CAREER = re.compile(
    r"\b(?:joined|correspondent|editor|edits|reporter|desk|staff writer|fellow|graduated|degree|master’?'?s"
    r"|bachelor’?'?s|based in|lives in|covers|writes about|contributor|journalist|bureau|newsroom|worked as"
    r"|served as|previously)\b",
    re.I,
)
_PUNCTUATION = re.compile(r"[^\w\s]+")  # what a line's key leaves out
LABEL_WORDS = 12  # the most words a page label, or a related-links marker standing alone, may have
HEADER_REACH = 8  # the story starts within this many lines; past them a repeated line is not a title
PROSE_WORDS = 4
LONG_LINE_WORDS = 25  # a line this long is prose even if cut off before its full stop
HEADLINE_WORDS = 20


@dataclass
class _Line:
    start: int
    end: int
    text: str
    role: str = "body"  # body | headline | furniture
    reason: str = ""

    @cached_property
    def word_list(self) -> list[str]:
        return WORD.findall(self.text)

    @property
    def words(self) -> int:
        return len(self.word_list)

    @property
    def prose(self) -> bool:
        return _line_form(self.text)[1]

    @property
    def furniture(self) -> str | None:
        """Why the line is furniture by its form alone (asked several times per line), or None."""
        return _line_form(self.text)[0]

    @cached_property
    def key(self) -> str:
        return _PUNCTUATION.sub("", self.text).strip().lower()


def segment(document: Document) -> list[Sentence]:
    """Sentences of the article body and headline, with absolute offsets into document.text."""
    sentences: list[Sentence] = []
    paragraph = 0
    for line in _classify(document):
        if line.role == "furniture":
            continue
        if line.role == "headline":
            sentences.append(Sentence(start=line.start, end=line.end, text=line.text, paragraph=paragraph,
                                      in_headline=True))
        else:
            sentences.extend(_split(document.text, line, paragraph))
        paragraph += 1
    return sentences


def furniture_spans(document: Document) -> list[tuple[int, int, str]]:
    """(start, end, reason) of every line left out as page furniture, for reports."""
    return [(line.start, line.end, line.reason) for line in _classify(document) if line.role == "furniture"]


def _lines(document: Document) -> list[_Line]:
    lines: list[_Line] = []
    offset = document.body_start
    for raw in document.text[document.body_start:].split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + raw.index(stripped[0])
            lines.append(_Line(start, start + len(stripped), stripped))
        offset += len(raw) + 1
    return lines


def _classify(document: Document) -> list[_Line]:
    lines = _lines(document)
    body_start = _mark_header(lines)
    body_end = _mark_trailer(lines, body_start)
    _mark_middle(lines[body_start:body_end])
    return lines


@by_text(maxsize=16384)
def _line_form(text: str) -> tuple[str | None, bool]:
    """(why the line is furniture by its form alone or None, whether it reads as prose): both depend
    on the line's text only, and page furniture and reprinted paragraphs repeat across an archive."""
    line = _Line(0, len(text), text)
    furniture = _form_furniture(line)
    # a fact box's "Deaths: 41" is no sentence, but the story's own figure: kept like prose
    return furniture, _is_prose(line) or (furniture is None and _is_fact(text))


def _is_fact(text: str) -> bool:
    if ":" not in text:
        return False
    bullet = BULLET.match(text)
    return fact_line(text[bullet.end():] if bullet else text) is not None


def _is_prose(line: _Line) -> bool:
    if _is_title_case(line):
        return False
    return (TERMINAL.search(line.text) is not None and line.words >= PROSE_WORDS) or line.words >= LONG_LINE_WORDS


def _is_title_case(line: _Line) -> bool:
    """Headline style ("A Guide To The Quietest Towns In The U.S."): nearly every longer word capitalised."""
    words = line.word_list
    # more lower-case long words than a fifth of all words: below 80% capitalised whatever follows
    lower_limit = 0.2 * len(words)
    long_words = capitalised = 0
    for word in words:
        if len(word) > 3 and word[0].isalpha():
            long_words += 1
            if word[0].isupper():
                capitalised += 1
            elif long_words - capitalised > lower_limit:
                return False
    return long_words >= 3 and capitalised >= 0.8 * long_words


def _form_furniture(line: _Line) -> str | None:
    """Why a line is furniture wherever it stands, judged by its form alone; None if it is not."""
    # word counts are cached; test them before the patterns, most lines are long prose
    text, words = line.text, line.words
    if words <= 6 and READ_TIME.search(text):
        return "read time"
    if words <= 12 and BYLINE.match(text) and not TERMINAL.search(text):
        return "byline"
    if (text.endswith(")") and CREDIT.search(text)) or (words <= 40 and CAPTION_PREFIX.match(text)):
        return "photo caption"
    # a dateline has at most 10 pieces of at most two words each ("12:30")
    if (words <= 14 and TIMESTAMP.match(text)) or (words <= 20 and _is_dateline(text)):
        return "timestamp"
    if words <= 30 and COPYRIGHT.search(text):
        return "copyright notice"
    # a label is a few words; a longer line is never one (and its key is not worth making)
    if words <= LABEL_WORDS and line.key in UI_LABELS:
        return "page label"
    if (words <= LABEL_WORDS or ":" in text) and _is_marker(line):  # "Read more: <a headline>"
        return "related-links marker"
    if words <= 30 and PROMPT.match(text):
        return "newsletter or social prompt"
    if words <= 10 and all(SOCIAL_COUNT.fullmatch(piece.strip()) for piece in re.split(r"[|·•]", text)):
        return "share and comment counts"
    if line.words <= 3 and not TERMINAL.search(text) and not _is_fact(text):
        return "page label"
    return None


_DATELINE_PIECE = re.compile(r"[^\s,|/–-]+")


def _is_dateline(text: str) -> bool:
    words: list[str] = []
    for piece in _DATELINE_PIECE.finditer(text):
        words.append(piece.group())
        if len(words) > 10:
            return False  # a prose line: stop reading it
    return 2 <= len(words) and all(DATELINE_WORD.fullmatch(w) for w in words) \
        and any(w[0].isdigit() for w in words) and any(w[0].isalpha() for w in words)


def _is_marker(line: _Line) -> bool:
    head = line.text.split(":", 1)[0] if ":" in line.text else line.text
    return _PUNCTUATION.sub("", head).strip().lower() in LIST_MARKERS


def _mark_header(lines: list[_Line]) -> int:
    """Mark the lines above the story; return the index of the first body line."""
    end = _header_end(lines)
    seen: set[str] = set()
    for line in lines[:end]:
        reason = line.furniture
        if reason is None and line.key in seen:
            reason = "repeated headline"
        if reason:
            line.role, line.reason = "furniture", reason
        else:
            line.role = "headline"
            seen.add(line.key)
    return end


def _header_end(lines: list[_Line]) -> int:
    """The first prose line that is not furniture and not a title printed twice; the story starts there."""
    for i, line in enumerate(lines[:HEADER_REACH]):
        printed_twice = any(line.key == other.key for j, other in enumerate(lines[:i + 3]) if j != i)
        if line.prose and not printed_twice and line.furniture is None:
            return i
    return next((i for i, line in enumerate(lines) if line.prose), len(lines))


def _mark_trailer(lines: list[_Line], body_start: int) -> int:
    """Mark what follows the story (labels, bios, link lists); return the index after the body."""
    end = len(lines)
    while end > body_start:
        line = lines[end - 1]
        if line.prose and not _is_bio(line) and line.furniture is None:
            break
        line.role = "furniture"
        line.reason = line.furniture or ("author bio" if line.prose else "trailing headline or link")
        end -= 1
    return end


def _is_bio(line: _Line) -> bool:
    return BIO_OPENING.match(line.text) is not None and len(CAREER.findall(line.text)) >= 2


def _mark_middle(lines: list[_Line]) -> None:
    in_link_list = False
    for line in lines:
        reason = line.furniture
        if reason == "related-links marker":
            in_link_list = True
        elif line.prose and not BULLET.match(line.text):
            in_link_list = False
        elif in_link_list:
            reason = "related headline"
        elif not TERMINAL.search(line.text) and line.words <= HEADLINE_WORDS and not BULLET.match(line.text):
            reason = reason or "headline-like line in the story (link or subhead)"
        if reason:
            line.role, line.reason = "furniture", reason


@lru_cache(maxsize=1)
def _splitter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


# Sentence punctuation, any closing quotes or brackets, then the space before the next sentence.
_BOUNDARY = re.compile(r"[.!?…][\"'”’)\]]*[ \t]+")
# A full stop that may not end a sentence: after an initial or letter ("J.", "U.S."), or an abbreviation.
_AMBIGUOUS_STOP = re.compile(
    r"(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Sgt|Capt|Adm|Sen|Rep|Gov|Pres|Rev|St|Jr|Sr|Inc|Corp"
    r"|Co|Ltd|Bros|No|Nos|Vol|vs|etc|approx|est|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mt|Ft|Ave"
    r"|Blvd|Rd|Dept|Univ|al|cf|ca|pp|fig|ed))\.$"
)
# "U.S.", "U.N.": pysbd ends a sentence after one only before a word of its SENTENCE_STARTERS list.
_ACRONYM_STOP = re.compile(r"\b[A-Za-z](?:\.[A-Za-z])+\.$")
_CLOCK = re.compile(r"[ap]\.m\.", re.IGNORECASE)
_STARTER_AFTER = re.compile(r"(?:A|Being|Did|For|He|How|However|I|In|It|Millions|More|She|That|The|There|They|We"
                            r"|What|When|Where|Who|Why)\s")
_SENTENCE_START = re.compile(r"[A-Z0-9\"“‘'(\[]")


def _plain_pieces(body: str, cursor: int) -> list[str] | None:
    """Sentences of a paragraph whose boundaries are all unambiguous, else None (ask pysbd)."""
    pieces: list[str] = []
    start = cursor
    for boundary in _BOUNDARY.finditer(body, cursor):
        if boundary.end() >= len(body):
            break
        stop = boundary.start()
        acronym = _ACRONYM_STOP.search(body, max(cursor, stop - 8), stop + 1) if body[stop] == "." else None
        if acronym and not body[boundary.end()].islower():
            if _CLOCK.fullmatch(acronym.group()) or _STARTER_AFTER.match(body, boundary.end()):
                return None  # "... in the U.S. The talks", "at 3 p.m. Police said": pysbd's call
        if acronym:
            continue  # "the U.S. said", "U.N. officials": pysbd does not end a sentence there either
        if body[stop] == "." and _AMBIGUOUS_STOP.search(body, max(cursor, stop - 6), stop + 1):
            return None
        if not _SENTENCE_START.match(body, boundary.end()):
            return None  # "... 3 p.m. on Friday": a lower-case continuation is pysbd's call
        if _inside_quote(body, cursor, boundary.end()):
            return None  # pysbd keeps a quotation of several sentences together, with its speaker
        pieces.append(body[start:boundary.end()])
        start = boundary.end()
    pieces.append(body[start:])
    return pieces


def _inside_quote(body: str, start: int, end: int) -> bool:
    span = body[start:end]
    return span.count('"') % 2 == 1 or span.count("“") > span.count("”")


def _split(text: str, line: _Line, paragraph: int) -> list[Sentence]:
    """The paragraph's sentences, with offsets into the document."""
    return [Sentence(start=line.start + start, end=line.start + end, text=line.text[start:end], paragraph=paragraph)
            for start, end in _sentence_spans(text[line.start:line.end])]


@by_text(maxsize=4096)
def _sentence_spans(body: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of a paragraph, re-anchored by searching forward from the last one;
    remembered by the paragraph's text, as reprinted paragraphs recur across an archive."""
    bullet = BULLET.match(body)
    cursor = bullet.end() if bullet else 0
    spans: list[tuple[int, int]] = []
    pieces = _plain_pieces(body, cursor)
    for piece in pieces if pieces is not None else _splitter().segment(body[cursor:]):
        piece = piece.strip()
        if not piece:
            continue
        found = body.find(piece, cursor)
        if found < 0:  # pysbd altered the text; fall back to the rest of the line as one sentence
            found, piece = cursor, body[cursor:].strip()
        spans.append((found, found + len(piece)))
        cursor = found + len(piece)
        if cursor >= len(body):
            break
    return tuple(spans)
