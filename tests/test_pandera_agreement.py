"""The published Pandera schemas and the build's Arrow checks enforce the same constraints."""

from __future__ import annotations

import pandera.pandas as pa_pandera
import pyarrow as pa
import pytest

import datapkg
from datapkg._dtypes import arrow_to_pandas
from datapkg._names import RESOURCES
from datapkg.checks.field_rules import field_findings, structure_findings
from datapkg.checks.pandera_schemas import pandera_schema
from datapkg.schema.specs import table_spec


@pytest.mark.parametrize("name", RESOURCES)
def test_pandera_accepts_every_installed_table(name: str) -> None:
    datapkg.pandera_schema(name).validate(datapkg.load(name), lazy=True)  # type: ignore[arg-type]


BREAKAGES = [
    ("military_rankings", "rank", 0),
    ("troop_figures", "value", -5),
    ("troop_figures", "claim_status", "rumoured"),
    ("actors", "id", "Not A Slug"),
    ("actors", "country", "Korea"),
    ("diplomatic_actions", "quote", None),
    ("action_types", "goldstein", 11.0),
]


@pytest.mark.parametrize(("name", "column", "bad"), BREAKAGES)
def test_both_engines_reject_the_same_value(name: str, column: str, bad: object) -> None:
    schema = next(r for r in datapkg.package()["resources"] if r["name"] == name)["schema"]
    spec = table_spec(name, schema)  # type: ignore[arg-type]
    table = datapkg.load(name, backend="pyarrow")  # type: ignore[arg-type]
    values = table[column].to_pylist()
    values[0] = bad
    field_type = table.schema.field(column).type
    broken = table.set_column(table.schema.get_field_index(column), column, pa.array(values, field_type))
    assert [(f.row, f.field) for f in structure_findings(spec, broken) or field_findings(spec, broken)] == [
        (0, column)
    ]
    # Pandera sees the same table as plain-string pandas columns (a bad enum value survives).
    frame = arrow_to_pandas(broken, schema, categorical=False)
    with pytest.raises(pa_pandera.errors.SchemaErrors) as caught:
        pandera_schema(spec, categorical=False).validate(frame, lazy=True)
    cases = caught.value.failure_cases
    assert {(int(i), c) for i, c in zip(cases["index"], cases["column"], strict=True)} == {(0, column)}
