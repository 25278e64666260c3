"""Stage 1, read: every input, checked on its own (files, YAML, types, quotes placed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from datapkg._names import ResourceName
from datapkg._release_shapes import is_version, release_number
from datapkg.compiler.follow_on import Cause, FollowOn
from datapkg.compiler.inputs.bulk_records import BulkPart, load_bulk
from datapkg.compiler.inputs.package_metadata import load_package_metadata
from datapkg.compiler.inputs.record_files import load_records, misnamed
from datapkg.compiler.inputs.records import MentionIgnore, Record
from datapkg.compiler.inputs.release_archive import missing_archives
from datapkg.compiler.inputs.resource_list import ResourceListError, stale
from datapkg.compiler.inputs.retired_ids import Retired, load_retired
from datapkg.compiler.inputs.schema_files import SchemaError, load_schemas
from datapkg.compiler.inputs.source_texts import SourceDoc, load_sources
from datapkg.compiler.inputs.version import read_version
from datapkg.compiler.layout import Layout
from datapkg.compiler.mentions import extraction_language
from datapkg.compiler.problems import Problem, Problems
from datapkg.schema.specs import TableSpec


@dataclass
class Inputs:
    layout: Layout
    specs: dict[ResourceName, TableSpec]
    metadata: dict[str, Any]
    sources: dict[str, SourceDoc]
    records: list[Record]
    ignores: list[MentionIgnore]
    bulk: dict[ResourceName, list[BulkPart]]
    version: str
    follow_on: FollowOn  # the causes reported so far: what later stages keep quiet
    not_in_quote: dict[str, dict[str, str]] = field(default_factory=dict)  # record id -> field -> basis
    retired: Retired = field(default_factory=lambda: Retired([], {}))


def _configuration(layout: Layout, problems: Problems) -> tuple[dict[ResourceName, TableSpec], str]:
    """Schemas, the names module and the version: everything else is read through them, so a
    problem here stops the build before it turns into many."""
    if not (layout.schemas_dir / "resources.json").is_file():
        where = layout.shown(layout.schemas_dir / "resources.json")
        problems.add(Problem(where, f"missing; is {layout.root} a checkout of this project (--root)?"))
        problems.raise_if_any()
    try:
        names_stale = stale(layout)
    except ResourceListError as error:
        problems.add(Problem(*str(error).split(": ", 1)))
        problems.raise_if_any()
    if names_stale:
        message = (
            "stale: schemas/resources.json changed; run `python -m datapkg.compiler.outputs.names_module`"
        )
        problems.add(Problem("datapkg/_names.py", message))
        problems.raise_if_any()
    specs: dict[ResourceName, TableSpec] = {}
    try:
        specs = load_schemas(layout.schemas_dir)
    except SchemaError as error:
        problems.extend(Problem(*p.split(": ", 1)) for p in error.problems)
    version, errors = read_version(layout.pyproject, layout.shown(layout.pyproject))
    problems.extend(errors)
    problems.raise_if_any()
    assert version is not None
    return specs, version


def read_inputs(layout: Layout, problems: Problems) -> Inputs:
    specs, version = _configuration(layout, problems)
    metadata, errors = load_package_metadata(layout)
    problems.extend(errors)
    sources, errors = load_sources(layout, specs["sources"])
    problems.extend(errors + misnamed(layout, "build/sources"))
    named = {p.stem for p in layout.sources_dir.glob("*.yaml")} | {
        p.stem for p in layout.sources_dir.glob("*.txt")
    }
    follow_on = FollowOn(
        read_sources={s for s, doc in sources.items() if extraction_language(doc) is not None}
    )
    for source in named - set(sources):
        follow_on.record(Cause.SOURCE_FAILED, source)
    curated = load_records(layout, specs, sources, named - set(sources), follow_on)
    problems.extend(curated.problems)
    bulk, errors = load_bulk(layout, specs)
    problems.extend(errors)
    if errors:
        follow_on.record(Cause.BULK_REJECTED)
    retired, errors = load_retired(layout, set(specs), lambda v: _not_after(v, version))
    problems.extend(errors + missing_archives(layout))
    if retired.entries:
        metadata["x-retired"] = retired.entries
    return Inputs(
        layout, specs, metadata, sources, curated.records, curated.ignores, bulk, version, follow_on,
        retired=retired,
    )  # fmt: skip


def _not_after(retired_in: str, current: str) -> bool:
    """A version whose release number is at most the current one's (0.3.0 during 0.3.0.dev0)."""
    return is_version(retired_in) and release_number(retired_in) <= release_number(current)
