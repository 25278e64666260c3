"""Bulk Parquet records and the synthetic corpus go through the same build and checks."""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import datapkg
from datapkg._names import FACT_TABLES
from datapkg.compiler.layout import Layout
from datapkg.compiler.pipeline import compile_package, write_outputs
from datapkg.compiler.problems import InputError
from datapkg.validation import validate_package

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import generate

RECORDS = 120


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    root = tmp_path_factory.mktemp("synthetic")
    return root, generate(root, RECORDS)


@pytest.fixture(scope="module")
def corpus(generated: tuple[Path, dict[str, int]]) -> Path:
    return generated[0]


def test_synthetic_corpus_builds_and_validates(generated: tuple[Path, dict[str, int]]) -> None:
    corpus, counts = generated
    layout = Layout(corpus)
    compiled = compile_package(layout)
    real_sources = len(list((ROOT / "build" / "sources").glob("*.yaml")))
    assert counts["sources"] == real_sources  # one copy of every real article at this size
    assert {name: compiled.tables[name].num_rows for name in counts} == counts
    assert all(RECORDS <= counts[name] < RECORDS + len(datapkg.load(name)) for name in FACT_TABLES)
    write_outputs(layout, compiled)
    assert validate_package(corpus / "datapackage.json") == []
    mentions = compiled.tables["mentions"]
    assert set(mentions["status"].to_pylist()) == {"covered", "ignored"}


def _bulk(corpus: Path, tmp_path: Path, table: str, change: object) -> Layout:
    import shutil

    root = tmp_path / "project"
    shutil.copytree(corpus, root)
    path = root / "build" / "records" / f"synthetic.{table}.parquet"
    data = pq.read_table(path)
    pq.write_table(change(data), path)  # type: ignore[operator]
    return Layout(root)


def test_bulk_row_problem_names_file_and_row(corpus: Path, tmp_path: Path) -> None:
    def negative_value(t: pa.Table) -> pa.Table:
        values = t["value"].to_pylist()
        values[4] = -1
        return t.set_column(t.schema.get_field_index("value"), "value", pa.array(values, pa.int64()))

    layout = _bulk(corpus, tmp_path, "troop_figures", negative_value)
    with pytest.raises(InputError) as caught:
        compile_package(layout)
    messages = [str(p) for p in caught.value.problems]
    assert any(
        m.startswith("build/records/synthetic.troop_figures.parquet:5: record ")
        and "field 'value': -1: expected at least 0" in m
        for m in messages
    ), messages


def test_bulk_quote_must_match_its_offsets(corpus: Path, tmp_path: Path) -> None:
    def shift(t: pa.Table) -> pa.Table:
        starts = t["quote_start"].to_pylist()
        starts[0] += 1
        return t.set_column(
            t.schema.get_field_index("quote_start"), "quote_start", pa.array(starts, pa.int64())
        )

    layout = _bulk(corpus, tmp_path, "arms_transfers", shift)
    with pytest.raises(InputError) as caught:
        compile_package(layout)
    assert any("quote differs from the source text at" in p.message for p in caught.value.problems)
    assert all(
        p.where.startswith("build/records/synthetic.arms_transfers.parquet:1")
        for p in caught.value.problems
        if "quote differs" in p.message
    )


def test_bulk_unknown_and_missing_columns(corpus: Path, tmp_path: Path) -> None:
    layout = _bulk(
        corpus,
        tmp_path,
        "diplomatic_actions",
        lambda t: t.drop_columns(["quote"]).append_column("colour", pa.array(["red"] * t.num_rows)),
    )
    with pytest.raises(InputError) as caught:
        compile_package(layout)
    assert sorted(p.message for p in caught.value.problems) == [
        "required column 'quote' is missing",
        "unknown column 'colour'; expected columns of diplomatic_actions (without quote_end)",
    ]
