"""``build/retired.yaml``: the ids taken out of the published tables, each with its reason.

Its entries go into the descriptor as ``x-retired``, so every copy of the package says why
a row is gone, and ``datapkg diff`` and a release's ``diff.json`` name the reason beside each
removed row. Two guards read it: an id listed here is never used again, and a row of a
released version (the copy archived under ``build/releases/<version>/``) is either still
published or listed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from datapkg.compiler.inputs.release_archive import archived_versions
from datapkg.compiler.inputs.typed_fields import describe
from datapkg.compiler.inputs.yaml_input import LineDict, load_yaml
from datapkg.compiler.layout import Layout
from datapkg.compiler.problems import Problem

KEYS = {"resource": True, "id": True, "version": True, "reason": True, "replaced_by": False}
"""Each key of an entry, and whether it is required."""


@dataclass(frozen=True)
class Retired:
    entries: list[dict[str, Any]]
    lines: dict[tuple[str, str], str]  # (resource, id) -> "file:line" of its entry


def _entry_problems(item: Any, resources: set[str], version_ok: Any) -> list[str]:
    if not isinstance(item, LineDict):
        return [f"expected a mapping with {', '.join(KEYS)}, got {describe(item)}"]
    found = [f"unknown key {k!r} (expected: {', '.join(KEYS)})" for k in item if k not in KEYS]
    found += [f"missing {k!r}" for k, required in KEYS.items() if required and k not in item]
    found += [
        f"{k}: expected text, got {describe(v)}"
        for k, v in item.items()
        if k in KEYS and not isinstance(v, str)
    ]
    if found:
        return found
    if item["resource"] not in resources:
        found.append(
            f"resource: {item['resource']!r} is no resource (expected one of: {', '.join(sorted(resources))})"
        )
    if not version_ok(item["version"]):
        found.append(f"version: {item['version']!r} is not a version up to this one (such as 0.2.0)")
    if not item["reason"].strip():
        found.append("reason: empty; say why the id was retired")
    return found


def load_retired(layout: Layout, resources: set[str], version_ok: Any) -> tuple[Retired, list[Problem]]:
    """The retired ids, checked entry by entry; a missing file retires nothing."""
    path = layout.root / "build" / "retired.yaml"
    shown = layout.shown(path)
    if not path.is_file():
        return Retired([], {}), []
    raw, problems = load_yaml(path, shown)
    if problems:
        return Retired([], {}), problems
    items = raw.get("retired") if isinstance(raw, LineDict) else None
    if not isinstance(items, list):
        return Retired([], {}), [Problem(f"{shown}:1", "expected a mapping with a `retired:` list")]
    entries: list[dict[str, Any]] = []
    lines: dict[tuple[str, str], str] = {}
    for item in items:
        where = f"{shown}:{getattr(item, 'line', 1)}"
        found = _entry_problems(item, resources, version_ok)
        problems += [
            Problem(where, message, item.get("id") if isinstance(item, dict) else None) for message in found
        ]
        if found:
            continue
        key = (item["resource"], item["id"])
        if key in lines:
            problems.append(Problem(where, f"listed twice (first at {lines[key]})", item["id"]))
        lines[key] = where
        entries.append({k: " ".join(v.split()) if k == "reason" else v for k, v in item.items()})
    return Retired(entries, lines), problems


def retired_problems(
    layout: Layout, retired: Retired, current: Mapping[str, set[str]], *, removals: bool = True
) -> list[Problem]:
    """Retired ids used again, and rows of an archived release neither published nor retired."""
    problems = [
        Problem(where, f"{resource} id {key!r} was retired; ids are never reused: choose another id", key)
        for (resource, key), where in retired.lines.items()
        if key in current.get(resource, set())
    ]
    if not removals:
        return problems
    listed = set(retired.lines)
    shown = layout.shown(layout.root / "build" / "retired.yaml")
    archived, errors = archived_versions(layout)
    problems += errors
    gone: dict[tuple[str, str], str] = {}
    for version, tables in archived.items():
        for resource, ids in tables.items():
            for key in sorted(ids - current.get(resource, set())):
                gone.setdefault((resource, key), version)
    for (resource, key), version in sorted(gone.items()):
        if (resource, key) not in listed:
            message = (f"{resource} row {key!r} of release {version} is no longer published; list it "
                       "here with the reason (ids are never reused), or restore its record")  # fmt: skip
            problems.append(Problem(shown, message, key))
    return problems
