"""Validation of a built package: files against the descriptor, tables against
their schemas, keys across tables. Imported only by :func:`datapkg.validate`."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from datapkg._input_files import read_input
from datapkg._names import RESOURCES, ResourceName
from datapkg._report import ValidationReport
from datapkg.checks import descriptor as descriptor_shape
from datapkg.checks.findings import Finding
from datapkg.checks.parquet_metadata import metadata_problems, statistics_problems
from datapkg.checks.table_rules import structure_findings
from datapkg.schema.specs import TableSpec, table_spec

Specs = dict[ResourceName, TableSpec]
Tables = dict[ResourceName, pa.Table]
Jobs = Mapping[Any, Future[Any]]


def _file_problems(base: Path, entry: dict[str, Any]) -> list[str]:
    target = base / entry["path"]
    if not target.exists():
        return [f"{entry['path']}: file missing"]
    if not target.is_file():  # a folder, a pipe or a device: nothing to hash or read
        return [f"{entry['path']}: not a regular file"]
    size = target.stat().st_size
    problems = [] if size == entry["bytes"] else [f"{entry['path']}: {size} bytes, expected {entry['bytes']}"]
    try:
        with target.open("rb") as fh:  # in blocks: a large file never sits in memory
            digest = "sha256:" + hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError as error:
        return [*problems, f"{entry['path']}: cannot be read ({error.strerror})"]
    if digest != entry["hash"]:
        problems.append(
            f"{entry['path']}: hash {digest}, expected {entry['hash']} (file corrupted or edited)"
        )
    return problems


def _read_parquet(base: Path, entry: dict[str, Any]) -> tuple[pa.Table, Any] | str | None:
    """The table with the file's metadata, what makes it unreadable, or None when there is no
    file (reported with its hash)."""
    if not (base / entry["path"]).is_file():
        return None
    try:
        # ParquetFile, not read_table: read_table goes through pyarrow.dataset, which imports pandas.
        file = pq.ParquetFile(base / entry["path"])
        return file.read(), file.metadata
    except Exception as exc:  # any unreadable file is a finding, not a crash
        return f"{entry['path']}: unreadable Parquet ({exc})"


def _load_descriptor(path: Path) -> tuple[dict[str, Any] | None, Path, list[str]]:
    if path.is_dir():  # a package folder: its descriptor
        path = path / "datapackage.json"
    try:
        descriptor = descriptor_shape.parse(read_input(path).decode("utf-8"))  # a pipe is refused
    except FileNotFoundError:
        return None, path, [f"{path}: no such descriptor"]
    except OSError as error:
        return None, path, [f"{path}: cannot read the descriptor ({error.strerror})"]
    except RecursionError:
        return None, path, [f"{path}: not a JSON descriptor (nested too deeply)"]
    except ValueError as error:  # not UTF-8, not JSON, NaN or a number beyond a float
        return None, path, [f"{path}: not a JSON descriptor ({error})"]
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return None, path, [f"{path}: expected a data package descriptor with a list of resources"]
    return descriptor, path, []


def _shown(f: Finding, where: str | None = None) -> str:
    at = (where or f.table) + (f" record {f.record_id!r}" if f.record_id else "")
    return at + (f": field {f.field!r}" if f.field else "") + f": {f.message}"


def _csv_problems(
    base: Path, entry: dict[str, Any], spec: TableSpec, tables: Tables, specs: Specs
) -> list[str]:
    """What is wrong with the content of a CSV that differs from its Parquet twin; a CSV that
    differs is checked on its own, with every rule, and its findings name the file and row."""
    from datapkg.checks.csv_files import check_csv
    from datapkg.checks.run import check_tables

    name = spec.name
    report = check_csv(base / entry["path"], entry["path"], spec, tables[name])
    findings = list(report.findings)
    if report.table is not None:
        own = check_tables(specs, {**tables, name: report.table}, texts=None)
        findings += [f for f in own if f.table == name and f.row is not None]
    unique = sorted(set(findings), key=lambda f: (f.row or 0, f.field or "", f.message))
    return report.problems + [_shown(f, f"{entry['path']} row {(f.row or 0) + 1}") for f in unique]


def _form_problems(path: Path, shown: str) -> list[str]:
    """The published CSV form: UTF-8 without byte order mark, LF line endings. Every block is
    looked at: a CR anywhere is one that Arrow's reader would take for part of a line end."""
    out = []
    with path.open("rb") as fh:
        block = fh.read(1 << 20)
        if block.startswith(b"\xef\xbb\xbf"):
            out.append(f"{shown}: starts with a byte order mark; the CSV files are UTF-8 without one")
        while block:
            if b"\r" in block:
                out.append(f"{shown}: has CR line endings; the CSV files end lines with LF only")
                break
            block = fh.read(1 << 20)
    return out


def _guarded_same(base: Path, entry: dict[str, Any], spec: TableSpec, tables: Tables) -> bool:
    try:
        return _same_as_twin(base, entry, spec, tables)
    except (pa.ArrowException, LookupError, TypeError, ValueError, ArithmeticError):
        return False  # then the detailed comparison says why, or reports what it cannot check


def _same_as_twin(base: Path, entry: dict[str, Any], spec: TableSpec, tables: Tables) -> bool:
    from datapkg.checks.csv_files import same_as_parquet

    path = base / entry["path"]
    return path.is_file() and same_as_parquet(path, spec, tables[spec.name])


def _guarded(shown: str, check: Callable[[], list[str]]) -> list[str]:
    """The checks read the descriptor's schemas once their shape is right; a schema that is well
    formed but does not fit these tables (a rule on a column of another kind) is a problem
    reported like any other, not an error."""
    try:
        return check()
    except (pa.ArrowException, LookupError, TypeError, ValueError, ArithmeticError) as error:
        return [
            f"{shown}: the tables cannot be checked against its schemas ({type(error).__name__}: {error})"
        ]


def _about(resource: dict[str, Any], version: Any) -> dict[str, str]:
    """What the descriptor says of a table that its Parquet file states too (a value of another
    kind is the descriptor's problem, reported by its own checks)."""
    about = {"title": resource.get("title"), "description": resource.get("description"), "version": version}
    return {key: value for key, value in about.items() if isinstance(value, str)}


def _read_tables(base: Path, by_name: dict[str, Any], specs: Specs, version: Any) -> tuple[Tables, list[str]]:
    """Every readable Parquet table, and what is wrong with the files (their metadata included)."""
    tables: Tables = {}
    problems: list[str] = []
    for name, spec in specs.items():
        entry = by_name[name]["x-parquet"]
        read = _read_parquet(base, entry)
        if isinstance(read, str):
            problems.append(read)
        elif read is not None:
            tables[name], metadata = read
            about = _about(by_name[name], version)
            problems += metadata_problems(entry["path"], spec, read[0].schema, about)
            problems += statistics_problems(entry["path"], metadata, read[0])
    return tables, problems


def _csv_findings(
    base: Path, by_name: dict[str, Any], specs: Specs, tables: Tables, hashes: Jobs, same: Jobs
) -> list[str]:
    """Each CSV of an intact pair against its Parquet twin. A file that does not match the
    descriptor is reported as such; its content would only repeat that."""
    findings: list[str] = []
    for name, spec in [(n, s) for n, s in specs.items() if n in same]:
        csv, parquet = by_name[name]["path"], by_name[name]["x-parquet"]["path"]
        if hashes[csv].result() or hashes[parquet].result():
            continue
        findings += _form_problems(base / csv, csv)
        if not same[name].result():
            findings += _csv_problems(base, by_name[name], spec, tables, specs)
    return findings


def validate_package(descriptor_path: Path) -> list[str]:
    """Every problem of the package the descriptor describes."""
    return check_package(descriptor_path)[0]


def check_package(descriptor_path: Path) -> tuple[list[str], ValidationReport | None]:
    """Every problem of the package, and, when there is none, a report of what was checked."""
    from datapkg.checks.run import check_tables

    descriptor, descriptor_path, problems = _load_descriptor(descriptor_path)
    if descriptor is None:
        return problems, None
    base, shown = descriptor_path.parent, str(descriptor_path)
    problems, by_name = descriptor_shape.problems(descriptor, base, shown)
    specs: Specs = {n: table_spec(n, by_name[n]["schema"]) for n in RESOURCES if n in by_name}
    with ThreadPoolExecutor(max_workers=2) as pool:
        # Every file is hashed on a second thread while this one reads the Parquet files (hashlib
        # and Arrow release the GIL).
        hashes = {e["path"]: pool.submit(_file_problems, base, e) for n in specs
                  for e in (by_name[n]["x-parquet"], by_name[n])}  # fmt: skip
        tables, table_problems = _read_tables(base, by_name, specs, descriptor.get("version"))
        complete = len(tables) == len(RESOURCES)
        # Each CSV is compared with its twin while the tables are checked. A Parquet file of the
        # wrong shape is reported as such; its CSV cannot be compared.
        same = {n: pool.submit(_guarded_same, base, by_name[n], specs[n], tables) for n in tables
                if complete and not structure_findings(specs[n], tables[n])}  # fmt: skip
        findings = (
            _guarded(shown, lambda: [_shown(f) for f in check_tables(specs, tables, texts=None)])
            if complete else []
        )  # fmt: skip
        file_problems = [p for job in hashes.values() for p in job.result()]
        if complete:
            findings += _guarded(shown, lambda: _csv_findings(base, by_name, specs, tables, hashes, same))
    problems += file_problems + table_problems + findings
    return problems, None if problems else _report(descriptor, descriptor_path, list(hashes), specs, tables)


def _report(
    descriptor: dict[str, Any], path: Path, files: list[str], specs: Specs, tables: Tables
) -> ValidationReport:
    from datapkg.checks.run import check_count

    rows: dict[str, int] = {name: tables[name].num_rows for name in specs}
    name, version = (str(descriptor.get(key, "")) for key in ("name", "version"))
    return ValidationReport(path, name, version, tuple(files), rows, check_count(specs, tables, texts=None))
