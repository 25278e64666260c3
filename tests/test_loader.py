"""The offline loader: typed frames, clear errors, and a light import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def _schema_file(name: str) -> dict[str, Any]:
    """A schema as schemas/ states it, its shared fields (fields.json) expanded by the build's reader."""
    from datapkg.compiler.inputs.schema_files import load_schemas

    return load_schemas(ROOT / "schemas")[name].descriptor  # type: ignore[index]


def test_a_frame_carries_its_tables_and_columns_descriptions() -> None:
    figures = datapkg.load("troop_figures")
    schema = _schema_file("troop_figures")
    assert list(figures.attrs) == ["name", "title", "description", "version", "source", "fields"]
    assert figures.attrs["name"] == "troop_figures" and figures.attrs["title"] == "Troop figures"
    assert figures.attrs["description"] == schema["description"]
    assert figures.attrs["version"] == datapkg.__version__
    assert figures.attrs["source"] == str(datapkg.path("troop_figures"))
    assert figures.attrs["fields"] == {
        f["name"]: {"type": f["type"], "description": f["description"]} for f in schema["fields"]
    }
    value = next(f for f in schema["fields"] if f["name"] == "value")
    assert figures.attrs["fields"]["value"]["description"] == value["description"]
    assert figures.attrs["fields"]["value"]["description"].startswith(
        "The number the source gives, as a whole"
    )


def test_a_unit_is_given_where_the_schema_fixes_one() -> None:
    units = {
        (name, column): described["unit"]
        for name in RESOURCES
        for column, described in datapkg.load(name).attrs["fields"].items()
        if "unit" in described
    }
    assert units == {("military_rankings", "rank"): "place"}
    assert _schema_file("military_rankings")["x-claim"]["unit_constant"] == "place"


@pytest.mark.parametrize("name", RESOURCES)
def test_every_table_describes_itself_as_the_descriptor_does(name: str) -> None:
    resource = datapkg.package()["resources"][RESOURCES.index(name)]
    attrs = datapkg.load(name).attrs
    assert (attrs["name"], attrs["title"], attrs["description"]) == (
        name, resource["title"], resource["description"])  # fmt: skip
    assert {c: (d["type"], d["description"]) for c, d in attrs["fields"].items()} == {
        f["name"]: (f["type"], f["description"]) for f in resource["schema"]["fields"]
    }


def test_attrs_survive_what_pandas_derives_and_stay_cheap_to_copy() -> None:
    import copy
    import io
    import pickle

    figures = datapkg.load("troop_figures")
    derived = [figures["value"], figures[figures["value"] > 5000], figures.head(2), figures.copy(),
               figures.sort_values("value"), figures[["id", "value"]], pd.concat([figures, figures])]  # fmt: skip
    for frame in derived:
        assert frame.attrs == figures.attrs
        # pandas deep-copies attrs; the per-column part is shared, not copied
        assert frame.attrs["fields"] is figures.attrs["fields"]
    assert copy.deepcopy(figures.attrs)["fields"] is figures.attrs["fields"]
    with pytest.raises(TypeError, match=r"attrs\['fields'\] is read-only"):
        figures.attrs["fields"]["value"]["unit"] = "persons"
    with pytest.raises(TypeError, match="read-only"):
        figures.attrs["fields"].pop("value")
    figures.attrs["title"] = "mine"  # the top level is the frame's own
    assert datapkg.load("troop_figures").attrs["title"] == "Troop figures"
    unpickled = pickle.loads(pickle.dumps(figures))
    assert unpickled.attrs == figures.attrs
    assert type(unpickled.attrs["fields"]) is dict and type(unpickled.attrs["fields"]["id"]) is dict
    assert json.loads(json.dumps(figures.attrs)) == figures.attrs
    buffer = io.BytesIO()
    figures.to_parquet(buffer)
    assert pd.read_parquet(io.BytesIO(buffer.getvalue())).attrs == figures.attrs


def test_a_pyarrow_table_carries_the_files_metadata_unchanged() -> None:
    import pyarrow.parquet as pq

    table = datapkg.load("military_rankings", backend="pyarrow")
    in_file = pq.read_schema(datapkg.path("military_rankings"))
    assert table.schema.equals(in_file, check_metadata=True)
    resource = datapkg.package()["resources"][RESOURCES.index("military_rankings")]
    assert table.schema.metadata == {
        b"resource": b"military_rankings",
        b"field_metadata": b"description enum unit",
        b"title": b"Military rankings",
        b"description": resource["description"].encode(),
        b"version": datapkg.__version__.encode(),
    }
    rank = next(f for f in resource["schema"]["fields"] if f["name"] == "rank")
    assert table.schema.field("rank").metadata == {
        b"description": rank["description"].encode(),
        b"unit": b"place",
    }


def test_a_file_without_table_metadata_loads_with_what_is_known(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(datapkg.path("troop_figures")).replace_schema_metadata(None)
    old = tmp_path / "troop_figures.parquet"
    pq.write_table(table, old)
    frame = datapkg._read("troop_figures", "pandas", old, None, None, None)
    assert list(frame.attrs) == ["name", "version", "source", "fields"]
    assert (frame.attrs["name"], frame.attrs["version"], frame.attrs["source"]) == (
        "troop_figures", datapkg.__version__, str(old))  # fmt: skip
    assert frame.attrs["fields"] == datapkg.load("troop_figures").attrs["fields"]
    arrow = datapkg._read("troop_figures", "pyarrow", old, "0.2.0", None, None)
    assert arrow.schema.metadata == {b"version": b"0.2.0"}


def test_a_load_parses_no_descriptor() -> None:
    code = (
        "import datapkg, datapkg._installed as i; datapkg.load('troop_figures');"
        " datapkg.load('events', backend='pyarrow'); print(i.package.cache_info().currsize)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/")
    assert result.stdout.strip() == "0"


def test_claims_and_load_all_describe_themselves() -> None:
    claims = datapkg.claims()
    assert {k: v for k, v in claims.attrs.items() if k != "fields"} == {
        "name": "claims",
        "title": "Claims",
        "description": "Every claim of every fact table in one table, with names beside the ids. Count "
        "events (event_id), never rows; add values only within one unit.",
        "version": datapkg.__version__,
    }
    assert list(claims.attrs["fields"]) == list(claims.columns)
    # A column every fact table describes alike keeps its description; value (a rank in one table) has none.
    event_id = datapkg.load("troop_figures").attrs["fields"]["event_id"]
    assert claims.attrs["fields"]["event_id"] == event_id
    assert claims.attrs["fields"]["value"] == {"type": "integer"}
    described = {c for c, d in claims.attrs["fields"].items() if "description" in d}
    assert described == {"id", "source_id", "event_id", "claim_status", "polarity", "attributed_to", "quote",
                         "quote_en"}  # fmt: skip
    arrow = datapkg.claims(backend="pyarrow")
    assert arrow.schema.metadata == {
        b"resource": b"claims", b"title": b"Claims", b"description": claims.attrs["description"].encode(),
        b"version": datapkg.__version__.encode(),
    }  # fmt: skip
    assert arrow.schema.field("quote").metadata == {
        b"description": claims.attrs["fields"]["quote"]["description"].encode()
    }
    assert arrow.schema.field("value").metadata is None
    for name, frame in datapkg.load_all().items():
        assert frame.attrs["name"] == name and frame.attrs["source"] == str(datapkg.path(name))


def test_dir_shows_the_public_api_only() -> None:
    assert dir(datapkg) == sorted(datapkg.__all__)
    assert {"fetch", "DownloadError", "ValidationReport", "__version__"} <= set(dir(datapkg))
    namespace: dict[str, Any] = {}
    exec("from datapkg import *", namespace)
    assert set(namespace) - {"__builtins__"} == set(datapkg.__all__)
    assert namespace["fetch"] is datapkg.fetch and namespace["__version__"] == datapkg.package()["version"]
    for private in ("Any", "Path", "overload", "Literal", "TYPE_CHECKING", "annotations", "DATA", "_read"):
        assert private not in dir(datapkg)
