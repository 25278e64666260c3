"""The published resources' names: the one list every other module uses."""

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
    "mentions",
]
"""Names accepted by :func:`datapkg.load` and :func:`datapkg.path`."""

RESOURCES: Final[tuple[ResourceName, ...]] = get_args(ResourceName)

VOCABULARIES: Final[tuple[ResourceName, ...]] = ("sources", "actors", "action_types")
"""Tables that describe things the facts refer to."""

FACT_TABLES: Final[tuple[ResourceName, ...]] = (
    "troop_figures",
    "military_rankings",
    "arms_transfers",
    "diplomatic_actions",
)
"""Tables whose rows are claims, each with a quote and its offsets in a source."""

CURATED_TABLES: Final[tuple[ResourceName, ...]] = ("actors", "action_types", *FACT_TABLES)
"""Tables written by curators in build/records/ (sources have their own folder; mentions
are extracted)."""
