"""``datapkg release``: the downloadable bundle of the current version.

What it writes:

- ``OUT/<version>/``: the descriptor, every Parquet and CSV file, ``SHA256SUMS``
  and one zip of them all (``rus-prk-military-cooperation-<version>.zip``).
  Serving ``OUT`` over HTTP makes it a base URL for ``datapkg.load(..., version=...)``.
  The zip is byte-identical for identical files (fixed timestamps and order).
- ``OUT/index.json``: the release index, every release's files with their SHA-256 and
  the latest release, merged with the index already in ``OUT``. A package of an older
  version reads it to load newer releases (``load(version="latest")``) and verifies their
  files against it.
- ``build/releases/<version>.sha256`` in the checkout: the bundle's SHA256SUMS.
  Committing it is what marks the version as released: later builds ship its
  sums so every later version can verify this one, and refuse to change its data.

Only a final version with its own changelog section is released; the command
refuses a development version (``0.2.0.dev0``) and says what to do.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from datapkg.compiler.layout import Layout
from datapkg.compiler.outputs.release_registry import is_final, release_dir, sha256sums, version_key
from datapkg.compiler.stages.stage import Compiled
from datapkg.compiler.stages.write import differences

DIST = "rus-prk-military-cooperation"
_EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_bytes(files: dict[str, bytes], folder: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in sorted(files.items()):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


class StaleOutputs(Exception):
    pass


class NotReleasable(Exception):
    """The version cannot be released as it stands; the message says what to change."""


def releasable(layout: Layout, version: str) -> None:
    """A final version whose changelog section is written; raises NotReleasable otherwise."""
    if not is_final(version):
        raise NotReleasable(
            f"version {version} is a development version; to release, set the final version in "
            "pyproject.toml and CITATION.cff, rename the changelog's `## Unreleased` to "
            "`## <version>`, run `datapkg build`, then `datapkg release`"
        )
    changelog = layout.root / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8") if changelog.is_file() else ""
    if f"\n## {version}\n" not in text:
        raise NotReleasable(f"CHANGELOG.md has no section `## {version}`; write it before releasing")
    if "\n## Unreleased" in text:
        raise NotReleasable("CHANGELOG.md still has a `## Unreleased` section; fold it into the release's")


def write_index(out: Path, version: str, digests: dict[str, str]) -> Path:
    """Add a release to ``out/index.json`` (created when missing) and name the latest."""
    path = out / "index.json"
    index: dict[str, Any] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    releases: dict[str, dict[str, str]] = dict(index.get("releases", {}))
    releases[version] = dict(sorted(digests.items()))
    ordered = sorted(releases, key=version_key)
    finals = [v for v in ordered if is_final(v)]
    content = {"latest": (finals or ordered)[-1], "releases": {v: releases[v] for v in ordered}}
    path.write_text(json.dumps(content, indent=2) + "\n", encoding="utf-8")
    return path


def write_release(layout: Layout, compiled: Compiled, out: Path, *, record: bool = True) -> list[Path]:
    """Write the bundle and (with ``record``) the release record; returns every path written.
    Refuses when the committed outputs are not a fresh build."""
    stale = differences(layout, compiled)
    if stale:
        raise StaleOutputs("; ".join(stale) + "; run `datapkg build` first")
    target = out / compiled.version
    target.mkdir(parents=True, exist_ok=True)
    digests = {name: compiled.digests[path] for name, path in compiled.release_names.items()}
    sums = sha256sums(digests)
    folder = f"{DIST}-{compiled.version}"
    bundle = {name: compiled.read(path) for name, path in compiled.release_names.items()}
    bundle["SHA256SUMS"] = sums.encode("utf-8")
    bundle[f"{folder}.zip"] = zip_bytes(bundle, folder)
    written = []
    for name, data in sorted(bundle.items()):
        (target / name).write_bytes(data)
        written.append(target / name)
    written.append(write_index(out, compiled.version, digests))
    if record:
        # The build already refused the data of a recorded version changing, so an existing
        # record holds these very sums.
        path = release_dir(layout) / f"{compiled.version}.sha256"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sums, encoding="utf-8")
        written.append(path)
    return written
