"""Source documents: each text with the metadata YAML beside it.

Quotes are located by Python string offsets, so a text is accepted only in the
one form those offsets refer to: UTF-8 without BOM, LF line endings, Unicode
NFC, and bytes whose SHA-256 matches the metadata. Any edit to a text (even a
trailing newline) would move offsets silently; the hash check makes it loud.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from datapkg._input_files import read_input
from datapkg.compiler.inputs.typed_fields import typed_row
from datapkg.compiler.inputs.yaml_input import LineDict, load_yaml
from datapkg.compiler.layout import Layout
from datapkg.compiler.problems import Origin, Problem, at
from datapkg.extract import LANGUAGES
from datapkg.schema.specs import TableSpec

_CHECKED_COUNTS = ("text_length", "text_bytes")  # computed, but a curator may state them


@dataclass(frozen=True)
class SourceDoc:
    id: str
    text: str
    row: dict[str, Any]
    origin: Origin
    problem_fields: frozenset[str | None] = frozenset()  # fields whose problem is already reported


def check_text(data: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    """Decode a source text and check it is in the one form offsets refer to."""
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(f"{shown}:{line}", f"not UTF-8 ({exc.reason} at byte {exc.start})")]
    if text.startswith("\ufeff"):
        problems.append(Problem(f"{shown}:1", "starts with a byte order mark; save as UTF-8 without BOM"))
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        problems.append(
            Problem(f"{shown}:{line}", "has CR (Windows or old Mac) line endings; expected LF only")
        )
    if not unicodedata.is_normalized("NFC", text):
        bad = next(
            i
            for i, ch in enumerate(text)
            if unicodedata.normalize("NFC", ch) != ch
            or (i + 1 < len(text) and unicodedata.combining(text[i + 1]))
        )
        line = text[:bad].count("\n") + 1
        problems.append(Problem(f"{shown}:{line}", "is not Unicode NFC; normalize the text to NFC"))
    problems += _control_problems(text, shown)
    return text, problems


# Every character other than LF that YAML, Python's str.splitlines or a terminal reads as a
# line break or a control: offsets, line numbers and every reader of a text must agree on its
# lines, and curated files quote the text. CR has its own message above.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_NAMES = {
    0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0B: "LINE TABULATION", 0x0C: "FORM FEED",
    0x1B: "ESCAPE", 0x1C: "FILE SEPARATOR", 0x1D: "GROUP SEPARATOR", 0x1E: "RECORD SEPARATOR",
    0x1F: "UNIT SEPARATOR", 0x7F: "DELETE", 0x85: "NEXT LINE",
}  # fmt: skip


def character_name(ch: str) -> str:
    """``U+2028 LINE SEPARATOR``: a character as a message names it (controls have no Unicode name)."""
    name = unicodedata.name(ch, None) or _CONTROL_NAMES.get(ord(ch), "CONTROL CHARACTER")
    return f"U+{ord(ch):04X} {name}"


def _control_problems(text: str, shown: str) -> list[Problem]:
    """The first control character or line separator other than tab and LF, and how many there are."""
    found = _CONTROL.search(text)
    if found is None:
        return []
    start = found.start()
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    more = len(_CONTROL.findall(text, start + 1))
    others = f" (and {more} more)" if more else ""
    message = (
        f"column {column}: {character_name(found.group())}{others}; expected no control characters "
        "or line separators other than tab and LF"
    )
    return [Problem(f"{shown}:{line}", message)]


def _text(
    layout: Layout, source_id: str, row: dict[str, Any], origin: Origin
) -> tuple[SourceDoc | None, list[Problem]]:
    """The source's text beside its metadata, checked for form and hash."""
    text_path = layout.sources_dir / f"{source_id}.txt"
    shown = layout.shown(text_path)
    if not text_path.exists():
        return None, [at(origin, f"source text {shown} is missing", source_id, "id")]
    try:
        data = read_input(text_path)
    except OSError as error:
        return None, [at(origin, f"source text {shown} cannot be read ({error.strerror})", source_id, "id")]
    text, problems = check_text(data, shown)
    digest = hashlib.sha256(data).hexdigest()
    if row.get("text_sha256") and row["text_sha256"] != digest:
        message = (
            f"{shown} has sha256 {digest}, expected {row['text_sha256']}: the text was edited "
            "(quotes and offsets refer to the original bytes)"
        )
        problems.append(at(origin, message, source_id, "text_sha256"))
    if text is None:
        return None, problems
    for name, actual in (("text_length", len(text)), ("text_bytes", len(data))):
        # Optional in the metadata (add-source writes them): a second witness of the text.
        given = row.get(name)
        if given is not None and given != actual:
            message = f"{name} {given} does not match {shown} ({actual}); the text or the metadata changed"
            problems.append(at(origin, message, source_id, name))
        row[name] = actual
    return SourceDoc(source_id, text, row, origin), problems


def _source(layout: Layout, meta_path: Path, spec: TableSpec) -> tuple[SourceDoc | None, list[Problem]]:
    shown = layout.shown(meta_path)
    raw, problems = load_yaml(meta_path, shown)
    if problems:
        return None, problems
    if not isinstance(raw, LineDict):
        return None, [Problem(f"{shown}:1", "expected a mapping of source metadata fields")]
    source_id = raw.get("id")
    input_fields = {f.name: f for f in spec.fields if not f.computed or f.name in _CHECKED_COUNTS}
    shown_id = source_id if isinstance(source_id, str) else None  # a list or mapping is no id to name
    row, problems = typed_row(raw, input_fields, (), shown, shown_id)
    origin = raw.origin(shown)
    if source_id != meta_path.stem:
        return None, [
            *problems,
            at(origin, f"id must equal the file name {meta_path.stem!r}", shown_id, "id"),
        ]
    problems += _language_problems(row, origin, source_id)
    doc, errors = _text(layout, meta_path.stem, row, origin)
    if doc is not None:
        doc = replace(doc, problem_fields=frozenset(p.field for p in problems))
    return doc, problems + errors


def _language_problems(row: dict[str, Any], origin: Origin, source_id: str) -> list[Problem]:
    """The extractor must read the source: a language code it knows, with or without a region."""
    language = row.get("language")
    if not isinstance(language, str) or language.split("-")[0] in LANGUAGES:
        return []
    known = " or ".join(LANGUAGES)
    message = f"language {language!r}: expected a code the extractor reads, {known} (or with a region: de-CH)"
    return [at(origin, message, source_id, "language")]


def load_sources(layout: Layout, spec: TableSpec) -> tuple[dict[str, SourceDoc], list[Problem]]:
    problems: list[Problem] = []
    docs: dict[str, SourceDoc] = {}
    meta_paths = sorted(layout.sources_dir.glob("*.yaml"))
    text_ids = {p.stem for p in layout.sources_dir.glob("*.txt")}
    for stem in sorted(text_ids - {p.stem for p in meta_paths}):
        shown = layout.shown(layout.sources_dir / f"{stem}.txt")
        problems.append(Problem(shown, f"source text has no metadata file {stem}.yaml beside it"))
    for meta_path in meta_paths:
        doc, errors = _source(layout, meta_path, spec)
        problems.extend(errors)
        if doc is not None:
            docs[doc.id] = doc
    return docs, problems
