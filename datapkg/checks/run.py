"""All checks on the assembled Arrow tables, as independent jobs on both cores:
the schema's field constraints (``column_checks``), the rules within a table's
rows (``row_rules``) and the keys across rows and tables (``key_rules``).

The same checks serve the build (findings are then located in the YAML files)
and validation of built packages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from datapkg._names import FACT_TABLES, ResourceName
from datapkg.checks import key_rules, row_rules
from datapkg.checks.field_rules import Finding, field_findings, structure_findings
from datapkg.checks.key_rules import Tables
from datapkg.schema.specs import TableSpec

__all__ = ["Finding", "check_tables"]


Job = Callable[[], list[Finding]]


def _rule_jobs(
    specs: Mapping[ResourceName, TableSpec], tables: Tables, texts: Mapping[str, str] | None
) -> list[tuple[Job, bool]]:
    """The rules across fields, rows and tables as independent jobs, in the order their
    findings are reported, each with whether it is costly (hashes every fact id)."""
    all_ids = key_rules.fact_ids(tables)
    return [
        (partial(key_rules.foreign_keys, specs, tables), False),
        (partial(key_rules.global_ids, tables, all_ids), True),
        (partial(key_rules.row_order, specs, tables), False),
        (partial(row_rules.sources_rules, tables["sources"]), False),
        *(
            (partial(row_rules.fact_rules, name, tables[name], tables["sources"], texts), False)
            for name in FACT_TABLES
        ),
        (partial(row_rules.ranking_rules, tables["military_rankings"]), False),
        (partial(row_rules.mention_rules, tables["mentions"], texts), False),
        (partial(key_rules.covered_by_ids, tables["mentions"], all_ids), True),
    ]


def check_tables(
    specs: Mapping[ResourceName, TableSpec], tables: Tables, texts: Mapping[str, str] | None
) -> list[Finding]:
    """Every finding over all tables. ``texts`` (source id -> text) enables the slice checks."""
    structure = {name: structure_findings(spec, tables[name]) for name, spec in specs.items()}
    fields: dict[ResourceName, Job] = {
        name: partial(field_findings, spec, tables[name])
        for name, spec in specs.items()
        if not structure[name]
    }
    # With wrong columns or types the rules would only repeat those findings.
    rules = _rule_jobs(specs, tables, texts) if not any(structure.values()) else []
    # Independent jobs share both cores (Arrow kernels release the GIL). The costly ones
    # run one after another on one core, from the start, so that their hash tables never
    # coexist; the other core takes the rest.
    costly = [job for job, is_costly in rules if is_costly]
    rest = [*fields.values(), *(job for job, is_costly in rules if not is_costly)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        chain = pool.submit(lambda: {job: job() for job in costly})
        done = {job: pool.submit(job) for job in rest}
        results = {job: future.result() for job, future in done.items()} | chain.result()
    out = [f for name in specs for f in structure[name] or results[fields[name]]]
    return out + [f for job, _ in rules for f in results[job]]
