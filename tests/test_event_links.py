"""Drafts link their candidates to events the package already has, with the reason, and flag
figures an article repeats. The candidates here are written for the tests; the events they
meet are those of the built package."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from datapkg.compiler.curation.candidates import Candidate
from datapkg.compiler.curation.event_links import EventIndex, link_events
from datapkg.compiler.inputs.schema_files import load_schemas
from datapkg.compiler.layout import Layout

from .conftest import ROOT

DEPLOYMENT = "prk-troop-deployment-to-russia-2024-10"


@pytest.fixture
def index() -> tuple[EventIndex, Any]:
    import yaml

    layout = Layout(ROOT)
    specs = load_schemas(layout.schemas_dir)
    actors = yaml.safe_load((layout.records_dir / "actors.yaml").read_text(encoding="utf-8"))["actors"]
    return EventIndex.built(layout, specs, {a["id"]: a for a in actors}), specs


def figure(
    id_: str, value: int | None, date: Any, location: str | None = "Russia", measure: str = "deployed"
) -> Candidate:
    return Candidate("troop_figures", {"id": id_, "force": "prk-armed-forces", "measure": measure,
                                       "location": location, "unit": "persons", "value": value, "date": date}, 0)  # fmt: skip


def action(id_: str, actor: str, target: str, kind: str, date: Any) -> Candidate:
    return Candidate("diplomatic_actions", {"id": id_, "actor": actor, "target": target, "action_type": kind,
                                            "date": date}, 0)  # fmt: skip


def test_figures_of_north_korean_troops_in_russia_are_claims_about_the_deployment(index: Any) -> None:
    events, specs = index
    later = figure("prk-troops-11000", 11000, [dt.date(2024, 11, 13), dt.date(2024, 11, 15)])
    kursk = figure("prk-troops-kursk", None, "2024-11", location=None)
    drafted = link_events([later, kursk], events, specs)
    assert drafted == []
    assert later.fields["event_id"] == kursk.fields["event_id"] == DEPLOYMENT
    assert list(later.fields)[:2] == ["id", "event_id"]  # where curated records have it
    assert later.hints["event_id"].startswith("existing event 'North Korean troops sent to Russia': ")
    assert "same subject" in later.hints["event_id"] and "same place" in later.hints["event_id"]


def test_a_figure_an_article_repeats_is_flagged_as_a_restatement(index: Any) -> None:
    events, specs = index
    lede = figure("prk-troops-11000", 11000, dt.date(2024, 11, 13))
    body = figure("prk-troops-11000-2", 11000, dt.date(2024, 11, 13))
    other = figure("prk-troops-1500", 1500, dt.date(2024, 11, 13))
    link_events([lede, body, other], events, specs)
    assert body.hints["id"].startswith("likely a restatement of prk-troops-11000 ")
    assert "id" not in lede.hints and "id" not in other.hints
    # the same figure as an earlier source's is pointed out too
    again = figure("prk-troops-3000", 3000, dt.date(2024, 10, 25))
    link_events([again], events, specs)
    assert (
        "as nis-prk-troops-in-russia-3000, source 001_f05a9056add4a36d (a restatement?)"
        in again.hints["event_id"]
    )


def test_a_single_act_on_other_dates_is_a_new_event_of_the_same_kind(index: Any) -> None:
    events, specs = index
    # an agreement of 20 December 2024, a day no event of the package is on
    pact = action(
        "putin-signs-pact-2024-12-20", "vladimir-putin", "prk", "sign-agreement", dt.date(2024, 12, 20)
    )
    treaty = action(
        "kim-signs-2024-06-19", "kim-jong-un", "vladimir-putin", "sign-agreement", dt.date(2024, 6, 19)
    )
    drafted = link_events([pact, treaty], events, specs)
    assert drafted == [
        {"id": "putin-signs-pact-2024-12-20", "label": None, "kind": "agreement", "note": None}
    ]
    assert pact.fields["event_id"] == "putin-signs-pact-2024-12-20"
    assert pact.hints["event_id"].startswith("a new event (drafted under events:)")
    assert treaty.fields["event_id"] == "rus-prk-treaty-signing-2024-06-19"


def test_later_candidates_of_the_article_join_a_new_event(index: Any) -> None:
    events, specs = index
    first = action(
        "deu-summons-2024-12-02", "deu-foreign-office", "rus", "summon-diplomat", dt.date(2024, 12, 2)
    )
    second = action(
        "deu-criticizes-2024-12-02", "deu-foreign-office", "rus", "criticize", dt.date(2024, 12, 2)
    )
    drafted = link_events([first, second], events, specs)
    assert [d["id"] for d in drafted] == ["deu-summons-2024-12-02"]
    assert second.fields["event_id"] == "deu-summons-2024-12-02"
    assert drafted[0]["kind"] == "protest"
    assert second.hints["event_id"].startswith("existing event 'deu-summons-2024-12-02': ")
    assert "same subject" in second.hints["event_id"] and "dates overlap" in second.hints["event_id"]


def test_of_two_records_of_one_figure_the_one_that_says_less_is_the_repeat(index: Any) -> None:
    events, specs = index
    headline = figure("prk-troops-11000", 11000, dt.date(2024, 11, 13))
    body = figure("prk-troops-11000-2", 11000, dt.date(2024, 11, 13))
    body.fields |= {"attributed_to": "kor-nis", "date_basis": "resolved"}
    link_events([headline, body], events, specs)
    assert headline.hints["id"].startswith("likely a restatement of prk-troops-11000-2 ")
    assert "id" not in body.hints


def test_a_claim_about_another_actors_doing_never_joins_an_event_on_dates_alone(index: Any) -> None:
    """A German summons of the Russian ambassador on a day inside the deployment's span shares the
    counterpart (Russia) with North Korea's sending of troops: not the same thing."""
    events, specs = index
    summons = action(
        "deu-summons-rus-2024-10-20", "deu-foreign-office", "rus", "summon-diplomat", dt.date(2024, 10, 20)
    )
    link_events([summons], events, specs)
    assert summons.fields["event_id"] != DEPLOYMENT
