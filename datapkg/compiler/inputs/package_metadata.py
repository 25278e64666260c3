"""``build/package.yaml``: the hand-written metadata the descriptor is generated from."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from datapkg.compiler.inputs.typed_fields import describe
from datapkg.compiler.inputs.yaml_input import LineDict, load_yaml
from datapkg.compiler.layout import Layout
from datapkg.compiler.problems import Problem

REQUIRED = ("name", "title", "description", "licenses", "citation")


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
    problems = [
        Problem(f"{shown}:{raw.key_lines.get(key, 1)}", f"{key}: {message}")
        for key, value in raw.items()
        for message in _json_problems(value, key in TEXT_KEYS)
    ]
    return dict(raw), problems or _citation_problems(raw, shown)


TEXT_KEYS = ("name", "title", "description", "citation")


def _json_problems(value: Any, text: bool = False) -> list[str]:
    """What in a metadata value the descriptor (JSON) cannot hold as written."""
    if text:
        return [] if isinstance(value, str) and value.strip() else [f"expected text, got {describe(value)}"]
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
    """The citation is a template whose one placeholder is {version}."""
    where = f"{shown}:{raw.key_lines.get('citation', 1)}"
    citation = raw["citation"]
    if not isinstance(citation, str):
        return [Problem(where, "expected the citation as text")]
    try:
        citation.format(version="0.0.0")
    except (KeyError, IndexError) as error:
        return [
            Problem(
                where, f"unknown placeholder {{{error.args[0]}}} in the citation; the only one is {{version}}"
            )
        ]
    except ValueError as error:
        return [
            Problem(where, f"the citation is not a valid template ({error}); write braces as {{{{ and }}}}")
        ]
    return []
