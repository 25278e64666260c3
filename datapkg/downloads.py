"""Data files of other releases: downloaded once, verified, cached per user.

A file of release ``X.Y.Z`` is fetched from ``<base URL>/X.Y.Z/<file>``; the base
URL is an argument or the ``DATAPKG_BASE_URL`` environment variable. Its SHA-256
must equal the one recorded for that release, so a tampered or truncated download is
rejected and nothing is cached. The cache is pooch's per-user cache directory, or
``DATAPKG_CACHE``.

Where the sums come from, and so what the trust rests on:

- releases up to the installed one: ``data/releases.json`` inside the installed package;
- newer releases and ``version="latest"``: the release index ``<base URL>/index.json``
  that ``datapkg release`` publishes with every bundle (versions, the latest, and every
  file's SHA-256). It is cached, and used from the cache when the server cannot be
  reached. Its sums for releases the package knows must agree with the package's own.
  For newer releases the trust rests on the index as the base URL serves it: use an
  HTTPS base URL you trust.

Everything a server or a cache says is checked before it is used:

- a version is digits ``X.Y.Z`` with at most one suffix of lowercase letters and digits
  (``0.3.0``, ``0.3.0.dev0``, ``1.0.0rc1``); a file name is one plain name (letters,
  digits, ``.``, ``_``, ``-``; no separators, not starting with a dot); a sum is 64
  lowercase hex digits. An index is a JSON object whose ``releases`` maps versions to
  ``{file name: sum}`` and whose ``latest`` names one of them; anything else is refused
  with :class:`DownloadError` and never cached, and a cached index is checked again
  when it is read.
- every path written resolves (symbolic links followed) inside the cache directory.
- the copy installed with the package, used when the installed version is asked for and
  the server cannot be reached, must match the SHA-256 ``data/releases.json`` records for it.

Limits, so that a slow or endless server cannot hold a caller forever:

- **deadline**: each download and each index read must finish within
  :data:`DEFAULT_DEADLINE` seconds (120), or the ``deadline=`` argument of :func:`fetch`
  and :func:`release_index`, or the ``DATAPKG_DEADLINE`` environment variable (seconds).
  A single read waits at most :data:`READ_TIMEOUT` seconds (or the deadline, if shorter).
  Past the deadline the download stops with a :class:`DownloadError` naming the URL
  and the deadline, and nothing is cached.
- **size**: an index may hold at most :data:`MAX_INDEX_BYTES` (8 MiB, room for thousands
  of releases); a release file at most :data:`MAX_FILE_BYTES` (1 GiB, far above any file
  of this dataset), or ``DATAPKG_MAX_BYTES`` bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import threading
import warnings
from functools import cache
from pathlib import Path
from typing import Any

from datapkg._installed import DATA, DIST
from datapkg._installed import version as installed_version
from datapkg._release_shapes import (
    DownloadError,
    bundle_only,
    checked_file_name,
    checked_index,
    checked_releases,
    checked_version,
    kind_of,
    parsed_json,
    release_number,
)
from datapkg._transfer import (
    DEADLINE_ENV,
    DEFAULT_DEADLINE,
    MAX_BYTES_ENV,
    MAX_FILE_BYTES,
    MAX_INDEX_BYTES,
    READ_TIMEOUT,
    Downloader,
    deadline_seconds,
    max_file_bytes,
    transfer,
)

__all__ = [
    "DEADLINE_ENV",
    "DEFAULT_DEADLINE",
    "MAX_BYTES_ENV",
    "MAX_FILE_BYTES",
    "MAX_INDEX_BYTES",
    "READ_TIMEOUT",
    "DownloadError",
    "cache_dir",
    "checked_file_name",
    "checked_version",
    "deadline_seconds",
    "fetch",
    "known_releases",
    "max_file_bytes",
    "release_index",
    "resolve_version",
]

BASE_URL_ENV = "DATAPKG_BASE_URL"
CACHE_ENV = "DATAPKG_CACHE"
CACHE_NAME = DIST
INDEX = "index.json"


def _installed_data() -> Path:
    return Path(str(DATA))


@cache
def known_releases() -> dict[str, dict[str, str]]:
    """Version -> {file name: sha256} for every release this package can verify."""
    record = _installed_data() / "releases.json"
    try:
        data = parsed_json(record.read_bytes(), str(record))
    except OSError as error:
        raise DownloadError(f"{record}: cannot read this package's release record ({error})") from None
    if not isinstance(data, dict):
        raise DownloadError(f"{record}: expected a JSON object with 'releases', got {kind_of(data)}")
    return checked_releases(data.get("releases"), str(record))


def cache_dir(cache: str | Path | None = None) -> Path:
    # "~" expanded here as pooch expands it, so the paths checked are the paths written.
    if cache is not None:
        return Path(cache).expanduser()
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    import pooch

    return Path(pooch.os_cache(CACHE_NAME))


def _inside(root: Path, path: Path) -> Path:
    """``path`` if it resolves (symbolic links followed) inside the cache directory ``root``."""
    try:
        real_root, real = root.resolve(), path.resolve()
    except (OSError, RuntimeError) as error:  # a loop of symbolic links
        raise DownloadError(f"cannot resolve {path} in the cache directory {root}: {error}") from None
    if not real.is_relative_to(real_root):
        raise DownloadError(
            f"{path} resolves to {real}, outside the cache directory {real_root}: not written"
        )
    return path


def _caller_stacklevel() -> int:
    """The stack level of the first frame outside this package, so a warning names the
    caller's line, not the loader's."""
    frame, level = sys._getframe(1), 1
    while frame is not None and frame.f_globals.get("__name__", "").split(".")[0] == "datapkg":
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    return level


def _cached_index(cached: Path, url: str, error: Exception) -> dict[str, Any]:
    """The cached copy of the index at ``url``, which could not be read (``error``)."""
    where = f"{cached} (the cached copy of {url})"
    try:
        body = cached.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        raise DownloadError(f"cannot read the release index {url}: {error}") from None
    except OSError as problem:
        raise DownloadError(f"cannot read {url} ({type(error).__name__}) nor {where}: {problem}") from None
    index = checked_index(parsed_json(body, where), where)
    _agrees_with_package(index, where)
    warnings.warn(
        f"cannot read {url} ({type(error).__name__}); using the cached index",
        stacklevel=_caller_stacklevel(),
    )
    return index


def _write_cached(root: Path, cached: Path, index: dict[str, Any]) -> None:
    """Replace the cached index in one step, so a reader never sees half of one."""
    temporary = cached.with_name(f".{INDEX}.{os.getpid()}.{threading.get_ident()}")
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        _inside(root, temporary)
        temporary.write_text(json.dumps(index, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(temporary, cached)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise DownloadError(
            f"cannot write {cached}: {error.strerror or error} "
            f"(the cache {root} must be a writable directory)"
        ) from None


def release_index(
    base: str, cache: str | Path | None = None, *, deadline: float | None = None
) -> dict[str, Any]:
    """The release index at ``<base>/index.json`` (``latest`` and ``releases``), checked:
    downloaded and cached, or from the cache (with a warning) when the server cannot be
    reached."""
    import io

    import requests

    root = cache_dir(cache)
    cached = _inside(root, root / "index" / hashlib.sha256(base.encode()).hexdigest()[:16] / INDEX)
    url = f"{base.rstrip('/')}/{INDEX}"
    body = io.BytesIO()
    try:
        transfer(url, body, deadline_seconds(deadline), MAX_INDEX_BYTES)
    except requests.RequestException as error:
        return _cached_index(cached, url, error)
    index = checked_index(parsed_json(body.getvalue(), url), url)
    _agrees_with_package(index, url)
    _write_cached(root, cached, index)
    return index


def _contradicts(listed: dict[str, str], known: dict[str, str]) -> bool:
    """Whether an index's sums for a release contradict the package's: a file the package records
    with another sum, or missing, or a data file the package does not record. The package of an
    unreleased version records its built files only, not the rest of a bundle of it."""
    if any(listed.get(name) != digest for name, digest in known.items()):
        return True
    return any(name not in known and not bundle_only(name) for name in listed)


def _agrees_with_package(index: dict[str, Any], url: str) -> None:
    known = known_releases()
    for version, sums in index["releases"].items():
        if version in known and _contradicts(sums, known[version]):
            raise DownloadError(
                f"{url} lists other sums for release {version} than this package records; "
                "the index is not to be trusted"
            )
        if version not in known and not _after_installed(version):
            raise DownloadError(
                f"{url} lists release {version}, which is not newer than the installed "
                f"{installed_version()} and which this package does not record; the index is not to "
                "be trusted"
            )


def resolve_version(
    version: str,
    base_url: str | None = None,
    cache: str | Path | None = None,
    *,
    deadline: float | None = None,
) -> str:
    """``"latest"`` as the release index at ``base_url`` (or ``$DATAPKG_BASE_URL``) names it;
    any other version as it is, once its syntax is checked."""
    if version != "latest":
        return checked_version(version, "version")
    base = base_url or os.environ.get(BASE_URL_ENV)
    if not base:
        raise DownloadError(f"version='latest' needs the release index: pass base_url= or set {BASE_URL_ENV}")
    latest: str = release_index(base, cache, deadline=deadline)["latest"]
    return latest


def _after_installed(version: str) -> bool:
    """Whether ``version`` comes after the installed release. This package records the sums of
    every release up to its own, so only later ones may take their sums from a server."""
    installed = installed_version()
    number, own = release_number(version), release_number(installed)
    final = checked_version(installed, "the installed version").replace(".", "").isdigit()
    return number > own or (number == own and not final)


def _newer_than_installed(version: str, unknown: str) -> None:
    if not _after_installed(version):
        raise DownloadError(
            f"{unknown}; release {version} is not newer than the installed {installed_version()}, so "
            "its sums would have to come from this package, and the server is not trusted for them"
        )


def _recorded_sum(
    filename: str, version: str, base: str | None, cache: str | Path | None, deadline: float | None
) -> str:
    releases = known_releases()
    unknown = f"unknown release {version!r}; this package knows: {', '.join(releases)}"
    if version not in releases and base:
        _newer_than_installed(version, unknown)
        try:
            index_releases = release_index(base, cache, deadline=deadline)["releases"]
        except DownloadError as error:
            raise DownloadError(f"{unknown}; and {error}") from None
        if version not in index_releases:
            raise DownloadError(f"{unknown}, and the release index at {base} has no such release either")
        releases = {version: index_releases[version]}
    if version not in releases:
        raise DownloadError(unknown)
    sums = releases[version]
    if filename not in sums:
        raise DownloadError(f"release {version} has no file {filename!r}; it has: {', '.join(sorted(sums))}")
    return sums[filename]


def _download(url: str, sha256: str, root: Path, version: str, filename: str, deadline: float) -> Path:
    import pooch
    import requests

    folder = _inside(root, root / version)
    target = _inside(root, folder / filename)
    pooch.get_logger().setLevel("WARNING")
    downloader = Downloader(deadline, max_file_bytes())
    try:
        pooch.retrieve(url, known_hash=f"sha256:{sha256}", fname=filename, path=folder, downloader=downloader)
    except requests.RequestException:
        raise  # a RequestException is an OSError too: the server, not the cache
    except ValueError as error:
        raise DownloadError(
            f"{url} does not match the SHA-256 recorded for release {version} ({sha256}); "
            f"the file was not cached ({error})"
        ) from None
    except OSError as error:
        raise DownloadError(
            f"cannot write {target}: {error.strerror or error} "
            f"(the cache {root} must be a writable directory)"
        ) from None
    return _inside(root, target)


def _file_sha256(path: Path) -> str:
    with open(path, "rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _installed_copy(filename: str, version: str, sha256: str, why: str) -> Path:
    """The copy installed with the package, once it matches the sum recorded for it."""
    installed = _installed_data() / filename
    try:
        actual = _file_sha256(installed)
    except OSError as error:
        raise DownloadError(f"{why}, and the installed copy {installed} cannot be read: {error}") from None
    if actual != sha256:
        raise DownloadError(
            f"{why}, and the installed copy {installed} does not match the SHA-256 recorded for release "
            f"{version} in {_installed_data() / 'releases.json'} ({sha256}); it was changed after "
            "installation: reinstall the package"
        )
    warnings.warn(f"{why}; using the copy installed with the package", stacklevel=_caller_stacklevel())
    return installed


def fetch(
    filename: str,
    version: str,
    *,
    base_url: str | None = None,
    cache: str | Path | None = None,
    deadline: float | None = None,
) -> Path:
    """Local path of one file of a release, downloading and verifying it if needed.

    When the server cannot be reached and ``version`` is the installed version, the copy
    inside the package is returned with a warning, once it matches its recorded SHA-256.
    ``deadline`` bounds each download in seconds (default ``$DATAPKG_DEADLINE`` or 120).
    """
    checked_file_name(filename)
    seconds = deadline_seconds(deadline)
    base = base_url or os.environ.get(BASE_URL_ENV)
    version = resolve_version(version, base, cache, deadline=deadline)
    sha256 = _recorded_sum(filename, version, base, cache, deadline)
    if not base:
        if version == installed_version():
            why = (
                f"no base URL given (base_url= or {BASE_URL_ENV}); release {version} is the installed version"
            )
            return _installed_copy(filename, version, sha256, why)
        raise DownloadError(
            f"no base URL to download release {version} from: pass base_url= or set {BASE_URL_ENV}"
        )
    url = f"{base.rstrip('/')}/{version}/{filename}"
    import requests

    try:
        return _download(url, sha256, cache_dir(cache), version, filename, seconds)
    except requests.RequestException as error:
        if version != installed_version():
            raise DownloadError(f"cannot download {url}: {error}") from None
        return _installed_copy(filename, version, sha256, f"cannot download {url} ({type(error).__name__})")
