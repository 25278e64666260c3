"""Fault injection beyond the build inputs: mistakes in using the command line, and damage
to installed or exported files. Each is rejected with a one-line message naming what is
wrong, an exit status, and no traceback."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from .conftest import ROOT, reseal, run_datapkg

DATA = ROOT / "datapkg" / "data"


def datapkg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_datapkg(*args, cwd=cwd)


@dataclass(frozen=True)
class Usage:
    name: str
    args: Callable[[Path], list[str]]  # given a scratch folder
    status: int
    expected: str


def _file(tmp: Path, name: str, data: bytes) -> str:
    (tmp / name).write_bytes(data)
    return str(tmp / name)


USAGE = [
    Usage("validate a missing descriptor", lambda t: ["validate", str(t / "nope.json")], 2, "datapkg validate: error: argument descriptor: "),
    Usage("validate a file that is not JSON", lambda t: ["validate", _file(t, "d.json", b"{oops")], 1, "not a JSON descriptor"),
    Usage("validate JSON that is no package", lambda t: ["validate", _file(t, "d.json", b"[1, 2]")], 1, "expected a data package descriptor"),
    Usage("validate an empty folder", lambda t: ["validate", str(t)], 1, "datapackage.json: no such descriptor"),
    Usage("info on an unknown resource", lambda t: ["info", "troops"], 2, "unknown resource 'troops'"),
    Usage("extract a missing file", lambda t: ["extract", str(t / "none.txt")], 1, "none.txt: No such file or directory"),
    Usage("extract a Latin-1 file", lambda t: ["extract", _file(t, "l1.txt", "Grüße 5".encode("latin-1"))], 1, "not UTF-8 (byte 0xfc at 2); save it as UTF-8"),
    Usage("extract with a malformed date", lambda t: ["extract", _file(t, "a.txt", b"5 Soldaten"), "--date", "June"], 2, "--date 'June': expected YYYY-MM-DD"),
    Usage("extract a folder", lambda t: ["extract", str(t)], 1, "is a folder; expected a regular file"),
    Usage("export into a non-empty folder", lambda t: ["export", "--format", "csv", "--out", _file(t, "x", b"") and str(t)], 2, "is not empty; pass --force"),
    Usage("export onto a file", lambda t: ["export", "--format", "json", "--out", _file(t, "f", b"x")], 2, "is a file; expected a folder"),
    Usage("export where nothing can be written", lambda t: ["export", "--format", "sqlite", "--out", "/proc/datapkg-export"], 1, "/proc/datapkg-export"),
    Usage("build a folder that is no project", lambda t: ["build", "--root", str(t)], 1, "schemas/resources.json: missing; is"),
    Usage("release onto a file", lambda t: ["release", "--out", _file(t, "r", b"x"), "--root", str(ROOT)], 1, "r"),
]  # fmt: skip


@pytest.mark.parametrize("case", USAGE, ids=[c.name for c in USAGE])
def test_usage_mistakes_get_a_message(case: Usage, tmp_path: Path) -> None:
    result = datapkg(*case.args(tmp_path), cwd=tmp_path)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == case.status, result.stderr
    assert case.expected in result.stderr, result.stderr


def test_validate_on_a_path_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "datapackage.json"
    result = datapkg("validate", str(missing))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "usage: datapkg validate [-h] [descriptor]\n"
        f"datapkg validate: error: argument descriptor: {missing}: no such file or folder\n"
    )


# Arguments each command needs before an unknown flag is the only mistake left.
NEEDED = {
    "info": ["troop_figures"], "extract": ["-"], "export": ["--format", "csv", "--out", "out"],
    "add-source": ["a.txt", "--lang", "de", "--published", "2024"], "release": ["--out", "out"],
}  # fmt: skip


def _commands() -> list[str]:
    from datapkg.cli import parser

    action = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return list(action.choices)


@pytest.mark.parametrize("command", _commands())
def test_an_unknown_flag_shows_the_commands_own_usage(
    command: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from datapkg.cli import main

    with pytest.raises(SystemExit) as stopped:
        main([command, *NEEDED.get(command, []), "--bad-flag"])
    err = capsys.readouterr().err
    assert stopped.value.code == 2
    assert err.startswith(f"usage: datapkg {command} "), err
    assert err.endswith(f"datapkg {command}: error: unrecognized arguments: --bad-flag\n"), err


def test_an_unknown_flag_before_the_command_shows_the_top_level_usage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from datapkg.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["--bad-flag", "list"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.startswith("usage: datapkg [-h] [--version] COMMAND ...\n")


@pytest.mark.parametrize(
    ("command", "opening"),
    [
        ("build", "Builds the data package in a checkout of the project: reads the article texts"),
        ("validate", "Checks a built data package: each file's size and SHA-256 against datapackage.json,"),
        ("list", "Prints the name of every table in the installed package, one per line,"),
        ("info", "Describes one table of the installed package: what one row is, how many rows it has,"),
    ],
)
def test_the_first_commands_a_user_meets_describe_themselves(command: str, opening: str) -> None:
    result = datapkg(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: datapkg {command} ")
    assert opening in " ".join(result.stdout.split())


@pytest.mark.parametrize("command", [["list"], ["info", "mentions"], ["extract", "-"]])
def test_a_reader_that_stops_early_is_no_error(command: list[str]) -> None:
    # `datapkg list | head -1`: the pipe closes before everything is written.
    process = subprocess.Popen(
        [sys.executable, "-m", "datapkg", *command],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    assert process.stdout is not None and process.stdin is not None
    if command[0] == "extract":
        process.stdin.write(("rund 3.000 Soldaten am 19. Juni. " * 2000).encode())
    process.stdin.close()
    process.stdout.read(1)
    process.stdout.close()
    stderr = process.stderr.read().decode() if process.stderr else ""
    assert process.wait(timeout=60) == 0, stderr
    assert "Traceback" not in stderr


def test_a_missing_extra_is_named_with_its_pip_command(tmp_path: Path) -> None:
    # An install without the build extra: pyyaml cannot be imported.
    blocker = tmp_path / "yaml.py"
    blocker.write_text("raise ModuleNotFoundError('No module named yaml', name='yaml')\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "datapkg", "build", "--root", str(ROOT), "--check"],
        capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])},
    )  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert (
        "datapkg build needs the 'build' extra: pip install 'rus-prk-military-cooperation[build]'"
        in result.stderr
    )


def test_an_unexpected_error_keeps_its_traceback_and_is_marked_as_a_bug(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from datapkg import cli

    def broken(args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "_list", broken)  # parser() looks the command up when main runs
    assert cli.run(["list"]) == 70


# --- installed and exported files --------------------------------------------------------


@dataclass(frozen=True)
class Damage:
    name: str
    apply: Callable[[Path], None]  # given the package folder
    expected: str


def _csv_edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        path = folder / f"{name}.csv"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        reseal(folder / "datapackage.json", name)

    return apply


def _parquet(name: str, change: Callable[[pa.Table], pa.Table]) -> Callable[[Path], None]:
    """Rewrite a Parquet file and record its new size and hash, so only its content is wrong."""

    def apply(folder: Path) -> None:
        path = folder / f"{name}.parquet"
        pq.write_table(change(pq.read_table(path)), path)
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        data = path.read_bytes()
        for resource in descriptor["resources"]:
            if resource["name"] == name:
                resource["x-parquet"].update(
                    bytes=len(data), hash="sha256:" + hashlib.sha256(data).hexdigest()
                )
        (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")

    return apply


def _as_text(table: pa.Table, column: str) -> pa.Table:
    index = table.schema.get_field_index(column)
    return table.set_column(index, column, pa.array([str(v) for v in table[column].to_pylist()]))


def _csv_resealed(name: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        path = folder / f"{name}.csv"
        path.write_bytes(change(path.read_bytes()))
        reseal(folder / "datapackage.json", name)

    return apply


def _bytes(name: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        (folder / name).write_bytes(change((folder / name).read_bytes()))

    return apply


def _descriptor(change: Callable[[dict], None]) -> Callable[[Path], None]:  # type: ignore[type-arg]
    def apply(folder: Path) -> None:
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        change(descriptor)
        (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")

    return apply


def _field_metadata(
    name: str, column: str, key: bytes, change: Callable[[bytes | None], bytes]
) -> Callable[[Path], None]:
    """Edit what the loader reads about a column in the file itself, then reseal the file."""

    def edit(table: pa.Table) -> pa.Table:
        index = table.schema.get_field_index(column)
        field = table.schema.field(index)
        metadata = {**(field.metadata or {}), key: change((field.metadata or {}).get(key))}
        return table.cast(table.schema.set(index, field.with_metadata(metadata)))

    return _parquet(name, edit)


def _schema_metadata(name: str, key: bytes, value: bytes) -> Callable[[Path], None]:
    return _parquet(name, lambda t: t.replace_schema_metadata({**(t.schema.metadata or {}), key: value}))


def _set_value(name: str, column: str, row: int | str, value: float) -> Callable[[Path], None]:
    """Set one value of a Parquet file; ``row`` is a position or a record id."""

    def edit(table: pa.Table) -> pa.Table:
        values = table[column].to_pylist()
        values[row if isinstance(row, int) else table["id"].to_pylist().index(row)] = value
        index = table.schema.get_field_index(column)
        return table.set_column(index, table.schema.field(index), pa.array(values, pa.float64()))

    return _parquet(name, edit)


def _descriptor_text(change: Callable[[str], str]) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        path = folder / "datapackage.json"
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")

    return apply


def _link(name: str, target: str) -> Callable[[Path], None]:
    """A link inside the package to a file outside it, named by the CSV path of resource 1."""

    def apply(folder: Path) -> None:
        (folder / name).symlink_to(target)
        _descriptor(lambda d: d["resources"][1].update(path=name))(folder)

    return apply


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.parquet")
    _descriptor(lambda d: d["resources"][0]["x-parquet"].update(path="pipe.parquet"))(folder)


def _forged_statistics(name: str, old: bytes, new: bytes) -> Callable[[Path], None]:
    """Edit the statistics in a Parquet file's footer (not its data), then reseal the file."""

    def apply(folder: Path) -> None:
        path = folder / f"{name}.parquet"
        data = path.read_bytes()
        start = len(data) - 8 - int.from_bytes(data[-8:-4], "little")
        path.write_bytes(data[:start] + data[start:].replace(old, new))
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        for resource in descriptor["resources"]:
            if resource["name"] == name:
                resource["x-parquet"].update(
                    bytes=len(path.read_bytes()),
                    hash="sha256:" + hashlib.sha256(path.read_bytes()).hexdigest(),
                )
        (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")

    return apply


def _twice(d: dict) -> None:  # type: ignore[type-arg]
    first = json.loads(json.dumps(d["resources"][1]))
    first["x-parquet"]["path"] = "gone.parquet"
    d["resources"].insert(0, first)


DAMAGE = [
    Damage("CSV enum value resealed", _csv_edit("troop_figures", '"deployed"', '"bogus"'), "'bogus': expected one of"),
    Damage("CSV decimal in an integer column resealed", _csv_edit("military_rankings", ",2024,", ",12.5,"), "'12.5': expected a whole number"),
    Damage("CSV value changed resealed", _csv_edit("troop_figures", ",3000,", ",3001,"), "3001 differs from the Parquet file (3000)"),
    Damage("CSV row dropped resealed", _csv_edit("actors", '"vnm"', '"vnmx"'), "differs from the Parquet file"),
    Damage("CSV header renamed resealed", _csv_edit("actors", '"name_en"', '"name_english"'), "unreadable CSV (header"),
    Damage("CSV row with a field missing resealed", _csv_resealed("actors", lambda b: b.replace(b',"RUS",', b",", 1)), "actors.csv: unreadable CSV (CSV parse error: Expected 8 columns, got 7"),
    Damage("CSV in Latin-1 resealed", _csv_resealed("actors", lambda b: b.decode().replace("Russia", "Rußland").encode("latin-1")), "actors.csv: unreadable CSV"),
    Damage("CSV with a byte order mark resealed", _csv_resealed("actors", lambda b: b"\xef\xbb\xbf" + b), "actors.csv: starts with a byte order mark"),
    Damage("CSV with CRLF line endings resealed", _csv_resealed("actors", lambda b: b.replace(b"\n", b"\r\n")), "actors.csv: has CR line endings"),
    Damage("CSV with a header only resealed", _csv_resealed("actors", lambda b: b.split(b"\n")[0] + b"\n"), "actors.csv: 0 rows, but the Parquet file has"),
    Damage("CSV truncated", _bytes("troop_figures.csv", lambda b: b[:-40]), "troop_figures.csv: hash sha256:"),
    Damage("Parquet truncated", _bytes("mentions.parquet", lambda b: b[:-100]), "mentions.parquet: unreadable Parquet"),
    Damage("Parquet replaced by text", _bytes("actors.parquet", lambda b: b"not parquet"), "actors.parquet: unreadable Parquet"),
    Damage("file deleted", lambda f: (f / "sources.csv").unlink(), "sources.csv: file missing"),
    Damage("descriptor gives a CSV dialect", _descriptor(lambda d: d["resources"][0].update(dialect={"delimiter": ";"})), "resources[0].dialect: the build writes no 'dialect' for its csv files"),
    Damage("descriptor gives another encoding", _descriptor(lambda d: d["resources"][0].update(encoding="utf-16")), "resources[0].encoding: expected 'utf-8', as the build writes it, got the string 'utf-16'"),
    Damage("descriptor calls the Parquet twin another format", _descriptor(lambda d: d["resources"][0]["x-parquet"].update(format="csv")), "resources[0].x-parquet.format: expected 'parquet'"),
    Damage("descriptor hash edited", _descriptor(lambda d: d["resources"][0].update(hash="sha256:" + "0" * 64)), "expected sha256:0000"),
    Damage("descriptor loses a resource", _descriptor(lambda d: d["resources"].pop()), "resource 'mentions' missing from"),
    Damage("descriptor not JSON", _bytes("datapackage.json", lambda b: b[:50]), "not a JSON descriptor"),
    Damage("Parquet column of another type resealed", _parquet("military_rankings", lambda t: _as_text(t, "rank")), "field 'rank': wrong column type string: expected int64"),
    Damage("Parquet column dropped resealed", _parquet("military_rankings", lambda t: t.drop_columns(["note"])), "field 'note': column missing"),
    Damage("Parquet columns reordered resealed", _parquet("actors", lambda t: t.select(list(reversed(t.column_names)))), "actors: columns out of order: expected id,"),
    Damage("Parquet rows removed resealed", _parquet("actors", lambda t: t.slice(0, 3)), "rows, but the Parquet file has 3"),
    Damage("descriptor lacks the Parquet twin", _descriptor(lambda d: d["resources"][1].pop("x-parquet")), "datapackage.json: resources[1].x-parquet: missing; expected an object with path, bytes and hash"),
    Damage("descriptor schema with a broken pattern", _descriptor(lambda d: d["resources"][2]["schema"]["fields"][0]["constraints"].update(pattern="[")), "pattern '[' is not a regular expression"),
    Damage("descriptor primary key names no field", _descriptor(lambda d: d["resources"][2]["schema"].update(primaryKey="nope")), "primaryKey names no field 'nope'"),
    Damage("Parquet enum metadata edited resealed", _field_metadata("troop_figures", "claim_status", b"enum", lambda v: (v or b"").replace(b"reported", b"rumoured")), "troop_figures.parquet: column 'claim_status': field metadata: enum values differ from the descriptor's: adds 'rumoured'; lacks 'reported'"),
    Damage("Parquet enum metadata reordered resealed", _field_metadata("arms_transfers", "qualifier", b"enum", lambda v: b"\n".join(reversed((v or b"").split(b"\n")))), "arms_transfers.parquet: column 'qualifier': field metadata: enum values in another order than the descriptor's"),
    Damage("Parquet enum metadata added resealed", _field_metadata("actors", "name_en", b"enum", lambda v: b"Russia"), "actors.parquet: column 'name_en': field metadata: has 'enum', which the build does not write ('Russia')"),
    Damage("Parquet description edited resealed", _field_metadata("events", "label", b"description", lambda v: b"Anything."), "events.parquet: column 'label': field metadata: description is 'Anything.'; the descriptor says"),
    Damage("Parquet pandas metadata added resealed", _schema_metadata("sources", b"pandas", b'{"index_columns": ["id"]}'), "sources.parquet: file metadata: has 'pandas', which the build does not write"),
    Damage("Parquet resource metadata edited resealed", _schema_metadata("sources", b"resource", b"actors"), "sources.parquet: file metadata: resource is 'actors'; the descriptor says 'sources'"),
    Damage("Parquet version metadata edited resealed", _schema_metadata("troop_figures", b"version", b"9.9.9"), "troop_figures.parquet: file metadata: version is '9.9.9'; the descriptor says"),
    Damage("Parquet title metadata edited resealed", _schema_metadata("events", b"title", b"Happenings"), "events.parquet: file metadata: title is 'Happenings'; the descriptor says 'Events'"),
    Damage("Parquet unit metadata edited resealed", _field_metadata("military_rankings", "rank", b"unit", lambda v: b"points"), "military_rankings.parquet: column 'rank': field metadata: unit is 'points'; the descriptor says 'place'"),
    Damage("Parquet NaN in a required number resealed", _set_value("action_types", "goldstein", "criticize", float("nan")), "action_types record 'criticize': field 'goldstein': nan: expected a finite number (a missing value is left empty, never NaN)"),
    Damage("Parquet infinity in an optional number resealed", _set_value("mentions", "value_number", 0, float("inf")), "field 'value_number': inf: expected a finite number"),
    Damage("Parquet minus infinity beside a minimum resealed", _set_value("action_types", "goldstein", 0, float("-inf")), "field 'goldstein': -inf: expected at least -10"),
    Damage("Parquet statistics forged resealed", _forged_statistics("mentions", b"rank", b"zzzz"), "mentions.parquet: row group 0, column 'kind': statistics say its values run from 'anchor' to 'zzzz'; they run from 'anchor' to 'rank'"),
    Damage("descriptor path climbs out", _descriptor(lambda d: d["resources"][3].update(path="../../../etc/hostname")), "datapackage.json: resources[3].path: expected a relative path inside the package, got the string '../../../etc/hostname'"),
    Damage("descriptor path absolute", _descriptor(lambda d: d["resources"][3]["x-parquet"].update(path="/etc/hostname")), "datapackage.json: resources[3].x-parquet.path: expected a relative path inside the package, got the string '/etc/hostname'"),
    Damage("descriptor path a URL", _descriptor(lambda d: d["resources"][4].update(path="https://example.org/a.csv")), "resources[4].path: expected a relative path inside the package, got the string 'https://example.org/a.csv'"),
    Damage("descriptor path through a link out", _link("hostname.csv", "/etc/hostname"), "resources[1].path: expected a relative path inside the package, got the string 'hostname.csv', which a symbolic link leads out of the package"),
    Damage("descriptor path with backslashes", _descriptor(lambda d: d["resources"][2].update(path="..\\..\\x.csv")), "resources[2].path: expected a relative path inside the package, got the string '..\\\\..\\\\x.csv'"),
    Damage("descriptor path a list", _descriptor(lambda d: d["resources"][0].update(path=["a.csv", "b.csv"])), "resources[0].path: expected a relative path inside the package, got a list of 2 item(s)"),
    Damage("descriptor path a pipe", _fifo, "pipe.parquet: not a regular file"),
    Damage("descriptor bytes as text", _descriptor(lambda d: d["resources"][1].update(bytes="7394")), "datapackage.json: resources[1].bytes: expected an integer, got the string '7394'"),
    Damage("descriptor bytes negative", _descriptor(lambda d: d["resources"][1]["x-parquet"].update(bytes=-1)), "resources[1].x-parquet.bytes: expected a size of 0 or more bytes, got -1"),
    Damage("descriptor hash without its algorithm", _descriptor(lambda d: d["resources"][1].update(hash="0" * 64)), "resources[1].hash: expected 'sha256:' and 64 lower-case hexadecimal digits, got the string '000"),
    Damage("descriptor fields an object", _descriptor(lambda d: d["resources"][2]["schema"].update(fields={})), "resources[2].schema.fields: expected a non-empty list of fields, got an object"),
    Damage("descriptor foreign key a number", _descriptor(lambda d: d["resources"][3]["schema"].update(foreignKeys=[5])), "resources[3].schema.foreignKeys[0]: expected an object with fields and a reference object, got the number 5"),
    Damage("descriptor foreign key across types", _descriptor(lambda d: d["resources"][3]["schema"]["foreignKeys"][0].update(fields="quote_start")), "resources[3].schema.foreignKeys[0]: field 'quote_start' (integer) cannot refer to field 'id' of sources (string)"),
    Damage("descriptor primary key on a list", _descriptor(lambda d: d["resources"][8]["schema"].update(primaryKey=["covered_by"])), "resources[8].schema.primaryKey: field 'covered_by' holds lists; a key is made of single values"),
    Damage("descriptor claim value names text", _descriptor(lambda d: d["resources"][4]["schema"]["x-claim"].update(value="quote")), "resources[4].schema.x-claim.value: field 'quote' is of type string; expected integer"),
    Damage("descriptor pattern on a number", _descriptor(lambda d: d["resources"][2]["schema"]["fields"][5]["constraints"].update(pattern="1")), "resources[2].schema.fields[5].constraints.pattern: applies to fields of type string, not 'number'"),
    Damage("descriptor pattern beyond RE2", _descriptor(lambda d: d["resources"][2]["schema"]["fields"][0]["constraints"].update(pattern="(a)\\1")), "resources[2].schema.fields[0].constraints.pattern: '(a)\\\\1' is a regular expression the checks (RE2) cannot run"),
    Damage("descriptor resource twice", _descriptor(_twice), "resources[2].name: 'actors' is listed twice (also resources[0])"),
    Damage("descriptor resource unknown", _descriptor(lambda d: d["resources"].append({**d["resources"][0], "name": "extra"})), "resources[9].name: 'extra' is not a resource of this package"),
    Damage("descriptor key twice", _descriptor_text(lambda t: t.replace('"path": "actors.csv"', '"path": "actors.csv", "path": "sources.csv"', 1)), "datapackage.json: resources[1]: key 'path' appears more than once"),
    Damage("descriptor with NaN", _descriptor_text(lambda t: t.replace('"bytes": ', '"bytes": NaN, "x": ', 1)), "not a JSON descriptor (NaN is not a JSON number)"),
    Damage("descriptor with a number beyond a float", _descriptor_text(lambda t: t.replace('"minimum": -10', '"minimum": -1e999', 1)), "not a JSON descriptor (-1e999 is too large for a JSON number)"),
    Damage("descriptor nested too deeply", _descriptor_text(lambda t: t.replace('"keywords": ', '"keywords": ' + "[" * 100000, 1)), "not a JSON descriptor"),
]  # fmt: skip


@pytest.fixture
def package(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data", ignore=shutil.ignore_patterns(".staging-*"))
    return tmp_path / "data"


@pytest.mark.parametrize("damage", DAMAGE, ids=[d.name for d in DAMAGE])
def test_damaged_files_fail_validation_with_a_message(damage: Damage, package: Path) -> None:
    damage.apply(package)
    result = datapkg("validate", str(package))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert damage.expected in result.stderr, result.stderr


@pytest.mark.parametrize("fmt", ["parquet", "csv", "json", "sqlite"])
def test_every_export_folder_validates(fmt: str, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    out = tmp_path / fmt
    assert datapkg("export", "--format", fmt, "--out", str(out)).returncode == 0
    validated = datapkg("validate", str(out))
    assert validated.returncode == 0 and validated.stdout.startswith("valid: 9 tables, 18 files, "), validated
    assert frictionless.validate(str(out / "datapackage.json")).valid


def test_more_than_a_hundred_kinds_of_fault() -> None:
    from .test_faults import FAULTS

    kinds = [f.name for f in FAULTS] + [c.name for c in USAGE] + [d.name for d in DAMAGE]
    assert len(set(kinds)) == len(kinds) >= 100


def test_pandera_schema_without_pandera_names_the_extra(tmp_path: Path) -> None:
    (tmp_path / "pandera.py").write_text(
        "raise ModuleNotFoundError('No module named pandera', name='pandera')\n", encoding="utf-8"
    )
    code = (
        "import datapkg\ntry:\n    datapkg.pandera_schema('actors')\nexcept ImportError as e:\n    print(e)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])},
    )  # fmt: skip
    assert (
        result.stdout.strip()
        == "pandera_schema() needs pandera: pip install 'rus-prk-military-cooperation[build]'"
    )
