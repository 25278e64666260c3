"""The versions of the package that ``datapkg diff`` can read, each as a :class:`~datapkg.changes.Side`.

A version is named by one of:

- ``installed``: the package this command runs from;
- ``checkout``: the built files of a project checkout (``datapkg/data``);
- a path: a folder holding ``datapackage.json`` (an unpacked release bundle, an export) or
  that file itself;
- a version number: the installed package when it is that version; else the copy of the
  release archived in a checkout (``build/releases/<version>/``, each file checked against
  the sums recorded beside it); else the release downloaded from a base URL and verified
  (:func:`datapkg.fetch`).

Every file is untrusted input: a descriptor that is no JSON object, a table missing from
its folder or an archived file whose SHA-256 differs from the record is refused by name.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from datapkg._input_files import read_input
from datapkg._installed import DATA
from datapkg._installed import version as installed_version
from datapkg._release_shapes import is_version, read_sha256sums, release_number
from datapkg.changes import Side

_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")
_TEXT_KEYS = ("resource", "id", "version", "reason", "replaced_by")


class VersionNotFound(Exception):
    """The name given reaches no version; the message says what was tried."""


def _read(path: Path) -> bytes:
    """A file's bytes: a regular file of bounded size (never a pipe, which could block)."""
    try:
        return read_input(path)
    except OSError as error:
        raise VersionNotFound(f"{path}: {error.strerror or error}") from None


def _key_fine(schema: Any) -> bool:
    key = schema.get("primaryKey", "id") if isinstance(schema, dict) else None
    keys = [key] if isinstance(key, str) else key
    return isinstance(keys, list) and bool(keys) and all(isinstance(k, str) for k in keys)


def _resource_problems(i: int, resource: Any, seen: set[str]) -> list[str]:
    """What the diff reads of a resource: a plain name, once, and a primary key of field names."""
    where = f"resources[{i}]"
    if not isinstance(resource, dict) or not isinstance(resource.get("name"), str):
        return [f"{where}: expected an object with a name"]
    name = resource["name"]
    found = [] if _NAME.fullmatch(name) else [f"{where}.name: {name!r} is no resource name"]
    found += [f"{where}.name: {name!r} is listed twice"] if name in seen else []
    seen.add(name)
    if not _key_fine(resource.get("schema", {})):
        found.append(f"{where}.schema.primaryKey: expected a field name or a list of them")
    return found


def _retired_problems(entries: Any) -> list[str]:
    if not isinstance(entries, list):
        return ["x-retired: expected a list"]
    return [
        f"x-retired[{i}]: expected an object with text resource, id, version, reason (and replaced_by)"
        for i, e in enumerate(entries)
        if not isinstance(e, dict) or not all(isinstance(e.get(k, ""), str) for k in _TEXT_KEYS)
        or not {"resource", "id"} <= set(e)
    ]  # fmt: skip


def _descriptor(path: Path) -> dict[str, Any]:
    """The descriptor at ``path``, refused with every problem of what a diff reads of it."""
    try:
        data = json.loads(_read(path))
    except (OSError, ValueError, RecursionError) as error:
        raise VersionNotFound(f"{path}: cannot read it as a data package descriptor ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("resources"), list):
        raise VersionNotFound(f"{path}: not a data package descriptor (no list of resources)")
    seen: set[str] = set()
    found = [p for i, r in enumerate(data["resources"]) for p in _resource_problems(i, r, seen)]
    found += _retired_problems(data.get("x-retired", []))
    if found:
        raise VersionNotFound(f"{path}: " + "; ".join(found))
    return data


def _table_file(resource: dict[str, Any]) -> str:
    parquet = resource.get("x-parquet")
    relative = parquet.get("path") if isinstance(parquet, dict) else None
    name = relative if isinstance(relative, str) else f"{resource['name']}.parquet"
    if "/" in name or "\\" in name or name.startswith("."):
        raise VersionNotFound(
            f"resource {resource['name']!r}: Parquet path {name!r} is not a plain file name"
        )
    return name


def _reader(descriptor: dict[str, Any], locate: Callable[[str], Path]) -> Callable[[str], Any]:
    from datapkg._parquet import read_parquet

    resources = {r.get("name"): r for r in descriptor["resources"] if isinstance(r, dict)}

    def read(name: str) -> Any:
        resource = resources[name]
        path = locate(_table_file(resource))
        table, _ = read_parquet(path)
        key = resource.get("schema", {}).get("primaryKey", "id")
        missing = [k for k in ([key] if isinstance(key, str) else key) if k not in table.column_names]
        if missing:
            raise VersionNotFound(
                f"{path}: no column {', '.join(missing)}, which its descriptor names as the primary key"
            )
        return table

    return read


def folder_side(folder: Path, label: str) -> Side:
    """The version whose descriptor and Parquet files lie in ``folder``."""
    descriptor = _descriptor(folder / "datapackage.json")

    def locate(name: str) -> Path:
        path = folder / name
        if not path.is_file():
            raise VersionNotFound(f"{path}: missing; {folder} holds no complete version of the tables")
        return path

    return Side(label, descriptor, _reader(descriptor, locate))


def _recorded(record: Path) -> dict[str, str]:
    sums, bad = read_sha256sums(_read(record).decode("utf-8", "replace"))
    if bad:
        raise VersionNotFound(f"{record}:{bad[0]}: expected '<64 hex digits>  <file name>'")
    return sums


def archived_side(checkout: Path, version: str) -> Side:
    """A release archived in a checkout, every file checked against its recorded SHA-256."""
    folder = checkout / "build" / "releases" / version
    sums = _recorded(checkout / "build" / "releases" / f"{version}.sha256")

    def locate(name: str) -> Path:
        path = folder / name
        if name not in sums:
            raise VersionNotFound(f"{path}: release {version} records no file {name!r}")
        if not path.is_file() or hashlib.sha256(_read(path)).hexdigest() != sums[name]:
            raise VersionNotFound(
                f"{path}: missing or not the file released as {version} (its SHA-256 differs from "
                f"build/releases/{version}.sha256)"
            )
        return path

    descriptor = _descriptor(locate("datapackage.json"))
    return Side(f"release {version}, archived in the checkout", descriptor, _reader(descriptor, locate))


def downloaded_side(version: str, base_url: str | None, cache: str | Path | None) -> Side:
    from datapkg.downloads import BASE_URL_ENV, DownloadError, fetch

    def locate(name: str) -> Path:
        try:
            return fetch(name, version, base_url=base_url, cache=cache)
        except DownloadError as error:
            if base_url or os.environ.get(BASE_URL_ENV):
                raise VersionNotFound(f"release {version}: {error}") from None
            raise VersionNotFound(
                f"release {version} is neither installed nor archived in a checkout here; give the address "
                f"its releases are served from (--base-url URL, or ${BASE_URL_ENV}), or compare unpacked "
                "release bundles by folder (every bundle also carries its diff.json against the release "
                "before)"
            ) from None

    descriptor = _descriptor(locate("datapackage.json"))
    return Side(f"release {version}, downloaded", descriptor, _reader(descriptor, locate))


def side(
    name: str, *, checkout: Path | None = None, base_url: str | None = None, cache: str | Path | None = None
) -> Side:
    """The version ``name`` reaches (see the module's docstring)."""
    if name == "installed" or name == installed_version():
        return folder_side(Path(str(DATA)), "installed")
    if name == "checkout":
        if checkout is None:
            raise VersionNotFound("no project checkout found here (a folder with build/records and schemas)")
        return folder_side(checkout / "datapkg" / "data", f"checkout {checkout}")
    path = Path(name)
    if path.exists():
        return folder_side(path.parent if path.is_file() else path, str(path))
    if not is_version(name):
        raise VersionNotFound(
            f"{name!r}: not a version (such as 0.2.0), 'installed', 'checkout' or an existing path"
        )
    if checkout is not None and (checkout / "build" / "releases" / name).is_dir():
        return archived_side(checkout, name)  # its files are checked against the record beside it
    return downloaded_side(name, base_url, cache)


def previous_release(version: str, releases: list[str]) -> str | None:
    """The newest final release before ``version`` (before 0.3.0 and 0.3.0.dev0 alike: 0.2.0)."""
    earlier = [
        r
        for r in releases
        if re.fullmatch(r"\d+\.\d+\.\d+", r) and release_number(r) < release_number(version)
    ]
    return max(earlier, key=release_number, default=None)
