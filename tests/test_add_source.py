"""``datapkg add-source``: a new source's files, its draft, and the build refusing the draft.

The articles here are sentences written for the tests (see tests/extra_source/README.md).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

import datapkg
from datapkg._names import FACT_TABLES
from datapkg.cli import main
from datapkg.compiler.curation.source_files import next_source_id
from datapkg.compiler.layout import Layout
from datapkg.compiler.pipeline import compile_package
from datapkg.compiler.problems import InputError

from .conftest import copy_project

GERMAN = (
    "Berlin/Seoul. Nordkorea hat laut dem südkoreanischen Geheimdienst bereits rund 11.000 Soldaten nach "
    "Russland verlegt. Ein Abgeordneter sagte, ein Teil der Truppen sei in Kursk im Einsatz.\n"
    "Zudem soll Pjöngjang Raketenwerfer und Haubitzen an Moskau geliefert haben. Am 9. November unterzeichnete "
    "Wladimir Putin das Gesetz zur Ratifizierung des Vertrags mit Nordkorea."
)
TITLE = "Nordkoreanische Truppen in Russland"
ENGLISH = (
    "Seoul says more North Korean troops have reached Russia\n"
    "About 12,000 North Korean soldiers have been sent to Russia, according to South Korea's National "
    "Intelligence Service. Up to 3,000 more could follow by December, the agency said. Russia has lost "
    "more than 600,000 troops since the start of the war, Western officials estimate.\n"
    "Pyongyang is also said to have shipped artillery shells and missiles to Moscow. On November 9, "
    "Vladimir Putin signed the law ratifying the treaty with North Korea."
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """An article written for these tests, apart from the one tests/test_third_source.py adds."""
    path = tmp_path / "article.txt"
    path.write_text(GERMAN, encoding="utf-8")
    return path


def _add(
    layout: Layout, file: Path, *extra: str, lang: str = "de", published: str = "2024-11-13/2024-11-15"
) -> int:
    args = ["add-source", str(file), "--lang", lang, "--published", published, "--root", str(layout.root)]
    return main([*args, *extra])


def _new_files(layout: Layout, before: set[Path]) -> set[Path]:
    now = set(layout.sources_dir.glob("*")) | set(layout.records_dir.glob("*"))
    return now - before


def _draft(layout: Layout, source_id: str) -> dict:
    return yaml.safe_load((layout.records_dir / f"{source_id}.yaml").read_text(encoding="utf-8"))


def test_add_source_writes_the_text_byte_for_byte_metadata_and_a_draft(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layout = copy_project(tmp_path / "project")
    data = article.read_bytes()
    expected_id = next_source_id(layout.sources_dir, data)
    assert re.fullmatch(r"\d{3}_[0-9a-f]{16}", expected_id)
    assert expected_id.endswith(hashlib.sha256(data).hexdigest()[:16])
    assert _add(layout, article, "--title", TITLE) == 0
    out = capsys.readouterr().out
    assert f"source {expected_id}:" in out and "draft records: 1 troop_figures" in out

    assert (layout.sources_dir / f"{expected_id}.txt").read_bytes() == data
    meta = yaml.safe_load((layout.sources_dir / f"{expected_id}.yaml").read_text(encoding="utf-8"))
    text = data.decode("utf-8")
    assert meta["id"] == expected_id
    assert meta["text_sha256"] == hashlib.sha256(data).hexdigest()
    assert (meta["text_length"], meta["text_bytes"]) == (len(text), len(data))
    assert (meta["title"], meta["title_basis"]) == (TITLE, "assigned")
    assert (meta["published_basis"], meta["genre_basis"]) == ("inferred", "inferred")
    assert str(meta["published_earliest"]) == "2024-11-13" and str(meta["published_latest"]) == "2024-11-15"

    draft = _draft(layout, expected_id)
    assert draft["source_id"] == expected_id
    [troops] = draft["troop_figures"]
    assert troops["status"] == "draft"
    assert (troops["value"], troops["qualifier"], troops["unit"]) == (11000, "approx", "persons")
    assert (troops["force"], troops["measure"], troops["location"]) == (
        "prk-armed-forces",
        "deployed",
        "Russia",
    )
    assert (troops["claim_status"], troops["attributed_to"]) == ("reported", "kor-nis")
    assert troops["quote"] in text
    [transfer] = draft["arms_transfers"]
    assert (transfer["supplier"], transfer["recipient"]) == ("prk", "rus")
    assert (transfer["item"], transfer["claim_status"]) == ("rocket launchers and howitzers", "alleged")
    [action] = draft["diplomatic_actions"]
    assert (action["actor"], action["target"], str(action["date"])) == ("vladimir-putin", "prk", "2024-11-09")
    assert (action["date_basis"], action["date_text"]) == ("stated", "9. November")


def test_the_build_refuses_each_draft_record_with_one_message(tmp_path: Path, article: Path) -> None:
    layout = copy_project(tmp_path / "project")
    records = layout.records_dir / f"{next_source_id(layout.sources_dir, article.read_bytes())}.yaml"
    assert _add(layout, article, "--title", TITLE) == 0
    drafts = records.read_text(encoding="utf-8").count("    status: draft\n")
    with pytest.raises(InputError) as raised:
        compile_package(layout)
    problems = raised.value.problems
    draft = _draft(layout, records.stem)
    assert len(problems) == drafts == sum(len(draft.get(t, [])) for t in (*FACT_TABLES, "events"))
    assert all(p.field == "status" and "confirm it" in p.message and "delete" in p.message for p in problems)
    assert {p.record_id for p in problems} == {
        r["id"] for t in (*FACT_TABLES, "events") for r in draft.get(t, [])
    }
    assert [len(draft[t]) for t in ("troop_figures", "arms_transfers", "diplomatic_actions")] == [1, 1, 1]


def test_a_confirmed_draft_builds(tmp_path: Path, article: Path) -> None:
    """Deleting the status lines, filling the English texts and giving a reason for each
    offered ignore entry is all the layout needs."""
    layout = copy_project(tmp_path / "project")
    records = layout.records_dir / f"{next_source_id(layout.sources_dir, article.read_bytes())}.yaml"
    assert _add(layout, article, "--title", TITLE) == 0
    text = records.read_text(encoding="utf-8").replace("    status: draft\n", "")
    text = re.sub(r"(quote_en|description_en|label): null.*", r'\1: "Checked by the curator."', text)
    assert '#   - text: "ein Teil"' in text  # "ein Teil der Truppen": a share, no figure
    text = text.replace("# ignored_mentions:", "ignored_mentions:")
    text = re.sub(
        r"(?m)^#   - text: (.*)\n#     start: (\d+)\n#     reason: .*$",
        r'  - text: \1\n    start: \2\n    reason: "A share of the troops in Kursk; no figure."',
        text,
    )
    records.write_text(text, encoding="utf-8")
    compiled = compile_package(layout)
    troops = compiled.tables["troop_figures"].to_pylist()
    [new] = [r for r in troops if r["source_id"] == records.stem]
    assert (new["value"], new["qualifier"], new["quote_start"]) == (
        11000,
        "approx",
        text_index(layout, records.stem, new["quote"]),
    )
    # the figure of North Korean troops in Russia joins the deployment the seed sources report
    assert new["event_id"] == "prk-troop-deployment-to-russia-2024-10"
    events = {e["id"]: e for e in compiled.tables["events"].to_pylist()}
    before = datapkg.load("events").set_index("id").loc[new["event_id"], "source_count"]
    assert events[new["event_id"]]["source_count"] == before + 1


def text_index(layout: Layout, source_id: str, quote: str) -> int:
    return (layout.sources_dir / f"{source_id}.txt").read_text(encoding="utf-8").index(quote)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bom", "\ufeffEin Satz mit 3.000 Soldaten.".encode(), "byte order mark"),
        ("crlf", b"Erste Zeile.\r\nZweite Zeile mit 3.000 Soldaten.", "CR"),
        ("nfd", unicodedata.normalize("NFD", "Südkorea meldet 3.000 Soldaten.").encode(), "NFC"),
        ("latin1", "Südkorea meldet 3.000 Soldaten.".encode("latin-1"), "not UTF-8"),
        ("empty", b"  \n", "empty"),
        ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not UTF-8"),
        ("bell-and-crlf", b"Ein Satz mit \x07 Glocke.\r\nZweite Zeile.", "U+0007"),
    ],
)
def test_a_text_in_the_wrong_form_is_refused_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    layout = copy_project(tmp_path / "project")
    before = set(layout.sources_dir.glob("*")) | set(layout.records_dir.glob("*"))
    file = tmp_path / f"{name}.txt"
    file.write_bytes(data)
    assert _add(layout, file, "--title", "Test") == 1
    err = capsys.readouterr().err
    assert message in err and str(file) in err
    # Offered only where it would make the text acceptable.
    assert ("--normalize" in err) == (name in ("bom", "crlf", "nfd"))
    assert _new_files(layout, before) == set()


def test_normalize_stores_utf8_lf_nfc(tmp_path: Path) -> None:
    layout = copy_project(tmp_path / "project")
    file = tmp_path / "messy.txt"
    file.write_bytes(
        ("\ufeff" + unicodedata.normalize("NFD", "Südkorea meldet 3.000 Soldaten.\r\nEnde.")).encode()
    )
    assert _add(layout, file, "--title", "Test", "--normalize") == 0
    [stored] = [p for p in layout.sources_dir.glob("*.txt") if "Ende." in p.read_text(encoding="utf-8")]
    assert stored.read_bytes() == "Südkorea meldet 3.000 Soldaten.\nEnde.".encode()
    assert stored.stem.endswith(hashlib.sha256(stored.read_bytes()).hexdigest()[:16])


def test_the_same_text_twice_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    layout = copy_project(tmp_path)
    existing = sorted(layout.sources_dir.glob("*.txt"))[0]
    assert _add(layout, existing, "--title", "Again") == 1
    assert f"already source {existing.stem}" in capsys.readouterr().err


def test_metadata_bases_follow_where_each_item_comes_from(tmp_path: Path) -> None:
    layout = copy_project(tmp_path / "project")
    file = tmp_path / "article.txt"
    file.write_text(
        "Neue Zahlen aus Seoul\nvon Erika Muster\nRund 11.000 nordkoreanische Soldaten sind in Russland.",
        encoding="utf-8",
    )
    url = "https://news.example.org/politik/2024/11/14/neue-zahlen"
    extra = [
        "--author",
        "Erika Muster",
        "--publisher",
        "News Example",
        "--url",
        url,
        "--basis",
        "genre=assigned",
    ]
    assert _add(layout, file, *extra, published="2024-11-14") == 0
    [meta_path] = [p for p in layout.sources_dir.glob("*.yaml") if "Erika" in p.read_text(encoding="utf-8")]
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    assert (meta["title"], meta["title_basis"]) == ("Neue Zahlen aus Seoul", "printed")
    assert meta["author_basis"] == "printed"
    assert meta["publisher_basis"] == "url"
    assert meta["published_basis"] == "url"
    assert meta["genre_basis"] == "assigned"
    assert "The publication window is taken from the article's web address" in meta["note"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--published", "14.11.2024"], "expected YYYY-MM-DD, YYYY-MM or YYYY"),
        (["--published", "2024-11-15/2024-11-13"], "ends before it starts"),
        (["--published", "2024-11-14", "--basis", "title=guessed"], "--basis 'title=guessed'"),
    ],
)
def test_wrong_options_are_named(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    layout = copy_project(tmp_path / "project")
    before = set(layout.sources_dir.glob("*"))
    code = main(
        ["add-source", str(article), "--lang", "de", "--title", TITLE, "--root", str(layout.root), *args]
    )
    assert code == 1
    assert message in capsys.readouterr().err
    assert set(layout.sources_dir.glob("*")) == before


def test_an_english_draft_holds_its_troop_figures(tmp_path: Path) -> None:
    layout = copy_project(tmp_path / "project")
    file = tmp_path / "english.txt"
    file.write_text(ENGLISH, encoding="utf-8")
    source_id = next_source_id(layout.sources_dir, file.read_bytes())
    assert _add(layout, file, lang="en", published="2024-11-12") == 0
    draft = _draft(layout, source_id)
    figures = [
        (r["value"], r["qualifier"], r["force"], r["measure"], r["claim_status"], r["attributed_to"])
        for r in draft["troop_figures"]
    ]
    assert figures == [
        (12000, "approx", "prk-armed-forces", "deployed", "reported", "kor-nis"),
        (
            3000,
            "up_to",
            "prk-armed-forces",
            "planned_deployment",
            "projected",
            "kor-nis",
        ),  # "the agency said"
        (600000, "more_than", "rus-armed-forces", "casualties", "estimated", None),
    ]
    [transfer] = draft["arms_transfers"]
    assert (transfer["supplier"], transfer["recipient"], transfer["item"]) == (
        "prk",
        "rus",
        "artillery shells and missiles",
    )
    assert transfer["claim_status"] == "alleged"
    [action] = draft["diplomatic_actions"]
    assert (action["actor"], action["action_type"], str(action["date"])) == (
        "vladimir-putin",
        "ratify-agreement",  # "signed the law ratifying the treaty"
        "2024-11-09",
    )


KURSK = (
    "Kursk: Tausende Nordkoreaner an der Front\n"
    "Nach Einschätzung des ukrainischen Militärgeheimdienstes kämpfen inzwischen rund 11.000 nordkoreanische "
    "Soldaten im russischen Gebiet Kursk. Laut Pentagon-Sprecher Pat Ryder sollen bereits mehrere Hundert von "
    "ihnen getötet oder verwundet worden sein.\n"
    "Südkorea zufolge könnten bis Jahresende weitere 5.000 Soldaten folgen. Schätzungen zufolge hat Russland im "
    "November über 45.000 Soldaten verloren.\n"
    "Zudem soll Nordkorea mehr als 100 ballistische Raketen an Russland geliefert haben, berichtete die "
    "Washington Post."
)


def _drop_actors(layout: Layout, drop: Callable[[dict[str, object]], bool]) -> None:
    path = layout.records_dir / "actors.yaml"
    vocabulary = yaml.safe_load(path.read_text(encoding="utf-8"))
    vocabulary["actors"] = [a for a in vocabulary["actors"] if not drop(a)]
    path.write_text(yaml.safe_dump(vocabulary, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_german_draft_reads_owners_speakers_and_losses(tmp_path: Path) -> None:
    """Whose troops a figure counts comes from the figure's own words, else from the figures
    before it ("weitere 5.000"); names inside an attribution ("Pentagon-Sprecher Pat Ryder")
    are the speaker's, not the owner's."""
    layout = copy_project(tmp_path / "project")
    # A speaker the vocabulary lacks is proposed as a new actor: whatever actors the data holds,
    # this copy has none for the Ukrainian military intelligence.
    _drop_actors(layout, lambda actor: "militärgeheimdienst" in str(actor.get("name_de", "")).lower())
    file = tmp_path / "kursk.txt"
    file.write_text(KURSK, encoding="utf-8")
    source_id = next_source_id(layout.sources_dir, file.read_bytes())
    assert _add(layout, file, published="2024-12-05") == 0
    draft = _draft(layout, source_id)
    figures = [
        (r["value"], r["qualifier"], r["force"], r["measure"], r["claim_status"], r["attributed_to"])
        for r in draft["troop_figures"]
    ]
    assert figures == [
        (11000, "approx", "prk-armed-forces", "deployed", "assessed", "ukr-intelligence-service"),
        (None, "vague", "prk-armed-forces", "casualties", "alleged", "pat-ryder"),
        (5000, "exact", "prk-armed-forces", "planned_deployment", "projected", "kor"),
        (45000, "more_than", "rus-armed-forces", "casualties", "estimated", None),
    ]
    assert str(draft["troop_figures"][3]["date"]) == "2024-11"
    text = (layout.records_dir / f"{source_id}.yaml").read_text(encoding="utf-8")
    proposed = yaml.safe_load("\n".join(line[2:] for line in text.split("# actors:\n", 1)[1].splitlines()))
    assert proposed == [
        {
            "id": "ukr-intelligence-service",
            "name_en": "Intelligence service (Ukraine)",
            "name_de": "ukrainischen Militärgeheimdienstes",
            "kind": "intelligence_agency",
            "country": "UKR",
            "role": None,
            "cameo_code": "UKRSPY",
        }
    ]
    [transfer] = draft["arms_transfers"]
    assert (transfer["item"], transfer["value"], transfer["qualifier"]) == (
        "ballistic missiles",
        100,
        "more_than",
    )
    assert (transfer["claim_status"], transfer["attributed_to"]) == ("alleged", "washington-post")


def test_owners_from_adjectives_before_formations_and_ranges(tmp_path: Path) -> None:
    layout = copy_project(tmp_path / "project")
    file = tmp_path / "more.txt"
    file.write_text(
        "Laut Pentagon befinden sich inzwischen 11.000 bis 12.000 Soldaten aus Nordkorea in der Region Kursk.\n"
        "Nach Angaben von Selenskyj kämpfen dort auch russische Einheiten mit rund 50.000 Mann.",
        encoding="utf-8",
    )
    source_id = next_source_id(layout.sources_dir, file.read_bytes())
    assert _add(layout, file, "--title", "Test", published="2024-12-05") == 0
    first, second = _draft(layout, source_id)["troop_figures"]
    assert (first["value_low"], first["value_high"], first["force"]) == (11000, 12000, "prk-armed-forces")
    assert (second["value"], second["qualifier"], second["force"]) == (50000, "approx", "rus-armed-forces")
    assert second["attributed_to"] == "volodymyr-zelensky"
