"""The one place that decides which problems only follow from another: each rule on its own,
and, for every case of the policy's table, a build whose inputs hold the cause. The cause is
reported and what it hides is not; with that case taken out of the table, what it hides is
reported too, so the example shows a real follow-on problem and the case is what keeps it quiet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from datapkg.compiler import follow_on
from datapkg.compiler.follow_on import (
    CASES,
    Cause,
    FollowOn,
    Hidden,
    echoes_input_problem,
    echoes_reported,
    mention_reported_fields,
)
from datapkg.compiler.inputs.schema_files import load_schemas
from datapkg.compiler.layout import Layout
from datapkg.compiler.pipeline import compile_package
from datapkg.compiler.problems import InputError, Problem
from datapkg.schema.specs import TableSpec

from .conftest import ROOT, edit

S000, S001 = "000_7e917bff9e613273", "001_f05a9056add4a36d"
R000, R001 = f"build/records/{S000}.yaml", f"build/records/{S001}.yaml"
M000, M001 = f"build/sources/{S000}.yaml", f"build/sources/{S001}.yaml"
T000 = f"build/sources/{S000}.txt"
ACTORS = "build/records/actors.yaml"
BULK = "build/records/extra.troop_figures.parquet"

Edit = Callable[[Layout], None]


def delete(relative: str) -> Edit:
    return lambda layout: (layout.root / relative).unlink()


def rejected_bulk_file(layout: Layout) -> None:
    """A bulk file of troop figures with a column no schema has: rejected whole."""
    table = pq.read_table(layout.data_dir / "troop_figures.parquet").slice(0, 1).drop_columns(["quote_end"])
    table = table.set_column(0, "id", pa.array(["bulk-figure-1"])).append_column("colour", pa.array(["red"]))
    pq.write_table(table, layout.root / BULK)


UNEXPLAINED = edit(
    R000, "  - text: seit geraumer Zeit\n    start: 298\n", "  - text: seit Ewigkeiten\n    start: 298\n"
)
CONTRADICTED = edit(R000, "    value: 1320000\n", "    value: 132000\n")
UNUSED_ACTOR = edit(
    ACTORS,
    "actors:\n",
    "actors:\n  - id: nowhere\n    name_en: Nowhere\n    name_de: Nirgendwo\n    kind: state\n"
    "    country: RUS\n    role: A state no article names\n    cameo_code: RUS\n",
)


@dataclass(frozen=True)
class Example:
    """Inputs that hold a cause, and would show each follow-on it hides."""

    edits: tuple[Edit, ...]
    reported: tuple[str, str]  # part of the cause's message, and the file it names
    hidden: dict[Hidden, str]  # what the cause hides -> part of that follow-on's message


EXAMPLES: dict[Cause, Example] = {
    Cause.FIELD_PROBLEM: Example(
        (edit(R001, '    date: "2024-12"\n', '    date: "2024-13"\n'),
         edit(R000, "    value: 1600000\n", "    value: 1,6 Millionen\n")),
        ("month 13", R001),
        {Hidden.SAME_FIELD: "field 'value': qualifier 'exact' needs a value",
         Hidden.DERIVED_FIELDS: "field 'date_text': date_text given without a date"},
    ),
    Cause.UNEXPLAINED_MENTION: Example(
        (UNEXPLAINED,),
        ("'seit geraumer Zeit' at offset 298 is in no record's quote", T000),
        {Hidden.IGNORE_REASON: "an ignored mention needs a reason"},
    ),
    Cause.RECORDS_FILE_UNREAD: Example(
        (edit(R001, "    measure: deployed\n", "    measure: [deployed\n"),
         edit(ACTORS, "    name_en: Russia\n", "    name_en: [Russia\n")),
        ("YAML syntax error", R001),
        {Hidden.COVERAGE: "is in no record's quote", Hidden.VOCABULARY_USE: "referred to by no record",
         Hidden.MISSING_VOCABULARY: "no actors at all"},
    ),
    Cause.UNKNOWN_SOURCE: Example(
        (edit(R000, f"source_id: {S000}\n", "source_id: 999_nope\n"),),
        ("unknown source_id '999_nope': no such id in sources", R000),
        {Hidden.SOURCE_AND_QUOTE: "field 'quote_start': required, but missing",
         Hidden.COVERAGE: "is in no record's quote"},
    ),
    Cause.WRONG_SOURCE: Example(
        (edit(R001, f"source_id: {S001}\n", f"source_id: {S000}\n"),),
        (f"but the quotes of this file are in {S001}", R001),
        {Hidden.QUOTE_NOT_FOUND: "quote not found verbatim",
         Hidden.COVERAGE: "is in no record's quote", Hidden.DATE_TEXT: f"is not a mention of source {S000}"},
    ),
    Cause.SOURCE_FAILED: Example(
        (delete(T000),),
        (f"source text {T000} is missing", M000),
        {Hidden.SOURCE_AND_QUOTE: f"field 'source_id': unknown source_id '{S000}'"},
    ),
    Cause.SOURCE_UNREAD: Example(
        (edit(M001, "language: de-CH\n", "language: Schweizerdeutsch\n"),),
        ("language 'Schweizerdeutsch': expected a code the extractor reads", M001),
        {Hidden.COVERAGE: "no uncovered mention 'seit mehreren Tagen'",
         Hidden.QUOTED_FIGURES: "3000 is not what the quote says",
         Hidden.DATE_TEXT: f"date_text 'bis Dezember' is not a mention of source {S001}"},
    ),
    Cause.DRAFTS: Example(
        (edit(R001, "  - id: prk-former-workers-among-troops\n",
              "  - id: prk-former-workers-among-troops\n    status: draft\n"),),
        ("draft troop_figures record", R001),
        {Hidden.COVERAGE: "is in no record's quote"},
    ),
    Cause.BULK_REJECTED: Example(
        (rejected_bulk_file, UNEXPLAINED, CONTRADICTED, UNUSED_ACTOR),
        ("unknown column 'colour'", BULK),
        {Hidden.COVERAGE: "'seit geraumer Zeit' at offset 298 is in no record's quote",
         Hidden.QUOTED_FIGURES: "132000 is not what the quote says",
         Hidden.VOCABULARY_USE: "referred to by no record"},
    ),
    Cause.EMPTY_VOCABULARY: Example(
        (delete(ACTORS),),
        ("no actors at all: this file is missing", ACTORS),
        {Hidden.REFERENCES: "no such id in actors"},
    ),
}  # fmt: skip


def _problems(layout: Layout, example: Example) -> list[Problem]:
    for change in example.edits:
        change(layout)
    with pytest.raises(InputError) as caught:
        compile_package(layout)
    return list(caught.value.problems)


def test_every_case_of_the_policy_has_an_example_of_everything_it_hides() -> None:
    assert len({case.cause for case in CASES}) == len(CASES), "one case per cause"
    assert {case.cause: set(case.hides) for case in CASES} == {
        cause: set(example.hidden) for cause, example in EXAMPLES.items()
    }


@pytest.mark.parametrize("case", CASES, ids=[case.cause.name for case in CASES])
def test_a_cause_is_reported_and_what_it_hides_is_not(case: follow_on.Case, project_copy: Layout) -> None:
    example = EXAMPLES[case.cause]
    problems = _problems(project_copy, example)
    shown = [str(p) for p in problems]
    part, where = example.reported
    assert any(part in p.message and p.where.startswith(where) for p in problems), shown
    for hidden, message in example.hidden.items():
        assert not [p for p in shown if message in p], (hidden, shown)


@pytest.mark.parametrize("case", CASES, ids=[case.cause.name for case in CASES])
def test_without_its_case_what_a_cause_hides_is_reported(
    case: follow_on.Case, project_copy: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(follow_on, "CASES", tuple(c for c in CASES if c is not case))
    shown = [str(p) for p in _problems(project_copy, EXAMPLES[case.cause])]
    for hidden, message in EXAMPLES[case.cause].hidden.items():
        assert [p for p in shown if message in p], (hidden, shown)


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


def test_a_later_problem_on_a_reported_field_of_the_same_record_is_dropped() -> None:
    later = Problem("build/records/a.yaml:3", "-5 is not what the quote says", "fig-1", "value")
    assert echoes_reported(later, {("fig-1", "value")})
    assert not echoes_reported(later, {("fig-1", "unit"), ("fig-2", "value")})


def test_an_unexplained_mention_is_reported_once() -> None:
    assert mention_reported_fields({"status": "ignored", "ignore_reason": None}) == {"ignore_reason"}
    assert mention_reported_fields({"status": "ignored", "ignore_reason": "background"}) == frozenset()
    assert mention_reported_fields({"status": "covered", "ignore_reason": None}) == frozenset()


def test_a_cause_hides_only_for_its_own_subject() -> None:
    policy = FollowOn(read_sources={"a", "b"})
    policy.record(Cause.DRAFTS, "a")
    assert policy.quiet(Hidden.COVERAGE, ["a", "b"]) == {"a"}
    assert policy.quiet(Hidden.COVERAGE, ["a", "b", "c"]) == {"a", "c"}  # c was never read
    assert policy.shows_date_text("a") and policy.shows_vocabulary_use()
    policy.record(Cause.BULK_REJECTED)
    assert policy.quiet(Hidden.COVERAGE, ["a", "b"]) == {"a", "b"}
    assert policy.hides_everywhere(Hidden.QUOTED_FIGURES) and not policy.shows_vocabulary_use()


def test_references_stay_quiet_only_when_every_vocabulary_they_may_name_is_empty() -> None:
    policy = FollowOn()
    policy.record(Cause.EMPTY_VOCABULARY, "actors")
    assert not policy.shows_reference("foreign_key:actors")
    assert policy.shows_reference("foreign_key:actors|action_types")
    assert policy.shows_reference("foreign_key:sources") and policy.shows_reference("vocabulary_used")


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
