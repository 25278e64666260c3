"""``schemas/*.json``, the single source of truth for every field, read with every
problem reported at its file and line.

A resource schema may name a shared field from ``schemas/fields.json`` with
``{"$ref": key}`` and override its name, description or single constraints; expansion
yields plain Table Schema for the descriptor and the checks. The fields the build's
code relies on are declared here too, so a schema that drops one is a clear error,
not a KeyError deep in the build.
"""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

from datapkg._input_files import read_input
from datapkg._names import EXTRACTED, FACT_TABLES, RESOURCES, VOCABULARIES, ResourceName
from datapkg.checks.event_rollup import Rules, RulesError
from datapkg.schema.lint import field_problems, key_problems
from datapkg.schema.specs import TableSpec, table_spec

SHARED_FILE = "fields.json"
RESOURCES_FILE = "resources.json"  # the resources in order, with their groups (generates datapkg/_names.py)

_PROVENANCE = (
    "id",
    "source_id",
    "event_id",
    "quote",
    "quote_start",
    "quote_end",
    "quote_en",
    "claim_status",
    "polarity",
    "attributed_to",
)
RELIED_ON: dict[str, tuple[str, ...]] = {
    "sources": ("id", "title", "language", "publisher", "published_earliest", "published_latest",
                "text_sha256", "text_length", "text_bytes"),
    "actors": ("id",),
    "action_types": ("id",),
    "events": ("id", "label", "kind", "date_start", "date_end", "first_reported", "first_reported_in",
               "claim_count", "source_count", "attribution_count", "denial_count", "strongest_status",
               "unit", "value_best", "value_best_status", "value_low", "value_high"),
    **{name: _PROVENANCE for name in FACT_TABLES},
    "mentions": ("id", "source_id", "start", "end", "text", "kind", "value", "value_number",
                 "value_low", "value_high", "unit", "qualifier", "reference_date", "status", "covered_by",
                 "ignore_reason"),
}  # fmt: skip
"""Fields the build's code reads or writes by name, per resource."""
TOGETHER = (
    ("value", "value_low", "value_high", "qualifier"),
    ("date_start", "date_end", "date_precision", "date_basis"),
)
"""Fields that come as a group in a fact table: one with the first of them has all."""


GROUP_MEMBERS: dict[str, tuple[ResourceName, ...]] = {
    "vocabulary": VOCABULARIES,
    "fact": FACT_TABLES,
    "extracted": EXTRACTED,
}
"""The groups of schemas/resources.json, as a foreign key can name them."""


class SchemaError(Exception):
    """The schema files are broken or inconsistent; ``problems`` name file and line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


MAX_DEPTH = 32
"""How deeply a schema file may nest objects and lists (the real ones nest six levels)."""
_INT64 = (-(2**63), 2**63 - 1)


class _Refused:
    """A number JSON can write but a schema cannot hold, kept where it stood until reported."""

    def __init__(self, text: str, why: str) -> None:
        self.text, self.why = text, why


def _int(text: str) -> int | _Refused:
    if len(text.lstrip("-")) > 19 or not _INT64[0] <= int(text) <= _INT64[1]:
        return _Refused(text, "is beyond what a 64-bit integer can hold")
    return int(text)


def _float(text: str) -> float | _Refused:
    value = float(text)
    return value if math.isfinite(value) else _Refused(text, "is beyond what a 64-bit float can hold")


def _constant(text: str) -> _Refused:
    return _Refused(text, "is not a finite number; JSON has no NaN or Infinity")


def _refused(document: Any) -> list[str]:
    """Every refused number with the path of keys to it, and nesting beyond MAX_DEPTH (once)."""
    out: list[str] = []
    stack: list[tuple[Any, str, int]] = [(document, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, _Refused):
            out.append(f"{path or 'the document'}: {value.text} {value.why}")
        elif depth > MAX_DEPTH and isinstance(value, dict | list):
            return [f"nested more than {MAX_DEPTH} levels deep; a schema is a few levels of objects"]
        elif isinstance(value, dict):
            items = [(v, f"{path}.{k}" if path else str(k), depth + 1) for k, v in value.items()]
            stack += reversed(items)
        elif isinstance(value, list):
            stack += reversed([(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value)])
    return out


def _read(path: Path) -> Any:
    shown = f"schemas/{path.name}"
    try:
        text = read_input(path).decode("utf-8")
        document = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except FileNotFoundError:
        raise SchemaError([f"{shown}: missing"]) from None
    except json.JSONDecodeError as error:
        raise SchemaError(
            [f"{shown}:{error.lineno}: not valid JSON ({error.msg}, column {error.colno})"]
        ) from None
    except RecursionError:
        message = f"nested more than {MAX_DEPTH} levels deep; a schema is a few levels of objects"
        raise SchemaError([f"{shown}: {message}"]) from None
    except (UnicodeDecodeError, OSError) as error:
        raise SchemaError([f"{shown}: unreadable ({error})"]) from None
    refused = _refused(document)
    if refused:
        raise SchemaError([f"{shown}: {p}" for p in refused])
    return document


def _expand_field(raw: Any, shared: dict[str, Any], where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise SchemaError([f"{where}: each field must be an object, got {raw!r}"])
    if "$ref" not in raw:
        field = copy.deepcopy(raw)
    else:
        key = raw["$ref"]
        if key not in shared:
            known = ", ".join(sorted(shared))
            raise SchemaError([f"{where}: unknown shared field {key!r}; {SHARED_FILE} has {known}"])
        field = copy.deepcopy(shared[key])
        for k, v in raw.items():
            if k == "constraints":
                field.setdefault("constraints", {}).update(v)
            elif k != "$ref":
                field[k] = copy.deepcopy(v)
        # Keep a stable, readable key order in the published descriptor.
        order = ["name", "type", "description", "constraints"]
        field = {k: field[k] for k in order if k in field} | {
            k: v for k, v in field.items() if k not in order
        }
    if "name" not in field or "type" not in field:
        raise SchemaError([f"{where}: field {field.get('name', raw)!r} needs a name and a type"])
    return field


def _expand_group(key: Any, where: str) -> Any:
    """A key into a group of resources (``{"group": "fact"}``) names each of them, so a new fact
    table is referenced by being listed in resources.json, and the descriptor says plainly which."""
    reference = key.get("reference") if isinstance(key, dict) else None
    if not isinstance(reference, dict) or "group" not in reference:
        return key
    members = GROUP_MEMBERS.get(reference["group"])
    if members is None:
        known = ", ".join(GROUP_MEMBERS)
        raise SchemaError(
            [f"{where}: foreign key into unknown group {reference['group']!r}; expected {known}"]
        )
    expanded = {"resources": list(members)} | {k: v for k, v in reference.items() if k != "group"}
    return key | {"reference": expanded}


def _resource(schema_dir: Path, name: ResourceName, shared: dict[str, Any]) -> TableSpec:
    path = schema_dir / f"{name}.json"
    raw = _read(path)
    where = f"schemas/{path.name}"
    if not isinstance(raw, dict) or not isinstance(raw.get("fields"), list) or "primaryKey" not in raw:
        raise SchemaError([f"{where}: expected an object with 'fields' (a list) and 'primaryKey'"])
    fields = [_expand_field(f, shared, where) for f in raw["fields"]]
    linted = [f"{where}: {p}" for f in fields for p in field_problems(f)]
    if linted:
        raise SchemaError(linted)
    rest = {k: v for k, v in raw.items() if k != "fields"}
    if "x-foreignKeys" in rest:
        rest["x-foreignKeys"] = [_expand_group(fk, where) for fk in rest["x-foreignKeys"]]
    spec = table_spec(name, {"fields": fields} | rest)
    names = set(spec.field_names)
    missing = [f for f in RELIED_ON.get(name, ("id",)) if f not in names]
    if name in FACT_TABLES:
        missing += [f for group in TOGETHER if group[0] in names for f in group if f not in names]
    if missing:
        raise SchemaError(
            [f"{where}: missing field(s) the build relies on: {', '.join(dict.fromkeys(missing))}"]
        )
    return spec


def load_schemas(schema_dir: Path) -> dict[ResourceName, TableSpec]:
    """Every resource's expanded schema; raises SchemaError listing every broken file."""
    shared_raw = _read(schema_dir / SHARED_FILE)
    if not isinstance(shared_raw, dict) or not isinstance(shared_raw.get("fields"), dict):
        raise SchemaError(
            [f"schemas/{SHARED_FILE}: expected an object with 'fields' (an object of shared fields)"]
        )
    specs: dict[ResourceName, TableSpec] = {}
    problems: list[str] = []
    for name in RESOURCES:
        try:
            specs[name] = _resource(schema_dir, name, shared_raw["fields"])
        except SchemaError as error:
            problems += error.problems
    fields_of: dict[str, set[str]] = {str(name): set(spec.field_names) for name, spec in specs.items()}
    for name, spec in specs.items():
        problems += [f"schemas/{name}.json: {p}" for p in key_problems(spec.descriptor, fields_of, name)]
    known = {*RESOURCES, Path(SHARED_FILE).stem, Path(RESOURCES_FILE).stem}
    problems += [f"schemas/{p.name}: schema of an unknown resource; list it in {RESOURCES_FILE}"
                 for p in sorted(schema_dir.glob("*.json")) if p.stem not in known]  # fmt: skip
    if "events" in specs:
        try:
            Rules.of(specs["events"])
        except RulesError as error:
            problems.append(f"schemas/events.json: {error}")
    if problems:
        raise SchemaError(problems)
    return specs
