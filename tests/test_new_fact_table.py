"""A new fact table is its schema file and its line in ``schemas/resources.json``: nothing else
in the code names the fact tables. This adds one to a copy of the project (a table of weapons
programmes a source says a state pursues), with one record in a seed source's records file,
and checks that the build, ``datapkg validate``, frictionless, the loader, ``claims()``, the
Datasette metadata and ``add-source`` all take it up.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import datapkg

from .conftest import ROOT
from .test_third_source import NESTED

TABLE = "weapon_programmes"
SCHEMA = {
    "description": "A weapons programme a source says a state pursues.",
    "fields": [
        {"$ref": "id"},
        {"$ref": "source_id"},
        {"$ref": "event_id"},
        {"name": "owner", "type": "string", "description": "Whose programme (see `actors`).",
         "constraints": {"required": True}, "x-facet": True},
        {"name": "weapon", "type": "string", "description": "What is developed, in English.",
         "constraints": {"required": True, "minLength": 1}},
        {"name": "programme_status", "type": "string", "description": "Where the programme stands.",
         "constraints": {"required": True, "enum": ["developing", "deployed"]},
         "x-enumDescriptions": {"developing": "under development", "deployed": "in service"}, "x-facet": True},
        {"$ref": "quote"}, {"$ref": "quote_start"}, {"$ref": "quote_end"}, {"$ref": "quote_en"},
        {"$ref": "claim_status"}, {"$ref": "polarity"}, {"$ref": "attributed_to"}, {"$ref": "note"},
    ],
    "primaryKey": ["id"],
    "foreignKeys": [
        {"fields": "source_id", "reference": {"resource": "sources", "fields": "id"}},
        {"fields": "event_id", "reference": {"resource": "events", "fields": "id"}},
        {"fields": "owner", "reference": {"resource": "actors", "fields": "id"}},
        {"fields": "attributed_to", "reference": {"resource": "actors", "fields": "id"}},
    ],
    "missingValues": [""],
    "x-claim": {"subject": "owner", "what": "weapon"},
}  # fmt: skip
RECORD = """
weapon_programmes:
  - id: prk-nuclear-weapons-and-missiles
    event_id: kor-summons-russian-ambassador-2024-06-21
    owner: prk
    weapon: nuclear weapons and missiles
    programme_status: developing
    quote: Nordkorea entwickle seit Jahrzehnten illegal Atomwaffen und Raketen
    quote_en: North Korea has been illegally developing nuclear weapons and missiles for decades
    claim_status: reported
    attributed_to: kor
"""
SOURCE = "000_7e917bff9e613273"
_SKIP = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", "*.egg-info", ".staging-*"
)


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root), NESTED: "1"}
    return subprocess.run(
        [sys.executable, *args], cwd=root, env=env, capture_output=True, text=True, check=False
    )


def _python(root: Path, code: str) -> str:
    done = _run(root, "-c", code)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fifth") / "project"
    shutil.copytree(ROOT, root, ignore=_SKIP)
    (root / "schemas" / f"{TABLE}.json").write_text(json.dumps(SCHEMA, indent=2) + "\n", encoding="utf-8")
    listing = root / "schemas" / "resources.json"
    text = listing.read_text(encoding="utf-8")
    line = '    {"name": "diplomatic_actions", "group": "fact"},\n'
    listing.write_text(
        text.replace(line, line + f'    {{"name": "{TABLE}", "group": "fact"}},\n'), encoding="utf-8"
    )
    generated = _run(root, "-m", "datapkg.compiler.outputs.names_module")  # as `python3 tasks.py build` does
    assert generated.returncode == 0, generated.stderr
    records = root / "build" / "records" / f"{SOURCE}.yaml"
    text = records.read_text(encoding="utf-8")
    records.write_text(
        text.replace("\n# Numbers and dates in the text", RECORD + "\n# Numbers and dates in the text")
    )
    built = _run(root, "-m", "datapkg", "build", "--root", str(root))
    assert built.returncode == 0, built.stderr
    assert f"{TABLE} 1," in built.stdout
    return root


@pytest.mark.skipif(bool(os.environ.get(NESTED)), reason="already running inside a copy")
def test_the_package_validates_with_the_new_table(project: Path) -> None:
    validated = _run(project, "-m", "datapkg", "validate", str(project / "datapackage.json"))
    assert validated.returncode == 0 and "valid" in validated.stdout, validated.stderr
    frictionless = _run(project, "-m", "frictionless", "validate", "datapackage.json")
    assert frictionless.returncode == 0, frictionless.stdout[-3000:]
    # the record covers the mention in its quote, as any fact record does
    covered = _python(
        project,
        "import datapkg; m = datapkg.load('mentions'); "
        "print(sorted(m[m['text'] == 'seit Jahrzehnten']['covered_by'].iloc[0]))",
    )
    assert "prk-nuclear-weapons-and-missiles" in covered


@pytest.mark.skipif(bool(os.environ.get(NESTED)), reason="already running inside a copy")
def test_the_loader_and_claims_read_the_new_table(project: Path) -> None:
    loaded = _python(
        project,
        f"import datapkg; t = datapkg.load('{TABLE}'); print(t['programme_status'].dtype, list(t['id']))",
    )
    assert loaded == "category ['prk-nuclear-weapons-and-missiles']"
    claim = _python(
        project,
        "import datapkg; c = datapkg.claims(); r = c[c['table'] == 'weapon_programmes'].iloc[0]; "
        "print(r['subject_name'], '|', r['what'], '|', r['event'])",
    )
    event = datapkg.load("events").set_index("id").loc["kor-summons-russian-ambassador-2024-06-21"]
    assert claim == f"North Korea | nuclear weapons and missiles | {event['label']}"
    counted = _python(
        project,
        "import datapkg; e = datapkg.load('events').set_index('id'); "
        "print(e.loc['kor-summons-russian-ambassador-2024-06-21', 'claim_count'])",
    )
    assert counted == str(event["claim_count"] + 1)  # the new table's claim counts towards its event


@pytest.mark.skipif(bool(os.environ.get(NESTED)), reason="already running inside a copy")
def test_datasette_metadata_describes_the_new_table(project: Path) -> None:
    metadata = json.loads(
        _python(
            project,
            "import json, datapkg; from datapkg.explore import datasette_metadata, DATABASE; "
            "print(json.dumps(datasette_metadata(datapkg.package())['databases'][DATABASE]['tables']"
            f"['{TABLE}']))",
        )
    )
    assert metadata["facets"] == ["source_id", "owner", "programme_status", "claim_status", "polarity"]
    assert metadata["columns"]["weapon"] == "What is developed, in English."


@pytest.mark.skipif(bool(os.environ.get(NESTED)), reason="already running inside a copy")
def test_add_source_knows_the_new_table(project: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Nordkorea hat nach Angaben aus Seoul rund 2.000 weitere Soldaten nach Russland geschickt.\n",
        encoding="utf-8",
    )
    added = _run(project, "-m", "datapkg", "add-source", str(article), "--lang", "de",
                 "--published", "2024-12-02", "--title", "Test", "--root", str(project))  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert f"0 {TABLE}" in added.stdout
