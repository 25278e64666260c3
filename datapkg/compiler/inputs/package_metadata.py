"""``build/package.yaml``: the hand-written metadata the descriptor is generated from."""

from __future__ import annotations

from typing import Any

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
    return dict(raw), _citation_problems(raw, shown)


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
