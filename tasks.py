#!/usr/bin/env python3
"""Set-up and routine tasks, runnable with nothing but ``python3``.

    python3 tasks.py build   # make .venv from the lock, then build the data package and its figure
    python3 tasks.py check   # a curator's loop: build, then the tests of the data (seconds)
    python3 tasks.py test    # make .venv from the lock (Chromium too, as root), then lint, type-check,
                             # and the whole suite in parallel (what CI runs)
    python3 tasks.py lock    # refresh constraints.txt from the newest allowed versions

The virtual environment lives in ``.venv`` and is reinstalled only when
``pyproject.toml`` or ``constraints.txt`` change.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "constraints.txt"
STAMP = VENV / "installed.sha256"


def _bin(name: str) -> Path:
    return VENV / ("Scripts" if os.name == "nt" else "bin") / name


def _run(*args: str | Path) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True)


def _inputs_digest() -> str:
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", LOCK):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def setup() -> None:
    """Create .venv and install the project with its locked dependencies."""
    if STAMP.is_file() and STAMP.read_text() == _inputs_digest():
        return
    if not _bin("python").exists():
        venv.create(VENV, with_pip=True)
    pip: list[str | Path] = [_bin("python"), "-m", "pip", "--disable-pip-version-check", "--quiet"]
    _run(*pip, "install", "--upgrade", "pip")
    _run(*pip, "install", "-c", LOCK, "-e", ".[dev]")
    STAMP.write_text(_inputs_digest())


def build() -> None:
    setup()
    _run(
        _bin("python"), "-m", "datapkg.compiler.outputs.names_module"
    )  # typed names from schemas/resources.json
    _run(_bin("datapkg"), "build")
    # The README's figure is drawn from the built tables; a test fails when it is stale.
    _run(_bin("python"), ROOT / "scripts" / "make_timeline.py")


BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def browser() -> None:
    """Headless Chromium for the browser test of `datapkg serve`, from the system packages
    where this machine can install them (as root, with apt); otherwise that test is skipped,
    except in CI, where it fails."""
    import shutil

    if any(shutil.which(name) for name in BROWSERS):
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
            print("+", " ".join(command), flush=True)
            subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)


# What an edit under build/ (articles, records, vocabularies) can break: the tests of the data
# itself. The build before them runs every check of the inputs (quotes at their offsets, every
# mention accounted for, keys and vocabularies); the code's own tests run in `test`.
DATA_TESTS = (
    "tests/test_provenance.py",
    "tests/test_records.py",
    "tests/test_events.py",
    "tests/test_event_links.py",
    "tests/test_claims.py",
    "tests/test_mentions.py",
    "tests/test_vocabularies.py",
    "tests/test_docs.py",
    "tests/test_changes.py::test_the_changelog_lists_exactly_the_records_the_diff_finds",
    "tests/test_outputs.py",
    "tests/test_pandera_agreement.py::test_pandera_accepts_every_installed_table",
    "tests/test_validate.py::test_installed_package_is_valid",
)


def check() -> None:
    """A curator's check after each edit: build, redraw the figure, test the data."""
    build()
    _run(_bin("pytest"), "-q", "-p", "no:cacheprovider", *DATA_TESTS)


def test() -> None:
    setup()
    browser()
    _run(_bin("ruff"), "check", ".")
    _run(_bin("ruff"), "format", "--check", ".")
    _run(_bin("mypy"))
    # One worker per core and one more, since part of the suite waits on servers and child
    # processes; a worker that runs out of tests takes queued ones from another.
    workers = str((os.cpu_count() or 1) + 1)
    _run(_bin("pytest"), "-n", workers, "--dist", "worksteal", "--doctest-modules", "datapkg", "tests")


def lock() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = Path(tmp) / "venv"
        venv.create(env, with_pip=True)
        python = env / ("Scripts" if os.name == "nt" else "bin") / "python"
        _run(python, "-m", "pip", "install", "--quiet", "-e", ".[dev]")
        frozen = subprocess.run(
            [str(python), "-m", "pip", "freeze", "--exclude-editable"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    header = LOCK.read_text().splitlines()[:3]
    LOCK.write_text("\n".join(header) + "\n" + frozen)


TASKS = {"build": build, "check": check, "test": test, "setup": setup, "lock": lock}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in TASKS:
        sys.exit(f"usage: python3 tasks.py {{{'|'.join(TASKS)}}}")
    try:
        TASKS[sys.argv[1]]()
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode or 1)
