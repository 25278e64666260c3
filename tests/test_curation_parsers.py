"""The parts of the draft writer that read text: sentences, names, cue words, windows.
Example sentences are written for the tests."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from datapkg.compiler.curation.actor_names import ActorIndex, stem
from datapkg.compiler.curation.candidates import Draft
from datapkg.compiler.curation.cues import claim_status
from datapkg.compiler.curation.sentences import sentences
from datapkg.compiler.curation.source_files import SourceFileError, parse_window, yaml_scalar
from datapkg.extract import extract

from .conftest import ROOT

ACTORS = yaml.safe_load((ROOT / "build" / "records" / "actors.yaml").read_text(encoding="utf-8"))["actors"]

_TEXT = st.lists(
    st.sampled_from([*"abc ABC.!?\n,:;–0123456789„“\"'", "Dr.", "19. Juni", "z. B.", "2022. Die"]),
    max_size=80,
).map("".join)


@settings(deadline=None)
@given(_TEXT)
def test_sentences_are_slices_in_order_without_overlap(text: str) -> None:
    spans = sentences(text)
    for s in spans:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


def test_sentences_keep_dates_numbers_and_abbreviations_together() -> None:
    text = (
        "Am 19. Juni sprach Dr. Kim über 1.328.000 Soldaten, z. B. in Kursk. Seit 2022. Die Zahl stieg.\nNeu"
    )
    assert [s.text for s in sentences(text)] == [
        "Am 19. Juni sprach Dr. Kim über 1.328.000 Soldaten, z. B. in Kursk",
        "Seit 2022",
        "Die Zahl stieg",
        "Neu",
    ]


def test_stems_join_inflected_forms() -> None:
    assert {stem(w) for w in ("südkoreanischer", "südkoreanischen", "südkoreanische")} == {"südkoreanisch"}
    assert stem("Nordkoreas") == stem("Nordkorea") and stem("Russia's") == stem("Russia")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("des südkoreanischen Geheimdienstes", "de", ["kor-nis"]),
        ("Wladimir Putin und Putins Sprecher", "de", ["vladimir-putin", "vladimir-putin"]),
        ("nordkoreanische Streitkräfte in Pjöngjang", "de", ["prk-armed-forces", "prk"]),
        ("the Washington Post and the NIS", "en", ["washington-post", "kor-nis"]),
        ("North Korean troops", "en", ["prk"]),
    ],
)
def test_actor_names_in_their_forms(text: str, lang: str, expected: list[str]) -> None:
    index = ActorIndex(ACTORS, lang)
    assert [index.actor_of(r) for r in index.find(text)] == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "status"),
    [
        ("3.000 Soldaten sollen in Russland sein", "de", "alleged"),
        ("Angeblich sind es 3.000 Soldaten", "de", "alleged"),
        ("Berichten zufolge sind es 3.000 Soldaten", "de", "reported"),
        ("Laut dem Geheimdienst sind es 3.000 Soldaten", "de", "reported"),
        ("Schätzungen zufolge sind es 3.000 Soldaten", "de", "estimated"),
        ("Bis Dezember könnten es 10.000 sein", "de", "projected"),
        ("Die Regierung bestätigte 3.000 Soldaten", "de", "confirmed"),
        ("Es sind 3.000 Soldaten", "de", "stated"),
        ("About 3,000 soldiers are said to be in Russia", "en", "alleged"),
        ("Allegedly 3,000 soldiers arrived", "en", "alleged"),
        ("According to the agency, 3,000 soldiers arrived", "en", "reported"),
        ("Officials estimate that 3,000 soldiers arrived", "en", "estimated"),
        ("Up to 10,000 could follow", "en", "projected"),
        ("3,000 soldiers arrived", "en", "stated"),
    ],
)
def test_claim_status_from_cue_words(sentence: str, lang: str, status: str) -> None:
    assert claim_status(sentence, lang) == status


WINDOW = (dt.date(2024, 10, 23), dt.date(2024, 10, 24))


@pytest.mark.parametrize(
    ("text", "lang", "speaker"),
    [
        ("Laut Wladimir Putin sind es 3.000 Soldaten", "de", "vladimir-putin"),
        ("Dem südkoreanischen Geheimdienst zufolge sind es 3.000 Soldaten", "de", "kor-nis"),
        ("Es seien 3.000 Soldaten, sagte Pat Ryder", "de", "pat-ryder"),
        ("Das Auswärtige Amt teilte mit, es seien 3.000 Soldaten", "de", "deu-foreign-office"),
        ("Es seien 3.000 Soldaten, hieß es aus Seoul", "de", "kor"),
        ("Die Ukraine meldet, dass 3.000 Soldaten getötet wurden", "de", "ukr"),
        ("Südkoreas Geheimdienst schätzt, dass 2.000 Soldaten folgen", "de", "kor-nis"),
        ("According to South Korea's National Intelligence Service, 3,000 soldiers arrived", "en", "kor-nis"),
        ("Lloyd Austin said 3,000 soldiers arrived", "en", "lloyd-austin"),
        ("3,000 soldiers arrived in Russia", "en", None),
    ],
)
def test_attribution_names_the_speaker(text: str, lang: str, speaker: str | None) -> None:
    draft = Draft(text, lang, extract(text, lang=lang), ActorIndex(ACTORS, lang), WINDOW, frozenset())
    found = [r.actor for r in draft.reports(draft.sentences[0]) if r.actor]
    assert (found[0] if found else None) == speaker


def test_publication_windows() -> None:
    assert parse_window("2024-10-18") == (dt.date(2024, 10, 18), dt.date(2024, 10, 18))
    assert parse_window("2024-10-18/2024-10-19") == (dt.date(2024, 10, 18), dt.date(2024, 10, 19))
    assert parse_window("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert parse_window("2024") == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert parse_window("2024-06/2024-07") == (dt.date(2024, 6, 1), dt.date(2024, 7, 31))
    for bad, reason in [
        ("2024-13", "expected YYYY-MM-DD, YYYY-MM or YYYY"),
        ("18.10.2024", "expected YYYY-MM-DD, YYYY-MM or YYYY"),
        ("2024-10-18/2024-10-17", "the window ends before it starts"),
        ("a/b/c", "expected DATE or DATE/DATE"),
    ]:
        with pytest.raises(SourceFileError, match=f"^--published '{re.escape(bad)}': {reason}"):
            parse_window(bad)


@settings(deadline=None)
@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9998, 1, 1)),
    st.integers(min_value=0, max_value=400),
)
def test_any_day_window_round_trips(first: dt.date, days: int) -> None:
    last = first + dt.timedelta(days=days)
    assert parse_window(f"{first}/{last}") == (first, last)


@settings(deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_yaml_scalars_read_back_as_written(value: str) -> None:
    assert yaml.safe_load(f"key: {yaml_scalar(value)}")["key"] == value
