"""Hostile build inputs and a hostile output folder: whatever a records file, a bulk file or
the file system does, the build reports problems or builds, never raises, and a failed
write leaves every previous output as it was."""

from __future__ import annotations

import datetime as dt
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datapkg.cli import main
from datapkg.compiler.inputs.bulk_records import _read
from datapkg.compiler.inputs.dates import DateFormError, expand_date
from datapkg.compiler.inputs.schema_files import load_schemas
from datapkg.compiler.inputs.typed_fields import coerce
from datapkg.compiler.inputs.yaml_input import load_yaml
from datapkg.compiler.layout import Layout
from datapkg.compiler.pipeline import compile_package, write_outputs
from datapkg.compiler.problems import InputError
from datapkg.schema.specs import FieldSpec, table_spec

from .conftest import copy_project

R000 = "build/records/000_7e917bff9e613273.yaml"
RECORD_LINES = {  # the lines of the first troop figure, by field
    "id": "  - id: gfp-2024-prk-active-personnel\n",
    "force": "    force: prk-armed-forces\n",
    "unit": "    unit: persons\n",
    "value": "    value: 1320000\n",
    "qualifier": "    qualifier: approx\n",
    "date": '    date: ["2024-01", "2024-06"]\n',
    "claim_status": "    claim_status: reported\n",
    "quote": "    quote: Laut dem 2024 Military Strength Ranking",
    "note": "    note: >-\n",  # a block follows: a plain value on this line continues into it
}


def _outputs(layout: Layout) -> dict[str, bytes]:
    files = [
        *layout.data_dir.iterdir(),
        layout.root_descriptor,
        layout.root_croissant,
        layout.data_dictionary,
    ]
    return {layout.shown(p): p.read_bytes() for p in files if p.is_file()}


def _staging_left(layout: Layout) -> list[Path]:
    return sorted(layout.root.rglob(".staging-*"))


def _changed_inputs(layout: Layout) -> None:
    """A change that makes the build rewrite outputs, and a stale file it would delete."""
    path = layout.root / R000
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("quote_en: According to the 2024", "quote_en: Per the 2024", 1), "utf-8")
    (layout.data_dir / "retired.csv").write_text("id\n", encoding="utf-8")


def _failing_on(call: int, code: int) -> Callable[..., None]:
    real, calls = os.replace, [0]

    def replace(src: Any, dst: Any) -> None:
        calls[0] += 1
        if calls[0] == call:
            raise OSError(code, os.strerror(code))
        real(src, dst)

    return replace


# -- atomic outputs ------------------------------------------------------------------------


def test_each_output_is_staged_in_its_own_folder(project_copy: Layout) -> None:
    compiled = compile_package(project_copy)
    folders = {target.parent for target in compiled.staged}
    assert folders == {project_copy.data_dir, project_copy.root, project_copy.data_dictionary.parent}
    assert all(staged.parent.parent == target.parent for target, staged in compiled.staged.items())


@pytest.mark.parametrize("code", [errno.EXDEV, errno.EACCES, errno.ENOSPC])
@pytest.mark.parametrize("where", ["first", "middle", "last descriptor", "stale file"])
def test_a_failed_move_restores_every_output(
    project_copy: Layout, monkeypatch: pytest.MonkeyPatch, code: int, where: str
) -> None:
    _changed_inputs(project_copy)
    before = _outputs(project_copy)
    compiled = compile_package(project_copy)
    count = len(compiled.staged)
    call = {"first": 1, "middle": count // 2, "last descriptor": count, "stale file": count + 1}[where]
    monkeypatch.setattr(os, "replace", _failing_on(call, code))
    with pytest.raises(OSError, match="every output was restored as it was, no file was changed"):
        write_outputs(project_copy, compiled)
    monkeypatch.undo()
    assert _outputs(project_copy) == before
    assert _staging_left(project_copy) == []


def test_a_failed_move_is_one_line_from_the_cli(
    project_copy: Layout, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _changed_inputs(project_copy)
    before = _outputs(project_copy)
    monkeypatch.setattr(os, "replace", _failing_on(3, errno.EXDEV))
    assert main(["build", "--root", str(project_copy.root)]) == 1
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"error: {project_copy.data_dir}/")
    assert "cannot put the build in place (Invalid cross-device link); every output was restored" in err
    assert _outputs(project_copy) == before
    assert _staging_left(project_copy) == []


def test_without_hard_links_the_previous_outputs_are_copied(
    project_copy: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    _changed_inputs(project_copy)
    compiled = compile_package(project_copy)
    expected = {project_copy.shown(t): compiled.read(t) for t in compiled.staged}

    def no_link(src: Any, dst: Any) -> None:
        raise OSError(errno.EPERM, "links not supported")

    monkeypatch.setattr(os, "link", no_link)
    write_outputs(project_copy, compiled)
    after = _outputs(project_copy)
    assert {name: after[name] for name in expected} == expected
    assert "datapkg/data/retired.csv" not in after
    assert _staging_left(project_copy) == []


# -- any text, any value --------------------------------------------------------------------

YAML_CHARS = st.sampled_from(list(":-[]{}!&*#|>'\",?%@`~ \t\n\r\x85\u2028\x00\x07\ufeff.0123456789eEaZ_äß"))


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(YAML_CHARS, max_size=60))
def test_any_text_is_a_mapping_or_a_problem(tmp_path: Path, text: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(text.encode("utf-8"))
    _, problems = load_yaml(path, "r.yaml")
    for problem in problems:
        assert problem.where.startswith("r.yaml")
        assert "\n" not in str(problem)


SCALARS = st.one_of(
    st.sampled_from([
        ".nan", "!!float .nan", "!!float -.inf", ".Inf", "!!int abc", "!!int 0x1F", "!!bool maybe", "~",
        "null", "yes", "2024-02-30", "!!timestamp 2024-13-45", "!!timestamp now", "[a]", "{a: 1}", "[]",
        "{}", "!!binary AA==", "!!set {a}", "!!omap [a: 1]", "!!python/none ''", "!local x", "''", "-0",
        "1e3", "0o7", "1_000", "&a [*a]", "2024-06-19T10:00:00", "!!str", "!!null x", "!!map [1]",
    ]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.floats(allow_nan=False).map(repr),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12).map(
        lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    ),
)  # fmt: skip


@pytest.fixture(scope="module")
def shared_copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Layout]:
    yield copy_project(tmp_path_factory.mktemp("hostile"))


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(sorted(RECORD_LINES)), scalar=SCALARS)
def test_any_value_in_any_field_is_built_or_reported(shared_copy: Layout, field: str, scalar: str) -> None:
    path = shared_copy.root / R000
    original = path.read_text(encoding="utf-8")
    start = original.index(RECORD_LINES[field])
    end = original.index("\n", start) + 1
    key = RECORD_LINES[field].split(":")[0]
    path.write_text(original[:start] + f"{key}: {scalar}\n" + original[end:], "utf-8")
    try:
        compile_package(shared_copy)
    except InputError as error:
        assert error.problems
        for problem in error.problems:
            assert "\n" not in str(problem)
            assert problem.where.split(":")[0].startswith(("build/", "schemas/", "datapkg/"))
    finally:
        path.write_text(original, encoding="utf-8")


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.integers(min_value=0, max_value=10**9).filter(lambda v: v != 1320000))
def test_a_figure_other_than_the_quotes_is_named_with_both(shared_copy: Layout, value: int) -> None:
    path = shared_copy.root / R000
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace(RECORD_LINES["value"], f"    value: {value}\n", 1), "utf-8")
    try:
        with pytest.raises(InputError) as caught:
            compile_package(shared_copy)
    finally:
        path.write_text(original, encoding="utf-8")
    [problem] = [p for p in caught.value.problems if p.field == "value"]
    assert (problem.where, problem.record_id) == (f"{R000}:11", "gfp-2024-prk-active-personnel")
    assert problem.message.startswith(f"{value} is not what the quote says: ")
    assert "'circa 1,32 Millionen' = 1320000" in problem.message


@given(year=st.integers(0, 9999), month=st.integers(0, 13), day=st.integers(0, 32))
def test_a_day_is_a_date_or_says_why_not(year: int, month: int, day: int) -> None:
    text = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        real = dt.date(year, month, day)
    except ValueError:
        with pytest.raises(DateFormError, match=rf"^impossible date '{text}': \S"):
            expand_date(text)
    else:
        assert expand_date(text).start == real


VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8), st.dates(),
              st.datetimes()),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=6,
)  # fmt: skip


@given(value=VALUES)
def test_any_value_is_a_date_span_or_a_date_problem(value: Any) -> None:
    try:
        span = expand_date(value)
    except DateFormError as error:
        assert "\n" not in str(error)
    else:
        assert span.start <= span.end


@given(kind=st.sampled_from(["string", "integer", "number", "date", "boolean"]), value=VALUES)
def test_any_value_is_typed_or_refused(kind: str, value: Any) -> None:
    spec = FieldSpec("f", kind, False, None, False, {})
    typed, error = coerce(spec, value)
    if error is not None:
        assert typed is None and "\n" not in error
    elif isinstance(typed, float):
        assert typed == typed and abs(typed) != float("inf")


BULK_COLUMNS = st.sampled_from([
    (pa.int8(), 5), (pa.int64(), 5), (pa.uint64(), 2**64 - 1), (pa.bool_(), True), (pa.string(), "5"),
    (pa.float64(), 5.0), (pa.float64(), float("nan")), (pa.float32(), float("inf")), (pa.null(), None),
    (pa.date32(), dt.date(2024, 1, 1)), (pa.timestamp("s"), dt.datetime(2024, 1, 1)),
    (pa.decimal128(10, 0), 5), (pa.list_(pa.int64()), [5]), (pa.large_string(), "x"),
])  # fmt: skip


@given(column=st.sampled_from(["value", "quote_start", "date_start", "unit", "id"]), typed=BULK_COLUMNS)
def test_any_bulk_column_is_read_exactly_or_refused(
    column: str, typed: tuple[pa.DataType, Any], layout: Layout
) -> None:
    spec = load_schemas(layout.schemas_dir)["troop_figures"]
    raw = pa.table({
        "id": pa.array(["b-1"]), "force": pa.array(["prk-armed-forces"]), "quote": pa.array(["x"]),
        "quote_start": pa.array([0], pa.int64()),
    })  # fmt: skip
    kind, value = typed
    values = pa.array([value], kind)
    raw = raw.set_column(raw.column_names.index(column), column, values) if column in raw.column_names else (
        raw.append_column(column, values)
    )  # fmt: skip
    table, problems = _read("b.parquet", raw, spec)
    for problem in problems:
        assert problem.where.startswith("b.parquet") and "\n" not in str(problem)
    if not problems:  # read, then exactly: nothing cast, rounded or dropped to missing
        assert table is not None and table[column].to_pylist() == [value]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
def test_a_bulk_number_that_is_not_finite_is_named_by_row(bad: float) -> None:
    fields = [
        {"name": "id", "type": "string"},
        {"name": "quote", "type": "string"},
        {"name": "quote_start", "type": "integer"},
        {"name": "quote_end", "type": "integer"},
        {"name": "share", "type": "number"},
    ]
    spec = table_spec("troop_figures", {"fields": fields, "primaryKey": "id"})
    raw = pa.table({
        "id": ["b-1", "b-2"], "quote": ["x", "y"], "quote_start": pa.array([0, 1], pa.int64()),
        "share": pa.array([0.5, bad], pa.float64()),
    })  # fmt: skip
    _, problems = _read("b.parquet", raw, spec)
    assert [str(p) for p in problems] == [
        f"b.parquet:2: record 'b-2': field 'share': {bad} is not a number a record can hold; "
        "expected a finite number"
    ]


def test_a_figure_the_quote_does_not_give_builds_when_the_record_says_why(shared_copy: Layout) -> None:
    path = shared_copy.root / R000
    original = path.read_text(encoding="utf-8")
    declared = (
        "    not_in_quote:\n      value: {basis: external, reason: the magazine's table gives 1320001}\n"
    )
    path.write_text(original.replace(RECORD_LINES["value"], "    value: 1320001\n" + declared, 1), "utf-8")
    try:
        compiled = compile_package(shared_copy)
    finally:
        path.write_text(original, encoding="utf-8")
    figures = compiled.tables["troop_figures"].to_pylist()
    assert [r["value"] for r in figures if r["id"] == "gfp-2024-prk-active-personnel"] == [1320001]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
@pytest.mark.parametrize(
    "relative",
    [
        "build/records/zz_extra.yaml",
        "build/records/zz_extra.troop_figures.parquet",
        "build/sources/000_7e917bff9e613273.txt",
        "schemas/fields.json",
        "build/releases/0.1.0.sha256",
    ],
)
def test_a_pipe_where_an_input_belongs_is_named_not_waited_on(
    relative: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nobody writes to the pipe: reading it would block the build for ever."""
    layout = copy_project(tmp_path)
    before = _outputs(layout)
    target = layout.root / relative
    target.unlink(missing_ok=True)
    os.mkfifo(target)
    assert main(["build", "--root", str(layout.root)]) == 1
    err = capsys.readouterr().err
    assert "is a named pipe; expected a regular file" in err
    assert "Traceback" not in err
    assert _outputs(layout) == before


def test_an_input_without_end_is_cut_at_the_limit(tmp_path: Path) -> None:
    from datapkg._input_files import InputFileError, read_input, read_limited

    endless = Path("/dev/zero")
    if endless.exists():
        with pytest.raises(InputFileError, match="holds more than 1,000 bytes, the most an input may"):
            read_input(endless, regular=False, limit=1000)
        with pytest.raises(InputFileError, match="is a character device; expected a regular file"):
            read_input(endless)
    small = tmp_path / "small.txt"
    small.write_bytes(b"x" * 1000)
    assert read_input(small, limit=1000) == b"x" * 1000
    with small.open("rb") as stream, pytest.raises(InputFileError, match="more than 999 bytes"):
        read_limited(stream, "small.txt", 999)
    with pytest.raises(InputFileError, match="is a folder; expected a regular file"):
        read_input(tmp_path, regular=False)
