"""Stage 3, check: the runtime checks on the assembled tables, each finding located at
the file and line of its record, less those that only follow from a problem already
reported (:mod:`datapkg.compiler.follow_on` decides which)."""

from __future__ import annotations

from dataclasses import replace

from datapkg._names import CURATED_TABLES, VOCABULARIES
from datapkg.checks.run import Finding, check_tables
from datapkg.compiler.assembly import OriginIndex
from datapkg.compiler.follow_on import Cause, Hidden, echoes_input_problem, echoes_reported
from datapkg.compiler.inputs.retired_ids import retired_problems
from datapkg.compiler.problems import Problem, Problems, at
from datapkg.compiler.quoted_values import quoted_value_problems
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


def _empty_vocabularies(inputs: Inputs, tables: Tables, problems: Problems) -> None:
    follow_on = inputs.follow_on
    for name in sorted(n for n in VOCABULARIES if n in CURATED_TABLES and tables[n].num_rows == 0):
        follow_on.record(Cause.EMPTY_VOCABULARY, name)
        if follow_on.shows_missing_vocabulary(name):
            where = inputs.layout.shown(inputs.layout.records_dir / f"{name}.yaml")
            message = f"no {name} at all: this file is missing, unreadable or holds no `{name}:` list"
            problems.add(Problem(where, message + f"; references to {name} are checked once it is back"))


def _source_of(tables: Tables, finding: Finding) -> object:
    table = tables.get(finding.table)  # type: ignore[call-overload]
    if table is None or finding.row is None or "source_id" not in table.column_names:
        return None
    return table["source_id"][finding.row].as_py()


def _shown(finding: Finding, inputs: Inputs, tables: Tables) -> bool:
    """Whether a finding is its own problem, not one that follows from a cause reported already."""
    follow_on = inputs.follow_on
    if not follow_on.shows_reference(finding.rule):
        return False
    if finding.field == "date_text" and not follow_on.shows_date_text(_source_of(tables, finding)):
        return False
    return finding.rule != "vocabulary_used" or follow_on.shows_vocabulary_use()


def check(inputs: Inputs, tables: Tables, indexes: Indexes, problems: Problems) -> None:
    texts = {doc.id: doc.text for doc in inputs.sources.values()}
    _empty_vocabularies(inputs, tables, problems)
    for finding in check_tables(inputs.specs, tables, texts):
        if not _shown(finding, inputs, tables):
            continue
        spec = inputs.specs.get(finding.table)  # type: ignore[call-overload]
        vocabulary = finding.rule.removeprefix("foreign_key:")
        if vocabulary in VOCABULARIES and vocabulary in CURATED_TABLES:
            where = inputs.layout.shown(inputs.layout.records_dir / f"{vocabulary}.yaml")
            finding = replace(finding, message=f"{finding.message} (a new one goes in {where})")
        located = locate(finding, indexes.get(finding.table), spec)
        if located is not None:
            problems.add(located)
    check_quoted_values(inputs, tables, indexes, problems)
    current: dict[str, set[str]] = {
        name: {str(v) for v in table.column("id").to_pylist()}
        for name, table in tables.items()
        if "id" in table.column_names
    }
    # A record that failed to read is missing from the tables too: rows of a release count as
    # gone only in a build with no other problem.
    problems.extend(retired_problems(inputs.layout, inputs.retired, current, removals=not problems))


def check_quoted_values(inputs: Inputs, tables: Tables, indexes: Indexes, problems: Problems) -> None:
    """Figures their quotes contradict; a figure with a problem of its own is reported once."""
    if inputs.follow_on.hides_everywhere(Hidden.QUOTED_FIGURES):
        return
    quiet = inputs.follow_on.quiet(Hidden.QUOTED_FIGURES, inputs.sources)
    reported = {(p.record_id, p.field) for p in problems}
    found = quoted_value_problems(
        inputs.specs, tables, indexes, tables["mentions"], inputs.not_in_quote, quiet
    )
    problems.extend(p for p in found if not echoes_reported(p, reported))
