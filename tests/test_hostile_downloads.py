"""Release servers, release indexes, caches and installed copies that lie: every one fails
closed with a DownloadError (or a ValidationError for data outside its enums), writes nothing
outside the cache and loads nothing unchecked. Servers are loopback servers each test
starts and stops itself."""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import datapkg
from datapkg import downloads
from datapkg.downloads import DownloadError

from .conftest import ROOT

VERSION = datapkg.__version__
NEWER = "9.9.1"  # a release the installed package does not know
PAYLOAD = b"the bytes of one release file\n"
PAYLOAD_SUM = hashlib.sha256(PAYLOAD).hexdigest()

Route = bytes | Callable[[http.server.BaseHTTPRequestHandler, threading.Event], None]


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _HTTPServer

    def do_GET(self) -> None:
        route = self.server.routes.get(self.path.split("?")[0], self.server.fallback)
        if route is None:
            self.send_error(404)
        elif isinstance(route, bytes):
            self.send_response(200)
            self.send_header("Content-Length", str(len(route)))
            self.end_headers()
            self.wfile.write(route)
        else:
            try:
                route(self, self.server.stopping)
            except OSError:  # the client hung up, as one past its deadline must
                self.server.hung_up.set()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _HTTPServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, Route]
    fallback: Route | None
    stopping: threading.Event
    hung_up: threading.Event


class Server:
    """A loopback server answering each path from ``routes`` (bytes, or a function that
    writes the response itself), and anything else with ``fallback`` or 404."""

    def __init__(self, routes: dict[str, Route], fallback: Route | None = None) -> None:
        self.httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.routes, self.httpd.fallback = routes, fallback
        self.httpd.stopping, self.httpd.hung_up = threading.Event(), threading.Event()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        # A short poll interval: stopping waits for one poll, and the property test stops many.
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    @property
    def routes(self) -> dict[str, Route]:
        return self.httpd.routes

    def stop(self) -> None:
        self.httpd.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def serve() -> Iterator[Callable[..., Server]]:
    started: list[Server] = []

    def start(routes: dict[str, Route], fallback: Route | None = None) -> Server:
        started.append(Server(routes, fallback))
        return started[-1]

    yield start
    for server in started:
        server.stop()


def _index(latest: object = NEWER, releases: object = None) -> bytes:
    releases = {NEWER: {"actors.parquet": PAYLOAD_SUM}} if releases is None else releases
    return json.dumps({"latest": latest, "releases": releases}).encode()


def _files(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by relative path, with its bytes."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """A folder with a cache and a file beside it that no download may touch."""
    (tmp_path / "cache").mkdir()
    (tmp_path / "victim").mkdir()
    (tmp_path / "victim" / "actors.parquet").write_bytes(b"not to be overwritten")
    return tmp_path


# --- versions and file names from an index or a caller never leave the cache -------------------

HOSTILE_NAMES = [
    "..", "../..", "../victim", "../../victim/actors.parquet", "/tmp", "a/b", "9.9.1/..", "9.9.1/../..",
    "9.9.1\n", "9.9.1\r", "9.9.1 ", " 9.9.1", "9.9.1/", "\\..\\victim", "C:\\victim", "~", "", ".",
    "\u0669.\u0662.\u0663", "9.9.1\x00", "%2e%2e", "9.9.1\u2028", "9.9.1\u0085", ".hidden", "9\uff0e9\uff0e1",
]  # fmt: skip


@pytest.mark.parametrize("latest", HOSTILE_NAMES)
def test_a_hostile_latest_is_refused_and_nothing_is_written(
    latest: str, serve: Callable[..., Server], sandbox: Path
) -> None:
    releases = {latest: {"actors.parquet": PAYLOAD_SUM}, NEWER: {"actors.parquet": PAYLOAD_SUM}}
    server = serve({"/index.json": _index(latest, releases)}, fallback=PAYLOAD)
    before = _files(sandbox)
    with pytest.raises(
        DownloadError, match=rf"^{server.url}/index\.json: release .* is not a release version"
    ):
        datapkg.fetch("actors.parquet", "latest", base_url=server.url, cache=sandbox / "cache")
    assert _files(sandbox) == before


@pytest.mark.parametrize("version", [*HOSTILE_NAMES, str(Path.cwd() / "victim")])
def test_a_hostile_version_from_the_caller_is_refused(version: str, sandbox: Path) -> None:
    before = _files(sandbox)
    with pytest.raises(DownloadError, match=r"^version .* is not a release version: expected digits"):
        datapkg.load("actors", version=version, base_url="http://127.0.0.1:9", cache=sandbox / "cache")
    assert _files(sandbox) == before


@pytest.mark.parametrize("name", [*HOSTILE_NAMES, "actors.parquet/"])
def test_a_hostile_file_name_in_the_index_is_refused(
    name: str, serve: Callable[..., Server], sandbox: Path
) -> None:
    server = serve({"/index.json": _index(releases={NEWER: {name: PAYLOAD_SUM}})}, fallback=PAYLOAD)
    with pytest.raises(
        DownloadError,
        match=rf"; and {server.url}/index\.json: release {NEWER}: file .* is not a release file name",
    ):
        datapkg.fetch("actors.parquet", NEWER, base_url=server.url, cache=sandbox / "cache")
    with pytest.raises(DownloadError, match=r"^file name .* is not a release file name: expected one plain"):
        datapkg.fetch(name, NEWER, base_url=server.url, cache=sandbox / "cache")
    assert _files(sandbox / "cache") == {}


def test_a_symbolic_link_out_of_the_cache_is_not_followed(
    serve: Callable[..., Server], sandbox: Path
) -> None:
    server = serve({"/index.json": _index()}, fallback=PAYLOAD)
    cache = sandbox / "cache"
    (cache / NEWER).symlink_to(sandbox / "victim", target_is_directory=True)
    with pytest.raises(DownloadError, match=rf"resolves to {sandbox}/victim, outside the cache directory"):
        datapkg.fetch("actors.parquet", NEWER, base_url=server.url, cache=cache)
    assert (sandbox / "victim" / "actors.parquet").read_bytes() == b"not to be overwritten"
    (cache / NEWER).unlink()
    (cache / NEWER).mkdir()
    (cache / NEWER / "actors.parquet").symlink_to(sandbox / "victim" / "actors.parquet")
    with pytest.raises(DownloadError, match="outside the cache directory"):
        datapkg.fetch("actors.parquet", NEWER, base_url=server.url, cache=cache)
    assert (sandbox / "victim" / "actors.parquet").read_bytes() == b"not to be overwritten"


def test_polars_fetches_no_descriptor_for_a_hostile_latest(
    serve: Callable[..., Server], sandbox: Path
) -> None:
    releases = {"../victim": {"datapackage.json": PAYLOAD_SUM, "actors.parquet": PAYLOAD_SUM}}
    server = serve({"/index.json": _index("../victim", releases)}, fallback=PAYLOAD)
    before = _files(sandbox)
    with pytest.raises(DownloadError, match="is not a release version"):
        datapkg.load(
            "actors", backend="polars", version="latest", base_url=server.url, cache=sandbox / "cache"
        )
    assert _files(sandbox) == before


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)
_HOSTILE = st.sampled_from(HOSTILE_NAMES) | st.text(max_size=12)
_VERSIONS = (
    _HOSTILE | st.just(NEWER) | st.just(VERSION) | st.from_regex(r"[0-9]\.[0-9]\.[0-9]", fullmatch=True)
)
_FILES = _HOSTILE | st.just("actors.parquet")
_SUMS = st.just(PAYLOAD_SUM) | st.just(PAYLOAD_SUM.upper()) | _JSON
_RELEASES = st.dictionaries(_VERSIONS, st.dictionaries(_FILES, _SUMS, max_size=3) | _JSON, max_size=3) | _JSON


def _mostly(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``good`` three times in four: hostile values are mixed into working ones, not alone."""
    return st.sampled_from([good, good, good, bad]).flatmap(lambda chosen: chosen)


@st.composite
def _near_valid(draw: st.DrawFn) -> dict[str, Any]:
    """A valid index with at most one hostile entry: most fetches get as far as writing."""
    sums = {"actors.parquet": PAYLOAD_SUM} | draw(_mostly(st.just({}), st.dictionaries(_FILES, _SUMS)))
    extra = st.dictionaries(_VERSIONS, st.just(sums) | _JSON, max_size=2)
    releases = {NEWER: sums} | draw(_mostly(st.just({}), extra))
    return {"latest": draw(_mostly(st.just(NEWER), _VERSIONS)), "releases": releases}


_INDEXES = _mostly(
    _near_valid(), st.fixed_dictionaries({"latest": _VERSIONS | _JSON, "releases": _RELEASES}) | _JSON
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    index=_INDEXES,
    filename=_mostly(st.just("actors.parquet"), _FILES),
    version=_mostly(st.sampled_from(["latest", NEWER]), _VERSIONS),
)
def test_any_index_fetches_only_under_the_cache_or_raises(index: Any, filename: str, version: str) -> None:
    server = Server({"/index.json": json.dumps(index).encode()}, fallback=PAYLOAD)
    try:
        with tempfile.TemporaryDirectory() as folder:
            sandbox = Path(folder)
            (sandbox / "cache").mkdir()
            (sandbox / "victim.txt").write_bytes(b"not to be overwritten")
            try:
                path = datapkg.fetch(filename, version, base_url=server.url, cache=sandbox / "cache")
            except DownloadError:
                pass
            else:
                assert path.resolve().is_relative_to((sandbox / "cache").resolve())
                assert path.read_bytes() == PAYLOAD
            assert sorted(p.name for p in sandbox.iterdir()) == ["cache", "victim.txt"]
            assert (sandbox / "victim.txt").read_bytes() == b"not to be overwritten"
    finally:
        server.stop()


# --- malformed indexes: a DownloadError naming the URL, and nothing cached ----------------------

MALFORMED = {
    "a list": (b"[]", "expected a JSON object with 'latest' and 'releases', got a list"),
    "a string": (b'"x"', "expected a JSON object with 'latest' and 'releases', got a string"),
    "null": (b"null", "expected a JSON object with 'latest' and 'releases', got null"),
    "a number": (b"1e999", "expected a JSON object with 'latest' and 'releases', got a number"),
    "no releases": (b'{"latest": "9.9.1"}', "expected 'releases' to be a non-empty object of versions, got null"),
    "releases a list": (_index(releases=[NEWER]), "expected 'releases' to be a non-empty object of versions, got a list"),
    "releases empty": (_index(releases={}), "expected 'releases' to be a non-empty object of versions, got an object"),
    "sums a string": (_index(releases={NEWER: PAYLOAD_SUM}), f"release {NEWER}: expected an object of file names and SHA-256 sums, got a string"),
    "sums null": (_index(releases={NEWER: None}), f"release {NEWER}: expected an object of file names and SHA-256 sums, got null"),
    "sums a list": (_index(releases={NEWER: [PAYLOAD_SUM]}), f"release {NEWER}: expected an object of file names and SHA-256 sums, got a list"),
    "sums empty": (_index(releases={NEWER: {}}), f"release {NEWER}: expected an object of file names and SHA-256 sums, got an object"),
    "sum not hex": (_index(releases={NEWER: {"actors.parquet": "z" * 64}}), f"release {NEWER}: the SHA-256 of actors.parquet must be 64 lowercase hex digits, got 'zzz"),
    "sum too short": (_index(releases={NEWER: {"actors.parquet": PAYLOAD_SUM[:-1]}}), f"release {NEWER}: the SHA-256 of actors.parquet must be 64 lowercase hex digits, got {PAYLOAD_SUM[:-1]!r}"),
    "sum too long": (_index(releases={NEWER: {"actors.parquet": PAYLOAD_SUM + "0"}}), f"release {NEWER}: the SHA-256 of actors.parquet must be 64 lowercase hex digits, got {PAYLOAD_SUM + '0'!r}"),
    "sum with newline": (_index(releases={NEWER: {"actors.parquet": PAYLOAD_SUM + "\n"}}), f"release {NEWER}: the SHA-256 of actors.parquet must be 64 lowercase hex digits, got {PAYLOAD_SUM + chr(10)!r}"),
    "sum a number": (_index(releases={NEWER: {"actors.parquet": 7}}), f"release {NEWER}: the SHA-256 of actors.parquet must be 64 lowercase hex digits, got 7"),
    "latest a number": (_index(latest=9), "expected 'latest' to name one of its releases (9.9.1), got 9"),
    "latest null": (_index(latest=None), "expected 'latest' to name one of its releases (9.9.1), got None"),
    "latest a list": (_index(latest=[NEWER]), "expected 'latest' to name one of its releases (9.9.1), got ['9.9.1']"),
    "latest unknown": (_index(latest="9.9.2"), "expected 'latest' to name one of its releases (9.9.1), got '9.9.2'"),
    "not JSON": (b"<html>moved</html>", "expected JSON, got text that does not parse"),
    "not UTF-8": (b'{"latest": "\xff"}', "expected JSON, got text that does not parse"),
    "too deep": (b"[" * 100_000 + b"]" * 100_000, "expected JSON, got text that does not parse"),
    "empty": (b"", "expected JSON, got text that does not parse"),
}  # fmt: skip


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_index_is_a_download_error_and_never_cached(
    case: str, serve: Callable[..., Server], sandbox: Path
) -> None:
    body, expected = MALFORMED[case]
    server = serve({"/index.json": body}, fallback=PAYLOAD)
    for version in ("latest", NEWER):
        with pytest.raises(DownloadError) as caught:
            datapkg.fetch("actors.parquet", version, base_url=server.url, cache=sandbox / "cache")
        assert f"{server.url}/index.json: {expected}" in str(caught.value)
    assert _files(sandbox / "cache") == {}


@pytest.mark.parametrize("case", [c for c in MALFORMED if c != "too deep"])
def test_a_tampered_cached_index_is_checked_when_the_server_is_down(
    case: str, serve: Callable[..., Server], sandbox: Path
) -> None:
    server = serve({"/index.json": _index()}, fallback=PAYLOAD)
    cache = sandbox / "cache"
    assert datapkg.fetch("actors.parquet", "latest", base_url=server.url, cache=cache).read_bytes() == PAYLOAD
    (cached,) = (cache / "index").rglob("index.json")
    assert json.loads(cached.read_text(encoding="utf-8")) == json.loads(_index())
    server.stop()
    cached.write_bytes(MALFORMED[case][0])
    with pytest.raises(DownloadError) as caught:
        datapkg.fetch("actors.parquet", "latest", base_url=server.url, cache=cache)
    assert f"{cached} (the cached copy of {server.url}/index.json): {MALFORMED[case][1]}" in str(caught.value)


def test_only_what_was_checked_is_cached(serve: Callable[..., Server], sandbox: Path) -> None:
    index = json.loads(_index()) | {"note": "x" * 1000, "releases": {NEWER: {"actors.parquet": PAYLOAD_SUM}}}
    server = serve({"/index.json": json.dumps(index).encode()}, fallback=PAYLOAD)
    datapkg.fetch("actors.parquet", "latest", base_url=server.url, cache=sandbox / "cache")
    (cached,) = (sandbox / "cache" / "index").rglob("index.json")
    assert json.loads(cached.read_text(encoding="utf-8")) == {"latest": NEWER, "releases": index["releases"]}


def test_a_cache_path_that_is_a_file_is_a_download_error(serve: Callable[..., Server], sandbox: Path) -> None:
    server = serve({"/index.json": _index()}, fallback=PAYLOAD)
    blocker = sandbox / "cache-file"
    blocker.write_bytes(b"a file, not a folder")
    with pytest.raises(DownloadError, match=rf"cannot write {blocker}/index/.*/index\.json: Not a directory \(the "
                       rf"cache {blocker} must be a writable directory\)"):  # fmt: skip
        datapkg.fetch("actors.parquet", "latest", base_url=server.url, cache=blocker)
    with pytest.raises(
        DownloadError, match=rf"cannot write {blocker}/{VERSION}/actors.parquet: .*must be a writable"
    ):
        datapkg.fetch("actors.parquet", VERSION, base_url=server.url, cache=blocker)
    cache = sandbox / "cache"
    (cache / NEWER / "actors.parquet").mkdir(parents=True)
    with pytest.raises(DownloadError, match=rf"cannot write {cache}/{NEWER}/actors.parquet: Is a directory"):
        datapkg.fetch("actors.parquet", NEWER, base_url=server.url, cache=cache)
    assert blocker.read_bytes() == b"a file, not a folder"


def test_an_index_contradicting_the_installed_record_is_refused(
    serve: Callable[..., Server], sandbox: Path
) -> None:
    known = downloads.known_releases()[VERSION]
    releases = {VERSION: dict(known) | {"actors.parquet": PAYLOAD_SUM}}
    server = serve({"/index.json": _index(VERSION, releases)}, fallback=PAYLOAD)
    with pytest.raises(
        DownloadError, match=r"lists other sums for release .* the index is not to be trusted"
    ):
        datapkg.fetch("actors.parquet", "latest", base_url=server.url, cache=sandbox / "cache")
    assert _files(sandbox / "cache") == {}


# --- the installed copy is used only when it matches its recorded sum --------------------------


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the installed data with a release record of its own files, as the package
    finds it; tests may edit it."""
    data = tmp_path / "installed"
    data.mkdir()
    for name in ("actors.parquet", "actors.csv", "datapackage.json"):
        shutil.copy2(ROOT / "datapkg" / "data" / name, data / name)
    sums = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(data.iterdir())}
    (data / "releases.json").write_text(json.dumps({"releases": {VERSION: sums}}), encoding="utf-8")
    monkeypatch.setattr(downloads, "_installed_data", lambda: data)
    monkeypatch.delenv("DATAPKG_BASE_URL", raising=False)
    downloads.known_releases.cache_clear()
    yield data
    downloads.known_releases.cache_clear()


def _dead_url() -> str:
    server = Server({})
    server.stop()
    return server.url


def test_an_unchanged_installed_copy_is_used_with_a_warning(installed: Path, tmp_path: Path) -> None:
    with pytest.warns(UserWarning, match="using the copy installed with the package"):
        path = datapkg.fetch("actors.parquet", VERSION, base_url=_dead_url(), cache=tmp_path / "cache")
    assert path == installed / "actors.parquet"
    with pytest.warns(UserWarning, match=r"no base URL given .* using the copy installed with the package"):
        assert datapkg.fetch("actors.csv", VERSION) == installed / "actors.csv"


@pytest.mark.parametrize("base_url", [None, "dead"])
def test_an_edited_installed_copy_is_refused(base_url: str | None, installed: Path, tmp_path: Path) -> None:
    table = pq.read_table(installed / "actors.parquet")
    names = pa.chunked_array([["Edited"] * table.num_rows], pa.string())
    pq.write_table(table.set_column(table.schema.get_field_index("name_en"), table.schema.field("name_en"), names),
                   installed / "actors.parquet")  # fmt: skip
    url = _dead_url() if base_url else None
    with pytest.raises(DownloadError) as caught:
        datapkg.load("actors", version=VERSION, base_url=url, cache=tmp_path / "cache")
    assert (
        f", and the installed copy {installed / 'actors.parquet'} does not match the SHA-256 recorded for "
        f"release {VERSION} in {installed / 'releases.json'}" in str(caught.value)
    )
    assert str(caught.value).endswith("it was changed after installation: reinstall the package")
    (installed / "actors.csv").unlink()
    with pytest.raises(DownloadError, match=r"the installed copy .*actors\.csv cannot be read"):
        datapkg.fetch("actors.csv", VERSION, base_url=url, cache=tmp_path / "cache")


@pytest.mark.parametrize(
    "record", [b"[]", b'{"releases": {"0.1.0": "x"}}', b"{", b'{"releases": {"../x": {}}}']
)
def test_a_damaged_installed_record_is_a_download_error(record: bytes, installed: Path) -> None:
    (installed / "releases.json").write_bytes(record)
    with pytest.raises(DownloadError, match=rf"^{installed / 'releases.json'}: "):
        datapkg.fetch("actors.csv", VERSION)


def test_an_edited_file_of_a_real_install_is_refused_offline(tmp_path: Path) -> None:
    """End to end: the package copied elsewhere, one of its Parquet files edited."""
    shutil.copytree(ROOT / "datapkg", tmp_path / "datapkg", ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "datapkg" / "data" / "military_rankings.parquet"
    table = pq.read_table(target)
    rank = table.schema.get_field_index("rank")
    edited = pa.chunked_array([[1] * table.num_rows], pa.int64())
    pq.write_table(table.set_column(rank, table.schema.field(rank), edited), target)
    code = f"import datapkg; datapkg.load('military_rankings', version={VERSION!r}, cache={str(tmp_path)!r})"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATAPKG_")} | {
        "PYTHONPATH": str(tmp_path)
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert result.returncode == 1
    assert (
        f"the installed copy {target} does not match the SHA-256 recorded for release {VERSION}"
        in result.stderr
    )


# --- deadlines and size limits --------------------------------------------------------------


def _trickle_body(handler: http.server.BaseHTTPRequestHandler, stopping: threading.Event) -> None:
    handler.send_response(200)
    handler.send_header("Content-Length", "1000000")
    handler.end_headers()
    while not stopping.wait(0.2):
        handler.wfile.write(b"x")
        handler.wfile.flush()


def _trickle_headers(handler: http.server.BaseHTTPRequestHandler, stopping: threading.Event) -> None:
    handler.wfile.write(b"HTTP/1.0 200 OK\r\n")
    while not stopping.wait(0.2):
        handler.wfile.write(b"X")
        handler.wfile.flush()


def _endless(handler: http.server.BaseHTTPRequestHandler, stopping: threading.Event) -> None:
    handler.send_response(200)
    handler.end_headers()
    block = b"y" * 65536
    while not stopping.is_set():
        handler.wfile.write(block)


@pytest.mark.parametrize("behaviour", [_trickle_body, _trickle_headers], ids=["body", "headers"])
def test_a_slow_server_meets_the_deadline(
    behaviour: Route, serve: Callable[..., Server], sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = serve({"/index.json": _index(), f"/{NEWER}/actors.parquet": behaviour})
    cache = sandbox / "cache"
    with pytest.raises(DownloadError, match=rf"^{server.url}/{NEWER}/actors\.parquet did not arrive within the "
                       r"deadline of 0\.8 s \(pass deadline= or set DATAPKG_DEADLINE .*\); nothing was cached$"):  # fmt: skip
        datapkg.fetch("actors.parquet", NEWER, base_url=server.url, cache=cache, deadline=0.8)
    assert server.httpd.hung_up.wait(30)  # the client let go of the connection, not just returned
    monkeypatch.setenv("DATAPKG_DEADLINE", "0.5")
    with pytest.raises(DownloadError, match=r"did not arrive within the deadline of 0\.5 s"):
        datapkg.load("actors", version=NEWER, base_url=server.url, cache=cache)
    server.routes["/index.json"] = behaviour
    with pytest.raises(
        DownloadError, match=rf"^{server.url}/index\.json did not arrive within the deadline of 0\.5"
    ):
        datapkg.load("actors", version="latest", base_url=server.url, cache=sandbox / "other-cache")
    assert [p for p in _files(cache) if not p.startswith("index")] == []


def test_the_installed_version_does_not_fall_back_past_a_deadline(
    serve: Callable[..., Server], sandbox: Path
) -> None:
    server = serve({}, fallback=_trickle_body)
    with pytest.raises(DownloadError, match=r"did not arrive within the deadline of 0\.5 s"):
        datapkg.fetch("actors.parquet", VERSION, base_url=server.url, cache=sandbox / "cache", deadline=0.5)


@pytest.mark.parametrize("value", ["0", "-1", "soon", "nan", "inf"])
def test_a_deadline_must_be_a_positive_number(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATAPKG_DEADLINE", value)
    with pytest.raises(DownloadError, match=rf"^DATAPKG_DEADLINE must be a positive number, got '{value}'$"):
        datapkg.fetch("actors.parquet", VERSION, base_url="http://127.0.0.1:9")
    with pytest.raises(DownloadError, match=r"^deadline= must be a positive number, got True$"):
        downloads.deadline_seconds(True)


def test_an_endless_file_stops_at_the_size_limit(
    serve: Callable[..., Server], sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = serve({"/index.json": _index(), f"/{NEWER}/actors.parquet": _endless})
    monkeypatch.setenv("DATAPKG_MAX_BYTES", "100000")
    with pytest.raises(DownloadError, match=rf"^{server.url}/{NEWER}/actors\.parquet is larger than the 100000 "
                       "bytes allowed for it; nothing was cached$"):  # fmt: skip
        datapkg.fetch("actors.parquet", NEWER, base_url=server.url, cache=sandbox / "cache")
    server.routes[f"/{NEWER}/actors.parquet"] = b"z" * 100_001  # too large by its Content-Length already
    with pytest.raises(DownloadError, match="is larger than the 100000 bytes allowed for it"):
        datapkg.fetch("actors.parquet", NEWER, base_url=server.url, cache=sandbox / "cache")
    assert list((sandbox / "cache" / NEWER).iterdir()) == []


def test_an_endless_index_stops_at_its_size_limit(serve: Callable[..., Server], sandbox: Path) -> None:
    server = serve({"/index.json": _endless})
    with pytest.raises(DownloadError, match=rf"^{server.url}/index\.json is larger than the 8388608 bytes"):
        datapkg.fetch("actors.parquet", "latest", base_url=server.url, cache=sandbox / "cache")
    assert _files(sandbox / "cache") == {}


def test_a_truncated_body_is_refused(serve: Callable[..., Server], sandbox: Path) -> None:
    def short(handler: http.server.BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(PAYLOAD)))
        handler.end_headers()
        handler.wfile.write(PAYLOAD[:5])

    server = serve({"/index.json": _index(), f"/{NEWER}/actors.parquet": short})
    with pytest.raises(DownloadError, match=rf"^cannot download {server.url}/{NEWER}/actors\.parquet: "):
        datapkg.fetch("actors.parquet", NEWER, base_url=server.url, cache=sandbox / "cache")
    assert list((sandbox / "cache" / NEWER).iterdir()) == []


# --- values outside an enum are refused, never loaded as missing ------------------------------


def _with_value(column: str, value: Any, tmp_path: Path, source: str = "troop_figures") -> Path:
    """A copy of an installed table whose first row has ``value`` in ``column``."""
    table = pq.read_table(datapkg.path(source))  # type: ignore[arg-type]
    index = table.schema.get_field_index(column)
    values = table.column(index).to_pylist()
    values[0] = value
    out = tmp_path / f"{source}.parquet"
    pq.write_table(table.set_column(index, table.schema.field(index), pa.array(values, pa.string())), out)
    return out


@pytest.mark.parametrize("backend", ["pandas", "pyarrow", "polars"])
@pytest.mark.parametrize("value", ["rumoured", "Reported", "reported ", "", "reported\n"])
def test_a_value_outside_its_enum_is_refused_by_every_backend(
    value: str, backend: Any, tmp_path: Path
) -> None:
    file = _with_value("claim_status", value, tmp_path)
    allowed = ", ".join(datapkg.load("troop_figures")["claim_status"].cat.categories)
    with pytest.raises(datapkg.ValidationError) as caught:
        datapkg._read("troop_figures", backend, file, None, None, None)
    assert caught.value.problems == [
        f"{file}: column 'claim_status' holds {value!r}, outside its values ({allowed})"
    ]


def test_an_enum_column_stored_in_another_type_is_checked_too(tmp_path: Path) -> None:
    file = _with_value("claim_status", "rumoured", tmp_path)
    table = pq.read_table(file)
    index = table.schema.get_field_index("claim_status")
    for column in (table.column(index).dictionary_encode(), table.column(index).cast(pa.large_string())):
        field = pa.field("claim_status", column.type, metadata=table.schema.field(index).metadata)
        pq.write_table(table.set_column(index, field, column), file)
        for backend in ("pandas", "pyarrow", "polars"):
            with pytest.raises(
                datapkg.ValidationError, match="column 'claim_status' holds 'rumoured', outside"
            ):
                datapkg._read("troop_figures", backend, file, None, None, None)


def test_a_file_without_enum_metadata_is_checked_against_the_descriptor(tmp_path: Path) -> None:
    file = _with_value("qualifier", "roughly", tmp_path)
    pq.write_table(pq.read_table(file).replace_schema_metadata(None), file)
    with pytest.raises(
        datapkg.ValidationError, match=r"column 'qualifier' holds 'roughly', outside its values \("
    ):
        datapkg._read("troop_figures", "pandas", file, None, None, None)


def test_a_served_release_with_values_outside_its_enums_is_not_loaded(
    serve: Callable[..., Server], sandbox: Path
) -> None:
    """The index vouches for the file, yet its data break its own schema."""
    body = _with_value("claim_status", "rumoured", sandbox).read_bytes()
    sums = {"troop_figures.parquet": hashlib.sha256(body).hexdigest()}
    server = serve({"/index.json": _index(releases={NEWER: sums}), f"/{NEWER}/troop_figures.parquet": body})
    for backend in ("pandas", "pyarrow"):
        with pytest.raises(
            datapkg.ValidationError, match=rf"{NEWER}/troop_figures\.parquet: column 'claim_status'"
        ):
            datapkg.load(
                "troop_figures", backend=backend, version="latest", base_url=server.url, cache=sandbox / "c"
            )


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=12))
def test_any_text_outside_the_enum_is_refused(value: str, tmp_path: Path) -> None:
    from datapkg._dtypes import arrow_to_pandas

    enum = ["stated", "reported", "alleged"]
    table = pa.table({"claim_status": pa.array(["stated", value, None], pa.string())})
    schema = {"fields": [{"name": "claim_status", "type": "string", "constraints": {"enum": enum}}]}
    if value in enum:
        assert arrow_to_pandas(table, schema)["claim_status"].tolist()[:2] == ["stated", value]
    else:
        with pytest.raises(datapkg.ValidationError, match="column 'claim_status' holds "):
            arrow_to_pandas(table, schema, source=tmp_path)


@pytest.mark.parametrize("entry", ["load_all", "claims", "duckdb"])
def test_every_loading_entry_point_checks_the_version(entry: str, sandbox: Path) -> None:
    before = _files(sandbox)
    with pytest.raises(DownloadError, match=r"^version '\.\./victim' is not a release version"):
        getattr(datapkg, entry)(version="../victim", base_url="http://127.0.0.1:9", cache=sandbox / "cache")
    assert _files(sandbox) == before


def test_a_cache_under_the_home_folder_is_written_where_it_is_checked(
    serve: Callable[..., Server], sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(sandbox))
    server = serve({"/index.json": _index()}, fallback=PAYLOAD)
    path = datapkg.fetch("actors.parquet", NEWER, base_url=server.url, cache="~/cache")
    assert path == sandbox / "cache" / NEWER / "actors.parquet" and path.read_bytes() == PAYLOAD


def test_a_tampered_cached_file_is_never_returned(
    installed: Path, serve: Callable[..., Server], sandbox: Path
) -> None:
    body = (installed / "actors.parquet").read_bytes()
    server = serve({f"/{VERSION}/actors.parquet": body})
    cache = sandbox / "cache"
    cached = datapkg.fetch("actors.parquet", VERSION, base_url=server.url, cache=cache)
    assert cached == cache / VERSION / "actors.parquet" and cached.read_bytes() == body
    cached.write_bytes(b"edited in the cache")
    server.stop()
    with pytest.warns(UserWarning, match=rf"cannot download {server.url}/{VERSION}/actors\.parquet"):
        path = datapkg.fetch("actors.parquet", VERSION, base_url=server.url, cache=cache)
    assert path == installed / "actors.parquet"


def test_an_unwritable_cache_is_a_download_error(
    serve: Callable[..., Server], sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pooch.core

    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    server = serve({"/index.json": _index()}, fallback=PAYLOAD)
    cache = sandbox / "cache"
    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(DownloadError, match=rf"^cannot write {cache}/index/\w+/index\.json: Permission denied \(the "
                       rf"cache {cache} must be a writable directory\)$"):  # fmt: skip
        datapkg.fetch("actors.parquet", "latest", base_url=server.url, cache=cache)
    monkeypatch.undo()
    monkeypatch.setattr(pooch.core.shutil, "move", refuse)
    with pytest.raises(
        DownloadError, match=rf"^cannot write {cache}/{NEWER}/actors\.parquet: Permission denied"
    ):
        datapkg.fetch("actors.parquet", NEWER, base_url=server.url, cache=cache)
    assert [p for p in _files(cache) if not p.startswith("index")] == []


@pytest.mark.parametrize("backend", ["pandas", "pyarrow", "polars"])
@pytest.mark.parametrize("content", [b"", b"PAR1", b"not a table at all", b"PAR1" + b"\x00" * 64 + b"PAR1"])
def test_a_file_that_is_no_parquet_is_named(content: bytes, backend: Any, tmp_path: Path) -> None:
    file = tmp_path / "troop_figures.parquet"
    file.write_bytes(content)
    with pytest.raises(datapkg.ValidationError) as caught:
        datapkg._read("troop_figures", backend, file, None, None, None)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{file}: not a readable Parquet file (")


def test_enum_metadata_that_is_no_text_is_named(tmp_path: Path) -> None:
    table = pq.read_table(datapkg.path("troop_figures"))
    index = table.schema.get_field_index("claim_status")
    field = table.schema.field(index)
    field = field.with_metadata({**(field.metadata or {}), b"enum": b"stated\n\xff"})
    file = tmp_path / "troop_figures.parquet"
    pq.write_table(table.set_column(index, field, table.column(index)), file)
    for backend in ("pandas", "pyarrow"):
        with pytest.raises(datapkg.ValidationError) as caught:
            datapkg._read("troop_figures", backend, file, None, None, None)
        assert caught.value.problems == [f"{file}: the enum of column 'claim_status' is not UTF-8 text"]


# --- an index cannot vouch for a release older than the installed one -------------------------


@pytest.mark.parametrize("older", ["0.0.1", "0.2.5", "0.1.0rc1"])
@pytest.mark.parametrize("via", ["version", "latest"])
def test_an_unknown_release_older_than_the_installed_one_is_refused(
    older: str, via: str, serve: Callable[..., Server], sandbox: Path
) -> None:
    """This package records the sums of every release up to its own: a server adding an older
    one would supply both the file and its sum."""
    releases = {**downloads.known_releases(), older: {"actors.parquet": PAYLOAD_SUM}}
    server = serve({"/index.json": _index(older, releases)}, fallback=PAYLOAD)
    before = _files(sandbox)
    version = older if via == "version" else "latest"
    with pytest.raises(
        DownloadError, match=rf"release {re.escape(older)},? (which )?is not newer than the installed"
    ):
        datapkg.load("actors", version=version, base_url=server.url, cache=sandbox / "cache")
    assert _files(sandbox) == before


def _redirect(location: str) -> Route:
    def answer(handler: http.server.BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


@pytest.mark.parametrize("location", ["http://a..b/x", "http://" + "a" * 70 + ".example/x", "http://[::1/x"])
@pytest.mark.parametrize("path", ["/index.json", f"/{NEWER}/actors.parquet"])
def test_a_redirect_to_a_malformed_address_is_a_download_error(
    location: str, path: str, serve: Callable[..., Server], sandbox: Path
) -> None:
    routes: dict[str, Route] = {"/index.json": _index(), path: _redirect(location)}
    server = serve(routes, fallback=PAYLOAD)
    before = _files(sandbox / "victim")
    with pytest.raises(DownloadError) as raised:
        datapkg.fetch("actors.parquet", NEWER, base_url=server.url, cache=sandbox / "cache")
    assert "SHA-256" not in str(raised.value)
    assert _files(sandbox / "victim") == before


def test_an_enum_column_rewritten_as_lists_is_refused_by_every_backend(tmp_path: Path) -> None:
    source = pq.read_table(datapkg.path("troop_figures"))  # type: ignore[arg-type]
    index = source.schema.get_field_index("qualifier")
    column = pa.array([["bogus", "nonsense"]] * source.num_rows, pa.list_(pa.string()))
    field = pa.field("qualifier", column.type, metadata=source.schema.field(index).metadata)
    file = tmp_path / "troop_figures.parquet"
    pq.write_table(source.set_column(index, field, column), file)
    for backend in ("pandas", "pyarrow", "polars"):
        with pytest.raises(
            datapkg.ValidationError, match=r"column 'qualifier' holds [Ll]ist.*, expected text"
        ):
            datapkg._read("troop_figures", backend, file, None, None, None)


def test_an_enum_listing_a_value_twice_is_named(tmp_path: Path) -> None:
    source = pq.read_table(datapkg.path("troop_figures"))  # type: ignore[arg-type]
    index = source.schema.get_field_index("qualifier")
    field = source.schema.field(index)
    metadata = dict(field.metadata or {})
    enum_key = next(k for k in metadata if k.endswith(b"enum"))
    metadata[enum_key] = metadata[enum_key] + b"\nexact"
    file = tmp_path / "troop_figures.parquet"
    pq.write_table(source.set_column(index, field.with_metadata(metadata), source.column(index)), file)
    for backend in ("pandas", "pyarrow"):
        with pytest.raises(
            datapkg.ValidationError, match="the enum of column 'qualifier' lists 'exact' twice"
        ):
            datapkg._read("troop_figures", backend, file, None, None, None)
