"""Bad input fails the build with a message naming file, line, record and field,
all problems at once, and leaves the previous outputs untouched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from datapkg.compiler.layout import Layout
from datapkg.compiler.pipeline import compile_package
from datapkg.compiler.problems import InputError

from .conftest import edit, output_digests

RECORDS_000 = "build/records/000_7e917bff9e613273.yaml"


def _line_of(layout: Layout, relative: str, needle: str) -> int:
    lines = (layout.root / relative).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def _build(layout: Layout) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "datapkg", "build", "--root", str(layout.root)],
        capture_output=True,
        text=True,
        check=False,
    )


# Mistakes that must all be reported together by one run.
CASES = [
    (RECORDS_000, "    value: 1320000\n", "    valeu: 1320000\n",
     "record 'gfp-2024-prk-active-personnel': field 'valeu': unknown field; did you mean 'value'?"),
    (RECORDS_000, "    claim_status: assessed\n", "    claim_status: rumoured\n",
     "record 'prk-large-deployment-ruled-out': field 'claim_status': 'rumoured': expected one of"),
    (RECORDS_000, "    rank: 36\n", "    rank: 0\n",
     "record 'gfp-2024-prk-military-strength': field 'rank': 0: expected at least 1"),
    (RECORDS_000, "    date: 2024-06-24\n", "    date: 2024-06-31\n",
     "record 'prk-official-warns-of-world-war-2024-06': field 'date': impossible date '2024-06-31'"),
    (RECORDS_000, "    quote: kurz nach Putins Besuch\n", "    quote: kurz nach Putin Besuch\n",
     "record 'putin-visits-pyongyang-2024-06': field 'quote': quote not found verbatim"),
    (RECORDS_000, "    target: vnm\n", "    target: vietnam\n",
     "record 'putin-visits-vietnam-2024-06': field 'target': unknown target 'vietnam': no such id in actors"),
    (RECORDS_000, "  - id: kim-signs-treaty-2024-06-19\n", "  - id: putin-signs-treaty-2024-06-19\n",
     "record 'putin-signs-treaty-2024-06-19': field 'id': duplicate value"),
]  # fmt: skip


def test_messages_point_at_the_line_of_the_field(project_copy: Layout) -> None:
    edit(RECORDS_000, "    rank: 36\n", "    rank: 0\n")(project_copy)
    line = _line_of(project_copy, RECORDS_000, "    rank: 0")
    with pytest.raises(InputError) as caught:
        compile_package(project_copy)
    assert [str(p) for p in caught.value.problems] == [
        f"{RECORDS_000}:{line}: record 'gfp-2024-prk-military-strength': field 'rank': 0: expected at least 1"
    ]


def test_all_problems_are_reported_in_one_run(project_copy: Layout) -> None:
    before = output_digests(project_copy)
    for relative, old, new, _expected in CASES:
        edit(relative, old, new)(project_copy)
    result = _build(project_copy)
    assert result.returncode == 1
    for _, _, _, expected in CASES:
        assert expected in result.stderr
    assert (
        f"build failed: {len(result.stderr.splitlines()) - 1} problem(s); no file was changed"
        in result.stderr
    )
    assert output_digests(project_copy) == before


def test_check_mode_reports_stale_outputs(project_copy: Layout) -> None:
    target = project_copy.data_dir / "troop_figures.csv"
    target.write_bytes(target.read_bytes().replace(b"1320000", b"1320001"))
    result = subprocess.run(
        [sys.executable, "-m", "datapkg", "build", "--check", "--root", str(project_copy.root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "datapkg/data/troop_figures.csv: differs from a fresh build" in result.stderr
    assert Path(target).read_bytes().count(b"1320001") == 1
