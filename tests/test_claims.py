"""``datapkg.claims()``: every fact row as one claim, with the names a reader needs, in every
backend; and what makes counting them honest (events, units, totals and parts, denials)."""

from __future__ import annotations

import pandas as pd
import pytest

import datapkg
from datapkg._claims import COLUMNS, OUTLET
from datapkg._names import FACT_TABLES

DEPLOYMENT = "prk-troop-deployment-to-russia-2024-10"


def test_one_row_per_fact_row_with_the_names_beside_the_ids() -> None:
    claims = datapkg.claims()
    assert list(claims.columns) == list(COLUMNS)
    assert len(claims) == sum(len(datapkg.load(t)) for t in FACT_TABLES)
    assert claims["id"].is_unique
    row = claims.set_index("id").loc["nis-prk-troops-in-russia-3000"]
    assert (row["event"], row["event_kind"], row["table"]) == (
        "North Korean troops sent to Russia",
        "deployment",
        "troop_figures",
    )
    assert (row["subject"], row["subject_name"], row["what"], row["location"]) == (
        "prk-armed-forces", "Korean People's Army (North Korean armed forces)", "deployed", "Russia",
    )  # fmt: skip
    assert (row["value"], row["unit"], row["count_type"], row["claim_status"]) == (
        3000,
        "persons",
        "total",
        "alleged",
    )
    assert row["said_by"] == "National Intelligence Service (South Korea)"
    assert row["published"] == pd.Timestamp("2024-10-23")
    outlet = claims.set_index("id").loc["prk-rus-military-industry-involved"]
    assert (outlet["said_by"], outlet["counterpart_name"], outlet["polarity"]) == (
        OUTLET,
        "Russia",
        "positive",
    )
    ranking = claims.set_index("id").loc["gfp-2024-prk-military-strength"]
    assert (ranking["value"], ranking["unit"], ranking["what"]) == (36, "place", "military_strength")


def test_the_readme_question_in_one_expression() -> None:
    """How many North Korean troops were reported in Russia, by whom, over time."""
    c = datapkg.claims()
    answer = c[(c["event_id"] == DEPLOYMENT) & c["value"].notna() & (c["count_type"] == "total")]
    rows = answer[["date_end", "value", "unit", "claim_status", "said_by", "source_id"]].values.tolist()
    seed = [r[:5] for r in rows if r[5] == "001_f05a9056add4a36d"]
    assert seed == [
        [
            pd.Timestamp("2024-10-23"),
            3000,
            "persons",
            "alleged",
            "National Intelligence Service (South Korea)",
        ],
        [
            pd.Timestamp("2024-12-31"),
            10000,
            "persons",
            "projected",
            "National Intelligence Service (South Korea)",
        ],
    ]


def test_counting_event_ids_counts_things() -> None:
    claims = datapkg.claims()
    events = datapkg.load("events").set_index("id")
    per_event = claims.groupby("event_id").size()
    assert per_event.to_dict() == events["claim_count"].astype(int).to_dict()
    assert claims.loc[claims["polarity"] == "negative", "event_id"].value_counts().to_dict() == {
        e: int(n) for e, n in events["denial_count"].items() if n
    }


@pytest.mark.parametrize("backend", ["pyarrow", "polars"])
def test_every_backend_gives_the_same_claims(backend: str) -> None:
    if backend == "polars":
        pytest.importorskip("polars")
    other = datapkg.claims(backend=backend)  # type: ignore[arg-type]
    frame = datapkg.claims()
    assert list(other.columns if backend == "polars" else other.column_names) == list(COLUMNS)
    rows = other.to_pylist() if backend == "pyarrow" else other.to_dicts()
    assert [r["id"] for r in rows] == list(frame["id"])
    if backend == "polars":
        assert str(other.schema["claim_status"]).startswith("Enum")
