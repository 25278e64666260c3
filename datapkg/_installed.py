"""The installed package: the name it is installed under, its data folder, its descriptor
and the version that descriptor holds. Modules below the package root read these here,
never through ``import datapkg``, so no import runs against the flow."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from datapkg._errors import ValidationError

DIST = "rus-prk-military-cooperation"
"""The distribution name (``pip install``); pyproject.toml's ``[project] name`` is checked against it."""


def install_hint(extra: str) -> str:
    """The command that installs an optional extra."""
    return f"pip install '{DIST}[{extra}]'"


def _data_dir() -> Any:
    """The installed data folder: beside this file, or through importlib.resources when the
    package is not a plain folder (a zip)."""
    here = Path(__file__).resolve().parent / "data"
    if here.is_dir():
        return here
    from importlib.resources import files

    return files("datapkg") / "data"


DATA = _data_dir()


@cache
def package() -> dict[str, Any]:
    """The installed descriptor (``datapackage.json``) as a dict.

    >>> package()["name"]
    'rus-prk-military-cooperation'
    """
    import json

    where = DATA / "datapackage.json"
    try:
        descriptor = json.loads(where.read_bytes())
    except (ValueError, RecursionError) as error:
        message = f"{where}: the installed descriptor does not parse ({error}); reinstall"
        raise ValidationError([message]) from None
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not (
        isinstance(resources, list)
        and all(isinstance(r, dict) and isinstance(r.get("name"), str) for r in resources)
        and isinstance(descriptor.get("version"), str)
    ):
        raise ValidationError(
            [f"{where}: the installed descriptor has no version or list of named resources; reinstall"]
        )
    return descriptor  # type: ignore[no-any-return]


def version() -> str:
    """The data's version, which is the package's: the installed descriptor's, or the
    distribution's before a checkout's first build or when the descriptor is damaged."""
    try:
        found: str = package()["version"]
    except (FileNotFoundError, ValidationError):
        from importlib.metadata import version as installed_version

        return installed_version(DIST)
    return found
