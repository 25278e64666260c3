#!/usr/bin/env python3
"""Rebuild a past release from the commit that released it, and archive its tables.

    .venv/bin/python scripts/rebuild_release.py 0.1.0 4d71015

Checks out COMMIT in a temporary git worktree, runs that commit's own build with this
interpreter (the lock pins what makes the bytes: pyarrow), and compares every file the
build writes with the sums recorded at release (``build/releases/<VERSION>.sha256``). Only
when every recorded data file is byte-identical does it write the archive the diff reads,
``build/releases/<VERSION>/`` (the descriptor and the Parquet files). Releases made with
``datapkg release`` are archived as they are made; this is for those made before.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from datapkg._release_shapes import bundle_only, read_sha256sums

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"error: {' '.join(args)} failed:\n{done.stdout}{done.stderr}")


def _recorded(version: str) -> dict[str, str]:
    record = ROOT / "build" / "releases" / f"{version}.sha256"
    if not record.is_file():
        sys.exit(f"error: {record} is missing: {version} is not recorded as released")
    sums, bad = read_sha256sums(record.read_text(encoding="utf-8"))
    if bad:
        sys.exit(f"error: {record}:{bad[0]}: expected '<64 hex digits>  <file name>'")
    return {n: s for n, s in sums.items() if not bundle_only(n)}


def _rebuild(commit: str, tree: Path) -> Path:
    _run(["git", "worktree", "add", "--detach", "-q", str(tree), commit], ROOT)
    env = {**os.environ, "PYTHONPATH": str(tree)}
    if (
        tree / "datapkg" / "compiler" / "outputs" / "names_module.py"
    ).is_file():  # later builds need it first
        _run([sys.executable, "-m", "datapkg.compiler.outputs.names_module"], tree, env)
    _run([sys.executable, "-m", "datapkg", "build", "--root", str(tree)], tree, env)
    return tree / "datapkg" / "data"


def main(version: str, commit: str) -> None:
    sums = _recorded(version)
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        try:
            data = _rebuild(commit, tree)
            built = {n: (data / n).read_bytes() for n in sums if (data / n).is_file()}
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, capture_output=True)
    differ = sorted(n for n in sums if n not in built or hashlib.sha256(built[n]).hexdigest() != sums[n])
    if differ:
        sys.exit(f"error: the build of {commit} differs from release {version} in: {', '.join(differ)}")
    archive = ROOT / "build" / "releases" / version
    archive.mkdir(exist_ok=True)
    for name, data in built.items():
        if name == "datapackage.json" or name.endswith(".parquet"):
            (archive / name).write_bytes(data)
    print(
        f"{version}: all {len(sums)} files of {commit}'s build match the recorded sums; archived in {archive}"
    )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: scripts/rebuild_release.py VERSION COMMIT")
    main(sys.argv[1], sys.argv[2])
