"""The articles written for the tests (``tests/extra_source*/``), added to a project root as
CONTRIBUTING.md tells a curator to: ``datapkg add-source`` with the options of the folder's
``source.yaml``, then the curated records in place of the draft, new actors appended to the
actors vocabulary and an entry in the changelog's first section.

Each folder holds ``article.txt``, ``source.yaml``, ``records.yaml`` (``SOURCE_ID`` stands
for the id add-source assigns), ``actors.yaml`` (entries of the actors list, possibly
none) and ``changelog.md``. Paths are taken from this file, so a copy of the project adds
its own copies of the folders.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import yaml

from .conftest import run_datapkg

FOLDERS = sorted(p for p in Path(__file__).resolve().parent.glob("extra_source*") if p.is_dir())
PLACEHOLDER = "SOURCE_ID"


def add_source(root: Path, folder: Path) -> str:
    """``datapkg add-source`` on the folder's article; the new source id (its draft is left
    in ``build/records/<id>.yaml``)."""
    article = str(folder / "article.txt")
    added = run_datapkg("add-source", article, *source_options(folder), "--root", str(root), cwd=root)
    if added.returncode != 0:
        raise RuntimeError(f"add-source {folder.name} failed: {added.stderr}")
    found = re.search(r"^source (\S+):", added.stdout, re.M)
    if found is None:
        raise RuntimeError(f"add-source {folder.name} printed no source id: {added.stdout}")
    return found.group(1)


def source_options(folder: Path) -> list[str]:
    """The add-source options ``source.yaml`` gives: each key an option, ``basis`` a mapping
    of item to basis (``--basis ITEM=BASIS`` for each)."""
    options: dict[str, Any] = yaml.safe_load((folder / "source.yaml").read_text(encoding="utf-8"))
    args = []
    for key, value in options.items():
        if key == "basis":
            args += [a for item, basis in value.items() for a in ("--basis", f"{item}={basis}")]
        else:
            args += [f"--{key}", str(value)]
    return args


def confirm_records(root: Path, folder: Path, source_id: str) -> None:
    """What the curator makes of the draft: the records, new actors and a changelog entry."""
    records = (folder / "records.yaml").read_text(encoding="utf-8").replace(PLACEHOLDER, source_id)
    (root / "build" / "records" / f"{source_id}.yaml").write_text(records, encoding="utf-8")
    actors = root / "build" / "records" / "actors.yaml"
    new_actors = (folder / "actors.yaml").read_text(encoding="utf-8")
    actors.write_text(actors.read_text(encoding="utf-8").rstrip("\n") + "\n" + new_actors, encoding="utf-8")
    changelog = root / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    heading = re.search(r"^## .*\n", text, re.M)
    if heading is None:
        raise RuntimeError(f"{changelog} has no section to list the new ids in")
    entry = (folder / "changelog.md").read_text(encoding="utf-8").replace(PLACEHOLDER, source_id)
    changelog.write_text(text[: heading.end()] + "\n" + entry + text[heading.end() :], encoding="utf-8")


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A command in the project at ``cwd``, importing that project's ``datapkg``."""
    env = {**os.environ, **(env or {}), "PYTHONPATH": str(cwd)}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
