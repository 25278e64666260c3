"""The files under ``build/records/``: each YAML file's records and ignore entries, and the
causes it reports once for a whole file, each recorded in the build's
:class:`~datapkg.compiler.follow_on.FollowOn`, which decides what they keep quiet:

- a records file saved as ``.yml`` (or ``.YAML``) is named, not skipped; like a file that
  does not parse, its records did not load;
- a file whose ``source_id`` is no source, or names another source than the one its quotes
  come from, is named as such;
- a record marked ``status: draft`` (``datapkg add-source`` writes them) is refused with one
  message, and its source has drafts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from datapkg._names import FACT_TABLES, ResourceName
from datapkg.compiler.follow_on import Cause, FollowOn, drops, hidden_fields, is_quote_not_found
from datapkg.compiler.inputs.records import (
    FileContext,
    Loaded,
    MentionIgnore,
    Record,
    read_entry,
)
from datapkg.compiler.inputs.source_texts import SourceDoc
from datapkg.compiler.inputs.yaml_input import LineDict, load_yaml
from datapkg.compiler.layout import Layout
from datapkg.compiler.problems import Problem, at
from datapkg.schema.specs import TableSpec

MISNAMED_SUFFIXES = (".yml", ".YAML", ".YML", ".Yaml")


@dataclass
class RecordInputs:
    records: list[Record] = field(default_factory=list)
    ignores: list[MentionIgnore] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def misnamed(layout: Layout, folder_glob: str) -> list[Problem]:
    return [
        Problem(layout.shown(p), f"YAML inputs end in .yaml; rename it to {p.stem}.yaml (it was not read)")
        for suffix in MISNAMED_SUFFIXES
        for p in sorted(layout.root.glob(f"{folder_glob}/*{suffix}"))
        if p.suffix == suffix
    ]


def _wrong_source(loaded: Loaded, ctx: FileContext) -> str | None:
    """When none of this file's quotes is in the source it names (two at least): the source they
    come from, or "" when they come from none (the text was replaced or cut)."""
    facts = [r for r in loaded.records if r.table in FACT_TABLES and isinstance(r.row.get("quote"), str)]
    placed = any(r.row.get("quote_start") is not None for r in facts)
    if (
        len(facts) < 2
        or placed
        or not all(is_quote_not_found(p) for p in loaded.problems if p.field == "quote")
    ):
        return None
    quote = facts[0].row["quote"]
    found = [sid for sid, doc in ctx.sources.items() if sid != ctx.source_id and quote in doc.text]
    return found[0] if len(found) == 1 else ""


def _hide(loaded: Loaded, cause: Cause) -> None:
    """Records whose fields ``cause`` keeps quiet; the problems it makes redundant dropped."""
    for record in loaded.records:
        record.problem_fields |= hidden_fields(cause)
    loaded.problems = [p for p in loaded.problems if not drops(cause, p)]


def _misplaced(loaded: Loaded, ctx: FileContext, follow_on: FollowOn) -> None:
    """One problem for a file whose quotes are not in the source it names."""
    actual = _wrong_source(loaded, ctx)
    if actual is None:
        return
    _hide(loaded, Cause.WRONG_SOURCE)
    if actual:
        message = (
            f"source_id names {ctx.source_id}, but the quotes of this file are in {actual}: is it right?"
        )
    else:
        text = f"build/sources/{ctx.source_id}.txt"
        message = f"none of the quotes of this file occurs in {text}: was the text replaced or cut?"
    loaded.problems.append(at(ctx.origin, message, None, "source_id"))
    for source in {str(ctx.source_id), actual} - {""}:
        follow_on.record(Cause.WRONG_SOURCE, source)


def _read_file(out: RecordInputs, shown: str, doc: LineDict, ctx: FileContext, follow_on: FollowOn) -> None:
    loaded = Loaded()
    for key, items in doc.items():
        read_entry(loaded, key, items, ctx)
    named = ctx.source_id if isinstance(ctx.source_id, str) else None  # else reported by read_entry
    if named in ctx.failed_sources:  # its problem is reported with the source
        _hide(loaded, Cause.SOURCE_FAILED)
    if named is not None and named not in ctx.sources and named not in ctx.failed_sources and loaded.records:
        loaded.problems.append(
            at(ctx.origin, f"unknown source_id {named!r}: no such id in sources", None, "source_id")
        )
        _hide(loaded, Cause.UNKNOWN_SOURCE)
        follow_on.record(Cause.UNKNOWN_SOURCE, Path(shown).stem)
    if named in ctx.sources:
        _misplaced(loaded, ctx, follow_on)
    if loaded.drafts and isinstance(ctx.source_id, str):
        follow_on.record(Cause.DRAFTS, ctx.source_id)
    if named is None and ctx.source_id is not None:  # its records did not load, as if it did not parse
        follow_on.record(Cause.RECORDS_FILE_UNREAD, Path(shown).stem)
    out.records += loaded.records
    out.ignores += loaded.ignores
    out.problems += loaded.problems


def load_records(
    layout: Layout,
    specs: dict[ResourceName, TableSpec],
    sources: dict[str, SourceDoc],
    failed_sources: set[str],
    follow_on: FollowOn,
) -> RecordInputs:
    out = RecordInputs(problems=misnamed(layout, "build/records"))
    for problem in out.problems:  # a file that was not read is like one that did not parse
        follow_on.record(Cause.RECORDS_FILE_UNREAD, Path(problem.where).stem)
    paths = sorted(layout.records_dir.glob("*.yaml"))
    if not paths:
        out.problems.append(Problem(layout.shown(layout.records_dir), "no record files (*.yaml) found"))
    for path in paths:
        shown = layout.shown(path)
        doc, errors = load_yaml(path, shown)
        out.problems += errors
        if errors:
            follow_on.record(Cause.RECORDS_FILE_UNREAD, path.stem)
            continue
        if not isinstance(doc, LineDict):
            out.problems.append(Problem(f"{shown}:1", "expected a mapping of table names to record lists"))
            continue
        ctx = FileContext(shown, doc.origin(shown), doc.get("source_id"), specs, sources, failed_sources)
        _read_file(out, shown, doc, ctx, follow_on)
    return out
