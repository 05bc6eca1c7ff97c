"""Loading articles: folders, front matter, sources.yaml, offsets and every kind of bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.load import load_document, load_documents, read_text, split_front_matter

FRONT = """---
title: Flood toll rises
outlet: Valley Times
published: 2025-03-02
url: https://example.org/flood
tags: [weather]
---
At least 41 people died, officials said.
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_front_matter_fills_metadata_and_keeps_offsets_in_full_text(tmp_path: Path) -> None:
    path = write(tmp_path, "flood.md", FRONT)
    doc = load_document(path, {})
    assert (doc.title, doc.outlet, doc.published) == ("Flood toll rises", "Valley Times", dt.date(2025, 3, 2))
    assert doc.text == path.read_text(encoding="utf-8")
    assert doc.text[doc.body_start:].startswith("At least 41 people")


def test_sources_yaml_supplies_metadata_and_front_matter_wins(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Police said 3,000 marched.\n")
    write(tmp_path, "b.md", FRONT)
    write(tmp_path, "sources.yaml", "a.txt: {outlet: Wire One, published: 2025-03-01}\n"
                                    "b.md: {outlet: Overridden}\n")
    result = load_documents([tmp_path])
    assert result.errors == []
    by_id = {d.id: d for d in result.documents}
    assert by_id["a"].outlet == "Wire One" and by_id["a"].published == dt.date(2025, 3, 1)
    assert by_id["b"].outlet == "Valley Times"


def test_folder_reads_articles_in_name_order_and_skips_readme(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "README.md", "notes.yaml"):
        write(tmp_path, name, "Officials said 12 were hurt.\n")
    assert [d.id for d in load_documents([tmp_path]).documents] == ["a", "b"]


def test_windows_newlines_give_the_offsets_text_mode_gives(tmp_path: Path) -> None:
    path = write(tmp_path, "crlf.txt", b"Line one.\r\nAbout 3,000 troops.\r\n")
    assert read_text(path) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", "", "empty file"),
        ("blank.txt", "  \n\n", "empty file"),
        ("latin1.txt", "caf\xe9 3 000".encode("latin-1"), "not valid UTF-8"),
        ("binary.txt", b"\x89PNG\x00\x00\x01", "binary file"),
        ("bad-front.md", "---\ntitle: [unclosed\n---\nBody 3.\n", "invalid YAML"),
        ("list-front.md", "---\n- a\n- b\n---\nBody 3.\n", "front matter must be a mapping"),
        ("bad-date.md", "---\npublished: next tuesday\n---\nBody 3.\n", "published"),
    ],
)
def test_bad_file_is_one_line_error_naming_the_file(tmp_path: Path, name: str, content: str | bytes,
                                                    message: str) -> None:
    write(tmp_path, name, content)
    result = load_documents([tmp_path / name])
    assert result.documents == []
    assert len(result.errors) == 1
    error = result.errors[0]
    assert name in error and message in error and "\n" not in error


def test_one_bad_file_in_a_folder_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", "About 20 people were hurt.\n")
    write(tmp_path, "bad.txt", b"\xff\xfe\x00\x00")
    result = load_documents([tmp_path])
    assert [d.id for d in result.documents] == ["good"]
    assert len(result.errors) == 1 and "bad.txt" in result.errors[0]


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        ("- a.txt\n", "must map file names"),
        ("missing.txt: {outlet: X}\n", "names 'missing.txt'"),
        ("a.txt: {outlet: X, publshed: 2025-03-01}\n", "sources.yaml:1:20: unknown key 'publshed' (did you mean 'published'?)"),
        ("a.txt: {published: yesterday}\n", "published"),
        ("a.txt: [1, 2\n", "invalid YAML"),
    ],
)
def test_bad_sources_yaml_names_file_and_line(tmp_path: Path, sources: str, message: str) -> None:
    write(tmp_path, "a.txt", "About 20 people.\n")
    write(tmp_path, "sources.yaml", sources)
    result = load_documents([tmp_path])
    assert len(result.errors) == 1
    assert "sources.yaml" in result.errors[0] and message in result.errors[0]


def test_other_tools_keys_in_sources_yaml_are_left_alone(tmp_path: Path) -> None:
    # a listing kept by another tool carries its own keys; only a near miss of ours is an error
    write(tmp_path, "a.txt", "About 20 people.\n")
    write(tmp_path, "sources.yaml", "a.txt: {outlet: Wire One, kind: wire agency, author: J. Doe, published: 2025-03-01}\n")
    result = load_documents([tmp_path])
    assert result.errors == []
    assert (result.documents[0].outlet, result.documents[0].published) == ("Wire One", dt.date(2025, 3, 1))


def test_missing_path_and_empty_folder_are_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = load_documents([tmp_path / "nope.txt", tmp_path / "empty"])
    assert len(result.errors) == 2
    assert "no such file" in result.errors[0] and "no articles" in result.errors[1]


def test_too_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "x" * 2048)
    with pytest.raises(InputError, match="over the"):
        read_text(path, max_bytes=1024)


def test_same_stem_in_two_folders_gets_distinct_ids(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, "story.txt", "About 5 people.\n")
    ids = [d.id for d in load_documents([tmp_path / "one", tmp_path / "two"]).documents]
    assert len(set(ids)) == 2


def test_front_matter_needs_closing_fence() -> None:
    meta, body_start = split_front_matter("---\ntitle: x\nno fence here\n", Path("x.md"))
    assert body_start == 0 and meta.title is None
