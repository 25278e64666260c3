"""The Frictionless descriptor, generated from hand-written package metadata
(``build/package.yaml``), the expanded schemas, the version in ``pyproject.toml``
and the bytes of the built files.

Each resource points at its CSV file (what ``frictionless validate`` reads);
the Parquet twin is listed under ``x-parquet`` with its own size and hash.
Two copies are written: the root ``datapackage.json`` with paths from the
repository root, and ``datapkg/data/datapackage.json`` with paths relative to
itself, which the wheel ships.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from datapkg._names import RESOURCES, ResourceName
from datapkg.schema.arrow_types import table_title
from datapkg.schema.specs import TableSpec

PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def _parquet(path: str, stats: dict[str, Any]) -> dict[str, Any]:
    return {"path": path, "format": "parquet", "mediatype": PARQUET_MEDIATYPE, **stats}


def _with_categories(field: dict[str, Any]) -> dict[str, Any]:
    """An enum field with Data Package v2 ``categories`` after its constraints: each value with its
    meaning from the schema's ``x-enumDescriptions`` as ``label`` (plain values when the schema
    gives none), so the meanings travel in the standard property and are not repeated beside it.
    ``constraints.enum`` stays: Table Schema v1 tools (frictionless 5) validate with it and keep
    ``categories`` as an unchecked custom property."""
    enum = field.get("constraints", {}).get("enum")
    if enum is None:
        return field
    meanings = field.get("x-enumDescriptions", {})
    categories = [{"value": v, "label": meanings[v]} if v in meanings else {"value": v} for v in enum]
    out: dict[str, Any] = {}
    for key, value in field.items():
        if key != "x-enumDescriptions":
            out[key] = value
        if key == "constraints":
            out["categories"] = categories if meanings else list(enum)
    return out


def _resource(name: str, spec: TableSpec, stats: dict[str, dict[str, Any]], prefix: str) -> dict[str, Any]:
    schema = copy.deepcopy(spec.descriptor)
    schema["fields"] = [_with_categories(f) for f in schema["fields"]]
    description = schema.pop("description", "")
    csv_name, parquet_name = f"{name}.csv", f"{name}.parquet"
    return {
        "name": name,
        "title": table_title(name),
        "description": description,
        "profile": "tabular-data-resource",
        "path": prefix + csv_name,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        **stats[csv_name],
        "x-parquet": {
            "path": prefix + parquet_name,
            "format": "parquet",
            "mediatype": PARQUET_MEDIATYPE,
            **stats[parquet_name],
        },
        "schema": schema,
    }


def _package_source(s: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": s["title"],
        "x-id": s["id"],
        "x-language": s["language"],
        "x-publisher": s["publisher"],
        "x-published": f"{s['published_earliest']}/{s['published_latest']}",
        "x-sha256": s["text_sha256"],
    }


def build_descriptor(
    metadata: dict[str, Any],
    version: str,
    specs: dict[ResourceName, TableSpec],
    stats: dict[str, dict[str, Any]],
    sources: list[dict[str, Any]],
    prefix: str,
) -> dict[str, Any]:
    """``stats`` maps file names (``troop_figures.csv``) to their ``bytes`` and ``hash``; ``prefix``
    is prepended to every resource path."""
    head = {k: v for k, v in metadata.items() if k not in ("citation",)}
    return {
        "profile": "tabular-data-package",
        **{k: head.pop(k) for k in ("name", "title", "description") if k in head},
        "version": version,
        **head,
        "sources": [_package_source(s) for s in sources],
        "x-citation": metadata["citation"].format(version=version),
        "resources": [_resource(name, specs[name], stats, prefix) for name in RESOURCES],
    }


def descriptor_bytes(descriptor: dict[str, Any]) -> bytes:
    return (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
