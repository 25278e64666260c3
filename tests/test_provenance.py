"""The sources are the articles byte for byte, and the check that holds every quote to
the exact slice of its source text names each one that is not."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

import datapkg
from datapkg.checks.text_rules import mention_findings, quote_findings

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


# A sentence written for these tests; "am Montag" is at offsets 22 to 31.
SENTENCE = "Die Delegation reiste am Montag nach Pjöngjang und blieb zwei Tage."


def _quoted(rows: Sequence[tuple[str | None, int | None, int | None, str | None]]) -> pa.Table:
    columns = ["source_id", "quote_start", "quote_end", "quote"]
    table = pa.Table.from_pylist([dict(zip(columns, r, strict=True)) for r in rows])
    ids = pa.array([f"record-{i}" for i in range(len(rows))], pa.string())
    return table.add_column(0, "id", ids)


def test_a_quote_off_its_offsets_is_named_with_them() -> None:
    texts = {"s": SENTENCE}
    table = _quoted([("s", 22, 31, "am Montag"), ("s", 23, 32, "am Montag"), ("s", 22, 30, "am Montag")])
    assert [(f.row, f.record_id, f.field, f.message) for f in quote_findings("t", table, texts)] == [
        (1, "record-1", "quote", "quote differs from the source text at 23:32"),
        (2, "record-2", "quote", "quote differs from the source text at 22:30"),
    ]


@given(
    text=st.text(alphabet="ab ä\n", max_size=12),
    rows=st.lists(
        st.tuples(st.sampled_from(["s", "unknown", None]), st.integers(0, 14), st.integers(0, 14),
                  st.text(alphabet="ab ä\n", max_size=4) | st.none()),
        min_size=1, max_size=6,
    ),
)  # fmt: skip
def test_quote_and_mention_checks_name_exactly_the_rows_whose_slice_differs(
    text: str, rows: list[tuple[str | None, int, int, str | None]]
) -> None:
    """Rows of another source (the foreign key check names them) or with a missing part are
    left to the checks of those; every other row is named when the text at its offsets is not
    its quote, including offsets past the end."""
    expected = [
        i for i, (source, start, end, quote) in enumerate(rows)
        if source == "s" and quote is not None and text[start:end] != quote
    ]  # fmt: skip
    found = quote_findings("t", _quoted(rows), {"s": text})
    assert [f.row for f in found] == expected
    assert [f.message for f in found] == [
        f"quote differs from the source text at {rows[i][1]}:{rows[i][2]}" for i in expected
    ]
    mentions = _quoted(rows).rename_columns(["id", "source_id", "start", "end", "text"])
    assert [f.row for f in mention_findings(mentions, {"s": text})] == expected


def test_sources_folder_holds_only_described_texts() -> None:
    folder = ROOT / "build" / "sources"
    texts = {p.stem for p in folder.glob("*.txt")}
    assert texts == {p.stem for p in folder.glob("*.yaml")} == set(datapkg.load("sources")["id"])
    assert set(SEED_SHA256) <= texts
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{t}{ext}" for t in texts for ext in (".txt", ".yaml")
    )
