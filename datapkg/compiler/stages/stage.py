"""Stage 4, stage: every output written to a staging directory beside the outputs and
hashed: table files, both descriptors and both Croissant files, the data dictionary and the
release registry.
Nothing outside the staging directory changes here.
"""

from __future__ import annotations

import tempfile
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa

from datapkg._names import RESOURCES, ResourceName
from datapkg.compiler.outputs.croissant import build_croissant, croissant_bytes
from datapkg.compiler.outputs.descriptor import build_descriptor, descriptor_bytes
from datapkg.compiler.outputs.dictionary import dictionary_markdown
from datapkg.compiler.outputs.release_registry import registry_bytes
from datapkg.compiler.outputs.serialize import sha256_file, write_csv, write_parquet
from datapkg.compiler.outputs.staged import STAGING_PREFIX, Compiled, remove_staging
from datapkg.compiler.problems import Problems
from datapkg.compiler.stages.read import Inputs
from datapkg.compiler.stages.tabulate import Tables
from datapkg.schema.arrow_types import table_title, with_table_metadata
from datapkg.schema.specs import TableSpec


def _writers(spec: TableSpec) -> dict[str, Any]:
    lists = {f.name: f.delimiter for f in spec.fields if f.type == "list"}
    return {"csv": partial(write_csv, list_delimiters=lists), "parquet": write_parquet}


def _described(name: ResourceName, spec: TableSpec, table: pa.Table, version: str) -> pa.Table:
    about = {
        "title": table_title(name),
        "description": spec.descriptor.get("description", ""),
        "version": version,
    }
    return table.replace_schema_metadata(with_table_metadata(table.schema, about).metadata)


def _stage_tables(compiled: Compiled, inputs: Inputs, tables: Tables) -> dict[str, dict[str, Any]]:
    """Every table as CSV and Parquet; returns each file's bytes and hash for the descriptor."""
    jobs = [
        (f"{name}.{fmt}", name, writer)
        for name in RESOURCES
        for fmt, writer in _writers(inputs.specs[name]).items()
    ]
    paths = {fname: compiled.staging / f"{i}-{fname}" for i, (fname, _, _) in enumerate(jobs)}
    # Each Parquet file names its table's title, description and version, so a file read on its
    # own (and the loader, which reads no descriptor) knows what it holds; CSV has no place for them.
    published = {
        name: _described(name, inputs.specs[name], tables[name], compiled.version) for name in RESOURCES
    }

    def write_and_hash(job: tuple[str, ResourceName, Any]) -> str:
        fname, name, writer = job
        writer(published[name], paths[fname])
        return sha256_file(paths[fname])

    # Arrow's writers and hashlib release the GIL: with a thread each, a large build uses both cores.
    with ThreadPoolExecutor(max_workers=2) as pool:
        digests = list(pool.map(write_and_hash, jobs))
    stats = {}
    for (fname, _, _), digest in zip(jobs, digests, strict=True):
        target = inputs.layout.data_dir / fname
        compiled.staged[target], compiled.digests[target] = paths[fname], digest
        compiled.release_names[fname] = target
        stats[fname] = {"bytes": paths[fname].stat().st_size, "hash": "sha256:" + digest}
    return stats


def _stage_descriptors(compiled: Compiled, inputs: Inputs, stats: dict[str, dict[str, Any]]) -> None:
    layout, sources = inputs.layout, compiled.tables["sources"].to_pylist()
    for prefix, target in (
        ("", layout.data_dir / "datapackage.json"),
        (layout.shown(layout.data_dir) + "/", layout.root_descriptor),
    ):
        descriptor = build_descriptor(inputs.metadata, compiled.version, inputs.specs, stats, sources, prefix)
        compiled.add(target, descriptor_bytes(descriptor))
    compiled.release_names["datapackage.json"] = layout.data_dir / "datapackage.json"
    compiled.release_names["croissant.json"] = layout.data_dir / "croissant.json"
    for prefix, target in (
        ("", layout.data_dir / "croissant.json"),
        (layout.shown(layout.data_dir) + "/", layout.root_croissant),
    ):
        croissant = build_croissant(inputs.metadata, compiled.version, inputs.specs, stats, prefix)
        compiled.add(target, croissant_bytes(croissant))


def stage_outputs(inputs: Inputs, tables: Tables, problems: Problems) -> Compiled:
    layout = inputs.layout
    version = inputs.version
    layout.data_dir.mkdir(parents=True, exist_ok=True)
    compiled = Compiled(Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=layout.data_dir)), tables, version)
    try:
        _stage_all(compiled, inputs, tables, problems)
    except BaseException:
        remove_staging(compiled.staging_dirs)  # nothing half-written stays beside the outputs
        raise
    return compiled


def _stage_all(compiled: Compiled, inputs: Inputs, tables: Tables, problems: Problems) -> None:
    layout, version = inputs.layout, inputs.version
    stats = _stage_tables(compiled, inputs, tables)
    _stage_descriptors(compiled, inputs, stats)
    compiled.add(layout.data_dictionary, dictionary_markdown(inputs.specs, tables).encode("utf-8"))
    sums = {name: compiled.digests[target] for name, target in compiled.release_names.items()}
    registry, errors = registry_bytes(layout, version, sums)
    compiled.add(layout.data_dir / "releases.json", registry)
    problems.extend(errors)
