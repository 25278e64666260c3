"""The metadata file of a new source (``build/sources/<id>.yaml``), each item with its basis."""

from __future__ import annotations

import hashlib

from datapkg.compiler.curation.source_files import (
    SourceFileError,
    SourceOptions,
    basis_of,
    parse_window,
    yaml_scalar,
)

_ITEM_WORDS = {
    "title": "The title",
    "genre": "The genre",
    "author": "The author",
    "publisher": "The publisher",
    "published": "The publication window",
}


def first_line(text: str) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    if not line or len(line) > 200:
        raise SourceFileError("the text's first line is no headline; give the title with --title")
    return line


def metadata_yaml(
    source_id: str, data: bytes, options: SourceOptions, printed_date: bool, basis_words: dict[str, str]
) -> str:
    """The metadata file; ``basis_words`` are the schema's meanings of the bases, for the note."""
    text = data.decode("utf-8")
    earliest, latest = parse_window(options.published)
    title = options.title or first_line(text)
    values = {
        "title": title,
        "genre": options.genre,
        "author": options.author,
        "publisher": options.publisher,
        "published": options.published,
    }
    bases = {item: basis_of(item, value, text, options, printed_date) for item, value in values.items()}
    note = " ".join(f"{_ITEM_WORDS[item]} is {basis_words[basis]}." for item, basis in bases.items() if basis)
    lines = [
        f"# Metadata of {source_id}.txt, written by `datapkg add-source`. Check each value and its",
        "# basis (printed, inferred, assigned, url, index: see CONTRIBUTING.md) and add what is",
        "# known about the source to the note.",
        f"id: {yaml_scalar(source_id)}",
        f"title: {yaml_scalar(title)}",
        f"title_basis: {bases['title']}",
        f"language: {options.lang}",
        f"genre: {options.genre}",
        f"genre_basis: {bases['genre']}",
        f"author: {yaml_scalar(options.author)}",
        f"author_basis: {yaml_scalar(bases['author'])}",
        f"publisher: {yaml_scalar(options.publisher)}",
        f"publisher_basis: {yaml_scalar(bases['publisher'])}",
        f"published_earliest: {earliest}",
        f"published_latest: {latest}",
        f"published_basis: {bases['published']}",
        "dateline: null",
        f"url: {yaml_scalar(options.url)}",
        f"text_sha256: {hashlib.sha256(data).hexdigest()}",
        f"text_length: {len(text)}",
        f"text_bytes: {len(data)}",
        f"note: {yaml_scalar(note)}",
    ]
    return "\n".join(lines) + "\n"
