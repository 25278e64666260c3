"""Claims and the events they are about: every fact row names its event, and the build derives
what an event's claims add up to under the rules the events schema writes down. The seed
events' derived columns are checked against values worked out by hand from the two
articles' claims (the data may grow: they are derived here from the seed sources' claims
alone); the rules themselves on small tables written for each case.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

import datapkg
from datapkg._names import FACT_TABLES
from datapkg.checks.event_findings import event_findings
from datapkg.checks.event_rollup import DERIVED, Rules, derive, summarize
from datapkg.schema.specs import table_spec
from datapkg.validation import validate_package

from .conftest import ROOT

S000, S001 = "000_7e917bff9e613273", "001_f05a9056add4a36d"
DEPLOYMENT = "prk-troop-deployment-to-russia-2024-10"


def _specs() -> dict[Any, Any]:
    return {r["name"]: table_spec(r["name"], r["schema"]) for r in datapkg.package()["resources"]}


def _seed_events() -> dict[str, dict[str, Any]]:
    """The events as the two seed articles' claims alone make them."""
    tables: dict[Any, pa.Table] = datapkg.load_all(backend="pyarrow")
    seeds = pa.array([S000, S001])
    for name in (*FACT_TABLES, "sources"):
        column = "id" if name == "sources" else "source_id"
        tables[name] = tables[name].filter(pc.is_in(tables[name][column], value_set=seeds))
    return {row["id"]: row for row in summarize(_specs(), tables).to_pylist()}


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


HAND_WORKED = {
    # Six troop figures (the NIS's 3,000 and 10,000, the US and NATO allies' confirmations without a
    # number, two parts Novotna names) and four actions (North Korea sends troops, the NIS reports,
    # the USA and NATO allies confirm), all from 001. A deployment lasts: its dates span the
    # asserting claims' (8 to 23 October), the projected 10,000 set apart. The figure counted is the
    # 3,000: the 10,000 is projected and a plan, the parts are parts, the confirmations give no number.
    DEPLOYMENT: dict(
        date_start=day("2024-10-08"), date_end=day("2024-10-23"), first_reported=day("2024-10-23"),
        first_reported_in=S001, claim_count=10, source_count=1,
        attribution_count=5,  # the NIS, the USA, NATO allies, Novotna and the outlet itself
        denial_count=0, strongest_status="confirmed", unit="persons", value_best=3000,
        value_best_status="alleged", value_low=3000, value_high=3000,
    ),
    # Both sides of the signing in both sources: "19. Juni" and twice "Im Juni". A single act is
    # dated where its claims agree.
    "rus-prk-treaty-signing-2024-06-19": dict(
        date_start=day("2024-06-19"), date_end=day("2024-06-19"), first_reported=day("2024-06-25"),
        first_reported_in=S000, claim_count=4, source_count=2, attribution_count=2, denial_count=0,
        strongest_status="stated", unit=None, value_best=None, value_best_status=None, value_low=None, value_high=None,
    ),
    # Five claims of one supply stream: four from 000 (the outlet's own statement in the present,
    # dated with the publication window; the reported deliveries; the 1.6 million shells the
    # Washington Post saw, August 2023 to January 2024; the faulty shells) and 001's deliveries
    # talked about since the war began. A stream lasts: from August 2023 to the end of June 2024.
    "prk-rus-arms-supply": dict(
        date_start=day("2023-08-01"), date_end=day("2024-06-30"), first_reported=day("2024-06-25"),
        first_reported_in=S000, claim_count=5, source_count=2, attribution_count=3, denial_count=0,
        strongest_status="stated", unit="shells", value_best=1_600_000, value_best_status="alleged",
        value_low=1_600_000, value_high=1_600_000,
    ),
    # Ruled out by the outlet: no claim asserts it.
    "prk-large-deployment-to-ukraine": dict(
        date_start=None, date_end=None, first_reported=day("2024-06-25"), first_reported_in=S000,
        claim_count=1, source_count=1, attribution_count=1, denial_count=1, strongest_status=None,
        unit=None, value_best=None, value_best_status=None, value_low=None, value_high=None,
    ),
    # The plan reported on 21 June (the announcement, reported), the July unit (projected) and 001's
    # construction troops (alleged, undated); the one unit is a projected plan, so not counted.
    "prk-pioneer-unit-plan-2024-06": dict(
        date_start=day("2024-06-21"), date_end=day("2024-06-21"), first_reported=day("2024-06-25"),
        first_reported_in=S000, claim_count=3, source_count=2, attribution_count=2, denial_count=0,
        strongest_status="reported", unit=None, value_best=None, value_best_status=None, value_low=None, value_high=None,
    ),
    # Only a projected claim: its date, and status projected.
    "duma-ratification-2024-10-24": dict(
        date_start=day("2024-10-24"), date_end=day("2024-10-24"), first_reported=day("2024-10-23"),
        first_reported_in=S001, claim_count=1, source_count=1, attribution_count=1, denial_count=0,
        strongest_status="projected", unit=None, value_best=None, value_best_status=None, value_low=None, value_high=None,
    ),
    # The act of February and March 2022, no longer a span to the publication month.
    "kor-financial-sanctions-rus": dict(
        date_start=day("2022-02-01"), date_end=day("2022-03-31"), first_reported=day("2024-06-25"),
        first_reported_in=S000, claim_count=1, source_count=1, attribution_count=1, denial_count=0,
        strongest_status="stated", unit=None, value_best=None, value_best_status=None, value_low=None, value_high=None,
    ),
    # "über 600.000": the figure given is 600,000.
    "rus-casualties-since-2022-02": dict(
        date_start=day("2022-02-24"), date_end=day("2024-10-24"), first_reported=day("2024-10-23"),
        first_reported_in=S001, claim_count=1, source_count=1, attribution_count=1, denial_count=0,
        strongest_status="estimated", unit="persons", value_best=600_000, value_best_status="estimated",
        value_low=600_000, value_high=600_000,
    ),
    # A derived place in a ranking counts places; rankings carry no dates.
    "gfp-2024-deu-strength-rank": dict(
        date_start=None, date_end=None, first_reported=day("2024-06-25"), first_reported_in=S000,
        claim_count=1, source_count=1, attribution_count=1, denial_count=0, strongest_status="reported",
        unit="place", value_best=19, value_best_status="reported", value_low=19, value_high=19,
    ),
}  # fmt: skip


@pytest.mark.parametrize("event_id", sorted(HAND_WORKED))
def test_seed_events_add_up_as_worked_out_by_hand(event_id: str) -> None:
    derived = _seed_events()[event_id]
    assert {k: derived[k] for k in DERIVED} == HAND_WORKED[event_id]


def test_every_claim_names_an_event_and_every_event_has_claims() -> None:
    events = set(datapkg.load("events")["id"].astype(str))
    named = {str(e) for name in FACT_TABLES for e in datapkg.load(name)["event_id"]}
    assert named == events


def test_the_events_table_is_what_its_claims_add_up_to() -> None:
    tables = datapkg.load_all(backend="pyarrow")
    assert summarize(_specs(), tables).equals(tables["events"])
    assert event_findings(_specs(), tables) == []


def test_counting_events_not_rows() -> None:
    """The four rows of North Korea's supply stream are one event, and the claims of the
    deployment's tables (figures and actions) are one deployment."""
    claims = datapkg.claims()
    supply = claims[claims["event_id"] == "prk-rus-arms-supply"]
    assert set(supply["table"]) == {"arms_transfers"} and len(supply) >= 5
    deployment = claims[claims["event_id"] == DEPLOYMENT]
    assert set(deployment["table"]) == {"troop_figures", "diplomatic_actions"}
    assert datapkg.load("events").set_index("id").loc[DEPLOYMENT, "strongest_status"] == "confirmed"


# ------------------------------------------------------------------------- the rules, case by case

RULES = Rules.of(_specs()["events"])
SOURCES = pa.table({
    "id": ["a", "b"],
    "published_earliest": [day("2024-10-23"), day("2024-11-13")],
    "published_latest": [day("2024-10-24"), day("2024-11-15")],
})  # fmt: skip
CLAIM_TYPES = {
    "event_id": pa.string(), "source_id": pa.string(), "claim_status": pa.string(), "polarity": pa.string(),
    "attributed_to": pa.string(), "date_start": pa.date32(), "date_end": pa.date32(), "value": pa.int64(),
    "value_low": pa.int64(), "value_high": pa.int64(), "unit": pa.string(), "measure": pa.string(),
    "count_type": pa.string(),
}  # fmt: skip


def claim(**given: Any) -> dict[str, Any]:
    defaults = {"event_id": "e", "source_id": "a", "claim_status": "reported", "polarity": "positive",
                "unit": "persons", "measure": "deployed", "count_type": "total"}  # fmt: skip
    row = {name: None for name in CLAIM_TYPES} | defaults | given
    for key in ("date_start", "date_end"):
        if isinstance(row[key], str):
            row[key] = day(row[key])
    return row


def rollup(claims: list[dict[str, Any]], kind: str = "deployment") -> tuple[dict[str, Any], Any]:
    events = pa.table({"id": ["e"], "kind": [kind]})
    table = pa.table({k: pa.array([c[k] for c in claims], t) for k, t in CLAIM_TYPES.items()})
    derived, mixed = derive(RULES, events, table, SOURCES)
    return {k: v[0] for k, v in derived.items()}, mixed


def test_figures_of_a_growing_deployment_are_read_at_the_latest_date() -> None:
    out, _ = rollup([
        claim(value=1500, date_start="2024-10-18", date_end="2024-10-18"),
        claim(value=3000, date_start="2024-10-23", date_end="2024-10-23", claim_status="alleged"),
        claim(value=11000, date_start="2024-11-13", date_end="2024-11-15", source_id="b"),
        claim(value=12000, date_start="2024-11-14", date_end="2024-11-14", claim_status="alleged"),
        claim(value=10000, date_start="2024-12-01", date_end="2024-12-31", claim_status="projected",
              measure="planned_deployment"),
    ])  # fmt: skip
    # the reported 11,000 is stronger than the alleged 12,000 of the same days; the projection is no count
    assert (out["value_best"], out["value_low"], out["value_high"], out["unit"]) == (
        11000,
        11000,
        12000,
        "persons",
    )
    assert (out["date_start"], out["date_end"]) == (day("2024-10-18"), day("2024-11-15"))


def test_totals_are_never_added_to_their_increments_or_parts() -> None:
    out, _ = rollup([
        claim(value=3000, date_start="2024-10-23", date_end="2024-10-23"),
        claim(value=1500, date_start="2024-10-30", date_end="2024-10-30", count_type="increment"),
        claim(value=500, date_start="2024-10-30", date_end="2024-10-30", count_type="part"),
    ])  # fmt: skip
    assert (out["value_best"], out["value_low"], out["value_high"]) == (3000, 3000, 3000)


def test_of_equally_strong_figures_the_lowest_is_best_and_ranges_give_their_ends() -> None:
    out, _ = rollup([
        claim(value=None, value_low=1700, value_high=2000, date_start="2024-10-23", date_end="2024-10-23"),
        claim(value=2500, date_start="2024-10-23", date_end="2024-10-23"),
        claim(value=1800, date_start="2024-10-23", date_end="2024-10-23"),
    ])  # fmt: skip
    assert (out["value_best"], out["value_low"], out["value_high"]) == (1800, 1700, 2500)


def test_an_undated_figure_counts_as_of_its_sources_publication() -> None:
    out, _ = rollup([claim(value=3000, date_start="2024-10-23", date_end="2024-10-23"),
                     claim(value=11000, source_id="b")])  # fmt: skip
    assert out["value_best"] == 11000 and out["date_start"] == day("2024-10-23")


def test_figures_in_different_units_are_never_combined() -> None:
    out, mixed = rollup([claim(value=3000, date_start="2024-10-23", date_end="2024-10-23"),
                         claim(value=2, unit="units", date_start="2024-10-23", date_end="2024-10-23")])  # fmt: skip
    assert mixed == {0: ["persons", "units"]}
    assert (out["unit"], out["value_best"], out["value_low"], out["value_high"]) == (None, None, None, None)


def test_a_single_act_is_dated_where_its_claims_agree_or_spans_them_where_they_do_not() -> None:
    agree, _ = rollup([claim(date_start="2024-06-01", date_end="2024-06-30"),
                       claim(date_start="2024-06-19", date_end="2024-06-19")], kind="agreement")  # fmt: skip
    assert (agree["date_start"], agree["date_end"]) == (day("2024-06-19"), day("2024-06-19"))
    disagree, _ = rollup([claim(date_start="2024-06-18", date_end="2024-06-18"),
                          claim(date_start="2024-06-20", date_end="2024-06-20")], kind="agreement")  # fmt: skip
    assert (disagree["date_start"], disagree["date_end"]) == (day("2024-06-18"), day("2024-06-20"))


def test_statuses_climb_the_ladder_and_denials_stay_apart() -> None:
    out, _ = rollup([claim(claim_status="assessed"), claim(claim_status="estimated"),
                     claim(claim_status="confirmed", polarity="negative")])  # fmt: skip
    assert (out["strongest_status"], out["denial_count"], out["claim_count"]) == ("estimated", 1, 3)
    ruled_out, _ = rollup([claim(polarity="negative")])
    assert (ruled_out["strongest_status"], ruled_out["denial_count"]) == (None, 1)


def test_attributions_count_each_actor_and_each_sources_own_voice_once() -> None:
    out, _ = rollup([claim(attributed_to="kor-nis"), claim(attributed_to="kor-nis", source_id="b"),
                     claim(), claim(source_id="b"), claim()])  # fmt: skip
    assert (out["attribution_count"], out["source_count"]) == (3, 2)
    assert (out["first_reported"], out["first_reported_in"]) == (day("2024-10-23"), "a")


STATUSES = st.sampled_from(
    ["confirmed", "stated", "reported", "estimated", "assessed", "alleged", "projected"]
)
CLAIMS = st.lists(
    st.builds(
        lambda status, polarity, value, start, length, count: claim(
            claim_status=status, polarity=polarity, value=value, count_type=count,
            date_start=dt.date(2024, 1, 1) + dt.timedelta(days=start),
            date_end=dt.date(2024, 1, 1) + dt.timedelta(days=start + length),
        ),
        STATUSES, st.sampled_from(["positive", "negative"]), st.none() | st.integers(0, 10**6),
        st.integers(0, 300), st.integers(0, 40), st.sampled_from(["total", "increment", "part"]),
    ),
    min_size=1, max_size=12,
)  # fmt: skip


@given(CLAIMS, st.randoms(use_true_random=False))
def test_what_an_event_adds_up_to_does_not_depend_on_row_order(
    claims: list[dict[str, Any]], random: Any
) -> None:
    out, _ = rollup(claims)
    shuffled = list(claims)
    random.shuffle(shuffled)
    assert rollup(shuffled)[0] == out
    assert out["claim_count"] == len(claims) and out["denial_count"] <= len(claims)
    if out["value_best"] is not None:
        assert out["value_low"] <= out["value_best"] <= out["value_high"]


# ------------------------------------------------------------ validation recomputes what it vouches for


def _rewrite(descriptor: Path, name: str, table: pa.Table) -> None:
    """Write both files of a resource with ``table`` and seal them, as a careful tamperer would."""
    from datapkg.compiler.outputs.serialize import write_csv, write_parquet

    folder = descriptor.parent
    write_parquet(table, folder / f"{name}.parquet")
    write_csv(table, folder / f"{name}.csv", list_delimiters={})
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    for resource in package["resources"]:
        if resource["name"] == name:
            for entry, file in ((resource, f"{name}.csv"), (resource["x-parquet"], f"{name}.parquet")):
                data = (folder / file).read_bytes()
                entry["bytes"], entry["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    descriptor.write_text(json.dumps(package), encoding="utf-8")


@pytest.fixture
def installed_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "datapkg" / "data", tmp_path / "data", ignore=shutil.ignore_patterns(".staging-*"))
    return tmp_path / "data" / "datapackage.json"


def test_validate_recomputes_the_events_and_names_what_differs(installed_copy: Path) -> None:
    events = pq.read_table(installed_copy.parent / "events.parquet")
    rows = events["id"].to_pylist()
    at = rows.index(DEPLOYMENT)
    counts = events["claim_count"].to_pylist()
    counts[at] += 1
    index = events.schema.get_field_index("claim_count")
    _rewrite(installed_copy, "events", events.set_column(index, events.schema.field(index), pa.array(counts)))
    problems = validate_package(installed_copy)
    assert problems == [
        f"events record {DEPLOYMENT!r}: field 'claim_count': {counts[at]}, but its claims give {counts[at] - 1}: "
        "the events table does not match the fact tables"
    ]


def test_a_figure_counted_against_one_of_another_event_is_refused(installed_copy: Path) -> None:
    figures = pq.read_table(installed_copy.parent / "troop_figures.parquet")
    related = figures["related_figure"].to_pylist()
    at = figures["id"].to_pylist().index("prk-ballistic-missile-experts")
    related[at] = "gfp-2024-prk-active-personnel"
    index = figures.schema.get_field_index("related_figure")
    changed = figures.set_column(index, figures.schema.field(index), pa.array(related, pa.string()))
    _rewrite(installed_copy, "troop_figures", changed)
    problems = validate_package(installed_copy)
    assert (
        "troop_figures record 'prk-ballistic-missile-experts': field 'related_figure': "
        f"'gfp-2024-prk-active-personnel' is a figure of another event than {DEPLOYMENT!r}: "
        "a figure is counted against one of the same event"
    ) in problems


# ------------------------------------------------------------------- curators' mistakes, and events

RECORDS_000 = "build/records/000_7e917bff9e613273.yaml"
RECORDS_001 = "build/records/001_f05a9056add4a36d.yaml"
EVENTS = "build/records/events.yaml"


def _edit(layout: Any, relative: str, old: str, new: str) -> None:
    path = layout.root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(layout: Any) -> list[str]:
    from datapkg.compiler.pipeline import compile_package
    from datapkg.compiler.problems import InputError

    with pytest.raises(InputError) as caught:
        compile_package(layout)
    return [str(p) for p in caught.value.problems]


def test_mistakes_in_linking_claims_to_events_are_named_at_their_records(project_copy: Any) -> None:
    _edit(
        project_copy,
        RECORDS_000,
        "    claim_status: stated\n    polarity: negative\n",
        "    claim_status: stated\n",
    )
    _edit(project_copy, RECORDS_001, "    count_type: total\n    related_figure: nis-prk-troops-in-russia-3000\n",
          "    count_type: increment\n")  # fmt: skip
    _edit(
        project_copy,
        RECORDS_001,
        "    event_id: duma-ratification-2024-10-24\n",
        "    event_id: duma-ratification\n",
    )
    problems = _problems(project_copy)
    expected = [
        "record 'kor-ukr-no-weapons-delivered': field 'polarity': stage 'not_delivered' and polarity "
        "'negative' go together: a transfer said not to have happened denies it",
        "record 'nis-prk-troops-projected-10000': field 'related_figure': count_type 'increment' needs "
        "related_figure: the figure it adds to",
        "record 'duma-ratifies-treaty-2024-10-24': field 'event_id': unknown event_id 'duma-ratification': "
        "no such id in events; did you mean 'duma-ratification-2024-10-24'? (a new one goes in "
        "build/records/events.yaml)",
        "record 'duma-ratification-2024-10-24': field 'id': referred to by no record",
    ]
    for text in expected:
        assert any(text in p for p in problems), (text, problems)
    assert all(p.startswith(("build/records/000_", "build/records/001_", EVENTS + ":")) for p in problems)


def test_an_event_whose_figures_mix_units_is_refused(project_copy: Any) -> None:
    # the pioneer unit as a count of the October deployment: one unit beside 3,000 persons
    _edit(project_copy, RECORDS_000, "    event_id: prk-pioneer-unit-plan-2024-06\n    force: prk-armed-forces\n"
          "    measure: planned_deployment", "    event_id: prk-troop-deployment-to-russia-2024-10\n"
          "    force: prk-armed-forces\n    measure: deployed")  # fmt: skip
    _edit(project_copy, RECORDS_000, "    date: \"2024-07\"\n    date_basis: stated\n    date_text: bereits im Juli",
          "    date: \"2024-06\"\n    date_basis: publication")  # fmt: skip
    _edit(project_copy, RECORDS_000, "    claim_status: projected\n    attributed_to: prk\n",
          "    claim_status: reported\n    attributed_to: prk\n")  # fmt: skip
    problems = [p for p in _problems(project_copy) if "field 'unit'" in p]
    line = (project_copy.root / EVENTS).read_text(encoding="utf-8").splitlines().index(
        f"  - id: {DEPLOYMENT}") + 1  # fmt: skip
    assert problems == [
        f"{EVENTS}:{line}: record {DEPLOYMENT!r}: field 'unit': its claims give figures in different units "
        "(persons, units), which are never combined: name the unit its figures are read in (unit: persons), "
        "or give the claims of each unit their own event"
    ]


def test_a_source_may_list_the_events_it_first_reports(project_copy: Any) -> None:
    """An event can live in the records file of the source that brings it (add-source drafts
    new events there); the build reads events from every records file."""
    from datapkg.compiler.pipeline import compile_package

    _edit(project_copy, EVENTS, "\n  - id: duma-ratification-2024-10-24\n    label: The State Duma ratifies the "
          "treaty with North Korea\n    kind: agreement\n", "\n")  # fmt: skip
    path = project_copy.root / RECORDS_001
    path.write_text(path.read_text(encoding="utf-8") + "\nevents:\n  - id: duma-ratification-2024-10-24\n"
                    "    label: The State Duma ratifies the treaty with North Korea\n    kind: agreement\n",
                    encoding="utf-8")  # fmt: skip
    compiled = compile_package(project_copy)
    assert compiled.tables["events"].equals(datapkg.load("events", backend="pyarrow"))


def test_an_event_whose_curators_name_its_unit_reads_its_figures_in_that_unit() -> None:
    """A supply stream counted in shells and in containers: its figures are read in the unit its
    curators name, and the other claims stay out of them (never converted or added)."""
    events = pa.table({"id": ["e"], "kind": ["arms_transfer"], "unit": ["shells"]})
    rows = [
        claim(value=1_600_000, unit="shells", date_start="2024-01-31", date_end="2024-01-31"),
        claim(value=13_000, unit="containers", date_start="2024-10-23", date_end="2024-10-23"),
    ]
    table = pa.table({k: pa.array([c[k] for c in rows], t) for k, t in CLAIM_TYPES.items()})
    derived, mixed = derive(RULES, events, table, SOURCES)
    assert mixed == {}
    assert (derived["unit"][0], derived["value_best"][0], derived["value_high"][0]) == (
        "shells",
        1_600_000,
        1_600_000,
    )


def test_a_descriptor_whose_event_rules_are_missing_or_malformed_is_refused_not_crashed(
    installed_copy: Path,
) -> None:
    package = json.loads(installed_copy.read_text(encoding="utf-8"))
    schemas = {r["name"]: r["schema"] for r in package["resources"]}
    fields = {f["name"]: f for f in schemas["events"]["fields"]}
    del fields["strongest_status"]["x-ladder"]
    fields["value_best"]["x-counted"] = ["polarity"]
    schemas["troop_figures"]["x-claim"] = {"subject": "../force"}
    installed_copy.write_text(json.dumps(package), encoding="utf-8")
    problems = validate_package(installed_copy)
    assert problems == [
        f"{installed_copy}: resources[3].schema: x-claim: subject names no field '../force'",
        f"{installed_copy}: resources[7].schema: field 'value_best': x-counted must map exclude and only to "
        "{field: [values]}",
    ]
    fields["value_best"]["x-counted"] = {}
    schemas["troop_figures"]["x-claim"] = {"subject": "force"}
    installed_copy.write_text(json.dumps(package), encoding="utf-8")
    assert validate_package(installed_copy) == [
        "events: field 'strongest_status': strongest_status lacks x-ladder, the order of claim statuses it is "
        "read on"
    ]


def test_the_build_names_an_events_schema_without_its_ladder(project_copy: Any) -> None:
    path = project_copy.root / "schemas" / "events.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    next(f for f in schema["fields"] if f.get("name") == "strongest_status").pop("x-ladder")
    path.write_text(json.dumps(schema), encoding="utf-8")
    assert _problems(project_copy) == [
        "schemas/events.json: strongest_status lacks x-ladder, the order of claim statuses it is read on"
    ]
