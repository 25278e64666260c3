"""`datapkg serve`: the package in Datasette, tested through Datasette's own client and in a
real headless browser."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import datapkg
from datapkg.explore import DATABASE, QUERIES, datasette_metadata, prepare, serve_command

datasette = pytest.importorskip("datasette.app")


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    return prepare(tmp_path_factory.mktemp("serve"))


def _get(prepared: tuple[Path, Path, Path], url: str) -> Any:
    database, metadata, static = prepared
    ds = datasette.Datasette(
        [str(database)], metadata=json.loads(metadata.read_text(encoding="utf-8")),
        static_mounts=[("assets", str(static))],
    )  # fmt: skip
    return asyncio.run(ds.client.get(url))


def test_metadata_comes_from_the_descriptor() -> None:
    descriptor = datapkg.package()
    metadata = datasette_metadata(descriptor, "/assets/timeline.svg")
    tables = metadata["databases"][DATABASE]["tables"]
    assert set(tables) == set(datapkg.resources())
    for resource in descriptor["resources"]:
        columns = tables[resource["name"]]["columns"]
        assert set(columns) == {f["name"] for f in resource["schema"]["fields"]}
        assert all(columns.values())
    assert metadata["license_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert descriptor["x-citation"] in metadata["description_html"]


def test_home_page_shows_the_figure_sources_and_citation(prepared: tuple[Path, Path, Path]) -> None:
    page = _get(prepared, "/")
    assert page.status_code == 200
    assert 'src="/assets/timeline.svg"' in page.text and "Cite as" in page.text
    figure = _get(prepared, "/assets/timeline.svg")
    assert figure.status_code == 200 and figure.text.startswith("<?xml")


def test_a_table_page_has_facets_descriptions_and_links(prepared: tuple[Path, Path, Path]) -> None:
    page = _get(prepared, f"/{DATABASE}/troop_figures")
    assert page.status_code == 200
    assert 'data-column="claim_status"' in page.text  # a facet
    assert "How the source presents the claim" in page.text  # a column description
    forces = datapkg.load("troop_figures")["force"].astype(str)
    assert f'href="/{DATABASE}/actors/{forces.iloc[0]}"' in page.text  # a foreign key as a link


def test_canned_queries_answer_what_a_reader_asks_first(prepared: tuple[Path, Path, Path]) -> None:
    figures, actors = datapkg.load("troop_figures"), datapkg.load("actors").set_index("id")
    north_korean = figures[figures["force"].map(actors["country"]).astype(str) == "PRK"]
    rows = _get(prepared, f"/{DATABASE}/north_korean_troop_claims.json?_shape=array").json()
    assert sorted(r["id"] for r in rows) == sorted(north_korean["id"].astype(str))
    assert {r["said_by"] for r in rows} >= {"National Intelligence Service (South Korea)"}
    assert all(r["unit"] for r in rows)  # a value is never shown without what it counts
    pioneers = next(r for r in rows if r["id"] == "prk-pioneer-unit-donetsk-planned")
    assert (pioneers["value"], pioneers["unit"]) == (1, "units")
    events = _get(prepared, f"/{DATABASE}/events_and_what_their_claims_add_up_to.json?_shape=array").json()
    assert sorted(r["id"] for r in events) == sorted(datapkg.load("events")["id"].astype(str))
    assert all(r["unit"] for r in events if r["value_best"] is not None)


def test_actions_are_counted_as_events_not_records(prepared: tuple[Path, Path, Path]) -> None:
    actions = datapkg.load("diplomatic_actions")
    rows = _get(prepared, f"/{DATABASE}/actions_by_actor_and_quad_class.json?_shape=array").json()
    assert sum(r["claims"] for r in rows) == len(actions)
    names = datapkg.load("actors").set_index("id")["name_en"]
    expected = actions.groupby([actions["actor"].map(names), "action_type"], observed=True)[
        "event_id"
    ].nunique()
    types = datapkg.load("action_types").set_index("id")["label"]
    shown = {(r["actor"], r["action"]): r["events"] for r in rows}
    assert shown == {(actor, str(types[kind])): int(n) for (actor, kind), n in expected.items()}
    # Kim Jong Un's signing of the treaty, reported by both seed sources, is one event.
    kim = actions[(actions["actor"] == "kim-jong-un") & (actions["action_type"] == "sign-agreement")]
    seeds = kim[kim["source_id"].isin(["000_7e917bff9e613273", "001_f05a9056add4a36d"])]
    assert sorted(seeds["event_id"].astype(str)) == ["rus-prk-treaty-signing-2024-06-19"] * 2
    assert shown[("Kim Jong Un", str(types["sign-agreement"]))] == kim["event_id"].nunique() < len(kim)
    assert set(QUERIES) == {
        "events_and_what_their_claims_add_up_to",
        "north_korean_troop_claims",
        "actions_by_actor_and_quad_class",
        "numbers_and_their_records",
    }


def test_facets_and_labels_come_from_the_schemas() -> None:
    metadata = datasette_metadata(datapkg.package())
    tables = metadata["databases"][DATABASE]["tables"]
    for resource in datapkg.package()["resources"]:
        marked = [f["name"] for f in resource["schema"]["fields"] if f.get("x-facet")]
        assert tables[resource["name"]].get("facets", []) == marked
    assert tables["troop_figures"]["facets"][:3] == ["source_id", "force", "measure"]
    assert tables["events"]["label_column"] == "label" and tables["actors"]["label_column"] == "name_en"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    command = serve_command(tmp_path_factory.mktemp("browser"), "127.0.0.1", port)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/-/versions.json", timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _chromium() -> str:
    found = next(
        (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None
    )
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs headless Chromium for the browser test (python3 tasks.py test installs it)")
        pytest.skip("no Chromium here; python3 tasks.py test installs it where it can")
    return found


@pytest.mark.parametrize(
    "page",
    ["/", f"/{DATABASE}/troop_figures", f"/{DATABASE}/north_korean_troop_claims"],
    ids=["home", "table", "query"],
)
def test_a_real_browser_renders_the_page(server: str, page: str, tmp_path: Path) -> None:
    import matplotlib.image

    browser = _chromium()
    shot = tmp_path / "page.png"
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,1200",
         f"--screenshot={shot}", server + page],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    pixels = matplotlib.image.imread(shot)
    assert pixels.shape[0] >= 1000 and pixels.shape[1] >= 1200
    assert pixels.std() > 0.05  # not blank: text, tables and the figure
    assert len({tuple(p) for p in pixels[::20, ::20].reshape(-1, pixels.shape[2]).round(2)}) > 20
