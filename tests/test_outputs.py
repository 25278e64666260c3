"""The committed outputs are exactly what a fresh build writes, and they
describe themselves correctly (every size and hash recomputed from the bytes)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import frictionless

from datapkg._names import RESOURCES
from datapkg.compiler.layout import Layout
from datapkg.compiler.pipeline import Compiled, compile_package, differences

from .conftest import ROOT


def test_committed_outputs_equal_a_fresh_build(layout: Layout, compiled: Compiled) -> None:
    assert differences(layout, compiled) == []


def test_two_builds_are_byte_identical(layout: Layout, compiled: Compiled) -> None:
    again = compile_package(layout)
    assert again.staged.keys() == compiled.staged.keys()
    for path in compiled.staged:
        assert again.read(path) == compiled.read(path), path


def test_build_check_command_passes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "datapkg", "build", "--check", "--root", str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "check passed" in result.stdout


def _all_file_entries(descriptor: dict) -> list[dict]:
    entries = []
    for resource in descriptor["resources"]:
        entries.append(resource)
        entries.append(resource["x-parquet"])
    return entries


def test_descriptor_sizes_and_hashes_match_every_file() -> None:
    for descriptor_path in (
        ROOT / "datapackage.json",
        ROOT / "datapkg" / "data" / "datapackage.json",
    ):
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
        for entry in _all_file_entries(descriptor):
            data = (descriptor_path.parent / entry["path"]).read_bytes()
            assert entry["bytes"] == len(data), entry["path"]
            assert entry["hash"] == "sha256:" + hashlib.sha256(data).hexdigest(), entry["path"]


def test_descriptor_lists_every_resource_in_order() -> None:
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in descriptor["resources"]] == list(RESOURCES)
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert descriptor["version"] == pyproject
    assert {lic["name"] for lic in descriptor["licenses"]} == {"CC-BY-4.0", "MIT"}


def test_frictionless_validates_the_root_descriptor() -> None:
    report = frictionless.validate(str(ROOT / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])


def test_frictionless_cli_validates_the_root_descriptor() -> None:
    frictionless_cli = Path(sys.executable).parent / "frictionless"
    result = subprocess.run(
        [str(frictionless_cli), "validate", "datapackage.json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_csv_files_use_lf_and_utf8() -> None:
    for name in RESOURCES:
        data = (ROOT / "datapkg" / "data" / f"{name}.csv").read_bytes()
        assert b"\r" not in data
        header = data.decode("utf-8").splitlines()[0]
        assert header.startswith('"id",')


def test_parquet_and_csv_hold_the_same_rows() -> None:
    import pandas as pd
    import pyarrow.parquet as pq

    for name in RESOURCES:
        parquet = pq.read_table(ROOT / "datapkg" / "data" / f"{name}.parquet").to_pandas()
        csv = pd.read_csv(ROOT / "datapkg" / "data" / f"{name}.csv", dtype=str, keep_default_na=False)
        assert list(parquet["id"]) == list(csv["id"]) == sorted(csv["id"])
        assert list(parquet.columns) == list(csv.columns)


def test_the_wheel_descriptor_does_not_ship_source_texts() -> None:
    data_dir = ROOT / "datapkg" / "data"
    assert not list(data_dir.glob("*.txt"))
    descriptor = (data_dir / "datapackage.json").read_text(encoding="utf-8")
    text = (ROOT / "build" / "sources" / "001_f05a9056add4a36d.txt").read_text(encoding="utf-8")
    assert text[:200] not in descriptor


def test_enum_fields_carry_their_meanings_as_categories() -> None:
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    fields = {(r["name"], f["name"]): f for r in descriptor["resources"] for f in r["schema"]["fields"]}
    qualifier = fields["military_rankings", "qualifier"]
    assert qualifier["categories"] == [
        {"value": "exact", "label": "the source gives the place"},
        {"value": "approx", "label": 'the place is about right ("etwa")'},
        {"value": "vague", "label": 'no place number, only a relative position ("knapp hinter den USA")'},
    ]
    assert qualifier["constraints"]["enum"] == ["exact", "approx", "vague"]  # for Table Schema v1 tools
    assert list(qualifier) == ["name", "type", "description", "constraints", "categories"]
    # PLOVER's category names are their own labels: the schema gives no meanings, the values stand alone.
    plover = fields["action_types", "plover_category"]
    assert plover["categories"] == plover["constraints"]["enum"]
    assert plover["categories"][:2] == ["AGREE", "CONSULT"]
    assert [k for f in fields.values() for k in f if k == "x-enumDescriptions"] == []
    assert all("categories" in f for f in fields.values() if "enum" in f.get("constraints", {}))
