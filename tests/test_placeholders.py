"""A confirmed record never builds with placeholder text in its English fields, and an English
source's ``quote_en`` repeats its quote (:mod:`datapkg.compiler.inputs.placeholders`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from datapkg.compiler.inputs.placeholders import (
    ENGLISH_QUOTE,
    PLACEHOLDERS,
    Expected,
    quote_en_problem,
    record_text_problems,
    text_problem,
)
from datapkg.compiler.layout import Layout
from datapkg.compiler.pipeline import compile_package
from datapkg.compiler.problems import InputError, Origin

from .conftest import run_datapkg

R000 = "build/records/000_7e917bff9e613273.yaml"
R001 = "build/records/001_f05a9056add4a36d.yaml"
ACTORS = "build/records/actors.yaml"
TYPES = "build/records/action_types.yaml"
EVENTS = "build/records/events.yaml"
TEXT_FIELDS = {"quote_en", "description_en", "note", "derivation", "definition", "label", "reason"}

# Each English text field, with what its messages say is expected.
FIELDS = {
    ("troop_figures", "note"): "a note in English for readers, or no note (at least 3 words)",
    ("actors", "note"): "a note in English for readers, or no note (at least 3 words)",
    ("action_types", "note"): "a note in English for readers, or no note (at least 3 words)",
    ("events", "note"): "a note in English for readers, or no note (at least 3 words)",
    (
        "diplomatic_actions",
        "description_en",
    ): "one English sentence: who does what to whom (at least 3 words)",
    ("military_rankings", "derivation"): "how the figure was computed, in English (at least 3 words)",
    ("action_types", "definition"): "a definition of the action in English (at least 3 words)",
    ("events", "label"): "a few English words naming the event (at least 2 words)",
}

# Each class of text that is no text, and the start of its message.
CLASSES = [
    ("", "the text is empty"),
    (" \n\t ", "the text is empty"),
    ("—", "'—' is a placeholder"),
    ("...", "'...' is a placeholder"),
    ("?", "'?' is a placeholder"),
    ("TODO", "'TODO' is a placeholder"),
    ("  tbd ", "'tbd' is a placeholder"),
    ("[FIXME]", "'[FIXME]' is a placeholder"),
    ("N/A.", "'N/A.' is a placeholder"),
    ("Same as above", "'Same as above' is a placeholder"),
    ("Translate the quote", "'Translate the quote' holds the placeholder 'Translate'"),
    ("Lorem ipsum dolor sit amet", "'Lorem ipsum dolor sit amet' holds the placeholder 'Lorem ipsum'"),
    ("x: check the figure later", "'x: check the figure later' holds the placeholder 'x'"),
    ("See above - the same unit", "'See above - the same unit' holds the placeholder 'See above'"),
    ("The figure, TODO: check it", "'The figure, TODO: check it' holds the placeholder 'TODO'"),
    ("Checked against fixme sources", "'Checked against fixme sources' holds the placeholder 'fixme'"),
    ("2024", "'2024' has no word with a letter"),
    ("Kursk", "'Kursk' is too short (1 word)"),
]


@pytest.mark.parametrize(("text", "start"), CLASSES, ids=[c[1] for c in CLASSES])
@pytest.mark.parametrize("field", sorted(FIELDS), ids="{0[0]}.{0[1]}".format)
def test_each_field_refuses_each_class(field: tuple[str, str], text: str, start: str) -> None:
    table, name = field
    origin = Origin("build/records/f.yaml", 3, ((name, 7),))
    (problem,) = record_text_problems(table, {"id": "r", name: text}, (origin, "r"), "de")
    assert (
        str(problem)
        == f"build/records/f.yaml:7: record 'r': field '{name}': {start}; expected {FIELDS[field]}"
    )


@pytest.mark.parametrize(
    ("table", "name", "text"),
    [
        ("events", "label", "Kursk incursion"),  # a label names a thing: two words
        (
            "events",
            "note",
            "X-ray images show it",
        ),  # a marker word starts English when no colon or dash follows
        ("events", "note", "XXX Corps moved north"),
        ("events", "note", "Translated, it reads the same"),
        ("events", "note", "Todos los soldados llegan"),
        ("events", "note", "Korea's troops left"),
    ],
)
def test_text_that_only_looks_like_a_placeholder_is_accepted(table: str, name: str, text: str) -> None:
    assert record_text_problems(table, {name: text}, (Origin("f.yaml", 1), None), "de") == []


def test_a_field_with_its_own_problem_and_fields_that_are_no_english_text_are_left_alone() -> None:
    row = {"note": "TODO", "quote": "x", "label": "TODO", "definition": 3, "name_en": "x", "role": "?"}
    assert record_text_problems("actors", row, (Origin("f.yaml", 1), None), "de", {"note"}) == []


TRANSLATION = "an English translation of the quote"


@pytest.mark.parametrize(
    ("quote_en", "quote", "expected"),
    [
        ("TODO", "Nordkorea schickt Truppen", f"'TODO' is a placeholder; expected {TRANSLATION} (at least 3 words)"),
        ("North Korea", "Nordkorea schickt Truppen", f"'North Korea' is too short (2 words); expected {TRANSLATION} (at least 3 words)"),
        ("Pyongyang", "Pjöngjang", None),  # a quote of a word or two has a translation as short
        ("x", "Pjöngjang", f"'x' is a placeholder; expected {TRANSLATION} (at least one word)"),
        ("36", "Platz 36", f"'36' has no word with a letter; expected {TRANSLATION} (at least one word)"),
        ("North Korea sends troops", "Nordkorea schickt Truppen", None),
    ],
)  # fmt: skip
def test_a_translation_is_as_long_as_its_quote_needs(quote_en: str, quote: str, expected: str | None) -> None:
    assert quote_en_problem(quote_en, quote, "de") == expected


def test_an_english_quote_is_its_own_translation() -> None:
    assert quote_en_problem("Troops left.", "Troops left.", "en") is None
    assert quote_en_problem("Troops left", "Troops left.", "en") == (
        "'Troops left' is not the quote 'Troops left.' (from character 11, '' where the quote has '.'); "
        "for an English source quote_en repeats the quote exactly"
    )


def _replace_line(layout: Layout, relative: str, prefix: str, new: str) -> None:
    """The one line starting with ``prefix`` (which may go on over the next lines), and the lines
    of the block it opens, replaced."""
    path = layout.root / relative
    lines = path.read_text(encoding="utf-8").split("\n")
    span = prefix.count("\n") + 1
    (i,) = [n for n in range(len(lines)) if "\n".join(lines[n : n + span]).startswith(prefix)]
    end = i + 1
    while end < len(lines) and lines[end].startswith(" " * (len(prefix) - len(prefix.lstrip()) + 1)):
        end += 1
    path.write_text("\n".join([*lines[:i], new, *lines[end:]]), encoding="utf-8")


def _line_of(layout: Layout, relative: str, needle: str) -> int:
    lines = (layout.root / relative).read_text(encoding="utf-8").splitlines()
    (line,) = [i for i, text in enumerate(lines, 1) if needle in text]
    return line


NOTE = "a note in English for readers, or no note (at least 3 words)"

# (file, the line's start, its new text, the rest of the problem's message): all in one build.
INJECTED = [
    (R000, "    quote_en: The fragments that consequently fly", "    quote_en: TODO",
     "record 'rus-casualties-from-faulty-shells': field 'quote_en': 'TODO' is a placeholder; "
     f"expected {TRANSLATION} (at least 3 words)"),
    (R000, "    quote_en: That Kim Jong Un would send", "    quote_en: Translate the quote",
     "record 'prk-large-deployment-ruled-out': field 'quote_en': 'Translate the quote' holds the placeholder "
     f"'Translate'; expected {TRANSLATION} (at least 3 words)"),
    (R000, "    derivation: \"36 − 17 = 19:", "    derivation: \"...\"",
     "record 'gfp-2024-deu-military-strength-derived': field 'derivation': '...' is a placeholder; "
     "expected how the figure was computed, in English (at least 3 words)"),
    (R000, "    note: No quantity or period;", "    note: TBD",
     f"record 'prk-rus-deliveries-reported': field 'note': 'TBD' is a placeholder; expected {NOTE}"),
    (R000, "    description_en: Vladimir Putin makes a state visit", "    description_en: x",
     "record 'putin-visits-pyongyang-2024-06': field 'description_en': 'x' is a placeholder; "
     "expected one English sentence: who does what to whom (at least 3 words)"),
    (R000, "    note: Press briefing of 25 June 2024", "    note: Press briefing FIXME",
     "record 'ryder-cannon-fodder-2024-06-25': field 'note': 'Press briefing FIXME' holds the placeholder "
     f"'FIXME'; expected {NOTE}"),
    (R000, "    reason: >-\n      \"Während sich der Westen", "    reason: background",
     "field 'reason': ignored mention 'seit geraumer Zeit': 'background' is too short (1 word); "
     "expected why the mention needs no record, in English (at least 3 words)"),
    (R001, "    quote_en: Among them there are certainly a few", "    quote_en: ''",
     "record 'prk-ballistic-missile-experts': field 'quote_en': the text is empty; "
     f"expected {TRANSLATION} (at least 3 words)"),
    (R001, "    note: Vague quantity (\"mehreren Hunderttausend\");", "    note: \"2024\"",
     "record 'rus-troops-in-ukraine-several-hundred-thousand': field 'note': '2024' has no word with a "
     f"letter; expected {NOTE}"),
    (ACTORS, "    note: The sources also say \"Seoul\"", "    note: see above",
     f"record 'kor': field 'note': 'see above' is a placeholder; expected {NOTE}"),
    (TYPES, "    label: Make a statement", "    label: Make a statement\n    note: n/a",
     f"record 'make-statement': field 'note': 'n/a' is a placeholder; expected {NOTE}"),
    (TYPES, "    definition: A public statement or report that neither", "    definition: To state.",
     "record 'make-statement': field 'definition': 'To state.' is too short (2 words); "
     "expected a definition of the action in English (at least 3 words)"),
    (EVENTS, "    label: A large North Korean deployment to Ukraine", "    label: Deployment",
     "record 'prk-large-deployment-to-ukraine': field 'label': 'Deployment' is too short (1 word); "
     "expected a few English words naming the event (at least 2 words)"),
    (EVENTS, "    note: Ruled out by the outlet in June 2024", "    note: Same as above.",
     f"record 'prk-large-deployment-to-ukraine': field 'note': 'Same as above.' is a placeholder; expected {NOTE}"),
]  # fmt: skip


def _text_problems(layout: Layout) -> list[str]:
    """The problems of a failed build in English text fields: what this rule reports (problems
    of other kinds, from work under way elsewhere in the inputs, are not this test's)."""
    with pytest.raises(InputError) as caught:
        compile_package(layout)
    return [str(p) for p in caught.value.problems if p.field in TEXT_FIELDS]


def test_every_placeholder_in_every_file_is_reported_in_one_run(project_copy: Layout) -> None:
    for relative, prefix, new, _ in INJECTED:
        _replace_line(project_copy, relative, prefix, new)
    expected = sorted(
        (relative, _line_of(project_copy, relative, new.split("\n")[-1]), message)
        for relative, _, new, message in INJECTED
    )
    assert _text_problems(project_copy) == [f"{file}:{line}: {message}" for file, line, message in expected]


def test_a_record_with_a_good_translation_builds(project_copy: Layout) -> None:
    new = "Shells are said to go off early in the barrels; some date from the 1970s"
    _replace_line(
        project_copy, R000, "    quote_en: Artillery shells are said to explode", f"    quote_en: {new}"
    )
    _replace_line(
        project_copy, EVENTS, "    label: A large North Korean deployment", "    label: Ruled-out deployment"
    )
    compiled = compile_package(project_copy)
    transfers = {r["id"]: r["quote_en"] for r in compiled.tables["arms_transfers"].to_pylist()}
    events = {r["id"]: r["label"] for r in compiled.tables["events"].to_pylist()}
    assert transfers["prk-rus-shells-premature-detonation"] == new
    assert events["prk-large-deployment-to-ukraine"] == "Ruled-out deployment"


# An article written for this test (not one of tests/extra_source*, which the growth test adds).
ENGLISH = (
    "Seoul reports more North Korean troops in Russia\n\n"
    "Seoul's intelligence service said on Wednesday that North Korean soldiers were now fighting "
    "beside Russian units. A spokesman called the deployment a grave threat to the region.\n"
)
ENGLISH_RECORDS = """source_id: {source_id}

diplomatic_actions:
  - id: kor-nis-reports-prk-troops-in-russia
    event_id: prk-troop-deployment-to-russia-2024-10
    actor: kor
    target: prk
    action_type: make-statement
    description_en: South Korea's intelligence service reports North Korean soldiers fighting in Russia.
    date: 2024-11-20
    date_basis: resolved
    quote: North Korean soldiers were now fighting beside Russian units
    quote_en: North Korean soldiers are now fighting beside Russian units
    claim_status: reported

  - id: kor-calls-deployment-a-threat
    event_id: prk-troop-deployment-to-russia-2024-10
    actor: kor
    target: prk
    action_type: criticize
    description_en: A South Korean spokesman calls the deployment a grave threat.
    date: 2024-11-20
    date_basis: publication
    quote: A spokesman called the deployment a grave threat to the region.
    quote_en: TODO
    claim_status: stated
"""


def test_an_english_sources_quote_en_repeats_the_quote(project_copy: Layout, tmp_path: Path) -> None:
    article = tmp_path / "english.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    args = ["add-source", str(article), "--lang", "en", "--published", "2024-11-21", "--root"]
    added = run_datapkg(*args, str(project_copy.root), cwd=project_copy.root)
    source_id = re.search(r"^source (\S+):", added.stdout, re.M)
    assert added.returncode == 0 and source_id is not None, added.stderr
    relative = f"build/records/{source_id[1]}.yaml"
    (project_copy.root / relative).write_text(ENGLISH_RECORDS.format(source_id=source_id[1]), "utf-8")
    first = _line_of(project_copy, relative, "quote_en: North Korean soldiers are")
    second = _line_of(project_copy, relative, "quote_en: TODO")
    assert _text_problems(project_copy) == [
        f"{relative}:{first}: record 'kor-nis-reports-prk-troops-in-russia': field 'quote_en': 'North Korean "
        "soldiers are now fighting beside Russian units' is not the quote 'North Korean soldiers were now "
        "fighting beside Russian units' (from character 22, 'are now fighting bes' where the quote has "
        f"'were now fighting be'); {ENGLISH_QUOTE}",
        f"{relative}:{second}: record 'kor-calls-deployment-a-threat': field 'quote_en': 'TODO' is not the "
        "quote 'A spokesman called the deployment a grave threat to the reg…' (from character 0, 'TODO' "
        f"where the quote has 'A spokesman called t'); {ENGLISH_QUOTE}",
    ]


WORD = st.text(
    st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"), min_size=2, max_size=9
)
PLACEHOLDER_WORDS = {word.casefold() for p in PLACEHOLDERS for word in p.split()} | {"todo", "fixme", "tbd"}


@given(
    words=st.lists(WORD.filter(lambda w: w.casefold() not in PLACEHOLDER_WORDS), min_size=3, max_size=12),
    gaps=st.lists(st.sampled_from([" ", "  ", ", ", "; ", "\n", " - "]), min_size=12, max_size=12),
    least=st.integers(1, 3),
)
def test_any_text_of_enough_words_without_a_placeholder_is_accepted(
    words: list[str], gaps: list[str], least: int
) -> None:
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False)).strip() + "."
    assert text_problem(text, Expected("a note", least)) is None


@given(
    placeholder=st.sampled_from(PLACEHOLDERS),
    upper=st.lists(st.booleans(), min_size=20, max_size=20),
    before=st.sampled_from(["", " ", "\n  ", "\t"]),
    after=st.sampled_from(["", " ", "\n", " \t "]),
    inner=st.sampled_from([" ", "  ", "\n", "\t "]),
    least=st.integers(1, 3),
)
def test_any_placeholder_in_any_case_and_spacing_is_refused(
    placeholder: str, upper: list[bool], before: str, after: str, inner: str, least: int
) -> None:
    cased = "".join(c.upper() if up else c.lower() for c, up in zip(placeholder, upper, strict=False))
    text = before + inner.join(cased.split(" ")) + after
    message = text_problem(text, Expected("a note", least))
    assert message is not None and " is a placeholder; expected a note (at least " in message


@given(quote=st.text(min_size=1, max_size=80), other=st.text(max_size=80))
def test_an_english_quote_en_is_accepted_exactly_when_it_is_the_quote(quote: str, other: str) -> None:
    assert quote_en_problem(quote, quote, "en") is None
    if other != quote:
        message = quote_en_problem(other, quote, "en")
        assert message is not None and message.endswith(f"; {ENGLISH_QUOTE}")
