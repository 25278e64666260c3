"""Stage 2, tabulate: records into Arrow tables typed by the schema, sorted by primary
key, implied bounds filled; then the mentions table from the extractor and the
fact tables' quote spans. Each table keeps an index back to where its rows were written.
"""

from __future__ import annotations

import pyarrow as pa

from datapkg._names import FACT_TABLES, RESOURCES, ResourceName
from datapkg.checks.event_rollup import summarize
from datapkg.compiler.assembly import OriginIndex, assemble
from datapkg.compiler.follow_on import Hidden, mention_reported_fields
from datapkg.compiler.inputs.records import Record
from datapkg.compiler.mentions import mention_rows
from datapkg.compiler.problems import Origin, Problems
from datapkg.compiler.stages.read import Inputs
from datapkg.compiler.tables import fill_implied_bounds

Tables = dict[ResourceName, pa.Table]
Indexes = dict[str, OriginIndex]


def _source_records(inputs: Inputs) -> list[Record]:
    names = inputs.specs["sources"].field_names
    return [
        Record("sources", {n: doc.row.get(n) for n in names}, doc.origin, doc.problem_fields)
        for doc in inputs.sources.values()
    ]


def tabulate_records(inputs: Inputs) -> tuple[Tables, Indexes]:
    """Every table but mentions. The bulk parts are handed over: they live in the tables now."""
    by_table: dict[ResourceName, list[Record]] = {name: [] for name in RESOURCES}
    by_table["sources"] = _source_records(inputs)
    for record in inputs.records:
        by_table[record.table].append(record)
        if record.not_in_quote and isinstance(record.row.get("id"), str):
            inputs.not_in_quote[record.row["id"]] = record.not_in_quote
    inputs.records = []  # in Arrow from here on; the Python copies are large at scale
    tables: Tables = {}
    indexes: Indexes = {}
    for name in RESOURCES:
        if name == "mentions":
            continue
        tables[name], indexes[name] = assemble(inputs.specs[name], by_table[name], inputs.bulk.pop(name, []))
        if name in FACT_TABLES and "value" in tables[name].column_names:
            tables[name] = fill_implied_bounds(tables[name])
    # What each event's claims add up to: its rows keep their order, so the index still holds.
    tables["events"] = summarize(inputs.specs, tables)
    return tables, indexes


def tabulate_mentions(inputs: Inputs, tables: Tables, indexes: Indexes, problems: Problems) -> None:
    """The mentions table, each row located at its line in the source text."""
    layout = inputs.layout
    named = {*inputs.sources, *(ignore.source_id for ignore in inputs.ignores)}
    quiet = inputs.follow_on.quiet(Hidden.COVERAGE, named)
    rows, errors = mention_rows(layout, inputs.sources, tables, inputs.ignores, quiet)
    problems.extend(errors)
    records = [
        Record(
            "mentions",
            row,
            Origin(
                layout.shown(layout.sources_dir / f"{row['source_id']}.txt"),
                inputs.sources[row["source_id"]].text.count("\n", 0, row["start"]) + 1,
            ),
            mention_reported_fields(row),
        )
        for row in rows
    ]
    tables["mentions"], indexes["mentions"] = assemble(inputs.specs["mentions"], records, [])
