"""Release bundles and verified downloads, served by a loopback HTTP server that
each test starts and stops itself."""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import shutil
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import datapkg
from datapkg.compiler.layout import Layout
from datapkg.compiler.outputs.bundle import write_release
from datapkg.compiler.pipeline import compile_package
from datapkg.downloads import known_releases

from .conftest import ROOT, copy_project

VERSION = datapkg.__version__


class _Server:
    def __init__(self, directory: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(release_root: Path) -> Iterator[_Server]:
    running = _Server(release_root)
    yield running
    running.stop()


def test_release_bundle_has_every_file_sums_and_zip(release_root: Path) -> None:
    folder = release_root / VERSION
    names = sorted(p.name for p in folder.iterdir())
    resources = datapkg.resources()
    wheel = f"rus_prk_military_cooperation-{VERSION}-py3-none-any.whl"
    built = [f"{r}.csv" for r in resources] + [f"{r}.parquet" for r in resources]
    built += ["datapackage.json", "croissant.json"]
    extras = ["README.md", "diff.json", "timeline.png", "timeline.svg", wheel]
    packed = ["SHA256SUMS", f"rus-prk-military-cooperation-{VERSION}.zip"]
    assert names == sorted(built + extras + packed)
    sums = dict(line.split("  ")[::-1] for line in (folder / "SHA256SUMS").read_text().splitlines())
    assert sorted(sums) == sorted(built + extras)
    assert {name: sums[name] for name in built} == known_releases()[VERSION]
    for name, digest in sums.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    with zipfile.ZipFile(folder / f"rus-prk-military-cooperation-{VERSION}.zip") as archive:
        assert len(archive.namelist()) == len(sums) + 1


def test_release_zip_is_reproducible(release_root: Path, tmp_path: Path) -> None:
    from datapkg.compiler.outputs.bundle import zip_bytes

    folder = release_root / VERSION
    files = {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith(".zip")}
    folder_name = f"rus-prk-military-cooperation-{VERSION}"
    assert zip_bytes(files, folder_name) == (folder / f"{folder_name}.zip").read_bytes()


def test_download_verifies_and_caches(server: _Server, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    frame = datapkg.load("troop_figures", version=VERSION, base_url=server.url, cache=cache)
    pd.testing.assert_frame_equal(frame, datapkg.load("troop_figures"))
    cached = cache / VERSION / "troop_figures.parquet"
    assert cached.read_bytes() == datapkg.path("troop_figures").read_bytes()


def test_a_downloaded_table_names_its_version_and_file(server: _Server, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    frame = datapkg.load("troop_figures", version=VERSION, base_url=server.url, cache=cache)
    cached = cache / VERSION / "troop_figures.parquet"
    assert frame.attrs == {**datapkg.load("troop_figures").attrs, "source": str(cached)}
    assert frame.attrs["version"] == VERSION


def test_cache_hit_needs_no_network(server: _Server, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    datapkg.fetch("actors.parquet", VERSION, base_url=server.url, cache=cache)
    server.stop()
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a fallback would warn; a cache hit does not
        path = datapkg.fetch("actors.parquet", VERSION, base_url=server.url, cache=cache)
    assert path == cache / VERSION / "actors.parquet"


def test_hash_mismatch_is_rejected_and_nothing_cached(release_root: Path, tmp_path: Path) -> None:
    tampered = tmp_path / "served"
    shutil.copytree(release_root, tampered)
    target = tampered / VERSION / "actors.parquet"
    target.write_bytes(target.read_bytes()[:-10])
    running = _Server(tampered)
    try:
        cache = tmp_path / "cache"
        with pytest.raises(datapkg.DownloadError, match="does not match the SHA-256 recorded for release"):
            datapkg.fetch("actors.parquet", VERSION, base_url=running.url, cache=cache)
        leftovers = list((cache / VERSION).iterdir()) if (cache / VERSION).exists() else []
        assert leftovers == []
    finally:
        running.stop()


def test_server_down_falls_back_to_the_installed_copy(tmp_path: Path) -> None:
    dead = _Server(tmp_path)
    url = dead.url
    dead.stop()
    with pytest.warns(UserWarning, match="using the copy installed with the package"):
        frame = datapkg.load("actors", version=VERSION, base_url=url, cache=tmp_path / "cache")
    pd.testing.assert_frame_equal(frame, datapkg.load("actors"))


def test_unknown_release_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(datapkg.DownloadError, match=r"unknown release '9.9.9'; this package knows: "):
        datapkg.load("actors", version="9.9.9", base_url="http://127.0.0.1:9", cache=tmp_path)


def test_base_url_from_the_environment(
    server: _Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATAPKG_BASE_URL", server.url)
    monkeypatch.setenv("DATAPKG_CACHE", str(tmp_path / "env-cache"))
    path = datapkg.fetch("sources.csv", VERSION)
    assert path == tmp_path / "env-cache" / VERSION / "sources.csv"


def test_release_refuses_stale_outputs(tmp_path: Path) -> None:
    from datapkg.compiler.outputs.bundle import StaleOutputs

    layout = copy_project(tmp_path)
    (tmp_path / "datapkg" / "data" / "actors.csv").write_text("stale", encoding="utf-8")
    with pytest.raises(StaleOutputs, match=r"actors\.csv: differs from a fresh build"):
        write_release(layout, compile_package(layout), tmp_path / "out")


def test_changed_data_under_a_released_version_fails_the_build(tmp_path: Path) -> None:
    from datapkg.compiler.problems import InputError

    copy_project(tmp_path)
    releases = tmp_path / "build" / "releases"
    releases.mkdir(exist_ok=True)
    archive = releases / VERSION  # the tables as released, and a CSV released with other bytes
    archive.mkdir()
    for path in [
        *(tmp_path / "datapkg" / "data").glob("*.parquet"),
        tmp_path / "datapkg" / "data" / "datapackage.json",
    ]:
        shutil.copy2(path, archive)
    sums = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in archive.iterdir()}
    record = "".join(
        f"{digest}  {name}\n" for name, digest in sorted({**sums, "actors.csv": "0" * 64}.items())
    )
    (releases / f"{VERSION}.sha256").write_text(record, encoding="utf-8")
    with pytest.raises(InputError, match=r"bump the version in pyproject\.toml"):
        compile_package(Layout(tmp_path))


def test_a_development_version_is_not_released(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from datapkg.cli import main

    layout = copy_project(tmp_path)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8").replace(
        f'version = "{VERSION}"', 'version = "9.0.0.dev1"'), encoding="utf-8")  # fmt: skip
    assert main(["release", "--out", str(tmp_path / "out"), "--root", str(layout.root)]) == 1
    assert "development version" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    assert not (tmp_path / "build" / "releases" / "9.0.0.dev1.sha256").exists()


def test_release_needs_the_changelog_section_and_says_what_it_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datapkg.cli import main

    layout = copy_project(tmp_path, code=True)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(pyproject.replace(f'version = "{VERSION}"', 'version = "9.0.0"'),
                                             encoding="utf-8")  # fmt: skip
    (tmp_path / "CHANGELOG.md").write_text("# Changelog\n\n## Unreleased\n\nNew data.\n", encoding="utf-8")
    assert main(["build", "--root", str(layout.root)]) == 0
    assert main(["release", "--out", str(tmp_path / "out"), "--root", str(layout.root)]) == 1
    assert "no section `## 9.0.0`" in capsys.readouterr().err

    (tmp_path / "CHANGELOG.md").write_text("# Changelog\n\n## 9.0.0\n\nNew data.\n", encoding="utf-8")
    assert main(["release", "--out", str(tmp_path / "out"), "--root", str(layout.root)]) == 0
    out = capsys.readouterr().out
    record = tmp_path / "build" / "releases" / "9.0.0.sha256"
    assert f"wrote {record}" in out and "commit build/releases/9.0.0.sha256" in out
    assert f"wrote {tmp_path / 'out' / '9.0.0' / 'SHA256SUMS'}" in out
    assert record.read_bytes() == (tmp_path / "out" / "9.0.0" / "SHA256SUMS").read_bytes()
    # Released now: changing its data fails the build until the version is bumped.
    actors = tmp_path / "build" / "records" / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8").replace("name_en: Russia", "name_en: Russian Federation"),
                      encoding="utf-8")  # fmt: skip
    assert main(["build", "--root", str(layout.root)]) == 1
    assert "bump the version" in capsys.readouterr().err


NEWER = "9.9.1"  # a release the installed package does not know


@pytest.fixture(scope="module")
def grown_root(release_root: Path) -> Path:
    """The release folder with a newer release added, as a later `datapkg release` would."""
    from datapkg.compiler.outputs.bundle import write_index

    newer = release_root / NEWER
    if not newer.exists():
        shutil.copytree(release_root / VERSION, newer)
        sums = dict(reversed(line.split("  ")) for line in (newer / "SHA256SUMS").read_text().splitlines())
        write_index(release_root, NEWER, sums)
    return release_root


def test_release_writes_an_index_of_versions_and_sums(release_root: Path) -> None:
    index = json.loads((release_root / "index.json").read_text(encoding="utf-8"))
    sums = (release_root / VERSION / "SHA256SUMS").read_text().splitlines()
    assert index["releases"][VERSION] == dict(reversed(line.split("  ")) for line in sums)


def test_latest_loads_a_release_newer_than_the_package(grown_root: Path, tmp_path: Path) -> None:
    assert NEWER not in known_releases()
    running = _Server(grown_root)
    try:
        frame = datapkg.load("actors", version="latest", base_url=running.url, cache=tmp_path)
        pd.testing.assert_frame_equal(frame, datapkg.load("actors"))
        assert (tmp_path / NEWER / "actors.parquet").is_file()
        tables = datapkg.load_all(backend="pyarrow", version="latest", base_url=running.url, cache=tmp_path)
        assert {n: t.num_rows for n, t in tables.items()} == {
            n: t.num_rows for n, t in datapkg.load_all(backend="pyarrow").items()
        }
    finally:
        running.stop()
    # The index is cached: with the server gone, "latest" still resolves, with a warning.
    with pytest.warns(UserWarning, match="using the cached index") as caught:
        again = datapkg.load("actors", version="latest", base_url=running.url, cache=tmp_path)
    assert caught[0].filename == __file__  # the warning names the caller's line
    pd.testing.assert_frame_equal(again, frame)


def test_a_tampered_file_of_a_newer_release_is_rejected(grown_root: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    shutil.copytree(grown_root, served)
    (served / NEWER / "actors.parquet").write_bytes(b"not the release")
    running = _Server(served)
    try:
        with pytest.raises(
            datapkg.DownloadError, match=f"does not match the SHA-256 recorded for release {NEWER}"
        ):
            datapkg.load("actors", version=NEWER, base_url=running.url, cache=tmp_path / "cache")
    finally:
        running.stop()
    assert not (tmp_path / "cache" / NEWER / "actors.parquet").exists()


def test_an_index_that_contradicts_the_package_is_refused(grown_root: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    shutil.copytree(grown_root, served)
    index = json.loads((served / "index.json").read_text(encoding="utf-8"))
    index["releases"][VERSION]["actors.parquet"] = "0" * 64
    (served / "index.json").write_text(json.dumps(index), encoding="utf-8")
    running = _Server(served)
    try:
        with pytest.raises(datapkg.DownloadError, match="the index is not to be trusted"):
            datapkg.load("actors", version="latest", base_url=running.url, cache=tmp_path / "cache")
    finally:
        running.stop()


def test_fetch_without_a_base_url_warns_at_the_callers_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATAPKG_BASE_URL", raising=False)
    with pytest.warns(UserWarning, match="no base URL given") as caught:
        path = datapkg.fetch("actors.csv", VERSION)
    assert path == datapkg.path("actors", format="csv")
    assert caught[0].filename == __file__
    with pytest.raises(datapkg.DownloadError, match="version='latest' needs the release index"):
        datapkg.load("actors", version="latest")


def test_duckdb_has_every_table_as_a_view() -> None:
    connection = datapkg.duckdb()
    for name in datapkg.resources():
        (count,) = connection.sql(f'SELECT count(*) FROM "{name}"').fetchall()[0]
        assert count == len(datapkg.load(name))
    joined = connection.sql(
        "SELECT a.name_en, count(*) FROM troop_figures t JOIN actors a ON a.id = t.force GROUP BY 1 ORDER BY 1"
    ).fetchall()
    forces = datapkg.load("troop_figures")["force"].map(datapkg.load("actors").set_index("id")["name_en"])
    assert dict(joined) == forces.astype(str).value_counts().to_dict()
