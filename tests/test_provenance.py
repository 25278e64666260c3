"""Every quote is the exact slice of its source text, and the sources are the
articles byte for byte."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest

import datapkg
from datapkg._names import FACT_TABLES

from .conftest import ROOT

# The two seed articles, whose bytes are fixed; every other source is checked against its metadata.
SEED_SHA256 = {
    "000_7e917bff9e613273": "63e026c1f12b9c6cf6c1ca580ae7f5d44927cd3c25b1bcedad1a5033eb987a2f",
    "001_f05a9056add4a36d": "e768bda9466f76b195117c8439f3d129d3ca018b9e60ead6201519d8cbd4464d",
}
SOURCES = ROOT / "build" / "sources"
SHARED = ROOT.parent / "shared" / "sources"
SOURCE_IDS = sorted(p.stem for p in SOURCES.glob("*.txt"))


def _metadata(source_id: str) -> dict[str, object]:
    import yaml

    data: dict[str, object] = yaml.safe_load((SOURCES / f"{source_id}.yaml").read_text(encoding="utf-8"))
    return data


def test_seed_articles_are_present_with_their_published_hashes() -> None:
    for source_id, digest in SEED_SHA256.items():
        assert hashlib.sha256((SOURCES / f"{source_id}.txt").read_bytes()).hexdigest() == digest


@pytest.mark.parametrize("source_id", SOURCE_IDS)
def test_source_texts_are_the_articles_byte_for_byte(source_id: str) -> None:
    data = (SOURCES / f"{source_id}.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == _metadata(source_id)["text_sha256"]
    text = data.decode("utf-8")
    # The form quote offsets refer to; a final newline is the article's own business.
    assert unicodedata.is_normalized("NFC", text) and "\r" not in text and not text.startswith("\ufeff")
    if source_id in SEED_SHA256:
        assert not text.endswith("\n")  # the seed articles have none (../shared/sources/README.md)
    original = SHARED / f"{source_id}.txt"
    if original.is_file():  # beside a checkout that has the originals
        assert data == original.read_bytes()


def test_sources_table_records_hashes_lengths_and_inference() -> None:
    sources = datapkg.load("sources").set_index("id")
    texts = {source_id: (SOURCES / f"{source_id}.txt").read_bytes() for source_id in SOURCE_IDS}
    assert sources["text_sha256"].to_dict() == {s: hashlib.sha256(b).hexdigest() for s, b in texts.items()}
    assert sources["text_length"].to_dict() == {s: len(b.decode("utf-8")) for s, b in texts.items()}
    assert sources["text_bytes"].to_dict() == {s: len(b) for s, b in texts.items()}
    assert (sources.loc[list(SEED_SHA256), "text_length"].to_list()) == [5715, 8393]
    assert (sources.loc[list(SEED_SHA256), "text_bytes"].to_list()) == [5847, 8495]
    seeds = sources.loc[list(SEED_SHA256)]
    assert set(seeds["publisher_basis"]) == {"inferred"}
    assert set(seeds["published_basis"]) == {"inferred"}
    s000, s001 = sources.loc["000_7e917bff9e613273"], sources.loc["001_f05a9056add4a36d"]
    assert (str(s000["published_earliest"].date()), str(s000["published_latest"].date())) == (
        "2024-06-25",
        "2024-06-30",
    )
    assert (str(s001["published_earliest"].date()), str(s001["published_latest"].date())) == (
        "2024-10-23",
        "2024-10-24",
    )
    assert (s000["title_basis"], s000["author"], s000["author_basis"]) == (
        "printed",
        "nak",
        "printed",
    )
    assert (s001["title_basis"], s001["genre"], s001["genre_basis"]) == (
        "assigned",
        "analysis",
        "printed",
    )
    assert s001["language"] == "de-CH"


@pytest.mark.parametrize("table", FACT_TABLES)
def test_every_quote_equals_its_source_slice(table: str, source_texts: dict[str, str]) -> None:
    frame = datapkg.load(table)
    assert len(frame) > 0
    for r in frame.itertuples():
        text = source_texts[r.source_id]
        assert text[r.quote_start : r.quote_end] == r.quote, r.id
        assert r.quote_end - r.quote_start == len(r.quote)


@pytest.mark.parametrize("table", ["troop_figures", "arms_transfers", "diplomatic_actions"])
def test_date_text_lies_inside_the_quote(table: str) -> None:
    frame = datapkg.load(table)  # type: ignore[arg-type]
    for r in frame.dropna(subset=["date_text"]).itertuples():
        assert r.date_text in r.quote, r.id


def test_sources_folder_holds_only_described_texts() -> None:
    folder = ROOT / "build" / "sources"
    texts = {p.stem for p in folder.glob("*.txt")}
    assert texts == {p.stem for p in folder.glob("*.yaml")} == set(datapkg.load("sources")["id"])
    assert set(SEED_SHA256) <= texts
    assert all(isinstance(p, Path) for p in folder.iterdir())
