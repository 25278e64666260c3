"""Curated records from ``build/records/*.yaml``.

Each file is a mapping of table name to a list of records. Files that hold
fact tables name their source once at the top (``source_id``), so adding an
article means adding one file. The build computes what a curator should not
type: quote offsets from the quote, and start, end and precision from ``date``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from datapkg._names import CURATED_TABLES, FACT_TABLES, ResourceName
from datapkg.compiler.inputs.dates import DateFormError, expand_date
from datapkg.compiler.inputs.not_in_quote import NOT_IN_QUOTE, claimed_number_fields, read_not_in_quote
from datapkg.compiler.inputs.placeholders import IGNORE_REASON, record_text_problems, text_problem
from datapkg.compiler.inputs.quotes import place_quote
from datapkg.compiler.inputs.source_texts import SourceDoc
from datapkg.compiler.inputs.typed_fields import describe, typed_row, unknown_field_message
from datapkg.compiler.inputs.yaml_input import LineDict
from datapkg.compiler.problems import Origin, Problem, at
from datapkg.schema.specs import TableSpec

IGNORES_KEY = "ignored_mentions"
STATUS_KEY = "status"
DRAFT = "draft"


@dataclass
class Record:
    table: ResourceName
    row: dict[str, Any]
    origin: Origin
    problem_fields: frozenset[str | None] = frozenset()
    """Fields that already have an input problem; later checks stay quiet on them."""
    not_in_quote: dict[str, str] = field(default_factory=dict)
    """Figures the quote does not give, each with its basis (``inputs.not_in_quote``)."""


@dataclass(frozen=True)
class MentionIgnore:
    """A reviewed reason why an extracted mention needs no record."""

    source_id: str
    text: str
    start: int | None
    reason: str
    origin: Origin


def _ignores(
    items: Any, source_id: str | None, file_origin: Origin, shown: str
) -> tuple[list[MentionIgnore], list[Problem]]:
    out: list[MentionIgnore] = []
    problems: list[Problem] = []
    if source_id is not None and not isinstance(source_id, str):
        return [], []  # reported once with source_id
    if not isinstance(source_id, str):
        return [], [
            at(
                file_origin,
                "ignored mentions need `source_id: <source>` at the top",
                None,
                IGNORES_KEY,
            )
        ]
    if not isinstance(items, list):
        return [], [at(file_origin, "expected a list of {text, reason} entries", None, IGNORES_KEY)]
    for item in items:
        if not isinstance(item, LineDict):
            line = file_origin.line_of(IGNORES_KEY)
            problems.append(Problem(f"{shown}:{line}", "each ignored mention must be a mapping"))
            continue
        origin = item.origin(shown)
        for key in item:
            if key not in ("text", "reason", "start"):
                problems.append(
                    at(origin, unknown_field_message(key, ("text", "reason", "start")), None, key)
                )
        text, reason, start = item.get("text"), item.get("reason"), item.get("start")
        if not isinstance(text, str) or not text:
            problems.append(
                at(origin, "expected the mention's text, as it stands in the source", None, "text")
            )
            continue
        if not isinstance(reason, str) or not reason.strip():
            problems.append(at(origin, "every ignored mention needs a reason", None, "reason"))
            continue
        if start is not None and (not isinstance(start, int) or isinstance(start, bool) or start < 0):
            problems.append(
                at(origin, f"expected an offset (whole number >= 0), got {start!r}", None, "start")
            )
            continue
        placeholder = text_problem(reason, IGNORE_REASON)
        if placeholder is not None:  # still an ignore: the mention has its problem, this one
            problems.append(at(origin, f"ignored mention {text!r}: {placeholder}", None, "reason"))
        out.append(MentionIgnore(source_id, text, start, reason.strip(), origin))
    return out, problems


def _input_fields(spec: TableSpec) -> tuple[dict[str, Any], set[str]]:
    """Schema fields a curator writes, and the extra keys the build expands itself."""
    fields = {f.name: f for f in spec.fields if not f.computed and f.name != "source_id"}
    extra: set[str] = set()
    if "date_start" in spec.field_names:
        extra.add("date")
    if "quote_start" in spec.field_names:
        fields["quote_start"] = spec.field("quote_start")
    if claimed_number_fields(spec) and "quote" in spec.field_names:
        extra.add(NOT_IN_QUOTE)
    return fields, extra


def _expand(record: Record, sources: dict[str, SourceDoc], id_: str | None) -> list[Problem]:
    row, origin, problems = record.row, record.origin, []
    if "date_start" in row:
        raw_date = row.pop("date", None)
        row.update(date_start=None, date_end=None, date_precision=None)
        if raw_date is not None:
            try:
                span = expand_date(raw_date)
            except DateFormError as exc:
                problems.append(at(origin, str(exc), id_, "date"))
            else:
                row.update(date_start=span.start, date_end=span.end, date_precision=span.precision)
    if record.table in FACT_TABLES:
        hint = row.get("quote_start")
        row["quote_start"] = row["quote_end"] = None
        source = sources.get(row.get("source_id") or "")
        quote = row.get("quote")
        if source is not None and isinstance(quote, str) and quote:
            start, error = place_quote(source.text, quote, hint)
            if start is None:
                problems.append(at(origin, error or "quote not placed", id_, "quote"))
            else:
                row["quote_start"], row["quote_end"] = start, start + len(quote)
    return problems


@dataclass
class Loaded:
    records: list[Record] = field(default_factory=list)
    ignores: list[MentionIgnore] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    drafts: int = 0  # records still marked `status: draft`


@dataclass(frozen=True)
class FileContext:
    shown: str
    origin: Origin
    source_id: Any
    specs: dict[ResourceName, TableSpec]
    sources: dict[str, SourceDoc]
    failed_sources: set[str] = field(default_factory=set)  # sources whose metadata or text did not load


def _record(table: ResourceName, item: LineDict, ctx: FileContext) -> tuple[Record, list[Problem]]:
    spec = ctx.specs[table]
    fields, extra = _input_fields(spec)
    raw_id = item.get("id")
    id_ = raw_id if isinstance(raw_id, str) else None
    row, errors = typed_row(item, fields, extra, ctx.shown, id_)
    declared: dict[str, str] = {}
    if NOT_IN_QUOTE in row:
        declared, found = read_not_in_quote(row.pop(NOT_IN_QUOTE), spec, item.origin(ctx.shown), id_)
        errors += found
        if declared and not str(row.get("note") or "").strip():
            # The entry is not published: the row's note is where readers learn the figure is not quoted.
            message = f"{NOT_IN_QUOTE} needs a note saying, for readers, why the figure is not the quote's"
            errors.append(at(item.origin(ctx.shown), message, id_, "note"))
    source = ctx.sources.get(ctx.source_id) if isinstance(ctx.source_id, str) else None
    language = source.row.get("language") if source is not None else None
    where = (item.origin(ctx.shown), id_)
    errors += record_text_problems(table, row, where, language, {p.field for p in errors})
    for name, default in spec.defaults.items():
        if name not in item:
            row[name] = default
    if table in FACT_TABLES:
        row["source_id"] = ctx.source_id
    record = Record(table, {**{n: None for n in spec.field_names}, **row}, item.origin(ctx.shown))
    errors += _expand(record, ctx.sources, id_)
    record.problem_fields = frozenset(p.field for p in errors)
    record.not_in_quote = declared
    return record, errors


def _table_entry(loaded: Loaded, table: ResourceName, items: Any, ctx: FileContext) -> None:
    if table in FACT_TABLES and not isinstance(ctx.source_id, str):
        if ctx.source_id is not None:  # written, but not as text: reported once with source_id
            return
        message = "fact records need `source_id: <source>` at the top of the file"
        loaded.problems.append(at(ctx.origin, message, None, table))
        return
    if not isinstance(items, list):
        loaded.problems.append(at(ctx.origin, "expected a list of records", None, table))
        return
    for item in items:
        if not isinstance(item, LineDict):
            where = f"{ctx.shown}:{ctx.origin.line_of(table)}"
            loaded.problems.append(Problem(where, f"each {table} record must be a mapping of fields"))
            continue
        if STATUS_KEY in item:
            loaded.problems.append(_draft_problem(table, item, ctx))
            loaded.drafts += 1
            continue
        record, errors = _record(table, item, ctx)
        loaded.records.append(record)
        loaded.problems.extend(errors)


def _draft_problem(table: ResourceName, item: LineDict, ctx: FileContext) -> Problem:
    """A draft is not published: one message for the record, whatever else it lacks, since a
    curator reviews it as a whole."""
    raw_id = item.get("id")
    id_ = raw_id if isinstance(raw_id, str) else None
    origin = item.origin(ctx.shown)
    status = item[STATUS_KEY]
    if status != DRAFT:
        message = f"expected `status: {DRAFT}` (or no status: a confirmed record), got {status!r}"
        return at(origin, message, id_, STATUS_KEY)
    message = (
        f"draft {table} record: check it against the source and fill in what it lacks, then confirm "
        f"it (delete the line `status: {DRAFT}`) or delete the record"
    )
    return at(origin, message, id_, STATUS_KEY)


def read_entry(loaded: Loaded, key: str, items: Any, ctx: FileContext) -> None:
    """One top-level key of a records file: its source, its ignore list or a table."""
    if key == "source_id":
        if not isinstance(ctx.source_id, str):
            message = f"expected the id of a source as text, got {describe(ctx.source_id)}"
            loaded.problems.append(at(ctx.origin, message, None, key))
    elif key == IGNORES_KEY:
        found, errors = _ignores(items, ctx.source_id, ctx.origin, ctx.shown)
        loaded.ignores.extend(found)
        loaded.problems.extend(errors)
    elif key in CURATED_TABLES:
        _table_entry(loaded, key, items, ctx)
    else:
        message = unknown_field_message(key, {*CURATED_TABLES, "source_id", IGNORES_KEY})
        loaded.problems.append(at(ctx.origin, message.replace("field", "table", 1), None, key))
