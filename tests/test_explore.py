"""`datapkg serve`: the package in Datasette, tested through Datasette's own client and in a
real headless browser."""

from __future__ import annotations

import base64
import contextlib
import html
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import datapkg
from datapkg.explore import DATABASE, QUERIES, datasette_metadata, serve_command

datasette = pytest.importorskip("datasette.app")
markupsafe = pytest.importorskip("markupsafe")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """What ``datapkg serve`` runs, on a loopback port, for this module's tests."""
    port = _free_port()
    command = serve_command(tmp_path_factory.mktemp("serve"), "127.0.0.1", port)
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


@dataclass
class _Page:
    status_code: int
    text: str

    def json(self) -> Any:
        return json.loads(self.text)


def _get(server: str, url: str) -> _Page:
    try:
        with urllib.request.urlopen(server + url, timeout=30) as response:
            return _Page(response.status, response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return _Page(error.code, error.read().decode("utf-8"))


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
    # One short line on every page, not every source's title.
    line = f"{len(descriptor['sources'])} news articles, listed on the home page"
    assert (metadata["source"], metadata["source_url"]) == (line, "/#sources")


def test_the_plugin_is_told_amounts_and_links_by_the_metadata() -> None:
    metadata = datasette_metadata(datapkg.package())
    tables = metadata["databases"][DATABASE]["tables"]
    figures = tables["troop_figures"]["plugins"]["datapkg"]
    assert figures["amounts"] == ["value", "value_low", "value_high"]  # not quote_start, quote_end
    assert figures["links"] == {
        "source_id": "sources", "event_id": "events", "force": "actors", "attributed_to": "actors",
        "related_figure": "troop_figures",
    }  # fmt: skip
    assert tables["military_rankings"]["plugins"]["datapkg"]["amounts"] == []  # an edition is a year
    assert tables["mentions"]["plugins"]["datapkg"]["amounts"] == ["value_number", "value_low", "value_high"]
    assert tables["sources"]["plugins"]["datapkg"]["amounts"] == ["text_length", "text_bytes"]
    counts = ["claim_count", "source_count", "attribution_count", "denial_count"]
    assert tables["events"]["plugins"]["datapkg"]["amounts"][:4] == counts
    queries = metadata["databases"][DATABASE]["plugins"]["datapkg"]["amounts"]
    assert {"value", "value_best", *counts} <= set(queries) and not {"quote_start", "start", "edition"} & set(
        queries
    )


def test_home_page_shows_the_figure_sources_and_citation(server: str) -> None:
    page = _get(server, "/")
    assert page.status_code == 200
    assert 'src="/assets/timeline.svg"' in page.text and "Cite as" in page.text
    figure = _get(server, "/assets/timeline.svg")
    assert figure.status_code == 200 and figure.text.startswith("<?xml")


def test_a_table_page_has_facets_descriptions_and_links(server: str) -> None:
    page = _get(server, f"/{DATABASE}/troop_figures")
    assert page.status_code == 200
    assert 'data-column="claim_status"' in page.text  # a facet
    assert "How the source presents the claim" in page.text  # a column description
    forces = datapkg.load("troop_figures")["force"].astype(str)
    assert f'href="/{DATABASE}/actors/{forces.iloc[0]}"' in page.text  # a foreign key as a link


def test_canned_queries_answer_what_a_reader_asks_first(server: str) -> None:
    figures, actors = datapkg.load("troop_figures"), datapkg.load("actors").set_index("id")
    north_korean = figures[figures["force"].map(actors["country"]).astype(str) == "PRK"]
    rows = _get(server, f"/{DATABASE}/north_korean_troop_claims.json?_shape=array").json()
    assert sorted(r["id"] for r in rows) == sorted(north_korean["id"].astype(str))
    assert {r["said_by"] for r in rows} >= {"National Intelligence Service (South Korea)"}
    assert all(r["unit"] for r in rows)  # a value is never shown without what it counts
    pioneers = next(r for r in rows if r["id"] == "prk-pioneer-unit-donetsk-planned")
    assert (pioneers["value"], pioneers["unit"]) == (1, "units")
    events = _get(server, f"/{DATABASE}/events_and_what_their_claims_add_up_to.json?_shape=array").json()
    assert sorted(r["id"] for r in events) == sorted(datapkg.load("events")["id"].astype(str))
    assert all(r["unit"] for r in events if r["value_best"] is not None)


def test_actions_are_counted_as_events_not_records(server: str) -> None:
    actions = datapkg.load("diplomatic_actions")
    rows = _get(server, f"/{DATABASE}/actions_by_actor_and_quad_class.json?_shape=array").json()
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


def test_the_home_page_links_every_query_and_table_above_the_figure(server: str) -> None:
    page = _get(server, "/").text
    figure = page.index('<img src="/assets/timeline.svg"')
    for name, query in QUERIES.items():
        assert -1 < page.find(f'<a href="/{DATABASE}/{name}">{html.escape(query["title"])}</a>') < figure
    for resource in datapkg.package()["resources"]:
        link = f'<a href="/{DATABASE}/{resource["name"]}">{html.escape(resource["title"])}</a>'
        assert -1 < page.find(link) < figure, resource["name"]
    for source in datapkg.package()["sources"]:
        assert f'<a href="/{DATABASE}/sources/{source["x-id"]}">{html.escape(source["title"])}</a>' in page
    assert page.index('id="sources"') > figure


def test_a_table_page_folds_its_column_notes_above_the_rows(server: str) -> None:
    page = " ".join(_get(server, f"/{DATABASE}/troop_figures").text.split())
    fields = next(r for r in datapkg.package()["resources"] if r["name"] == "troop_figures")["schema"][
        "fields"
    ]
    notes = datasette_metadata(datapkg.package())["databases"][DATABASE]["tables"]["troop_figures"]["columns"]
    fold = page.index(
        f'<details class="column-notes"> <summary>What the {len(fields)} columns mean</summary> '
        '<dl class="column-descriptions">'
    )
    assert page.count('class="column-descriptions"') == 1  # Datasette's own unfolded list is gone
    assert fold < page.index('<table class="rows-and-columns">')
    for name, note in notes.items():
        assert f"<dt>{name}</dt><dd>{markupsafe.escape(note)}</dd>" in page[fold:]
        # and in the column's menu (the cog beside its name; Datasette gives the key's column none)
        assert name == "id" or f'data-column-description="{markupsafe.escape(note)}"' in page


def test_amounts_have_thousands_separators_and_positions_do_not(server: str) -> None:
    cell = '<td class="col-{} type-int">{}</td>'
    figures = datapkg.load("troop_figures")
    big = figures[(figures["value"] >= 1000) & (figures["quote_start"] >= 1000)].iloc[0]
    for page in (f"/{DATABASE}/troop_figures?id={big['id']}", f"/{DATABASE}/troop_figures/{big['id']}"):
        text = _get(server, page).text
        assert cell.format("value", f"{int(big['value']):,}") in text  # 1,320,000
        assert cell.format("quote_start", int(big["quote_start"])) in text  # 1536: an index, as in Python
    assert _get(server, f"/{DATABASE}/troop_figures/{big['id']}.json?_shape=array").json()[0]["value"] == int(
        big["value"]
    )  # the data itself is untouched
    ranking = datapkg.load("military_rankings").dropna(subset=["edition"]).iloc[0]
    text = _get(server, f"/{DATABASE}/military_rankings/{ranking['id']}").text
    assert cell.format("edition", int(ranking["edition"])) in text  # a year: 2024, never 2,024
    sources = _get(server, f"/{DATABASE}/sources").text
    for length in datapkg.load("sources")["text_length"]:
        assert cell.format("text_length", f"{int(length):,}") in sources
    claims = _get(server, f"/{DATABASE}/north_korean_troop_claims").text  # a query knows names only
    assert f'<td class="col-value">{int(big["value"]):,}</td>' in claims


def _named_link(table: str, row_id: str, label: object) -> str:
    href = f"/{DATABASE}/{table}/{row_id}"
    if label is None:  # a table without a label column: the link shows the id
        return f'<a href="{href}">{markupsafe.escape(row_id)}</a>'
    return f'<a href="{href}">{markupsafe.escape(label)}</a>&nbsp;<em>{markupsafe.escape(row_id)}</em>'


@pytest.mark.parametrize(
    "table", ["troop_figures", "military_rankings", "arms_transfers", "diplomatic_actions", "events"]
)
def test_a_row_page_names_the_rows_it_links_to(server: str, table: str) -> None:
    resources = {r["name"]: r for r in datapkg.package()["resources"]}
    links = datasette_metadata(datapkg.package())["databases"][DATABASE]["tables"][table]["plugins"][
        "datapkg"
    ]["links"]
    frame = datapkg.load(table)
    row = frame.loc[frame[list(links)].notna().sum(axis=1).idxmax()]  # the row that links most
    page = _get(server, f"/{DATABASE}/{table}/{row['id']}").text
    named = 0
    for column, target in links.items():
        if pd.isna(row[column]):
            continue
        label_column = resources[target]["schema"].get("x-label")
        label = datapkg.load(target).set_index("id").loc[row[column], label_column] if label_column else None
        assert _named_link(target, str(row[column]), label) in page, column
        named += label is not None
    assert named >= min(2, len(links))  # a source and an event at least, by name


def test_a_facet_the_table_shows_is_shown_once_when_the_address_names_it(server: str) -> None:
    facets = datasette_metadata(datapkg.package())["databases"][DATABASE]["tables"]["troop_figures"]["facets"]
    assert "claim_status" in facets and "location" not in facets
    asked = "_facet=claim_status&_facet=location&_facet=location"
    page = _get(server, f"/{DATABASE}/troop_figures?{asked}").text
    assert {f: page.count(f'id="facet-{f}"') for f in [*facets, "location"]} == dict.fromkeys(
        [*facets, "location"], 1
    )
    data = _get(server, f"/{DATABASE}/troop_figures.json?{asked}").json()
    assert sorted(data["facet_results"]) == sorted([*facets, "location"])  # no claim_status_2


def test_facets_and_labels_come_from_the_schemas() -> None:
    metadata = datasette_metadata(datapkg.package())
    tables = metadata["databases"][DATABASE]["tables"]
    for resource in datapkg.package()["resources"]:
        marked = [f["name"] for f in resource["schema"]["fields"] if f.get("x-facet")]
        assert tables[resource["name"]].get("facets", []) == marked
    assert tables["troop_figures"]["facets"][:3] == ["source_id", "force", "measure"]
    assert tables["events"]["label_column"] == "label" and tables["actors"]["label_column"] == "name_en"


def _chromium() -> str:
    found = next(
        (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None
    )
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs headless Chromium for the browser test (python3 tasks.py test installs it)")
        pytest.skip("no Chromium here; python3 tasks.py test installs it where it can")
    return found


# Starts a program with two descriptors on 3 and 4 (moved above 9 first, so neither overwrites
# the other); a shell can't, for dash takes one-digit descriptors only.
_ON_3_AND_4 = (
    "import fcntl, os, sys; "
    "fds = [fcntl.fcntl(int(fd), fcntl.F_DUPFD, 10) for fd in sys.argv[1:3]]; "
    "os.dup2(fds[0], 3); os.dup2(fds[1], 4); os.execv(sys.argv[3], sys.argv[3:])"
)


class _DevTools:
    """Headless Chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``:
    it reads commands on its descriptor 3 and answers on 4, each message JSON ending in a NUL), so
    a test can ask where things are on the screen with the standard library alone."""

    def __init__(self, browser: str, profile: Path) -> None:
        commands, self._commands = os.pipe()
        self._answers, answers = os.pipe()
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--hide-scrollbars", f"--user-data-dir={profile}", "--remote-debugging-pipe",
                 "about:blank"]  # fmt: skip
        self.process = subprocess.Popen(
            [sys.executable, "-c", _ON_3_AND_4, str(commands), str(answers), browser, *flags],
            pass_fds=(commands, answers), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(commands)
        os.close(answers)
        self._buffer, self._last = b"", 0

    def send(self, method: str, session: str | None = None, **params: Any) -> Any:
        self._last += 1
        message: dict[str, Any] = {"id": self._last, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        return self.wait(lambda m: m.get("id") == self._last)["result"]

    def wait(self, wanted: Any) -> dict[str, Any]:
        while True:
            while b"\0" not in self._buffer:
                chunk = os.read(self._answers, 1 << 16)
                assert chunk, "Chromium closed its DevTools pipe"
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            message: dict[str, Any] = json.loads(raw)
            assert "error" not in message, message
            if wanted(message):
                return message

    @contextlib.contextmanager
    def page(self, url: str, width: int = 1280, height: int = 800) -> Iterator[str]:
        """A tab of ``width`` × ``height`` with ``url`` loaded; yields its session."""
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        session: str = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        try:
            self.send("Emulation.setDeviceMetricsOverride", session, width=width, height=height,
                      deviceScaleFactor=1, mobile=False)  # fmt: skip
            self.send("Page.enable", session)
            self.send("Page.navigate", session, url=url)
            self.wait(lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == session)
            yield session
        finally:
            self.send("Target.closeTarget", targetId=target)

    def evaluate(self, session: str, script: str) -> Any:
        return self.send("Runtime.evaluate", session, expression=script, returnByValue=True)["result"][
            "value"
        ]

    def screenshot(self, session: str) -> bytes:
        return base64.b64decode(self.send("Page.captureScreenshot", session, format="png")["data"])

    def close(self) -> None:
        with contextlib.suppress(OSError, AssertionError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=30)
        finally:
            os.close(self._commands)
            os.close(self._answers)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_DevTools]:
    """One headless Chromium for this module's browser tests."""
    chromium = _DevTools(_chromium(), tmp_path_factory.mktemp("chromium"))
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.mark.parametrize(
    "page",
    ["/", f"/{DATABASE}/troop_figures", f"/{DATABASE}/north_korean_troop_claims"],
    ids=["home", "table", "query"],
)
def test_a_real_browser_renders_the_page(server: str, browser: _DevTools, page: str, tmp_path: Path) -> None:
    import matplotlib.image

    shot = tmp_path / "page.png"
    with browser.page(server + page, 1280, 1200) as tab:
        shot.write_bytes(browser.screenshot(tab))
    pixels = matplotlib.image.imread(shot)
    assert pixels.shape[0] >= 1000 and pixels.shape[1] >= 1200
    assert pixels.std() > 0.05  # not blank: text, tables and the figure
    assert len({tuple(p) for p in pixels[::20, ::20].reshape(-1, pixels.shape[2]).round(2)}) > 20


# Where each link (its first occurrence), the table's first row and the figure are, as
# [top, bottom, left, right] in the window, and whether the column notes are unfolded.
WHERE = """(() => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom, r.left, r.right]; };
  const links = {};
  for (const a of document.querySelectorAll('a')) {
    const href = a.getAttribute('href');
    if (!(href in links)) links[href] = box(a);
  }
  const row = document.querySelector('table.rows-and-columns tbody tr');
  const figure = document.querySelector('img[src$="timeline.svg"]');
  const notes = document.querySelector('details.column-notes');
  return {links, height: innerHeight, width: innerWidth, row: row && box(row),
          figure: figure && box(figure), notes_open: notes && notes.open};
})()"""


def test_the_first_screen_shows_what_a_reader_opens_first(server: str, browser: _DevTools) -> None:
    with browser.page(server + "/") as tab:
        home = browser.evaluate(tab, WHERE)
    assert (home["width"], home["height"]) == (1280, 800)
    names = [*QUERIES, *datapkg.resources()]
    boxes = {name: home["links"][f"/{DATABASE}/{name}"] for name in names}
    on_screen = [n for n, (top, bottom, left, right) in boxes.items()
                 if top >= 0 and bottom <= 800 and left >= 0 and right <= 1280]  # fmt: skip
    assert on_screen == names
    assert home["figure"][0] >= max(bottom for _, bottom, _, _ in boxes.values())  # the figure below them
    for table in datapkg.resources():
        with browser.page(f"{server}/{DATABASE}/{table}") as tab:
            page = browser.evaluate(tab, WHERE)
        assert page["row"][0] <= 800 - 40, table  # at least a line of the first row shows
        assert page["notes_open"] is False, table  # the column notes are folded
