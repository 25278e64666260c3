"""The build: inputs -> records -> tables -> checks -> files.

Every check runs before anything is written, and files are first written to a
staging directory and then moved into place, so a failing build leaves the
previous outputs exactly as they were.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa

from datapkg._names import FACT_TABLES, RESOURCES, ResourceName
from datapkg.checks.run import Finding, check_tables
from datapkg.compiler.assembly import OriginIndex, assemble
from datapkg.compiler.inputs.bulk_records import load_bulk
from datapkg.compiler.inputs.records import Record, load_records
from datapkg.compiler.inputs.source_texts import load_sources
from datapkg.compiler.inputs.yaml_input import LineDict, load_yaml
from datapkg.compiler.layout import Layout
from datapkg.compiler.mentions import mention_rows
from datapkg.compiler.outputs.descriptor import build_descriptor, descriptor_bytes, read_version
from datapkg.compiler.outputs.dictionary import dictionary_markdown
from datapkg.compiler.outputs.release_registry import registry_bytes
from datapkg.compiler.outputs.serialize import sha256_file, write_csv, write_parquet
from datapkg.compiler.problems import InputError, Origin, Problem, Problems, at
from datapkg.compiler.tables import fill_implied_bounds
from datapkg.schema.specs import TableSpec, load_schemas

# An input problem on one of these fields makes later findings on the derived
# fields noise: report the cause once.
_DERIVED_FIELDS = {
    "date": {"date_start", "date_end", "date_precision", "date_basis", "date_text"},
    "quote": {"quote_start", "quote_end"},
}


@dataclass
class Compiled:
    """A finished build, its files written to a staging directory beside the outputs.

    Nothing outside the staging directory has changed yet: ``write_outputs`` moves the
    files into place, ``differences`` compares them with what is there. The staging
    directory is removed when the object is, at the latest at interpreter exit.
    """

    staging: Path
    staged: dict[Path, Path]  # target -> staged file
    digests: dict[Path, str]  # target -> sha256 hex
    tables: dict[ResourceName, pa.Table]
    version: str
    release_names: dict[str, Path]  # file name in a release bundle -> target

    def __post_init__(self) -> None:
        weakref.finalize(self, shutil.rmtree, self.staging, True)

    def read(self, target: Path) -> bytes:
        return self.staged[target].read_bytes()

    @property
    def files(self) -> dict[Path, bytes]:
        """Every output's bytes (reads them all: for small packages and tests)."""
        return {target: self.read(target) for target in sorted(self.staged)}


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


def _return_freed_memory() -> None:
    """Hand memory Arrow has freed back to the system between stages. Its allocator keeps
    freed pages per thread, and the stages allocate on different threads, so without this
    a large build holds several hundred MB it no longer uses."""
    pa.default_memory_pool().release_unused()


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
    bulk_rejected = bool(errors)  # then uncovered mentions would only echo the missing rows

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
            # pop: the bulk parts are copied into the assembled table and can go
            tables[name], indexes[name] = assemble(specs[name], by_table[name], bulk.pop(name, []))
            if name in FACT_TABLES and "value" in tables[name].column_names:
                tables[name] = fill_implied_bounds(tables[name])

    _return_freed_memory()
    mention_list, errors = mention_rows(layout, sources, tables, ignores)
    if not bulk_rejected:
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
    del mention_list, by_table, records  # in Arrow now; their Python copies are large at scale

    _return_freed_memory()
    texts = {doc.id: doc.text for doc in sources.values()}
    for finding in check_tables(specs, tables, texts):
        located = _locate(finding, indexes, specs)
        if located is not None:
            problems.add(located)
    problems.raise_if_any()

    version = read_version(layout.pyproject)
    layout.data_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=layout.data_dir))
    staged: dict[Path, Path] = {}

    def stage(target: Path, write: Any) -> Path:
        path = staging / f"{len(staged)}-{target.name}"
        write(path)
        staged[target] = path
        return path

    _return_freed_memory()
    # Each data file is written and hashed on its own thread: Arrow's writers and hashlib
    # release the GIL, so a large build uses both cores.
    jobs = [
        (f"{name}.{suffix}", tables[name], writer)
        for name in RESOURCES
        for suffix, writer in (
            (
                "csv",
                partial(
                    write_csv,
                    list_delimiters={f.name: f.delimiter for f in specs[name].fields if f.type == "list"},
                ),
            ),
            ("parquet", write_parquet),
        )
    ]
    paths = {fname: staging / f"{i}-{fname}" for i, (fname, _, _) in enumerate(jobs)}

    def write_and_hash(job: tuple[str, pa.Table, Any]) -> tuple[str, str]:
        fname, table, writer = job
        writer(table, paths[fname])
        return fname, sha256_file(paths[fname])

    with ThreadPoolExecutor(max_workers=2) as pool:
        written = dict(pool.map(write_and_hash, jobs))
    stats: dict[str, dict[str, Any]] = {}
    digests: dict[Path, str] = {}
    for fname, _, _ in jobs:
        target = layout.data_dir / fname
        staged[target] = paths[fname]
        digests[target] = written[fname]
        stats[fname] = {"bytes": paths[fname].stat().st_size, "hash": "sha256:" + written[fname]}
    source_rows = tables["sources"].to_pylist()
    for prefix, target in (
        ("", layout.data_dir / "datapackage.json"),
        (layout.shown(layout.data_dir) + "/", layout.root_descriptor),
    ):
        data = descriptor_bytes(build_descriptor(metadata, version, specs, stats, source_rows, prefix))
        stage(target, lambda p, d=data: p.write_bytes(d))
    dictionary = dictionary_markdown(specs, tables).encode("utf-8")
    stage(layout.data_dictionary, lambda p: p.write_bytes(dictionary))
    release_names = {fname: layout.data_dir / fname for fname in stats}
    release_names["datapackage.json"] = layout.data_dir / "datapackage.json"
    digests |= {t: sha256_file(p) for t, p in staged.items() if t not in digests}
    sums = {fname: digests[target] for fname, target in release_names.items()}
    registry, errors = registry_bytes(layout, version, sums)
    stage(layout.data_dir / "releases.json", lambda p: p.write_bytes(registry))
    digests[layout.data_dir / "releases.json"] = sha256_file(staged[layout.data_dir / "releases.json"])
    compiled = Compiled(staging, staged, digests, tables, version, release_names)
    Problems(list(errors)).raise_if_any()
    return compiled


def _stale(layout: Layout, targets: Iterable[Path]) -> list[Path]:
    if not layout.data_dir.is_dir():
        return []
    built = {p.resolve() for p in targets}
    return sorted(
        p
        for p in layout.data_dir.iterdir()
        if p.is_file() and p.suffix in (".csv", ".parquet", ".json") and p.resolve() not in built
    )


def _same(target: Path, compiled: Compiled) -> bool:
    staged = compiled.staged[target]
    return (
        target.is_file()
        and target.stat().st_size == staged.stat().st_size
        and sha256_file(target) == compiled.digests[target]
    )


def differences(layout: Layout, compiled: Compiled) -> list[str]:
    """How the files on disk differ from a fresh build (empty when identical)."""
    out = []
    for target in sorted(compiled.staged):
        shown = layout.shown(target)
        if not target.is_file():
            out.append(f"{shown}: missing; a fresh build writes it")
        elif not _same(target, compiled):
            out.append(f"{shown}: differs from a fresh build")
    out += [
        f"{layout.shown(p)}: not produced by the build; delete it" for p in _stale(layout, compiled.staged)
    ]
    return out


def write_outputs(layout: Layout, compiled: Compiled) -> list[Path]:
    """Move every staged file into place; returns the files that changed."""
    changed = [t for t in sorted(compiled.staged) if not _same(t, compiled)]
    # Descriptors last: they vouch for the data files' hashes.
    for target in sorted(compiled.staged, key=lambda t: (t.suffix == ".json", str(t))):
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(compiled.staged[target], target)
    shutil.rmtree(compiled.staging, ignore_errors=True)
    for stale in _stale(layout, compiled.staged):
        stale.unlink()
    return changed


__all__ = ["Compiled", "InputError", "compile_package", "differences", "write_outputs"]
