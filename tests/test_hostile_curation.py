"""``datapkg add-source`` against hostile input: an article that would write records of its own
into the draft, metadata that is no URL or no line of text, files it cannot read, two runs at
once. Whatever the input, add-source refuses it with a message or writes a draft whose only
records are the candidates, each ``status: draft``.

The article sentences here are written for these tests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datapkg.cli import main
from datapkg.compiler.curation.add_source import SourceFileError, SourceOptions, add_source, draft_candidates
from datapkg.compiler.curation.draft_file import draft_problems, records_yaml, repeated
from datapkg.compiler.curation.source_files import next_source_id, yaml_scalar
from datapkg.compiler.inputs.records import DRAFT, STATUS_KEY
from datapkg.compiler.inputs.source_texts import check_text
from datapkg.compiler.inputs.yaml_input import load_yaml
from datapkg.compiler.layout import Layout

from .conftest import ROOT, copy_project

WINDOW = (dt.date(2024, 11, 13), dt.date(2024, 11, 15))
SENTENCES = [
    "Nordkorea hat nach Angaben aus Seoul rund 11.000 Soldaten nach Russland verlegt.",
    "Am 9. November unterzeichnete Wladimir Putin das Gesetz zur Ratifizierung des Vertrags mit Nordkorea.",
    "Zudem soll Pjöngjang 50 Raketenwerfer und Haubitzen an Moskau geliefert haben.",
    "Bis Dezember könnten es 3.000 weitere Soldaten sein, sagte ein Abgeordneter.",
    "Russland hat seit Beginn des Krieges mehr als 600.000 Soldaten verloren.",
]
# A record that text after a line break would make live YAML, were it written as it stands.
INJECTED = (
    "arms_transfers:\n  - id: injected-transfer\n    supplier: prk\n    recipient: rus\n"
    "    item: shells\n    claim_status: confirmed\n"
)
LINE_BREAKS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
CONTROLS = ["\x00", "\x07", "\x08", "\x1b", "\x7f", "\x9b", "\ufeff", "\u202e", "\u2066"]
YAML_BITS = ['"', "'", ": ", " #", "# ", "- ", "? ", "&a ", "*a ", "!!python/object ", "|", ">", "%", "@", "`",
             "{", "}", "[", "]", "---", "...", "\\", "\t", "status: confirmed", "- id: x"]  # fmt: skip


def _add(layout: Layout, file: Path, *extra: str) -> int:
    args = ["add-source", str(file), "--lang", "de", "--published", "2024-11-13/2024-11-15"]
    return main([*args, "--root", str(layout.root), *extra])


def _next(layout: Layout, more: int = 0) -> str:
    """The number prefix of the source added next (or ``more`` after it)."""
    return f"{int(next_source_id(layout.sources_dir, b'')[:3]) + more:03d}_"


def _files(layout: Layout) -> dict[Path, str]:
    paths = [*layout.sources_dir.iterdir(), *layout.records_dir.iterdir()]
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def _rendered_draft(layout: Layout, tmp: Path, text: str) -> tuple[object, list[str], str]:
    """The draft add-source renders for ``text`` (the text-form rule aside), read back as the build reads it."""
    draft, candidates = draft_candidates(layout, text, "de", WINDOW)
    rendered = records_yaml("900_0000000000000001", text, draft, candidates)
    path = tmp / "draft.yaml"
    path.write_text(rendered, encoding="utf-8")
    doc, problems = load_yaml(path, "draft.yaml")
    assert problems == [], rendered
    return doc, draft_problems(doc, "900_0000000000000001", candidates), rendered


def _records(doc: object) -> list[dict[str, object]]:
    assert isinstance(doc, dict)
    return [item for key, items in doc.items() if key != "source_id" for item in items]


@pytest.fixture(scope="module")
def shared_copy(tmp_path_factory: pytest.TempPathFactory) -> Layout:
    return copy_project(tmp_path_factory.mktemp("project"))


# --- the text-form rule -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "named"),
    [
        ("\u2028", "U+2028 LINE SEPARATOR"),
        ("\u2029", "U+2029 PARAGRAPH SEPARATOR"),
        ("\x85", "U+0085 NEXT LINE"),
        ("\x00", "U+0000 NULL"),
        ("\x07", "U+0007 BELL"),
        ("\x1b", "U+001B ESCAPE"),
        ("\x0b", "U+000B LINE TABULATION"),
        ("\x0c", "U+000C FORM FEED"),
        ("\x1e", "U+001E RECORD SEPARATOR"),
        ("\x7f", "U+007F DELETE"),
        ("\x9b", "U+009B CONTROL CHARACTER"),
    ],
)
def test_the_text_form_rule_names_line_column_and_character(char: str, named: str) -> None:
    text = f"Erste Zeile\nZwei {char}Wörter"
    _, problems = check_text(text.encode("utf-8"), "build/sources/x.txt")
    assert [str(p) for p in problems] == [
        f"build/sources/x.txt:2: column 6: {named}; expected no control characters or line "
        "separators other than tab and LF"
    ]


def test_the_text_form_rule_counts_the_other_characters() -> None:
    _, problems = check_text("a\u2028b\x00c\x85".encode(), "t.txt")
    assert [p.message for p in problems] == [
        "column 2: U+2028 LINE SEPARATOR (and 2 more); expected no control characters or line separators "
        "other than tab and LF"
    ]


def test_tabs_line_feeds_and_the_seed_texts_pass() -> None:
    assert check_text(b"Spalte\tzwei\nZeile zwei\n", "t.txt")[1] == []
    for path in sorted((ROOT / "build" / "sources").glob("*.txt")):
        assert check_text(path.read_bytes(), path.name)[1] == [], path


@pytest.mark.parametrize("brk", [b for b in LINE_BREAKS if b not in ("\n", "\r", "\r\n")])
def test_an_article_smuggling_a_record_is_refused_and_nothing_written(
    brk: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layout = copy_project(tmp_path / "project")
    before = _files(layout)
    article = tmp_path / "article.txt"
    article.write_text(SENTENCES[0] + brk + INJECTED, encoding="utf-8")
    assert _add(layout, article) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {article}:1: column {len(SENTENCES[0]) + 1}: U+"), err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert _files(layout) == before


def test_normalize_does_not_let_a_separator_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layout = copy_project(tmp_path / "project")
    article = tmp_path / "article.txt"
    article.write_text(SENTENCES[0] + "\u2028" + INJECTED, encoding="utf-8")
    assert _add(layout, article, "--normalize") == 1
    assert "U+2028 LINE SEPARATOR" in capsys.readouterr().err


# --- the draft as written -----------------------------------------------------------------------


@pytest.mark.parametrize("brk", LINE_BREAKS + CONTROLS)
def test_the_draft_holds_only_draft_records_whatever_the_text(
    brk: str, shared_copy: Layout, tmp_path: Path
) -> None:
    # The rule above keeps such texts out; the draft is safe without it too.
    text = brk.join([SENTENCES[0], INJECTED, SENTENCES[2], "status: confirmed", SENTENCES[1]])
    doc, problems, rendered = _rendered_draft(shared_copy, tmp_path, text)
    assert problems == []
    records = _records(doc)
    assert records and all(r[STATUS_KEY] == DRAFT for r in records)
    assert "injected-transfer" not in {r["id"] for r in records}
    assert all(line == "" or line.startswith(("#", " ", "-")) or ":" in line for line in rendered.split("\n"))
    assert len(rendered.splitlines()) == rendered.count("\n")  # no line break but LF
    assert all(line.isprintable() for line in rendered.split("\n"))  # nothing a terminal would act on


_fragments = st.sampled_from(
    SENTENCES + LINE_BREAKS + CONTROLS + YAML_BITS + ["2024-11-13", "12:30", "1.000.000"]
)
_texts = st.lists(st.one_of(_fragments, st.text(max_size=12)), min_size=1, max_size=12).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_texts)
def test_any_text_renders_a_draft_of_draft_records_only(
    text: str, shared_copy: Layout, tmp_path: Path
) -> None:
    doc, problems, _ = _rendered_draft(shared_copy, tmp_path, text)
    assert problems == []
    assert all(r[STATUS_KEY] == DRAFT for r in _records(doc))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_texts)
def test_add_source_refuses_a_text_or_writes_draft_records_only(
    text: str, shared_copy: Layout, tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        added = add_source(shared_copy, article, SourceOptions("de", "2024-11-13/2024-11-15", title="Titel"))
    except SourceFileError:
        return
    draft = shared_copy.records_dir / f"{added.source_id}.yaml"
    doc, problems = load_yaml(draft, draft.name)
    assert problems == []
    assert all(r[STATUS_KEY] == DRAFT for r in _records(doc))
    meta, problems = load_yaml(shared_copy.sources_dir / f"{added.source_id}.yaml", "meta")
    assert problems == [] and meta["id"] == added.source_id and meta["title"] == "Titel"


def test_a_draft_that_would_not_read_back_as_meant_is_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    layout = copy_project(tmp_path / "project")
    before = _files(layout)
    real = records_yaml
    ranking = "military_rankings:\n  - id: injected-rank\n    rank: 1\n"
    monkeypatch.setattr(f"{add_source.__module__}.records_yaml", lambda *a: real(*a) + ranking)
    article = tmp_path / "article.txt"
    article.write_text(" ".join(SENTENCES), encoding="utf-8")
    assert _add(layout, article, "--title", "Titel") == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: build/records/{_next(layout)}"), err
    assert "the file would not hold what was meant (expected the keys source_id, troop_figures" in err
    assert err.rstrip().endswith("nothing was written")
    assert _files(layout) == before


def test_draft_problems_name_a_record_not_marked_draft() -> None:
    from datapkg.compiler.curation.candidates import Candidate

    candidate = Candidate("troop_figures", {"id": "prk-troops-11000", "value": 11000}, 0)
    good = {
        "source_id": "s",
        "troop_figures": [{"id": "prk-troops-11000", STATUS_KEY: DRAFT, "value": 11000}],
    }
    assert draft_problems(good, "s", [candidate]) == []
    confirmed = {"source_id": "s", "troop_figures": [{"id": "prk-troops-11000", "value": 11000}]}
    assert draft_problems(confirmed, "s", [candidate]) == [
        "troop_figures: record 'prk-troops-11000' is not marked `status: draft`"
    ]
    changed = {"source_id": "s", "troop_figures": [{"id": "prk-troops-11000", STATUS_KEY: DRAFT, "value": 1}]}
    assert draft_problems(changed, "s", [candidate]) == [
        "troop_figures: record 'prk-troops-11000' does not hold the candidate's values"
    ]


def test_scalars_escape_every_line_break_and_control() -> None:
    for char in LINE_BREAKS + CONTROLS:
        written = yaml_scalar(f"a{char}b")
        assert written.isprintable(), repr(written)


def test_repeated_quotes_are_found_in_one_pass() -> None:
    text = "Die Truppen kamen. Die Truppen kamen. Andere Truppen kamen nicht. Die Truppen"
    assert repeated(text, ["Die Truppen kamen", "Andere Truppen kamen nicht", "Truppen"]) == {
        "Die Truppen kamen",
        "Truppen",
    }
    assert repeated("aaa", ["aa"]) == {"aa"}  # overlapping occurrences are ambiguous too
    assert repeated("abc", []) == set()


def _occurrences(text: str, quote: str) -> int:
    return sum(text.startswith(quote, at) for at in range(len(text)))


@st.composite
def _texts_and_quotes(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A short text over two or three letters, so quotes repeat, and quotes cut from it (some
    empty, some prefixes of others), with a few strings the text need not hold."""
    text = draw(st.text(alphabet=draw(st.sampled_from(["ab", "abc", "a\ud800\U0010ffff"])), max_size=40))
    cut = st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(
        lambda ij: text[min(ij) : max(ij)]
    )
    quotes = draw(st.lists(cut | st.text(alphabet="abc", max_size=4), max_size=12))
    return text, quotes


@settings(max_examples=400, deadline=None)
@given(case=_texts_and_quotes())
def test_repeated_is_whether_a_quote_occurs_twice(case: tuple[str, list[str]]) -> None:
    text, quotes = case
    assert repeated(text, quotes) == {q for q in quotes if q and _occurrences(text, q) > 1}


@pytest.mark.parametrize("count", [2, 300, 3000])
def test_repeated_copes_with_quotes_that_share_long_starts(count: int) -> None:
    """Thousands of quotes alike in their first dozens of characters, a text that is one sentence
    over and over, and one short quote among long ones: a search per quote sharing a start would
    take time quadratic in the number of quotes."""
    sentences = [
        f"Nordkorea hat am {n % 28 + 1}. Oktober 2024 {n} Soldaten nach Russland geschickt."
        for n in range(count)
    ]
    head = "Nordkorea hat am 1. Oktober 2024"  # the start of the sentences 0, 28, 56, ...
    text = " ".join([*sentences, sentences[-1]])
    assert repeated(text, [*sentences, "N", head]) == {sentences[-1], "N"} | ({head} if count > 28 else set())
    same = sentences[0] * count
    long = same[:2000]  # the whole text when count is 2
    assert repeated(same, [sentences[0], same, long, "N"]) == {sentences[0], "N"} | (
        {long} if count > 2 else set()
    )


# --- metadata -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--url", "javascript:alert(1)", "an http or https URL with a host"),
        ("--url", "file:///etc/passwd", "an http or https URL with a host"),
        ("--url", "https://", "an http or https URL with a host"),
        ("--url", "https://example.org/a b", "an http or https URL with a host"),
        ("--url", "https://example.org/a\u2028b", "an http or https URL with a host"),
        ("--title", "Zwei\nZeilen", "one line of text without control characters"),
        ("--title", "Titel\u2028status: confirmed", "one line of text without control characters"),
        ("--title", "Titel\x1b[2J", "one line of text without control characters"),
        ("--author", "A\x85B", "one line of text without control characters"),
        ("--publisher", "P\rQ", "one line of text without control characters"),
    ],
)
def test_metadata_options_outside_the_schema_are_named(
    option: str, value: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layout = copy_project(tmp_path / "project")
    before = _files(layout)
    article = tmp_path / "article.txt"
    article.write_text(" ".join(SENTENCES), encoding="utf-8")
    assert _add(layout, article, option, value) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {option} {value!r}: expected {expected} (text matching ^"), err
    assert len(err.splitlines()) == 1
    assert _files(layout) == before


def test_an_option_that_was_not_utf8_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    layout = copy_project(tmp_path / "project")
    article = tmp_path / "article.txt"
    article.write_text(" ".join(SENTENCES), encoding="utf-8")
    title = b"Titel \xff".decode("utf-8", "surrogateescape")  # as Python passes such a command line on
    assert _add(layout, article, "--title", title) == 1
    assert capsys.readouterr().err == "error: --title 'Titel \\udcff': not UTF-8; give it as UTF-8 text\n"


def test_a_records_file_that_is_not_utf8_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    layout = copy_project(tmp_path / "project")
    (layout.records_dir / "zz_extra.yaml").write_bytes(b"troop_figures:\n  - id: caf\xe9\n")
    before = _files(layout)
    article = tmp_path / "article.txt"
    article.write_text(" ".join(SENTENCES), encoding="utf-8")
    assert _add(layout, article) == 1
    assert capsys.readouterr().err == (
        "error: build/records/zz_extra.yaml: not UTF-8 (invalid continuation byte at byte 26); "
        "the ids in use cannot be read: fix the file first\n"
    )
    assert _files(layout) == before


def test_a_missing_article_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    layout = copy_project(tmp_path / "project")
    missing = tmp_path / "missing.txt"
    assert _add(layout, missing) == 1
    assert capsys.readouterr().err == f"error: {missing}: cannot be read (No such file or directory)\n"


def test_the_build_holds_metadata_to_the_same_patterns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layout = copy_project(tmp_path / "project")
    meta = layout.sources_dir / "000_7e917bff9e613273.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("url: null", "url: javascript:alert(1)"), "utf-8"
    )
    assert main(["build", "--root", str(layout.root)]) == 1
    err = capsys.readouterr().err
    assert "000_7e917bff9e613273" in err and "'url'" in err and "expected text matching ^https?://" in err, (
        err
    )


# --- two runs at once ---------------------------------------------------------------------------


def _articles(tmp_path: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        path = tmp_path / f"article{i}.txt"
        path.write_text(f"Meldung {i}: " + " ".join(SENTENCES[i:] + SENTENCES[:i]), encoding="utf-8")
        paths.append(path)
    return paths


def test_runs_at_once_take_different_ids(tmp_path: Path) -> None:
    layout = copy_project(tmp_path / "project")
    articles = _articles(tmp_path, 3)
    expected = [_next(layout, i) for i in range(3)]
    start = threading.Barrier(len(articles))
    ids: list[str] = []

    def run(path: Path) -> None:
        start.wait()
        ids.append(add_source(layout, path, SourceOptions("de", "2024-11", title="Titel")).source_id)

    threads = [threading.Thread(target=run, args=(p,)) for p in articles]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(i[:4] for i in ids) == expected
    for source_id in ids:
        assert (layout.sources_dir / f"{source_id}.txt").is_file()
        assert (layout.sources_dir / f"{source_id}.yaml").is_file()
        assert (layout.records_dir / f"{source_id}.yaml").is_file()
    assert not [
        p for p in (*layout.sources_dir.iterdir(), *layout.records_dir.iterdir()) if p.name.startswith(".")
    ]


def test_processes_at_once_with_the_same_text_add_it_once(tmp_path: Path) -> None:
    layout = copy_project(tmp_path / "project")
    (article,) = _articles(tmp_path, 1)
    number, after = _next(layout), _next(layout, 1)
    args = ["add-source", str(article), "--lang", "de", "--published", "2024-11", "--title", "Titel"]
    args += ["--root", str(layout.root)]
    code = "import sys; from datapkg.cli import main; sys.exit(main(sys.argv[1:]))"
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = sorted((run.wait(timeout=120), run.stderr.read() if run.stderr else "") for run in runs)
    assert [status for status, _ in results] == [0, 1], results
    assert (
        results[1][1]
        == f"error: {article}: this text is already source {next(layout.sources_dir.glob(f'{number}*.txt')).stem}\n"
    )
    assert len(list(layout.sources_dir.glob(f"{number}*"))) == 2 and not list(
        layout.sources_dir.glob(f"{after}*")
    )


# --- long texts ---------------------------------------------------------------------------------


def test_a_text_without_full_stops_is_read_in_spans_of_bounded_length() -> None:
    from datapkg.compiler.curation.sentences import LONGEST, sentences

    text = " ".join(f"und laut Seoul {n}.000 Soldaten in Russland" for n in range(2, 400)) + " " + "x" * 4500
    spans = sentences(text)
    assert all(0 < len(s.text) <= LONGEST and text[s.start : s.end] == s.text for s in spans)
    assert spans[-1].text == "x" * (4500 - 2 * LONGEST)
    assert "".join(text[s.start : s.end] for s in spans).replace(" ", "") == text.replace(" ", "")


def test_a_headline_with_a_tab_becomes_a_title_of_one_line(tmp_path: Path) -> None:
    layout = copy_project(tmp_path / "project")
    article = tmp_path / "article.txt"
    article.write_text("Truppen\tin Russland\n" + " ".join(SENTENCES), encoding="utf-8")
    added = add_source(layout, article, SourceOptions("de", "2024-11"))
    meta, problems = load_yaml(layout.sources_dir / f"{added.source_id}.yaml", "meta")
    assert problems == [] and meta["title"] == "Truppen in Russland"
