"""What a schema file may say: known types, constraints of the right kind, keys that name
existing fields. A mistake in a schema is reported with its file and field here, before any
check runs on it (an invalid pattern or a key naming no field would otherwise fail deep in
the build)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from datapkg._names import RESOURCES
from datapkg.schema.codelists import CODELISTS

SCALAR_TYPES = ("string", "integer", "number", "date", "boolean")
_BOOLEAN = ("required", "unique")
_NUMBER = ("minimum", "maximum")


def _constraint_problems(name: str, constraints: Any) -> list[str]:
    if not isinstance(constraints, dict):
        return [f"field {name!r}: constraints must be an object"]
    out = []
    for key, value in constraints.items():
        if key in _BOOLEAN and not isinstance(value, bool):
            out.append(f"field {name!r}: constraint {key} must be true or false, got {value!r}")
        elif key in _NUMBER and (isinstance(value, bool) or not isinstance(value, int | float)):
            out.append(f"field {name!r}: constraint {key} must be a number, got {value!r}")
        elif key == "minLength" and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            out.append(f"field {name!r}: constraint minLength must be a whole number >= 0, got {value!r}")
        elif key == "enum" and (
            not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value)
        ):
            out.append(f"field {name!r}: constraint enum must be a non-empty list of text values")
        elif key == "pattern":
            out += _pattern_problems(name, value)
        elif key not in (*_BOOLEAN, *_NUMBER, "minLength", "enum", "pattern"):
            out.append(f"field {name!r}: unknown constraint {key!r}")
    return out


def _pattern_problems(name: str, pattern: Any) -> list[str]:
    if not isinstance(pattern, str):
        return [f"field {name!r}: constraint pattern must be text"]
    try:
        re.compile(pattern)
    except re.error as error:
        return [f"field {name!r}: pattern {pattern!r} is not a regular expression ({error})"]
    return []


def field_problems(field: dict[str, Any]) -> list[str]:
    name, kind = field.get("name"), field.get("type")
    out = []
    if kind == "list":
        if field.get("itemType", "string") not in SCALAR_TYPES:
            out.append(f"field {name!r}: itemType must be one of {', '.join(SCALAR_TYPES)}")
    elif kind not in SCALAR_TYPES:
        out.append(f"field {name!r}: type {kind!r}; expected one of {', '.join((*SCALAR_TYPES, 'list'))}")
    if "x-codelist" in field and field["x-codelist"] not in CODELISTS:
        out.append(
            f"field {name!r}: unknown code list {field['x-codelist']!r}; known: {', '.join(CODELISTS)}"
        )
    out += _category_problems(field)
    return out + _constraint_problems(str(name), field.get("constraints", {})) + _enum_extras(field)


def _category_problems(field: dict[str, Any]) -> list[str]:
    """Data Package v2 ``categories`` (the build writes them into the descriptor) list the enum's
    values in its order: a reader labelling codes by them must not meet another set of codes."""
    if "categories" not in field:
        return []
    constraints = field.get("constraints")
    enum = constraints.get("enum") if isinstance(constraints, dict) else None
    categories = field["categories"]
    values = (
        [c.get("value") if isinstance(c, dict) else c for c in categories]
        if isinstance(categories, list)
        else None
    )
    if enum is None or values != list(enum):
        return [f"field {field.get('name')!r}: categories must list the values of its enum, in their order"]
    return []


def _enum_extras(field: dict[str, Any]) -> list[str]:
    """A default and a status ladder name values of the field's enum; the ladder and the values
    kept apart from it name each value once."""
    name = field.get("name")
    enum = field.get("constraints", {}).get("enum") if isinstance(field.get("constraints"), dict) else None
    out = []
    if "x-default" in field and enum is not None and field["x-default"] not in enum:
        out.append(f"field {name!r}: x-default {field['x-default']!r} is not one of its enum values")
    if "x-ladder" in field:
        ladder = field["x-ladder"]
        listed = [v for rung in ladder for v in rung] if isinstance(ladder, list) and all(
            isinstance(rung, list) for rung in ladder) else None  # fmt: skip
        apart = field.get("x-apart", [])
        if listed is None or not isinstance(apart, list):
            out.append(f"field {name!r}: x-ladder must be a list of rungs (lists of values), x-apart a list")
        elif enum is not None and sorted(listed + apart) != sorted(enum):
            out.append(f"field {name!r}: x-ladder and x-apart must name each enum value once")
    lasting = field.get("x-lasting", [])
    if not isinstance(lasting, list) or (enum is not None and not set(lasting) <= set(enum)):
        out.append(f"field {name!r}: x-lasting must be a list of its enum values")
    counted = field.get("x-counted", {})
    if not isinstance(counted, dict) or not all(
        key in ("exclude", "only") and _lists_by_name(value) for key, value in counted.items()
    ):
        out.append(f"field {name!r}: x-counted must map exclude and only to {{field: [values]}}")
    return out


def _lists_by_name(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(i, str) for i in v)
        for k, v in value.items()
    )


CLAIM_ROLES = ("subject", "counterpart", "what", "value", "unit")
"""Keys of a fact schema's ``x-claim`` that name its columns (``unit_constant`` is a text)."""


def claim_problems(schema: Mapping[str, Any], own: set[str]) -> list[str]:
    """``x-claim`` (how a fact table's rows read as claims) names columns the table has."""
    claim = schema.get("x-claim", {})
    if not isinstance(claim, dict) or not all(isinstance(v, str) for v in claim.values()):
        return ["x-claim must map roles to column names"]
    out = [f"x-claim: unknown role {k!r}" for k in claim if k not in (*CLAIM_ROLES, "unit_constant")]
    return out + [
        f"x-claim: {k} names no field {v!r}" for k, v in claim.items() if k in CLAIM_ROLES and v not in own
    ]


def key_problems(schema: Mapping[str, Any], fields_of: Mapping[str, set[str]], resource: str) -> list[str]:
    """primaryKey, foreign keys and ``x-claim`` name fields that exist, in resources that exist."""
    own = fields_of[resource]
    pk = schema.get("primaryKey")
    names = [pk] if isinstance(pk, str) else pk if isinstance(pk, list) else None
    out = [] if names else ["primaryKey must name a field or a list of fields"]
    out += [f"primaryKey names no field {n!r}" for n in names or [] if n not in own]
    for key in (*schema.get("foreignKeys", []), *schema.get("x-foreignKeys", [])):
        ref = key.get("reference", {}) if isinstance(key, dict) else {}
        targets = ref.get("resources") or [ref.get("resource") or resource]
        if not isinstance(key, dict) or key.get("fields") not in own:
            out.append(
                f"foreign key on {key.get('fields') if isinstance(key, dict) else key!r}: no such field"
            )
        for target in targets:
            if target in RESOURCES and target not in fields_of:
                continue  # its own schema's problem is reported
            if target not in fields_of:
                out.append(f"foreign key on {key.get('fields')!r}: no resource {target!r}")
            elif ref.get("fields") not in fields_of[target]:
                out.append(
                    f"foreign key on {key.get('fields')!r}: {target} has no field {ref.get('fields')!r}"
                )
    return out + claim_problems(schema, own)
