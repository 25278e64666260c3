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


def _file_problems(base: Path, entry: dict[str, Any]) -> list[str]:
    target = base / entry["path"]
    if not target.is_file():
        return [f"{entry['path']}: file missing"]
    out = []
    size = target.stat().st_size
    if size != entry["bytes"]:
        out.append(f"{entry['path']}: {size} bytes, expected {entry['bytes']}")
    with target.open("rb") as fh:  # in blocks: a large CSV never sits in memory
        digest = "sha256:" + hashlib.file_digest(fh, "sha256").hexdigest()
    if digest != entry["hash"]:
        out.append(f"{entry['path']}: hash {digest}, expected {entry['hash']} (file corrupted or edited)")
    return out


def _read_parquet(base: Path, entry: dict[str, Any]) -> pa.Table | str:
    try:
        # ParquetFile, not read_table: read_table goes through pyarrow.dataset, which imports pandas.
        return pq.ParquetFile(base / entry["path"]).read()
    except Exception as exc:  # any unreadable file is a finding, not a crash
        return f"{entry['path']}: unreadable Parquet ({exc})"


def validate_package(descriptor_path: Path) -> list[str]:
    from datapkg.checks.run import check_tables
    from datapkg.schema.specs import TableSpec, table_spec

    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [f"{descriptor_path}: no such descriptor"]
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return [f"{descriptor_path}: not a JSON descriptor ({error})"]
    base = descriptor_path.parent
    problems: list[str] = []
    by_name = {r["name"]: r for r in descriptor["resources"]}
    missing = [n for n in RESOURCES if n not in by_name]
    problems += [f"resource {n!r} missing from {descriptor_path}" for n in missing]
    present = [n for n in RESOURCES if n in by_name]
    entries = [e for n in present for e in (by_name[n], by_name[n]["x-parquet"])]
    specs: dict[ResourceName, TableSpec] = {n: table_spec(n, by_name[n]["schema"]) for n in present}
    tables: dict[ResourceName, pa.Table] = {}
    # Files are hashed on a second thread while this one reads and checks the tables:
    # hashlib and Arrow release the GIL, so both cores work.
    with ThreadPoolExecutor(max_workers=1) as pool:
        hashed = pool.map(lambda e: _file_problems(base, e), entries)
        for name in present:
            table = _read_parquet(base, by_name[name]["x-parquet"])
            if isinstance(table, str):
                problems.append(table)
            else:
                tables[name] = table
        if len(tables) == len(RESOURCES):
            for f in check_tables(specs, tables, texts=None):
                where = f"{f.table}" + (f" record {f.record_id!r}" if f.record_id else "")
                problems.append(f"{where}: field {f.field!r}: {f.message}")
        file_problems = [p for found in hashed for p in found]
    return file_problems + problems
