"""Documentation generated from the single source of truth, and one version everywhere."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib

import pandas as pd
import pytest

import datapkg
from datapkg._names import FACT_TABLES, RESOURCES
from datapkg.compiler.layout import Layout
from datapkg.compiler.outputs.release_registry import is_final, released_versions
from datapkg.downloads import known_releases

from .conftest import ROOT


def test_one_version_everywhere() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"]
    citation = re.search(r"^version: (\S+)$", (ROOT / "CITATION.cff").read_text(encoding="utf-8"), re.M)
    assert citation
    assert {pyproject, descriptor, datapkg.__version__, citation.group(1)} == {pyproject}
    assert pyproject in known_releases()


def _changelog_sections() -> list[str]:
    return re.findall(r"^## (\S+)", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)


def test_changelog_has_a_section_for_every_release_and_the_work_in_progress() -> None:
    """A released version opens the changelog with its own section; a development version
    with `## Unreleased`. Every recorded release has its section."""
    sections = _changelog_sections()
    released = released_versions(Layout(ROOT))
    assert set(released) <= set(sections), (
        f"releases without a changelog section: {set(released) - set(sections)}"
    )
    expected = datapkg.__version__ if datapkg.__version__ in released else "Unreleased"
    assert sections[0] == expected
    assert is_final(datapkg.__version__) or datapkg.__version__ not in released


def test_released_versions_are_shipped_with_their_recorded_sums() -> None:
    shipped = known_releases()
    for version in released_versions(Layout(ROOT)):
        recorded = (ROOT / "build" / "releases" / f"{version}.sha256").read_text(encoding="utf-8")
        assert shipped[version] == dict(reversed(line.split("  ")) for line in recorded.splitlines())


def test_changelog_lists_every_record_id() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", changelog))
    tables = (*FACT_TABLES, "events")
    missing = {table: sorted(set(datapkg.load(table)["id"].astype(str)) - listed) for table in tables}
    missing = {table: ids for table, ids in missing.items() if ids}
    assert not missing, f"record ids missing from CHANGELOG.md, every table at once: {missing}"


def test_data_dictionary_covers_every_field_with_enum_meanings() -> None:
    text = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    for resource in datapkg.package()["resources"]:
        assert f"## {resource['name']}" in text
        for field in resource["schema"]["fields"]:
            kind = f"list of {field['itemType']}" if field["type"] == "list" else field["type"]
            assert f"| `{field['name']}` | {kind} |" in text
    assert "- `alleged`: the source hedges it as unverified" in text
    assert "| `rank` | integer | optional, ≥ 1 |" in text


def test_licences_and_citation_exist() -> None:
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY 4.0" in (ROOT / "LICENSE-DATA.md").read_text(encoding="utf-8")
    assert "license: CC-BY-4.0" in (ROOT / "CITATION.cff").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    assert "python3 tasks.py build" in first_block and "python3 tasks.py test" in first_block
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("python3 tasks.py test")
    for name in RESOURCES:
        assert f"`{name}`" in readme
    assert "![" in readme and "docs/timeline.svg" in readme


def test_timeline_figure_is_up_to_date(tmp_path: pytest.TempPathFactory) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "timeline.svg"  # type: ignore[operator]
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_timeline.py"), "--out", str(out)], check=True,
                   capture_output=True)  # fmt: skip
    for name in ("timeline.svg", "timeline.png"):
        assert (out.parent / name).read_bytes() == (ROOT / "docs" / name).read_bytes(), (
            f"docs/{name} is stale: run python scripts/make_timeline.py"
        )


def test_timeline_draws_each_dated_event_once_with_labels_from_the_data() -> None:
    """One mark per dated event (the treaty's signing once, not once per record and side),
    labelled from the events table: the best figure with its unit, the strongest status and,
    where the figure's own claim is weaker, that claim's status and who made it."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_timeline

    actors = datapkg.load("actors").set_index("id")
    marks = make_timeline.event_marks(actors)
    events = datapkg.load("events")
    dated = events.dropna(subset=["date_start"])
    assert len(marks) == len(dated)
    labels = {m.label for m in marks}
    # Both seed articles report the signing; an article added later may report it too.
    treaty = events.set_index("id").loc["rus-prk-treaty-signing-2024-06-19"]
    assert treaty["source_count"] >= 2
    shown = f"({treaty['strongest_status']}, {treaty['source_count']} sources), 19 Jun"
    assert f"Putin and Kim Jong Un sign the partnership treaty {shown}" in labels
    deployment = events.set_index("id").loc["prk-troop-deployment-to-russia-2024-10"]
    best, low, high = (deployment[c] for c in ("value_best", "value_low", "value_high"))
    # the best figure; or, where the latest claims give only a range, the range
    figure = f"{int(low):,}–{int(high):,} troops" if pd.isna(best) else f"{int(best):,} troops"
    assert any(
        label.startswith("North Korean troops sent to Russia (confirmed") and figure in label
        for label in labels
    ), sorted(labels)
    # wholly before the axis, still drawn: at the edge, with an arrow and its dates; the supply
    # stream comes in from the left
    sanctions = next(m for m in marks if m.label.startswith("South Korea joins financial sanctions"))
    assert sanctions.before and sanctions.label.endswith("Feb 2022–Mar 2022")
    supply = next(m for m in marks if m.label.startswith("North Korean arms and ammunition for Russia"))
    stream = events.set_index("id").loc["prk-rus-arms-supply"]
    assert supply.before and f"{make_timeline._number(stream['value_best'])} shells" in supply.label
    if stream["value_best_status"] != stream["strongest_status"]:  # the figure rests on a weaker claim
        assert f"({stream['value_best_status']}, " in supply.label
    if stream["value_best"] == 1_600_000:  # the seed sources' figure and who gave it
        assert "1.6 million shells (alleged, The Washington Post)" in supply.label
    assert all(m.status in make_timeline.MARKS for m in marks)


def _english_example_records() -> dict[str, dict[str, dict[str, object]]]:
    """The English test article's curated records by table and id (`SOURCE_ID` stands for the
    id add-source assigns)."""
    import yaml

    data = yaml.safe_load((ROOT / "tests" / "extra_source_en" / "records.yaml").read_text(encoding="utf-8"))
    return {t: {r["id"]: r for r in data.get(t) or []} for t in FACT_TABLES}


def _matches_the_data(table: str, record: dict[str, object], tables: dict[str, pd.DataFrame]) -> None:
    row = tables[table].loc[record["id"]]
    for field, value in record.items():
        if field in ("id", "date", "note"):
            continue
        assert str(row[field]) == str(value), (record["id"], field)


def test_contributing_examples_are_records_of_the_data() -> None:
    """The curation guide's worked examples say what the data say (notes may be shortened);
    the English example's say what the English test article's curated records say, exactly."""
    import yaml

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    examples = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.S)]
    tables = {t: datapkg.load(t).set_index("id") for t in FACT_TABLES}
    english = _english_example_records()
    shown, shown_en = set(), set()
    for example in examples:
        for table, records in example.items():
            if table not in tables:
                continue
            for record in records:
                # The English article is in the data only where a test has added it to a copy.
                curated = english[table].get(record["id"])
                if curated:
                    assert record == {k: v for k, v in curated.items() if k != "source_id"}, record["id"]
                    shown_en.add(table)
                else:
                    assert record["id"] in tables[table].index, (
                        f"{record['id']}: in neither the data nor the English example"
                    )
                    _matches_the_data(table, record, tables)
                    shown.add(table)
    assert shown == set(FACT_TABLES)
    assert shown_en, "CONTRIBUTING.md shows no record of the English example"
    for status in ("stated", "reported", "alleged", "estimated", "projected", "assessed"):
        assert f"| `{status}` |" in text


def test_readme_examples_give_what_they_show() -> None:
    import doctest

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", readme, re.S)
    assert blocks
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    for number, block in enumerate(blocks):
        example = doctest.DocTestParser().get_doctest(
            block, {}, f"README.md pycon block {number}", "README.md", 0
        )
        runner.run(example, out=report.append)
    assert runner.failures == 0, "".join(report)


def _dictionary_section(name: str) -> str:
    text = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    return text.split(f"\n## {name}\n")[1].split("\n## ")[0]


def _examples(section: str) -> dict[str, str]:
    return {
        cells[0].strip(" `"): cells[-1].strip()
        for line in section.splitlines()
        if line.startswith("| `") and (cells := line.strip("|").split(" | "))
    }


def test_a_tables_examples_come_from_one_row() -> None:
    # The figure of 1.32 million no longer stands beside another record's lower bound of 1,328,000.
    section = _dictionary_section("troop_figures")
    row_id = re.search(r"Examples from the row `([^`]+)`\.", section)
    assert row_id
    figures = datapkg.load("troop_figures").set_index("id")
    row = figures.loc[row_id.group(1)]
    examples = _examples(section)
    assert examples["id"] == f"`{row_id.group(1)}`"
    for column in ("value", "value_low", "value_high", "qualifier", "measure", "source_id", "event_id"):
        assert examples[column] == f"`{row[column]}`", column
    assert examples["date_start"] == f"`{row['date_start'].date().isoformat()}`"


def _filled(value: object) -> bool:
    if isinstance(value, str):
        return value != ""
    if hasattr(value, "__len__"):  # a list
        return len(value) > 0
    return not pd.isna(value)  # type: ignore[call-overload]


@pytest.mark.parametrize("name", RESOURCES)
def test_the_example_row_is_the_first_with_the_most_fields_filled(name: str) -> None:
    frame = datapkg.load(name)
    expected = frame.iloc[int(frame.map(_filled).sum(axis=1).to_numpy().argmax())]  # argmax: the first
    key = datapkg.package()["resources"][RESOURCES.index(name)]["schema"]["primaryKey"]
    shown = ", ".join(str(expected[k]) for k in ([key] if isinstance(key, str) else key))
    assert f"Examples from the row `{shown}`." in _dictionary_section(name)


def test_the_example_row_is_chosen_from_a_bounded_window() -> None:
    import pyarrow as pa

    from datapkg.compiler.outputs.dictionary import EXAMPLE_WINDOW, example_row

    size = EXAMPLE_WINDOW + 5
    sparse = [None] * size
    sparse[EXAMPLE_WINDOW + 2] = "full"  # beyond the window: not looked at
    sparse[7] = sparse[9] = "tie"  # of equals, the first
    table = pa.table({"id": [f"r{i:06d}" for i in range(size)], "a": pa.array(sparse, pa.string()),
                      "b": pa.array([["x"] if i in (7, 9, EXAMPLE_WINDOW + 2) else [] for i in range(size)])})  # fmt: skip
    assert example_row(table) == 7
    assert example_row(table.slice(0, 0)) is None
    empty_texts = pa.table({"id": ["a", "b"], "t": ["", "x"]})
    assert example_row(empty_texts) == 1
