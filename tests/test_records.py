"""Exact values of the curated records, checked against a reading of the sources
and the fact-check. If a value changes, it must change here on purpose."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import pytest

import datapkg
from datapkg._names import FACT_TABLES

S000 = "000_7e917bff9e613273"
S001 = "001_f05a9056add4a36d"
SEEDS = [S000, S001]


def row(table: str, record_id: str) -> dict[str, Any]:
    frame = datapkg.load(table)  # type: ignore[arg-type]
    match = frame[frame["id"] == record_id]
    assert len(match) == 1, f"{table} has no single record {record_id!r}"
    return {
        k: (None if v is pd.NA or v is pd.NaT or (isinstance(v, float) and pd.isna(v)) else v)
        for k, v in match.iloc[0].to_dict().items()
    }


def day(text: str) -> pd.Timestamp:
    return pd.Timestamp(dt.date.fromisoformat(text))


def test_north_korea_ranks_36th_in_global_firepower_2024() -> None:
    r = row("military_rankings", "gfp-2024-prk-military-strength")
    assert (r["country"], r["edition"], r["metric"], r["rank"]) == (
        "prk",
        2024,
        "military_strength",
        36,
    )
    assert (r["qualifier"], r["rank_basis"], r["source_id"]) == ("exact", "stated", S000)
    assert r["attributed_to"] == "global-firepower"
    assert r["quote"].endswith("lediglich auf Platz 36")


def test_germany_rank_is_derived_from_17_places() -> None:
    r = row("military_rankings", "gfp-2024-deu-military-strength-derived")
    assert (r["country"], r["rank"], r["qualifier"], r["rank_basis"]) == (
        "deu",
        19,
        "approx",
        "derived",
    )
    assert r["derived_from"] == "gfp-2024-prk-military-strength"
    assert r["derivation"].startswith("36 − 17 = 19")
    assert "etwa 17 Plätze hinter der Bundeswehr" in r["quote"]


def test_personnel_position_behind_usa_has_no_rank() -> None:
    r = row("military_rankings", "gfp-2024-prk-active-personnel-position")
    assert r["rank"] is None
    assert (r["qualifier"], r["relative_to"], r["metric"]) == ("vague", "usa", "active_personnel")


def test_treaty_signed_on_19_june_2024_in_both_directions() -> None:
    for record_id, actor, target in [
        ("putin-signs-treaty-2024-06-19", "vladimir-putin", "kim-jong-un"),
        ("kim-signs-treaty-2024-06-19", "kim-jong-un", "vladimir-putin"),
    ]:
        r = row("diplomatic_actions", record_id)
        assert (r["actor"], r["target"], r["action_type"]) == (actor, target, "sign-agreement")
        assert r["date_start"] == r["date_end"] == day("2024-06-19")
        assert (r["date_precision"], r["date_basis"], r["date_text"]) == (
            "day",
            "stated",
            "19. Juni",
        )
        assert r["event_id"] == "rus-prk-treaty-signing-2024-06-19"


def test_source_001_gives_the_signing_month_only() -> None:
    r = row("diplomatic_actions", "putin-signs-partnership-2024-06")
    assert (r["date_start"], r["date_end"]) == (day("2024-06-01"), day("2024-06-30"))
    assert (r["date_precision"], r["date_basis"]) == ("month", "stated")
    assert r["event_id"] == "rus-prk-treaty-signing-2024-06-19"


def test_north_korea_active_personnel_about_1_32_million() -> None:
    r = row("troop_figures", "gfp-2024-prk-active-personnel")
    assert (r["force"], r["measure"], r["value"], r["qualifier"]) == (
        "prk-armed-forces",
        "active_personnel",
        1_320_000,
        "approx",
    )
    assert r["value_low"] is None and r["value_high"] is None
    assert "circa 1,32 Millionen" in r["quote"]


def test_usa_active_personnel_1328000() -> None:
    r = row("troop_figures", "gfp-2024-usa-active-personnel")
    assert (r["value"], r["value_low"], r["value_high"], r["qualifier"]) == (1_328_000,) * 3 + ("exact",)


def test_nis_figures_3000_in_russia_and_10000_projected() -> None:
    now = row("troop_figures", "nis-prk-troops-in-russia-3000")
    assert (now["value"], now["measure"], now["claim_status"], now["attributed_to"]) == (
        3000,
        "deployed",
        "alleged",
        "kor-nis",
    )
    assert now["date_start"] == day("2024-10-23")
    projected = row("troop_figures", "nis-prk-troops-projected-10000")
    assert (projected["value"], projected["measure"], projected["claim_status"]) == (
        10000,
        "planned_deployment",
        "projected",
    )
    assert (projected["date_start"], projected["date_end"]) == (
        day("2024-12-01"),
        day("2024-12-31"),
    )
    assert projected["date_text"] == "bis Dezember"


def test_several_hundred_thousand_is_vague_without_a_number() -> None:
    r = row("troop_figures", "rus-troops-in-ukraine-several-hundred-thousand")
    assert r["value"] is None and r["value_low"] is None and r["value_high"] is None
    assert (r["qualifier"], r["claim_status"]) == ("vague", "estimated")
    assert "mehreren Hunderttausend" in r["quote"]


def test_over_600000_lost_are_casualties_with_a_lower_bound() -> None:
    r = row("troop_figures", "rus-casualties-over-600000")
    assert (r["measure"], r["value"], r["value_low"], r["value_high"], r["qualifier"]) == (
        "casualties",
        600_000,
        600_000,
        None,
        "more_than",
    )
    assert "killed and wounded" in r["note"]
    assert (r["date_start"], r["date_basis"]) == (day("2022-02-24"), "resolved")


def test_shells_1_6_million_over_six_months() -> None:
    r = row("arms_transfers", "prk-rus-shells-1-6-million")
    assert (r["supplier"], r["recipient"], r["value"], r["unit"], r["stage"]) == (
        "prk",
        "rus",
        1_600_000,
        "shells",
        "delivered",
    )
    assert (r["date_start"], r["date_end"]) == (day("2023-08-01"), day("2024-01-31"))
    assert (r["date_precision"], r["date_basis"], r["date_text"]) == (
        "month",
        "external",
        "sechs Monaten",
    )
    assert (r["claim_status"], r["attributed_to"]) == ("alleged", "washington-post")


def test_summons_two_days_after_the_visit_is_21_june() -> None:
    r = row("diplomatic_actions", "kor-summons-russian-ambassador-2024-06-21")
    assert r["date_start"] == r["date_end"] == day("2024-06-21")
    # the offset is the date's words; the visit is an anchor of its own
    assert (r["date_basis"], r["date_text"]) == ("resolved", "zwei Tage")
    assert (r["actor"], r["target"], r["action_type"]) == (
        "kor",
        "georgy-zinoviev",
        "summon-diplomat",
    )


def test_duma_ratification_this_thursday_is_24_october() -> None:
    r = row("diplomatic_actions", "duma-ratifies-treaty-2024-10-24")
    assert r["date_start"] == day("2024-10-24")
    assert (r["date_basis"], r["date_text"], r["claim_status"]) == (
        "resolved",
        "An diesem Donnerstag",
        "projected",
    )


def test_pioneer_unit_is_a_projection_with_misattribution_noted() -> None:
    figure = row("troop_figures", "prk-pioneer-unit-donetsk-planned")
    assert (figure["value"], figure["unit"], figure["claim_status"]) == (1, "units", "projected")
    assert figure["date_start"] == day("2024-07-01")
    action = row("diplomatic_actions", "prk-announces-pioneer-unit-2024-06")
    assert action["action_type"] == "express-intent-military-aid"
    for r in (figure, action):
        assert "Misattributed" in r["note"] and "South Korean government official" in r["note"]


@pytest.mark.parametrize(
    ("table", "record_id", "words"),
    [
        ("diplomatic_actions", "austin-very-serious-problem-2024-10-23", "Secretary of Defense"),
        ("diplomatic_actions", "deu-summons-prk-charge-d-affaires-2024-10-23", "Geschäftsträger"),
        ("diplomatic_actions", "zelensky-warns-of-world-war-2024-10", "17 October 2024"),
        ("troop_figures", "gfp-2024-prk-active-personnel", "website"),
        (
            "diplomatic_actions",
            "kor-reconsiders-arms-for-ukraine-2024-06-20",
            "long-standing policy",
        ),
    ],
)
def test_curator_notes_flag_source_errors(table: str, record_id: str, words: str) -> None:
    assert words in row(table, record_id)["note"]


EXPECTED_IDS = {
    "troop_figures": {
        "gfp-2024-prk-active-personnel",
        "gfp-2024-usa-active-personnel",
        "prk-pioneer-unit-donetsk-planned",
        "prk-large-deployment-ruled-out",
        "nis-prk-troops-in-russia-3000",
        "nis-prk-troops-projected-10000",
        "rus-casualties-from-faulty-shells",
        "rus-troops-in-ukraine-several-hundred-thousand",
        "rus-casualties-over-600000",
        "prk-ballistic-missile-experts",
        "prk-construction-troops-discussed",
        "prk-troops-in-russia-confirmed-usa",
        "prk-troops-in-russia-confirmed-nato-allies",
        "prk-former-workers-among-troops",
    },
    "military_rankings": {
        "gfp-2024-prk-military-strength",
        "gfp-2024-deu-military-strength-derived",
        "gfp-2024-prk-active-personnel-position",
    },
    "arms_transfers": {
        "prk-rus-shells-1-6-million",
        "prk-rus-deliveries-reported",
        "prk-rus-shells-premature-detonation",
        "deu-ukr-weapons-and-equipment",
        "usa-ukr-weapons-and-equipment",
        "gbr-ukr-weapons-and-equipment",
        "kor-ukr-no-weapons-delivered",
        "kor-ukr-indirect-deliveries-speculated",
        "prk-rus-weapons-since-war-start",
        "rus-prk-money-and-technology-sought",
        "prk-rus-military-industry-involved",
    },
}


@pytest.mark.parametrize("table", sorted(EXPECTED_IDS))
def test_record_inventory_of_the_seed_sources(table: str) -> None:
    frame = datapkg.load(table)  # type: ignore[arg-type]
    assert set(frame[frame["source_id"].isin([S000, S001])]["id"]) == EXPECTED_IDS[table]


def test_diplomatic_actions_count_and_sources() -> None:
    actions = datapkg.load("diplomatic_actions")
    per_source = actions.groupby("source_id", observed=True).size().to_dict()
    assert (per_source[S000], per_source[S001]) == (17, 13)
    # every action is dated
    assert actions[["date_start", "date_end", "date_precision", "date_basis"]].notna().all().all()


RETIRED = {"prk-10000-little-weight"}  # ids are never reused


def test_retired_ids_stay_out_of_the_data() -> None:
    ids = {str(i) for t in FACT_TABLES for i in datapkg.load(t)["id"]}
    assert not RETIRED & ids


def test_the_nis_projection_of_10000_is_counted_once() -> None:
    figures = datapkg.load("troop_figures")
    tens = figures[(figures["value"] == 10_000) & figures["source_id"].isin(SEEDS)]
    assert list(tens["id"]) == ["nis-prk-troops-projected-10000"]
    mentions = datapkg.load("mentions")
    both = mentions[(mentions["text"] == "10.000") & (mentions["source_id"] == S001)]
    covered, restated = both.iloc[0], both.iloc[1]
    assert list(covered["covered_by"]) == ["nis-prk-troops-projected-10000"]
    assert restated["status"] == "ignored" and "nis-prk-troops-projected-10000" in restated["ignore_reason"]


def test_review_corrections_of_0_2_0() -> None:
    weapons = row("arms_transfers", "prk-rus-weapons-since-war-start")
    assert (weapons["stage"], weapons["date_start"], weapons["date_text"]) == ("speculated", None, None)
    nato = row("diplomatic_actions", "nato-confirms-prk-troops-in-russia-2024-10-23")
    assert nato["actor"] == "nato-allies" and "28 October 2024" in nato["note"]
    assert datapkg.load("actors").set_index("id").loc["nato-allies", "kind"] == "group"
    sanctions = row("diplomatic_actions", "kor-financial-sanctions-rus")
    assert (sanctions["date_start"], sanctions["date_end"]) == (day("2022-02-01"), day("2022-03-31"))
    assert sanctions["date_precision"] == "month" and "strategic goods" in sanctions["note"]
    kursk = row("diplomatic_actions", "ukraine-kursk-incursion-2024-08")
    assert (kursk["date_precision"], kursk["date_basis"], kursk["date_text"]) == (
        "month",
        "stated",
        "Anfang August",
    )
    concern = row("diplomatic_actions", "usa-concern-prk-rus-cooperation-2024-06-25")
    assert (concern["actor"], concern["attributed_to"]) == ("pat-ryder", "pat-ryder")
    threat = row("diplomatic_actions", "putin-threatens-kor-over-arms-2024-06-20")
    assert threat["quote"].endswith("die der heutigen Führung von Südkorea kaum gefallen werden.“")
    # 0.3.0: what is said at the summons is a claim about the summons (it had an event of its own)
    denounce = row("diplomatic_actions", "kor-denounces-prk-weapons-2024-06")
    assert (
        denounce["event_id"]
        == row("diplomatic_actions", "kor-summons-russian-ambassador-2024-06-21")["event_id"]
    )
    assert row("troop_figures", "prk-construction-troops-discussed")["measure"] == "planned_deployment"
    assert "public reporting" in row("diplomatic_actions", "kim-hosts-putin-2024-06")["note"]
    shells = row("troop_figures", "rus-casualties-from-faulty-shells")
    assert (shells["measure"], shells["qualifier"], shells["value"]) == ("casualties", "vague", None)
