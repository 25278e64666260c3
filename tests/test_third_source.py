"""Adding an article is: ``datapkg add-source``, review the draft, build. The test suite
must then pass on the grown data with no test edited.

This copies the project and adds the articles in ``tests/extra_source*/`` (short texts
written for the tests: one German, one English, with troop figures, a range without a
single figure, ranks, an arms transfer, dated actions and new actors) as CONTRIBUTING.md
tells a curator to (``tests/extra_sources.py``): add-source writes the text, metadata and
a draft, proposing the existing deployment for figures of North Korean troops in Russia;
the build refuses the unconfirmed draft, one message per record; the curated records
replace the draft; the build passes, the events table counts the deployment once with the
claims of every source; and the test suite runs on the copy, in parallel as CI runs it.

Every example-based test runs on the copy. The property tests (Hypothesis) run once, on the
checkout: they generate their own inputs (any text, any value in any field, any damaged
descriptor or index), so a larger corpus adds nothing to what they try, and running them
twice would only double their cost.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, run_datapkg
from .extra_sources import FOLDERS, add_source, confirm_records, run

DEPLOYMENT = "prk-troop-deployment-to-russia-2024-10"  # the seed sources' North Korean troops in Russia
NESTED = "DATAPKG_NESTED_SUITE"  # set in the copy's run, so it does not copy itself again
_SKIP = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", "*.egg-info", ".staging-*"
)


def _build(root: Path) -> tuple[int, str, str]:
    built = run_datapkg("build", "--root", str(root), cwd=root)  # the copy's code is this code
    return built.returncode, built.stdout, built.stderr


def _draft_proposes_the_deployment(root: Path, source_id: str) -> None:
    """The German article's North Korean figures are drafted as claims about the deployment."""
    draft = yaml.safe_load((root / "build" / "records" / f"{source_id}.yaml").read_text(encoding="utf-8"))
    north_korean = [f for f in draft["troop_figures"] if f["force"] == "prk-armed-forces"]
    assert north_korean and all(f["event_id"] == DEPLOYMENT for f in north_korean), north_korean


def _drafts_are_refused(root: Path) -> None:
    status, _, stderr = _build(root)
    assert status == 1
    drafts = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert drafts and all("draft" in line and "confirm it" in line for line in drafts), stderr
    assert "Traceback" not in stderr


def grow(root: Path) -> list[str]:
    """Every extra article added to ``root`` as a curator adds it; the new source ids."""
    ids = []
    for folder in FOLDERS:
        source_id = add_source(root, folder)
        if folder.name == "extra_source":
            _draft_proposes_the_deployment(root, source_id)
        _drafts_are_refused(root)
        confirm_records(root, folder, source_id)
        ids.append(source_id)
    return ids


@pytest.mark.skipif(bool(os.environ.get(NESTED)), reason="already running inside the copy")
def test_the_suite_passes_with_two_more_sources(tmp_path: Path) -> None:
    assert len(FOLDERS) >= 2, "a German and an English article for the tests"
    root = tmp_path / "project"
    shutil.copytree(ROOT, root, ignore=_SKIP)
    ids = grow(root)
    status, stdout, stderr = _build(root)
    assert status == 0, stderr
    assert f"sources {_count_sources(ROOT) + len(ids)}," in stdout
    _assert_the_deployment_is_one_event(root, ids)
    figure = run([sys.executable, str(root / "scripts" / "make_timeline.py")], root)
    assert figure.returncode == 0, figure.stderr

    suite = run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2", "--dist", "worksteal",
         "-m", "not hypothesis", "--doctest-modules", "datapkg", "tests"],
        root,
        {NESTED: "1"},
    )  # fmt: skip
    assert suite.returncode == 0, suite.stdout[-6000:] + suite.stderr[-2000:]
    assert " passed" in suite.stdout.splitlines()[-1]


def _count_sources(root: Path) -> int:
    return len(list((root / "build" / "sources").glob("*.yaml")))


def _assert_the_deployment_is_one_event(root: Path, ids: list[str]) -> None:
    import pyarrow.parquet as pq

    before = pq.read_table(ROOT / "datapkg" / "data" / "events.parquet").to_pylist()
    after = pq.read_table(root / "datapkg" / "data" / "events.parquet").to_pylist()
    new = {e["id"] for e in after} - {e["id"] for e in before}
    assert new == {
        "rus-ratification-law-signed-2024-11-09",  # the German article's
        "gfp-2024-rus-strength-rank",  # the English article's
        "prk-treaty-ratification-2024-11-11",
    }
    was = next(e for e in before if e["id"] == DEPLOYMENT)
    now = next(e for e in after if e["id"] == DEPLOYMENT)
    # two German figures (11,000 in Russia, of them some at the front) and two English claims
    assert (now["source_count"], now["claim_count"]) == (was["source_count"] + 2, was["claim_count"] + 4)
    # The latest claim gives only a range: the event's figure is that range, with no best.
    assert (now["value_best"], now["value_low"], now["value_high"]) == (None, 10_000, 12_000)
    assert (now["unit"], now["value_best_status"], now["strongest_status"]) == ("persons", None, "confirmed")
    assert now["first_reported_in"] == was["first_reported_in"] not in ids
