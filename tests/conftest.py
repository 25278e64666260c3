from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from hypothesis import settings

from datapkg.compiler.layout import Layout
from datapkg.compiler.pipeline import Compiled, compile_package

# Timing is not what the property tests check; a loaded CI machine must not make them flaky.
settings.register_profile("datapkg", deadline=None)
settings.load_profile("datapkg")

ROOT = Path(__file__).resolve().parents[1]

# The longest tests start first, so that the others fill the time beside them when the suite
# runs in parallel (pytest-xdist hands tests out in this order).
LONGEST = ("tests/test_third_source.py::",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: not item.nodeid.startswith(LONGEST))


@pytest.fixture(scope="session")
def layout() -> Layout:
    return Layout(ROOT)


@pytest.fixture(scope="session")
def compiled(layout: Layout) -> Compiled:
    """A fresh build of the real inputs, in memory."""
    return compile_package(layout)


@pytest.fixture(scope="session")
def source_texts(layout: Layout) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in layout.sources_dir.glob("*.txt")}


def copy_project(target: Path, *, code: bool = False) -> Layout:
    """The real inputs and committed outputs copied to another project root; with ``code``, the
    package's code, README, licences and figure too, as a release builds its wheel from them."""
    # A build of this session may be staging its files beside the outputs: not part of the project.
    # The timeline's images are drawn after a build, never read by one.
    skip = shutil.ignore_patterns(".staging-*", "timeline.*", "__pycache__")
    for name in ("build", "schemas", "datapkg/data", "docs"):
        shutil.copytree(ROOT / name, target / name, ignore=skip)
    for name in ("pyproject.toml", "datapackage.json", "croissant.json"):
        shutil.copy2(ROOT / name, target / name)
    if code:
        shutil.copytree(ROOT / "datapkg", target / "datapkg", ignore=skip, dirs_exist_ok=True)
        for name in ("README.md", "LICENSE", "LICENSE-DATA.md", "docs/timeline.svg", "docs/timeline.png"):
            shutil.copy2(ROOT / name, target / name)
    return Layout(target)


def edit(relative: str, old: str, new: str, count: int = 1) -> Callable[[Layout], None]:
    """An edit of one file of a project copy: ``old`` (which must be there) replaced by ``new``."""

    def apply(layout: Layout) -> None:
        path = layout.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"test setup: {old!r} not in {relative}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return apply


def output_digests(layout: Layout) -> dict[str, str]:
    """The SHA-256 of every output a build writes, by name: equal before and after a build
    that failed means it changed nothing."""
    import hashlib

    files = [
        *layout.data_dir.iterdir(),
        layout.root_descriptor,
        layout.root_croissant,
        layout.root / "docs" / "data-dictionary.md",
    ]
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files if p.is_file()}


@pytest.fixture(scope="session")
def release_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of releases holding a bundle of the current version, released from a copy of
    the project (tests may add releases beside it, never change it)."""
    from datapkg.compiler.outputs.bundle import write_release

    layout = copy_project(tmp_path_factory.mktemp("project"), code=True)
    out = tmp_path_factory.mktemp("releases")
    write_release(layout, compile_package(layout), out)
    return out


@pytest.fixture
def project_copy(tmp_path: Path) -> Layout:
    return copy_project(tmp_path)


def reseal(descriptor_path: Path, name: str) -> None:
    """Record a resource's CSV's current size and hash in the descriptor, as a careless tool
    would after editing it: only a content check can then tell."""
    import hashlib
    import json

    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    data = (descriptor_path.parent / f"{name}.csv").read_bytes()
    for resource in descriptor["resources"]:
        if resource["name"] == name:
            resource["bytes"], resource["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    descriptor_path.write_text(json.dumps(descriptor), encoding="utf-8")


def _set_environment(values: Mapping[str, str | None]) -> None:
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@contextlib.contextmanager
def _environment(changes: Mapping[str, str | None]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in changes}
    try:
        _set_environment(changes)
        yield
    finally:
        _set_environment(saved)


def run_datapkg(
    *args: str,
    cwd: Path | None = None,
    env: Mapping[str, str | None] | None = None,
    stdin: bytes = b"",
) -> subprocess.CompletedProcess[str]:
    """``datapkg ARGS`` as ``python -m datapkg`` runs it (``cli.run``), in this process, with
    its exit status and output captured: a tenth of the cost of a new interpreter. ``env``
    changes variables for the call (None removes one). Tests of the process itself (signals,
    closed pipes, what an install imports, another checkout's code) start a real one."""
    from datapkg import cli

    out, err = io.StringIO(), io.StringIO()
    source = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    with (
        contextlib.chdir(cwd or Path.cwd()),
        _environment(env or {}),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        _stdin(source),
    ):
        try:
            status = cli.run(list(args))
        except SystemExit as stop:  # argparse's usage errors and --help
            status = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
    return subprocess.CompletedProcess(["datapkg", *args], status, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _stdin(source: io.TextIOWrapper) -> Iterator[None]:
    saved, sys.stdin = sys.stdin, source
    try:
        yield
    finally:
        sys.stdin = saved
