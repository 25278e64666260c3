"""schemas/ is the single source of truth and says everything about every field."""

from __future__ import annotations

import json

import pytest

from datapkg._names import FACT_TABLES, RESOURCES
from datapkg.compiler.inputs.schema_files import load_schemas

from .conftest import ROOT

FIXED_FACT_COLUMNS = [
    "id",
    "source_id",
    "quote",
    "quote_start",
    "quote_end",
    "claim_status",
    "attributed_to",
    "note",
]


@pytest.fixture(scope="module")
def specs():  # type: ignore[no-untyped-def]
    return load_schemas(ROOT / "schemas")


def test_every_field_has_a_type_and_description(specs) -> None:  # type: ignore[no-untyped-def]
    for name in RESOURCES:
        for field in specs[name].fields:
            assert field.descriptor.get("description"), f"{name}.{field.name}"
            assert field.type in {"string", "integer", "number", "date", "boolean", "list"}
            if field.type == "list":  # Table Schema's list type: items of one type, a CSV delimiter
                assert field.descriptor["itemType"] == "string" and field.descriptor["delimiter"] == " "


def test_enum_values_have_meanings(specs) -> None:  # type: ignore[no-untyped-def]
    for name in RESOURCES:
        for field in specs[name].fields:
            if field.enum and field.name not in {"plover_category"}:
                meanings = field.descriptor.get("x-enumDescriptions", {})
                assert set(meanings) == set(field.enum), f"{name}.{field.name}"


@pytest.mark.parametrize("table", FACT_TABLES)
def test_fact_tables_have_the_fixed_columns(specs, table: str) -> None:  # type: ignore[no-untyped-def]
    names = specs[table].field_names
    assert set(FIXED_FACT_COLUMNS) <= set(names)
    assert specs[table].primary_key == ["id"]
    keys = {(fk.field, fk.resources, fk.reference_field) for fk in specs[table].foreign_keys}
    assert ("source_id", ("sources",), "id") in keys
    assert ("attributed_to", ("actors",), "id") in keys


def _without_required(field: dict) -> dict:  # type: ignore[type-arg]
    constraints = {k: v for k, v in field.get("constraints", {}).items() if k != "required"}
    return {**field, "constraints": constraints}


def test_shared_fields_are_identical_wherever_used(specs) -> None:  # type: ignore[no-untyped-def]
    for column in (
        "claim_status",
        "qualifier",
        "date_precision",
        "date_basis",
        "quote",
        "quote_start",
    ):
        tables = [t for t in FACT_TABLES if column in specs[t].field_names]
        if column == "qualifier":  # rankings qualify a place, not a quantity
            tables.remove("military_rankings")
        # Tables may only tighten `required` (diplomatic actions must be dated).
        definitions = {
            json.dumps(_without_required(specs[t].field(column).descriptor), sort_keys=True) for t in tables
        }
        assert len(tables) >= 2 and len(definitions) == 1, column


def test_fixed_enums(specs) -> None:  # type: ignore[no-untyped-def]
    assert specs["troop_figures"].field("qualifier").enum == (
        "exact",
        "approx",
        "more_than",
        "less_than",
        "at_least",
        "up_to",
        "vague",
    )
    assert specs["diplomatic_actions"].field("date_precision").enum == (
        "day",
        "week",
        "month",
        "year",
    )
    assert specs["diplomatic_actions"].field("date_basis").enum == (
        "stated",
        "resolved",
        "external",
        "publication",
    )
