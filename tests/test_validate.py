"""Integrity of installed files: every byte and hash, every table and key."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import datapkg
from datapkg._names import RESOURCES
from datapkg.validation import validate_package

from .conftest import ROOT


@pytest.fixture
def installed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "datapkg" / "data", target, ignore=shutil.ignore_patterns(".staging-*"))
    return target / "datapackage.json"


def test_installed_package_is_valid() -> None:
    datapkg.validate()
    assert validate_package(ROOT / "datapackage.json") == []


@pytest.mark.parametrize("name", RESOURCES)
@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_truncated_file_is_detected_and_named(installed_copy: Path, name: str, fmt: str) -> None:
    target = installed_copy.parent / f"{name}.{fmt}"
    target.write_bytes(target.read_bytes()[:-7])
    problems = validate_package(installed_copy)
    assert any(p.startswith(f"{name}.{fmt}: ") and "bytes, expected" in p for p in problems), problems
    assert any(p.startswith(f"{name}.{fmt}: hash sha256:") for p in problems), problems


def test_edited_file_of_same_size_is_detected(installed_copy: Path) -> None:
    target = installed_copy.parent / "troop_figures.csv"
    data = target.read_bytes()
    target.write_bytes(data.replace(b"1320000", b"1320001"))
    problems = validate_package(installed_copy)
    assert problems == [next(p for p in problems if p.startswith("troop_figures.csv: hash sha256:"))]
    assert "file corrupted or edited" in problems[0]


def test_schema_and_key_violations_are_reported_all_at_once(installed_copy: Path) -> None:
    record = "gfp-2024-prk-military-strength"
    _edit(installed_copy, "military_rankings", "rank", record, 0)
    _edit(installed_copy, "military_rankings", "country", record, "atlantis")
    problems = validate_package(installed_copy)
    at = f"military_rankings record {record!r}: "
    assert at + "field 'rank': 0: expected at least 1" in problems, problems
    assert at + "field 'country': unknown country 'atlantis': no such id in actors" in problems, problems
    assert any(p.startswith("military_rankings.parquet: hash") for p in problems), problems


def test_missing_file_is_named(installed_copy: Path) -> None:
    (installed_copy.parent / "actors.parquet").unlink()
    problems = validate_package(installed_copy)
    assert "actors.parquet: file missing" in problems


def test_validate_command_on_a_descriptor(installed_copy: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "datapkg", "validate", str(installed_copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0 and ok.stdout == f"{datapkg.validate(installed_copy)}\n"
    (installed_copy.parent / "sources.csv").write_bytes(b"broken")
    bad = subprocess.run(
        [sys.executable, "-m", "datapkg", "validate", str(installed_copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1
    assert "error: sources.csv: 6 bytes, expected" in bad.stderr
    assert bad.stderr.strip().endswith("problem(s)")


def test_validate_raises_with_every_problem(installed_copy: Path) -> None:
    for name in ("actors.csv", "sources.csv"):
        (installed_copy.parent / name).write_bytes(b"x")
    with pytest.raises(datapkg.ValidationError) as caught:
        datapkg.validate(installed_copy)
    assert len(caught.value.problems) == 4


def test_validate_reports_what_it_checked() -> None:
    from datapkg.checks.run import _cross_jobs
    from datapkg.schema.constraints import constraints
    from datapkg.schema.specs import table_spec

    report = datapkg.validate()
    descriptor = datapkg.package()
    resources = descriptor["resources"]
    assert report.descriptor == ROOT / "datapkg" / "data" / "datapackage.json"
    assert (report.name, report.version) == ("rus-prk-military-cooperation", datapkg.__version__)
    assert report.files == tuple(p for r in resources for p in (r["x-parquet"]["path"], r["path"]))
    assert report.rows == {name: pq.ParquetFile(datapkg.path(name)).metadata.num_rows for name in RESOURCES}
    specs = {r["name"]: table_spec(r["name"], r["schema"]) for r in resources}
    tables = {name: datapkg.load(name, backend="pyarrow") for name in RESOURCES}
    rules = sum(len(constraints(spec)) for spec in specs.values()) + len(_cross_jobs(specs, tables, None))
    assert report.rules == rules
    rows = sum(report.rows.values())
    summary = (
        f"valid: 9 tables, 18 files, {rows:,} rows, {rules:,} rules checked "
        f"(rus-prk-military-cooperation {datapkg.__version__})"
    )
    assert str(report) == repr(report) == report.summary == summary
    assert report._repr_html_() == f"<samp>{summary}</samp>"
    assert type(report).__name__ == "ValidationReport" and type(report) is datapkg.ValidationReport


def test_a_report_names_the_descriptor_of_the_folder_it_was_given(installed_copy: Path) -> None:
    report = datapkg.validate(installed_copy.parent)
    assert report.descriptor == installed_copy
    assert report.summary == datapkg.validate().summary


def test_the_report_of_a_package_of_thousands_of_rows_groups_digits() -> None:
    from datapkg._report import ValidationReport

    report = ValidationReport(Path("d.json"), "p", "1.0", ("a.csv",), {"a": 1234, "b": 5}, 1500)
    assert str(report) == "valid: 2 tables, 1 file, 1,239 rows, 1,500 rules checked (p 1.0)"
    assert str(ValidationReport(Path("d.json"), "p", "1", ("a", "b"), {"a": 1}, 1)) == (
        "valid: 1 table, 2 files, 1 row, 1 rule checked (p 1)"
    )
    assert ValidationReport(Path("d.json"), "p", "1", (), {}, 0)._repr_html_() == (
        "<samp>valid: 0 tables, 0 files, 0 rows, 0 rules checked (p 1)</samp>"
    )


def _edit(descriptor: Path, name: str, column: str, record_id: str, value: object) -> str | None:
    """Set one cell of a record in an installed Parquet file (its hash then no longer matches,
    too); returns the id of the record after it."""
    target = descriptor.parent / f"{name}.parquet"
    table = pq.read_table(target)
    ids = table.column("id").to_pylist()
    row = ids.index(record_id)
    cells = table.column(column).to_pylist()
    cells[row] = value
    index = table.schema.get_field_index(column)
    table = table.set_column(
        index, table.schema.field(index), pa.array(cells, table.schema.field(index).type)
    )
    pq.write_table(table, target)
    return ids[row + 1] if row + 1 < len(ids) else None


def test_rules_across_rows_and_tables_are_reported_together(installed_copy: Path) -> None:
    mention = "000_7e917bff9e613273-000558-000566"
    _edit(
        installed_copy, "mentions", "covered_by", mention, ["kim-signs-treaty-2024-06-19", "no-such-record"]
    )
    # Renamed to an id that sorts after its successor, which is then out of order.
    after = _edit(
        installed_copy,
        "arms_transfers",
        "id",
        "deu-ukr-weapons-and-equipment",
        "gfp-2024-prk-active-personnel",
    )
    _edit(
        installed_copy, "diplomatic_actions", "date_text", "duma-ratifies-treaty-2024-10-24", "Im Jahr 1999"
    )
    _edit(
        installed_copy,
        "diplomatic_actions",
        "date_precision",
        "austin-very-serious-problem-2024-10-23",
        "month",
    )
    problems = validate_package(installed_copy)
    expected = [
        "mentions record '000_7e917bff9e613273-000558-000566': field 'covered_by': unknown covered_by "
        "['no-such-record']: no such id in troop_figures or military_rankings or arms_transfers or "
        "diplomatic_actions",
        "arms_transfers record 'gfp-2024-prk-active-personnel': field 'id': id is already used in "
        "troop_figures; ids are unique across tables",
        f"arms_transfers record {after!r}: field 'id': out of order: sorts before "
        "the row above it; rows are sorted by id",
        "diplomatic_actions record 'duma-ratifies-treaty-2024-10-24': field 'date_text': date_text "
        "'Im Jahr 1999' does not occur in the quote",
        "diplomatic_actions record 'duma-ratifies-treaty-2024-10-24': field 'date_text': date_text "
        "'Im Jahr 1999' is not a mention of source 001_f05a9056add4a36d: use the exact words the extractor "
        "finds (see the source's rows in mentions)",
        "diplomatic_actions record 'austin-very-serious-problem-2024-10-23': field 'date_start': month "
        "precision needs whole months (first to last day)",
    ]
    edited = ("arms_transfers.parquet: ", "diplomatic_actions.parquet: ", "mentions.parquet: ")
    assert sorted(p for p in problems if not p.startswith(edited)) == sorted(expected)
    assert sorted(p.split(": ")[0] for p in problems if p.startswith(edited)) == sorted(
        [f.rstrip(": ") for f in edited] * 2  # size and hash of each edited file
    )


def test_rows_out_of_key_order_are_named(installed_copy: Path) -> None:
    target = installed_copy.parent / "action_types.parquet"
    table = pq.read_table(target)
    ids = table.column("id").to_pylist()
    pq.write_table(table.take(pa.array([1, 0, *range(2, table.num_rows)])), target)
    problems = [p for p in validate_package(installed_copy) if not p.startswith("action_types.parquet: ")]
    assert problems == [
        f"action_types record {ids[0]!r}: field 'id': out of order: sorts before the row above it; "
        "rows are sorted by id"
    ]


def test_row_order_compares_composite_keys_column_by_column() -> None:
    from datapkg.checks.key_rules import row_order
    from datapkg.schema.specs import table_spec

    spec = table_spec(
        "sources",
        {
            "fields": [{"name": "a", "type": "string"}, {"name": "b", "type": "integer"}],
            "primaryKey": ["a", "b"],
        },
    )
    table = pa.table({"a": ["x", "x", "y", "y", "x"], "b": [1, 2, 0, 0, 5]})
    found = row_order({"sources": spec}, {"sources": table})  # type: ignore[dict-item]
    assert [f.row for f in found] == [4]
