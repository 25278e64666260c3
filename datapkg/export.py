"""``datapkg export``: the installed tables in other formats.

Every export folder is a complete data package, so it passes ``datapkg validate`` and
``frictionless validate``: the descriptor with every CSV and Parquet file it names.
``json`` adds one array of records per table (ISO dates, nulls as ``null``); ``sqlite``
adds one database whose tables carry the schema's column types, primary keys and
foreign keys. A folder that is not empty is written into only with ``force``, and then
only the files of the export are replaced.

The output folder is untrusted: every file is written to a new temporary file in the
folder and renamed over its name, so a symbolic link there is never followed, and a link
or a folder where a file of the export belongs is refused before anything is written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from datapkg._installed import DATA, DIST
from datapkg._names import ResourceName

FORMATS = ("parquet", "csv", "json", "sqlite")
SQLITE_NAME = f"{DIST}.sqlite"
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


def check_folder(out: Path) -> None:
    """Refuse an output folder that is a link or a file; a missing one is created later."""
    if out.is_symlink():
        raise ExportError(f"{out} is a symbolic link; expected a folder (give the folder it points to)")
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file; expected a folder to export into")


def check_targets(out: Path, names: Iterable[str]) -> None:
    """Refuse when a file to be written is there as a link (even a dangling one) or a folder."""
    for name in names:
        target = out / name
        if target.is_symlink():
            raise ExportError(f"{target} is a symbolic link; nothing is written through a link: remove it")
        if target.exists() and not target.is_file():
            raise ExportError(f"{target} is not a regular file; remove it or choose another folder")


def _temporary(out: Path, name: str) -> Path:
    """A new empty file beside ``name``: O_EXCL never opens an existing file or a link's target."""
    path = out / f".{name}.{secrets.token_hex(6)}.part"
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    return path


Writer = Callable[[Path], object]


def replace_files(out: Path, writers: dict[str, Writer]) -> list[Path]:
    """Write every file to a temporary in ``out``, then rename each over its name; on any
    failure the temporaries are removed and no file of ``out`` has changed."""
    check_targets(out, writers)
    staged: dict[str, Path] = {}
    try:
        for name, write in writers.items():
            staged[name] = _temporary(out, name)
            write(staged[name])
        check_targets(out, writers)
        for name in writers:
            os.replace(staged.pop(name), out / name)
    finally:
        for leftover in staged.values():
            leftover.unlink(missing_ok=True)
    return [out / name for name in writers]


def _bytes(data: bytes) -> Writer:
    return lambda path: path.write_bytes(data)


def replace_bytes(out: Path, files: dict[str, bytes]) -> list[Path]:
    """``replace_files`` for contents already in memory."""
    return replace_files(out, {name: _bytes(data) for name, data in files.items()})


def _prepare(out: Path, force: bool) -> None:
    check_folder(out)
    if out.is_dir() and any(out.iterdir()) and not force:
        raise ExportError(f"{out} is not empty; pass --force to write into it")
    out.mkdir(parents=True, exist_ok=True)


def _copy(source: Path) -> Writer:
    return lambda path: shutil.copyfile(source, path)


def _package() -> dict[str, Writer]:
    """The descriptor and every file it names, as installed."""
    import datapkg

    writers = {
        f"{name}.{fmt}": _copy(datapkg.path(name, format=fmt))
        for name in datapkg.resources()
        for fmt in ("csv", "parquet")
    }
    writers["datapackage.json"] = _copy(datapkg.path("sources").parent / "datapackage.json")
    return writers


def _json_table(name: ResourceName) -> Writer:
    def write(path: Path) -> None:
        rows = [{k: _plain(v) for k, v in row.items()} for row in _rows(name)]
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    return write


def _json() -> dict[str, Writer]:
    import datapkg

    return {f"{name}.json": _json_table(name) for name in datapkg.resources()}


def _write_sqlite(target: Path) -> None:
    import datapkg

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


def _sqlite() -> dict[str, Writer]:
    return {SQLITE_NAME: _write_sqlite}


def verify_installed() -> None:
    """Raise ValidationError unless the installed descriptor passes validate's shape check (every
    resource once, every path inside the package) and every file it names has the hash recorded
    for it: an export or a served database copies the files as they are, so a file edited after
    installation would otherwise be passed on under the package's name."""
    import hashlib

    import datapkg
    from datapkg.checks import descriptor as descriptor_shape

    base = Path(str(DATA))  # not a path the descriptor names: it is what is checked
    problems, fit = descriptor_shape.problems(datapkg.package(), base, str(base / "datapackage.json"))
    for resource in fit.values():
        for entry in (resource, resource["x-parquet"]):
            path = base / entry["path"]
            try:
                with open(path, "rb") as stream:
                    actual = "sha256:" + hashlib.file_digest(stream, "sha256").hexdigest()
            except OSError as error:
                problems.append(f"{path}: cannot be read ({error.strerror})")
                continue
            if actual != entry["hash"]:
                problems.append(
                    f"{path}: its SHA-256 is not the one the installed descriptor records; the file was "
                    "changed after installation: reinstall the package (nothing was written)"
                )
    if problems:
        raise datapkg.ValidationError(problems)


def writers(fmt: str) -> dict[str, Writer]:
    """Every file an export in ``fmt`` writes, by name, with what writes it, once the installed
    files are checked against their hashes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    verify_installed()
    extra = {"json": _json, "sqlite": _sqlite}.get(fmt)
    return {**_package(), **(extra() if extra else {})}


def export(fmt: str, out: Path, *, force: bool = False) -> list[Path]:
    """Write the package, and the tables in ``fmt``, under ``out``; returns the files written."""
    files = writers(fmt)
    _prepare(out, force)
    return replace_files(out, files)
