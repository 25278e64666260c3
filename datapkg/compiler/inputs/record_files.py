"""The files under ``build/records/``: each YAML file's records and ignore entries, with the
causes that would otherwise show up as many problems named once:

- a records file saved as ``.yml`` (or ``.YAML``) is named, not skipped;
- a file that does not parse is reported by the YAML reader; the mentions of the source it
  curates are then not reported as uncovered;
- records of a source that did not load (its text missing, its metadata broken) keep quiet
  about their quotes and source;
- a file whose ``source_id`` names another source than the one its quotes come from is
  named as such, instead of reporting every quote as not found;
- a record marked ``status: draft`` (``datapkg add-source`` writes them) is refused with one
  message, and its source's mentions are not reported as uncovered until it is confirmed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from datapkg._names import FACT_TABLES, ResourceName
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
    quiet_sources: set[str] = field(default_factory=set)  # sources whose coverage is not reported
    complete: bool = True  # false when a records file did not load


def misnamed(layout: Layout, folder_glob: str) -> list[Problem]:
    return [
        Problem(layout.shown(p), f"YAML inputs end in .yaml; rename it to {p.stem}.yaml (it was not read)")
        for suffix in MISNAMED_SUFFIXES
        for p in sorted(layout.root.glob(f"{folder_glob}/*{suffix}"))
        if p.suffix == suffix
    ]


def _quote_not_found(p: Problem) -> bool:
    return p.field == "quote" and p.message.startswith("quote not found verbatim")


def _wrong_source(loaded: Loaded, ctx: FileContext) -> str | None:
    """When none of this file's quotes is in the source it names (two at least): the source they
    come from, or "" when they come from none (the text was replaced or cut)."""
    facts = [r for r in loaded.records if r.table in FACT_TABLES and isinstance(r.row.get("quote"), str)]
    placed = any(r.row.get("quote_start") is not None for r in facts)
    if (
        len(facts) < 2
        or placed
        or not all(_quote_not_found(p) for p in loaded.problems if p.field == "quote")
    ):
        return None
    quote = facts[0].row["quote"]
    found = [sid for sid, doc in ctx.sources.items() if sid != ctx.source_id and quote in doc.text]
    return found[0] if len(found) == 1 else ""


def _read_file(out: RecordInputs, shown: str, doc: LineDict, ctx: FileContext) -> None:
    loaded = Loaded()
    for key, items in doc.items():
        read_entry(loaded, key, items, ctx)
    quiet = {"source_id", "quote"}
    named = ctx.source_id if isinstance(ctx.source_id, str) else None  # else reported by read_entry
    if named in ctx.failed_sources:  # its problem is reported with the source
        for record in loaded.records:
            record.problem_fields |= quiet
    if named is not None and named not in ctx.sources and named not in ctx.failed_sources and loaded.records:
        # One problem for the file, not one per record.
        loaded.problems.append(
            at(ctx.origin, f"unknown source_id {named!r}: no such id in sources", None, "source_id")
        )
        for record in loaded.records:
            record.problem_fields |= quiet
        out.quiet_sources.add(Path(shown).stem)
    actual = _wrong_source(loaded, ctx) if named in ctx.sources else None
    if actual is not None:
        loaded.problems = [p for p in loaded.problems if not _quote_not_found(p)]
        if actual:
            message = (
                f"source_id names {ctx.source_id}, but the quotes of this file are in {actual}: is it right?"
            )
        else:
            text = f"build/sources/{ctx.source_id}.txt"
            message = f"none of the quotes of this file occurs in {text}: was the text replaced or cut?"
        loaded.problems.append(at(ctx.origin, message, None, "source_id"))
        for record in loaded.records:
            record.problem_fields |= quiet
        out.quiet_sources |= {str(ctx.source_id), actual} - {""}
    if loaded.drafts and isinstance(ctx.source_id, str):
        # Its mentions are accounted for once the drafts are confirmed; until then every
        # mention a draft covers would look uncovered.
        out.quiet_sources.add(ctx.source_id)
    if named is None and ctx.source_id is not None:  # its records did not load, as if it did not parse
        out.complete = False
        out.quiet_sources.add(Path(shown).stem)
    out.records += loaded.records
    out.ignores += loaded.ignores
    out.problems += loaded.problems


def load_records(
    layout: Layout,
    specs: dict[ResourceName, TableSpec],
    sources: dict[str, SourceDoc],
    failed_sources: set[str],
) -> RecordInputs:
    out = RecordInputs(problems=misnamed(layout, "build/records"))
    if out.problems:  # a file that was not read is like one that did not parse
        out.complete = False
        out.quiet_sources |= {Path(p.where).stem for p in out.problems}
    paths = sorted(layout.records_dir.glob("*.yaml"))
    if not paths:
        out.problems.append(Problem(layout.shown(layout.records_dir), "no record files (*.yaml) found"))
    for path in paths:
        shown = layout.shown(path)
        doc, errors = load_yaml(path, shown)
        out.problems += errors
        if errors:
            out.quiet_sources.add(path.stem)  # its records are missing: the source's mentions look uncovered
            out.complete = False
            continue
        if not isinstance(doc, LineDict):
            out.problems.append(Problem(f"{shown}:1", "expected a mapping of table names to record lists"))
            continue
        ctx = FileContext(shown, doc.origin(shown), doc.get("source_id"), specs, sources, failed_sources)
        _read_file(out, shown, doc, ctx)
    return out
