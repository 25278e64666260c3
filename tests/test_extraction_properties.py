"""Property tests of the extractor's rules with a general form: ranks in a ranking and
ordinals that are none, months in since-phrases, the year a text is about, articles
before months, vague periods after prepositions, spoken decimals with digits, references
to the time of writing, vague counts, money spans and ages. The sentences are written
for these tests."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from datapkg.extract import extract
from datapkg.extract import lexicon as lx
from datapkg.extract import vague_words as vw

EN_ORDINALS = {value: word for word, value in lx.EN_ORDINALS.items() if value <= 20}
DE_STEMS = {value: stem for stem, value in lx.DE_ORDINAL_STEMS.items() if value <= 20 and stem != "siebent"}
DE_MONTH_NAMES = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                  "November", "Dezember"]  # fmt: skip
EN_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"]  # fmt: skip
PLACES = st.integers(min_value=1, max_value=20)
EXAMPLES = settings(deadline=None, max_examples=40)


def found(text: str, lang: str, ref: str | None = "2024-11-15") -> list[tuple[str, str, Any, Any]]:
    return [(m.text, m.kind, m.value, m.qualifier) for m in extract(text, lang, ref)]


@EXAMPLES
@given(
    PLACES, st.sampled_from(["ranks", "finished", "came", "stands", "retains", "climbed to", "slipped to"])
)
def test_an_ordinal_after_a_verb_of_ranking_is_a_rank(place: int, verb: str) -> None:
    word = EN_ORDINALS[place]
    assert found(f"In the index the country {verb} {word}.", "en") == [(word, "rank", place, None)]


@EXAMPLES
@given(PLACES, st.sampled_from(["soldiers", "shipment", "round of talks", "visit"]))
def test_an_ordinal_before_a_plain_noun_is_no_rank(place: int, noun: str) -> None:
    assert found(f"The {EN_ORDINALS[place]} {noun} arrived.", "en") == []
    assert found(f"Der {DE_STEMS[place]}e Besuch begann.", "de") == []


@EXAMPLES
@given(PLACES, PLACES)
def test_ordinals_joined_to_a_rank_are_ranks(first: int, second: int) -> None:
    a, b = DE_STEMS[first], DE_STEMS[second]
    text = f"Nordkorea rückte vom {a}en auf den {b}en Platz vor."
    assert [(kind, value) for _, kind, value, _ in found(text, "de")] == [("rank", first), ("rank", second)]
    text = f"It finished {EN_ORDINALS[first]} and {EN_ORDINALS[second]}."
    assert [(kind, value) for _, kind, value, _ in found(text, "en")] == [("rank", first), ("rank", second)]


@EXAMPLES
@given(st.integers(min_value=1, max_value=11), st.data())
def test_a_month_in_a_since_phrase_lies_before_the_reference(ref_month: int, data: st.DataObject) -> None:
    month = data.draw(st.integers(min_value=ref_month + 1, max_value=12))
    ref = f"2024-{ref_month:02d}-15"
    de = found(f"Seit dem Treffen im {DE_MONTH_NAMES[month - 1]} liefert Pjöngjang Granaten.", "de", ref)
    en = found(f"Since the meeting in {EN_MONTH_NAMES[month - 1]}, Pyongyang has shipped shells.", "en", ref)
    assert de[-1][2] == en[-1][2] == f"2023-{month:02d}"
    assert de[0][1] == en[0][1] == "anchor"


@EXAMPLES
@given(st.integers(min_value=2001, max_value=2098))
def test_the_previous_year_is_the_year_before_the_one_the_text_is_about(year: int) -> None:
    ref = f"{year + 1}-02-10"
    de = found(f"Die Ausgaben lagen {year} um zehn Prozent über dem Vorjahr.", "de", ref)
    en = found(f"Exports rose in {year}, up a third on the previous year.", "en", ref)
    assert ("Vorjahr", "date", str(year - 1), None) in de
    assert ("the previous year", "date", str(year - 1), None) in en


@EXAMPLES
@given(st.integers(min_value=1, max_value=12))
def test_a_month_after_an_article_is_a_date(month: int) -> None:
    name = DE_MONTH_NAMES[month - 1]
    assert found(f"Der {name} brachte neue Lieferungen.", "de", "2024-12-20") == [
        (f"Der {name}", "date", f"2024-{month:02d}", None)
    ]


@EXAMPLES
@given(
    st.sampled_from(["wenigen", "mehreren", "einigen", "vielen"]),
    st.sampled_from([("Stunden", "hour"), ("Tagen", "day"), ("Wochen", "week"), ("Monaten", "month")]),
)
def test_vague_periods_after_the_prepositions_durations_take(det: str, unit: tuple[str, str]) -> None:
    word, name = unit
    assert found(f"Vor {det} {word} begann es.", "de") == [(f"Vor {det} {word}", "date", None, "vague")]
    [(text, kind, value, qualifier)] = found(f"Nach {det} {word} endete es.", "de")
    assert (text, kind, value, qualifier) == (f"{det} {word}", "duration", None, "vague")
    english = {"hour": "hours", "day": "days", "week": "weeks", "month": "months"}[name]
    assert found(f"It began several {english} ago.", "en") == [
        (f"several {english} ago", "date", None, "vague")
    ]


@EXAMPLES
@given(st.integers(min_value=0, max_value=9), st.integers(min_value=1, max_value=999))
def test_spoken_decimals_with_digits(whole: int, digits: int) -> None:
    de_word = next(w for w, v in lx.DIGIT_WORDS["de"].items() if v == whole)
    en_word = next(w for w, v in lx.DIGIT_WORDS["en"].items() if v == whole and w != "oh")
    value = float(f"{whole}.{digits}")
    [(_, _, de_value, _)] = found(f"Das Wachstum lag bei {de_word} Komma {digits}.", "de")
    [(_, _, en_value, _)] = found(f"Growth was {en_word}-point-{digits}.", "en")
    assert de_value == en_value == value


@EXAMPLES
@given(st.data())
def test_every_reference_to_the_time_of_writing_has_its_timeml_value(data: st.DataObject) -> None:
    lang = data.draw(st.sampled_from(["de", "en"]))
    phrase, (value, qualifier) = data.draw(st.sampled_from(sorted(vw.TIME_REFERENCES[lang].items())))
    text = f"Das gilt {phrase} auch für Moskau." if lang == "de" else f"This holds {phrase} for Moscow too."
    assert found(text, lang) == [(phrase, "date", value, qualifier)]


@EXAMPLES
@given(st.data())
def test_a_vague_count_counts_the_noun_after_it(data: st.DataObject) -> None:
    lang = data.draw(st.sampled_from(["de", "en"]))
    word = data.draw(st.sampled_from(vw.VAGUE_COUNT_WORDS[lang]))
    noun = "Soldaten" if lang == "de" else "officials"
    text = f"Dort warteten {word} {noun}." if lang == "de" else f"There {word} {noun} waited."
    mentions = [m for m in extract(text, lang) if m.kind == "quantity"]
    assert [(m.text, m.value, m.unit, m.qualifier) for m in mentions] == [(word, None, noun, "vague")]


@EXAMPLES
@given(st.integers(min_value=1, max_value=9_999), st.integers(min_value=1, max_value=9_999))
def test_money_spans(low: int, extra: int) -> None:
    high = low + extra
    assert found(f"Er nannte zwischen {low} und {high} Dollar.", "de") == [
        (f"zwischen {low} und {high} Dollar", "money", [low, high], None)
    ]
    assert found(f"He paid between ${low} and ${high}.", "en") == [
        (f"between ${low} and ${high}", "money", [low, high], None)
    ]


@EXAMPLES
@given(st.integers(min_value=1, max_value=99))
def test_ages_are_durations_in_years(age: int) -> None:
    assert found(f"Der {age}-jährige Minister sprach.", "de") == [(f"{age}-jährige", "duration", age, None)]
    assert found(f"A {age}-year-old soldier spoke.", "en") == [(f"{age}-year-old", "duration", age, None)]
