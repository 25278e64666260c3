"""``croissant.json``: mlcroissant validates it and reads every table from it, offline, as the
loader does; both copies list every data file with its real hash; a changed copy fails
``datapkg build --check``."""

from __future__ import annotations

import hashlib
import json
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import mlcroissant as mlc
import pandas as pd
import pytest

import datapkg
from datapkg._names import RESOURCES
from datapkg.compiler.inputs.schema_files import load_schemas
from datapkg.compiler.layout import Layout
from datapkg.compiler.outputs.croissant import build_croissant, semantic_version

from .conftest import ROOT, run_datapkg

# What mlcroissant 1.1.1 calls in rdflib and pandas warns about; nothing of this package's.
pytestmark = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index"),
]
DATA = ROOT / "datapkg" / "data"
ROOT_COPY = json.loads((ROOT / "croissant.json").read_text(encoding="utf-8"))
DATA_COPY = json.loads((DATA / "croissant.json").read_text(encoding="utf-8"))
# package.yaml gives no `created` date, the one property Croissant recommends that it lacks.
NO_DATE = (
    "[Metadata(Russia–North Korea military cooperation in 2024 news reporting)] Property "
    '"https://schema.org/datePublished" is recommended, but does not exist.'
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data files and croissant.json copied out of the repository: mlcroissant writes nowhere in it."""
    target = tmp_path_factory.mktemp("croissant")
    for path in DATA.iterdir():
        if path.suffix in (".csv", ".parquet") or path.name == "croissant.json":
            shutil.copy2(path, target / path.name)
    return target


@pytest.fixture(scope="module")
def offline() -> Iterator[None]:
    """Every connection refused: the context is inline and every file local, so nothing is fetched."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"network access: {args}")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse)
        patch.setattr(socket, "create_connection", refuse)
        yield


@pytest.fixture(scope="module")
def records(folder: Path, offline: None) -> dict[str, list[dict[str, Any]]]:
    # A Dataset per record set: mlcroissant 1.1.1 follows `references` by joining the tables and
    # keeps their state between reads, so a table read after one referring to it comes out short.
    return {
        name: list(mlc.Dataset(jsonld=folder / "croissant.json").records(record_set=name))
        for name in RESOURCES
    }


def test_mlcroissant_validates_it(folder: Path, offline: None) -> None:
    issues = mlc.Dataset(jsonld=folder / "croissant.json").metadata.ctx.issues
    assert issues.errors == set()
    assert issues.warnings == {NO_DATE}


def test_every_table_has_the_loaders_rows(records: dict[str, list[dict[str, Any]]]) -> None:
    for name in RESOURCES:
        ids = [record[f"{name}/id"].decode("utf-8") for record in records[name]]
        assert sorted(ids) == sorted(datapkg.load(name)["id"]), name


def test_values_agree_with_the_loader(records: dict[str, list[dict[str, Any]]]) -> None:
    rankings = {r["military_rankings/id"]: r for r in records["military_rankings"]}
    strength = rankings[b"gfp-2024-prk-military-strength"]
    assert (strength["military_rankings/rank"], strength["military_rankings/edition"]) == (36, 2024)
    assert strength["military_rankings/metric"] == b"military_strength"
    assert pd.isna(rankings[b"gfp-2024-prk-active-personnel-position"]["military_rankings/rank"])
    sources = {r["sources/id"]: r for r in records["sources"]}
    first = sources[b"000_7e917bff9e613273"]
    assert first["sources/published_earliest"] == pd.Timestamp("2024-06-25")
    assert first["sources/text_length"] == 5715
    mentions = {r["mentions/id"].decode(): r["mentions/covered_by"] for r in records["mentions"]}
    loaded = datapkg.load("mentions").set_index("id")["covered_by"]
    for mention, covered_by in mentions.items():
        expected = loaded[mention]
        assert (
            (covered_by is None) if expected is pd.NA else [b.decode() for b in covered_by] == list(expected)
        )


def test_both_copies_list_every_file_with_its_hash_beside_them() -> None:
    for path, document in ((ROOT / "croissant.json", ROOT_COPY), (DATA / "croissant.json", DATA_COPY)):
        files = {f["@id"]: f for f in document["distribution"]}
        assert sorted(files) == sorted(f"{n}.{fmt}" for n in RESOURCES for fmt in ("csv", "parquet"))
        for name, entry in files.items():
            data = (path.parent / entry["contentUrl"]).read_bytes()
            assert entry["sha256"] == hashlib.sha256(data).hexdigest(), name
            assert entry["contentSize"] == f"{len(data)} B", name
            fmt = "application/x-parquet" if name.endswith(".parquet") else "text/csv"
            assert (entry["@type"], entry["encodingFormat"]) == ("cr:FileObject", fmt)
    assert {f["contentUrl"] for f in ROOT_COPY["distribution"]} == {
        "datapkg/data/" + f["contentUrl"] for f in DATA_COPY["distribution"]
    }
    without_paths = [
        {**d, "distribution": [{k: v for k, v in f.items() if k != "contentUrl"} for f in d["distribution"]]}
        for d in (ROOT_COPY, DATA_COPY)
    ]
    assert without_paths[0] == without_paths[1]


def test_the_dataset_says_what_the_descriptor_says() -> None:
    package = datapkg.package()
    assert {k: DATA_COPY[k] for k in ("@type", "conformsTo", "name", "alternateName", "keywords")} == {
        "@type": "sc:Dataset",
        "conformsTo": "http://mlcommons.org/croissant/1.1",
        "name": package["title"],
        "alternateName": "rus-prk-military-cooperation",
        "keywords": package["keywords"],
    }
    assert DATA_COPY["description"] == package["description"]
    assert DATA_COPY["version"] == semantic_version(datapkg.__version__)
    assert DATA_COPY["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert DATA_COPY["citeAs"] == datapkg.citation()
    assert DATA_COPY["creator"] == {
        "@type": "sc:Organization",
        "name": "rus-prk-military-cooperation curators",
    }
    assert "croissant.json" not in (ROOT / "datapackage.json").read_text(encoding="utf-8")


def test_fields_keys_and_references() -> None:
    sets = {s["@id"]: s for s in DATA_COPY["recordSet"]}
    assert list(sets) == list(RESOURCES)
    figures = sets["troop_figures"]
    fields = {f["name"]: f for f in figures["field"]}
    assert list(fields) == [f["name"] for f in datapkg.package()["resources"][3]["schema"]["fields"]]
    assert figures["key"] == {"@id": "troop_figures/id"}
    assert fields["source_id"] == {
        "@type": "cr:Field",
        "@id": "troop_figures/source_id",
        "name": "source_id",
        "description": "The source document the record is taken from (see `sources`).",
        "dataType": "sc:Text",
        "source": {"fileObject": {"@id": "troop_figures.parquet"}, "extract": {"column": "source_id"}},
        "references": {"field": {"@id": "sources/id"}},
    }
    assert {n: fields[n]["dataType"] for n in ("value", "date_start", "quote_start", "quote")} == {
        "value": "sc:Integer",
        "date_start": "sc:Date",
        "quote_start": "sc:Integer",
        "quote": "sc:Text",
    }
    assert "references" not in fields["related_figure"]  # a key into its own table
    covered_by = next(f for f in sets["mentions"]["field"] if f["name"] == "covered_by")
    assert (covered_by["dataType"], covered_by["isArray"], covered_by["arrayShape"]) == (
        "sc:Text",
        True,
        "-1",
    )
    assert "references" not in covered_by  # a key into any of four tables
    goldstein = next(f for f in sets["action_types"]["field"] if f["name"] == "goldstein")
    assert goldstein["dataType"] == "sc:Float"


def test_optional_metadata_and_licences(offline: None) -> None:
    """Homepage and date become url and datePublished (then mlcroissant has nothing to warn about);
    only the data's licence and the authors are the dataset's."""
    stats = {}
    for resource in datapkg.package()["resources"]:
        for entry in (resource, resource["x-parquet"]):
            stats[entry["path"]] = {"bytes": entry["bytes"], "hash": entry["hash"]}
    metadata = {
        "name": "x",
        "title": "T",
        "description": "D",
        "citation": "C {version}",
        "created": "2026-01-02",
        "homepage": "https://example.org/x",
        "licenses": [
            {"name": "CC-BY-4.0", "path": "https://example.org/data-licence", "x-scope": "data"},
            {"name": "MIT", "x-scope": "code"},
        ],
        "contributors": [{"title": "A", "role": "author", "path": "https://a.example"}, {"title": "M"}],
    }
    document = build_croissant(metadata, "1.0.0rc1", load_schemas(ROOT / "schemas"), stats, "")
    assert {k: v for k, v in document.items() if k not in ("@context", "distribution", "recordSet")} == {
        "@type": "sc:Dataset",
        "conformsTo": "http://mlcommons.org/croissant/1.1",
        "name": "T",
        "alternateName": "x",
        "description": "D",
        "version": "1.0.0-rc1",
        "license": "https://example.org/data-licence",
        "citeAs": "C 1.0.0rc1",
        "creator": {"@type": "sc:Organization", "name": "A", "url": "https://a.example"},
        "url": "https://example.org/x",
        "datePublished": "2026-01-02",
    }
    issues = mlc.Dataset(jsonld=document).metadata.ctx.issues
    assert (issues.errors, issues.warnings) == (set(), set())


def test_semantic_version() -> None:
    assert [semantic_version(v) for v in ("0.2.0", "0.3.0.dev0", "0.3.0rc1", "1.0.0a2", "0.2.0.post1")] == [
        "0.2.0",
        "0.3.0-dev0",
        "0.3.0-rc1",
        "1.0.0-a2",
        "0.2.0+post1",
    ]


def test_build_check_names_a_changed_croissant_file(project_copy: Layout) -> None:
    project_copy.root_croissant.write_text(json.dumps(ROOT_COPY), encoding="utf-8")
    (project_copy.data_dir / "croissant.json").unlink()
    result = run_datapkg("build", "--check", "--root", str(project_copy.root))
    assert result.returncode == 1
    problems = result.stderr.splitlines()
    assert "error: croissant.json: differs from a fresh build" in problems
    assert "error: datapkg/data/croissant.json: missing; a fresh build writes it" in problems
