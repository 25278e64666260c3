"""The draft writer's rules, one error class each, on sentences written for these tests: the
quote spans the reporting clause and its date, whose forces a figure counts, the measure from the
verb, speakers the vocabulary lacks, actions of every kind the vocabulary covers, restatements,
rankings. Each expectation is the record a careful curator writes (see CONTRIBUTING.md)."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from datapkg.compiler.curation.add_source import draft_candidates
from datapkg.compiler.curation.candidates import Draft
from datapkg.compiler.curation.person_names import english_spelling
from datapkg.compiler.curation.sentences import sentences
from datapkg.compiler.curation.source_files import parse_window
from datapkg.compiler.curation.speakers import segments
from datapkg.compiler.layout import Layout

ROOT = Path(__file__).resolve().parents[1]
WINDOW = "2024-11-13/2024-11-15"  # Wednesday to Friday
PUBLISHED = [dt.date(2024, 11, 13), dt.date(2024, 11, 15)]
KEYS = ("force", "measure", "value", "qualifier", "supplier", "recipient", "stage", "actor", "target",
        "action_type", "country", "rank", "claim_status", "attributed_to", "date")  # fmt: skip


def _drafted(text: str, lang: str) -> tuple[Draft, dict[str, list[dict[str, Any]]]]:
    draft, candidates = draft_candidates(Layout(ROOT), text, lang, parse_window(WINDOW))
    tables: dict[str, list[dict[str, Any]]] = {}
    for c in candidates:
        if c.table != "events":
            tables.setdefault(c.table, []).append({k: c.fields[k] for k in (*KEYS, "quote") if k in c.fields})
    return draft, tables


def _keys(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "quote" and v is not None}


def test_a_quote_spans_the_reporting_clause_and_its_date() -> None:
    text = "Das Verteidigungsministerium in Seoul hatte am Montag erklärt, an der Grenze stünden 2000 nordkoreanische Soldaten bereit."
    draft, tables = _drafted(text, "de")
    [figure] = tables["troop_figures"]
    assert figure["quote"] == text[:-1]
    assert _keys(figure) == {
        "force": "prk-armed-forces", "measure": "deployed", "value": 2000, "qualifier": "exact",
        "claim_status": "reported", "attributed_to": "kor-defence-ministry", "date": dt.date(2024, 11, 11),
    }  # fmt: skip
    assert draft.proposed_actors["kor-defence-ministry"] == {
        "id": "kor-defence-ministry", "name_en": "Defence ministry (South Korea)", "name_de": "Verteidigungsministerium",
        "kind": "government_body", "country": "KOR", "role": None, "cameo_code": "KORGOV",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang", "force"),
    [
        ("Nach Angaben aus Kiew wurden 800 belarussische Soldaten an die Grenze Polens verlegt.", "de", "blr-armed-forces"),
        ("Japan's defence ministry said on Friday that 400 troops from the North had been moved to Vladivostok.", "en", "prk-armed-forces"),
        ("Laut Pentagon-Sprecher Pat Ryder kämpfen 3000 Soldaten aus Nordkorea in Kursk.", "de", "prk-armed-forces"),
    ],
)  # fmt: skip
def test_whose_forces_come_from_the_counted_noun_phrase(text: str, lang: str, force: str) -> None:
    """Not the nearest country: Poland is where, Japan who speaks, the Pentagon whose spokesman."""
    [figure] = _drafted(text, lang)[1]["troop_figures"]
    assert figure["force"] == force


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Pyongyang has decided to send 5,000 more soldiers to Russia, South Korean officials said.", "en"),
        (
            "Russia is preparing 10,000 reservists for the front, according to the Ukrainian general staff.",
            "en",
        ),
        (
            "Weitere 3000 Soldaten sollen nach Russland geschickt werden, teilte der Geheimdienst NIS mit.",
            "de",
        ),
    ],
)
def test_a_verb_of_planning_makes_a_planned_deployment(text: str, lang: str) -> None:
    [figure] = _drafted(text, lang)[1]["troop_figures"]
    assert figure["measure"] == "planned_deployment"


def test_a_considered_supply_is_an_action_and_a_negated_one_not_delivered() -> None:
    tables = _drafted("Südkorea erwägt, Waffen an die Ukraine zu liefern.", "de")[1]
    assert "arms_transfers" not in tables
    [action] = tables["diplomatic_actions"]
    assert (action["actor"], action["target"], action["action_type"]) == (
        "kor",
        "ukr",
        "consider-policy-option",
    )
    text = "Seoul has not delivered any weapons to Kyiv, a presidential spokesman said on Tuesday."
    tables = _drafted(text, "en")[1]
    [transfer] = tables["arms_transfers"]
    assert _keys(transfer) == {
        "supplier": "kor", "recipient": "ukr", "stage": "not_delivered", "claim_status": "reported",
        "attributed_to": "kor-presidential-office", "date": dt.date(2024, 11, 12),
    }  # fmt: skip
    assert transfer["quote"] == text[:-1]


@pytest.mark.parametrize(
    ("text", "lang", "action"),
    [
        ("Am Mittwoch trafen sich die Außenminister Russlands und Nordkoreas zu Gesprächen in Moskau.", "de",
         ("rus", "prk", "consult", "stated", None, dt.date(2024, 11, 13))),
        ("The Kremlin denied on Thursday that North Korean soldiers were fighting in Kursk.", "en",
         ("rus", "prk", "deny", "stated", "rus", PUBLISHED)),
        ("NATO confirmed on Monday that North Korean troops had been sent to Russia.", "en",
         ("nato", "prk", "make-statement", "confirmed", "nato", dt.date(2024, 11, 11))),
        ("Präsident Yoon Suk-yeol kündigte am Dienstag eine Reaktion an, sollte Pjöngjang weitere Truppen schicken.", "de",
         ("yoon-suk-yeol", "prk", "threaten", "stated", "yoon-suk-yeol", dt.date(2024, 11, 12))),
        ("Der ukrainische Verteidigungsminister Rustem Umerow telefonierte am Dienstag mit Lloyd Austin.", "de",
         ("rustem-umerov", "lloyd-austin", "discuss-by-telephone", "stated", None, dt.date(2024, 11, 12))),
    ],
)  # fmt: skip
def test_actions_of_every_kind_the_vocabulary_covers(text: str, lang: str, action: tuple[Any, ...]) -> None:
    """Meetings, denials, confirmations, announced responses and calls; what a denial denies is
    not drafted as a figure, and a condition ("sollte Pjöngjang Truppen schicken") is none."""
    tables = _drafted(text, lang)[1]
    [drafted] = tables["diplomatic_actions"]
    fields = ("actor", "target", "action_type", "claim_status", "attributed_to", "date")
    assert tuple(drafted[k] for k in fields) == action
    if action[2] in ("deny", "threaten"):
        assert "troop_figures" not in tables


def test_a_place_named_after_an_institution_is_not_a_speaker() -> None:
    text = "Diplomats met at NATO headquarters in Brussels on Wednesday to discuss the deployment of 10,000 North Korean soldiers."
    tables = _drafted(text, "en")[1]
    [figure] = tables["troop_figures"]
    assert (figure["attributed_to"], figure["claim_status"]) == (None, "stated")
    assert "diplomatic_actions" not in tables  # who met is not said


def test_a_figure_restated_from_the_headline_is_drafted_once() -> None:
    text = (
        "North Korea has sent 11,000 soldiers to Russia\n"
        "About 11,000 North Korean soldiers have been sent to Russia, Ukraine's military intelligence said on Sunday."
    )
    draft, tables = _drafted(text, "en")
    [figure] = tables["troop_figures"]
    assert (figure["value"], figure["attributed_to"]) == (11000, "ukr-military-intelligence")
    assert draft.restated == {(0, 46): "prk-troops-11000-2"}


def test_rankings_are_drafted_with_the_ranking_and_its_publisher() -> None:
    text = "Im Global Firepower Ranking 2024 liegt Nordkorea auf Platz 36, Russland auf Platz zwei."
    rankings = _drafted(text, "de")[1]["military_rankings"]
    assert [(r["country"], r["rank"], r["claim_status"], r["attributed_to"]) for r in rankings] == [
        ("prk", 36, "reported", "global-firepower"),
        ("rus", 2, "reported", "global-firepower"),
    ]


@pytest.mark.parametrize(
    ("german", "english"),
    [("Dmitri Peskow", "Dmitri Peskov"), ("Sergej Lawrow", "Sergey Lavrov"), ("Wolodymyr Selenskyj", "Volodymyr Selenskyy"),
     ("Boris Pistorius", "Boris Pistorius"), ("Kim Yong-hyun", "Kim Yong-hyun")],
)  # fmt: skip
def test_slavic_names_in_german_spelling_get_the_english_one(german: str, english: str) -> None:
    assert english_spelling(german) == english


@given(st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz AVWäöü,;:–-"), max_size=200))
def test_segments_cover_each_sentence_in_order_without_overlap(text: str) -> None:
    """Every segment lies in its sentence, in order; what lies between two is a separator."""
    for sentence in sentences(text):
        parts = segments(text, sentence, "de")
        assert all(sentence.start <= a < b <= sentence.end for a, b in parts)
        assert all(b1 <= a2 for (_, b1), (a2, _) in pairwise(parts))


@given(
    st.lists(
        st.sampled_from(["Sergej", "Lawrow", "Peskow", "Kim", "Boris", "Selenskyj", "Umerow"]),
        min_size=1,
        max_size=4,
    )
)
def test_english_spelling_is_stable(words: list[str]) -> None:
    """Spelling a name the English way twice changes nothing more, and leaves no German w in a
    Slavic name."""
    name = " ".join(words)
    once = english_spelling(name)
    assert english_spelling(once) == once
    if once != name:
        assert "w" not in once.lower()
