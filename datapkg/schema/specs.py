"""A resource's Table Schema as the checks and the loader read it: fields with their
types and constraints, the primary key and the foreign keys. Built from an expanded
schema (``compiler/inputs/schema_files.py`` reads ``schemas/*.json``) or from a
built descriptor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from datapkg._names import ResourceName


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
    def defaults(self) -> dict[str, Any]:
        """The value of each field a record may leave out (``x-default``): written out in the
        published tables, so readers never meet a value the data does not show."""
        return {f.name: f.descriptor["x-default"] for f in self.fields if "x-default" in f.descriptor}

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
