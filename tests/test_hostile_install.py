"""An installed copy is untrusted too: a damaged descriptor or an edited data file is named by
every command that reads it, never a traceback, and nothing is exported from it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from .conftest import ROOT


def _installed_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "datapkg", tmp_path / "datapkg", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "datapkg" / "data"


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATAPKG_")} | {
        "PYTHONPATH": str(tmp_path)
    }
    return subprocess.run(
        [sys.executable, "-m", "datapkg", *args],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    "descriptor", ['{"resources": [', '{"resources": 5}', "[]", '{"version": "0.3.0", "resources": [5]}', ""]
)
def test_a_damaged_installed_descriptor_is_named_by_every_command(descriptor: str, tmp_path: Path) -> None:
    data = _installed_copy(tmp_path)
    (data / "datapackage.json").write_text(descriptor, encoding="utf-8")
    shown = str(data / "datapackage.json")
    for args, status in (
        (["--version"], 0),
        (["info", "troop_figures"], 1),
        (["export", "--format", "csv", "--out", str(tmp_path / "out")], 1),
        (["validate"], 1),
    ):
        result = _run(tmp_path, *args)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        assert result.returncode == status, (args, result.stderr)
        if status:
            assert shown in result.stderr, (args, result.stderr)
    assert not (tmp_path / "out").exists()


def test_an_edited_installed_file_is_not_exported(tmp_path: Path) -> None:
    data = _installed_copy(tmp_path)
    target = data / "military_rankings.parquet"
    table = pq.read_table(target)
    rank = table.schema.get_field_index("rank")
    edited = pa.chunked_array([[1] * table.num_rows], pa.int64())
    pq.write_table(table.set_column(rank, table.schema.field(rank), edited).replace_schema_metadata(
        table.schema.metadata), target)  # fmt: skip
    for fmt in ("sqlite", "json", "parquet"):
        result = _run(tmp_path, "export", "--format", fmt, "--out", str(tmp_path / fmt))
        assert result.returncode == 1, result.stderr
        assert result.stderr == (
            f"error: {target}: its SHA-256 is not the one the installed descriptor records; the file "
            "was changed after installation: reinstall the package (nothing was written)\n"
        )
        assert not (tmp_path / fmt).exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_descriptor_that_is_a_pipe_is_named_not_waited_on(tmp_path: Path) -> None:
    import datapkg

    descriptor = tmp_path / "datapackage.json"
    os.mkfifo(descriptor)
    with pytest.raises(datapkg.ValidationError) as raised:
        datapkg.validate(descriptor)
    assert raised.value.problems == [
        f"{descriptor}: cannot read the descriptor (is a named pipe; expected a regular file)"
    ]


def test_an_installed_descriptor_naming_a_file_outside_is_not_exported(tmp_path: Path) -> None:
    import json

    data = _installed_copy(tmp_path)
    outside = tmp_path / "outside.csv"
    outside.write_text("id\nx\n", encoding="utf-8")
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][0]["path"] = "../../outside.csv"
    (data / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = _run(tmp_path, "export", "--format", "csv", "--out", str(tmp_path / "out"))
    assert result.returncode == 1, result.stderr
    assert (
        f"error: {data / 'datapackage.json'}: resources[0].path: expected a relative path inside the "
        "package, got the string '../../outside.csv'" in result.stderr
    )
    assert not (tmp_path / "out").exists()
