#!/usr/bin/env python3
"""A synthetic corpus of N records per fact table, scaled from the real ones.

    python benchmarks/synthetic.py OUT --records 100000

prints the rows written per fact table (and the number of sources) as one JSON
object. OUT becomes a project root the ordinary build accepts: schemas, package
metadata and vocabularies copied from this checkout; sources that are copies of
every real article under new ids (so every quote still equals its slice);
and the real records replicated with new ids into bulk Parquet files
(``build/records/synthetic.<table>.parquet``). Replica r of a record keeps its
quote and offsets and moves to source copy r mod k, with about 5,000 records of
a table per source. Each source copy gets its template's ignored mentions.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import shutil
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the resource names of this checkout

from datapkg._names import FACT_TABLES  # noqa: E402

PER_SOURCE = 5000


def templates() -> list[str]:
    """Every real source, in id order: the synthetic corpus copies whatever articles exist."""
    return sorted(p.stem for p in (ROOT / "build" / "sources").glob("*.yaml"))


def synthetic_source_id(template: int, copy: int) -> str:
    return f"syn{template:03d}-{copy:05d}"


def _replicate(
    real: pa.Table, replicas: int, copies: int, sources: list[str], self_references: list[str]
) -> pa.Table:
    """``replicas`` copies of the real rows, ids suffixed ``-r<replica>``, spread over source copies."""
    rows = real.num_rows
    table = pa.concat_tables([real] * replicas).combine_chunks()
    replica = [r for r in range(replicas) for _ in range(rows)]
    suffix = pa.array([f"-r{r:07d}" for r in replica])
    table = table.set_column(0, "id", pc.binary_join_element_wise(table["id"], suffix, ""))
    for column in self_references:  # a derived rank, a figure counted against another
        index = table.schema.get_field_index(column)
        table = table.set_column(index, column, pc.binary_join_element_wise(table[column], suffix, ""))
    copy = pa.array([f"{r % copies:05d}" for r in replica])
    template = pc.index_in(table["source_id"], value_set=pa.array(sources))
    prefix = pc.utf8_lpad(pc.cast(template, pa.string()), 3, "0")
    source = pc.binary_join_element_wise(pa.scalar("syn"), prefix, pa.scalar("-"), copy, "")
    table = table.set_column(table.schema.get_field_index("source_id"), "source_id", source)
    # Notes are optional; leaving them out keeps a million-row corpus within memory.
    return table.set_column(
        table.schema.get_field_index("note"), "note", pa.nulls(table.num_rows, pa.string())
    )


def _self_references(table: str) -> list[str]:
    schema = json.loads((ROOT / "schemas" / f"{table}.json").read_text(encoding="utf-8"))
    return [fk["fields"] for fk in schema.get("foreignKeys", []) if not fk["reference"]["resource"]]


def _write_events(out: Path) -> None:
    """The events the replicated claims name, as their curators wrote them (every field, `unit`
    included), wherever they wrote them: `events.yaml`, and the `events:` list a source's
    records file may add."""
    entries: list[dict[str, object]] = []
    for path in sorted((ROOT / "build" / "records").glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(document, dict):
            entries += document.get("events") or []
    text = yaml.safe_dump({"events": entries}, allow_unicode=True, sort_keys=False)
    (out / "build" / "records" / "events.yaml").write_text(text, encoding="utf-8")


def generate(out: Path, records: int) -> dict[str, int]:
    if out.exists():
        shutil.rmtree(out)
    for name in ("schemas",):
        shutil.copytree(ROOT / name, out / name)
    (out / "build" / "records").mkdir(parents=True)
    (out / "build" / "sources").mkdir(parents=True)
    shutil.copy2(ROOT / "pyproject.toml", out / "pyproject.toml")
    shutil.copy2(ROOT / "build" / "package.yaml", out / "build" / "package.yaml")
    for vocabulary in ("actors.yaml", "action_types.yaml"):
        shutil.copy2(ROOT / "build" / "records" / vocabulary, out / "build" / "records" / vocabulary)
    _write_events(out)
    copies = max(1, math.ceil(records / PER_SOURCE))
    sources = templates()
    for number, template in enumerate(sources):
        text = (ROOT / "build" / "sources" / f"{template}.txt").read_bytes()
        metadata = (ROOT / "build" / "sources" / f"{template}.yaml").read_text(encoding="utf-8")
        curated = yaml.safe_load(
            (ROOT / "build" / "records" / f"{template}.yaml").read_text(encoding="utf-8")
        )
        ignores = curated.get("ignored_mentions", [])
        for copy in range(copies):
            sid = synthetic_source_id(number, copy)
            (out / "build" / "sources" / f"{sid}.txt").write_bytes(text)
            (out / "build" / "sources" / f"{sid}.yaml").write_text(
                re.sub(r"(?m)^id: .*$", f"id: {sid}", metadata), encoding="utf-8"
            )
            body = {"source_id": sid, "ignored_mentions": ignores} if ignores else {"source_id": sid}
            (out / "build" / "records" / f"{sid}.yaml").write_text(
                yaml.safe_dump(body, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
    counts: dict[str, int] = {}
    for table in FACT_TABLES:
        real = pq.read_table(ROOT / "datapkg" / "data" / f"{table}.parquet").drop_columns(["quote_end"])
        replicas = max(copies, math.ceil(records / real.num_rows))
        bulk = _replicate(real, replicas, copies, sources, _self_references(table))
        pq.write_table(bulk, out / "build" / "records" / f"synthetic.{table}.parquet", compression="zstd")
        counts[table] = bulk.num_rows
    counts["sources"] = len(sources) * copies
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, help="the project root to write (replaced if it exists)")
    parser.add_argument("--records", type=int, default=1000, help="records per fact table")
    args = parser.parse_args()
    # JSON, so that benchmarks running this command can read the counts back.
    print(json.dumps(generate(args.out, args.records), sort_keys=True))


if __name__ == "__main__":
    main()
