"""Fault injection: every kind of curator or file mistake is rejected with a
message naming where it is, without a traceback, and the outputs stay as they
were. Each case copies the real inputs, applies one mistake and runs the build."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from datapkg.cli import main
from datapkg.compiler.layout import Layout

R000 = "build/records/000_7e917bff9e613273.yaml"
R001 = "build/records/001_f05a9056add4a36d.yaml"
T000 = "build/sources/000_7e917bff9e613273.txt"
M000 = "build/sources/000_7e917bff9e613273.yaml"


@dataclass(frozen=True)
class Fault:
    name: str
    apply: Callable[[Layout], None]
    expected: str  # part of the message
    where: str  # the file the message must name


def edit(relative: str, old: str, new: str, count: int = 1) -> Callable[[Layout], None]:
    def apply(layout: Layout) -> None:
        path = layout.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fault setup: {old!r} not in {relative}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return apply


def write_bytes(relative: str, make: Callable[[bytes], bytes]) -> Callable[[Layout], None]:
    def apply(layout: Layout) -> None:
        path = layout.root / relative
        path.write_bytes(make(path.read_bytes()))

    return apply


def delete(relative: str) -> Callable[[Layout], None]:
    return lambda layout: (layout.root / relative).unlink()


FAULTS = [
    Fault("yaml syntax", edit(R000, "    measure: active_personnel\n", "    measure: [active_personnel\n"),
          "YAML syntax error", R000),
    Fault("empty file", write_bytes("build/records/actors.yaml", lambda _: b""),
          "file is empty; expected a YAML mapping", "build/records/actors.yaml:1"),
    Fault("duplicate key", edit(R000, "    force: prk-armed-forces\n", "    force: prk-armed-forces\n    force: prk\n"),
          "duplicate key 'force'", R000),
    Fault("missing required field", edit(R000, "    quote_en: According to the 2024 Military Strength Ranking of the trade magazine Global Firepower, North Korea's army has about 1.32 million soldiers in 2024\n", ""),
          "record 'gfp-2024-prk-active-personnel': field 'quote_en': required, but missing", R000),
    Fault("unknown field", edit(R000, "    value: 1320000\n", "    valeu: 1320000\n"),
          "field 'valeu': unknown field; did you mean 'value'?", R000),
    Fault("unknown table", edit(R000, "troop_figures:\n", "troops:\n  - id: x\ntroop_figures:\n"),
          "field 'troops': unknown table", R000),
    Fault("text where a number belongs", edit(R000, "    value: 1600000\n", "    value: 1,6 Millionen\n"),
          "field 'value': expected a whole number, got text '1,6 Millionen'", R000),
    Fault("number where text belongs", edit(R000, "    country: deu\n", "    country: 49\n"),
          "field 'country': expected text, got number 49", R000),
    Fault("claim status outside enum", edit(R000, "    claim_status: assessed\n", "    claim_status: rumoured\n"),
          "'rumoured': expected one of: stated, confirmed", R000),
    Fault("qualifier outside enum", edit(R000, "    qualifier: approx\n", "    qualifier: roughly\n"),
          "field 'qualifier': 'roughly': expected one of: exact, approx", R000),
    Fault("category outside enum", edit(R000, "    item_category: ammunition\n", "    item_category: munitions\n"),
          "field 'item_category': 'munitions': expected one of", R000),
    Fault("date basis outside enum", edit(R000, "    date_basis: stated\n", "    date_basis: guessed\n"),
          "field 'date_basis': 'guessed': expected one of: stated, resolved, external, publication", R000),
    Fault("date form (precision)", edit(R000, "    date: 2024-06-19\n", "    date: June 2024\n"),
          "field 'date': expected a date like 2024-06-19", R000),
    Fault("impossible date", edit(R000, "    date: 2024-06-24\n", "    date: 2024-06-31\n"),
          "field 'date': impossible date '2024-06-31'", R000),
    Fault("span ends before it starts", edit(R000, "    date: [2024-06-18, 2024-06-19]\n", "    date: [2024-06-19, 2024-06-18]\n"),
          "span ends (2024-06-18) before it starts (2024-06-19)", R000),
    Fault("date without basis", edit(R000, "    date: 2024-06-19\n    date_basis: stated\n", "    date: 2024-06-19\n"),
          "date and date_basis go together", R000),
    Fault("date text not in quote", edit(R000, "    date_text: im Jahr 2024\n", "    date_text: im Jahr 2025\n"),
          "date_text 'im Jahr 2025' does not occur in the quote", R000),
    Fault("low above high", edit(R000, "    value: 1328000\n", "    value: 1328000\n    value_low: 2000000\n"),
          "value_low 2000000 is above value 1328000", R000),
    Fault("negative count", edit(R000, "    value: 1600000\n", "    value: -5\n"),
          "field 'value': -5: expected at least 0", R000),
    Fault("rank below 1", edit(R000, "    rank: 36\n", "    rank: 0\n"),
          "field 'rank': 0: expected at least 1", R000),
    Fault("derived rank without derivation", edit(R000, "    derivation: \"36 − 17 = 19: North Korea's stated place 36 minus the \\\"etwa 17 Plätze\\\" (about 17 places) by which it trails the Bundeswehr.\"\n", ""),
          "a derived rank needs derivation", R000),
    Fault("unknown source id", edit(R000, "source_id: 000_7e917bff9e613273\n", "source_id: 999_nope\n"),
          "unknown source_id '999_nope': no such id in sources", R000),
    Fault("unknown actor", edit(R000, "    target: vnm\n", "    target: vietnam\n"),
          "field 'target': unknown target 'vietnam': no such id in actors", R000),
    Fault("unknown action type", edit(R000, "    action_type: threaten\n", "    action_type: menace\n"),
          "unknown action_type 'menace': no such id in action_types", R000),
    Fault("duplicate id", edit(R000, "  - id: kim-signs-treaty-2024-06-19\n", "  - id: putin-signs-treaty-2024-06-19\n"),
          "record 'putin-signs-treaty-2024-06-19': field 'id': duplicate value", R000),
    Fault("id not a slug", edit(R001, "  - id: prk-construction-troops-discussed\n", "  - id: PRK Construction Troops\n"),
          "field 'id': 'PRK Construction Troops': expected text matching", R001),
    Fault("quote not in source", edit(R000, "    quote: kurz nach Putins Besuch\n", "    quote: kurz nach Putin Besuch\n"),
          "quote not found verbatim in the source text", R000),
    Fault("ambiguous quote", edit(R001, "    quote: Andererseits fallen 10.000 Soldaten nur wenig ins Gewicht\n", "    quote: Soldaten\n"),
          "quote occurs", R001),
    Fault("quote not at its offsets", edit(R001, "    quote: bis Dezember könnten es insgesamt 10.000 sein\n", "    quote: bis Dezember könnten es insgesamt 10.000 sein\n    quote_start: 5\n"),
          "quote is not at quote_start 5", R001),
    Fault("dated after publication, not projected", edit(R000, "    claim_status: projected\n    attributed_to: prk\n", "    claim_status: reported\n    attributed_to: prk\n"),
          "is after the source's publication window; only a projected claim", R000),
    Fault("source text missing", delete(T000), "source text build/sources/000_7e917bff9e613273.txt is missing", M000),
    Fault("source text edited", write_bytes(T000, lambda b: b + b"\n"), "has sha256", M000),
    Fault("source not UTF-8", write_bytes(T000, lambda b: b.decode("utf-8").encode("latin-1", errors="replace")), "not UTF-8", T000),
    Fault("source with BOM", write_bytes(T000, lambda b: b"\xef\xbb\xbf" + b), "starts with a byte order mark", T000),
    Fault("source with CRLF", write_bytes(T000, lambda b: b.replace(b"\n", b"\r\n")), "CR (Windows or old Mac) line endings", T000),
    Fault("source not NFC", write_bytes(T000, lambda b: unicodedata.normalize("NFD", b.decode("utf-8")).encode("utf-8")),
          "is not Unicode NFC", T000),
    Fault("metadata hash malformed", edit(M000, "text_sha256: 63e026c1", "text_sha256: 63E026C1"),
          "expected text matching ^[0-9a-f]{64}$", M000),
    Fault("package metadata missing", delete("build/package.yaml"), "package metadata file is missing", "build/package.yaml"),
    Fault("ignore without reason", edit(R001, "    reason: Biography of the interviewed expert (her research post at FU Berlin since 2022).\n", ""),
          "every ignored mention needs a reason", R001),
]  # fmt: skip


def _snapshot(layout: Layout) -> dict[str, str]:
    files = [*layout.data_dir.iterdir(), layout.root_descriptor]
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files if p.is_file()}


def test_at_least_25_kinds_of_fault() -> None:
    assert len({f.name for f in FAULTS}) == len(FAULTS) >= 25


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_fault_is_rejected_where_it_is(
    fault: Fault, project_copy: Layout, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(project_copy)
    fault.apply(project_copy)
    status = main(["build", "--root", str(project_copy.root)])
    err = capsys.readouterr().err
    assert status == 1
    assert fault.expected in err, err
    assert fault.where in err, err
    assert "Traceback" not in err
    assert err.rstrip().endswith("no file was changed")
    assert _snapshot(project_copy) == before
