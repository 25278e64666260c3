"""The mentions table: every number and date in both sources, each accounted for."""

from __future__ import annotations

import pandas as pd
import pytest

import datapkg
from datapkg.compiler.layout import Layout
from datapkg.compiler.pipeline import compile_package
from datapkg.compiler.problems import InputError
from datapkg.extract import extract

S000, S001 = "000_7e917bff9e613273", "001_f05a9056add4a36d"


def test_mentions_are_what_the_extractor_finds_in_every_source(source_texts: dict[str, str]) -> None:
    mentions = datapkg.load("mentions")
    sources = datapkg.load("sources").set_index("id")
    expected = []
    for source_id, text in sorted(source_texts.items()):
        source = sources.loc[source_id]
        window = (source["published_earliest"].date(), source["published_latest"].date())
        for m in extract(text, lang=str(source["language"])[:2], ref=window):
            expected.append((source_id, m.start, m.end, m.text, m.kind))
    found = list(zip(mentions["source_id"].astype(str), mentions["start"], mentions["end"],
                     mentions["text"], mentions["kind"].astype(str), strict=True))  # fmt: skip
    assert found == expected


def test_every_mention_is_covered_or_ignored_with_a_reason() -> None:
    mentions = datapkg.load("mentions")
    seeds = mentions[mentions["source_id"].isin([S000, S001])]
    assert len(seeds) == 62
    assert seeds["status"].value_counts().to_dict() == {"covered": 35, "ignored": 27}
    assert set(mentions["status"]) <= {"covered", "ignored"}
    covered = mentions[mentions["status"] == "covered"]
    assert covered["covered_by"].notna().all() and covered["ignore_reason"].isna().all()
    ignored = mentions[mentions["status"] == "ignored"]
    assert ignored["ignore_reason"].notna().all()
    assert set(ignored[ignored["source_id"].isin([S000, S001])]["text"]) == {
        "5",
        "10.000",
        "seit mehreren Tagen",
        "1950er-Jahren",
        "2017 bis 2018",
        "Seit 2022",
        "seit geraumer Zeit",
        "in letzter Zeit",
        "seit Längerem",
        "kurz vor einer Präsidentschaftswahl",
        "in der Vergangenheit",
        "beide",
        "eine der beiden",
        "mehrerer",
        "jüngsten",
        "vorerst",
        "aktuell",
        "eines von ihnen",
        "Immer weniger",
        "jetzt",
        "mehrere",
        "in Zukunft",
        "derzeit",
    }


def test_covering_records_quote_the_mention() -> None:
    quotes = {}
    for table in ("troop_figures", "military_rankings", "arms_transfers", "diplomatic_actions"):
        for r in datapkg.load(table).itertuples():  # type: ignore[arg-type]
            quotes[r.id] = (r.source_id, r.quote_start, r.quote_end)
    covered = datapkg.load("mentions").dropna(subset=["covered_by"])
    pairs = [(r, record_id) for r in covered.itertuples() for record_id in r.covered_by]
    assert len(covered) > 0 and len(pairs) >= len(covered)
    for r, record_id in pairs:
        source_id, start, end = quotes[record_id]
        assert source_id == r.source_id and start <= r.start and r.end <= end, (r.id, record_id)


@pytest.mark.parametrize(
    ("text", "kind", "value", "covered_by"),
    [
        (
            "circa 1,32 Millionen",
            "quantity",
            "1320000",
            "gfp-2024-prk-active-personnel gfp-2024-usa-active-personnel",
        ),
        (
            "Platz 36",
            "rank",
            "36",
            "gfp-2024-deu-military-strength-derived gfp-2024-prk-military-strength",
        ),
        ("1,6 Millionen", "quantity", "1600000", "prk-rus-shells-1-6-million"),
        ("zwei Tage", "duration", "2", "kor-summons-russian-ambassador-2024-06-21"),
        ("nach dem Besuch Putins", "anchor", None, "kor-summons-russian-ambassador-2024-06-21"),
        (
            "kurz nach Putins Besuch",
            "anchor",
            None,
            "kim-hosts-putin-2024-06 prk-official-warns-of-world-war-2024-06 putin-visits-pyongyang-2024-06",
        ),
        ("seit Kriegsbeginn", "anchor", None, "prk-rus-weapons-since-war-start"),
        ("zahlreichen", "quantity", None, "prk-rus-deliveries-reported"),
        ("einem Teil", "quantity", None, "prk-former-workers-among-troops"),
        ("bislang", "date", "PRESENT_REF", "kor-ukr-no-weapons-delivered"),
        ("ein paar", "quantity", None, "prk-ballistic-missile-experts"),
        ("eine große Anzahl", "quantity", None, "prk-large-deployment-ruled-out"),
        (
            "eine Pionier-Einheit",
            "quantity",
            "1",
            "prk-announces-pioneer-unit-2024-06 prk-pioneer-unit-donetsk-planned",
        ),
        ("An diesem Donnerstag", "date", "2024-10-24", "duma-ratifies-treaty-2024-10-24"),
        ("bis Dezember", "date", "2024-12", "nis-prk-troops-projected-10000"),
        (
            "mehreren Hunderttausend",
            "quantity",
            None,
            "rus-troops-in-ukraine-several-hundred-thousand",
        ),
        ("über 600.000", "quantity", "600000", "rus-casualties-over-600000"),
    ],
)
def test_key_mentions(text: str, kind: str, value: str | None, covered_by: str) -> None:
    mentions = datapkg.load("mentions")
    row = mentions[(mentions["text"] == text) & mentions["source_id"].isin([S000, S001])].iloc[0]
    assert (
        row["kind"],
        None if row["value"] is datapkg.load("mentions")["value"].dtype.na_value else row["value"],
    ) == (kind, value)
    assert list(row["covered_by"]) == covered_by.split(" ")


def _records(layout: Layout, source: str) -> str:
    return (layout.records_dir / f"{source}.yaml").read_text(encoding="utf-8")


def test_an_unexplained_mention_fails_the_build(project_copy: Layout) -> None:
    path = project_copy.records_dir / f"{S001}.yaml"
    text = _records(project_copy, S001)
    start = text.index("  - text: 1950er-Jahren")
    end = text.index("  - text:", start + 1)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(InputError) as caught:
        compile_package(project_copy)
    assert [str(p) for p in caught.value.problems] == [
        f"build/sources/{S001}.txt:56: date '1950er-Jahren' at offset 6338 is in no record's quote; "
        f"quote it in a record or list it under ignored_mentions in build/records/{S001}.yaml with a reason"
    ]


def test_a_stale_ignore_entry_fails_the_build(project_copy: Layout) -> None:
    path = project_copy.records_dir / f"{S000}.yaml"
    path.write_text(
        _records(project_copy, S000) + "  - text: 1.000.000\n    reason: no such number\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        compile_package(project_copy)
    (problem,) = caught.value.problems
    assert problem.where.startswith(f"build/records/{S000}.yaml:")
    assert "no uncovered mention '1.000.000'" in problem.message


def test_an_ignore_entry_for_a_covered_mention_fails_the_build(project_copy: Layout) -> None:
    path = project_copy.records_dir / f"{S000}.yaml"
    entry = "  - text: Platz 36\n    start: 1854\n    reason: wrongly ignored\n"
    path.write_text(_records(project_copy, S000) + entry, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        compile_package(project_copy)
    messages = [p.message for p in caught.value.problems]
    assert any("is covered by gfp-2024-deu-military-strength-derived" in m for m in messages)


# Vague amounts, counts and references to the time of writing that an independent reading of
# the seed articles listed (issue 25): (source, expression, kind, value, qualifier). Each
# occurrence must be a mention, covered by a record or ignored with a reason.
SEED_EXPRESSIONS = [
    (S000, "zahlreichen", "quantity", None, "vague"),
    (S000, "eine der beiden Seiten", "quantity", "1", None),
    (S000, "mehrerer Staaten", "quantity", None, "vague"),
    (S000, "beide Länder", "quantity", "2", None),
    (S001, "beide Länder", "quantity", "2", None),
    (S001, "eines von ihnen", "quantity", "1", None),
    (S001, "einem Teil", "quantity", None, "vague"),
    (S001, "Immer weniger", "quantity", None, "vague"),
    (S001, "mehrere Motive", "quantity", None, "vague"),
    (S000, "jüngsten", "date", "PAST_REF", None),
    (S000, "bislang", "date", "PRESENT_REF", "by"),
    (S000, "aktuell", "date", "PRESENT_REF", None),
    (S001, "derzeit", "date", "PRESENT_REF", None),
    (S001, "in Zukunft", "date", "FUTURE_REF", None),
]


@pytest.mark.parametrize(("source_id", "expression", "kind", "value", "qualifier"), SEED_EXPRESSIONS)
def test_vague_amounts_counts_and_references_of_the_seeds_are_mentions(
    source_texts: dict[str, str],
    source_id: str,
    expression: str,
    kind: str,
    value: str | None,
    qualifier: str | None,
) -> None:
    mentions = datapkg.load("mentions")
    mentions = mentions[mentions["source_id"] == source_id]
    text = source_texts[source_id]
    starts = [i for i in range(len(text)) if text.startswith(expression, i)]
    assert starts, expression
    for start in starts:
        end = start + len(expression)
        row = mentions[(mentions["start"] < end) & (mentions["end"] > start)]
        assert len(row) == 1, (expression, start)
        found = row.iloc[0]
        assert (found["kind"], _opt(found["value"]), _opt(found["qualifier"])) == (kind, value, qualifier)
        assert found["status"] in ("covered", "ignored")
        assert (found["status"] == "covered") == bool(_opt(found["covered_by"]) is not None)


def _opt(value: object) -> object:
    return None if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)) else value
