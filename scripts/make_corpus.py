"""Deterministic synthetic news corpus for the benchmark, varied from the sample articles in seeds/.

Article i depends only on (seed, i), so any prefix of a big corpus is the smaller corpus, and two runs
write the same bytes. Articles come in stories of STORY_SIZE (one news cycle, several outlets): a story
fixes the people and places (invented names), the counted things, the date and the scale of the
figures; each article then picks a template, an outlet and its own small variations. Never commit
the output: write it to a temp folder.

    python scripts/make_corpus.py OUT_DIR --count 1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
STORY_SIZE = 25
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MONTH_ABBREVIATIONS = {m[:3] + ".": m for m in MONTHS if len(m) > 4} | {"Sept.": "September"}
WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
SYLLABLES = ["al", "ber", "cor", "dan", "el", "fen", "gar", "hol", "ist", "jun", "kel", "lor", "mar", "nes",
             "or", "pel", "quin", "ros", "sal", "tev", "ul", "var", "wen", "yor", "zel"]
NOUNS = ("homes", "residents", "protesters", "passengers", "patients", "workers", "students", "migrants",
         "soldiers", "troops", "vehicles", "flights", "jobs", "cases", "evacuees", "households", "firefighters",
         "officers", "nurses", "teachers", "farmers", "voters", "tourists", "refugees", "arrests", "buildings",
         "schools", "hospitals", "bridges", "shops", "villages", "volunteers", "doctors", "pilots", "miners",
         "fishermen", "cyclists", "drivers", "prisoners", "hostages", "rockets", "drones", "tanks", "ships",
         "trucks", "tents", "beds", "vaccines", "tickets", "shares", "customers", "employees", "stores",
         "factories", "farms", "acres", "trees", "sheep", "cattle", "wells")
KEEP_AFTER_NUMBER = {"kilometers", "kilometres", "miles", "metres", "meters", "percent", "years", "days",
                     "months", "weeks", "hours", "minutes", "dollars", "countries", "others"}
OUTLET_FIRST = ["Northern", "Evening", "Daily", "Global", "Valley", "Coastal", "Metro", "National", "Harbour",
                "Capital", "Western", "Union"]
OUTLET_SECOND = ["Ledger", "Courier", "Post", "Wire", "Herald", "Gazette", "Times", "Chronicle"]

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_MONTH_WORD = "|".join([*MONTHS, *(re.escape(a) for a in MONTH_ABBREVIATIONS)])
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}) ({_MONTH_WORD})(?!\w)")
_MONTH_DAY = re.compile(rf"(?<!\w)({_MONTH_WORD}) (\d{{1,2}})\b(?![,.]?\d)")
_MONTH = re.compile(rf"(?<!\w)({_MONTH_WORD})(?!\w)")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w,]*\d)")
_NOUN_AFTER_NUMBER = re.compile(r"\d[\d,]*\s+([a-z]{4,}s)\b")
_NAME = re.compile(r"(?<=[a-z,;:] )([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_ANY_NAME = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
_ANY_PLURAL = re.compile(r"\b[a-z]{4,}s\b")
# Capitalised words that are not names even mid-sentence (after a colon, in headlines).
NOT_NAMES = WEEKDAYS | set(MONTHS) | {
    "The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "We", "His", "Her", "Its", "Their", "This",
    "That", "These", "Those", "But", "And", "If", "When", "While", "As", "By", "For", "From", "With", "Since",
    "After", "Before", "Article", "President", "Minister", "Secretary", "Report", "Related", "Login", "Read"}


@dataclass(frozen=True)
class Story:
    key: str
    published: dt.date
    scale: float


def seed_templates(seed_dir: Path = SEEDS) -> list[str]:
    texts = []
    for path in sorted(seed_dir.iterdir()):
        if path.suffix in (".txt", ".md") and path.stem.lower() != "readme":
            texts.append(_FRONT_MATTER.sub("", path.read_text(encoding="utf-8")))
    if not texts:
        raise SystemExit(f"{seed_dir}: no seed articles")
    return texts


def iter_corpus(count: int, seed: int = 7, templates: list[str] | None = None,
                start: int = 0) -> Iterator[tuple[str, str]]:
    """Yield (file name, text) for articles start..count-1."""
    templates = templates or seed_templates()
    for index in range(start, count):
        yield f"a{index:06d}.md", make_article(index, seed, templates)


def write_corpus(out_dir: Path, count: int, seed: int = 7, start: int = 0) -> int:
    """Write articles start..count-1 (a corpus grows by appending); returns the bytes written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, text in iter_corpus(count, seed, start=start):
        data = text.encode("utf-8")
        (out_dir / name).write_bytes(data)
        total += len(data)
    return total


def make_article(index: int, seed: int, templates: list[str]) -> str:
    story = _story(index // STORY_SIZE, seed)
    rng = random.Random(f"{seed}:article:{index}")
    body = _vary(rng.choice(templates), story, rng)
    outlet = f"{rng.choice(OUTLET_FIRST)} {rng.choice(OUTLET_SECOND)}"
    published = story.published + dt.timedelta(days=rng.randrange(3))
    title = next(line for line in body.splitlines() if line.strip()).strip().replace('"', "'")
    slug = outlet.lower().replace(" ", "-")
    return (f'---\ntitle: "{title}"\noutlet: {outlet}\npublished: {published.isoformat()}\n'
            f"url: https://example.org/{slug}/{index}\n---\n{body}")


@lru_cache(maxsize=64)
def _story(number: int, seed: int) -> Story:
    rng = random.Random(f"{seed}:story:{number}")
    published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(4000))
    return Story(key=f"{seed}:{number}", published=published, scale=rng.choice([0.2, 0.5, 1, 2, 4, 10]))


def _vary(text: str, story: Story, rng: random.Random) -> str:
    year_shift = story.published.year - 2024
    month_shift = story.published.month - 10  # the sample articles are all from October
    text = _DAY_MONTH.sub(lambda m: f"{rng.randint(1, 28)} {_month(m.group(2), month_shift)}", text)
    text = _MONTH_DAY.sub(lambda m: f"{_month(m.group(1), month_shift)} {rng.randint(1, 28)}", text)
    text = _MONTH.sub(lambda m: _month(m.group(1), month_shift), text)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + year_shift), text)
    text = _NUMBER.sub(lambda m: _figure(m.group(1), story.scale, rng), text)
    nouns = {m.group(1): _pick(NOUNS, story.key, m.group(1)) for m in _NOUN_AFTER_NUMBER.finditer(text)
             if m.group(1) not in KEEP_AFTER_NUMBER}
    text = _ANY_PLURAL.sub(lambda m: nouns.get(m.group(), m.group()), text)
    names = {m.group(1): _invented_name(story.key, m.group(1)) for m in _NAME.finditer(text)
             if m.group(1) not in NOT_NAMES}
    return _ANY_NAME.sub(lambda m: names.get(m.group(), m.group()), text)


def _month(written: str, shift: int) -> str:
    month = MONTH_ABBREVIATIONS.get(written, written)
    return MONTHS[(MONTHS.index(month) + shift) % 12]


def _figure(written: str, scale: float, rng: random.Random) -> str:
    """Scale a figure but keep it looking printed: same significant digits, same separators."""
    value = float(written.replace(",", ""))
    if value < 10 or (1900 <= value <= 2100 and "," not in written):
        return written  # ordinals, 'Article 4', '2 min read', years: left as they are
    if "." in written:
        return f"{value * scale * rng.uniform(0.8, 1.25):.{len(written.split('.')[1])}f}"
    digits = len(written.replace(",", "").rstrip("0")) or 1
    scaled = value * scale * rng.uniform(0.8, 1.25)
    rounded = int(round(scaled, -max(0, len(str(int(scaled))) - digits)))
    rounded = max(rounded, 10)
    return f"{rounded:,}" if "," in written or rounded >= 10_000 else str(rounded)


@lru_cache(maxsize=65536)
def _pick(options: tuple[str, ...], story_key: str, word: str) -> str:
    return random.Random(f"{story_key}:{word}").choice(options)


@lru_cache(maxsize=65536)
def _invented_name(story_key: str, name: str) -> str:
    rng = random.Random(f"{story_key}:name:{name}")
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    size = write_corpus(args.out_dir, args.count, args.seed)
    print(f"{args.count} articles, {size / 1e6:.1f} MB in {args.out_dir}")


if __name__ == "__main__":
    main()
