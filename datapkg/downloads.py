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
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import warnings
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

BASE_URL_ENV = "DATAPKG_BASE_URL"
CACHE_ENV = "DATAPKG_CACHE"
CACHE_NAME = "rus-prk-military-cooperation"


class DownloadError(Exception):
    """A release file could not be fetched or did not match its recorded hash."""


@cache
def known_releases() -> dict[str, dict[str, str]]:
    """Version -> {file name: sha256} for every release this package can verify."""
    text = (files("datapkg") / "data" / "releases.json").read_text(encoding="utf-8")
    releases: dict[str, dict[str, str]] = json.loads(text)["releases"]
    return releases


def cache_dir(cache: str | Path | None = None) -> Path:
    if cache is not None:
        return Path(cache)
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    import pooch

    return Path(pooch.os_cache(CACHE_NAME))


INDEX = "index.json"


def _caller_stacklevel() -> int:
    """The stack level of the first frame outside this package, so a warning names the
    caller's line, not the loader's."""
    frame, level = sys._getframe(1), 1
    while frame is not None and frame.f_globals.get("__name__", "").split(".")[0] == "datapkg":
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    return level


def release_index(base: str, cache: str | Path | None = None) -> dict[str, Any]:
    """The release index at ``<base>/index.json``: downloaded and cached, or from the cache
    (with a warning) when the server cannot be reached."""
    import requests

    cached = cache_dir(cache) / "index" / hashlib.sha256(base.encode()).hexdigest()[:16] / INDEX
    url = f"{base.rstrip('/')}/{INDEX}"
    try:
        response = requests.get(url, timeout=30)
        response.raise_for_status()
        index: dict[str, Any] = response.json()
        if not isinstance(index.get("releases"), dict):
            raise DownloadError(f"{url} is no release index (no 'releases' mapping)")
    except (requests.RequestException, ValueError) as error:
        if isinstance(error, DownloadError) or not cached.is_file():
            raise DownloadError(f"cannot read the release index {url}: {error}") from None
        warnings.warn(
            f"cannot read {url} ({type(error).__name__}); using the cached index",
            stacklevel=_caller_stacklevel(),
        )
        cached_index: dict[str, Any] = json.loads(cached.read_text(encoding="utf-8"))
        return cached_index
    _agrees_with_package(index, url)
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(index, indent=2, sort_keys=True), encoding="utf-8")
    return index


def _agrees_with_package(index: dict[str, Any], url: str) -> None:
    known = known_releases()
    for version, sums in index["releases"].items():
        if version in known and sums != known[version]:
            raise DownloadError(
                f"{url} lists other sums for release {version} than this package records; "
                "the index is not to be trusted"
            )


def resolve_version(version: str, base_url: str | None = None, cache: str | Path | None = None) -> str:
    """``"latest"`` as the release index at ``base_url`` (or ``$DATAPKG_BASE_URL``) names it;
    any other version as it is."""
    if version != "latest":
        return version
    base = base_url or os.environ.get(BASE_URL_ENV)
    if not base:
        raise DownloadError(f"version='latest' needs the release index: pass base_url= or set {BASE_URL_ENV}")
    latest = release_index(base, cache).get("latest")
    if not isinstance(latest, str):
        raise DownloadError(f"the release index at {base} names no latest release")
    return latest


def _recorded_sum(
    filename: str, version: str, base: str | None = None, cache: str | Path | None = None
) -> str:
    releases = known_releases()
    unknown = f"unknown release {version!r}; this package knows: {', '.join(releases)}"
    if version not in releases and base:
        try:
            index_releases = release_index(base, cache)["releases"]
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


def _download(url: str, sha256: str, target: Path, version: str) -> Path:
    import pooch

    pooch.get_logger().setLevel("WARNING")
    try:
        name = url.rsplit("/", 1)[1]
        return Path(
            pooch.retrieve(url, known_hash=f"sha256:{sha256}", fname=name, path=target, progressbar=False)
        )
    except ValueError as error:
        raise DownloadError(
            f"{url} does not match the SHA-256 recorded for release {version} ({sha256}); "
            f"the file was not cached ({error})"
        ) from None


def fetch(
    filename: str,
    version: str,
    *,
    base_url: str | None = None,
    cache: str | Path | None = None,
) -> Path:
    """Local path of one file of a release, downloading and verifying it if needed.

    When the download fails and ``version`` is the installed version, the copy
    inside the package is returned with a warning.
    """
    from datapkg import __version__

    base = base_url or os.environ.get(BASE_URL_ENV)
    version = resolve_version(version, base, cache)
    sha256 = _recorded_sum(filename, version, base, cache)
    bundled = Path(str(files("datapkg") / "data" / filename))
    if not base:
        if version == __version__:
            warnings.warn(
                f"no base URL given (base_url= or {BASE_URL_ENV}): release {version} is the installed "
                "version, so its installed copy is used",
                stacklevel=_caller_stacklevel(),
            )
            return bundled
        raise DownloadError(
            f"no base URL to download release {version} from: pass base_url= or set {BASE_URL_ENV}"
        )
    url = f"{base.rstrip('/')}/{version}/{filename}"
    import requests

    try:
        return _download(url, sha256, cache_dir(cache) / version, version)
    except (requests.RequestException, OSError) as error:
        if version != __version__:
            raise DownloadError(f"cannot download {url}: {error}") from None
        warnings.warn(
            f"cannot download {url} ({type(error).__name__}); using the copy installed with the package",
            stacklevel=_caller_stacklevel(),
        )
        return bundled
