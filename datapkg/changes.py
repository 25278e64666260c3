"""What changed between two versions of the tables, row by row and field by field.

A row is matched across versions by its table's primary key. The result is a plain,
JSON-ready dict (:func:`compare`), the same one a release bundle carries as ``diff.json``:

- per table: rows ``added`` (their ids), ``removed`` (with the reason and successor from
  the retired-id record, ``x-retired`` in the descriptors) and ``changed`` (each changed
  field with its old and new value); fields added to or removed from the table;
- a change confined to fields the build derives (``x-computed`` in the schema, such as an
  event's claim counts) is marked ``derived``: it follows from changes to other rows;
- a table the build derives as a whole from the texts (``mentions``) is marked ``derived``.

Fields added to a table are reported once for the table, not as a change of every row.
Values are compared as Parquet stores them; dates are written as ISO strings.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

FORMAT = "datapkg-diff/1"
DERIVED_TABLES = frozenset({"mentions"})
"""Tables the build derives from the source texts: their changes are the extractor's and the
curation's, which the changelog describes by expression, not by row id."""


@dataclass(frozen=True)
class Side:
    """One version of the package: its descriptor and a reader of its tables by name."""

    label: str
    descriptor: dict[str, Any]
    read: Callable[[str], Any]  # resource name -> pyarrow.Table

    @property
    def version(self) -> str:
        return str(self.descriptor.get("version", "unknown"))

    def resources(self) -> dict[str, dict[str, Any]]:
        return {r["name"]: r for r in self.descriptor.get("resources", []) if isinstance(r, dict)}


def retired(*descriptors: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """The retired-id record of every descriptor given, by (resource, id); later ones win."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for descriptor in descriptors:
        for entry in descriptor.get("x-retired", []):
            if isinstance(entry, dict) and {"resource", "id"} <= set(entry):
                found[(str(entry["resource"]), str(entry["id"]))] = entry
    return found


def plain(value: Any) -> Any:
    """A value as JSON writes it: dates and times as ISO strings, decimals as text."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def _key_fields(resource: dict[str, Any]) -> list[str]:
    key = resource.get("schema", {}).get("primaryKey", ["id"])
    return [key] if isinstance(key, str) else list(key)


class Incomparable(ValueError):
    """Two versions of a table that share no primary key: their rows cannot be matched."""


def _rows(table: Any, key: list[str], name: str) -> dict[str, dict[str, Any]]:
    missing = [k for k in key if k not in table.column_names]
    if missing:
        raise Incomparable(f"{name}: one version has no column {', '.join(missing)} of the primary key")
    rows = {}
    for row in table.to_pylist():
        rows["|".join(str(row[k]) for k in key)] = {k: plain(v) for k, v in row.items()}
    return rows


def _computed(resource: dict[str, Any]) -> set[str]:
    return {f["name"] for f in resource.get("schema", {}).get("fields", []) if "x-computed" in f}


def _changed_rows(
    old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]], fields: list[str], computed: set[str]
) -> list[dict[str, Any]]:
    changed = []
    for key in sorted(set(old) & set(new)):
        diffs = {f: {"old": old[key][f], "new": new[key][f]} for f in fields if old[key][f] != new[key][f]}
        if diffs:
            entry: dict[str, Any] = {"id": key, "fields": diffs}
            if set(diffs) <= computed:
                entry["derived"] = True
            changed.append(entry)
    return changed


def _removed(name: str, ids: Iterable[str], record: dict[tuple[str, str], dict[str, Any]]) -> list[Any]:
    removed = []
    for key in sorted(ids):
        entry = record.get((name, key), {})
        removed.append(
            {"id": key, "reason": entry.get("reason"), "replaced_by": entry.get("replaced_by"),
             "retired_in": entry.get("version")}
        )  # fmt: skip
    return removed


def _table_diff(
    name: str, old: Side, new: Side, record: dict[tuple[str, str], dict[str, Any]]
) -> dict[str, Any]:
    old_resource, new_resource = old.resources().get(name), new.resources().get(name)
    resource = new_resource or old_resource
    assert resource is not None
    key = _key_fields(resource)
    old_table = old.read(name) if old_resource else None
    new_table = new.read(name) if new_resource else None
    old_rows = _rows(old_table, key, name) if old_table is not None else {}
    new_rows = _rows(new_table, key, name) if new_table is not None else {}
    old_fields = list(old_table.column_names) if old_table is not None else []
    new_fields = list(new_table.column_names) if new_table is not None else []
    shared = [f for f in new_fields if f in old_fields]
    diff: dict[str, Any] = {
        "status": "added" if old_resource is None else "removed" if new_resource is None else "kept",
        "rows": {"old": len(old_rows), "new": len(new_rows)},
        "fields_added": [f for f in new_fields if f not in old_fields] if old_resource else [],
        "fields_removed": [f for f in old_fields if f not in new_fields] if new_resource else [],
        "added": sorted(set(new_rows) - set(old_rows)),
        "removed": _removed(name, set(old_rows) - set(new_rows), record),
        "changed": _changed_rows(old_rows, new_rows, shared, _computed(resource)),
    }
    if name in DERIVED_TABLES:
        diff["derived"] = True
    return diff


def compare(
    old: Side, new: Side, *, record: dict[tuple[str, str], dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The diff from ``old`` to ``new``; removal reasons from ``record`` (default: the retired-id
    records of both descriptors)."""
    if record is None:
        record = retired(old.descriptor, new.descriptor)
    names = [*new.resources(), *(n for n in old.resources() if n not in new.resources())]
    tables = {name: _table_diff(name, old, new, record) for name in names}
    total = {
        what: sum(len(t[what]) for t in tables.values() if not t.get("derived"))
        for what in ("added", "removed", "changed")
    }
    return {
        "format": FORMAT,
        "old": {"version": old.version, "from": old.label},
        "new": {"version": new.version, "from": new.label},
        "summary": total,
        "tables": tables,
    }


def _shown(value: Any) -> str:
    if value is None:
        return "(empty)"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return " ".join(text.split())


def _excerpt(text: str, start: int, width: int) -> str:
    head = "…" if start > 0 else ""
    text = head + text[start:]
    return text if len(text) <= width else text[: width - 1] + "…"


def _field_lines(field: str, old: Any, new: Any) -> list[str]:
    """A short change on one line; a long text as two lines, from a little before its first
    difference, so the words that changed are in view."""
    before, after = _shown(old), _shown(new)
    if len(before) + len(after) <= 80:
        return [f"      {field}: {before} -> {after}"]
    shorter = min(len(before), len(after))
    same = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), shorter)
    start = max(0, same - 30)
    return [
        f"      {field}:",
        f"        - {_excerpt(before, start, 100)}",
        f"        + {_excerpt(after, start, 100)}",
    ]


def _removed_line(entry: dict[str, Any]) -> str:
    why = entry["reason"] or "no reason recorded"
    successor = f" (replaced by {entry['replaced_by']})" if entry.get("replaced_by") else ""
    return f"  - {entry['id']}{successor}: {why}"


def _table_lines(name: str, table: dict[str, Any]) -> list[str]:
    counts = f"{len(table['added'])} added, {len(table['removed'])} removed, {len(table['changed'])} changed"
    status = {"added": " (new table)", "removed": " (table removed)"}.get(table["status"], "")
    derived = " (derived from the texts)" if table.get("derived") else ""
    lines = [f"{name}{status}{derived}: {table['rows']['old']} -> {table['rows']['new']} rows; {counts}"]
    if table["fields_added"]:
        lines.append(f"  fields added: {', '.join(table['fields_added'])}")
    if table["fields_removed"]:
        lines.append(f"  fields removed: {', '.join(table['fields_removed'])}")
    lines += [f"  + {key}" for key in table["added"]]
    lines += [_removed_line(entry) for entry in table["removed"]]
    for entry in table["changed"]:
        lines.append(f"  ~ {entry['id']}" + (" (derived fields only)" if entry.get("derived") else ""))
        for field, values in entry["fields"].items():
            lines += _field_lines(field, values["old"], values["new"])
    return lines


def as_text(diff: dict[str, Any]) -> str:
    """The diff for reading: one block per table that changed, then a summary line."""
    lines = [f"datapkg diff {diff['old']['version']} ({diff['old']['from']}) -> "
             f"{diff['new']['version']} ({diff['new']['from']})"]  # fmt: skip
    for name, table in diff["tables"].items():
        if (
            table["added"]
            or table["removed"]
            or table["changed"]
            or table["status"] != "kept"
            or (table["fields_added"] or table["fields_removed"])
        ):
            lines += ["", *_table_lines(name, table)]
    s = diff["summary"]
    lines += ["", f"records: {s['added']} added, {s['removed']} removed, {s['changed']} changed"]
    return "\n".join(lines) + "\n"
