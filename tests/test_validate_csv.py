"""The CSV files are validated like the Parquet files: parsed with the schema's types,
checked against every constraint and rule, and shown to hold the Parquet file's rows.
Each case edits a CSV and reseals it (size and hash updated in the descriptor), as a
careless tool would, so only the content check can catch it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from datapkg.validation import validate_package

from .conftest import ROOT, reseal


@pytest.fixture
def installed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "datapkg" / "data", target, ignore=shutil.ignore_patterns(".staging-*"))
    return target / "datapackage.json"


def _raw_fields(line: str) -> list[str]:
    """A CSV line split into its fields as written (quotes kept)."""
    fields, current, quoted = [], "", False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        if ch == "," and not quoted:
            fields.append(current)
            current = ""
        else:
            current += ch
    return [*fields, current]


def edit_csv(descriptor_path: Path, name: str, record_id: str, column: str, value: str) -> int:
    """Set one cell of a record to ``value`` as it will stand in the file; returns its data row."""
    path = descriptor_path.parent / f"{name}.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    header = [h.strip('"') for h in _raw_fields(lines[0])]
    row = next(i for i, line in enumerate(lines) if line.startswith(f'"{record_id}",'))
    fields = _raw_fields(lines[row])
    fields[header.index(column)] = value
    lines[row] = ",".join(fields)
    path.write_text("\n".join(lines), encoding="utf-8")
    reseal(descriptor_path, name)
    return row


def test_a_value_outside_the_enum_is_found_in_the_csv(installed_copy: Path) -> None:
    record = "nis-prk-troops-in-russia-3000"
    row = edit_csv(installed_copy, "troop_figures", record, "measure", '"bogus"')
    problems = validate_package(installed_copy)
    at = f"troop_figures.csv row {row} record {record!r}: field 'measure': "
    assert (
        at + "'bogus': expected one of: active_personnel, deployed, planned_deployment, casualties"
        in problems
    )
    assert at + "'bogus' differs from the Parquet file ('deployed')" in problems
    assert not [p for p in problems if p.startswith(("troop_figures.csv: ", "troop_figures.parquet"))]


def test_a_number_that_is_not_whole_in_an_integer_column(installed_copy: Path) -> None:
    record = "gfp-2024-prk-military-strength"
    row = edit_csv(installed_copy, "military_rankings", record, "edition", "12.5")
    problems = validate_package(installed_copy)
    at = f"military_rankings.csv row {row} record {record!r}: field 'edition': "
    assert at + "'12.5': expected a whole number" in problems


def test_an_impossible_date_and_a_number_that_is_text(installed_copy: Path) -> None:
    record = "duma-ratifies-treaty-2024-10-24"
    row = edit_csv(installed_copy, "diplomatic_actions", record, "date_start", "2024-02-30")
    problems = validate_package(installed_copy)
    at = f"diplomatic_actions.csv row {row} record {record!r}: field 'date_start': "
    assert at + "'2024-02-30': expected a date (YYYY-MM-DD)" in problems
    row = edit_csv(installed_copy, "action_types", "threaten", "goldstein", "high")
    problems = validate_package(installed_copy)
    assert (
        f"action_types.csv row {row} record 'threaten': field 'goldstein': 'high': expected a number"
        in problems
    )


def test_a_rule_across_fields_is_checked_on_the_csv(installed_copy: Path) -> None:
    # A stated rank made "derived" without a derivation breaks a rule across fields.
    record = "gfp-2024-prk-military-strength"
    row = edit_csv(installed_copy, "military_rankings", record, "rank_basis", '"derived"')
    problems = validate_package(installed_copy)
    at = f"military_rankings.csv row {row} record {record!r}: field 'derivation': "
    assert (
        at + "a derived rank needs derivation (how) and derived_from (the stated rank it comes from)"
        in problems
    )


def test_missing_and_extra_rows_and_a_wrong_header(installed_copy: Path) -> None:
    path = installed_copy.parent / "actors.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join([*lines[:-2], ""]), encoding="utf-8")
    reseal(installed_copy, "actors")
    assert any(
        p.startswith("actors.csv: ") and "rows, but the Parquet file has" in p
        for p in validate_package(installed_copy)
    )
    path.write_text("\n".join(["x" + lines[0], *lines[1:]]), encoding="utf-8")
    reseal(installed_copy, "actors")
    problems = validate_package(installed_copy)
    assert any(p.startswith("actors.csv: unreadable CSV (header") for p in problems), problems


def test_the_validate_command_rejects_a_resealed_csv(installed_copy: Path) -> None:
    edit_csv(installed_copy, "troop_figures", "nis-prk-troops-in-russia-3000", "measure", '"bogus"')
    result = subprocess.run([sys.executable, "-m", "datapkg", "validate", str(installed_copy)],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 1 and "field 'measure': 'bogus': expected one of" in result.stderr
