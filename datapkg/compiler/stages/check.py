"""Stage 3, check: the runtime checks on the assembled tables, each finding located at
the file and line of its record, less those that only echo an input problem
(:mod:`datapkg.compiler.follow_on`)."""

from __future__ import annotations

from datapkg.checks.run import Finding, check_tables
from datapkg.compiler.assembly import OriginIndex
from datapkg.compiler.follow_on import echoes_input_problem
from datapkg.compiler.problems import Problem, Problems, at
from datapkg.compiler.stages.read import Inputs
from datapkg.compiler.stages.tabulate import Indexes, Tables
from datapkg.schema.specs import TableSpec


def locate(finding: Finding, index: OriginIndex | None, spec: TableSpec | None) -> Problem | None:
    """The finding at its record's file and line, or None when it echoes an input problem."""
    origin = index.origin(finding.row) if index is not None and finding.row is not None else None
    if index is None or spec is None or finding.row is None or origin is None:
        return Problem(finding.table, finding.message, finding.record_id, finding.field)
    if echoes_input_problem(finding.field, index.problem_fields(finding.row), spec):
        return None
    return at(origin, finding.message, finding.record_id, finding.field)


def check(inputs: Inputs, tables: Tables, indexes: Indexes, problems: Problems) -> None:
    texts = {doc.id: doc.text for doc in inputs.sources.values()}
    for finding in check_tables(inputs.specs, tables, texts):
        spec = inputs.specs.get(finding.table)  # type: ignore[call-overload]
        located = locate(finding, indexes.get(finding.table), spec)
        if located is not None:
            problems.add(located)
