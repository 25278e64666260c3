"""The published resources' names and groups: the one list every other module uses.

Generated from schemas/resources.json by ``python -m datapkg.compiler.outputs.names_module``;
do not edit.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

ResourceName = Literal[
    "sources",
    "actors",
    "action_types",
    "troop_figures",
    "military_rankings",
    "arms_transfers",
    "diplomatic_actions",
    "events",
    "mentions",
]
"""Names accepted by :func:`datapkg.load` and :func:`datapkg.path`."""

RESOURCES: Final[tuple[ResourceName, ...]] = get_args(ResourceName)

VOCABULARIES: Final[tuple[ResourceName, ...]] = (
    "sources",
    "actors",
    "action_types",
    "events",
)
"""Tables that describe things the facts refer to."""

FACT_TABLES: Final[tuple[ResourceName, ...]] = (
    "troop_figures",
    "military_rankings",
    "arms_transfers",
    "diplomatic_actions",
)
"""Tables whose rows are claims, each with a quote and its offsets in a source."""

EXTRACTED: Final[tuple[ResourceName, ...]] = ("mentions",)
"""Tables the build extracts from the sources rather than reads from curated records."""

CURATED_TABLES: Final[tuple[ResourceName, ...]] = tuple(
    n for n in RESOURCES if n not in ("sources", *EXTRACTED)
)
"""Tables written by curators in build/records/ (sources have their own folder)."""
