"""What a release index, a release record and a caller may name, checked before use.

A version is digits ``X.Y.Z`` with at most one suffix of lowercase letters and digits;
a file name is one plain name (no separators, not starting with a dot); a sum is 64
lowercase hex digits. Anything else, from a server, a cache or the installed record,
is a :class:`DownloadError` naming where it came from.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable
from typing import Any

# The syntax of the build's release record (compiler/outputs/release_registry.py), in ASCII only.
_VERSION = re.compile(r"[0-9]{1,9}\.[0-9]{1,9}\.[0-9]{1,9}(?:[.-]?[a-z0-9]{1,20})?")
_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_VERSION_FORM = "digits like 0.2.0, optionally with one suffix such as .dev0 or rc1"
_FILE_FORM = "one plain file name (letters, digits, '.', '_', '-'; not starting with a dot)"


class DownloadError(Exception):
    """A release file could not be fetched or did not match its recorded hash."""

    __module__ = "datapkg.downloads"  # where users import it from


def is_version(text: str) -> bool:
    return _VERSION.fullmatch(text) is not None


def release_number(version: str) -> tuple[int, int, int]:
    """X, Y and Z of a version ``X.Y.Z[suffix]``: 0.3.0.dev0 and 0.3.0 are both (0, 3, 0)."""
    major, minor, patch = version.split(".")[:3]
    digits = len(patch) - len(patch.lstrip("0123456789"))
    return int(major), int(minor), int(patch[:digits])


_SUMS_LINE = re.compile(r"^([0-9a-f]{64})  (\S+)$")


def read_sha256sums(text: str) -> tuple[dict[str, str], list[int]]:
    """The sums of a SHA256SUMS text, as ``sha256sum`` writes it, and the numbers of the lines
    that are no ``<64 hex digits>  <file name>``."""
    sums: dict[str, str] = {}
    bad: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        m = _SUMS_LINE.match(line)
        if m:
            sums[m.group(2)] = m.group(1)
        else:
            bad.append(number)
    return sums, bad


BUNDLE_ONLY = ("README.md", "diff.json", "timeline.svg", "timeline.png")
"""Files of a release bundle that the build does not write (the wheel too, by its suffix): a
package records them for its released versions only, and no table is read from them."""


def bundle_only(name: str) -> bool:
    return name in BUNDLE_ONLY or name.endswith(".whl")


def shown(value: object) -> str:
    """A value as a message shows it: its repr, shortened, on one line."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _listed(names: Iterable[str], most: int = 8) -> str:
    shown = list(itertools.islice(names, most + 1))
    return ", ".join(shown[:most]) + (", ..." if len(shown) > most else "")


def kind_of(value: object) -> str:
    kinds = {dict: "an object", list: "a list", str: "a string", bool: "true or false", type(None): "null"}
    return kinds.get(type(value), "a number")


def checked_version(version: object, where: str = "version") -> str:
    """``version`` if it has the syntax of a release version; DownloadError otherwise."""
    if not isinstance(version, str) or not _VERSION.fullmatch(version):
        raise DownloadError(f"{where} {shown(version)} is not a release version: expected {_VERSION_FORM}")
    return version


def checked_file_name(name: object, where: str = "file name") -> str:
    """``name`` if it is one plain file name; DownloadError otherwise."""
    if not isinstance(name, str) or not _FILE_NAME.fullmatch(name):
        raise DownloadError(f"{where} {shown(name)} is not a release file name: expected {_FILE_FORM}")
    return name


def _checked_sums(version: str, sums: object, where: str) -> dict[str, str]:
    if not isinstance(sums, dict) or not sums:
        raise DownloadError(
            f"{where}: release {version}: expected an object of file names and SHA-256 sums, "
            f"got {kind_of(sums)}"
        )
    for name, digest in sums.items():
        checked_file_name(name, f"{where}: release {version}: file")
        if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
            raise DownloadError(
                f"{where}: release {version}: the SHA-256 of {name} must be 64 lowercase hex digits, "
                f"got {shown(digest)}"
            )
    return dict(sums)


def checked_releases(releases: object, where: str) -> dict[str, dict[str, str]]:
    if not isinstance(releases, dict) or not releases:
        raise DownloadError(
            f"{where}: expected 'releases' to be a non-empty object of versions, got {kind_of(releases)}"
        )
    return {
        checked_version(version, f"{where}: release"): _checked_sums(version, sums, where)
        for version, sums in releases.items()
    }


def checked_index(data: object, where: str) -> dict[str, Any]:
    """The release index ``data`` (parsed JSON) reduced to what is used, ``latest`` and
    ``releases``, after checking its whole shape; DownloadError naming ``where`` otherwise."""
    if not isinstance(data, dict):
        raise DownloadError(
            f"{where}: expected a JSON object with 'latest' and 'releases', got {kind_of(data)}"
        )
    releases = checked_releases(data.get("releases"), where)
    latest = data.get("latest")
    if not isinstance(latest, str) or latest not in releases:
        raise DownloadError(
            f"{where}: expected 'latest' to name one of its releases ({_listed(releases)}), "
            f"got {shown(latest)}"
        )
    return {"latest": latest, "releases": releases}


def parsed_json(body: bytes, where: str) -> object:
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
        raise DownloadError(f"{where}: expected JSON, got text that does not parse ({error})") from None
