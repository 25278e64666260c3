"""The build: inputs -> records -> tables -> checks -> files.

Every check runs before anything is written, and files are first written to a
staging directory and then moved into place, so a failing build leaves the
previous outputs exactly as they were.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from datapkg._names import RESOURCES, ResourceName
from datapkg.build.assembly import OriginIndex, assemble
from datapkg.build.bulk_records import load_bulk
from datapkg.build.checks import Finding, check_tables
from datapkg.build.descriptor import build_descriptor, descriptor_bytes, file_stats, read_version
from datapkg.build.dictionary import dictionary_markdown
from datapkg.build.layout import Layout
from datapkg.build.mentions import mention_rows
from datapkg.build.problems import InputError, Origin, Problem, Problems, at
from datapkg.build.records import Record, load_records
from datapkg.build.registry import registry_bytes
from datapkg.build.schemas import TableSpec, load_schemas
from datapkg.build.serialize import csv_bytes, parquet_bytes
from datapkg.build.source_texts import load_sources
from datapkg.build.yaml_input import LineDict, load_yaml

# An input problem on one of these fields makes later findings on the derived
# fields noise: report the cause once.
_DERIVED_FIELDS = {
    "date": {"date_start", "date_end", "date_precision", "date_basis", "date_text"},
    "quote": {"quote_start", "quote_end"},
}


@dataclass
class Compiled:
    files: dict[Path, bytes]
    tables: dict[ResourceName, pa.Table]
    version: str
    release_files: dict[str, bytes]
    """The files of a release bundle by name: data files and the relative descriptor."""


def _metadata(layout: Layout) -> tuple[dict[str, Any], list[Problem]]:
    path = layout.package_metadata
    shown = layout.shown(path)
    if not path.is_file():
        return {}, [Problem(shown, "package metadata file is missing")]
    raw, problems = load_yaml(path, shown)
    if problems:
        return {}, problems
    if not isinstance(raw, LineDict):
        return {}, [Problem(f"{shown}:1", "expected a mapping of package metadata")]
    missing = [k for k in ("name", "title", "description", "licenses", "citation") if k not in raw]
    if missing:
        return {}, [Problem(f"{shown}:1", f"missing package metadata: {', '.join(missing)}")]
    return dict(raw), []


def _locate(
    finding: Finding, indexes: dict[str, OriginIndex], specs: dict[ResourceName, TableSpec]
) -> Problem | None:
    """The finding as a problem at its record's file and line, or None when it only echoes
    an input problem already reported for the same record."""
    index = indexes.get(finding.table)
    origin = index.origin(finding.row) if index is not None and finding.row is not None else None
    if index is None or finding.row is None or origin is None:
        return Problem(finding.table, finding.message, finding.record_id, finding.field)
    reported = index.problem_fields(finding.row)
    if finding.field in reported:
        return None
    for cause, derived in _DERIVED_FIELDS.items():
        if finding.field in derived and cause in reported:
            return None
    spec = specs[finding.table]  # type: ignore[index]
    if reported and finding.field in spec.field_names and spec.field(finding.field).computed:
        return None
    return at(origin, finding.message, finding.record_id, finding.field)


def compile_package(layout: Layout) -> Compiled:
    """Everything the build would write, as bytes; raises InputError with every problem."""
    problems = Problems()
    specs = load_schemas(layout.schemas_dir)
    metadata, errors = _metadata(layout)
    problems.extend(errors)
    sources, errors = load_sources(layout, specs["sources"])
    problems.extend(errors)
    records, ignores, errors = load_records(layout, specs, sources)
    problems.extend(errors)
    bulk, errors = load_bulk(layout, specs)
    problems.extend(errors)

    by_table: dict[ResourceName, list[Record]] = {name: [] for name in RESOURCES}
    for doc in sources.values():
        by_table["sources"].append(
            Record("sources", {n: doc.row.get(n) for n in specs["sources"].field_names}, doc.origin)
        )
    for record in records:
        by_table[record.table].append(record)
    tables: dict[ResourceName, pa.Table] = {}
    indexes: dict[str, OriginIndex] = {}
    for name in RESOURCES:
        if name != "mentions":
            tables[name], indexes[name] = assemble(specs[name], by_table[name], bulk.get(name, []))

    mention_list, errors = mention_rows(layout, sources, tables, ignores)
    problems.extend(errors)
    by_table["mentions"] = [
        Record(
            "mentions",
            row,
            Origin(
                layout.shown(layout.sources_dir / f"{row['source_id']}.txt"),
                sources[row["source_id"]].text.count("\n", 0, row["start"]) + 1,
            ),
            # An unexplained mention was reported above; its missing reason is the same problem.
            frozenset({"ignore_reason"} if row["status"] == "ignored" and not row["ignore_reason"] else ()),
        )
        for row in mention_list
    ]
    tables["mentions"], indexes["mentions"] = assemble(specs["mentions"], by_table["mentions"], [])

    texts = {doc.id: doc.text for doc in sources.values()}
    for finding in check_tables(specs, tables, texts):
        located = _locate(finding, indexes, specs)
        if located is not None:
            problems.add(located)
    problems.raise_if_any()

    version = read_version(layout.pyproject)
    data_files: dict[str, bytes] = {}
    for name in RESOURCES:
        data_files[f"{name}.csv"] = csv_bytes(tables[name])
        data_files[f"{name}.parquet"] = parquet_bytes(tables[name])
    source_rows = tables["sources"].to_pylist()
    stats = {name: file_stats(data) for name, data in data_files.items()}  # each file hashed once
    files = {layout.data_dir / fname: data for fname, data in data_files.items()}
    for prefix, target in (
        ("", layout.data_dir / "datapackage.json"),
        (layout.shown(layout.data_dir) + "/", layout.root_descriptor),
    ):
        descriptor = build_descriptor(metadata, version, specs, stats, source_rows, prefix)
        files[target] = descriptor_bytes(descriptor)
    files[layout.data_dictionary] = dictionary_markdown(specs, tables).encode("utf-8")
    release_files = {**data_files, "datapackage.json": files[layout.data_dir / "datapackage.json"]}
    digests = {name: s["hash"].removeprefix("sha256:") for name, s in stats.items()}
    files[layout.data_dir / "releases.json"], errors = registry_bytes(layout, version, release_files, digests)
    Problems(list(errors)).raise_if_any()
    return Compiled(files, tables, version, release_files)


def _stale(layout: Layout, files: dict[Path, bytes]) -> list[Path]:
    if not layout.data_dir.is_dir():
        return []
    built = {p.resolve() for p in files}
    return sorted(
        p
        for p in layout.data_dir.iterdir()
        if p.suffix in (".csv", ".parquet", ".json") and p.resolve() not in built
    )


def differences(layout: Layout, compiled: Compiled) -> list[str]:
    """How the files on disk differ from a fresh build (empty when identical)."""
    out = []
    for path, data in sorted(compiled.files.items()):
        shown = layout.shown(path)
        if not path.is_file():
            out.append(f"{shown}: missing; a fresh build writes it")
        elif path.read_bytes() != data:
            out.append(f"{shown}: differs from a fresh build")
    out += [
        f"{layout.shown(p)}: not produced by the build; delete it" for p in _stale(layout, compiled.files)
    ]
    return out


def write_outputs(layout: Layout, compiled: Compiled) -> list[Path]:
    """Stage every file, then move each into place; returns the files that changed."""
    layout.data_dir.mkdir(parents=True, exist_ok=True)
    changed = [p for p, data in compiled.files.items() if not p.is_file() or p.read_bytes() != data]
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=layout.data_dir))
    try:
        staged = []
        for i, (target, data) in enumerate(sorted(compiled.files.items())):
            tmp = staging / f"{i}-{target.name}"
            tmp.write_bytes(data)
            staged.append((tmp, target))
        # Descriptors last: they vouch for the data files' hashes.
        staged.sort(key=lambda pair: pair[1].suffix == ".json")
        for tmp, target in staged:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for stale in _stale(layout, compiled.files):
        stale.unlink()
    return changed


__all__ = ["Compiled", "InputError", "compile_package", "differences", "write_outputs"]
