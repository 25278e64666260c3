"""Read ``schemas/*.json``, the single source of truth for every field.

A resource schema may name a shared field from ``schemas/fields.json`` with
``{"$ref": key}`` and override its name, description or single constraints;
expansion yields plain Table Schema for the descriptor and the checks.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from datapkg._names import RESOURCES, ResourceName

SHARED_FILE = "fields.json"
RESOURCES_FILE = "resources.json"  # the resources in order, with their groups (generates datapkg/_names.py)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    required: bool
    enum: tuple[str, ...] | None
    computed: bool
    descriptor: dict[str, Any]

    @property
    def item_type(self) -> str:
        """For a ``list`` field, the Table Schema type of its items."""
        return str(self.descriptor.get("itemType", "string"))

    @property
    def delimiter(self) -> str:
        """For a ``list`` field, what separates the items in CSV (Table Schema's default is ",")."""
        return str(self.descriptor.get("delimiter", ","))


@dataclass(frozen=True)
class ForeignKey:
    """A field whose values (each item, for a list field) name a row of one of ``resources``."""

    field: str
    resources: tuple[str, ...]
    reference_field: str


@dataclass(frozen=True)
class TableSpec:
    name: ResourceName
    descriptor: dict[str, Any]
    fields: tuple[FieldSpec, ...]

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> FieldSpec:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def primary_key(self) -> list[str]:
        pk = self.descriptor["primaryKey"]
        return [pk] if isinstance(pk, str) else list(pk)

    @property
    def foreign_keys(self) -> list[ForeignKey]:
        """Table Schema's ``foreignKeys`` (a self-reference names this table), then the
        ``x-foreignKeys`` whose reference spans several resources (``resources``), which
        Table Schema cannot say."""
        out = []
        for fk in self.descriptor.get("foreignKeys", []):
            ref = fk["reference"]
            out.append(ForeignKey(fk["fields"], (ref["resource"] or self.name,), ref["fields"]))
        for fk in self.descriptor.get("x-foreignKeys", []):
            ref = fk["reference"]
            out.append(ForeignKey(fk["fields"], tuple(ref["resources"]), ref["fields"]))
        return out


class SchemaError(Exception):
    """The schema files themselves are inconsistent (a project bug, not curator input)."""


def _expand_field(raw: dict[str, Any], shared: dict[str, Any], where: str) -> dict[str, Any]:
    if "$ref" not in raw:
        return copy.deepcopy(raw)
    key = raw["$ref"]
    if key not in shared:
        raise SchemaError(f"{where}: unknown shared field {key!r} in {SHARED_FILE}")
    field = copy.deepcopy(shared[key])
    for k, v in raw.items():
        if k == "$ref":
            continue
        if k == "constraints":
            field.setdefault("constraints", {}).update(v)
        else:
            field[k] = copy.deepcopy(v)
    if "name" not in field:
        raise SchemaError(f"{where}: field from {key!r} has no name")
    # Keep a stable, readable key order in the published descriptor.
    order = ["name", "type", "description", "constraints"]
    return {k: field[k] for k in order if k in field} | {k: v for k, v in field.items() if k not in order}


def table_spec(name: ResourceName, descriptor: dict[str, Any]) -> TableSpec:
    """A TableSpec over an expanded Table Schema (from schemas/ or a built descriptor)."""
    return TableSpec(
        name=name,
        descriptor=descriptor,
        fields=tuple(
            FieldSpec(
                name=f["name"],
                type=f["type"],
                required=bool(f.get("constraints", {}).get("required", False)),
                enum=tuple(f["constraints"]["enum"]) if "enum" in f.get("constraints", {}) else None,
                computed="x-computed" in f,
                descriptor=f,
            )
            for f in descriptor["fields"]
        ),
    )


def load_schemas(schema_dir: Path) -> dict[ResourceName, TableSpec]:
    shared = json.loads((schema_dir / SHARED_FILE).read_text(encoding="utf-8"))["fields"]
    specs: dict[ResourceName, TableSpec] = {}
    for name in RESOURCES:
        path = schema_dir / f"{name}.json"
        raw = json.loads(path.read_text(encoding="utf-8"))
        fields = [_expand_field(f, shared, path.name) for f in raw["fields"]]
        descriptor = {k: v for k, v in raw.items() if k != "fields"}
        descriptor = {"fields": fields} | descriptor
        specs[name] = table_spec(name, descriptor)
    extra = (
        {p.stem for p in schema_dir.glob("*.json")}
        - set(RESOURCES)
        - {Path(f).stem for f in (SHARED_FILE, RESOURCES_FILE)}
    )
    if extra:
        raise SchemaError(f"schema files for unknown resources: {sorted(extra)}")
    return specs
