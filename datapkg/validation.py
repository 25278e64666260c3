"""Validation of a built package: files against the descriptor, tables against
their schemas, keys across tables. Imported only by :func:`datapkg.validate`."""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from datapkg._names import RESOURCES, ResourceName
from datapkg.checks.findings import Finding
from datapkg.checks.table_rules import structure_findings
from datapkg.schema.lint import field_problems, key_problems
from datapkg.schema.specs import TableSpec, table_spec

Specs = dict[ResourceName, TableSpec]
Tables = dict[ResourceName, pa.Table]


def _size_problems(base: Path, entry: dict[str, Any]) -> list[str]:
    target = base / entry["path"]
    if not target.is_file():
        return [f"{entry['path']}: file missing"]
    size = target.stat().st_size
    return [] if size == entry["bytes"] else [f"{entry['path']}: {size} bytes, expected {entry['bytes']}"]


def _hash_problems(entry: dict[str, Any], hexdigest: str) -> list[str]:
    digest = "sha256:" + hexdigest
    if digest == entry["hash"]:
        return []
    return [f"{entry['path']}: hash {digest}, expected {entry['hash']} (file corrupted or edited)"]


def _file_problems(base: Path, entry: dict[str, Any]) -> list[str]:
    problems = _size_problems(base, entry)
    if problems and problems[0].endswith("file missing"):
        return problems
    with (base / entry["path"]).open("rb") as fh:  # in blocks: a large file never sits in memory
        return problems + _hash_problems(entry, hashlib.file_digest(fh, "sha256").hexdigest())


def _read_parquet(base: Path, entry: dict[str, Any]) -> pa.Table | str:
    try:
        # ParquetFile, not read_table: read_table goes through pyarrow.dataset, which imports pandas.
        return pq.ParquetFile(base / entry["path"]).read()
    except Exception as exc:  # any unreadable file is a finding, not a crash
        return f"{entry['path']}: unreadable Parquet ({exc})"


def _load_descriptor(path: Path) -> tuple[dict[str, Any] | None, Path, list[str]]:
    if path.is_dir():  # a package folder: its descriptor
        path = path / "datapackage.json"
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, path, [f"{path}: no such descriptor"]
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return None, path, [f"{path}: not a JSON descriptor ({error})"]
    except OSError as error:
        return None, path, [f"{path}: cannot read the descriptor ({error.strerror})"]
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return None, path, [f"{path}: expected a data package descriptor with a list of resources"]
    return descriptor, path, []


def _entry_problems(resource: dict[str, Any]) -> list[str]:
    """A descriptor's resource as validation reads it: files with sizes and hashes, and a schema
    whose fields and keys make sense (``datapkg.schema.lint``, as for the build's schema files)."""
    name = resource.get("name")
    parquet = resource.get("x-parquet")
    missing = [k for k in ("path", "bytes", "hash", "schema") if k not in resource]
    if not isinstance(parquet, dict):
        missing.append("x-parquet")
    else:
        missing += [f"x-parquet.{k}" for k in ("path", "bytes", "hash") if k not in parquet]
    if missing:
        return [f"resource {name!r}: descriptor lacks {', '.join(missing)}"]
    schema = resource["schema"]
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list):
        return [f"resource {name!r}: schema lacks its list of fields"]
    if not all(isinstance(f, dict) and "name" in f for f in schema["fields"]):
        return [f"resource {name!r}: every schema field needs a name"]
    problems = [p for f in schema["fields"] for p in field_problems(f)]
    fields = {f["name"] for f in schema["fields"]}
    problems += key_problems(
        {k: v for k, v in schema.items() if "oreignKeys" not in k}, {str(name): fields}, str(name)
    )
    return [f"resource {name!r}: schema: {p}" for p in problems]


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
    """The published CSV form (UTF-8 without byte order mark, LF line endings), from the first
    block: a converted file shows it there."""
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    out = []
    if head.startswith(b"\xef\xbb\xbf"):
        out.append(f"{shown}: starts with a byte order mark; the CSV files are UTF-8 without one")
    if b"\r" in head:
        out.append(f"{shown}: has CR line endings; the CSV files end lines with LF only")
    return out


def _same_as_twin(base: Path, entry: dict[str, Any], spec: TableSpec, tables: Tables) -> bool:
    from datapkg.checks.csv_files import same_as_parquet

    path = base / entry["path"]
    return path.is_file() and same_as_parquet(path, spec, tables[spec.name])


def validate_package(descriptor_path: Path) -> list[str]:
    from datapkg.checks.run import check_tables

    descriptor, descriptor_path, problems = _load_descriptor(descriptor_path)
    if descriptor is None:
        return problems
    base = descriptor_path.parent
    by_name: dict[str, Any] = {str(r.get("name")): r for r in descriptor["resources"] if isinstance(r, dict)}
    problems += [f"resource {n!r} missing from {descriptor_path}" for n in RESOURCES if n not in by_name]
    for name in [n for n in RESOURCES if n in by_name]:
        broken = _entry_problems(by_name[name])
        if broken:  # its files and table cannot be checked; the rest of the package can
            problems += broken
            del by_name[name]
    present = [n for n in RESOURCES if n in by_name]
    specs: Specs = {n: table_spec(n, by_name[n]["schema"]) for n in present}
    tables: Tables = {}
    with ThreadPoolExecutor(max_workers=2) as pool:
        # Every file is hashed on a second thread while this one reads the Parquet files (hashlib
        # and Arrow release the GIL). Each CSV is compared with its twin as soon as the twin is in
        # memory, so parsing overlaps the remaining reads and the checks.
        hashes = {e["path"]: pool.submit(_file_problems, base, e) for n in present
                  for e in (by_name[n]["x-parquet"], by_name[n])}  # fmt: skip
        same: dict[str, Any] = {}
        for name in present:
            table = _read_parquet(base, by_name[name]["x-parquet"])
            if isinstance(table, str):
                problems.append(table)
            else:
                tables[name] = table
                # A Parquet file of the wrong shape is reported as such; its CSV cannot be compared.
                if not structure_findings(specs[name], table):
                    same[name] = pool.submit(_same_as_twin, base, by_name[name], specs[name], tables)
        complete = len(tables) == len(RESOURCES)
        findings = [_shown(f) for f in check_tables(specs, tables, texts=None)] if complete else []
        file_problems = [p for job in hashes.values() for p in job.result()]
        for name in [n for n in present if n in same] if complete else []:
            csv, parquet = by_name[name]["path"], by_name[name]["x-parquet"]["path"]
            # A file that does not match the descriptor is reported as such; its content would only
            # repeat that. The CSV of an intact pair that differs from its twin is checked in detail.
            if hashes[csv].result() or hashes[parquet].result():
                continue
            findings += _form_problems(base / csv, csv)
            if not same[name].result():
                findings += _csv_problems(base, by_name[name], specs[name], tables, specs)
    return file_problems + problems + findings
