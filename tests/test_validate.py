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
    shutil.copytree(ROOT / "datapkg" / "data", target)
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
    target = installed_copy.parent / "military_rankings.parquet"
    table = pq.read_table(target)
    rank = table.column("rank").to_pylist()
    country = table.column("country").to_pylist()
    table = table.set_column(
        table.schema.get_field_index("rank"), "rank", pa.array([0, *rank[1:]], pa.int64())
    )
    table = table.set_column(
        table.schema.get_field_index("country"), "country", pa.array(["atlantis", *country[1:]], pa.string())
    )
    pq.write_table(table, target)
    problems = validate_package(installed_copy)
    text = "\n".join(problems)
    assert "military_rankings.parquet: hash" in text
    assert "field 'rank': 0: expected at least 1" in text
    assert "field 'country': unknown country 'atlantis': no such id in actors" in text


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
    assert ok.returncode == 0 and ok.stdout.strip() == "valid"
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
