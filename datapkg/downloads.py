"""Data files of other releases: downloaded once, verified, cached per user.

A file of release ``X.Y.Z`` is fetched from ``<base URL>/X.Y.Z/<file>``; the base
URL is an argument or the ``DATAPKG_BASE_URL`` environment variable. Its SHA-256
must equal the one this package records for that release
(``data/releases.json``), so a tampered or truncated download is rejected and
nothing is cached. The cache is pooch's per-user cache directory, or
``DATAPKG_CACHE``.
"""

from __future__ import annotations

import json
import os
import warnings
from functools import cache
from importlib.resources import files
from pathlib import Path

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


def _recorded_sum(filename: str, version: str) -> str:
    releases = known_releases()
    if version not in releases:
        raise DownloadError(f"unknown release {version!r}; this package knows: {', '.join(releases)}")
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

    sha256 = _recorded_sum(filename, version)
    bundled = Path(str(files("datapkg") / "data" / filename))
    base = base_url or os.environ.get(BASE_URL_ENV)
    if not base:
        if version == __version__:
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
            stacklevel=2,
        )
        return bundled
