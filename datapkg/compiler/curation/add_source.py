"""``datapkg add-source``: an article becomes a source with metadata and a draft of records.

Writes three files, or none: ``build/sources/<id>.txt`` (the text, byte for byte),
``build/sources/<id>.yaml`` (metadata with SHA-256, length and the basis of every item)
and ``build/records/<id>.yaml`` (the draft). The draft's records are marked
``status: draft``; the build refuses them until a curator confirms each one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from datapkg._names import FACT_TABLES, ResourceName
from datapkg.compiler.curation.action_candidates import action_candidates
from datapkg.compiler.curation.actor_names import ActorIndex
from datapkg.compiler.curation.candidates import Candidate, Draft
from datapkg.compiler.curation.draft_file import records_yaml, unique_ids
from datapkg.compiler.curation.event_links import EventIndex, link_events
from datapkg.compiler.curation.metadata_file import metadata_yaml
from datapkg.compiler.curation.source_files import (
    SourceFileError,
    SourceOptions,
    accepted_text,
    check_options,
    existing_copy,
    next_source_id,
    parse_window,
)
from datapkg.compiler.curation.transfer_candidates import transfer_candidates
from datapkg.compiler.curation.troop_candidates import troop_candidates
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
    return {
        m for p in layout.records_dir.glob("*.yaml") for m in pattern.findall(p.read_text(encoding="utf-8"))
    }


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
    candidates = troop_candidates(draft) + transfer_candidates(draft) + action_candidates(draft)
    taken = _taken_ids(layout)
    unique_ids(candidates, taken)
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
    data = accepted_text(file.read_bytes(), str(file), options.normalize)
    twin = existing_copy(layout.sources_dir, data)
    if twin is not None:
        raise SourceFileError(f"{file}: this text is already source {twin}")
    source_id = next_source_id(layout.sources_dir, data)
    text = data.decode("utf-8")
    draft, candidates = draft_candidates(layout, text, options.lang, window)
    printed_date = (
        any(m.kind == "date" and m.value == str(window[0]) for m in draft.mentions) and window[0] == window[1]
    )
    files = {
        layout.sources_dir / f"{source_id}.txt": data,
        layout.sources_dir / f"{source_id}.yaml": metadata_yaml(
            source_id, data, options, printed_date, spec.field("title_basis").descriptor["x-enumDescriptions"]
        ).encode(),
        layout.records_dir / f"{source_id}.yaml": records_yaml(
            source_id, text, draft.mentions, candidates, draft.sentences
        ).encode(),
    }
    _write_all(files)
    counts: dict[str, int] = {t: sum(c.table == t for c in candidates) for t in (*FACT_TABLES, "events")}
    return Added(source_id, list(files), counts, len(draft.mentions))


def _write_all(files: dict[Path, bytes]) -> None:
    """Every file or none: a file already there stops it before anything is written."""
    for path in files:
        if path.exists():
            raise SourceFileError(f"{path} already exists; nothing was written")
    written: list[Path] = []
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(path)
    except OSError:
        for path in written:
            path.unlink(missing_ok=True)
        raise
