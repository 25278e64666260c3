"""The offline loader: typed frames, clear errors, and a light import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import datapkg
from datapkg._names import RESOURCES

from .conftest import ROOT


@pytest.mark.parametrize("name", RESOURCES)
def test_every_resource_loads_with_schema_dtypes(name: str) -> None:
    frame = datapkg.load(name)
    schema = next(r for r in datapkg.package()["resources"] if r["name"] == name)["schema"]
    assert list(frame.columns) == [f["name"] for f in schema["fields"]]
    for field in schema["fields"]:
        dtype = frame[field["name"]].dtype
        enum = field.get("constraints", {}).get("enum")
        expected = {
            "string": pd.CategoricalDtype(enum) if enum else pd.StringDtype(),
            "integer": pd.Int64Dtype(),
            "number": pd.Float64Dtype(),
            "date": "datetime64[s]",
            "list": pd.ArrowDtype(pa.list_(pa.string())),
        }[field["type"]]
        assert dtype == expected, (name, field["name"], dtype)
        if enum:
            assert list(dtype.categories) == enum
    assert "object" not in {str(t) for t in frame.dtypes}


def test_unknown_and_path_like_names_are_rejected_with_the_valid_names() -> None:
    for bad in ("troops", "../datapackage", "data/troop_figures.parquet"):
        with pytest.raises(ValueError, match="expected one of: sources, actors"):
            datapkg.load(bad)  # type: ignore[arg-type]


def test_path_points_at_installed_files() -> None:
    assert datapkg.path("actors", format="csv").read_bytes().startswith(b'"id","name_en"')
    with pytest.raises(ValueError, match="unknown format"):
        datapkg.path("actors", format="xlsx")


def test_version_matches_descriptor_and_pyproject() -> None:
    import tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    root = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert datapkg.__version__ == datapkg.package()["version"] == root["version"]
    assert datapkg.__version__ == pyproject["project"]["version"]
    assert datapkg.__version__ in datapkg.citation()


def test_validate_passes_on_the_installed_files() -> None:
    datapkg.validate()


def test_import_and_load_stay_light() -> None:
    code = (
        "import sys, datapkg; datapkg.load('troop_figures'); "
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pandera', 'frictionless', 'yaml') or m.startswith('datapkg.compiler')); print(heavy)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/")
    assert result.stdout.strip() == "[]"


def test_list_command_prints_resource_names() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "datapkg", "list"], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == list(RESOURCES)


def test_validate_imports_neither_pandas_nor_pandera_nor_yaml() -> None:
    # pandas would come in through pyarrow's conversion of Python values (see arrow_values).
    code = (
        "import sys, datapkg; datapkg.validate(); print(sorted(m for m in sys.modules"
        " if m.split('.')[0] in ('pandas', 'pandera', 'frictionless', 'yaml')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/")
    assert result.stdout.strip() == "[]"


def test_each_parquet_file_types_itself_as_the_descriptor_says() -> None:
    """The loader types columns from the Parquet file's own metadata; it must say what the
    descriptor says (names, types, enums in schema order)."""
    import pyarrow.parquet as pq

    from datapkg._parquet_schema import ENUM_KEY, ENUM_SEPARATOR, FIELD_METADATA_KEY, fields_of
    from datapkg.schema import arrow_types

    assert (ENUM_KEY.decode(), ENUM_SEPARATOR, FIELD_METADATA_KEY.decode()) == (
        arrow_types.ENUM_KEY, arrow_types.ENUM_SEPARATOR, arrow_types.FIELD_METADATA_KEY)  # fmt: skip
    for name in datapkg.resources():
        fields = fields_of(pq.read_schema(datapkg.path(name)))
        assert fields is not None
        expected = datapkg.package()["resources"][datapkg.resources().index(name)]["schema"]["fields"]
        assert [(f["name"], f["type"], f.get("constraints", {}).get("enum")) for f in fields] == [
            (f["name"], f["type"], f.get("constraints", {}).get("enum")) for f in expected
        ]


def test_a_file_without_enum_metadata_is_typed_from_the_descriptor(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(datapkg.path("troop_figures")).replace_schema_metadata(None)
    old = tmp_path / "troop_figures.parquet"
    pq.write_table(table, old)
    frame = datapkg._read("troop_figures", "pandas", old, None, None, None)
    assert list(frame["claim_status"].cat.categories) == list(
        datapkg.load("troop_figures")["claim_status"].cat.categories
    )


def test_a_cold_load_imports_no_filesystem_or_dataset_layer() -> None:
    code = (
        "import sys, datapkg; datapkg.load('troop_figures'); datapkg.load('sources', backend='pyarrow');"
        "print(sorted(m for m in ('pyarrow.dataset', 'pyarrow.fs', 'datapkg.downloads', 'datapkg.compiler')"
        " if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/")
    assert result.stdout.strip() == "[]"
