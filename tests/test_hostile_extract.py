"""The extractor on hostile text: no exception, offsets that slice the input, and date
values that are real dates in years 1 to 9999 whatever the text or the reference date."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from datapkg.extract import extract
from datapkg.extract.numbers import MAX_DIGITS

FIRST, LAST = dt.date(1, 1, 1), dt.date(9999, 12, 31)

_DATE_VALUE = re.compile(
    r"(?P<y>\d{4}|XXXX)(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?|-W(?P<w>\d{2})|-(?:SP|SU|FA|WI|H1|H2|Q1|Q2))?"
    r"(?:T(?P<hh>\d{2}):(?P<mm>\d{2}))?"
    r"|(?P<decade>\d{3}0)s|T(?P<hh2>\d{2}):(?P<mm2>\d{2})"
)


def _real_day(year: str, month: str, day: str) -> bool:
    # A day without its year ("XXXX-02-29") must exist in some year: a leap year will do.
    try:
        dt.date(2024 if year == "XXXX" else int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _parts_valid(g: dict[str, str | None]) -> bool:
    year = g["y"]
    if year is not None and year != "XXXX" and not 1 <= int(year) <= 9999:
        return False
    if g["m"] is not None and not 1 <= int(g["m"]) <= 12:
        return False
    if g["d"] is not None and not _real_day(year or "XXXX", g["m"] or "", g["d"]):
        return False
    if g["w"] is not None and not 1 <= int(g["w"]) <= 53:
        return False
    if g["decade"] is not None and not 1 <= int(g["decade"]) <= 9999:
        return False
    hour, minute = g["hh"] or g["hh2"], g["mm"] or g["mm2"]
    return hour is None or (int(hour) <= 23 and int(minute or 0) <= 59)


def valid_date_value(value: Any) -> bool:
    """None, an ISO date, month, year, week, season, half, quarter, decade or time (a year
    the text leaves open as XXXX), a pair of them, or TimeML's reference to the present,
    past or future."""
    if value is None or value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return True
    if isinstance(value, list):
        return len(value) == 2 and all(isinstance(v, str) and valid_date_value(v) for v in value)
    match = _DATE_VALUE.fullmatch(value) if isinstance(value, str) else None
    return match is not None and _parts_valid(match.groupdict())


def values(text: str, ref: Any, lang: str = "de") -> list[tuple[str, Any]]:
    return [(m.text, m.value) for m in extract(text, lang, ref)]


# --- dates that would leave the calendar ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ref", "lang", "expected"),
    [
        ("vor 800.000 Tagen", "2024-10-23", "de", [("vor 800.000 Tagen", None)]),
        ("in 20.000 Jahren", "2024-10-23", "de", [("in 20.000 Jahren", None)]),
        ("vor 2024 Jahren", "2024-10-23", "de", [("vor 2024 Jahren", None)]),
        ("vor 2023 Jahren", "2024-10-23", "de", [("vor 2023 Jahren", "0001")]),
        ("vor 800 Jahren", "2024-10-23", "de", [("vor 800 Jahren", "1224")]),
        ("in 7975 Jahren", "2024-10-23", "de", [("in 7975 Jahren", "9999")]),
        ("in 7976 Jahren", "2024-10-23", "de", [("in 7976 Jahren", None)]),
        ("vor 999.999.999 Wochen", "2024-10-23", "de", [("vor 999.999.999 Wochen", None)]),
        ("vor drei Monaten", "0001-02-10", "de", [("vor drei Monaten", None)]),
        ("vor einem Monat", "0001-02-10", "de", [("vor einem Monat", "0001-01")]),
        ("gestern", "0001-01-01", "de", [("gestern", None)]),
        ("morgen", "9999-12-31", "de", [("morgen", None)]),
        ("letzte Woche", "0001-01-03", "de", [("letzte Woche", None)]),
        ("nächste Woche", "9999-12-27", "de", [("nächste Woche", None)]),
        ("im Vorjahr", "0001-06-01", "de", [("im Vorjahr", None)]),
        ("am vergangenen Montag", "0001-01-01", "de", [("am vergangenen Montag", None)]),
        ("am kommenden Montag", "9999-12-31", "de", [("am kommenden Montag", None)]),
        ("am Wochenende", "0001-01-01", "de", [("am Wochenende", None)]),
        ("this weekend", "9999-12-31", "en", [("this weekend", None)]),
        ("two decades ago", "0011-05-01", "en", [("two decades ago", None)]),
        ("800,000 days ago", "2024-10-23", "en", [("800,000 days ago", None)]),
        ("next month", "9999-12-01", "en", [("next month", None)]),
        ("im nächsten Winter", "9999-12-31", "de", [("im nächsten Winter", None)]),
        ("im vergangenen Sommer", "0001-07-01", "de", [("im vergangenen Sommer", None)]),
    ],
)
def test_a_date_outside_years_1_to_9999_is_empty(text: str, ref: str, lang: str, expected: list[Any]) -> None:
    assert values(text, ref, lang) == expected


def test_years_the_text_states_outside_the_calendar_are_no_value() -> None:
    assert values("im ersten Halbjahr 0000 und in den 0000er-Jahren", "2024", "de") == [
        ("im ersten Halbjahr 0000", None),
        ("0000er-Jahren", None),
    ]
    # Year 0 makes no day of "29. Februar 0000": the day is left a number, the month empty.
    assert values("am 29. Februar 0000 oder 2023", None, "de") == [
        ("29", 29),
        ("Februar 0000", None),
        ("2023", "2023"),
    ]
    assert values("the 19990s", None, "en") == []


def test_a_month_without_its_year_at_the_ends_of_the_calendar() -> None:
    # A later month in a past-tense clause is last year's, which year 1 does not have.
    assert values("Im Dezember hatte er gewarnt.", "0001-03-01", "de") == [("Im Dezember", None)]
    assert values("Im Januar wird er kommen.", "9999-03-01", "de") == [("Im Januar", None)]


def test_a_time_word_of_the_other_language_names_its_unit() -> None:
    found = [(m.text, m.kind, m.unit, m.qualifier) for m in extract("He has waited seit Jahren.", "en")]
    assert found == [("seit Jahren", "duration", "year", "vague")]


def test_the_tense_of_a_clause_is_read_within_300_characters() -> None:
    # Text without sentence ends must not make each weekday read the rest of the text: a
    # future verb 300 characters on no longer speaks for "Am Montag".
    near, far = "Am Montag " + "x " * 100 + "wird er kommen.", "Am Montag " + "x " * 200 + "wird er kommen."
    assert values(near, "2024-10-23") == [("Am Montag", "2024-10-28")]
    assert values(far, "2024-10-23") == [("Am Montag", "2024-10-21")]


# --- implausible numbers -----------------------------------------------------------------


def test_a_number_with_more_digits_than_an_amount_is_not_one() -> None:
    longest = "9" * MAX_DIGITS
    assert values(f"{longest} Soldaten", None) == [(longest, int(longest))]
    assert values(f"{longest}9 Soldaten", None) == []
    assert values("1" * 400 + ",5 Milliarden", None) == [("Milliarden", None)]
    assert values("vor " + "1" * 400 + ",5 Jahren", "2024", "de") == []
    assert values("1" * 400 + ".5 percent", None, "en") == []


def test_space_grouped_digits_are_one_number_only_as_a_whole_run() -> None:
    assert values("1 328 000 Soldaten", None) == [("1 328 000", 1_328_000)]
    assert values("999 999 999 999 999 Soldaten", None) == [("999 999 999 999 999", 999_999_999_999_999)]
    # Longer runs are no grouped number: nothing reads as a value above the five groups.
    six = values("1 000 000 000 000 000 Soldaten", None)
    assert all(isinstance(v, int) and v < 1000 for _, v in six)


# --- properties over hostile text --------------------------------------------------------

_PIECES = [
    *"0123456789", *"0123456789", " ", " ", " ", ".", ".", ",", ",", "-", "–", "\n", "\u00a0", "'",
    "%", "€", "$", "Uhr", ":", "vor ", "in ", "im ", "am ", "seit ", "bis ", "und ", "oder ",
    "Jahren", "Tagen", "Wochen", "Monaten", "Jahrzehnten", "Jahrhunderten", "Jahre", "days", "weeks",
    "years", "decades", "ago", "Januar", "Februar", "Dezember", "März", "May", "December", "Montag",
    "Sonntag", "Samstag", "Friday", "Sunday", "nächsten", "letzten", "vergangenen", "kommenden",
    "next", "last", "Woche", "Monat", "Jahr", "week", "month", "year", "gestern", "morgen",
    "Vorjahr", "Wochenende", "weekend", "Sommer", "Winter", "Halbjahr", "ersten", "zweiten",
    "Quartal", "er", "s", "0er", "0s", "the ", "Millionen", "Milliarden", "million", "Prozent",
    "drei", "zwanzig", "tausend", "hundert", "three", "Platz ", "Komma ", "null ", "fünf ",
    "rund ", "über ", "zwischen ", "between ", "from ", "to ", "Soldaten", "troops", "-fach",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
REFS = st.one_of(
    st.none(),
    st.dates(min_value=FIRST, max_value=LAST),
    st.sampled_from([FIRST, LAST, dt.date(1, 12, 31), dt.date(9999, 1, 1), dt.date(2024, 10, 23)]),
    st.tuples(st.dates(min_value=FIRST, max_value=LAST), st.integers(0, 400)).map(
        lambda p: (p[0], min(LAST, p[0] + dt.timedelta(days=min(p[1], (LAST - p[0]).days))))
    ),
)


def _check(text: str, lang: str, ref: Any) -> None:
    for m in extract(text, lang, ref):
        assert text[m.start : m.end] == m.text
        if m.kind == "date":
            assert valid_date_value(m.value), (text, ref, m)
        else:
            assert m.value is None or isinstance(m.value, int | float | list), (text, m)


@settings(deadline=None, max_examples=400)
@given(TEXTS, st.sampled_from(["de", "en"]), REFS)
def test_any_text_and_reference_gives_slices_and_valid_dates(text: str, lang: str, ref: Any) -> None:
    _check(text, lang, ref)


@settings(deadline=None, max_examples=150)
@given(st.text(max_size=60), st.sampled_from(["de", "en"]), REFS)
def test_any_unicode_text_gives_slices_and_valid_dates(text: str, lang: str, ref: Any) -> None:
    _check(text, lang, ref)


@settings(deadline=None, max_examples=200)
@given(st.integers(min_value=-(10**30), max_value=10**30), REFS)
def test_any_offset_in_any_unit_against_any_reference(amount: int, ref: Any) -> None:
    units = ["Tagen", "Wochen", "Monaten", "Jahren", "Jahrzehnten"]
    text = " ".join(f"vor {abs(amount)} {u}, in {abs(amount)} {u}" for u in units)
    _check(text, "de", ref)
    _check(text.replace("vor", "seit"), "de", ref)


def test_the_validator_refuses_what_is_no_date() -> None:
    good = ["2024", "0001-01-01", "9999-12-31", "XXXX-02-29", "2024-W53", "1970s", "T23:59",
            "2024-SU", "XXXX-H1", "2024-06-19T14:27", ["2023", "2024"], None]  # fmt: skip
    bad = ["22024", "0000", "10000-01", "2023-02-29", "2024-13", "0000s", "2024-W54", "T24:00",
           "-0001", "2024-1-1", ["2024"], 2024]  # fmt: skip
    assert all(valid_date_value(v) for v in good)
    assert not any(valid_date_value(v) for v in bad)


# --- the command line reads standard input as it reads a file -------------------------------

BAD_BYTES = b"am 3. Mai\r\n\xff\xfe Soldaten"


def _cli(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "datapkg.cli", "extract", *args], input=stdin, capture_output=True, check=False
    )


def test_non_utf8_is_refused_alike_from_a_file_and_from_standard_input(tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_bytes(BAD_BYTES)
    hint = "save it as UTF-8 (a byte like this is often Latin-1 or Windows-1252 text)"
    from_file, from_stdin = _cli([str(source)]), _cli(["-"], BAD_BYTES)
    assert (from_file.returncode, from_file.stdout) == (1, b"")
    assert from_file.stderr.decode() == f"error: {source}: not UTF-8 (byte 0xff at 11); {hint}\n"
    assert (from_stdin.returncode, from_stdin.stdout) == (1, b"")
    assert from_stdin.stderr.decode() == f"error: standard input: not UTF-8 (byte 0xff at 11); {hint}\n"


@pytest.mark.parametrize("bad", [b"\xc3", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\xc0\xaf"])
def test_truncated_overlong_and_surrogate_utf8_are_refused_with_their_offset(bad: bytes) -> None:
    result = _cli(["-"], b"1.000 Soldaten " + bad)
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode().startswith(f"error: standard input: not UTF-8 (byte 0x{bad[0]:02x} at 15);")


def test_standard_input_keeps_carriage_returns_so_offsets_match_the_bytes() -> None:
    result = _cli(["--lang", "de", "-"], b"eins\r\nam 3. Mai 2024\r\n")
    assert result.returncode == 0
    assert result.stdout.decode().splitlines()[-1] == (
        '{"start": 9, "end": 20, "text": "3. Mai 2024", "kind": "date", "value": "2024-05-03", '
        '"unit": null, "qualifier": null}'
    )


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31", "0001", "9999", "0001-01-01/9999-12-31"])
def test_the_ends_of_the_calendar_as_reference_are_no_crash(tmp_path: Path, date: str) -> None:
    source = tmp_path / "article.txt"
    source.write_text(
        "Vor 8.000.000 Tagen, gestern, morgen, in 20.000 Jahren, nächste Woche.", encoding="utf-8"
    )
    result = _cli(["--lang", "de", "--date", date, str(source)])
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert b'"text": "Vor 8.000.000 Tagen", "kind": "date", "value": null' in result.stdout


@pytest.mark.parametrize("reference", ["９９９９", "٢٠٢٤-10", "2024-１0-01", "२०२४"])
def test_a_reference_in_digits_of_another_script_is_refused(reference: str) -> None:
    from datapkg.extract import ReferenceFormError, parse_reference

    with pytest.raises(ReferenceFormError, match="expected YYYY-MM-DD, YYYY-MM or YYYY"):
        parse_reference(reference)
