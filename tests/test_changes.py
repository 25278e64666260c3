"""What changed between releases: the archived releases, the diff, the changelog checked
against it, `datapkg diff`, and the build's guards on retired ids."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

import datapkg
from datapkg.changes import compare, retired
from datapkg.compiler.layout import Layout
from datapkg.compiler.outputs.release_registry import released_versions
from datapkg.compiler.pipeline import compile_package
from datapkg.compiler.problems import InputError
from datapkg.versions_on_hand import Side, VersionNotFound, side

from .conftest import ROOT, copy_project, edit, run_datapkg

RELEASES = ROOT / "build" / "releases"
CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def _diff(old: str, new: str) -> dict[str, Any]:
    before, after = side(old, checkout=ROOT), side(new, checkout=ROOT)
    return compare(before, after, record=retired(before.descriptor, after.descriptor, datapkg.package()))


def _section(name: str) -> str:
    match = re.search(rf"^## {re.escape(name)}\n(.*?)(?=^## |\Z)", CHANGELOG, re.S | re.M)
    assert match, f"CHANGELOG.md has no section {name}"
    return match.group(1)


def _listed(text: str) -> set[str]:
    """Ids as the changelog writes them: slugs of several parts anywhere, one word in backticks."""
    return set(re.findall(r"[a-z0-9]+(?:[-_][a-z0-9]+)+", text)) | set(re.findall(r"`([a-z0-9]+)`", text))


def _record_ids(diff: dict[str, Any]) -> set[str]:
    """The rows the diff names as added, removed or changed, but those of derived tables and
    changes confined to derived fields: what the changelog names."""
    ids: set[str] = set()
    for table in diff["tables"].values():
        if not table.get("derived"):
            ids |= set(table["added"]) | {r["id"] for r in table["removed"]}
            ids |= {c["id"] for c in table["changed"] if not c.get("derived")}
    return ids


def _row_ids(version: Side) -> set[str]:
    return {
        str(v)
        for name in version.resources()
        if name != "mentions"
        for v in version.read(name)["id"].to_pylist()
    }


def _values(diff: dict[str, Any]) -> set[str]:
    """Every text a changed field takes or took: an id written as such a value is no listing."""
    found: set[str] = set()
    for table in diff["tables"].values():
        for change in table["changed"]:
            for values in change["fields"].values():
                for value in (values["old"], values["new"]):
                    found |= {
                        v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)
                    }
    return found


def _steps() -> list[tuple[str, str, list[str]]]:
    """Each release against the one before, the checkout against the last, and the first release
    against the checkout: with the changelog sections that say what changed between them."""
    versions = released_versions(Layout(ROOT))
    current = datapkg.__version__
    sections = ["Unreleased"] if current not in versions else []
    steps = [(a, b, [b]) for a, b in itertools.pairwise(versions)]
    steps.append((versions[-1], "checkout", sections))
    steps.append((versions[0], "checkout", [*sections, *versions[1:]]))
    return steps


def test_every_release_is_archived_as_released() -> None:
    for version in released_versions(Layout(ROOT)):
        sums = dict(
            line.split("  ")[::-1] for line in (RELEASES / f"{version}.sha256").read_text().splitlines()
        )
        archived = sorted(p.name for p in (RELEASES / version).iterdir())
        assert archived == sorted(n for n in sums if n == "datapackage.json" or n.endswith(".parquet"))
        for name in archived:
            assert hashlib.sha256((RELEASES / version / name).read_bytes()).hexdigest() == sums[name], name


@pytest.mark.parametrize(("old", "new", "sections"), _steps(), ids=lambda v: str(v))
def test_the_changelog_lists_exactly_the_records_the_diff_finds(
    old: str, new: str, sections: list[str]
) -> None:
    diff = _diff(old, new)
    listed = set().union(*(_listed(_section(s)) for s in sections))
    found = _record_ids(diff)
    assert found - listed == set(), "changed records the changelog does not name"
    rows = _row_ids(side(old, checkout=ROOT)) | _row_ids(side(new, checkout=ROOT))
    assert (listed & rows) - found - _values(diff) == set(), "records the changelog names that did not change"


def test_the_diff_from_0_1_0_to_0_2_0() -> None:
    diff = _diff("0.1.0", "0.2.0")
    figures = diff["tables"]["troop_figures"]
    assert figures["added"] == ["rus-casualties-from-faulty-shells"]
    assert figures["removed"] == [{
        "id": "prk-10000-little-weight",
        "reason": "It restated the NIS projection of 10,000 to weigh it against Russia's own forces, so every "
        "count of figures included that projection twice; its \"10.000\" is an ignored mention with that reason.",
        "replaced_by": "nis-prk-troops-projected-10000",
        "retired_in": "0.2.0",
    }]  # fmt: skip
    transfers = {c["id"]: c["fields"] for c in diff["tables"]["arms_transfers"]["changed"]}
    assert transfers["prk-rus-shells-1-6-million"] == {
        "date_text": {"old": "im Laufe von sechs Monaten", "new": "sechs Monaten"}
    }
    assert transfers["prk-rus-weapons-since-war-start"]["stage"] == {"old": "delivered", "new": "speculated"}
    assert transfers["prk-rus-weapons-since-war-start"]["date_start"] == {"old": "2022-02-24", "new": None}
    assert diff["tables"]["actors"]["removed"][0]["replaced_by"] == "nato-allies"
    assert diff["tables"]["mentions"]["derived"] is True
    assert diff["summary"] == {"added": 2, "removed": 2, "changed": 16}


def test_the_diff_to_the_checkout_reports_new_tables_and_fields_once() -> None:
    diff = _diff("0.2.0", "checkout")
    events = diff["tables"]["events"]
    assert events["status"] == "added" and events["rows"] == {"old": 0, "new": len(datapkg.load("events"))}
    assert sorted(events["added"]) == sorted(datapkg.load("events")["id"])
    assert diff["tables"]["troop_figures"]["fields_added"] == [
        "event_id",
        "count_type",
        "related_figure",
        "polarity",
    ]
    assert diff["tables"]["diplomatic_actions"]["fields_added"] == ["polarity"]
    changed = {c["id"]: c["fields"] for c in diff["tables"]["diplomatic_actions"]["changed"]}
    assert changed["nis-reports-prk-troops-2024-10"] == {
        "event_id": {
            "old": "nis-report-prk-troops-2024-10-18",
            "new": "prk-troop-deployment-to-russia-2024-10",
        }
    }


def test_a_version_against_itself_has_no_changes() -> None:
    diff = _diff("checkout", "installed")
    assert diff["summary"] == {"added": 0, "removed": 0, "changed": 0}
    assert all(not t["added"] and not t["removed"] and not t["changed"] for t in diff["tables"].values())


def test_diff_prints_a_table_and_json(tmp_path: Path) -> None:
    done = run_datapkg("diff", "0.1.0", "0.2.0", cwd=ROOT)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == (
        "datapkg diff 0.1.0 (release 0.1.0, archived in the checkout) -> 0.2.0 (release 0.2.0, archived in the checkout)"
    )
    assert "troop_figures: 11 -> 11 rows; 1 added, 1 removed, 4 changed" in lines
    assert (
        "  - prk-10000-little-weight (replaced by nis-prk-troops-projected-10000): It restated the NIS projection of "
        "10,000 to weigh it against Russia's own forces, so every count of figures included that projection twice; "
        'its "10.000" is an ignored mention with that reason.'
    ) in lines
    note = lines.index("  ~ 001_f05a9056add4a36d") + 1
    assert lines[note : note + 3] == [
        "      note:",
        "        - …October 2024. No URL is known.",
        "        + …October 2024. No URL is known. Source error: it says North Korea's soldiers \"haben aber nie wirkli…",
    ]
    assert "      date_text: im Laufe von sechs Monaten -> sechs Monaten" in lines
    assert lines[-1] == "records: 2 added, 2 removed, 16 changed"
    as_json = run_datapkg("diff", "0.1.0", "0.2.0", "--format", "json", cwd=ROOT)
    assert json.loads(as_json.stdout) == _diff("0.1.0", "0.2.0")


def test_diff_without_versions_compares_the_last_release_with_the_installed_package() -> None:
    done = run_datapkg("diff", "--format", "json", cwd=ROOT)
    assert done.returncode == 0, done.stderr
    diff = json.loads(done.stdout)
    last = released_versions(Layout(ROOT))[-1]
    expected = last if last != datapkg.__version__ else released_versions(Layout(ROOT))[-2]
    assert (diff["old"]["version"], diff["new"]) == (
        expected,
        {"version": datapkg.__version__, "from": "installed"},
    )


def test_diff_of_an_unpacked_bundle_folder(tmp_path: Path) -> None:
    for path in (RELEASES / "0.1.0").iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    assert _diff(str(tmp_path), "0.1.0")["summary"] == {"added": 0, "removed": 0, "changed": 0}
    assert side(str(tmp_path / "datapackage.json")).label == str(tmp_path / "datapackage.json")


def test_a_release_out_of_reach_says_how_to_reach_it(tmp_path: Path) -> None:
    done = run_datapkg("diff", "0.1.0", "installed", "--root", str(tmp_path), env={"DATAPKG_BASE_URL": None})
    assert done.returncode == 2
    assert done.stderr == (
        "error: release 0.1.0 is neither installed nor archived in a checkout here; give the address its "
        "releases are served from (--base-url URL, or $DATAPKG_BASE_URL), or compare unpacked release bundles "
        "by folder (every bundle also carries its diff.json against the release before)\n"
    )


def test_a_release_recorded_without_its_archive_fails_the_build(tmp_path: Path) -> None:
    layout = copy_project(tmp_path)
    shutil.rmtree(tmp_path / "build" / "releases" / "0.2.0")
    with pytest.raises(InputError) as caught:
        compile_package(layout)
    assert [str(p) for p in caught.value.problems] == [
        "build/releases/0.2.0.sha256: no archive build/releases/0.2.0/ of the release; restore it with "
        "`scripts/rebuild_release.py` from the commit that released it"
    ]


def test_an_unknown_version_name_is_a_usage_error() -> None:
    done = run_datapkg("diff", "yesterday", "installed", cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr == (
        "error: 'yesterday': not a version (such as 0.2.0), 'installed', 'checkout' or an existing path\n"
    )


def test_a_tampered_archive_is_refused_by_name(tmp_path: Path) -> None:
    layout = copy_project(tmp_path)
    actors = tmp_path / "build" / "releases" / "0.1.0" / "actors.parquet"
    actors.write_bytes(actors.read_bytes()[:-1] + b"\0")
    with pytest.raises(
        VersionNotFound, match=r"actors\.parquet: missing or not the file released as 0\.1\.0"
    ):
        side("0.1.0", checkout=layout.root).read("actors")
    with pytest.raises(InputError) as caught:
        compile_package(layout)
    assert [str(p) for p in caught.value.problems] == [
        "build/releases/0.1.0: archived release cannot be read: "
        f"{actors}: missing or not the file released as 0.1.0 (its SHA-256 differs from build/releases/0.1.0.sha256)"
    ]


def test_a_retired_id_is_never_used_again(tmp_path: Path) -> None:
    layout = copy_project(tmp_path)
    edit("build/records/actors.yaml", "  - id: nato-allies\n", "  - id: nato\n")(layout)
    with pytest.raises(InputError) as caught:
        compile_package(layout)
    messages = [str(p) for p in caught.value.problems]
    assert (
        "build/retired.yaml:20: record 'nato': actors id 'nato' was retired; ids are never reused: choose another id"
        in messages
    )


def test_a_record_of_a_release_cannot_disappear_unexplained(tmp_path: Path) -> None:
    layout = copy_project(tmp_path)
    text = (tmp_path / "build" / "retired.yaml").read_text(encoding="utf-8")
    start = text.index("  - resource: actors")
    (tmp_path / "build" / "retired.yaml").write_text(
        text[:start] + text[text.index("  - resource: events") :]
    )
    with pytest.raises(InputError) as caught:
        compile_package(layout)
    assert [str(p) for p in caught.value.problems] == [
        "build/retired.yaml: record 'nato': actors row 'nato' of release 0.1.0 is no longer published; list it "
        "here with the reason (ids are never reused), or restore its record"
    ]


def test_every_problem_of_the_retired_list_is_reported_with_its_line(tmp_path: Path) -> None:
    layout = copy_project(tmp_path)
    edit("build/retired.yaml", "    version: 0.2.0\n", "    version: 7.0.0\n")(layout)
    edit("build/retired.yaml", "  - resource: actors\n", "  - resource: actor\n")(layout)
    edit(
        "build/retired.yaml",
        "    replaced_by: nato-allies\n",
        "    replaced_by: nato-allies\n    why: typo\n",
    )(layout)
    with pytest.raises(InputError) as caught:
        compile_package(layout)
    messages = [str(p) for p in caught.value.problems]
    assert "build/retired.yaml:12: record 'prk-10000-little-weight': version: '7.0.0' is not a version up to this " \
        "one (such as 0.2.0)" in messages  # fmt: skip
    assert "build/retired.yaml:20: record 'nato': unknown key 'why' (expected: resource, id, version, reason, " \
        "replaced_by)" in messages  # fmt: skip


def _bundle_folder(tmp_path: Path, change: Any) -> Path:
    """The archived 0.1.0 tables in a folder, with ``change`` applied to its descriptor."""
    tmp_path.mkdir(exist_ok=True)
    for path in (RELEASES / "0.1.0").iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    change(descriptor)
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return tmp_path


def _hostile_descriptor(descriptor: dict[str, Any]) -> None:
    descriptor["resources"][1]["schema"]["primaryKey"] = 5
    descriptor["resources"] += [{"name": ["a", "list"]}, 7, {"name": "actors"}, {"name": "../up"}]
    descriptor["x-retired"] = [{"resource": 1, "id": ["x"]}, "text"]


def test_a_hostile_descriptor_is_refused_with_every_problem(tmp_path: Path) -> None:
    folder = _bundle_folder(tmp_path, _hostile_descriptor)
    done = run_datapkg("diff", str(folder), "installed", cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr == (
        f"error: {folder / 'datapackage.json'}: resources[1].schema.primaryKey: expected a field name or a "
        "list of them; resources[8]: expected an object with a name; resources[9]: expected an object with a "
        "name; resources[10].name: 'actors' is listed twice; resources[11].name: '../up' is no resource name; "
        "x-retired[0]: expected an object with text resource, id, version, reason (and replaced_by); "
        "x-retired[1]: expected an object with text resource, id, version, reason (and replaced_by)\n"
    )


def test_a_file_outside_the_folder_or_a_key_without_its_column_is_refused(tmp_path: Path) -> None:
    def outside(descriptor: dict[str, Any]) -> None:
        descriptor["resources"][0]["x-parquet"]["path"] = "../../etc/passwd"

    folder = _bundle_folder(tmp_path / "a", outside)
    done = run_datapkg("diff", str(folder), "installed", cwd=ROOT)
    assert (done.returncode, done.stderr) == (
        2, "error: resource 'sources': Parquet path '../../etc/passwd' is not a plain file name\n"
    )  # fmt: skip

    def no_column(descriptor: dict[str, Any]) -> None:
        descriptor["resources"][0]["schema"]["primaryKey"] = ["nope"]

    folder = _bundle_folder(tmp_path / "b", no_column)
    done = run_datapkg("diff", str(folder), "installed", cwd=ROOT)
    assert (done.returncode, done.stderr) == (
        2, f"error: {folder / 'sources.parquet'}: no column nope, which its descriptor names as the primary key\n"
    )  # fmt: skip
