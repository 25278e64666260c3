"""The release registry: the SHA-256 of every file of every release, shipped in
the wheel as ``datapkg/data/releases.json`` so that ``load(..., version=...)``
can verify a download without trusting the server.

Which versions are released is explicit and committed: a version is released
exactly when ``build/releases/<version>.sha256`` exists (the SHA256SUMS of its
bundle, recorded by ``datapkg release``). The current version's sums are
computed from the files this build writes. If the current version is released
and its recorded sums disagree with the fresh files, the data changed without a
version bump, and the build fails.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from datapkg._input_files import read_input
from datapkg._release_shapes import bundle_only, read_sha256sums
from datapkg.compiler.layout import Layout
from datapkg.compiler.problems import Problem

_VERSION = re.compile(r"^\d+\.\d+\.\d+([.-]?[a-z0-9]+)?$")


def sha256sums(digests: dict[str, str]) -> str:
    """SHA256SUMS text, as ``sha256sum`` writes it, sorted by file name."""
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(digests.items()))


def parse_sums(text: str, shown: str) -> tuple[dict[str, str], list[Problem]]:
    sums, bad = read_sha256sums(text)
    return sums, [Problem(f"{shown}:{n}", "expected '<64 hex digits>  <file name>'") for n in bad]


def release_dir(layout: Layout) -> Path:
    return layout.root / "build" / "releases"


def released_versions(layout: Layout) -> list[str]:
    """The versions recorded as released, oldest first."""
    found = [p.stem for p in release_dir(layout).glob("*.sha256") if _VERSION.match(p.stem)]
    return sorted(found, key=version_key)


def recorded_sums(layout: Layout) -> dict[str, dict[str, str]]:
    """The sums of every version recorded as released (the build has checked these files)."""
    recorded = {}
    for version in released_versions(layout):
        path = release_dir(layout) / f"{version}.sha256"
        recorded[version], _ = parse_sums(read_input(path).decode("utf-8"), layout.shown(path))
    return recorded


def is_version(text: str) -> bool:
    return _VERSION.match(text) is not None


def is_final(version: str) -> bool:
    """A version that can be released: no development or pre-release part (0.2.0, 1.0.post1)."""
    return re.fullmatch(r"[0-9!.]+(\.post[0-9]+)?", version) is not None


def registry_bytes(layout: Layout, version: str, current: dict[str, str]) -> tuple[bytes, list[Problem]]:
    """releases.json content: past releases from build/releases plus the current files' digests."""
    problems: list[Problem] = []
    releases: dict[str, dict[str, str]] = {}
    for path in sorted(release_dir(layout).glob("*.sha256")):
        shown = layout.shown(path)
        if not _VERSION.match(path.stem):
            problems.append(Problem(shown, "file name must be <version>.sha256, for example 0.1.0.sha256"))
            continue
        try:
            text = read_input(path).decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else f"not UTF-8 ({error.reason})"
            problems.append(Problem(shown, f"cannot be read: {reason}"))
            continue
        sums, errors = parse_sums(text, shown)
        problems.extend(errors)
        releases[path.stem] = sums
    fresh = dict(sorted(current.items()))
    recorded = releases.get(version)
    if recorded is not None and _changed(recorded, fresh):
        changed = _changed(recorded, fresh)
        problems.append(Problem(
            layout.shown(release_dir(layout) / f"{version}.sha256"),
            f"version {version} was released with other bytes ({', '.join(changed)}); "
            "the data of a released version never changes: bump the version in pyproject.toml "
            "(and start a changelog section `## Unreleased`)",
        ))  # fmt: skip
    # A released version keeps its recorded sums, which cover the bundle's other files too.
    releases[version] = recorded if recorded is not None and not _changed(recorded, fresh) else fresh
    ordered = {v: releases[v] for v in sorted(releases, key=version_key)}
    return (json.dumps({"releases": ordered}, indent=2) + "\n").encode("utf-8"), problems


def _changed(recorded: dict[str, str], fresh: dict[str, str]) -> list[str]:
    """The built files whose sums differ from a release's record (its bundle-only files aside)."""
    names = set(fresh) | {n for n in recorded if not bundle_only(n)}
    return sorted(n for n in names if recorded.get(n) != fresh.get(n))


def version_key(version: str) -> tuple[tuple[int, ...], int, int]:
    """PEP 440 order for the versions this project uses: 0.2.0.dev0 < 0.2.0rc1 < 0.2.0 < 0.2.0.post1."""
    m = re.match(r"^(?:\d+!)?([\d.]+?)(?:(a|b|rc|\.dev|\.post)(\d+))?$", version)
    if m is None:
        return (tuple(int(part) for part in re.findall(r"\d+", version)), 0, 0)
    phase = {"a": -3, "b": -2, "rc": -1, None: 0, ".post": 1, ".dev": -4}[m.group(2)]
    return (tuple(int(part) for part in m.group(1).split(".")), phase, int(m.group(3) or 0))
