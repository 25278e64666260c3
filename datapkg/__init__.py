"""Russia–North Korea military cooperation in 2024 news reporting, as typed tables.

Every row of a fact table cites its source with a verbatim German quote and
the quote's character offsets in the source text.

>>> import datapkg
>>> datapkg.resources()[:3]
['sources', 'actors', 'action_types']
>>> ranks = datapkg.load("military_rankings")
>>> int(ranks.loc[ranks["id"] == "gfp-2024-prk-military-strength", "rank"].iloc[0])
36

Loading reads the Parquet files shipped inside the package and needs no
network; it never imports pandera, frictionless or the build code.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from datapkg._names import RESOURCES, ResourceName

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ResourceName",
    "ValidationError",
    "__version__",
    "citation",
    "load",
    "package",
    "path",
    "resources",
    "validate",
]

_DATA = files("datapkg") / "data"


@cache
def package() -> dict[str, Any]:
    """The installed descriptor (``datapackage.json``) as a dict.

    >>> package()["name"]
    'rus-prk-military-cooperation'
    """
    descriptor: dict[str, Any] = json.loads((_DATA / "datapackage.json").read_text(encoding="utf-8"))
    return descriptor


def _version() -> str:
    try:
        version: str = package()["version"]
    except FileNotFoundError:  # a source checkout before its first build
        from importlib.metadata import version as installed_version

        return installed_version("rus-prk-military-cooperation")
    return version


__version__: str = _version()


def resources() -> list[str]:
    """Names of the tables, in descriptor order.

    >>> "troop_figures" in resources()
    True
    """
    return list(RESOURCES)


def _resource(name: str) -> dict[str, Any]:
    if not isinstance(name, str) or name not in RESOURCES:
        valid = ", ".join(RESOURCES)
        raise ValueError(f"unknown resource {name!r}; expected one of: {valid}")
    for resource in package()["resources"]:
        if resource["name"] == name:
            found: dict[str, Any] = resource
            return found
    raise ValueError(f"resource {name!r} is missing from the installed descriptor")


def path(name: ResourceName, format: str = "parquet") -> Path:
    """Path of an installed data file.

    >>> path("troop_figures").name
    'troop_figures.parquet'
    """
    resource = _resource(name)
    if format == "parquet":
        relative = resource["x-parquet"]["path"]
    elif format == "csv":
        relative = resource["path"]
    else:
        raise ValueError(f"unknown format {format!r}; expected 'parquet' or 'csv'")
    return Path(str(_DATA / relative))


def load(name: ResourceName) -> pd.DataFrame:
    """One table as a pandas DataFrame with dtypes from its schema.

    >>> figures = load("troop_figures")
    >>> str(figures["value"].dtype), str(figures["claim_status"].dtype)
    ('Int64', 'category')
    """
    import pyarrow.parquet as pq

    from datapkg._dtypes import arrow_to_pandas

    resource = _resource(name)
    table = pq.read_table(path(name, "parquet"))
    return arrow_to_pandas(table, resource["schema"])


def citation() -> str:
    """How to cite this version of the dataset.

    >>> "rus-prk-military-cooperation" in citation() or "Russia" in citation()
    True
    """
    text: str = package()["x-citation"]
    return text


class ValidationError(Exception):
    """Raised by :func:`validate` with every problem found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s):\n" + "\n".join(problems))


def validate(descriptor: str | Path | None = None) -> None:
    """Check every file's size and hash, every table's schema and every foreign key.

    Validates the installed package unless a ``datapackage.json`` path is given.
    Raises :class:`ValidationError` listing every problem. Needs the ``build`` extra.
    """
    from datapkg.validation import validate_package

    problems = validate_package(Path(descriptor) if descriptor else Path(str(_DATA / "datapackage.json")))
    if problems:
        raise ValidationError(problems)
