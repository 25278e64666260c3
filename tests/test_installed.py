"""The package as users get it: a wheel installed elsewhere, used from another directory."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import datapkg
from datapkg._names import RESOURCES

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("*.whl")
    return built


def test_wheel_ships_data_descriptor_and_schemas_but_no_source_texts(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in RESOURCES:
        assert f"datapkg/data/{name}.parquet" in names and f"datapkg/data/{name}.csv" in names
        assert f"datapkg/schemas/{name}.json" in names
    shipped = {"datapkg/data/datapackage.json", "datapkg/data/croissant.json", "datapkg/data/releases.json"}
    assert {*shipped, "datapkg/py.typed"} <= names
    assert "datapkg/figures/timeline.svg" in names  # for `datapkg serve` after an install
    assert not [n for n in names if n.startswith("build/")]
    assert not [n for n in names if n.startswith("datapkg/") and n.endswith(".txt")]


@pytest.fixture(scope="module")
def site(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel installed into a folder of its own, as pip installs it for a user."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    return target


def test_installed_wheel_loads_everything_from_another_directory(site: Path, tmp_path: Path) -> None:
    target = site
    code = """
import json, sys
import datapkg
assert datapkg.__file__.startswith(sys.argv[1]), datapkg.__file__
out = {}
for name in datapkg.resources():
    frame = datapkg.load(name)
    out[name] = [len(frame), sorted({str(t) for t in frame.dtypes})]
heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('pandera', 'frictionless', 'yaml') or m.startswith('datapkg.compiler'))
datapkg.validate()
print(json.dumps({"tables": out, "heavy_before_validate": heavy}))
"""
    env_path = str(target) + ":" + ":".join(p for p in sys.path if p and "site-packages" in p)
    result = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["heavy_before_validate"] == []
    assert list(report["tables"]) == datapkg.resources()
    for name, (rows, _) in report["tables"].items():
        assert rows == pq.ParquetFile(datapkg.path(name)).metadata.num_rows, name
    for _, dtypes in report["tables"].values():
        assert "object" not in dtypes


def test_polars_backend_uses_enums_in_schema_order() -> None:
    import polars as pl

    frame = datapkg.load("troop_figures", backend="polars")
    dtype = frame.schema["claim_status"]
    assert isinstance(dtype, pl.Enum)
    assert list(dtype.categories) == [
        "stated",
        "confirmed",
        "reported",
        "alleged",
        "estimated",
        "projected",
        "assessed",
        "disputed",
    ]
    assert frame.schema["date_start"] == pl.Date
    assert frame.height == len(datapkg.load("troop_figures"))


def test_pandas_categories_keep_schema_order() -> None:
    frame = datapkg.load("troop_figures")
    assert list(frame["qualifier"].cat.categories) == [
        "exact",
        "approx",
        "more_than",
        "less_than",
        "at_least",
        "up_to",
        "vague",
    ]


def test_unknown_backend_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown backend 'spark'"):
        datapkg.load("actors", backend="spark")  # type: ignore[arg-type]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "datapkg", *args], capture_output=True, text=True, check=False
    )


def test_info_describes_fields_and_rows() -> None:
    result = _cli("info", "military_rankings")
    assert result.returncode == 0
    assert f"rows: {len(datapkg.load('military_rankings'))}" in result.stdout
    assert "  rank (integer, optional): Place in the ranking (1 = strongest)" in result.stdout
    assert "rank_basis (string, required)" in result.stdout and "one of: stated, derived." in result.stdout
    bad = _cli("info", "troops")
    assert bad.returncode == 2 and "unknown resource 'troops'; expected one of: sources" in bad.stderr


def test_export_sqlite_keeps_keys_and_rows(tmp_path: Path) -> None:
    assert _cli("export", "--format", "sqlite", "--out", str(tmp_path)).returncode == 0
    db = sqlite3.connect(tmp_path / "rus-prk-military-cooperation.sqlite")
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    fks = {(row[2], row[3]) for row in db.execute("PRAGMA foreign_key_list(troop_figures)")}
    assert ("actors", "force") in fks and ("sources", "source_id") in fks
    assert db.execute(
        "SELECT rank FROM military_rankings WHERE id = 'gfp-2024-prk-military-strength'"
    ).fetchone() == (36,)
    # A copy of a real figure under a new id goes in; with an unknown source only the key refuses it.
    cursor = db.execute("SELECT * FROM troop_figures WHERE id = 'gfp-2024-prk-active-personnel'")
    columns = [c[0] for c in cursor.description]
    row = dict(zip(columns, cursor.fetchone(), strict=True))
    insert = f"INSERT INTO troop_figures ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    db.execute(insert, list((row | {"id": "copy-1"}).values()))
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY constraint failed"):
        db.execute(insert, list((row | {"id": "copy-2", "source_id": "nope"}).values()))
    db.close()


@pytest.mark.parametrize("fmt", ["json", "csv", "parquet"])
def test_export_other_formats(fmt: str, tmp_path: Path) -> None:
    assert _cli("export", "--format", fmt, "--out", str(tmp_path)).returncode == 0
    for name in RESOURCES:
        assert (tmp_path / f"{name}.{fmt}").is_file()
    if fmt == "json":
        rows = json.loads((tmp_path / "troop_figures.json").read_text(encoding="utf-8"))
        first = next(r for r in rows if r["id"] == "nis-prk-troops-in-russia-3000")
        assert (first["value"], first["date_start"]) == (3000, "2024-10-23")


def test_info_shows_primary_and_foreign_keys() -> None:
    result = _cli("info", "military_rankings")
    assert "primary key: id" in result.stdout
    assert "foreign key: country -> actors.id" in result.stdout
    assert "foreign key: derived_from -> military_rankings.id" in result.stdout
    mentions = _cli("info", "mentions").stdout
    assert (
        "foreign key: covered_by -> troop_figures or military_rankings or arms_transfers or diplomatic_actions.id"
        in mentions
    )


def test_version_option() -> None:
    result = _cli("--version")
    assert (
        result.returncode == 0 and result.stdout.strip() == f"datapkg {datapkg.__version__} (data and code)"
    )


def test_serve_from_the_installed_wheel_has_its_figure(site: Path, tmp_path: Path) -> None:
    target = site
    code = (
        "import sys, datapkg.explore as e; print(e.figure()); assert str(e.figure()).startswith(sys.argv[1])"
    )
    env_path = str(target) + ":" + ":".join(p for p in sys.path if p and "site-packages" in p)
    result = subprocess.run([sys.executable, "-c", code, str(target)], cwd=tmp_path, capture_output=True, text=True,
                            check=False, env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"})  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("datapkg/figures/timeline.svg")
