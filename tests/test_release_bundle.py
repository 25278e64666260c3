"""A release bundle as the places people look for data read it: the Hugging Face Hub's
`datasets` (offline), its dataset card, its diff against the previous release and its wheel."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

import datapkg
from datapkg.changes import compare, retired
from datapkg.compiler.layout import Layout
from datapkg.compiler.outputs.bundle import write_release
from datapkg.compiler.outputs.dataset_card import what_this_is
from datapkg.compiler.outputs.release_registry import released_versions
from datapkg.compiler.pipeline import compile_package
from datapkg.versions_on_hand import side

from .conftest import ROOT, copy_project

VERSION = datapkg.__version__


@pytest.fixture(scope="module")
def bundle(release_root: Path) -> Path:
    return release_root / VERSION


def _card(bundle: Path) -> tuple[dict[str, Any], str]:
    text = (bundle / "README.md").read_text(encoding="utf-8")
    front, body = re.fullmatch(r"---\n(.*?)\n---\n(.*)", text, re.S).groups()  # type: ignore[union-attr]
    return yaml.safe_load(front), body


def test_the_card_carries_the_hub_metadata(bundle: Path) -> None:
    meta, _ = _card(bundle)
    assert meta["license"] == "cc-by-4.0"
    languages = {str(lang).split("-")[0] for lang in datapkg.load("sources")["language"]}
    assert meta["language"] == sorted(languages | {"en"}) and "de" in meta["language"]
    assert meta["pretty_name"] == "Russia–North Korea military cooperation in 2024 news reporting"
    assert meta["tags"] == datapkg.package()["keywords"]
    largest = max(len(datapkg.load(name)) for name in datapkg.resources())
    assert meta["size_categories"] == (["n<1K"] if largest < 1000 else ["1K<n<10K"])
    default = {"events": {"default": True}}
    assert meta["configs"] == [
        {"config_name": r, "data_files": f"{r}.parquet", **default.get(r, {})} for r in datapkg.resources()
    ]


def test_the_card_says_what_the_readme_says(bundle: Path) -> None:
    _, body = _card(bundle)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = what_this_is(readme)
    assert section in body
    assert "![Timeline" in section and "(timeline.svg)" in section and "(docs/" not in section
    for paragraph in section.split("\n\n")[:3]:  # the prose itself, unchanged
        assert paragraph in readme
    for name in datapkg.resources():
        rows = len(datapkg.load(name))
        assert (
            f"| `{name}` | {rows:,} | {datapkg.package()['resources'][datapkg.resources().index(name)]['description']} |"
            in body
        )
    assert datapkg.citation() in body


def test_datasets_loads_every_table_from_the_bundle_offline(
    bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in {"HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "HF_HOME": str(tmp_path)}.items():
        monkeypatch.setenv(name, value)
    import datasets

    datasets.disable_progress_bars()
    for name in datapkg.resources():
        table = datasets.load_dataset(str(bundle), name, cache_dir=str(tmp_path / "cache"))["train"]
        frame = datapkg.load(name)
        assert table.num_rows == len(frame), name
        assert table.column_names == list(frame.columns), name
        assert table["id"] == list(frame["id"]), name
    default = datasets.load_dataset(str(bundle), cache_dir=str(tmp_path / "cache"))["train"]
    assert default["id"] == list(datapkg.load("events")["id"])
    ranks = datasets.load_dataset(str(bundle), "military_rankings", cache_dir=str(tmp_path / "cache"))[
        "train"
    ]
    row = ranks.filter(lambda r: r["id"] == "gfp-2024-prk-military-strength")[0]
    assert (row["rank"], row["quote_start"] < row["quote_end"]) == (36, True)


def test_the_bundle_carries_its_diff_against_the_previous_release(bundle: Path) -> None:
    diff = json.loads((bundle / "diff.json").read_text(encoding="utf-8"))
    previous = [v for v in released_versions(Layout(ROOT)) if v != VERSION][-1]
    old, new = side(previous, checkout=ROOT), side("checkout", checkout=ROOT)
    expected = compare(old, new, record=retired(old.descriptor, new.descriptor))
    assert diff["old"] == {"version": previous, "from": f"release {previous}, archived in the checkout"}
    assert diff["new"] == {"version": VERSION, "from": f"release {VERSION}"}
    assert (diff["tables"], diff["summary"]) == (expected["tables"], expected["summary"])


def test_the_bundle_holds_the_wheel_with_its_very_files(bundle: Path) -> None:
    (wheel,) = bundle.glob("*.whl")
    assert wheel.name == f"rus_prk_military_cooperation-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        for name in ("datapackage.json", *(f"{r}.parquet" for r in datapkg.resources())):
            assert archive.read(f"datapkg/data/{name}") == (bundle / name).read_bytes(), name
        metadata = archive.read(f"rus_prk_military_cooperation-{VERSION}.dist-info/METADATA").decode()
    assert f"\nVersion: {VERSION}\n" in metadata


def test_releasing_archives_the_tables_for_the_next_diff(tmp_path: Path) -> None:
    layout = copy_project(tmp_path, code=True)
    write_release(layout, compile_package(layout), tmp_path / "out")
    archive = tmp_path / "build" / "releases" / VERSION
    assert sorted(p.name for p in archive.iterdir()) == sorted(
        ["datapackage.json", *(f"{r}.parquet" for r in datapkg.resources())]
    )
    sums = (tmp_path / "build" / "releases" / f"{VERSION}.sha256").read_text()
    assert sums == (tmp_path / "out" / VERSION / "SHA256SUMS").read_text()
    assert f"  rus_prk_military_cooperation-{VERSION}-py3-none-any.whl\n" in sums
    # The record lists the card and wheel too; a build of the same data still passes.
    compile_package(layout)


def test_a_wheel_with_other_data_is_refused(tmp_path: Path) -> None:
    from datapkg.compiler.outputs.release_extras import ReleaseExtraError

    layout = copy_project(tmp_path, code=True)
    compiled = compile_package(layout)
    (tmp_path / "datapkg" / "data" / "actors.parquet").write_bytes(b"not the release's")
    with pytest.raises(ReleaseExtraError, match=r"holds other data than this release \(actors\.parquet\)"):
        from datapkg.compiler.outputs.release_extras import wheel_file

        wheel_file(layout, {n: compiled.read(p) for n, p in compiled.release_names.items()})


def test_the_bundle_ships_the_croissant_file_beside_the_files_it_lists(bundle: Path) -> None:
    croissant = json.loads((bundle / "croissant.json").read_text(encoding="utf-8"))
    assert (bundle / "croissant.json").read_bytes() == (
        ROOT / "datapkg" / "data" / "croissant.json"
    ).read_bytes()
    listed = [f["contentUrl"] for f in croissant["distribution"]]
    assert listed and all((bundle / url).is_file() for url in listed)
