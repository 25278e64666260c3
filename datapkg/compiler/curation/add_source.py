"""``datapkg add-source``: an article becomes a source with metadata and a draft of records.

Writes three files, or none: ``build/sources/<id>.txt`` (the text, byte for byte),
``build/sources/<id>.yaml`` (metadata with SHA-256, length and the basis of every item)
and ``build/records/<id>.yaml`` (the draft). The draft's records are marked
``status: draft``; the build refuses them until a curator confirms each one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from datapkg._input_files import read_input
from datapkg._names import FACT_TABLES, ResourceName
from datapkg.compiler.curation.action_candidates import action_candidates
from datapkg.compiler.curation.actor_names import ActorIndex
from datapkg.compiler.curation.candidates import Candidate, Draft
from datapkg.compiler.curation.draft_file import draft_problems, records_yaml, unique_ids
from datapkg.compiler.curation.event_links import EventIndex, link_events
from datapkg.compiler.curation.metadata_file import metadata_items, metadata_problems, metadata_yaml
from datapkg.compiler.curation.ranking_candidates import ranking_candidates
from datapkg.compiler.curation.restatements import drop_restatements
from datapkg.compiler.curation.source_files import (
    SourceFileError,
    SourceOptions,
    accepted_text,
    check_options,
    claimed,
    existing_copy,
    next_source_id,
    parse_window,
)
from datapkg.compiler.curation.transfer_candidates import transfer_candidates
from datapkg.compiler.curation.troop_candidates import troop_candidates
from datapkg.compiler.curation.vague_troops import vague_troop_candidates
from datapkg.compiler.inputs.schema_files import SchemaError, load_schemas
from datapkg.compiler.inputs.yaml_input import load_yaml
from datapkg.compiler.layout import Layout
from datapkg.extract import LANGUAGES, extract
from datapkg.schema.specs import TableSpec

__all__ = ["Added", "SourceFileError", "SourceOptions", "add_source"]


@dataclass(frozen=True)
class Added:
    source_id: str
    written: list[Path]
    candidates: dict[str, int]  # table -> draft records
    mentions: int


def _vocabulary(layout: Layout, name: str) -> list[dict[str, Any]]:
    path = layout.records_dir / f"{name}.yaml"
    if not path.is_file():
        return []
    doc, problems = load_yaml(path, layout.shown(path))
    if problems or not isinstance(doc, dict) or not isinstance(doc.get(name), list):
        raise SourceFileError(f"{layout.shown(path)} does not load; run `datapkg build` to see why")
    return [dict(item) for item in doc[name] if isinstance(item, dict)]


def _taken_ids(layout: Layout) -> set[str]:
    pattern = re.compile(r"^\s*-?\s*id:\s*[\"']?([a-z0-9-]+)", re.M)
    taken: set[str] = set()
    for path in sorted(layout.records_dir.glob("*.yaml")):
        try:
            taken.update(pattern.findall(read_input(path).decode("utf-8")))
        except UnicodeDecodeError as error:
            raise SourceFileError(
                f"{layout.shown(path)}: not UTF-8 ({error.reason} at byte {error.start}); "
                "the ids in use cannot be read: fix the file first"
            ) from None
        except OSError as error:
            raise SourceFileError(f"{layout.shown(path)}: cannot be read ({error.strerror})") from None
    return taken


EVENT_HINTS = {
    "label": "a few English words: what the event is",
    "kind": "guessed from the claims: check it against the kinds in schemas/events.json",
    "note": "why these claims are one event, what they leave open (optional)",
}


def draft_candidates(
    layout: Layout, text: str, lang: str, window: tuple[Any, Any]
) -> tuple[Draft, list[Candidate]]:
    """The extractor's mentions and the candidate records of a text, against the vocabularies,
    each linked to the event it is most likely about (new events drafted as candidates too)."""
    specs = _schemas(layout)
    action_types = frozenset(str(a.get("id")) for a in _vocabulary(layout, "action_types"))
    index = ActorIndex(_vocabulary(layout, "actors"), lang)
    # As the build does: relative dates resolve against the publication window.
    draft = Draft(text, lang, extract(text, lang=lang, ref=window), index, window, action_types)
    candidates = (
        troop_candidates(draft)
        + vague_troop_candidates(draft)
        + ranking_candidates(draft)
        + transfer_candidates(draft)
        + action_candidates(draft)
    )
    taken = _taken_ids(layout)
    unique_ids(candidates, taken)
    summary = [(s.start, s.end) for s in draft.sentences if draft.is_headline(s)]
    candidates, draft.restated = drop_restatements(candidates, summary)
    events = EventIndex.built(layout, specs, index.actors)
    events.taken |= taken
    drafted = link_events(candidates, events, specs)
    candidates += [Candidate("events", fields, -1, dict(EVENT_HINTS)) for fields in drafted]
    return draft, candidates


def _schemas(layout: Layout) -> dict[ResourceName, TableSpec]:
    """The schemas: the genres and bases a new source's metadata may use, what each fact table
    says as a claim, the kinds of event."""
    try:
        return load_schemas(layout.schemas_dir)
    except SchemaError:
        raise SourceFileError("the schemas do not load; run `datapkg build` to see why") from None


def add_source(layout: Layout, file: Path, options: SourceOptions) -> Added:
    """Add the text in ``file`` as a new source; raises SourceFileError with what to change."""
    if options.lang not in LANGUAGES:
        raise SourceFileError(f"--lang {options.lang!r}: expected one of {', '.join(LANGUAGES)}")
    spec = _schemas(layout)["sources"]
    check_options(options, spec)
    window = parse_window(options.published)
    data = accepted_text(_read(file), str(file), options.normalize)
    with claimed(layout.sources_dir):  # from here to the last file written, one run at a time
        twin = existing_copy(layout.sources_dir, data)
        if twin is not None:
            raise SourceFileError(f"{file}: this text is already source {twin}")
        source_id = next_source_id(layout.sources_dir, data)
        text = data.decode("utf-8")
        draft, candidates = draft_candidates(layout, text, options.lang, window)
        printed_date = window[0] == window[1] and any(
            m.kind == "date" and m.value == str(window[0]) for m in draft.mentions
        )
        basis_words = spec.field("title_basis").descriptor["x-enumDescriptions"]
        meta = metadata_items(source_id, data, options, printed_date, basis_words)
        records = records_yaml(source_id, text, draft, candidates)
        files = {
            layout.sources_dir / f"{source_id}.txt": (data, None),
            layout.sources_dir / f"{source_id}.yaml": (
                metadata_yaml(source_id, meta).encode(),
                lambda doc: metadata_problems(doc, meta),
            ),
            layout.records_dir / f"{source_id}.yaml": (
                records.encode(),
                lambda doc: draft_problems(doc, source_id, candidates),
            ),
        }
        _write_all(layout, files)
    counts: dict[str, int] = {t: sum(c.table == t for c in candidates) for t in (*FACT_TABLES, "events")}
    return Added(source_id, list(files), counts, len(draft.mentions))


def _read(file: Path) -> bytes:
    try:
        return read_input(file, regular=False)  # a pipe is fine here; no end is not
    except OSError as error:
        raise SourceFileError(f"{file}: cannot be read ({error.strerror})") from None


Check = Callable[[Any], list[str]] | None  # what a written YAML file holds other than intended


def _write_all(layout: Layout, files: dict[Path, tuple[bytes, Check]]) -> None:
    """Every file or none. Each is staged beside its place and, when YAML, read back with the
    build's loader and checked; then each is put in place in a way that fails rather than
    replace a file already there."""
    staged: dict[Path, Path] = {}
    placed: list[Path] = []
    try:
        for path, (data, check) in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            staged[path] = _staged(layout, path, data, check)
        for path, stage in staged.items():
            _place(layout, stage, path, files[path][0])
            placed.append(path)
    except BaseException as error:
        for path in placed:
            path.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise SourceFileError(
                f"{error.filename}: cannot be written ({error.strerror}); nothing was written"
            ) from None
        raise
    finally:
        for stage in staged.values():
            stage.unlink(missing_ok=True)


def _staged(layout: Layout, path: Path, data: bytes, check: Check) -> Path:
    """The file written under a hidden name beside its place (the build reads ``*.yaml`` only)."""
    stage = path.with_name(f".{path.name}.{os.getpid()}.staged")
    try:
        with open(stage, "xb") as out:
            out.write(data)
        doc, problems = load_yaml(stage, layout.shown(path)) if check is not None else (None, [])
        found = [str(p) for p in problems] or (check(doc) if check is not None else [])
    except BaseException:
        stage.unlink(missing_ok=True)
        raise
    if found:
        stage.unlink()
        raise SourceFileError(
            f"{layout.shown(path)}: the file would not hold what was meant ({'; '.join(found)}); "
            "nothing was written"
        )
    return stage


def _place(layout: Layout, stage: Path, path: Path, data: bytes) -> None:
    """A new file at ``path``, never over an existing one."""
    try:
        os.link(stage, path)
    except FileExistsError:
        raise SourceFileError(f"{layout.shown(path)} already exists; nothing was written") from None
    except OSError:  # a file system without hard links
        try:
            with open(path, "xb") as out:
                out.write(data)
        except FileExistsError:
            raise SourceFileError(f"{layout.shown(path)} already exists; nothing was written") from None
