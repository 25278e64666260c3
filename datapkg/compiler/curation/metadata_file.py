"""The metadata file of a new source (``build/sources/<id>.yaml``), each item with its basis."""

from __future__ import annotations

import hashlib
from typing import Any

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
    line = text.strip().split("\n", 1)[0].strip().replace("\t", " ")  # a title is one line of text
    if not line or len(line) > 200:
        raise SourceFileError("the text's first line is no headline; give the title with --title")
    return line


def metadata_items(
    source_id: str, data: bytes, options: SourceOptions, printed_date: bool, basis_words: dict[str, str]
) -> dict[str, str]:
    """Each field of the metadata file as written; ``basis_words`` are the schema's meanings of
    the bases, for the note."""
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
    fields: dict[str, object] = {
        "id": source_id,
        "title": title,
        "title_basis": bases["title"],
        "language": options.lang,
        "genre": options.genre,
        "genre_basis": bases["genre"],
        "author": options.author,
        "author_basis": bases["author"],
        "publisher": options.publisher,
        "publisher_basis": bases["publisher"],
        "published_earliest": earliest,
        "published_latest": latest,
        "published_basis": bases["published"],
        "dateline": None,
        "url": options.url,
        "text_sha256": hashlib.sha256(data).hexdigest(),
        "text_length": len(text),
        "text_bytes": len(data),
        "note": note,
    }
    return {name: yaml_scalar(value) for name, value in fields.items()}


def metadata_yaml(source_id: str, items: dict[str, str]) -> str:
    """The metadata file."""
    lines = [
        f"# Metadata of {source_id}.txt, written by `datapkg add-source`. Check each value and its",
        "# basis (printed, inferred, assigned, url, index: see CONTRIBUTING.md) and add what is",
        "# known about the source to the note.",
    ]
    lines += [f"{name}: {value}" for name, value in items.items()]
    return "\n".join(lines) + "\n"


def metadata_problems(doc: Any, items: dict[str, str]) -> list[str]:
    """What the metadata file as parsed holds other than ``items``."""
    if not isinstance(doc, dict) or list(doc) != list(items):
        return [f"expected the fields {', '.join(items)}"]
    return [
        f"field {name!r} does not hold {items[name]}"
        for name in items
        if yaml_scalar(doc[name]) != items[name]
    ]
