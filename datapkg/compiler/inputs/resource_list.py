"""``schemas/resources.json``: every resource's name and group, in descriptor order, and whether
the names this process runs with (``datapkg/_names.py``, generated from the list by
``python -m datapkg.compiler.outputs.names_module``) still agree with it.
"""

from __future__ import annotations

import json

from datapkg import _names
from datapkg.compiler.layout import Layout

GROUPS = {"vocabulary": "VOCABULARIES", "fact": "FACT_TABLES", "extracted": "EXTRACTED"}
"""Group in resources.json -> the tuple of ``datapkg/_names.py`` that lists its resources."""


class ResourceListError(ValueError):
    """schemas/resources.json is unreadable or malformed; the message names where."""


def declared_resources(layout: Layout) -> list[tuple[str, str]]:
    """(name, group) of every resource, in descriptor order."""
    shown = "schemas/resources.json"
    try:
        raw = json.loads((layout.schemas_dir / "resources.json").read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ResourceListError(f"{shown}:{error.lineno}: not valid JSON ({error.msg})") from None
    entries = raw.get("resources") if isinstance(raw, dict) else None
    if not isinstance(entries, list) or not all(
        isinstance(r, dict) and {"name", "group"} <= set(r) for r in entries
    ):
        raise ResourceListError(f'{shown}: expected {{"resources": [{{"name": ..., "group": ...}}, ...]}}')
    wrong = [r["group"] for r in entries if r["group"] not in GROUPS]
    if wrong:
        raise ResourceListError(f"{shown}: unknown group {wrong[0]!r}; expected one of {', '.join(GROUPS)}")
    return [(r["name"], r["group"]) for r in entries]


def stale(layout: Layout) -> bool:
    """Whether the resource names and groups the build runs with differ from the list: the
    build reads every input through them, so it must not run until they are regenerated."""
    declared = declared_resources(layout)
    if tuple(name for name, _ in declared) != _names.RESOURCES:
        return True
    return any(
        tuple(name for name, g in declared if g == group) != getattr(_names, module_name)
        for group, module_name in GROUPS.items()
    )
