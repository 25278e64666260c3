"""Fault injection: every kind of curator or file mistake is rejected with a
message naming where it is, without a traceback, and the outputs stay as they
were. Each case copies the real inputs, applies one mistake and runs the build."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

import datapkg
from datapkg.cli import main
from datapkg.compiler.layout import Layout

from .conftest import edit, output_digests

R000 = "build/records/000_7e917bff9e613273.yaml"
VERSION_LINE = f'version = "{datapkg.__version__}"\n'
R001 = "build/records/001_f05a9056add4a36d.yaml"
T000 = "build/sources/000_7e917bff9e613273.txt"
M000 = "build/sources/000_7e917bff9e613273.yaml"
ACTORS = "build/records/actors.yaml"
TYPES = "build/records/action_types.yaml"
PACKAGE = "build/package.yaml"
PYPROJECT = "pyproject.toml"


@dataclass(frozen=True)
class Fault:
    name: str
    apply: Callable[[Layout], None]
    expected: str  # part of the message
    where: str  # the file the message must name


def write_bytes(relative: str, make: Callable[[bytes], bytes]) -> Callable[[Layout], None]:
    def apply(layout: Layout) -> None:
        path = layout.root / relative
        path.write_bytes(make(path.read_bytes()))

    return apply


def steps(*changes: Callable[[Layout], None]) -> Callable[[Layout], None]:
    def apply(layout: Layout) -> None:
        for change in changes:
            change(layout)

    return apply


def delete(relative: str) -> Callable[[Layout], None]:
    return lambda layout: (layout.root / relative).unlink()


def rename(relative: str, new: str) -> Callable[[Layout], None]:
    def apply(layout: Layout) -> None:
        (layout.root / relative).rename(layout.root / new)

    return apply


def append(relative: str, text: str) -> Callable[[Layout], None]:
    def apply(layout: Layout) -> None:
        path = layout.root / relative
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return apply


def write(relative: str, text: str) -> Callable[[Layout], None]:
    def apply(layout: Layout) -> None:
        (layout.root / relative).write_text(text, encoding="utf-8")

    return apply


def json_edit(relative: str, change: Callable[[dict], None]) -> Callable[[Layout], None]:  # type: ignore[type-arg]
    def apply(layout: Layout) -> None:
        path = layout.root / relative
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")

    return apply


def bulk(
    change: Callable[[pa.Table], pa.Table], name: str = "extra.troop_figures.parquet"
) -> Callable[[Layout], None]:
    """A bulk file holding the curated figure of North Korea's active personnel under a new id,
    then changed."""

    def apply(layout: Layout) -> None:
        figures = pq.read_table(layout.data_dir / "troop_figures.parquet").drop_columns(["quote_end"])
        table = figures.filter(pc.equal(figures["id"], "gfp-2024-prk-active-personnel"))
        assert table.num_rows == 1
        table = table.set_column(0, "id", pa.array(["bulk-figure-1"]))
        pq.write_table(change(table), layout.records_dir / name)

    return apply


def _set(table: pa.Table, column: str, value: object, type: pa.DataType | None = None) -> pa.Table:
    index = table.schema.get_field_index(column)
    return table.set_column(index, column, pa.array([value], type or table.schema.field(index).type))


def _replace_text(layout: Layout, text_file: str, metadata: str, text: str) -> None:
    """Another text under the same name, its hash updated: the quotes no longer occur in it."""
    (layout.root / text_file).write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    path = layout.root / metadata
    lines = [f"text_sha256: {digest}" if line.startswith("text_sha256:") else line
             for line in path.read_text(encoding="utf-8").splitlines()]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _drop(key: str) -> Callable[[dict], None]:  # type: ignore[type-arg]
    return lambda d: d.pop(key)


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
    Fault("ambiguous quote", edit(R001, "    quote: Schätzungen zufolge ist Russland mit mehreren Hunderttausend Soldaten in der Ukraine im Einsatz\n", "    quote: Soldaten\n"),
          "quote occurs", R001),
    Fault("quote not at its offsets", edit(R001, "    quote: bis Dezember könnten es insgesamt 10.000 sein\n", "    quote: bis Dezember könnten es insgesamt 10.000 sein\n    quote_start: 5\n"),
          "quote is not at quote_start 5", R001),
    Fault("dated after publication, not projected", edit(R000, "    claim_status: projected\n    attributed_to: prk\n", "    claim_status: reported\n    attributed_to: prk\n"),
          "is after the source's publication window (latest", R000),
    Fault("month ending after publication, not projected", edit(R001, "    qualifier: exact\n    date: 2024-10-23\n", '    qualifier: exact\n    date: "2024-10"\n'),
          "date_end 2024-10-31 is after the source's publication window (latest 2024-10-24)", R001),
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


MORE_FAULTS = [
    # records
    Fault("empty id", edit(R000, "  - id: gfp-2024-prk-active-personnel\n", "  - id:\n"), "field 'id': required, but missing", R000),
    Fault("unknown force", edit(R000, "    force: prk-armed-forces\n", "    force: prk-army\n"), "unknown force 'prk-army': no such id in actors", R000),
    Fault("unknown attribution", edit(R000, "    attributed_to: global-firepower\n", "    attributed_to: gfp\n"), "unknown attributed_to 'gfp': no such id in actors", R000),
    Fault("measure outside enum", edit(R000, "    measure: active_personnel\n", "    measure: strength\n"), "field 'measure': 'strength': expected one of", R000),
    Fault("unit outside enum", edit(R000, "    unit: persons\n", "    unit: soldiers\n"), "field 'unit': 'soldiers': expected one of", R000),
    Fault("stage outside enum", edit(R000, "    stage: delivered\n", "    stage: shipped\n"), "field 'stage': 'shipped': expected one of", R000),
    Fault("fraction in a count", edit(R000, "    value: 1600000\n", "    value: 1.5\n"), "field 'value': expected a whole number, got number 1.5", R000),
    Fault("boolean as a count", edit(R000, "    value: 1600000\n", "    value: true\n"), "expected a whole number, got boolean True", R000),
    Fault("empty quote", edit(R000, "    quote: kurz nach Putins Besuch\n", '    quote: ""\n'), "field 'quote': '': expected at least 1 character(s)", R000),
    Fault("three-part date", edit(R000, "    date: [2024-06-18, 2024-06-19]\n", "    date: [2024-06-18, 2024-06-19, 2024-06-20]\n"), "a date span needs exactly two ends, got 3", R000),
    Fault("mixed date forms", edit(R000, "    date: [2024-06-18, 2024-06-19]\n", '    date: ["2024-06", 2024-06-19]\n'), "both ends of a span need the same form", R000),
    Fault("date with time", edit(R000, "    date: 2024-06-19\n", "    date: 2024-06-19 10:00:00\n"), "expected a date without time", R000),
    Fault("vague with a value", edit(R001, "    qualifier: vague\n", "    qualifier: vague\n    value: 300000\n"), "qualifier 'vague' means the source gives no number", R001),
    Fault("number without qualifier", edit(R000, "    qualifier: approx\n", ""), "a quantity needs a qualifier", R000),
    Fault("high below value", edit(R000, "    value: 1328000\n", "    value: 1328000\n    value_high: 1000\n"), "value_high 1000 is below value 1328000", R000),
    Fault("bound against the qualifier", edit(R000, "    value: 1328000\n", "    value: 1328000\n    value_low: 1000000\n"), "qualifier 'exact' implies value_low = value (1328000)", R000),
    Fault("unknown derived_from", edit(R000, "    derived_from: gfp-2024-prk-military-strength\n", "    derived_from: gfp-2024-prk-strength\n"), "unknown derived_from 'gfp-2024-prk-strength'", R000),
    Fault("derivation on a stated rank", edit(R000, "    edition: 2024\n", "    edition: 2024\n    derived_from: gfp-2024-prk-military-strength\n"), "derivation and derived_from belong to derived ranks only", R000),
    Fault("edition out of range", edit(R000, "    edition: 2024\n", "    edition: 24\n"), "field 'edition': 24: expected at least 1900", R000),
    Fault("unknown relative_to", edit(R000, "    relative_to: usa\n", "    relative_to: america\n"), "unknown relative_to 'america'", R000),
    Fault("event id not a slug", edit(R000, "    event_id: rus-prk-treaty-signing-2024-06-19\n", "    event_id: Treaty Signing\n"), "field 'event_id': 'Treaty Signing': expected text matching", R000),
    Fault("missing description", edit(R001, "    description_en: The USA confirm the presence of North Korean troops in Russia.\n", ""), "field 'description_en': required, but missing", R001),
    Fault("missing claim status", edit(R001, "    claim_status: projected\n    attributed_to: kor-nis\n", "    attributed_to: kor-nis\n"), "field 'claim_status': required, but missing", R001),
    Fault("negative quote offset", edit(R001, "    quote: bis Dezember könnten es insgesamt 10.000 sein\n", "    quote: bis Dezember könnten es insgesamt 10.000 sein\n    quote_start: -5\n"), "quote is not at quote_start -5", R001),
    Fault("id used in two tables", edit(R000, "  - id: prk-rus-shells-1-6-million\n", "  - id: gfp-2024-prk-active-personnel\n"), "id is already used in troop_figures; ids are unique across tables", R000),
    Fault("misspelt field", edit(R000, "    quote_en: According to the 2024", "    quoet_en: According to the 2024"), "unknown field; did you mean 'quote_en'?", R000),
    Fault("records file is a list", write(R001, "- troop_figures: []\n"), "expected a mapping of table names to record lists", R001),
    Fault("table is not a list", edit(R001, "troop_figures:\n", "troop_figures: none\nold_troop_figures:\n"), "expected a list of records", R001),
    Fault("record is not a mapping", edit(R001, "troop_figures:\n", "troop_figures:\n  - just a line\n"), "each troop_figures record must be a mapping of fields", R001),
    Fault("records without source_id", edit(R001, "source_id: 001_f05a9056add4a36d\n", ""), "fact records need `source_id: <source>` at the top of the file", R001),
    Fault("source_id as a number", edit(R001, "source_id: 001_f05a9056add4a36d\n", "source_id: 1\n"), "expected the id of a source as text", R001),
    Fault("records of the wrong source", edit(R001, "source_id: 001_f05a9056add4a36d\n", "source_id: 000_7e917bff9e613273\n"), "but the quotes of this file are in 001_f05a9056add4a36d", R001),
    Fault("ignore entry without text", edit(R000, '  - text: "5"\n', '  - txt: "5"\n'), "expected the mention's text", R000),
    Fault("ignore entry with a negative offset", edit(R000, "    start: 3711\n", "    start: -1\n"), "expected an offset (whole number >= 0), got -1", R000),
    Fault("stale ignore entry", append(R000, "  - text: 1.000.000\n    reason: no such number\n"), "no uncovered mention '1.000.000'", R000),
    Fault("ignore entry for a covered mention", append(R000, "  - text: Platz 36\n    start: 1854\n    reason: wrongly ignored\n"), "is covered by gfp-2024-deu-military-strength-derived", R000),
    Fault("unexplained mention", edit(R000, '  - text: "5"\n    start: 3711\n', '  - text: "5"\n    start: 3712\n'), "quantity '5' at offset 3711 is in no record's quote", T000),
    Fault("ignored_mentions not a list", edit(R000, "ignored_mentions:\n", "ignored_mentions: none\nold_ignored:\n"), "expected a list of {text, reason} entries", R000),
    Fault("records file saved as .yml", rename(R001, "build/records/001_f05a9056add4a36d.yml"), "YAML inputs end in .yaml; rename it", "build/records/001_f05a9056add4a36d.yml"),
    Fault("records file not UTF-8", write_bytes(R001, lambda b: b.decode("utf-8").encode("latin-1", errors="replace")), "not UTF-8", R001),
    Fault("date text without a date", edit(R001, "    quote: Darunter sind sicherlich ein paar Experten für ballistische Raketen, die die Russen in der Bedienung schulen\n", "    quote: Darunter sind sicherlich ein paar Experten für ballistische Raketen, die die Russen in der Bedienung schulen\n    date_text: Darunter\n"), "date_text given without a date", R001),
    Fault("date text not a mention", edit(R001, "    date_text: bis Dezember\n", "    date_text: bis Dez.\n"), "date_text 'bis Dez.' is not a mention of source 001_f05a9056add4a36d", R001),
    Fault("actor id misspelt", edit(R000, "    force: prk-armed-forces\n", "    force: prk-armed-force\n"), "did you mean 'prk-armed-forces'? (a new one goes in build/records/actors.yaml)", R000),
    Fault("action type misspelt", edit(R000, "    action_type: threaten\n", "    action_type: threatens\n"), "did you mean 'threaten'? (a new one goes in build/records/action_types.yaml)", R000),
    # vocabularies
    Fault("actor kind outside enum", edit(ACTORS, "    kind: state\n", "    kind: country\n"), "field 'kind': 'country': expected one of", ACTORS),
    Fault("country not ISO alpha-3", edit(ACTORS, "    country: DEU\n", "    country: GER\n"), "'GER': expected a code of ISO 3166-1 alpha-3", ACTORS),
    Fault("country in lower case", edit(ACTORS, "    country: DEU\n", "    country: deu\n"), "field 'country': 'deu': expected text matching ^[A-Z]{3}$", ACTORS),
    Fault("CAMEO actor code in lower case", edit(ACTORS, "    cameo_code: RUS\n", "    cameo_code: rus\n"), "field 'cameo_code': 'rus': expected text matching", ACTORS),
    Fault("duplicate actor", edit(ACTORS, "  - id: gbr\n", "  - id: ukr\n"), "field 'id': duplicate value 'ukr': must be unique", ACTORS),
    Fault("actor without English name", edit(ACTORS, "    name_en: Russia\n", ""), "field 'name_en': required, but missing", ACTORS),
    Fault("unused actor", append(ACTORS, "  - id: nobody\n    name_en: Nobody\n    name_de: Niemand\n    kind: person\n    role: no one\n    cameo_code: DEU\n"), "record 'nobody': field 'id': referred to by no record", ACTORS),
    Fault("actors file missing", delete(ACTORS), "no actors at all: this file is missing", ACTORS),
    Fault("action types file missing", delete(TYPES), "no action_types at all", TYPES),
    Fault("actors file YAML error", edit(ACTORS, "    name_en: Russia\n", "    name_en: [Russia\n"), "YAML syntax error", ACTORS),
    Fault("CAMEO event code malformed", edit(TYPES, '    cameo_code: "010"\n', '    cameo_code: "10"\n'), "field 'cameo_code': '10': expected text matching", TYPES),
    Fault("Goldstein above 10", edit(TYPES, "    goldstein: 0.0\n", "    goldstein: 11.0\n"), "field 'goldstein': 11.0: expected at most 10", TYPES),
    Fault("quad class 5", edit(TYPES, "    quad_class: 1\n", "    quad_class: 5\n"), "field 'quad_class': 5: expected at most 4", TYPES),
    Fault("PLOVER category outside enum", edit(TYPES, "    plover_category: SUPPORT\n", "    plover_category: HELP\n"), "field 'plover_category': 'HELP': expected one of", TYPES),
    # sources
    Fault("metadata id differs from its file", edit(M000, "id: 000_7e917bff9e613273\n", "id: 000_other\n"), "id must equal the file name '000_7e917bff9e613273'", M000),
    Fault("text without metadata", delete(M000), "source text has no metadata file 000_7e917bff9e613273.yaml beside it", T000),
    Fault("language in words", edit(M000, "language: de\n", "language: German\n"), "language 'German': expected a code the extractor reads", M000),
    Fault("language the extractor cannot read", edit(M000, "language: de\n", "language: fr\n"), "language 'fr': expected a code the extractor reads", M000),
    Fault("publication window reversed", edit(M000, "published_latest: 2024-06-30\n", "published_latest: 2024-06-20\n"), "publication window ends before it starts", M000),
    Fault("genre outside enum", edit(M000, "genre: news_report\n", "genre: news\n"), "field 'genre': 'news': expected one of", M000),
    Fault("metadata basis outside enum", edit(M000, "title_basis: printed\n", "title_basis: guessed\n"), "field 'title_basis': 'guessed': expected one of", M000),
    Fault("impossible publication date", edit(M000, "published_earliest: 2024-06-25\n", "published_earliest: 2024-06-31\n"), "impossible date '2024-06-31'", M000),
    Fault("metadata saved as .yml", rename(M000, "build/sources/000_7e917bff9e613273.yml"), "YAML inputs end in .yaml", "build/sources/000_7e917bff9e613273.yml"),
    Fault("unknown metadata field", edit(M000, "genre: news_report\n", "genre: news_report\nsection: politics\n"), "field 'section': unknown field", M000),
    Fault("metadata YAML error", edit(M000, "genre: news_report\n", "genre: [news_report\n"), "YAML syntax error", M000),
    # configuration
    Fault("citation placeholder misspelt", edit(PACKAGE, "{version}", "{versoin}"), "unknown placeholder {versoin} in the citation", PACKAGE),
    Fault("package title missing", edit(PACKAGE, "title: Russia", "headline: Russia"), "missing package metadata: title", PACKAGE),
    Fault("package metadata YAML error", edit(PACKAGE, "name: rus-prk-military-cooperation\n", "name: [rus\n"), "YAML syntax error", PACKAGE),
    Fault("schema not JSON", write("schemas/actors.json", "{\n  fields: []\n}\n"), "not valid JSON", "schemas/actors.json:2"),
    Fault("schema drops a field the build needs", json_edit("schemas/troop_figures.json", lambda d: d.update(fields=[f for f in d["fields"] if f.get("$ref") != "quote_start"])), "missing field(s) the build relies on: quote_start", "schemas/troop_figures.json"),
    Fault("shared field missing", json_edit("schemas/fields.json", lambda d: d["fields"].pop("quote_en")), "unknown shared field 'quote_en'", "schemas/troop_figures.json"),
    Fault("schema of an unknown resource", write("schemas/casualties.json", '{"fields": [], "primaryKey": "id"}'), "schema of an unknown resource", "schemas/casualties.json"),
    Fault("field without a type", json_edit("schemas/actors.json", lambda d: d["fields"][1].pop("type")), "needs a name and a type", "schemas/actors.json"),
    Fault("schema without primary key", json_edit("schemas/actors.json", _drop("primaryKey")), "expected an object with 'fields' (a list) and 'primaryKey'", "schemas/actors.json"),
    Fault("version missing", edit(PYPROJECT, VERSION_LINE, ""), 'expected version = "X.Y.Z" under [project]', PYPROJECT),
    Fault("version not PEP 440", edit(PYPROJECT, VERSION_LINE, 'version = "next"\n'), "version 'next' is not a PEP 440 version", PYPROJECT),
    Fault("pyproject not TOML", edit(PYPROJECT, "[project]\n", "[project\n"), "not valid TOML", PYPROJECT),
    Fault("resource list changed", json_edit("schemas/resources.json", lambda d: d["resources"].reverse()), "stale: schemas/resources.json changed", "datapkg/_names.py"),
    Fault("schema pattern not a regular expression", json_edit("schemas/actors.json", lambda d: d["fields"][0]["constraints"].update(pattern="[")), "is not a regular expression", "schemas/actors.json"),
    Fault("schema field of an unknown type", json_edit("schemas/actors.json", lambda d: d["fields"][1].update(type="text")), "type 'text'; expected one of", "schemas/actors.json"),
    Fault("schema constraint misspelt", json_edit("schemas/actors.json", lambda d: d["fields"][1]["constraints"].update(requried=True)), "unknown constraint 'requried'", "schemas/actors.json"),
    Fault("schema minimum as text", json_edit("schemas/military_rankings.json", lambda d: next(f for f in d["fields"] if f.get("name") == "rank")["constraints"].update(minimum="1")), "constraint minimum must be a number", "schemas/military_rankings.json"),
    Fault("schema primary key names no field", json_edit("schemas/actors.json", lambda d: d.update(primaryKey=["ident"])), "primaryKey names no field 'ident'", "schemas/actors.json"),
    Fault("schema foreign key on no field", json_edit("schemas/troop_figures.json", lambda d: d["foreignKeys"][0].update(fields="src")), "foreign key on 'src': no such field", "schemas/troop_figures.json"),
    Fault("count beyond 64 bits", edit(R000, "    value: 1600000\n", "    value: 99999999999999999999\n"), "expected a whole number the tables can hold (64 bits)", R000),
    Fault("resource list not JSON", write("schemas/resources.json", "{\n"), "not valid JSON", "schemas/resources.json:2"),
    Fault("resource group misspelt", json_edit("schemas/resources.json", lambda d: d["resources"][0].update(group="vocab")), "unknown group 'vocab'", "schemas/resources.json"),
    Fault("a folder named like a records file", lambda layout: (layout.records_dir / "notes.yaml").mkdir(), "cannot be read (is a folder; expected a regular file)", "build/records/notes.yaml"),
    Fault("colon in a plain value", edit(R000, "    quote: kurz nach Putins Besuch\n", "    quote: er sagte: kurz nach Putins Besuch\n"), 'a value holding ": " must be in quotes', R000),
    Fault("source text replaced", lambda layout: _replace_text(layout, T000, M000, "Ein ganz anderer Text."), "none of the quotes of this file occurs in build/sources/000_7e917bff9e613273.txt", R000),
    # bulk inputs
    Fault("bulk row without id", bulk(lambda t: _set(t, "id", None)), "field 'id': required, but missing", "build/records/extra.troop_figures.parquet:1"),
    Fault("bulk negative value", bulk(lambda t: _set(t, "value", -3)), "field 'value': -3: expected at least 0", "build/records/extra.troop_figures.parquet:1"),
    Fault("bulk quote off its offsets", bulk(lambda t: _set(t, "quote_start", 3)), "quote differs from the source text at 3:", "build/records/extra.troop_figures.parquet:1"),
    Fault("bulk unknown column", bulk(lambda t: t.append_column("colour", pa.array(["red"]))), "unknown column 'colour'", "build/records/extra.troop_figures.parquet"),
    Fault("bulk column of the wrong type", bulk(lambda t: _set(t, "value", "many", pa.string())), "field 'value': expected int64 (whole numbers), got 'many' in a column of string", "build/records/extra.troop_figures.parquet:1"),
    Fault("bulk file for no fact table", bulk(lambda t: t, "extra.casualties.parquet"), "bulk record files are named <name>.<table>.parquet", "build/records/extra.casualties.parquet"),
    Fault("bulk file not Parquet", write("build/records/extra.troop_figures.parquet", "not parquet"), "unreadable Parquet file", "build/records/extra.troop_figures.parquet"),
    Fault("bulk id clashes with a curated id", bulk(lambda t: _set(t, "id", "gfp-2024-prk-active-personnel")), "duplicate value 'gfp-2024-prk-active-personnel'", "build/records/extra.troop_figures.parquet:1"),
]  # fmt: skip
FAULTS += MORE_FAULTS

LAUGHS = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9) if i else 'x'}]\n" for i in range(8))
G0 = "    goldstein: 0.0\n"
HOSTILE_FAULTS = [
    # figures the quote contradicts
    Fault("value the quote contradicts", edit(R000, "    value: 1320000\n", "    value: 132000\n"), "record 'gfp-2024-prk-active-personnel': field 'value': 132000 is not what the quote says: its quantity/money mentions give 'circa 1,32 Millionen' = 1320000", f"{R000}:11"),
    Fault("bound the quote does not give", edit(R000, "    value: 1320000\n", "    value: 1320000\n    value_low: 1300000\n"), "field 'value_low': 1300000 is not what the quote says", f"{R000}:12"),
    Fault("rank the quote contradicts", edit(R000, "    rank: 36\n", "    rank: 35\n"), "field 'rank': 35 is not what the quote says: its rank mentions give 'Platz 36' = 36", f"{R000}:113"),
    Fault("derived rank marked stated", edit(R000, "    rank_basis: derived\n", "    rank_basis: stated\n"), "field 'rank': 19 is not what the quote says", f"{R000}:131"),
    Fault("not_in_quote on a figure the quote gives", edit(R000, "    value: 1320000\n", "    value: 1320000\n    not_in_quote: {value: {basis: derived, reason: a sum}}\n"), "field 'not_in_quote': value 1320000 is what the quote says; remove not_in_quote.value", f"{R000}:12"),
    Fault("not_in_quote with an unknown basis", edit(R000, "    value: 1320000\n", "    value: 132000\n    not_in_quote: {value: {basis: guessed, reason: a guess}}\n"), "not_in_quote.value: basis 'guessed'; expected one of: derived, resolved, external, implied", f"{R000}:12"),
    Fault("not_in_quote without a reason", edit(R000, "    value: 1320000\n", "    value: 132000\n    not_in_quote: {value: {basis: derived}}\n"), "not_in_quote.value: expected {basis: …, reason: …}", f"{R000}:12"),
    Fault("not_in_quote without a note for readers", steps(edit(R000, "    value: 1320000\n", "    value: 132000\n    not_in_quote: {value: {basis: derived, reason: a sum}}\n"), edit(R000, "    attributed_to: global-firepower\n    note: >-\n      Global Firepower 2024 lists 1,320,000 active personnel for North Korea\n      (and the same figure for Russia, which the source omits). The source\n      calls Global Firepower a \"Fachmagazin\" (trade magazine); it is a website\n      and database.\n      \"Im Jahr 2024\" is the source's date; the span ends with the publication\n      month, since an article of June 2024 cannot speak for the rest of the year.\n", "    attributed_to: global-firepower\n")), "field 'note': not_in_quote needs a note saying, for readers, why the figure is not the quote's", f"{R000}:6"),
    Fault("a bound beyond what a float holds exactly", edit(R000, "    value: 1320000\n", "    value: 1320000\n    value_high: 9007199254740993\n"), "field 'value_high': 9007199254740993 is not what the quote says", f"{R000}:12"),
    Fault("not_in_quote naming no figure", edit(R000, "    value: 1320000\n", "    value: 1320000\n    not_in_quote: {unit: {basis: derived, reason: x}}\n"), "not_in_quote names 'unit'; expected one of: value, value_low, value_high", f"{R000}:12"),
    # NaN and infinities
    Fault("count is NaN", edit(R000, "    value: 1320000\n", "    value: !!float .nan\n"), "record 'gfp-2024-prk-active-personnel': field 'value': expected a whole number, got .nan (not a number)", f"{R000}:11"),
    Fault("count is infinite", edit(R000, "    value: 1320000\n", "    value: !!float .inf\n"), "field 'value': expected a whole number, got .inf (infinity)", f"{R000}:11"),
    Fault("goldstein is NaN", edit(TYPES, G0, "    goldstein: !!float .nan\n"), "record 'make-statement': field 'goldstein': expected a finite number, got .nan (not a number)", f"{TYPES}:11"),
    Fault("goldstein is NaN in capitals", edit(TYPES, G0, "    goldstein: !!float .NaN\n"), "field 'goldstein': expected a finite number, got .nan (not a number)", f"{TYPES}:11"),
    Fault("goldstein is minus infinity", edit(TYPES, G0, "    goldstein: !!float -.inf\n"), "field 'goldstein': expected a finite number, got -.inf (minus infinity)", f"{TYPES}:11"),
    Fault("goldstein overflows to infinity", edit(TYPES, G0, "    goldstein: !!float 1e999\n"), "field 'goldstein': expected a finite number, got .inf (infinity)", f"{TYPES}:11"),
    Fault("goldstein plain .nan is text", edit(TYPES, G0, "    goldstein: .nan\n"), "field 'goldstein': expected a number, got text '.nan'", f"{TYPES}:11"),
    Fault("bulk count NaN", bulk(lambda t: _set(t, "value", float("nan"), pa.float64())), "field 'value': expected int64 (whole numbers), got nan in a column of double", "build/records/extra.troop_figures.parquet:1"),
    # YAML that cannot become records
    Fault("records nested 20000 deep", edit(R000, "    value: 1320000\n", "    value: " + "[" * 20000 + "]" * 20000 + "\n"), "nested more than 32 levels deep", f"{R000}:11"),
    Fault("mappings nested deep", edit(R000, "    value: 1320000\n", "    value: " + "{a: " * 100 + "1" + "}" * 100 + "\n"), "nested more than 32 levels deep", f"{R000}:11"),
    Fault("int tag on a word", edit(R000, "    value: 1320000\n", "    value: !!int abc\n"), "!!int 'abc' is not a whole number", f"{R000}:11"),
    Fault("float tag on a word", edit(TYPES, G0, "    goldstein: !!float abc\n"), "!!float 'abc' is not a number", f"{TYPES}:11"),
    Fault("bool tag on maybe", edit(R000, "    value: 1320000\n", "    value: !!bool maybe\n"), "!!bool 'maybe' is not true or false", f"{R000}:11"),
    Fault("timestamp tag on no date", edit(R000, "    date: 2024-06-24\n", "    date: !!timestamp 2024-13-45\n"), "impossible date '2024-13-45': there is no month 13", R000),
    Fault("timestamp tag on a word", edit(R000, "    date: 2024-06-24\n", "    date: !!timestamp soon\n"), "'soon' is not a date like 2024-06-19", R000),
    Fault("int tag on a list", edit(R000, "    value: 1320000\n", "    value: !!int [1]\n"), "!!int needs a single value, found a list", f"{R000}:11"),
    Fault("map tag on a list", edit(R000, "    value: 1320000\n", "    value: !!map [1]\n"), "!!map needs a mapping, found a list", f"{R000}:11"),
    Fault("python tag", edit(R000, "    value: 1320000\n", "    value: !!python/object/apply:os.system [echo]\n"), "tag !!python/object/apply:os.system is not allowed", f"{R000}:11"),
    Fault("unknown local tag", edit(R000, "    value: 1320000\n", "    value: !count 1320000\n"), "tag !count is not allowed; expected text, numbers, dates, true/false, lists and mappings", f"{R000}:11"),
    Fault("binary tag", edit(R000, "    unit: persons\n", "    unit: !!binary cGVyc29ucw==\n"), "tag !!binary is not allowed", f"{R000}:10"),
    Fault("set tag", edit(R000, "    unit: persons\n", "    unit: !!set {persons}\n"), "tag !!set is not allowed", f"{R000}:10"),
    Fault("source id as a list", edit(R000, "source_id: 000_7e917bff9e613273\n", "source_id: [000_7e917bff9e613273]\n"), "field 'source_id': expected the id of a source as text, got a list", f"{R000}:3"),
    Fault("source id as a mapping", edit(R000, "source_id: 000_7e917bff9e613273\n", "source_id: {id: 000_7e917bff9e613273}\n"), "field 'source_id': expected the id of a source as text, got a mapping", f"{R000}:3"),
    Fault("record id as a list", edit(R000, "  - id: gfp-2024-prk-active-personnel\n", "  - id: [gfp-2024-prk-active-personnel]\n"), "field 'id': expected text, got a list", f"{R000}:6"),
    Fault("unit as a mapping", edit(R000, "    unit: persons\n", "    unit: {persons: 1}\n"), "field 'unit': expected text, got a mapping", f"{R000}:10"),
    Fault("aliases expand a billion times", append(R000, "laughs:\n" + "".join("  " + line + "\n" for line in LAUGHS.splitlines())), "aliases repeat more than 10000 values", R000),
    Fault("alias inside its own anchor", edit(R000, "    unit: persons\n", "    unit: &u [*u]\n"), "alias *u is inside the value it names", f"{R000}:10"),
    Fault("control character in a records file", edit(R000, "    unit: persons\n", "    unit: per\x07sons\n"), "character U+0007 is not allowed in YAML", f"{R000}:10"),
    Fault("second document in a records file", append(R000, "---\nactors: []\n"), "expected a single document", R000),
    Fault("records file only a comment", write(ACTORS, "# nothing yet\n"), "expected a mapping of table names to record lists", f"{ACTORS}:1"),
    Fault("records file a list", write(ACTORS, "- id: rus\n"), "expected a mapping of table names to record lists", f"{ACTORS}:1"),
    Fault("records file UTF-16", write_bytes(ACTORS, lambda b: b.decode("utf-8").encode("utf-16")), "not UTF-8", ACTORS),
    Fault("package title as a list", edit(PACKAGE, "title: Russia", "title: [Russia]\nx-old-title: Russia"), "title: expected text, got a list", f"{PACKAGE}:4"),
    Fault("package metadata with a date", append(PACKAGE, "created: 2024-06-19\n"), "created: 2024-06-19 would be written as a date; put it in quotes", PACKAGE),
    Fault("package keyword NaN", edit(PACKAGE, "keywords: [russia,", "keywords: [!!float .nan,"), "keywords: expected a finite number, got .nan (not a number)", PACKAGE),
    Fault("source metadata id as a list", edit(M000, "id: 000_7e917bff9e613273\n", "id: [000_7e917bff9e613273]\n"), "field 'id': expected text, got a list", M000),
    Fault("actor id left empty", edit(ACTORS, "  - id: rus\n", "  - id: ~\n"), "field 'id': required, but missing", ACTORS),
    Fault("actor id as a number", edit(ACTORS, "  - id: rus\n", "  - id: 7\n"), "field 'id': expected text, got number 7", ACTORS),
    # bulk columns of another kind
    Fault("bulk column named twice", bulk(lambda t: t.append_column("value", pa.array([1], pa.int64()))), "column 'value' appears 2 times; expected each column once", "build/records/extra.troop_figures.parquet"),
    Fault("bulk count as true", bulk(lambda t: _set(t, "value", True, pa.bool_())), "field 'value': expected int64 (whole numbers), got True in a column of bool", "build/records/extra.troop_figures.parquet:1"),
    Fault("bulk count as text digits", bulk(lambda t: _set(t, "value", "1320000", pa.string())), "field 'value': expected int64 (whole numbers), got '1320000' in a column of string", "build/records/extra.troop_figures.parquet:1"),
    Fault("bulk count with a fraction", bulk(lambda t: _set(t, "value", 1320000.5, pa.float64())), "got 1320000.5 in a column of double", "build/records/extra.troop_figures.parquet:1"),
    Fault("bulk count as a whole float", bulk(lambda t: _set(t, "value", 1320000.0, pa.float64())), "got 1320000.0 in a column of double", "build/records/extra.troop_figures.parquet:1"),
    Fault("bulk count beyond 64 bits", bulk(lambda t: _set(t, "value", 2**64 - 1, pa.uint64())), "column 'value': expected int64", "build/records/extra.troop_figures.parquet"),
    Fault("bulk date as a timestamp", bulk(lambda t: _set(t, "date_start", dt.datetime(2024, 1, 1), pa.timestamp("s"))), "field 'date_start': expected date32[day] (dates), got '2024-01-01T00:00:00' in a column of timestamp[", "build/records/extra.troop_figures.parquet:1"),
    Fault("bulk date as text", bulk(lambda t: _set(t, "date_start", "2024-01-01", pa.string())), "field 'date_start': expected date32[day] (dates), got '2024-01-01' in a column of string", "build/records/extra.troop_figures.parquet:1"),
    Fault("bulk figure the quote contradicts", bulk(lambda t: _set(t, "value", 7)), "record 'bulk-figure-1': field 'value': 7 is not what the quote says", "build/records/extra.troop_figures.parquet:1"),
    # messages that say what is wrong with what the curator wrote
    Fault("day after the month ends", edit(R000, "    date: 2024-06-24\n", "    date: 2024-02-30\n"), "impossible date '2024-02-30': February 2024 has 29 days", R000),
    Fault("day 29 in a common year", edit(R000, "    date: 2024-06-24\n", "    date: 2023-02-29\n"), "impossible date '2023-02-29': February 2023 has 28 days", R000),
    Fault("month zero", edit(R000, "    date: 2024-06-24\n", '    date: "2024-00"\n'), "impossible date '2024-00': there is no month 0", R000),
    Fault("negative year", edit(R000, "    date: 2024-06-24\n", "    date: -5\n"), "expected a date like 2024-06-19, '2024-07' or 2024, got -5", R000),
    Fault("publication day that does not exist", edit(M000, "published_earliest: 2024-06-25\n", 'published_earliest: "2024-02-30"\n'), "got impossible date '2024-02-30': February 2024 has 29 days", M000),
    Fault("publication date in another ISO form", edit(M000, "published_earliest: 2024-06-25\n", 'published_earliest: "20240625"\n'), "expected a date (YYYY-MM-DD), got text '20240625'", M000),
]  # fmt: skip
FAULTS += HOSTILE_FAULTS


def test_fault_names_are_unique() -> None:
    assert len({f.name for f in FAULTS}) == len(FAULTS)


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_fault_is_rejected_where_it_is(
    fault: Fault, project_copy: Layout, capsys: pytest.CaptureFixture[str]
) -> None:
    before = output_digests(project_copy)
    fault.apply(project_copy)
    status = main(["build", "--root", str(project_copy.root)])
    err = capsys.readouterr().err
    assert status == 1
    assert fault.expected in err, err
    assert fault.where in err, err
    assert "Traceback" not in err
    assert err.rstrip().endswith("no file was changed")
    assert output_digests(project_copy) == before
    assert not list(project_copy.data_dir.glob(".staging-*")), "a failed build left its staging folder"


# One root cause that used to produce dozens of problems: now named once, the rest kept quiet.
ONE_CAUSE = [
    "source text replaced", "resource list not JSON",
    "source text missing", "yaml syntax", "actors file missing", "actors file YAML error",
    "records of the wrong source", "unknown source id", "records file saved as .yml",
    "citation placeholder misspelt", "schema not JSON", "version missing", "language in words",
    "value the quote contradicts", "count is NaN", "goldstein is NaN", "records nested 20000 deep",
    "python tag", "source id as a list", "source id as a mapping", "aliases expand a billion times",
    "bulk column named twice", "bulk count as text digits", "day after the month ends",
    "rank the quote contradicts", "not_in_quote on a figure the quote gives",
]  # fmt: skip


@pytest.mark.parametrize("name", ONE_CAUSE)
def test_one_cause_is_one_message(
    name: str, project_copy: Layout, capsys: pytest.CaptureFixture[str]
) -> None:
    fault = next(f for f in FAULTS if f.name == name)
    fault.apply(project_copy)
    assert main(["build", "--root", str(project_copy.root)]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error: ")]
    causes = [line for line in errors if fault.expected in line]
    assert len(causes) == 1 and len(errors) == 1, errors
