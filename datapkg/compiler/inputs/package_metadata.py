"""``build/package.yaml``: the hand-written metadata the descriptor is generated from.

Its shape is declared here: which keys it may have and what each holds. Keys the build
computes (the version from ``pyproject.toml``, sources, resources, sizes, hashes) are
refused, so the file cannot override them; ``x-`` keys are extensions passed through as
written. The citation is a template whose one placeholder is the plain ``{version}``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from string import Formatter
from typing import Any

from datapkg.compiler.inputs.typed_fields import describe
from datapkg.compiler.inputs.yaml_input import LineDict, load_yaml
from datapkg.compiler.layout import Layout
from datapkg.compiler.problems import Problem

REQUIRED = ("name", "title", "description", "licenses", "citation")
TEXT_KEYS = ("name", "title", "description", "citation", "id", "homepage", "created", "image")
TEXT_LIST_KEYS = ("keywords",)
OBJECT_LIST_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "licenses": (("name", "path", "title", "x-scope"), ("name", "path")),
    "contributors": (("title", "path", "email", "role", "organization"), ("title",)),
}
"""Each list-of-objects key: the keys an item may have, and those of which it needs at least one."""
COMPUTED = ("profile", "version", "sources", "resources", "hash", "bytes", "x-citation", "x-retired")
"""Descriptor keys the build sets; package.yaml may not."""
ALLOWED = (*TEXT_KEYS, *TEXT_LIST_KEYS, *OBJECT_LIST_KEYS)
NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")  # a Data Package name; used with fullmatch
PLACEHOLDER = "version"


def load_package_metadata(layout: Layout) -> tuple[dict[str, Any], list[Problem]]:
    path = layout.package_metadata
    shown = layout.shown(path)
    if not path.is_file():
        return {}, [Problem(shown, "package metadata file is missing")]
    raw, problems = load_yaml(path, shown)
    if problems:
        return {}, problems
    if not isinstance(raw, LineDict):
        return {}, [Problem(f"{shown}:1", "expected a mapping of package metadata")]
    missing = [k for k in REQUIRED if k not in raw]
    if missing:
        return {}, [Problem(f"{shown}:1", f"missing package metadata: {', '.join(missing)}")]
    problems = [problem for key, value in raw.items() for problem in _key_problems(raw, key, value, shown)]
    return dict(raw), problems or _citation_problems(raw, shown)


def _key_problems(raw: LineDict, key: str, value: Any, shown: str) -> list[Problem]:
    where = f"{shown}:{raw.key_lines.get(key, 1)}"
    if key in COMPUTED:
        return [Problem(where, f"{key}: set by the build, not by {shown}; remove it")]
    if key not in ALLOWED and not key.startswith("x-"):
        close = difflib.get_close_matches(key, ALLOWED, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        allowed = ", ".join(ALLOWED)
        message = f"{key}: unknown package metadata key (expected one of: {allowed}, or an x- key){hint}"
        return [Problem(where, message)]
    written = _json_problems(value)
    if written:
        return [Problem(where, f"{key}: {m}") for m in written]
    if key in TEXT_KEYS:
        return [Problem(where, f"{key}: {m}") for m in _text_problems(value, key == "name")]
    if key in TEXT_LIST_KEYS:
        if not isinstance(value, list):
            return [Problem(where, f"{key}: expected a list of text, got {describe(value)}")]
        return [
            Problem(where, f"{key}: item {i}: {m}") for i, v in enumerate(value, 1) for m in _text_problems(v)
        ]
    if key in OBJECT_LIST_KEYS:
        if not isinstance(value, list):
            return [Problem(where, f"{key}: expected a list of mappings, got {describe(value)}")]
        line = raw.key_lines.get(key, 1)
        return [p for i, item in enumerate(value, 1) for p in _item_problems(key, i, item, shown, line)]
    return []


def _text_problems(value: Any, name: bool = False) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return [f"expected text, got {describe(value)}"]
    if name and not NAME.fullmatch(value):
        return [f"expected lower-case letters, digits, '.', '_' and '-', got {value!r}"]
    return []


def _item_problems(key: str, number: int, item: Any, shown: str, line: int) -> list[Problem]:
    """One licence or contributor: a mapping of text values under the declared keys."""
    allowed, needs = OBJECT_LIST_KEYS[key]
    label = f"{key}: item {number}"
    if not isinstance(item, dict):
        message = f"{label}: expected a mapping with {', '.join(allowed)}, got {describe(item)}"
        return [Problem(f"{shown}:{line}", message)]
    lines = item.key_lines if isinstance(item, LineDict) else {}
    out = []
    for k, v in item.items():
        where = f"{shown}:{lines.get(k, line)}"
        if k not in allowed:
            out.append(Problem(where, f"{label}: unknown key {k!r}; expected one of: {', '.join(allowed)}"))
        else:
            out += [Problem(where, f"{label}: {k}: {m}") for m in _text_problems(v)]
    if not any(k in item for k in needs):
        out.append(
            Problem(f"{shown}:{getattr(item, 'line', 0) or line}", f"{label}: needs {' or '.join(needs)}")
        )
    return out


def _json_problems(value: Any) -> list[str]:
    """What in a metadata value the descriptor (JSON) cannot hold as written."""
    if isinstance(value, float) and not math.isfinite(value):
        return [f"expected a finite number, got {describe(value)}"]
    if isinstance(value, dt.date):
        return [f"{value.isoformat()} would be written as a date; put it in quotes"]
    if isinstance(value, list):
        return [m for item in value for m in _json_problems(item)]
    if isinstance(value, dict):
        return [m for item in value.values() for m in _json_problems(item)]
    if value is None or isinstance(value, str | int | float):
        return []
    return [f"expected text, numbers, lists or mappings, got {describe(value)}"]


def _citation_problems(raw: LineDict, shown: str) -> list[Problem]:
    """The citation is a template whose one placeholder is the plain {version}: no attribute
    access, indexing, conversion or format spec, which would publish more than the version."""
    where = f"{shown}:{raw.key_lines.get('citation', 1)}"
    try:
        fields = [(n, s, c) for _, n, s, c in Formatter().parse(raw["citation"]) if n is not None]
    except ValueError as error:
        return [
            Problem(where, f"the citation is not a valid template ({error}); write braces as {{{{ and }}}}")
        ]
    out: list[str] = []
    for name, spec, conversion in fields:
        written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        if re.split(r"[.\[]", name, maxsplit=1)[0] != PLACEHOLDER:
            out.append(f"unknown placeholder {written} in the citation; the only one is {{{PLACEHOLDER}}}")
        elif name != PLACEHOLDER or spec or conversion:
            out.append(
                f"placeholder {written} in the citation: write the plain {{{PLACEHOLDER}}}, "
                "without attribute access, indexing, conversion or format spec"
            )
    return [Problem(where, message) for message in dict.fromkeys(out)]
