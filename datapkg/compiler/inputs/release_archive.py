"""The tables of earlier releases, archived in the checkout under ``build/releases/<version>/``.

``datapkg release`` archives the descriptor and Parquet files of each release beside its
recorded sums (``<version>.sha256``), and each file is checked against them before it is
read. The next release's diff is taken against the archive, and the build checks that no
row of an archived release disappears unexplained (:mod:`datapkg.compiler.inputs.retired_ids`).
"""

from __future__ import annotations

from datapkg.changes import DERIVED_TABLES
from datapkg.compiler.layout import Layout
from datapkg.compiler.problems import Problem
from datapkg.versions_on_hand import VersionNotFound, archived_side


def archived_versions(layout: Layout) -> tuple[dict[str, dict[str, set[str]]], list[Problem]]:
    """Version -> resource -> row ids, for every archived release (derived tables left out)."""
    found: dict[str, dict[str, set[str]]] = {}
    problems = []
    releases = layout.root / "build" / "releases"
    for folder in sorted(
        p for p in releases.glob("*") if p.is_dir() and (releases / f"{p.name}.sha256").is_file()
    ):
        try:
            side = archived_side(layout.root, folder.name)
            found[folder.name] = {
                name: {str(v) for v in side.read(name).column("id").to_pylist()}
                for name in side.resources()
                if name not in DERIVED_TABLES
            }
        except (VersionNotFound, KeyError) as error:
            problems.append(Problem(layout.shown(folder), f"archived release cannot be read: {error}"))
    return found, problems


def missing_archives(layout: Layout) -> list[Problem]:
    """Releases recorded without the archive of their tables, which the next diff starts from."""
    releases = layout.root / "build" / "releases"
    problems = []
    for record in sorted(releases.glob("*.sha256")):
        if record.is_file() and not (releases / record.stem).is_dir():
            archive = layout.shown(releases / record.stem)
            restore = "restore it with `scripts/rebuild_release.py` from the commit that released it"
            problems.append(Problem(layout.shown(record), f"no archive {archive}/ of the release; {restore}"))
    return problems
