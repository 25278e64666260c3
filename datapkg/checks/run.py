"""All checks on the assembled Arrow tables, as independent jobs on both cores: each
table's declared constraints (``table_rules``), the rows against the source texts
(``text_rules``) and the keys across rows and tables (``key_rules``).

The same checks serve the build (findings are then located in the YAML files) and
validation of built packages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from datapkg._names import FACT_TABLES, ResourceName
from datapkg.checks import event_findings, key_rules, text_rules
from datapkg.checks.findings import Finding
from datapkg.checks.key_rules import Tables
from datapkg.checks.table_rules import constraint_findings, structure_findings
from datapkg.schema.constraints import constraints
from datapkg.schema.specs import TableSpec

__all__ = ["Finding", "check_count", "check_tables"]


Job = Callable[[], list[Finding]]


def _cross_jobs(
    specs: Mapping[ResourceName, TableSpec], tables: Tables, texts: Mapping[str, str] | None
) -> list[tuple[Job, bool]]:
    """The checks across rows, tables and texts as independent jobs, in the order their
    findings are reported, each with whether it is costly in memory (hashes every fact id, or
    reduces every claim per event)."""
    dated = [n for n in FACT_TABLES if "date_start" in specs[n].field_names]
    jobs: list[tuple[Job, bool]] = [
        *(
            (partial(key_rules.foreign_key, name, fk, tables), False)
            for name, fk in key_rules.foreign_key_jobs(specs, tables)
            if not key_rules.into_fact_ids(fk)
        ),
        # One hash of every fact id, for ids unique across tables and references into them.
        (partial(key_rules.fact_id_index, specs, tables), True),
        (partial(key_rules.row_order, specs, tables), False),
        (partial(key_rules.unused_vocabulary, specs, tables), False),
        *((partial(key_rules.within_publication, n, tables[n], tables["sources"]), False) for n in dated),
        *(
            (partial(key_rules.date_texts_are_mentions, n, tables[n], tables["mentions"]), False)
            for n in dated
        ),
        (partial(event_findings.event_findings, specs, tables), True),
    ]
    if texts is not None:
        jobs += [(partial(text_rules.quote_findings, n, tables[n], texts), False) for n in FACT_TABLES]
        jobs.append((partial(text_rules.mention_findings, tables["mentions"], texts), False))
    return jobs


def check_count(
    specs: Mapping[ResourceName, TableSpec], tables: Tables, texts: Mapping[str, str] | None
) -> int:
    """How many checks :func:`check_tables` runs on well-formed tables: every declared constraint
    of every table, and each check across rows, tables and texts."""
    return sum(len(constraints(spec)) for spec in specs.values()) + len(_cross_jobs(specs, tables, texts))


def check_tables(
    specs: Mapping[ResourceName, TableSpec], tables: Tables, texts: Mapping[str, str] | None
) -> list[Finding]:
    """Every finding over all tables. ``texts`` (source id -> text) enables the slice checks."""
    structure = {name: structure_findings(spec, tables[name]) for name, spec in specs.items()}
    per_table: dict[ResourceName, Job] = {
        name: partial(constraint_findings, spec, tables[name])
        for name, spec in specs.items()
        if not structure[name]
    }
    # With wrong columns or types the cross checks would only repeat those findings.
    cross = _cross_jobs(specs, tables, texts) if not any(structure.values()) else []
    # Independent jobs share both cores (Arrow kernels release the GIL). The costly ones
    # run one after another on one core, from the start, so that their hash tables never
    # coexist; the other core takes the rest.
    costly = [job for job, is_costly in cross if is_costly]
    rest = [*per_table.values(), *(job for job, is_costly in cross if not is_costly)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        chain = pool.submit(lambda: {job: job() for job in costly})
        done = {job: pool.submit(job) for job in rest}
        results = {job: future.result() for job, future in done.items()} | chain.result()
    out = [f for name in specs for f in structure[name] or results[per_table[name]]]
    return out + [f for job, _ in cross for f in results[job]]
