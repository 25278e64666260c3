"""``datapkg/_names.py``, generated from ``schemas/resources.json``: the typed resource names
(``ResourceName``) and the groups every other module uses.

    python -m datapkg.compiler.outputs.names_module   # rewrite it after editing resources.json

The build refuses to run while the names it imports differ from the list
(``inputs/resource_list.py``), and a test compares the module with a fresh rendering, so the
Literal type users see always lists exactly the published resources.
"""

from __future__ import annotations

import sys
from pathlib import Path

from datapkg.compiler.inputs.resource_list import GROUPS, declared_resources
from datapkg.compiler.layout import Layout, default_root


def _tuple(names: list[str]) -> str:
    """As ruff formats it: one item on the line, more items one per line."""
    if len(names) == 1:
        return f'("{names[0]}",)'
    return "(" + "".join(f'\n    "{n}",' for n in names) + "\n)"


def render(resources: list[tuple[str, str]]) -> str:
    names = [n for n, _ in resources]
    by_group = {g: [n for n, group in resources if group == g] for g in GROUPS}
    return f'''"""The published resources' names and groups: the one list every other module uses.

Generated from schemas/resources.json by ``python -m datapkg.compiler.outputs.names_module``;
do not edit.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

ResourceName = Literal[{"".join(f'{chr(10)}    "{n}",' for n in names)}
]
"""Names accepted by :func:`datapkg.load` and :func:`datapkg.path`."""

RESOURCES: Final[tuple[ResourceName, ...]] = get_args(ResourceName)

VOCABULARIES: Final[tuple[ResourceName, ...]] = {_tuple(by_group["vocabulary"])}
"""Tables that describe things the facts refer to."""

FACT_TABLES: Final[tuple[ResourceName, ...]] = {_tuple(by_group["fact"])}
"""Tables whose rows are claims, each with a quote and its offsets in a source."""

EXTRACTED: Final[tuple[ResourceName, ...]] = {_tuple(by_group["extracted"])}
"""Tables the build extracts from the sources rather than reads from curated records."""

CURATED_TABLES: Final[tuple[ResourceName, ...]] = tuple(
    n for n in RESOURCES if n not in ("sources", *EXTRACTED)
)
"""Tables written by curators in build/records/ (sources have their own folder)."""
'''


def names_path() -> Path:
    return Path(__file__).resolve().parents[2] / "_names.py"


def main() -> None:
    layout = Layout(default_root())
    names_path().write_text(render(declared_resources(layout)), encoding="utf-8")
    print(f"wrote {names_path()}", file=sys.stderr)


if __name__ == "__main__":
    main()
