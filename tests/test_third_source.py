"""Adding an article is: ``datapkg add-source``, review the draft, build. The test suite
must then pass on the grown data with no test edited.

This copies the project and adds the article in ``tests/extra_source/`` (a few German
sentences written for the tests, with a troop figure, an arms transfer, a dated action and
a new actor) as CONTRIBUTING.md tells a curator to: add-source writes the text, metadata
and a draft, proposing the existing deployment for its figures of North Korean troops in
Russia; the build refuses the unconfirmed draft, one message per record; the curated
records replace the draft; the build passes, the events table counts the deployment once
with the claims of both sources, and the whole test suite runs on the copy.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

EXTRA = ROOT / "tests" / "extra_source"
DEPLOYMENT = "prk-troop-deployment-to-russia-2024-10"  # the seed sources' North Korean troops in Russia
TITLE = "Nordkoreanische Truppen in Russland: Geheimdienst nennt neue Zahl"
NESTED = "DATAPKG_NESTED_SUITE"  # set in the copy's run, so it does not copy itself again
_SKIP = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", "*.egg-info", ".staging-*"
)


def add_with_command(root: Path) -> str:
    """``datapkg add-source`` as CONTRIBUTING.md shows it; returns the new source id."""
    added = _run(
        [sys.executable, "-m", "datapkg", "add-source", str(EXTRA / "article.txt"), "--lang", "de",
         "--published", "2024-11-13/2024-11-15", "--title", TITLE, "--basis", "publisher=assigned",
         "--publisher", "test suite of this project", "--root", str(root)],
        root,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    found = re.search(r"^source (\S+):", added.stdout, re.M)
    assert found, added.stdout
    return found.group(1)


def confirm_records(root: Path, source_id: str) -> None:
    """What the curator makes of the draft: the records, a new actor and a changelog entry."""
    records = (EXTRA / "records.yaml").read_text(encoding="utf-8").replace("SOURCE_ID", source_id)
    (root / "build" / "records" / f"{source_id}.yaml").write_text(records, encoding="utf-8")
    actors = root / "build" / "records" / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8") + (EXTRA / "actors.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    changelog = root / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    heading = re.search(r"^## .*\n", text, re.M)
    assert heading, "CHANGELOG.md has no section"
    entry = (EXTRA / "changelog.md").read_text(encoding="utf-8")
    changelog.write_text(text[: heading.end()] + "\n" + entry + text[heading.end() :], encoding="utf-8")


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd), NESTED: "1"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.mark.skipif(bool(os.environ.get(NESTED)), reason="already running inside the copy")
def test_the_suite_passes_with_a_third_source_added(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(ROOT, root, ignore=_SKIP)
    source_id = add_with_command(root)
    draft = yaml.safe_load((root / "build" / "records" / f"{source_id}.yaml").read_text(encoding="utf-8"))
    north_korean = [f for f in draft["troop_figures"] if f["force"] == "prk-armed-forces"]
    assert north_korean and all(f["event_id"] == DEPLOYMENT for f in north_korean), north_korean
    refused = _run([sys.executable, "-m", "datapkg", "build", "--root", str(root)], root)
    assert refused.returncode == 1
    drafts = [line for line in refused.stderr.splitlines() if line.startswith("error:")]
    assert drafts and all("draft" in line and "confirm it" in line for line in drafts), refused.stderr
    assert "Traceback" not in refused.stderr
    confirm_records(root, source_id)

    built = _run([sys.executable, "-m", "datapkg", "build", "--root", str(root)], root)
    assert built.returncode == 0, built.stderr
    assert f"sources {_count_sources(ROOT) + 1}," in built.stdout
    _assert_the_deployment_is_one_event(root, source_id)
    figure = _run([sys.executable, str(root / "scripts" / "make_timeline.py")], root)
    assert figure.returncode == 0, figure.stderr

    suite = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], root)
    assert suite.returncode == 0, suite.stdout[-6000:] + suite.stderr[-2000:]
    assert " passed" in suite.stdout.splitlines()[-1]


def _count_sources(root: Path) -> int:
    return len(list((root / "build" / "sources").glob("*.yaml")))


def _assert_the_deployment_is_one_event(root: Path, source_id: str) -> None:
    import pyarrow.parquet as pq

    before = pq.read_table(ROOT / "datapkg" / "data" / "events.parquet").to_pylist()
    after = pq.read_table(root / "datapkg" / "data" / "events.parquet").to_pylist()
    assert len(after) == len(before) + 1  # the ratification law's signing is new; the rest are not
    was = next(e for e in before if e["id"] == DEPLOYMENT)
    now = next(e for e in after if e["id"] == DEPLOYMENT)
    assert (now["source_count"], now["claim_count"]) == (was["source_count"] + 1, was["claim_count"] + 2)
    assert (now["value_best"], now["unit"], now["strongest_status"]) == (11_000, "persons", "confirmed")
    assert now["first_reported_in"] == was["first_reported_in"] != source_id
