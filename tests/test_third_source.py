"""Adding an article is: drop the text in, curate its records, build. The test suite must
then pass on the grown data with no test edited.

This copies the project, adds the article in ``tests/extra_source/`` (a few German
sentences written for the tests, with a troop figure, an arms transfer, a dated action and
a new actor) as a curator would, builds it with the README's steps, and runs the whole
test suite on the copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

EXTRA = ROOT / "tests" / "extra_source"
SOURCE_ID = "002_0000000000000001"
NESTED = "DATAPKG_NESTED_SUITE"  # set in the copy's run, so it does not copy itself again
_SKIP = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", "*.egg-info", ".staging-*"
)


def add_source(root: Path) -> None:
    """What a curator adds for one article: text, metadata, records, actors, changelog entry."""
    for suffix in ("txt", "yaml"):
        shutil.copy2(EXTRA / f"{SOURCE_ID}.{suffix}", root / "build" / "sources" / f"{SOURCE_ID}.{suffix}")
    shutil.copy2(EXTRA / "records.yaml", root / "build" / "records" / f"{SOURCE_ID}.yaml")
    actors = root / "build" / "records" / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8") + (EXTRA / "actors.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    changelog = root / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    cut = text.index("\n### Changed")
    entry = (EXTRA / "changelog.md").read_text(encoding="utf-8")
    changelog.write_text(text[:cut].rstrip("\n") + "\n" + entry + text[cut:], encoding="utf-8")


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd), NESTED: "1"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.mark.skipif(bool(os.environ.get(NESTED)), reason="already running inside the copy")
def test_the_suite_passes_with_a_third_source_added(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(ROOT, root, ignore=_SKIP)
    add_source(root)

    built = _run([sys.executable, "-m", "datapkg", "build", "--root", str(root)], root)
    assert built.returncode == 0, built.stderr
    assert f"sources {_count_sources(ROOT) + 1}," in built.stdout
    figure = _run([sys.executable, str(root / "scripts" / "make_timeline.py")], root)
    assert figure.returncode == 0, figure.stderr

    suite = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], root)
    assert suite.returncode == 0, suite.stdout[-6000:] + suite.stderr[-2000:]
    assert " passed" in suite.stdout.splitlines()[-1]


def _count_sources(root: Path) -> int:
    return len(list((root / "build" / "sources").glob("*.yaml")))
