"""The one place that decides which problems only echo another: each rule on its own,
and through a build whose inputs hold such a cause."""

from __future__ import annotations

import pytest

from datapkg.compiler.follow_on import (
    echoes_input_problem,
    mention_reported_fields,
    report_coverage,
)
from datapkg.compiler.inputs.schema_files import load_schemas
from datapkg.compiler.layout import Layout
from datapkg.compiler.pipeline import compile_package
from datapkg.compiler.problems import InputError
from datapkg.schema.specs import TableSpec

from .conftest import ROOT


@pytest.fixture(scope="module")
def figures() -> TableSpec:
    return load_schemas(ROOT / "schemas")["troop_figures"]


def test_a_field_with_an_input_problem_is_not_reported_again(figures: TableSpec) -> None:
    assert echoes_input_problem("value", frozenset({"value"}), figures)
    assert not echoes_input_problem("value", frozenset({"unit"}), figures)
    assert not echoes_input_problem("value", frozenset(), figures)


def test_fields_derived_from_a_bad_input_stay_quiet(figures: TableSpec) -> None:
    for derived in ("date_start", "date_end", "date_precision", "date_basis", "date_text"):
        assert echoes_input_problem(derived, frozenset({"date"}), figures)
    assert echoes_input_problem("quote_end", frozenset({"quote"}), figures)
    assert not echoes_input_problem("quote", frozenset({"date"}), figures)


def test_computed_fields_follow_any_input_problem_of_their_record(figures: TableSpec) -> None:
    computed = [f.name for f in figures.fields if f.computed]
    assert computed, "troop_figures has computed fields"
    assert all(echoes_input_problem(name, frozenset({"note"}), figures) for name in computed)
    assert not any(echoes_input_problem(name, frozenset(), figures) for name in computed)


def test_coverage_is_reported_unless_bulk_records_were_rejected() -> None:
    assert report_coverage(bulk_rejected=False)
    assert not report_coverage(bulk_rejected=True)


def test_an_unexplained_mention_is_reported_once() -> None:
    assert mention_reported_fields({"status": "ignored", "ignore_reason": None}) == {"ignore_reason"}
    assert mention_reported_fields({"status": "ignored", "ignore_reason": "background"}) == frozenset()
    assert mention_reported_fields({"status": "covered", "ignore_reason": None}) == frozenset()


def test_a_bad_date_is_reported_once_not_on_every_date_field(project_copy: Layout) -> None:
    path = next(p for p in sorted(project_copy.records_dir.glob("0*.yaml")))
    text = path.read_text(encoding="utf-8")
    first_day = next(line for line in text.splitlines() if line.strip().startswith("date: 2024-"))
    path.write_text(
        text.replace(first_day, first_day.split("date:")[0] + "date: 2024-13-40", 1), encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        compile_package(project_copy)
    fields = [p.field for p in caught.value.problems]
    assert fields == ["date"], [str(p) for p in caught.value.problems]
