"""Checks on the assembled tables: the Pandera schema of each table, then the
rules that span fields, rows and tables (bounds, dates, foreign keys, quotes).

The same checks serve the build (findings are then located in the YAML files)
and validation of built packages. Rules work on whole columns, not row by row,
so they stay fast as the dataset grows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from datapkg._names import FACT_TABLES, ResourceName
from datapkg.build.pandera_schemas import failure_messages, pandera_schema
from datapkg.build.schemas import TableSpec


@dataclass(frozen=True, order=True)
class Finding:
    table: str
    row: int | None  # position in the table, to locate the record's origin
    record_id: str | None
    field: str | None
    message: str


Frames = Mapping[ResourceName, pd.DataFrame]


def _rule(
    table: str,
    frame: pd.DataFrame,
    mask: pd.Series,
    field: str,
    message: str | Callable[[pd.Series], str],
) -> list[Finding]:
    """A finding for each row where ``mask`` is true."""
    mask = mask.fillna(False).astype(bool)
    if not mask.any():
        return []
    out = []
    for position in mask.to_numpy().nonzero()[0]:
        row = frame.iloc[position]
        text = message(row) if callable(message) else message
        record_id = None if pd.isna(row["id"]) else str(row["id"])
        out.append(Finding(table, int(position), record_id, field, text))
    return out


def schema_findings(spec: TableSpec, frame: pd.DataFrame) -> list[Finding]:
    try:
        pandera_schema(spec).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as error:
        out = []
        for row, column, message in failure_messages(error):
            record_id = None
            if row is not None and "id" in frame.columns and not pd.isna(frame["id"].iloc[row]):
                record_id = str(frame["id"].iloc[row])
            out.append(Finding(spec.name, row, record_id, column, message))
        return out
    return []


def _quantity_rules(table: str, f: pd.DataFrame) -> list[Finding]:
    out: list[Finding] = []
    value, low, high, q = f["value"], f["value_low"], f["value_high"], f["qualifier"]
    out += _rule(
        table,
        f,
        low > value,
        "value_low",
        lambda r: f"value_low {r.value_low} is above value {r.value}",
    )
    out += _rule(
        table,
        f,
        value > high,
        "value_high",
        lambda r: f"value_high {r.value_high} is below value {r.value}",
    )
    out += _rule(
        table,
        f,
        low > high,
        "value_low",
        lambda r: f"value_low {r.value_low} is above value_high {r.value_high}",
    )
    has_number = value.notna() | low.notna() | high.notna()
    out += _rule(
        table,
        f,
        (q == "vague") & value.notna(),
        "value",
        "qualifier 'vague' means the source gives no number; leave value empty",
    )
    out += _rule(
        table,
        f,
        q.isna() & has_number,
        "qualifier",
        "a quantity needs a qualifier (exact, approx, more_than, less_than, at_least, up_to, vague)",
    )
    out += _rule(
        table,
        f,
        q.notna() & (q != "vague") & ~has_number,
        "value",
        lambda r: f"qualifier {r.qualifier!r} needs a value (or use 'vague')",
    )
    lower = q.isin(["more_than", "at_least"]) & value.notna()
    out += _rule(
        table,
        f,
        lower & (low != value),
        "value_low",
        lambda r: f"qualifier {r.qualifier!r} implies value_low = value ({r.value})",
    )
    upper = q.isin(["up_to", "less_than"]) & value.notna()
    out += _rule(
        table,
        f,
        upper & (high != value),
        "value_high",
        lambda r: f"qualifier {r.qualifier!r} implies value_high = value ({r.value})",
    )
    return out


def _date_rules(table: str, f: pd.DataFrame, published_latest: pd.Series) -> list[Finding]:
    out: list[Finding] = []
    start, end, precision = f["date_start"], f["date_end"], f["date_precision"]
    parts = ["date_start", "date_end", "date_precision", "date_basis"]
    present = f[parts].notna()
    partial = present.any(axis=1) & ~present.all(axis=1)
    out += _rule(table, f, partial, "date_basis", "date and date_basis go together: give both or neither")
    out += _rule(
        table,
        f,
        f["date_text"].notna() & present["date_start"].eq(False),
        "date_text",
        "date_text given without a date",
    )
    out += _rule(
        table,
        f,
        end < start,
        "date_end",
        lambda r: f"date_end {r.date_end.date()} is before date_start {r.date_start.date()}",
    )
    month = precision == "month"
    out += _rule(
        table,
        f,
        month & ((start.dt.day != 1) | ~end.dt.is_month_end),
        "date_start",
        "month precision needs whole months (first to last day)",
    )
    year = precision == "year"
    out += _rule(
        table,
        f,
        year & ((start.dt.day_of_year != 1) | ~end.dt.is_year_end),
        "date_start",
        "year precision needs whole years (1 January to 31 December)",
    )
    in_quote = [
        pd.isna(t) or pd.isna(q) or str(t) in str(q) for t, q in zip(f["date_text"], f["quote"], strict=True)
    ]
    out += _rule(
        table,
        f,
        ~pd.Series(in_quote, index=f.index),
        "date_text",
        lambda r: f"date_text {r.date_text!r} does not occur in the quote",
    )
    future = start > published_latest
    out += _rule(
        table,
        f,
        future & (f["claim_status"] != "projected"),
        "date_start",
        lambda r: (
            f"date_start {r.date_start.date()} is after the source's publication window; "
            "only a projected claim can be dated after publication"
        ),
    )
    return out


def _quote_rules(table: str, f: pd.DataFrame, texts: Mapping[str, str]) -> list[Finding]:
    out: list[Finding] = []
    length = f["quote"].str.len()
    out += _rule(
        table,
        f,
        (f["quote_end"] - f["quote_start"]) != length,
        "quote_end",
        "quote_end - quote_start must equal the quote's length",
    )
    mismatched = []
    for source_id, start, end, quote in zip(
        f["source_id"], f["quote_start"], f["quote_end"], f["quote"], strict=True
    ):
        text = texts.get(source_id) if isinstance(source_id, str) else None
        ok = (
            text is None
            or pd.isna(start)
            or pd.isna(end)
            or pd.isna(quote)
            or text[int(start) : int(end)] == quote
        )
        mismatched.append(not ok)
    out += _rule(
        table,
        f,
        pd.Series(mismatched, index=f.index),
        "quote",
        lambda r: f"quote differs from the source text at {r.quote_start}:{r.quote_end}",
    )
    return out


def _mention_rules(f: pd.DataFrame, frames: Frames, texts: Mapping[str, str] | None) -> list[Finding]:
    t = "mentions"
    covered = f["status"] == "covered"
    out = _rule(t, f, covered & f["covered_by"].isna(), "covered_by", "a covered mention names its records")
    out += _rule(
        t,
        f,
        ~covered & f["ignore_reason"].isna(),
        "ignore_reason",
        "an ignored mention needs a reason",
    )
    out += _rule(
        t,
        f,
        covered & f["ignore_reason"].notna(),
        "ignore_reason",
        "a covered mention has no ignore reason",
    )
    out += _rule(
        t,
        f,
        (f["end"] - f["start"]) != f["text"].str.len(),
        "end",
        "end - start must equal the length of text",
    )
    known = set().union(*(set(frames[name]["id"].dropna()) for name in FACT_TABLES))
    unknown = [not pd.isna(ids) and not set(str(ids).split(" ")) <= known for ids in f["covered_by"]]
    out += _rule(
        t,
        f,
        pd.Series(unknown, index=f.index),
        "covered_by",
        lambda r: f"covered_by {r.covered_by!r} names a record that does not exist",
    )
    if texts is not None:
        wrong = [
            sid in texts and texts[sid][int(a) : int(b)] != text
            for sid, a, b, text in zip(f["source_id"], f["start"], f["end"], f["text"], strict=True)
        ]
        out += _rule(
            t,
            f,
            pd.Series(wrong, index=f.index),
            "text",
            lambda r: f"text differs from the source at {r.start}:{r.end}",
        )
    return out


def _ranking_rules(f: pd.DataFrame) -> list[Finding]:
    t = "military_rankings"
    derived = f["rank_basis"] == "derived"
    out = _rule(
        t,
        f,
        derived & (f["derivation"].isna() | f["derived_from"].isna()),
        "derivation",
        "a derived rank needs derivation (how) and derived_from (the stated rank it comes from)",
    )
    out += _rule(
        t,
        f,
        ~derived & (f["derivation"].notna() | f["derived_from"].notna()),
        "rank_basis",
        "derivation and derived_from belong to derived ranks only",
    )
    out += _rule(
        t,
        f,
        (f["qualifier"] == "vague") & f["rank"].notna(),
        "rank",
        "qualifier 'vague' means the source gives no place; leave rank empty",
    )
    out += _rule(
        t,
        f,
        (f["qualifier"] != "vague") & f["rank"].isna(),
        "rank",
        "a rank is required unless qualifier is 'vague'",
    )
    return out


def _foreign_keys(specs: Mapping[ResourceName, TableSpec], frames: Frames) -> list[Finding]:
    out: list[Finding] = []
    for name, spec in specs.items():
        frame = frames[name]
        for field, ref_table, ref_field in spec.foreign_keys:
            referenced = frames.get(ref_table)  # type: ignore[call-overload]
            known = set(referenced[ref_field].dropna()) if referenced is not None else set()
            missing = frame[field].notna() & ~frame[field].isin(known)

            def message(r: pd.Series, fld: str = field, rt: str = ref_table) -> str:
                return f"unknown {fld} {r[fld]!r}: no such id in {rt}"

            out += _rule(name, frame, missing, field, message)
    return out


def _global_ids(frames: Frames) -> list[Finding]:
    seen: dict[str, str] = {}
    out = []
    for table in FACT_TABLES:
        for position, record_id in enumerate(frames[table]["id"]):
            if pd.isna(record_id):
                continue
            if record_id in seen and seen[record_id] != table:
                message = f"id is already used in {seen[record_id]}; ids are unique across tables"
                out.append(Finding(table, position, record_id, "id", message))
            seen.setdefault(record_id, table)
    return out


def check_tables(
    specs: Mapping[ResourceName, TableSpec], frames: Frames, texts: Mapping[str, str] | None
) -> list[Finding]:
    """Every finding over all tables. ``texts`` (source id -> text) enables quote checks."""
    out: list[Finding] = []
    for name, spec in specs.items():
        out += schema_findings(spec, frames[name])
    out += _foreign_keys(specs, frames)
    out += _global_ids(frames)
    sources = frames["sources"].drop_duplicates("id").set_index("id")
    out += _rule(
        "sources",
        frames["sources"],
        frames["sources"]["published_latest"] < frames["sources"]["published_earliest"],
        "published_latest",
        "publication window ends before it starts",
    )
    for name in FACT_TABLES:
        frame = frames[name]
        published_latest = frame["source_id"].map(sources["published_latest"]).astype("datetime64[s]")
        if "value" in frame.columns:
            out += _quantity_rules(name, frame)
        if "date_start" in frame.columns:
            out += _date_rules(name, frame, published_latest)
        if texts is not None:
            out += _quote_rules(name, frame, texts)
    out += _ranking_rules(frames["military_rankings"])
    out += _mention_rules(frames["mentions"], frames, texts)
    return out
