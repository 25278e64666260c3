"""``datapkg release``: the downloadable bundle of the current version.

What it writes:

- ``OUT/<version>/``: the descriptor, every Parquet and CSV file, ``SHA256SUMS``
  and one zip of them all (``rus-prk-military-cooperation-<version>.zip``).
  Serving ``OUT`` over HTTP makes it a base URL for ``datapkg.load(..., version=...)``.
  The zip is byte-identical for identical files (fixed timestamps and order).
- ``OUT/index.json``: the release index, every release's files with their SHA-256 and
  the latest release, merged with the index already in ``OUT``. A package of an older
  version reads it to load newer releases (``load(version="latest")``) and verifies their
  files against it. The index already there is untrusted: it is read and checked (JSON,
  its shape, versions, file names and sums, and agreement with the sums this checkout
  records for each version) before anything is written, and any problem refuses the
  release with the file and the entry named.
- ``build/releases/<version>.sha256`` in the checkout: the bundle's SHA256SUMS.
  Committing it is what marks the version as released: later builds ship its
  sums so every later version can verify this one, and refuse to change its data.

Only a final version with its own changelog section is released; the command
refuses a development version (``0.2.0.dev0``) and says what to do. Every file is
written to a temporary beside it and renamed into place, never through a symbolic link.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

from datapkg._installed import DIST
from datapkg._release_shapes import bundle_only
from datapkg.compiler.layout import Layout
from datapkg.compiler.outputs.release_extras import extras
from datapkg.compiler.outputs.release_registry import (
    is_final,
    is_version,
    recorded_sums,
    release_dir,
    sha256sums,
    version_key,
)
from datapkg.compiler.outputs.staged import Compiled, differences
from datapkg.compiler.problems import InputError, Problem
from datapkg.export import check_folder, check_targets, replace_bytes

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


INDEX = "index.json"
_DIGEST = re.compile(r"[0-9a-f]{64}")
_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_MAX_INDEX_BYTES = 16 * 1024 * 1024


class _DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads keeps the last of two equal keys; an index naming a version twice is refused.
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(f"names {key!r} twice")
        seen[key] = value
    return seen


def _parse_index(path: Path) -> Any:
    """The JSON of an index file; raises InputError naming the file when it is not JSON."""
    shown = str(path)
    if path.is_symlink() or not path.is_file():
        raise InputError([Problem(shown, "expected a regular file (not a link or a folder)")])
    if path.stat().st_size > _MAX_INDEX_BYTES:
        raise InputError([Problem(shown, f"larger than {_MAX_INDEX_BYTES} bytes; not a release index")])
    try:
        return json.loads(path.read_bytes().decode("utf-8"), object_pairs_hook=_unique_keys)
    except UnicodeDecodeError as error:
        raise InputError([Problem(shown, f"not UTF-8 (byte {error.start})")]) from None
    except json.JSONDecodeError as error:
        raise InputError([Problem(f"{shown}:{error.lineno}", f"not JSON: {error.msg}")]) from None
    except _DuplicateKey as error:
        raise InputError([Problem(shown, f"not a release index: an object {error}")]) from None
    except ValueError as error:  # a number too long to convert, among others
        raise InputError([Problem(shown, f"not JSON: {error}")]) from None
    except RecursionError:
        raise InputError([Problem(shown, "not a release index: nested too deeply")]) from None


def _release_problems(shown: str, version: Any, files: Any) -> list[Problem]:
    where = f"release {version!r}"
    if not isinstance(version, str) or not is_version(version):
        return [Problem(shown, f"{where}: expected a version such as 0.2.0")]
    if not isinstance(files, dict) or not files:
        return [Problem(shown, f"{where}: expected an object of file names and their SHA-256")]
    problems = []
    for name, digest in files.items():
        if not _FILE_NAME.fullmatch(name):
            problems.append(Problem(shown, f"{where}: file name {name!r} is not a plain file name"))
        if not isinstance(digest, str) or not _DIGEST.fullmatch(digest):
            problems.append(Problem(shown, f"{where}: file {name!r}: expected 64 lowercase hex digits"))
    return problems


def _shape_problems(shown: str, index: Any) -> list[Problem]:
    if not isinstance(index, dict) or not isinstance(index.get("releases"), dict):
        return [Problem(shown, "not a release index: expected an object with a 'releases' object")]
    problems = [Problem(shown, f"unexpected key {k!r}") for k in index if k not in ("latest", "releases")]
    for version, files in index["releases"].items():
        problems.extend(_release_problems(shown, version, files))
    latest = index.get("latest")
    if "latest" in index and (not isinstance(latest, str) or latest not in index["releases"]):
        problems.append(Problem(shown, f"'latest' is {latest!r}; expected one of the releases"))
    return problems


def _agreement_problems(
    shown: str,
    releases: dict[str, dict[str, str]],
    recorded: dict[str, dict[str, str]],
    releasing: str | None,
) -> list[Problem]:
    problems = []
    for version, files in releases.items():
        known = recorded.get(version)
        if known is None:
            record = f"build/releases/{version}.sha256"
            problems.append(
                Problem(shown, f"release {version!r}: not a version this checkout records ({record}); "
                        "remove it from the index")
            )  # fmt: skip
        elif differ := sorted(
            # The version being released again is rewritten whole: only its built files must agree.
            n
            for n in set(files) | set(known)
            if files.get(n) != known.get(n) and not (version == releasing and bundle_only(n))
        ):
            problems.append(Problem(shown, f"release {version!r}: files {', '.join(differ)} differ from "
                                    "the sums this checkout records for it"))  # fmt: skip
    return problems


def read_index(
    out: Path, recorded: dict[str, dict[str, str]] | None = None, releasing: str | None = None
) -> dict[str, dict[str, str]]:
    """The releases of ``out/index.json`` (none when it is missing), checked: JSON, shape, versions,
    file names, sums and, with ``recorded``, agreement with them; raises InputError otherwise."""
    path = out / INDEX
    if not path.exists() and not path.is_symlink():
        return {}
    index = _parse_index(path)
    problems = _shape_problems(str(path), index)
    if not problems and recorded is not None:
        problems = _agreement_problems(str(path), index["releases"], recorded, releasing)
    if problems:
        raise InputError(problems)
    releases: dict[str, dict[str, str]] = index["releases"]
    return releases


def index_bytes(releases: dict[str, dict[str, str]]) -> bytes:
    ordered = sorted(releases, key=version_key)
    finals = [v for v in ordered if is_final(v)]
    content = {
        "latest": (finals or ordered)[-1],
        "releases": {v: dict(sorted(releases[v].items())) for v in ordered},
    }
    return (json.dumps(content, indent=2) + "\n").encode("utf-8")


def write_index(out: Path, version: str, digests: dict[str, str]) -> Path:
    """Add a release to ``out/index.json`` (created when missing) and name the latest."""
    releases = {**read_index(out), version: digests}
    return replace_bytes(out, {INDEX: index_bytes(releases)})[0]


def _archived(name: str) -> bool:
    """A file kept in the checkout's archive of the release: what a diff reads."""
    return name == "datapackage.json" or name.endswith(".parquet")


def _check_places(layout: Layout, out: Path, version: str, names: list[str]) -> None:
    """Every folder and file the release writes, refused before the first write when one is a link."""
    for folder, files in (
        (out, [INDEX]),
        (out / version, names),
        (release_dir(layout), [f"{version}.sha256"]),
        (release_dir(layout) / version, [n for n in names if _archived(n)]),
    ):
        check_folder(folder)
        if folder.is_dir():
            check_targets(folder, files)


def write_release(layout: Layout, compiled: Compiled, out: Path, *, record: bool = True) -> list[Path]:
    """Write the bundle and (with ``record``) the release record; returns every path written.
    Refuses when the committed outputs are not a fresh build, or when the index in ``out`` is
    broken or contradicts the sums this checkout records; then nothing is written."""
    stale = differences(layout, compiled)
    if stale:
        raise StaleOutputs("; ".join(stale) + "; run `datapkg build` first")
    version = compiled.version
    check_folder(out)
    built = {name: compiled.digests[path] for name, path in compiled.release_names.items()}
    releases = read_index(out, {**recorded_sums(layout), version: built}, version)
    folder = f"{DIST}-{version}"
    bundle = {name: compiled.read(path) for name, path in compiled.release_names.items()}
    bundle.update(extras(layout, compiled, bundle))
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in bundle.items()}
    sums = sha256sums(digests)
    bundle["SHA256SUMS"] = sums.encode("utf-8")
    bundle[f"{folder}.zip"] = zip_bytes(bundle, folder)
    bundle = dict(sorted(bundle.items()))
    _check_places(layout, out, version, list(bundle))
    (out / version).mkdir(parents=True, exist_ok=True)
    written = replace_bytes(out / version, bundle)
    written += replace_bytes(out, {INDEX: index_bytes({**releases, version: digests})})
    if record:
        # The build already refused the data of a recorded version changing, so an existing
        # record holds these very sums.
        release_dir(layout).mkdir(parents=True, exist_ok=True)
        archive = release_dir(layout) / version  # what the next release's diff starts from
        archive.mkdir(exist_ok=True)
        kept = {n: data for n, data in bundle.items() if _archived(n)}
        written += replace_bytes(archive, kept)
        written += replace_bytes(release_dir(layout), {f"{version}.sha256": sums.encode("utf-8")})
    return written
