"""``datapkg validate`` on hostile packages: a descriptor is untrusted input (its shape is
checked before any file it names is opened, and no path leads out of the package folder), a
Parquet file's own metadata must say what the descriptor says, and NaN or an infinity is never
a number of the data. Property tests mutate the real descriptor at random."""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import datapkg
from datapkg.checks import descriptor as descriptor_shape
from datapkg.checks.run import check_tables
from datapkg.checks.table_rules import constraint_findings
from datapkg.schema.specs import table_spec
from datapkg.validation import validate_package

from .conftest import ROOT

DATA = ROOT / "datapkg" / "data"
REAL = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
INSIDE = "expected a relative path inside the package"
LOAD: Any = datapkg.load  # by names read from the descriptor


class Watch:
    """Every file opened or read in one folder, seen by the kernel (inotify), so a read by
    Arrow's C++ code counts as much as one by Python."""

    def __init__(self, folder: Path) -> None:
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self.libc.inotify_init1(os.O_NONBLOCK)
        assert self.fd >= 0
        opened_or_read = 0x20 | 0x01  # IN_OPEN | IN_ACCESS
        assert self.libc.inotify_add_watch(self.fd, str(folder).encode(), opened_or_read) >= 0

    def events(self) -> bytes:
        try:
            return os.read(self.fd, 1 << 16)
        except BlockingIOError:
            return b""

    def close(self) -> None:
        os.close(self.fd)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, Watch]]:
    """A package folder and, beside it, a folder of bait: copies of real files (a followed path
    would even match their hashes). Links inside the package lead to the bait."""
    if not sys.platform.startswith("linux"):
        pytest.skip("watches reads with inotify")
    root = tmp_path_factory.mktemp("hostile")
    package, bait = root / "package", root / "bait"
    shutil.copytree(DATA, package, ignore=shutil.ignore_patterns(".staging-*"))
    bait.mkdir()
    for name in ("actors.csv", "actors.parquet"):
        shutil.copy2(DATA / name, bait / name)
    (package / "out.csv").symlink_to(bait / "actors.csv")
    (package / "out.parquet").symlink_to("../bait/actors.parquet")
    (package / "outdir").symlink_to(bait)
    watch = Watch(bait)
    yield package, bait, watch
    watch.close()


def _validate(package: Path, descriptor: Any, text: str | None = None) -> list[str]:
    (package / "datapackage.json").write_text(
        text if text is not None else json.dumps(descriptor), encoding="utf-8"
    )
    try:
        return validate_package(package)
    finally:
        shutil.copy2(DATA / "datapackage.json", package / "datapackage.json")


def _copy() -> Any:
    return json.loads(json.dumps(REAL))


# ------------------------------------------------------------------- paths out of the package

ESCAPES = {
    "../bait/actors.csv": "the string '../bait/actors.csv'",
    "sub/../../bait/actors.csv": "the string 'sub/../../bait/actors.csv'",
    "file:///etc/hostname": "the string 'file:///etc/hostname'",
    "https://example.org/actors.csv": "the string 'https://example.org/actors.csv'",
    "C:/data/actors.csv": "the string 'C:/data/actors.csv'",
    "..\\bait\\actors.csv": "the string '..\\\\bait\\\\actors.csv'",
    "": "the string ''",
    "out.csv": "the string 'out.csv', which a symbolic link leads out of the package",
    "outdir/actors.csv": "the string 'outdir/actors.csv', which a symbolic link leads out of the package",
}


@pytest.mark.parametrize("path", list(ESCAPES))
def test_a_path_out_of_the_package_is_named_and_never_followed(
    path: str, sandbox: tuple[Path, Path, Watch]
) -> None:
    package, _, watch = sandbox
    descriptor = _copy()
    descriptor["resources"][1]["path"] = path
    problems = _validate(package, descriptor)
    assert problems == [f"{package / 'datapackage.json'}: resources[1].path: {INSIDE}, got {ESCAPES[path]}"]
    assert watch.events() == b""


def test_an_absolute_path_is_refused_even_when_it_is_inside(sandbox: tuple[Path, Path, Watch]) -> None:
    package, bait, watch = sandbox
    descriptor = _copy()
    descriptor["resources"][1]["x-parquet"]["path"] = str(package / "actors.parquet")
    descriptor["resources"][2]["x-parquet"]["path"] = str(bait / "actors.parquet")
    shown = package / "datapackage.json"
    assert _validate(package, descriptor) == [
        f"{shown}: resources[1].x-parquet.path: {INSIDE}, got the string {str(package / 'actors.parquet')!r}",
        f"{shown}: resources[2].x-parquet.path: {INSIDE}, got the string {str(bait / 'actors.parquet')!r}",
    ]
    assert watch.events() == b""


# ----------------------------------------------------------------- JSON types and structure

TYPE_MISTAKES = [
    (("resources", 1, "bytes"), "7394", "resources[1].bytes: expected an integer, got the string '7394'"),
    (("resources", 1, "bytes"), True, "resources[1].bytes: expected an integer, got true"),
    (("resources", 1, "bytes"), 7394.0, "resources[1].bytes: expected an integer, got the number 7394.0"),
    (("resources", 1, "x-parquet"), None, "resources[1].x-parquet: expected an object with path, bytes and hash, got null"),
    (("resources", 1, "hash"), "SHA256:" + "0" * 64, "resources[1].hash: expected 'sha256:' and 64 lower-case hexadecimal digits, got the string 'SHA256:"),
    (("resources", 1, "name"), 7, "resources[1].name: expected a resource name (text), got the number 7"),
    (("resources", 1, "schema"), [], "resources[1].schema: expected an object (a Table Schema), got a list of 0 item(s)"),
    (("resources", 1, "schema", "fields", 0), "id", "resources[1].schema.fields[0]: expected an object (a field), got the string 'id'"),
    (("resources", 1, "schema", "fields", 0, "name"), ["id"], "resources[1].schema.fields[0].name: expected a field name (text), got a list of 1 item(s)"),
    (("resources", 1, "schema", "fields", 1, "name"), "id", "resources[1].schema.fields[1].name: 'id' names an earlier field too"),
    (("resources", 1, "schema", "fields", 0, "constraints"), "required", "resources[1].schema.fields[0].constraints: expected an object, got the string 'required'"),
    (("resources", 1, "schema", "fields", 0, "constraints", "minLength"), 2**70, "resources[1].schema.fields[0].constraints.minLength: expected a number within 64 bits"),
    (("resources", 1, "schema", "primaryKey"), {"id": 1}, "resources[1].schema.primaryKey: expected a field name or a list of them, got an object"),
    (("resources", 3, "schema", "foreignKeys"), {}, "resources[3].schema.foreignKeys: expected a list of foreign keys, got an object"),
    (("resources", 3, "schema", "foreignKeys", 0, "reference", "resource"), None, "resources[3].schema.foreignKeys[0].reference.resource: expected a resource name (text; empty for this one), got null"),
    (("resources", 8, "schema", "x-foreignKeys", 0, "reference", "resources"), "events", "resources[8].schema.x-foreignKeys[0].reference.resources: expected a list of resource names, got the string 'events'"),
    (("resources", 7, "schema", "fields", 12, "x-ladder"), [["confirmed", 1]], "resources[7].schema.fields[12].x-ladder: expected a list of rungs (lists of text values), got a list of 1 item(s)"),
]  # fmt: skip


def _set(descriptor: Any, where: tuple[Any, ...], value: Any) -> None:
    for step in where[:-1]:
        descriptor = descriptor[step]
    descriptor[where[-1]] = value


@pytest.mark.parametrize(
    "where, value, expected", TYPE_MISTAKES, ids=[m[2].split(":")[0] for m in TYPE_MISTAKES]
)
def test_a_value_of_the_wrong_type_is_named_with_its_location(
    where: tuple[Any, ...], value: Any, expected: str, sandbox: tuple[Path, Path, Watch]
) -> None:
    package = sandbox[0]
    descriptor = _copy()
    _set(descriptor, where, value)
    problems = _validate(package, descriptor)
    shown = f"{package / 'datapackage.json'}: "
    assert any(p.startswith(shown + expected) for p in problems), problems


def test_the_ladder_mistake_points_at_the_strongest_status_field() -> None:
    # TYPE_MISTAKES names field 12 of resource 7; it must be the one that carries the ladder.
    events = next(r for r in REAL["resources"] if r["name"] == "events")
    assert REAL["resources"].index(events) == 7
    assert "x-ladder" in events["schema"]["fields"][12]


def test_a_resource_listed_twice_is_checked_in_neither_entry(sandbox: tuple[Path, Path, Watch]) -> None:
    package = sandbox[0]
    descriptor = _copy()
    edited = json.loads(json.dumps(descriptor["resources"][1]))
    edited["x-parquet"]["path"] = "missing.parquet"
    descriptor["resources"].insert(0, edited)
    shown = package / "datapackage.json"
    assert _validate(package, descriptor) == [
        f"{shown}: resources[2].name: 'actors' is listed twice (also resources[0])"
    ]


def test_resources_are_exactly_this_packages(sandbox: tuple[Path, Path, Watch]) -> None:
    package = sandbox[0]
    descriptor = _copy()
    descriptor["resources"][0]["name"] = "Sources"
    shown = package / "datapackage.json"
    assert _validate(package, descriptor) == [
        f"{shown}: resources[0].name: 'Sources' is not a resource of this package; expected one of "
        + ", ".join(r["name"] for r in REAL["resources"]),
        f"resource 'sources' missing from {shown}",
    ]


def test_two_entries_naming_one_file_are_refused(sandbox: tuple[Path, Path, Watch]) -> None:
    package = sandbox[0]
    descriptor = _copy()
    descriptor["resources"][2]["path"] = "./actors.csv"
    shown = package / "datapackage.json"
    assert _validate(package, descriptor) == [
        f"{shown}: resources[2].path: './actors.csv' names the file of resources[1].path too"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('{"resources": [], "resources": []}', "(top level): key 'resources' appears more than once"),
        ('{"x": NaN, "resources": []}', "not a JSON descriptor (NaN is not a JSON number)"),
        ('{"x": -Infinity, "resources": []}', "not a JSON descriptor (-Infinity is not a JSON number)"),
        ('{"x": 2e308, "resources": []}', "not a JSON descriptor (2e308 is too large for a JSON number)"),
        ("[" * 100_000 + "]" * 100_000, "not a JSON descriptor (nested too deeply)"),
        ('{"resources": {}}', "expected a data package descriptor with a list of resources"),
    ],
)
def test_json_outside_the_standard_is_refused(
    text: str, expected: str, sandbox: tuple[Path, Path, Watch]
) -> None:
    package = sandbox[0]
    problems = _validate(package, None, text)
    assert problems[0] == f"{package / 'datapackage.json'}: {expected}", problems


def test_the_validate_command_reports_a_descriptor_problem_on_one_line(
    sandbox: tuple[Path, Path, Watch],
) -> None:
    import subprocess

    package, _, watch = sandbox
    descriptor = _copy()
    descriptor["resources"][3]["path"] = "../../../etc/hostname"
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "datapkg", "validate", str(package)],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        shutil.copy2(DATA / "datapackage.json", package / "datapackage.json")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"error: {package / 'datapackage.json'}: resources[3].path: {INSIDE}, got the string '../../../etc/hostname'"
    )
    assert "Traceback" not in result.stderr and watch.events() == b""


# ------------------------------------------------------- random damage to the real descriptor

HOSTILE_TEXT = [
    "../bait/actors.csv", "../bait/actors.parquet", "out.csv", "out.parquet", "outdir/actors.csv",
    "/etc/hostname", "file:///etc/hostname", "actors.csv", "sources.parquet", ".", "", "7394",
    "sha256:" + "0" * 64, "id", "actors", "events", "(a)\\1", "[", "list", "number", "string",
]  # fmt: skip
# Names that fit somewhere else in the descriptor: a change that keeps every type right but
# points a key, a rule or a reference at another field, type or resource.
NAMES = sorted(
    {f["name"] for r in REAL["resources"] for f in r["schema"]["fields"]}
    | {r["name"] for r in REAL["resources"]}
    | {"string", "integer", "number", "date", "boolean", "list", "confirmed", "persons"}
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8) | st.sampled_from(HOSTILE_TEXT) | st.sampled_from(NAMES),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["name", "path", "fields", "type", "x"]) | st.text(max_size=4), inner, max_size=3),
    max_leaves=6,
)  # fmt: skip


def _locations(value: Any, where: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield where
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, item in items:
        yield from _locations(item, (*where, key))


# What validation reads first: the files' entries and the schemas' keys and constraints.
LOCATIONS = [w for w in _locations(REAL) if w]
READ_FIRST = [
    w for w in LOCATIONS if w[0] == "resources" and (len(w) <= 4 or w[3] != "fields" or len(w) <= 7)
]


class Twice(list):  # type: ignore[type-arg]
    """An object's pairs, written as JSON with a key repeated."""


def _render(value: Any) -> str:
    if isinstance(value, Twice):
        return "{" + ", ".join(f"{json.dumps(k)}: {_render(v)}" for k, v in value) + "}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {_render(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_render(v) for v in value) + "]"
    return json.dumps(value)


Change = tuple[tuple[Any, ...], str, Any]
CHANGES = st.lists(
    st.tuples(
        st.sampled_from(READ_FIRST) | st.sampled_from(LOCATIONS),
        st.sampled_from(["replace", "replace", "drop", "repeat"]),
        JSON,
    ),
    min_size=1,
    max_size=3,
)


def damaged(changes: list[Change]) -> str:
    """The real descriptor with some changes: a value replaced by another JSON value of any
    type, an entry or key dropped, an entry or key repeated."""
    descriptor = _copy()
    for where, action, value in changes:
        try:
            _change(descriptor, where, action, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced what it names
    return _render(descriptor)


def _change(descriptor: Any, where: tuple[Any, ...], action: str, value: Any) -> None:
    parent = descriptor
    for step in where[:-1]:
        parent = parent[step]
    if isinstance(parent, Twice):
        raise TypeError("already a list of pairs")
    if not isinstance(parent, dict | list):  # an earlier change put a text or number there
        raise TypeError("no longer an object or a list")
    key = where[-1]
    parent[key]  # raises when an earlier change removed it
    if action == "replace":
        parent[key] = value
    elif action == "drop":
        del parent[key]
    elif isinstance(parent, list):
        parent.insert(key, json.loads(json.dumps(parent[key])))
    elif len(where) > 1:
        _set(descriptor, where[:-1], Twice([*parent.items(), (key, value)]))


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(changes=CHANGES)
def test_any_damage_to_the_descriptor_is_a_list_of_problems_and_reads_nothing_outside(
    changes: list[Change], sandbox: tuple[Path, Path, Watch]
) -> None:
    package, _, watch = sandbox
    problems = _validate(package, None, damaged(changes))
    assert all(isinstance(p, str) and p and "\n" not in p for p in problems), problems
    assert watch.events() == b""


# ------------------------------------------------------------------ a Parquet file's metadata


def _resealed(package: Path, name: str, table: pa.Table) -> None:
    pq.write_table(table, package / f"{name}.parquet")
    _resealed_descriptor(package, name)


def _resealed_descriptor(package: Path, name: str) -> None:
    data = (package / f"{name}.parquet").read_bytes()
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] == name:
            resource["x-parquet"].update(bytes=len(data), hash="sha256:" + hashlib.sha256(data).hexdigest())
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


@pytest.fixture
def package(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data", ignore=shutil.ignore_patterns(".staging-*"))
    return tmp_path / "data"


def _with_field_metadata(table: pa.Table, column: str, metadata: dict[bytes, bytes]) -> pa.Table:
    index = table.schema.get_field_index(column)
    return table.cast(table.schema.set(index, table.schema.field(index).with_metadata(metadata)))


def test_an_enum_edited_in_the_file_is_caught_before_it_loads_as_missing(package: Path) -> None:
    table = pq.read_table(package / "troop_figures.parquet")
    metadata = dict(table.schema.field("claim_status").metadata)
    metadata[b"enum"] = metadata[b"enum"].replace(b"reported", b"rumoured")
    _resealed(package, "troop_figures", _with_field_metadata(table, "claim_status", metadata))
    assert validate_package(package) == [
        "troop_figures.parquet: column 'claim_status': field metadata: enum values differ from the "
        "descriptor's: adds 'rumoured'; lacks 'reported'"
    ]


def test_every_key_of_the_files_metadata_is_compared(package: Path) -> None:
    table = pq.read_table(package / "actors.parquet")
    table = _with_field_metadata(table, "kind", {b"description": b"Kind."})
    table = table.replace_schema_metadata({b"resource": b"actors", b"extra": b"1"})
    _resealed(package, "actors", table)
    description = next(
        f["description"] for f in REAL["resources"][1]["schema"]["fields"] if f["name"] == "kind"
    )
    enum = "\n".join(
        next(f for f in REAL["resources"][1]["schema"]["fields"] if f["name"] == "kind")["constraints"][
            "enum"
        ]
    )
    actors = REAL["resources"][1]
    assert validate_package(package) == [
        f"actors.parquet: file metadata: lacks 'description'; the descriptor says {actors['description']!r}",
        "actors.parquet: file metadata: has 'extra', which the build does not write ('1')",
        "actors.parquet: file metadata: lacks 'field_metadata'; the descriptor says 'description enum unit'",
        "actors.parquet: file metadata: lacks 'title'; the descriptor says 'Actors'",
        f"actors.parquet: file metadata: lacks 'version'; the descriptor says {REAL['version']!r}",
        f"actors.parquet: column 'kind': field metadata: description is 'Kind.'; the descriptor says {description!r}",
        f"actors.parquet: column 'kind': field metadata: lacks 'enum'; the descriptor says {enum!r}",
    ]


def _forge_footer(path: Path, old: bytes, new: bytes) -> None:
    """Replace bytes in a Parquet file's footer only (its statistics), not in its data pages."""
    data = path.read_bytes()
    start = len(data) - 8 - int.from_bytes(data[-8:-4], "little")
    assert old in data[start:]
    path.write_bytes(data[:start] + data[start:].replace(old, new))


def test_forged_statistics_that_would_hide_rows_from_a_query_are_named(package: Path) -> None:
    import struct

    _forge_footer(package / "mentions.parquet", struct.pack("<d", 1600000.0), struct.pack("<d", 1000.0))
    _resealed_descriptor(package, "mentions")
    assert validate_package(package) == [
        "mentions.parquet: row group 0, column 'value_number': statistics say its values run from 1.0 "
        "to 1000.0; they run from 1.0 to 1600000.0"
    ]


def test_the_installed_files_carry_exactly_the_descriptors_metadata() -> None:
    from datapkg.checks.parquet_metadata import metadata_problems, statistics_problems

    for resource in REAL["resources"]:
        file = pq.ParquetFile(DATA / resource["x-parquet"]["path"])
        spec = table_spec(resource["name"], resource["schema"])
        about = {
            "title": resource["title"],
            "description": resource["description"],
            "version": REAL["version"],
        }
        assert metadata_problems(resource["x-parquet"]["path"], spec, file.schema_arrow, about) == []
        assert statistics_problems(resource["x-parquet"]["path"], file.metadata, file.read()) == []


# ----------------------------------------------------------------------- NaN and infinities


def _with_number(name: str, column: str, values: dict[int, float]) -> pa.Table:
    table = LOAD(name, backend="pyarrow")
    numbers = table[column].to_pylist()
    for row, value in values.items():
        numbers[row] = value
    index = table.schema.get_field_index(column)
    return table.set_column(index, table.schema.field(index), pa.array(numbers, pa.float64()))


def _spec(name: str) -> Any:
    return table_spec(name, next(r for r in REAL["resources"] if r["name"] == name)["schema"])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value, shown", [(float("nan"), "nan"), (float("inf"), "inf"), (-float("inf"), "-inf")]
)
def test_nan_and_infinities_are_findings_in_every_number_column(value: float, shown: str) -> None:
    for name, column in [
        ("action_types", "goldstein"),
        ("mentions", "value_number"),
        ("mentions", "value_low"),
        ("mentions", "value_high"),
    ]:
        table = _with_number(name, column, {1: value})
        found = [
            (f.row, f.field, f.message)
            for f in constraint_findings(_spec(name), table)
            if f.rule == f"{column}:finite"
        ]
        assert found == [
            (1, column, f"{shown}: expected a finite number (a missing value is left empty, never NaN)")
        ]


def test_the_builds_checks_find_a_nan_that_passes_every_range() -> None:
    specs = {r["name"]: _spec(r["name"]) for r in REAL["resources"]}
    tables = {name: LOAD(name, backend="pyarrow") for name in specs}
    tables["action_types"] = _with_number("action_types", "goldstein", {0: float("nan")})
    findings = check_tables(specs, tables, texts=None)
    assert [(f.table, f.record_id, f.field, f.rule) for f in findings] == [
        ("action_types", tables["action_types"]["id"][0].as_py(), "goldstein", "goldstein:finite")
    ]


def test_a_published_nan_fails_validate(package: Path) -> None:
    _resealed(package, "action_types", _with_number("action_types", "goldstein", {2: float("nan")}))
    record = LOAD("action_types", backend="pyarrow")["id"][2].as_py()
    problems = validate_package(package)
    assert problems[0] == (
        f"action_types record {record!r}: field 'goldstein': nan: expected a finite number "
        "(a missing value is left empty, never NaN)"
    )


def test_a_nan_in_a_csv_is_a_finding_of_that_file(package: Path) -> None:
    from .conftest import reseal

    path = package / "action_types.csv"
    text = path.read_text(encoding="utf-8")
    first = text.split("\n")[1]
    assert '"Appeal for military aid",3.4,1,' in first
    path.write_text(text.replace(first, first.replace(",3.4,1,", ",nan,1,")), encoding="utf-8")
    reseal(package / "datapackage.json", "action_types")
    assert validate_package(package) == [
        "action_types.csv row 1 record 'appeal-for-military-aid': field 'goldstein': nan differs from the "
        "Parquet file (3.4)",
        "action_types.csv row 1 record 'appeal-for-military-aid': field 'goldstein': nan: expected a finite "
        "number (a missing value is left empty, never NaN)",
    ]


def test_the_pandera_schema_refuses_an_infinity() -> None:
    pandera = pytest.importorskip("pandera.pandas")
    frame = datapkg.load("action_types")
    frame.loc[0, "goldstein"] = float("inf")
    with pytest.raises(pandera.errors.SchemaErrors) as caught:
        datapkg.pandera_schema("action_types").validate(frame, lazy=True)
    checks = set(caught.value.failure_cases["check"])
    assert "goldstein:finite: expected a finite number (a missing value is left empty, never NaN)" in checks


def test_descriptor_messages_describe_json_values() -> None:
    values: tuple[Any, ...] = (None, True, 7, 7.5, "7394", [1], {})
    assert [descriptor_shape.described(v) for v in values] == [
        "null", "true", "the number 7", "the number 7.5", "the string '7394'", "a list of 1 item(s)", "an object",
    ]  # fmt: skip


def test_a_cr_far_into_a_large_csv_is_found(tmp_path: Path) -> None:
    from datapkg.validation import _form_problems

    path = tmp_path / "large.csv"
    path.write_bytes(b'"id"\n' + b'"a"\n' * 600_000 + b'"b"\r\n')
    assert _form_problems(path, "large.csv") == [
        "large.csv: has CR line endings; the CSV files end lines with LF only"
    ]
    path.write_bytes(b'"id"\n' + b'"a"\n' * 600_000)
    assert _form_problems(path, "large.csv") == []


def test_categories_that_disagree_with_the_enum_are_named(sandbox: tuple[Path, Path, Watch]) -> None:
    package, _, _ = sandbox
    descriptor = _copy()
    kind = next(f for f in descriptor["resources"][1]["schema"]["fields"] if f["name"] == "kind")
    kind["categories"] = kind["categories"][1:]
    assert _validate(package, descriptor) == [
        f"{package / 'datapackage.json'}: resources[1].schema: field 'kind': categories must list the values "
        "of its enum, in their order"
    ]
