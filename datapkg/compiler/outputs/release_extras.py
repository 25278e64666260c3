"""What a release bundle holds beside the built files: the diff against the previous release,
the dataset card, the figure the card shows, and the wheel users install.

- ``diff.json``: :func:`datapkg.changes.compare` from the previous release, as archived in
  the checkout (``build/releases/<version>/``), to this one; the first release is compared
  with nothing, so every row is added.
- ``README.md``: the dataset card (:mod:`datapkg.compiler.outputs.dataset_card`).
- ``timeline.svg`` and ``timeline.png``: the figure of ``docs/``, which the card shows.
- the wheel, built from the checkout with a fixed timestamp (``SOURCE_DATE_EPOCH``), so the
  same checkout gives the same bytes. Its data files must be the bundle's, byte for byte:
  a wheel built from another state of the checkout is refused.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from datapkg._release_shapes import BUNDLE_ONLY
from datapkg.changes import Side, compare, retired
from datapkg.compiler.layout import Layout
from datapkg.compiler.outputs.dataset_card import FIGURES, card_text
from datapkg.compiler.outputs.release_registry import released_versions
from datapkg.compiler.outputs.staged import Compiled
from datapkg.versions_on_hand import archived_side, previous_release

WHEEL_EPOCH = "315532800"  # 1980-01-01, the earliest time a zip can hold


class ReleaseExtraError(Exception):
    """A file the bundle needs beside the built ones cannot be made; the message says why."""


def _current_side(compiled: Compiled, descriptor: dict[str, Any]) -> Side:
    return Side(f"release {compiled.version}", descriptor, lambda name: compiled.tables[name])  # type: ignore[index]


def diff_bytes(layout: Layout, compiled: Compiled, descriptor: dict[str, Any]) -> bytes:
    before = previous_release(compiled.version, released_versions(layout))
    if before is None:
        old = Side("nothing (first release)", {"version": "none", "resources": []}, lambda name: None)
    else:
        old = archived_side(layout.root, before)
    diff = compare(old, _current_side(compiled, descriptor), record=retired(old.descriptor, descriptor))
    return (json.dumps(diff, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _code_root(layout: Layout) -> Path:
    """The checkout released: its code goes into the wheel, its README into the card."""
    if (layout.root / "pyproject.toml").is_file() and (layout.root / "datapkg" / "__init__.py").is_file():
        return layout.root
    raise ReleaseExtraError(f"{layout.root}: no pyproject.toml and datapkg/ to build the wheel from")


def wheel_file(layout: Layout, data: dict[str, bytes]) -> tuple[str, bytes]:
    """The wheel's name and bytes; refused when its data files differ from ``data``."""
    root = _code_root(layout)
    env = {**os.environ, "SOURCE_DATE_EPOCH": WHEEL_EPOCH}
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", out]
        done = subprocess.run([*command, str(root)], capture_output=True, text=True, env=env)
        built = sorted(Path(out).glob("*.whl"))
        if done.returncode != 0 or len(built) != 1:
            raise ReleaseExtraError(f"building the wheel from {root} failed: {done.stderr.strip()[-500:]}")
        wheel = built[0]
        with zipfile.ZipFile(wheel) as archive:
            inside = {n.removeprefix("datapkg/data/"): n for n in archive.namelist()}
            differ = sorted(n for n in data if n not in inside or archive.read(inside[n]) != data[n])
        if differ:
            raise ReleaseExtraError(
                f"the wheel built from {root} holds other data than this release ({', '.join(differ)}); "
                "build and release from one checkout"
            )
        return wheel.name, wheel.read_bytes()


def extras(layout: Layout, compiled: Compiled, data: dict[str, bytes]) -> dict[str, bytes]:
    """Every bundle file beside the built ones, by name."""
    descriptor = json.loads(data["datapackage.json"])
    wheel_name, wheel = wheel_file(layout, data)
    rows: dict[str, int] = {name: table.num_rows for name, table in compiled.tables.items()}
    languages = {str(v) for v in compiled.tables["sources"].column("language").to_pylist()}
    root = _code_root(layout)  # the card and its figure come with the code, as the wheel does
    readme = (root / "README.md").read_text(encoding="utf-8")
    found = {
        "README.md": card_text(readme, descriptor, rows, wheel_name, languages).encode("utf-8"),
        "diff.json": diff_bytes(layout, compiled, descriptor),
        wheel_name: wheel,
    }
    assert set(FIGURES) <= set(BUNDLE_ONLY)
    for name in FIGURES:
        figure = root / "docs" / name
        if not figure.is_file():
            raise ReleaseExtraError(f"{figure}: missing; `python3 tasks.py build` draws it")
        found[name] = figure.read_bytes()
    return found
