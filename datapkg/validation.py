"""Validation of a built package: files against the descriptor, tables against
their schemas, keys across tables. Imported only by :func:`datapkg.validate`."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from datapkg._names import RESOURCES, ResourceName


def _file_problems(base: Path, entry: dict[str, Any]) -> list[str]:
    target = base / entry["path"]
    if not target.is_file():
        return [f"{entry['path']}: file missing"]
    data = target.read_bytes()
    out = []
    if len(data) != entry["bytes"]:
        out.append(f"{entry['path']}: {len(data)} bytes, expected {entry['bytes']}")
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    if digest != entry["hash"]:
        out.append(f"{entry['path']}: hash {digest}, expected {entry['hash']} (file corrupted or edited)")
    return out


def validate_package(descriptor_path: Path) -> list[str]:
    from datapkg.build.checks import check_tables
    from datapkg.build.schemas import TableSpec, table_spec

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
    specs: dict[ResourceName, TableSpec] = {}
    tables: dict[ResourceName, pa.Table] = {}
    for name in RESOURCES:
        if name not in by_name:
            continue
        resource = by_name[name]
        file_problems = _file_problems(base, resource) + _file_problems(base, resource["x-parquet"])
        problems += file_problems
        schema = resource["schema"]
        specs[name] = table_spec(name, schema)
        try:
            table = pq.read_table(base / resource["x-parquet"]["path"])
        except Exception as exc:  # any unreadable file is a finding, not a crash
            problems.append(f"{resource['x-parquet']['path']}: unreadable Parquet ({exc})")
            continue
        tables[name] = table
    if len(tables) == len(RESOURCES):
        for f in check_tables(specs, tables, texts=None):
            where = f"{f.table}" + (f" record {f.record_id!r}" if f.record_id else "")
            problems.append(f"{where}: field {f.field!r}: {f.message}")
    return problems
