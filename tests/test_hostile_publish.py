"""Output folders and release indexes are untrusted: `datapkg export`, `serve` and `release`
never write through a link, never replace a file they did not write, stop the server they
start, and check an existing release index before writing anything. Every server here
listens on a free loopback port and is stopped by the test that starts it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import datapkg
from datapkg.export import ExportError, export, replace_bytes, replace_files

from .conftest import ROOT, copy_project

CSV_NAMES = [f"{name}.{fmt}" for name in datapkg.resources() for fmt in ("csv", "parquet")] + [
    "datapackage.json"
]


def datapkg_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "datapkg", *args],
        capture_output=True, text=True, check=False, timeout=300, env=env,
    )  # fmt: skip


def snapshot(folder: Path) -> dict[str, Any]:
    """Every entry under ``folder``: a link's target, a file's bytes, or a folder marker."""
    found: dict[str, Any] = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            found[key] = ("link", os.readlink(path))
        elif path.is_file():
            found[key] = path.read_bytes()
        else:
            found[key] = "folder"
    return found


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file outside every output folder that a link points at."""
    victim = tmp_path / "elsewhere" / "precious.txt"
    victim.parent.mkdir()
    victim.write_bytes(b"not to be overwritten\n")
    return victim


# --- export -----------------------------------------------------------------------------


def test_export_force_refuses_a_symlinked_file_and_leaves_its_target(tmp_path: Path, outside: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "actors.csv").symlink_to(outside)
    before = snapshot(tmp_path)
    result = datapkg_cli("export", "--format", "csv", "--out", str(out), "--force")
    assert result.returncode == 2
    assert (
        result.stderr
        == f"error: {out / 'actors.csv'} is a symbolic link; nothing is written through a link: remove it\n"
    )
    assert snapshot(tmp_path) == before


def test_export_refuses_a_dangling_link_without_creating_its_target(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "actors.parquet").symlink_to(tmp_path / "would-be-created.parquet")
    with pytest.raises(ExportError, match=r"actors\.parquet is a symbolic link"):
        export("csv", out, force=True)
    assert not (tmp_path / "would-be-created.parquet").exists()
    assert sorted(p.name for p in out.iterdir()) == ["actors.parquet"]


def test_export_refuses_a_symlinked_output_folder(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "out").symlink_to(real)
    result = datapkg_cli("export", "--format", "json", "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr == (
        f"error: {tmp_path / 'out'} is a symbolic link; expected a folder (give the folder it points to)\n"
    )
    assert list(real.iterdir()) == []


def test_export_refuses_a_folder_where_one_of_its_files_belongs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "datapackage.json").mkdir(parents=True)
    with pytest.raises(ExportError, match=r"datapackage\.json is not a regular file; remove it"):
        export("parquet", out, force=True)
    assert snapshot(out) == {"datapackage.json": "folder"}


def test_export_under_a_file_names_the_path(tmp_path: Path) -> None:
    (tmp_path / "plain").write_bytes(b"x")
    result = datapkg_cli("export", "--format", "csv", "--out", str(tmp_path / "plain" / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: {tmp_path / 'plain' / 'out'}: ")
    assert (tmp_path / "plain").read_bytes() == b"x"


def test_export_force_replaces_only_its_own_files(tmp_path: Path, outside: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_bytes(b"mine\n")
    (out / "actors.csv").write_bytes(b"old export\n")
    (out / "elsewhere.link").symlink_to(outside)
    written = export("csv", out, force=True)
    assert [p.name for p in written] == CSV_NAMES
    assert sorted(p.name for p in out.iterdir()) == sorted([*CSV_NAMES, "notes.txt", "elsewhere.link"])
    assert (out / "notes.txt").read_bytes() == b"mine\n"
    assert os.readlink(out / "elsewhere.link") == str(outside)
    assert outside.read_bytes() == b"not to be overwritten\n"
    assert (out / "actors.csv").read_bytes() == datapkg.path("actors", format="csv").read_bytes()
    umask = os.umask(0o022)
    os.umask(umask)
    assert {(out / n).stat().st_mode & 0o777 for n in CSV_NAMES} == {0o666 & ~umask}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    hostile=st.dictionaries(
        st.sampled_from(CSV_NAMES), st.sampled_from(["link", "dangling", "folder", "fifo"]), min_size=1
    )
)
def test_export_refuses_any_hostile_entry_and_changes_nothing(tmp_path_factory: pytest.TempPathFactory,
                                                              hostile: dict[str, str]) -> None:  # fmt: skip
    root = tmp_path_factory.mktemp("hostile")
    victim = root / "victim.txt"
    victim.write_bytes(b"keep\n")
    out = root / "out"
    out.mkdir()
    for name, kind in hostile.items():
        if kind == "folder":
            (out / name).mkdir()
        elif kind == "fifo":
            os.mkfifo(out / name)
        else:
            (out / name).symlink_to(victim if kind == "link" else root / "missing")
    before = snapshot(root)
    with pytest.raises(ExportError, match=r"is (a symbolic link|not a regular file)"):
        export("csv", out, force=True)
    assert snapshot(root) == before


def test_export_force_replaces_a_hard_link_without_changing_the_other_name(
    tmp_path: Path, outside: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    os.link(outside, out / "sources.csv")
    export("csv", out, force=True)
    assert outside.read_bytes() == b"not to be overwritten\n"
    assert (out / "sources.csv").read_bytes() == datapkg.path("sources", format="csv").read_bytes()


def test_a_failure_midway_leaves_every_file_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"old a\n")

    def fail(path: Path) -> None:
        raise OSError(28, "No space left on device", str(path))

    with pytest.raises(OSError, match="No space left"):
        replace_files(tmp_path, {"a.txt": lambda p: p.write_bytes(b"new a\n"), "b.txt": fail})
    assert snapshot(tmp_path) == {"a.txt": b"old a\n"}
    replace_bytes(tmp_path, {"a.txt": b"new a\n"})
    assert snapshot(tmp_path) == {"a.txt": b"new a\n"}


# --- serve: its folder ---------------------------------------------------------------


def test_serve_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    from datapkg.explore import prepare

    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "metadata.json").write_bytes(b"someone else's\n")
    with pytest.raises(ExportError) as caught:
        prepare(folder)
    assert str(caught.value) == (
        f"{folder} holds files datapkg serve did not write (metadata.json); give an empty or new folder"
    )
    assert snapshot(folder) == {"metadata.json": b"someone else's\n"}


def test_serve_refuses_a_file_added_to_its_own_folder(tmp_path: Path) -> None:
    from datapkg.explore import DATABASE, MARKER, prepare

    folder = tmp_path / "dir"
    prepare(folder)
    first = snapshot(folder)
    assert sorted(first) == sorted([MARKER, f"{DATABASE}.db", "metadata.json", "static",
                                    "static/timeline.svg"])  # fmt: skip
    prepare(folder)  # an earlier serve's folder is served again
    assert snapshot(folder) == first
    (folder / "static" / "extra.css").write_bytes(b"body {}\n")
    with pytest.raises(ExportError, match=r"holds files datapkg serve did not write \(static/extra\.css\)"):
        prepare(folder)
    assert snapshot(folder) == {**first, "static/extra.css": b"body {}\n"}


@pytest.mark.parametrize("link", ["metadata.json", "static"])
def test_serve_never_writes_through_a_link_in_its_folder(tmp_path: Path, outside: Path, link: str) -> None:
    from datapkg.explore import prepare

    folder = tmp_path / "dir"
    prepare(folder)
    target = outside if link == "metadata.json" else outside.parent
    shutil_rmtree_or_unlink(folder / link)
    (folder / link).symlink_to(target)
    before = snapshot(tmp_path)
    with pytest.raises(ExportError, match=rf"{link} is a symbolic link"):
        prepare(folder)
    assert snapshot(tmp_path) == before


def shutil_rmtree_or_unlink(path: Path) -> None:
    import shutil

    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()


@pytest.mark.parametrize("kind", ["link", "file"])
def test_serve_refuses_a_dir_that_is_a_link_or_a_file(tmp_path: Path, kind: str) -> None:
    from datapkg.explore import prepare

    folder = tmp_path / "dir"
    if kind == "link":
        (tmp_path / "real").mkdir()
        folder.symlink_to(tmp_path / "real")
    else:
        folder.write_bytes(b"x")
    before = snapshot(tmp_path)
    expected = "is a symbolic link; expected a folder" if kind == "link" else "is a file; expected a folder"
    with pytest.raises(ExportError, match=f"^{folder} {expected}"):
        prepare(folder)
    assert snapshot(tmp_path) == before


def test_serve_cli_names_a_foreign_dir_and_starts_nothing(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_bytes(b"mine\n")
    port = free_port()
    result = datapkg_cli("serve", "--dir", str(tmp_path), "--port", str(port))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        f"error: {tmp_path} holds files datapkg serve did not write (notes.txt); give an empty or new folder\n"
    )
    assert snapshot(tmp_path) == {"notes.txt": b"mine\n"}


# --- serve: the port and the child ---------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_serve_names_a_port_in_use_before_announcing(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = datapkg_cli("serve", "--port", str(port), "--dir", str(tmp_path / "dir"))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"error: cannot serve on 127.0.0.1:{port}: Address already in use\n"
    assert not (tmp_path / "dir").exists()


@pytest.mark.parametrize("port", ["0", "65536", "-5"])
def test_serve_refuses_a_port_out_of_range(port: str) -> None:
    result = datapkg_cli("serve", "--port", port)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"error: cannot serve on 127.0.0.1:{port}: a port is a number from 1 to 65535\n"


class Served:
    """`datapkg serve` in a process of its own, its output in a file, its temporary folder in ``tmp``."""

    def __init__(self, tmp: Path, *args: str) -> None:
        self.tmp, self.port, self.log = tmp, free_port(), tmp / "serve.log"
        env = {**os.environ, "TMPDIR": str(tmp)}
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "datapkg", "serve", "--port", str(self.port), *args],
                stdout=log, stderr=subprocess.STDOUT, env=env,
            )  # fmt: skip

    def wait_until_up(self) -> int:
        """The Datasette child's process id, once serve has announced the server."""
        for _ in range(600):
            if "serving on" in self.text() or self.process.poll() is not None:
                break
            time.sleep(0.1)
        assert f"serving on http://127.0.0.1:{self.port}/" in self.text(), self.text()
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        assert len(children) == 1
        return int(children[0])

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def get(self, path: str) -> int:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=30) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code

    def stop(self) -> None:
        for pid in children_of(self.process.pid):
            os.kill(pid, signal.SIGKILL)
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)


def children_of(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    running = Served(tmp_path)
    try:
        yield running
    finally:
        running.stop()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the child through /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=lambda s: s.name)
def test_a_stop_signal_ends_the_child_and_removes_the_folder(served: Served, signum: signal.Signals) -> None:
    child = served.wait_until_up()
    assert [p.name for p in served.tmp.iterdir() if p.name.startswith("datapkg-serve-")]
    served.process.send_signal(signum)
    assert served.process.wait(timeout=60) == 0
    assert not alive(child)
    assert [p.name for p in served.tmp.iterdir()] == ["serve.log"]
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", served.port), timeout=2).close()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the child through /proc")
def test_each_failed_query_is_one_line_of_log(served: Served) -> None:
    served.wait_until_up()
    database = "/rus-prk-military-cooperation"
    failing = [
        f"{database}?sql=select+1%2F", f"{database}.json?sql=select+*+from+nowhere", f"{database}/actors?_sort=nope",
        f"{database}/actors?_where=1%2F", f"{database}/actors.json?_where=nope%3D1", f"{database}/nowhere",
        f"{database}/actors?_facet=nope",
    ]  # fmt: skip
    before = served.text().splitlines()
    statuses = [served.get(path) for path in failing]
    assert all(status >= 400 for status in statuses), statuses
    served.process.send_signal(signal.SIGTERM)
    served.process.wait(timeout=60)
    during = served.text().splitlines()[len(before) :]
    requests = [line for line in during if '"GET ' in line]
    assert [line.split('"GET ', 1)[1].split(" ", 1)[0] for line in requests] == failing
    assert [line for line in during if '"GET ' not in line] == [
        "INFO:     Shutting down", "INFO:     Waiting for application shutdown.",
        "INFO:     Application shutdown complete.", f"INFO:     Finished server process [{line_pid(before)}]",
    ]  # fmt: skip


def line_pid(lines: list[str]) -> str:
    started = next(line for line in lines if "Started server process" in line)
    return started.rsplit("[", 1)[1].rstrip("]")


# --- release ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A copy of the project, freshly built so its outputs are releasable, and its build."""
    from datapkg.cli import main
    from datapkg.compiler.pipeline import compile_package

    layout = copy_project(tmp_path_factory.mktemp("project"), code=True)
    assert main(["build", "--root", str(layout.root)]) == 0
    return layout, compile_package(layout)


def recorded(layout: Any) -> dict[str, dict[str, str]]:
    from datapkg.compiler.outputs.release_registry import recorded_sums

    return recorded_sums(layout)


def release_into(project: Any, out: Path) -> list[Path]:
    from datapkg.compiler.outputs.bundle import write_release

    layout, compiled = project
    return write_release(layout, compiled, out, record=False)


def refused(project: Any, out: Path) -> list[str]:
    """The problems a release into ``out`` reports; asserts that it wrote nothing."""
    from datapkg.compiler.problems import InputError

    before = snapshot(out)
    with pytest.raises(InputError) as caught:
        release_into(project, out)
    assert snapshot(out) == before
    return [str(problem) for problem in caught.value.problems]


def index_at(tmp_path: Path, text: str) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.json").write_text(text, encoding="utf-8")
    return out


def test_a_release_keeps_the_recorded_releases_of_a_good_index(project: Any, tmp_path: Path) -> None:
    layout, compiled = project
    past = recorded(layout)
    out = index_at(tmp_path, json.dumps({"latest": "0.2.0", "releases": past}))
    release_into(project, out)
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert list(index["releases"]) == [*past, compiled.version]
    assert {v: index["releases"][v] for v in past} == past
    assert sorted(p.name for p in out.iterdir()) == sorted(["index.json", compiled.version])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"releases": {', ":1: not JSON: Expecting property name enclosed in double quotes"),
        ("[]", ": not a release index: expected an object with a 'releases' object"),
        ('{"releases": []}', ": not a release index: expected an object with a 'releases' object"),
        ('{"releases": {"0.1.0": "abc"}}', ": release '0.1.0': expected an object of file names and their SHA-256"),
        ('{"releases": {"0.1.0": {"actors.csv": 5}}}', ": release '0.1.0': file 'actors.csv': expected 64 lowercase hex digits"),
        ('{"releases": {"0.1.0": {"actors.csv": "' + "A" * 64 + '"}}}', ": release '0.1.0': file 'actors.csv': expected 64 lowercase hex digits"),
        ('{"releases": {"0.1.0": {"../actors.csv": "' + "a" * 64 + '"}}}', ": release '0.1.0': file name '../actors.csv' is not a plain file name"),
        ('{"releases": {"latest": {}}}', ": release 'latest': expected a version such as 0.2.0"),
        ('{"releases": {}, "latest": "0.9.0"}', ": 'latest' is '0.9.0'; expected one of the releases"),
        ('{"releases": {}, "owner": "x"}', ": unexpected key 'owner'"),
        ('{"releases": {}, "releases": {}}', ": not a release index: an object names 'releases' twice"),
        ("[" * 100_000, ": not a release index: nested too deeply"),
        ('{"a":' * 100_000, ": not a release index: nested too deeply"),
        ("\ufeff{}", ":1: not JSON: Unexpected UTF-8 BOM (decode using utf-8-sig)"),
        ('{"releases": {}, "n": ' + "9" * 5000 + "}", ": not JSON: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"),
    ],
    ids=["truncated", "list", "releases list", "sums a string", "sum a number", "sum upper case", "path in a name",
         "version not a version", "latest unknown", "unknown key", "key twice", "deep", "deep objects", "BOM",
         "huge number"],
)  # fmt: skip
def test_a_malformed_index_is_named_and_nothing_written(
    project: Any, tmp_path: Path, text: str, problem: str
) -> None:
    out = index_at(tmp_path, text)
    assert refused(project, out) == [f"{out / 'index.json'}{problem}"]


def test_an_index_naming_a_version_twice_with_different_sums_is_refused(project: Any, tmp_path: Path) -> None:
    layout, _ = project
    sums = recorded(layout)["0.1.0"]
    other = {name: "0" * 64 for name in sums}
    text = f'{{"releases": {{"0.1.0": {json.dumps(sums)}, "0.1.0": {json.dumps(other)}}}}}'
    out = index_at(tmp_path, text)
    assert refused(project, out) == [
        f"{out / 'index.json'}: not a release index: an object names '0.1.0' twice"
    ]


def test_an_index_contradicting_a_recorded_release_is_refused(project: Any, tmp_path: Path) -> None:
    layout, compiled = project
    past = recorded(layout)
    past["0.2.0"] = {**past["0.2.0"], "actors.csv": "1" * 64}
    current = {name: "2" * 64 for name in compiled.release_names}
    out = index_at(tmp_path, json.dumps({"releases": {**past, compiled.version: current, "0.0.9": current}}))
    shown = out / "index.json"
    assert refused(project, out) == sorted([
        f"{shown}: release '0.0.9': not a version this checkout records (build/releases/0.0.9.sha256); "
        "remove it from the index",
        f"{shown}: release '0.2.0': files actors.csv differ from the sums this checkout records for it",
        f"{shown}: release '{compiled.version}': files {', '.join(sorted(current))} differ from the sums "
        "this checkout records for it",
    ])  # fmt: skip


def test_an_index_that_is_a_link_or_a_folder_is_refused(project: Any, tmp_path: Path, outside: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.json").symlink_to(outside)
    assert refused(project, out) == [
        f"{out / 'index.json'}: expected a regular file (not a link or a folder)"
    ]
    (out / "index.json").unlink()
    (out / "index.json").mkdir()
    assert refused(project, out) == [
        f"{out / 'index.json'}: expected a regular file (not a link or a folder)"
    ]
    assert outside.read_bytes() == b"not to be overwritten\n"


@pytest.mark.parametrize("link", ["SHA256SUMS", "folder"])
def test_release_never_writes_through_a_link(project: Any, tmp_path: Path, outside: Path, link: str) -> None:
    _, compiled = project
    out = tmp_path / "out"
    out.mkdir()
    if link == "folder":
        (out / compiled.version).symlink_to(outside.parent)
    else:
        (out / compiled.version).mkdir()
        (out / compiled.version / link).symlink_to(outside)
    before = snapshot(tmp_path)
    with pytest.raises(ExportError, match="is a symbolic link"):
        release_into(project, out)
    assert snapshot(tmp_path) == before


def test_release_cli_refuses_a_corrupt_index_and_writes_nothing(tmp_path: Path) -> None:
    layout = copy_project(tmp_path / "project", code=True)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (layout.root / "pyproject.toml").write_text(
        pyproject.replace(f'version = "{datapkg.__version__}"', 'version = "9.0.0"'), encoding="utf-8"
    )
    (layout.root / "CHANGELOG.md").write_text("# Changelog\n\n## 9.0.0\n\nNew data.\n", encoding="utf-8")
    assert datapkg_cli("build", "--root", str(layout.root)).returncode == 0
    out = index_at(tmp_path, '{"releases": {"0.1.0": "abc"}}')
    before = snapshot(tmp_path)
    result = datapkg_cli("release", "--out", str(out), "--root", str(layout.root))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        f"error: {out / 'index.json'}: release '0.1.0': expected an object of file names and their SHA-256\n"
        "release refused: nothing was written\n"
    )
    assert snapshot(tmp_path) == before


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.just("0.1.0") | st.just("a" * 64),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["releases", "latest", "0.1.0", "0.2.0", "actors.csv", "x"]), inner, max_size=3
    ),
    max_leaves=12,
)  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=json_values)
def test_any_json_is_either_a_checked_index_or_named_problems(
    tmp_path_factory: pytest.TempPathFactory, value: Any
) -> None:
    from datapkg.compiler.outputs.bundle import read_index
    from datapkg.compiler.problems import InputError

    out = tmp_path_factory.mktemp("index")
    (out / "index.json").write_text(json.dumps(value), encoding="utf-8")
    try:
        releases = read_index(out)
    except InputError as error:
        assert error.problems and all(str(p).startswith(f"{out / 'index.json'}") for p in error.problems)
        return
    assert isinstance(value, dict) and releases == value["releases"]
    for files in releases.values():
        assert files and all(isinstance(d, str) and len(d) == 64 for d in files.values())


def test_a_command_reading_a_changed_installed_file_names_each_problem(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The loader refuses a value its file's own metadata does not allow; a command that loads
    tables (export, serve) reports that as problems, not as a crash."""
    from datapkg import cli
    from datapkg import export as export_module

    def refuse(*args: object, **kwargs: object) -> list[Path]:
        raise datapkg.ValidationError(["troop_figures.parquet: column 'claim_status' holds 'rumoured'"])

    monkeypatch.setattr(export_module, "export", refuse)
    assert cli.main(["export", "--format", "json", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err == "error: troop_figures.parquet: column 'claim_status' holds 'rumoured'\n"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("host", ["a..b", "x" * 300, "bad\u2028host"])
def test_serve_names_a_host_that_is_no_name(host: str, tmp_path: Path) -> None:
    from datapkg.explore import ServeError, check_port

    with pytest.raises(ServeError, match=r"^cannot serve on .*:8001: not a host name or address"):
        check_port(host, 8001)
