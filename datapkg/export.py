"""``datapkg export``: the installed tables in other formats.

Every export folder is a complete data package, so it passes ``datapkg validate`` and
``frictionless validate``: the descriptor with every CSV and Parquet file it names.
``json`` adds one array of records per table (ISO dates, nulls as ``null``); ``sqlite``
adds one database whose tables carry the schema's column types, primary keys and
foreign keys. A folder that is not empty is written into only with ``force``.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from datapkg._names import ResourceName

FORMATS = ("parquet", "csv", "json", "sqlite")
SQLITE_NAME = "rus-prk-military-cooperation.sqlite"
_SQL_TYPES = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "date": "TEXT",
    "boolean": "INTEGER",
    "list": "TEXT",  # items joined by the field's delimiter, as in the CSV
}


def _rows(name: ResourceName) -> list[dict[str, Any]]:
    import datapkg

    table = datapkg.load(name, backend="pyarrow")
    rows: list[dict[str, Any]] = table.to_pylist()
    return rows


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _cell(value: Any, delimiter: str | None) -> Any:
    if delimiter is not None and value is not None:
        return delimiter.join(value)
    return _plain(value)


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def create_table_sql(name: str, schema: dict[str, Any]) -> str:
    columns = []
    for field in schema["fields"]:
        required = field.get("constraints", {}).get("required", False)
        columns.append(
            f"{_quote(field['name'])} {_SQL_TYPES[field['type']]}{' NOT NULL' if required else ''}"
        )
    pk = schema["primaryKey"]
    pk_fields = [pk] if isinstance(pk, str) else pk
    columns.append(f"PRIMARY KEY ({', '.join(map(_quote, pk_fields))})")
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        target = ref["resource"] or name
        columns.append(
            f"FOREIGN KEY ({_quote(fk['fields'])}) REFERENCES {_quote(target)} ({_quote(ref['fields'])})"
        )
    return f"CREATE TABLE {_quote(name)} (\n  " + ",\n  ".join(columns) + "\n)"


class ExportError(Exception):
    """The export cannot be written where asked; the message says why."""


def _prepare(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file; expected a folder to export into")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise ExportError(f"{out} is not empty; pass --force to write into it")
    out.mkdir(parents=True, exist_ok=True)


def _package(out: Path) -> list[Path]:
    """The descriptor and every file it names, as installed."""
    import datapkg

    written = []
    for name in datapkg.resources():
        for fmt in ("csv", "parquet"):
            target = out / f"{name}.{fmt}"
            shutil.copyfile(datapkg.path(name, format=fmt), target)
            written.append(target)
    descriptor = out / "datapackage.json"
    shutil.copyfile(datapkg.path("sources").parent / "datapackage.json", descriptor)
    return [*written, descriptor]


def _json(out: Path) -> list[Path]:
    import datapkg

    written = []
    for name in datapkg.resources():
        target = out / f"{name}.json"
        rows = [{k: _plain(v) for k, v in row.items()} for row in _rows(name)]
        target.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(target)
    return written


def _sqlite(out: Path) -> list[Path]:
    import datapkg

    target = out / SQLITE_NAME
    target.unlink(missing_ok=True)
    resources = datapkg.package()["resources"]
    with sqlite3.connect(target) as db:
        db.execute("PRAGMA foreign_keys = ON")
        for resource in resources:
            db.execute(create_table_sql(resource["name"], resource["schema"]))
        # Keys are checked when the rows are all in: facts name events listed after them, and
        # a derived rank names a stated one of its own table.
        db.execute("PRAGMA defer_foreign_keys = ON")
        for resource in resources:
            name, schema = resource["name"], resource["schema"]
            fields = [f["name"] for f in schema["fields"]]
            placeholders = ", ".join("?" for _ in fields)
            delimiters = {f["name"]: f.get("delimiter", ",") for f in schema["fields"] if f["type"] == "list"}
            db.executemany(
                f"INSERT INTO {_quote(name)} VALUES ({placeholders})",
                [[_cell(row[f], delimiters.get(f)) for f in fields] for row in _rows(name)],
            )
    db.close()
    return [target]


def export(fmt: str, out: Path, *, force: bool = False) -> list[Path]:
    """Write the package, and the tables in ``fmt``, under ``out``; returns the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    _prepare(out, force)
    extra = {"json": _json, "sqlite": _sqlite}.get(fmt)
    return _package(out) + (extra(out) if extra else [])
