"""The extractor: tricky cases with exact values, and properties over random input."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from datapkg.extract import detect_language, extract

REF = dt.date(2024, 10, 24)  # a Thursday


def found(text: str, lang: str, ref: dt.date | None = REF) -> list[tuple[str, str, object, object]]:
    return [(m.text, m.kind, m.value, m.qualifier) for m in extract(text, lang=lang, ref=ref)]


GERMAN = [
    ("circa 1,32 Millionen Soldaten", [("circa 1,32 Millionen", "quantity", 1_320_000, "approx")]),
    ("knapp hinter den USA (1.328.000)", [("1.328.000", "quantity", 1_328_000, None)]),
    ("dreitausend Menschen", [("dreitausend", "quantity", 3000, None)]),
    ("zehntausend Soldaten", [("zehntausend", "quantity", 10_000, None)]),
    ("zwei Panzer", [("zwei", "quantity", 2, None)]),
    (
        "mit mehreren Hunderttausend Soldaten",
        [("mehreren Hunderttausend", "quantity", None, "vague")],
    ),
    ("Dutzende Soldaten", [("Dutzende", "quantity", None, "vague")]),
    ("über 600.000 Soldaten", [("über 600.000", "quantity", 600_000, "more_than")]),
    ("mindestens 50 Tote", [("mindestens 50", "quantity", 50, "at_least")]),
    ("bis zu 12.000 Mann", [("bis zu 12.000", "quantity", 12_000, "up_to")]),
    ("etwa 17 Plätze", [("etwa 17", "quantity", 17, "approx")]),
    ("10.000 bis 12.000 Soldaten", [("10.000 bis 12.000", "quantity", [10_000, 12_000], None)]),
    ("zwischen 1.500 und 2.000", [("zwischen 1.500 und 2.000", "quantity", [1500, 2000], None)]),
    ("eine Million Granaten", [("eine Million", "quantity", 1_000_000, None)]),
    ("2,5 Prozent", [("2,5 Prozent", "percent", 2.5, None)]),
    ("30 %", [("30 %", "percent", 30, None)]),
    ("1,5 Milliarden Euro", [("1,5 Milliarden Euro", "money", 1_500_000_000, None)]),
    ("auf Platz 36", [("Platz 36", "rank", 36, None)]),
    ("auf dem 36. Platz", [("36. Platz", "rank", 36, None)]),
    ("vor einem Dritten Weltkrieg", []),  # an ordinal in a name, not a place in a ranking
    ("den fünften Platz", [("fünften", "rank", 5, None)]),
    ("aus den 1970er-Jahren", [("1970er-Jahren", "date", "1970s", None)]),
    ("im Laufe von sechs Monaten", [("sechs Monaten", "duration", 6, None)]),
    ("seit Jahrzehnten", [("seit Jahrzehnten", "duration", None, "vague")]),
    ("Am 19. Juni", [("19. Juni", "date", "2024-06-19", None)]),
    ("am 23.10.2024", [("23.10.2024", "date", "2024-10-23", None)]),
    ("im Juli", [("im Juli", "date", "2024-07", None)]),
    ("bis Dezember", [("bis Dezember", "date", "2024-12", "by")]),
    ("Anfang August", [("Anfang August", "date", "2024-08", "early")]),
    ("An diesem Donnerstag", [("An diesem Donnerstag", "date", "2024-10-24", None)]),
    ("am vergangenen Montag", [("am vergangenen Montag", "date", "2024-10-21", None)]),
    ("gestern", [("gestern", "date", "2024-10-23", None)]),
    ("in der vergangenen Woche", [("in der vergangenen Woche", "date", "2024-W42", None)]),
    ("vor zwei Jahren", [("vor zwei Jahren", "date", "2022", None)]),
    (
        "zwei Tage nach dem Besuch",
        [("zwei Tage", "duration", 2, "after"), ("nach dem Besuch", "anchor", None, "after")],
    ),
    ("kurz nach Putins Besuch", [("kurz nach Putins Besuch", "anchor", None, "after")]),
    ("bei seinem Besuch in Vietnam", [("bei seinem Besuch in Vietnam", "anchor", None, "during")]),
    ("Schon seit Kriegsbeginn sind", [("seit Kriegsbeginn", "anchor", None, "since")]),
    ("während der Corona-Pandemie", [("während der Corona-Pandemie", "anchor", None, "during")]),
    ("hatte sich in letzter Zeit", [("in letzter Zeit", "date", "PAST_REF", None)]),
    ("sind schon länger im Gespräch", [("schon länger", "date", None, "vague")]),
    ("ein paar Experten", [("ein paar", "quantity", None, "vague")]),
    ("eine große Anzahl an Söldner", [("eine große Anzahl", "quantity", None, "vague")]),
    ("dass eine Pionier-Einheit", [("eine Pionier-Einheit", "quantity", 1, None)]),
    ("im Jahr 2024 circa", [("im Jahr 2024", "date", "2024", None)]),
    ("2017 bis 2018", [("2017 bis 2018", "date", ["2017", "2018"], None)]),
    ("Seit 2022 forscht sie", [("Seit 2022", "date", "2022", "since")]),
    ("im Sommer 2023", [("im Sommer 2023", "date", "2023-SU", None)]),
    ("die Hälfte des Budgets", [("die Hälfte", "quantity", 0.5, None)]),
    ("um 14 Uhr", [("um 14 Uhr", "date", "T14:00", None)]),
    ("2000 Soldaten", [("2000", "quantity", 2000, None)]),
    ("im Juni vergangenen Jahres", [("im Juni vergangenen Jahres", "date", "2023-06", None)]),
    (
        "das dritte Mal in diesem Jahr",
        [("in diesem Jahr", "date", "2024", None)],
    ),  # a count of times, no rank
    ("in der ersten Jahreshälfte 2024", [("in der ersten Jahreshälfte 2024", "date", "2024-H1", None)]),
    ("Millionen Artilleriegranaten", [("Millionen", "quantity", None, "vague")]),
    ("am Donnerstag, 24. Oktober 2024", [("am Donnerstag, 24. Oktober 2024", "date", "2024-10-24", None)]),
    ("eine Reichweite von 1.500 km", [("1.500", "quantity", 1500, None)]),
    ("Im ersten Halbjahr 2024", [("Im ersten Halbjahr 2024", "date", "2024-H1", None)]),
    ("binnen 24 Stunden", [("24 Stunden", "duration", 24, None)]),
    ("vom 18. bis 19. Juni", [("vom 18. bis 19. Juni", "date", ["2024-06-18", "2024-06-19"], None)]),
    ("zweieinhalb Jahre", [("zweieinhalb Jahre", "duration", 2.5, None)]),
    ("In einem Jahr", [("In einem Jahr", "date", "2025", None)]),
    ("eine Stunde lang", [("eine Stunde lang", "duration", 1, None)]),
    ("Kampfjets vom Typ F-16 und Su-27", []),
    ("der Raketentyp Hwasong-18", []),
    ("ein Beamter sagte, eine Einheit", []),
]

ENGLISH = [
    ("about 10,000 troops", [("about 10,000", "quantity", 10_000, "approx")]),
    ("1.5 million shells", [("1.5 million", "quantity", 1_500_000, None)]),
    ("6 million people", [("6 million", "quantity", 6_000_000, None)]),
    ("six soldiers", [("six", "quantity", 6, None)]),
    ("twenty-five tanks", [("twenty-five", "quantity", 25, None)]),
    ("a dozen officers", [("a dozen", "quantity", 12, None)]),
    ("dozens of advisers", [("dozens", "quantity", None, "vague")]),
    ("hundreds of soldiers", [("hundreds", "quantity", None, "vague")]),
    ("tens of thousands fled", [("tens of thousands", "quantity", None, "vague")]),
    ("more than 600,000 men", [("more than 600,000", "quantity", 600_000, "more_than")]),
    ("as many as 12,000", [("as many as 12,000", "quantity", 12_000, "up_to")]),
    (
        "between 1,700 and 2,000 soldiers",
        [("between 1,700 and 2,000", "quantity", [1700, 2000], None)],
    ),
    ("5.4 percent", [("5.4 percent", "percent", 5.4, None)]),
    ("$1.5 billion", [("$1.5 billion", "money", 1_500_000_000, None)]),
    ("ranks 36th", [("36th", "rank", 36, None)]),
    ("came fifth", [("fifth", "rank", 5, None)]),
    ("for the first time", []),
    ("the first soldiers arrived", []),
    ("the country ranks fourth", [("fourth", "rank", 4, None)]),
    ("in the 1950s", [("in the 1950s", "date", "1950s", None)]),
    ("two days", [("two days", "duration", 2, None)]),
    ("for decades", [("for decades", "duration", None, "vague")]),
    ("on June 19, 2024", [("June 19, 2024", "date", "2024-06-19", None)]),
    ("on 19 June 2024", [("19 June 2024", "date", "2024-06-19", None)]),
    ("on June 19", [("June 19", "date", "2024-06-19", None)]),
    ("in July", [("in July", "date", "2024-07", None)]),
    ("by December", [("by December", "date", "2024-12", "by")]),
    ("in early August", [("in early August", "date", "2024-08", "early")]),
    ("last week", [("last week", "date", "2024-W42", None)]),
    ("on Thursday", [("on Thursday", "date", "2024-10-24", None)]),
    ("last Thursday", [("last Thursday", "date", "2024-10-17", None)]),
    ("yesterday", [("yesterday", "date", "2024-10-23", None)]),
    ("three years ago", [("three years ago", "date", "2021", None)]),
    ("two days later", [("two days later", "date", None, "after")]),
    ("in 2024", [("in 2024", "date", "2024", None)]),
    ("a third of the budget", [("a third", "quantity", 0.333333, None)]),
    ("at 2 p.m.", [("at 2 p.m.", "date", "T14:00", None)]),
    ("SEOUL, Nov 4 (Reuters)", [("Nov 4", "date", "2024-11-04", None)]),
    ("signed on Dec. 4", [("Dec. 4", "date", "2023-12-04", None)]),  # past tense, later month: last year
    ("in the first half of 2024", [("in the first half of 2024", "date", "2024-H1", None)]),
    ("by the end of the year", [("by the end of the year", "date", "2024", "late")]),
    ("in June last year", [("in June last year", "date", "2023-06", None)]),
    ("two hundred thousand soldiers", [("two hundred thousand", "quantity", 200_000, None)]),
    ("half a million shells", [("half a million", "quantity", 500_000, None)]),
    ("2.5 million euros", [("2.5 million euros", "money", 2_500_000, None)]),
    ("on Thursday, Oct. 24", [("on Thursday, Oct. 24", "date", "2024-10-24", None)]),
    ("the country's second-largest attack", [("second-largest", "rank", 2, None)]),
    ("held June 18-19", [("June 18-19", "date", ["2024-06-18", "2024-06-19"], None)]),
    ("10,000 to 12,000 soldiers", [("10,000 to 12,000", "quantity", [10_000, 12_000], None)]),
    ("F-16 jets and a Su-27", []),
    ("the May meeting may be delayed", []),
    ("one of them", [("one of them", "quantity", 1, None)]),
]


@pytest.mark.parametrize(("text", "expected"), GERMAN, ids=[t for t, _ in GERMAN])
def test_german(text: str, expected: list[tuple[str, str, object, object]]) -> None:
    assert found(text, "de") == expected


@pytest.mark.parametrize(("text", "expected"), ENGLISH, ids=[t for t, _ in ENGLISH])
def test_english(text: str, expected: list[tuple[str, str, object, object]]) -> None:
    assert found(text, "en") == expected


def test_units_are_the_counted_nouns() -> None:
    units = [
        (m.text, m.unit) for m in extract("3.000 nordkoreanische Soldaten und 1,6 Millionen Granaten", "de")
    ]
    assert units == [("3.000", "Soldaten"), ("1,6 Millionen", "Granaten")]
    assert [m.unit for m in extract("3,000 North Korean soldiers", "en")] == ["soldiers"]
    assert [m.unit for m in extract("sechs Monaten, 2,5 Prozent, 1,5 Milliarden Euro", "de")] == [
        "month",
        "%",
        "EUR",
    ]


def test_dates_without_a_reference_keep_what_the_text_gives() -> None:
    assert found("Am 19. Juni und im Juli 2024, an diesem Donnerstag", "de", ref=None) == [
        ("19. Juni", "date", "XXXX-06-19", None),
        ("im Juli 2024", "date", "2024-07", None),
        ("an diesem Donnerstag", "date", None, None),
    ]


def test_language_detection() -> None:
    assert detect_language("Die Soldaten sind in der Ukraine und nicht in Russland.") == "de"
    assert detect_language("The soldiers are in Ukraine and not in Russia.") == "en"


def test_real_source_000(source_texts: dict[str, str]) -> None:
    mentions = extract(source_texts["000_7e917bff9e613273"], "de", dt.date(2024, 6, 25))
    assert [(m.text, m.kind, m.value) for m in mentions] == [
        ("beide", "quantity", 2),
        ("seit geraumer Zeit", "date", None),
        ("19. Juni", "date", "2024-06-19"),
        ("kurz nach Putins Besuch", "anchor", None),
        ("eine Pionier-Einheit", "quantity", 1),
        ("bereits im Juli", "date", "2024-07"),
        ("2024", "date", "2024"),
        ("im Jahr 2024", "date", "2024"),
        ("circa 1,32 Millionen", "quantity", 1_320_000),
        ("1.328.000", "quantity", 1_328_000),
        ("Platz 36", "rank", 36),
        ("etwa 17", "quantity", 17),
        ("eine große Anzahl", "quantity", None),
        ("seit geraumer Zeit", "date", None),
        ("zahlreichen", "quantity", None),
        ("1970er-Jahren", "date", "1970s"),
        ("sechs Monaten", "duration", 6),
        ("1,6 Millionen", "quantity", 1_600_000),
        ("eine der beiden", "quantity", 1),
        ("mehrerer", "quantity", None),
        ("5", "quantity", 5),
        ("jüngsten", "date", "PAST_REF"),
        ("vorerst", "date", "PRESENT_REF"),
        ("bislang", "date", "PRESENT_REF"),
        ("aktuell", "date", "PRESENT_REF"),
        ("bei seinem Besuch in Vietnam", "anchor", None),
        ("zwei Tage", "duration", 2),
        ("nach dem Besuch Putins", "anchor", None),
        ("seit Jahrzehnten", "duration", None),
    ]


def test_cli_prints_json_lines_whose_offsets_slice_the_file(tmp_path: Path) -> None:
    text = "Rund 3.000 Soldaten\r\nbis Dezember; am 19. Juni"
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("utf-8"))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "datapkg",
            "extract",
            str(path),
            "--lang",
            "de",
            "--date",
            "2024-10-23",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(r) for r in rows] == [["start", "end", "text", "kind", "value", "unit", "qualifier"]] * 3
    for r in rows:
        assert text[r["start"] : r["end"]] == r["text"]
    assert [r["value"] for r in rows] == [3000, "2024-12", "2024-06-19"]


def test_cli_rejects_a_bad_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("3 Soldaten", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "datapkg", "extract", str(path), "--date", "24.10.2024"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "expected YYYY-MM-DD" in result.stderr


# ------------------------------------------------------------------ properties


def german(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**9))
def test_german_formatted_numbers_come_back(n: int) -> None:
    text = f"Es waren {german(n)} Soldaten."
    mentions = extract(text, "de")
    assert [(m.kind, m.value) for m in mentions] in ([("quantity", n)], [("date", str(n))])
    if mentions[0].kind == "date":
        assert 1800 <= n <= 2100


@given(st.integers(min_value=0, max_value=10**9))
def test_english_formatted_numbers_come_back(n: int) -> None:
    mentions = extract(f"There were {n:,} soldiers.", "en")
    assert [(m.kind, m.value) for m in mentions] in ([("quantity", n)], [("date", str(n))])


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=99))
def test_decimal_millions_both_ways(whole: int, hundredths: int) -> None:
    expected = whole * 1_000_000 + hundredths * 10_000
    de = extract(f"{whole},{hundredths:02d} Millionen Granaten", "de")
    en = extract(f"{whole}.{hundredths:02d} million shells", "en")
    assert [m.value for m in de] == [expected] == [m.value for m in en]


@settings(max_examples=300)
@given(st.text(), st.sampled_from(["de", "en"]))
def test_offsets_always_slice_the_text(text: str, lang: str) -> None:
    mentions = extract(text, lang, REF)
    for m in mentions:
        assert text[m.start : m.end] == m.text and m.end > m.start
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


@settings(max_examples=200)
@given(
    st.lists(
        st.sampled_from(
            [
                "3.000",
                "1,5",
                "Millionen",
                "bis",
                "über",
                "19.",
                "Juni",
                "zwei",
                "Tage",
                "nach",
                "Platz",
                "36",
                "%",
                "Euro",
                "$",
                "the",
                "1950s",
                "last",
                "week",
                "-",
                "und",
                "zwischen",
                "F-16",
                "2024",
                "im",
                "Jahr",
                "Donnerstag",
                "a",
                "third",
                "ago",
                "\n",
                " ",
                "über",
                "ein",
                "Dutzend",
            ]
        ),
        max_size=12,
    ),
    st.sampled_from(["de", "en"]),
)
def test_no_crash_on_number_soup(words: list[str], lang: str) -> None:
    text = " ".join(words)
    for m in extract(text, lang, REF):
        assert text[m.start : m.end] == m.text
        json.dumps(m.as_dict())


def test_every_rule_declares_valid_kinds_and_is_held_to_them(monkeypatch: pytest.MonkeyPatch) -> None:
    from datapkg import extract as extract_module
    from datapkg.extract.mention import KINDS, Rule
    from datapkg.extract.rules import RULES

    assert all(rule.kinds and rule.kinds <= set(KINDS) for rule in RULES)

    def lying(ctx: object) -> object:
        yield extract_module.Mention(0, 4, "rund", "money", 1)

    monkeypatch.setattr(extract_module, "RULES", (Rule(lying, frozenset({"quantity"})),))  # type: ignore[arg-type]
    with pytest.raises(extract_module.RuleError, match="lying yielded a 'money' mention"):
        extract_module.extract("rund 5", lang="de")


def test_relative_words_come_from_one_list() -> None:
    from datapkg.extract.values import relative_offset

    assert [relative_offset(w) for w in ("am vergangenen", "letzte", "on last", "the past", "kommenden")] == [
        -1, -1, -1, -1, 1,
    ]  # fmt: skip
    assert [relative_offset(w) for w in ("diesem", "this", "am", None, "pastry")] == [0, 0, 0, 0, 0]


@pytest.mark.parametrize(
    ("date", "value"),
    [
        ("2024-10-23", "2024-11-01"),
        ("2024-10", "2024-11-01"),
        ("2024", "2024-11-01"),
        ("2024-10-28/2024-11-03", "2024-11-01"),
        ("2024-12-30/2025-01-02", "XXXX-11-01"),
    ],
)
def test_cli_date_takes_a_day_month_year_or_window(
    date: str, value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datapkg.cli import main

    article = tmp_path / "article.txt"
    article.write_text("Am 1. November tritt der Vertrag in Kraft", encoding="utf-8")
    assert main(["extract", str(article), "--lang", "de", "--date", date]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["value"] == value


def test_a_reference_given_as_text_or_pair_equals_the_date() -> None:
    text = "an diesem Donnerstag und im September"
    assert found(text, "de", ref="2024-10-24") == found(text, "de", ref=dt.date(2024, 10, 24))
    assert found(text, "de", ref=(dt.date(2024, 10, 23), dt.date(2024, 10, 24)))[0][2] == "2024-10-24"
    with pytest.raises(ValueError, match="expected YYYY-MM-DD, YYYY-MM or YYYY"):
        extract(text, "de", ref="24.10.2024")
