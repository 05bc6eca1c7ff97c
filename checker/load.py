"""Read articles from disk into Documents: files, folders, YAML front matter, sources.yaml.

Text is decoded as UTF-8 with newlines folded to "\\n" exactly as Python's text mode does, so
a claim's `start`/`end` index what `Path.read_text(encoding="utf-8")` returns, front matter
included. Anything unreadable is an InputError whose message names the file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from checker.errors import ClaimcheckError, ConfigError, InputError
from checker.models import Document
from checker.yamlsource import parse_yaml, read_yaml, validate

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
NOT_ARTICLES = {"readme", "changelog", "license", "contributing"}
SOURCES_FILE = "sources.yaml"
_MB = 1024 * 1024
MAX_BYTES = 20 * _MB
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


class SourceMeta(BaseModel):
    """What front matter or sources.yaml may say about an article."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    role: str | None = Field(None, pattern="^(source|draft)$")

    @field_validator("published", mode="before")
    @classmethod
    def _date_from_datetime(cls, value: object) -> object:
        return value.date() if isinstance(value, dt.datetime) else value


class LoadResult(BaseModel):
    documents: list[Document]
    errors: list[str] = Field(default_factory=list)


def decode(data: bytes, path: Path) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not an article (NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save it as UTF-8"
        ) from None
    # Same as text mode's universal newlines, so offsets agree with read_text().
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, max_bytes: int | None = None) -> str:
    try:
        within_limit(path, path.stat().st_size, max_bytes)
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return article_text(data, path)


def within_limit(path: Path, size: int, max_bytes: int | None = None) -> None:
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    if size > max_bytes:
        raise InputError(f"{path}: {size / _MB:.1f} MB is over the {max_bytes / _MB:.0f} MB limit for one article")


def article_text(data: bytes, path: Path) -> str:
    """An article file's bytes as text; binary, undecodable or blank files are InputErrors."""
    text = decode(data, path)
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return text


def split_front_matter(text: str, path: Path) -> tuple[SourceMeta, int]:
    """Return the front matter's metadata and the offset where the body starts (0 if none)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return SourceMeta(), 0
    block = match.group(1) or ""
    data, node = parse_yaml(block, f"{path} (front matter)")
    if data is None:
        return SourceMeta(), match.end()
    if not isinstance(data, dict):
        raise InputError(f"{path}:2: front matter must be a mapping of title/outlet/published/url")
    known = {k: v for k, v in data.items() if k in SourceMeta.model_fields}
    # Front matter often carries a CMS's own keys (tags, author); only ours are validated.
    try:
        meta = validate(SourceMeta, known, node, f"{path} (front matter)")
    except ConfigError as exc:
        raise InputError(str(exc)) from None
    return meta, match.end()


def load_sources_yaml(folder: Path) -> dict[str, SourceMeta]:
    path = folder / SOURCES_FILE
    if not path.exists():
        return {}
    data, node = read_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{path}:1:1: must map file names to title/outlet/published/url")
    metas: dict[str, SourceMeta] = {}
    for name in data:
        if Path(str(name)).name != str(name) or str(name) in ("", ".", ".."):
            # sources.yaml describes the files beside it; a path out of the folder is never followed
            raise InputError(f"{path}: '{name}' must be a file name in {folder}, not a path")
        if not (folder / str(name)).is_file():
            key_line = next((k.start_mark.line + 1 for k, _ in node.value if str(k.value) == str(name)), 1)
            raise InputError(f"{path}:{key_line}: names '{name}', which is not a file in {folder}")
        value = data[name] if data[name] is not None else {}
        if not isinstance(value, dict):
            raise InputError(f"{path}: entry '{name}' must be a mapping of title/outlet/published/url")
        sub_node = next((v for k, v in node.value if str(k.value) == str(name)), None)
        try:
            metas[str(name)] = validate(SourceMeta, _listed_keys(value, sub_node, path), sub_node, str(path))
        except ConfigError as exc:
            raise InputError(str(exc)) from None
    return metas


def _listed_keys(entry: dict[object, object], node: yaml.Node | None, path: Path) -> dict[object, object]:
    """An entry's keys that claimcheck reads. Other tools' keys ('kind', 'author') are left alone, as in
    front matter, but a near miss of ours ('publshed') is a typo that would silently drop a date."""
    known = SourceMeta.model_fields
    for key in entry:
        if key in known:
            continue
        near = difflib.get_close_matches(str(key), known, n=1, cutoff=0.8)
        if near:
            mark = next((k.start_mark for k, _ in node.value if str(k.value) == str(key)), None) \
                if isinstance(node, yaml.MappingNode) else None
            where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
            raise InputError(f"{where}: unknown key '{key}' (did you mean '{near[0]}'?)")
    return {key: value for key, value in entry.items() if key in known}


def is_article_name(name: str) -> bool:
    stem, suffix = os.path.splitext(name)
    return suffix.lower() in ARTICLE_SUFFIXES and stem.lower() not in NOT_ARTICLES and not name.startswith((".", "_"))


def expand(paths: Iterable[Path],
           folder_sources: dict[Path, dict[str, SourceMeta]] | None = None) -> Iterator[tuple[Path, dict[str, SourceMeta]]]:
    """Yield (article path, its folder's sources.yaml entries); folders are read in name order.

    `folder_sources` remembers each folder's sources.yaml across calls: 100k file arguments from one
    folder (a shell glob) read its sources.yaml once, not once per file."""
    known = {} if folder_sources is None else folder_sources
    for path in paths:
        try:
            mode = path.stat().st_mode  # one stat tells a folder, a file and nothing apart
        except (FileNotFoundError, NotADirectoryError):
            raise InputError(f"{path}: no such file or folder") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
        if stat.S_ISDIR(mode):
            metas = _sources_of(path, known)
            # Names, not paths, are sorted and held: a folder of 100k articles costs a few MB, not 50.
            # A directory entry knows whether it is a file without another stat per article.
            with os.scandir(path) as entries:
                names = sorted(entry.name for entry in entries if is_article_name(entry.name) and entry.is_file())
            if not names:
                raise InputError(f"{path}: no articles (*.txt, *.md) in this folder")
            for name in names:
                yield path / name, metas
        else:
            yield path, _sources_of(path.parent, known)


def _sources_of(folder: Path, known: dict[Path, dict[str, SourceMeta]]) -> dict[str, SourceMeta]:
    if folder not in known:
        known[folder] = load_sources_yaml(folder)
    return known[folder]


def load_document(path: Path, sources: dict[str, SourceMeta], role: str = "source") -> Document:
    return document_of(path, read_text(path), sources.get(path.name, SourceMeta()), role)


def document_of(path: Path, text: str, listed: SourceMeta, role: str = "source", doc_id: str | None = None,
                shown_path: str | None = None) -> Document:
    """The Document of an article's text: front matter over its sources.yaml entry (`listed`);
    id and path default to the file's stem and path as given."""
    front, body_start = split_front_matter(text, path)
    merged = {**listed.model_dump(exclude_none=True), **front.model_dump(exclude_none=True)}
    merged.setdefault("role", role)
    return Document(id=doc_id or path.stem, path=shown_path or str(path), text=text, body_start=body_start, **merged)


def load_documents(paths: Iterable[Path], role: str = "source") -> LoadResult:
    """Load every article; a bad file or folder is recorded in `errors` and the rest still load."""
    documents: list[Document] = []
    errors: list[str] = []
    for top in paths:
        try:
            for path, sources in expand([top]):
                try:
                    documents.append(load_document(path, sources, role))
                except ClaimcheckError as exc:
                    errors.append(str(exc))
        except ClaimcheckError as exc:
            errors.append(str(exc))
    return LoadResult(documents=_unique_ids(documents), errors=errors)


def _unique_ids(documents: list[Document]) -> list[Document]:
    """Two files with one stem (a/x.txt, b/x.txt) keep distinct ids: the later gets its folder prefixed."""
    seen: set[str] = set()
    out = []
    for doc in documents:
        doc_id = doc.id
        if doc_id in seen:
            doc_id = f"{Path(doc.path).parent.name}/{doc.id}"
            n = 2
            while doc_id in seen:
                doc_id = f"{Path(doc.path).parent.name}/{doc.id}-{n}"
                n += 1
            doc = doc.model_copy(update={"id": doc_id})
        seen.add(doc_id)
        out.append(doc)
    return out
