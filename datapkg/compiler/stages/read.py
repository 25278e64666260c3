"""Stage 1, read: every input, checked on its own (files, YAML, types, quotes placed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from datapkg._names import ResourceName
from datapkg.compiler.follow_on import report_coverage
from datapkg.compiler.inputs.bulk_records import BulkPart, load_bulk
from datapkg.compiler.inputs.package_metadata import load_package_metadata
from datapkg.compiler.inputs.records import MentionIgnore, Record, load_records
from datapkg.compiler.inputs.source_texts import SourceDoc, load_sources
from datapkg.compiler.layout import Layout
from datapkg.compiler.outputs import names_module
from datapkg.compiler.problems import Problem, Problems
from datapkg.schema.specs import TableSpec, load_schemas


@dataclass
class Inputs:
    layout: Layout
    specs: dict[ResourceName, TableSpec]
    metadata: dict[str, Any]
    sources: dict[str, SourceDoc]
    records: list[Record]
    ignores: list[MentionIgnore]
    bulk: dict[ResourceName, list[BulkPart]]
    report_coverage: bool  # false when a problem upstream would make coverage findings noise


def read_inputs(layout: Layout, problems: Problems) -> Inputs:
    if names_module.stale(layout):
        # The build's own list of resources comes from that module: it must be current first.
        message = (
            "stale: schemas/resources.json changed; run `python -m datapkg.compiler.outputs.names_module`"
        )
        problems.add(Problem("datapkg/_names.py", message))
        problems.raise_if_any()
    specs = load_schemas(layout.schemas_dir)
    metadata, errors = load_package_metadata(layout)
    problems.extend(errors)
    sources, errors = load_sources(layout, specs["sources"])
    problems.extend(errors)
    records, ignores, errors = load_records(layout, specs, sources)
    problems.extend(errors)
    bulk, errors = load_bulk(layout, specs)
    problems.extend(errors)
    return Inputs(layout, specs, metadata, sources, records, ignores, bulk, report_coverage(bool(errors)))
