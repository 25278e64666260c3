"""``datapkg serve``: the package in Datasette, for reading before loading.

The SQLite export (tables with their column types, primary and foreign keys, so a figure's
actor and a row's source are links) is opened with Datasette metadata generated from the
descriptor: title, description, licence, sources and citation; a description for every
table and column; facets on the columns a reader filters by; labels for linked rows; the
queries a reader wants first; the timeline figure on the home page. Datasette renders it
all; nothing here is an HTML template. Needs the ``explore`` extra.
"""

from __future__ import annotations

import html
import json
import shutil
import sys
from pathlib import Path
from typing import Any

DATABASE = "rus-prk-military-cooperation"
FIGURE = "timeline.svg"

QUERIES: dict[str, dict[str, str]] = {
    "events_and_what_their_claims_add_up_to": {
        "title": "Events, and what their claims add up to",
        "description": "One row per real-world thing the sources speak of: its dates, when it was first "
        "reported, how many claims, sources and attributions it has, the strongest status a claim "
        "reaches, and its best, lowest and highest figure with the unit they count.",
        "sql": """select e.kind, e.label, e.date_start, e.date_end, e.first_reported, e.claim_count as claims,
  e.source_count as sources, e.attribution_count as attributions, e.denial_count as denials,
  e.strongest_status, e.value_best, e.value_low, e.value_high, e.unit, e.id
from events e
order by e.date_start is null, e.date_start, e.id""",
    },
    "north_korean_troop_claims": {
        "title": "Every claim about North Korean troop numbers, by date and who said it",
        "description": "Troop figures for North Korea's forces with value and unit, whether a figure is a "
        "total, an increment or a part of another, qualifier and claim status, the actor the source "
        "attributes them to, the event they are about, and the quote. Figures of different units or "
        "a total and its parts are never to be added.",
        "sql": """select t.date_start, t.date_end, e.label as event, t.measure, t.value, t.unit, t.count_type,
  t.related_figure, t.value_low, t.value_high, t.qualifier, t.claim_status, t.polarity,
  coalesce(s.name_en, '(the outlet)') as said_by, t.quote, t.quote_en, t.source_id, t.id
from troop_figures t
join actors f on f.id = t.force
join events e on e.id = t.event_id
left join actors s on s.id = t.attributed_to
where f.country = 'PRK'
order by t.date_start is null, t.date_start, t.id""",
    },
    "actions_by_actor_and_quad_class": {
        "title": "Events each actor acts in, by CAMEO quad class",
        "description": "How many events each actor takes an action in, by CAMEO quad class (verbal or "
        "material, cooperation or conflict) and action, beside the number of records that claim them: "
        "both sides of a signing, or two sources reporting it, are one event.",
        "sql": """select a.name_en as actor, t.quad_class, t.label as action,
  count(distinct d.event_id) as events, count(*) as claims,
  min(d.date_start) as first, max(d.date_end) as last
from diplomatic_actions d
join actors a on a.id = d.actor
join action_types t on t.id = d.action_type
group by a.name_en, t.quad_class, t.label
order by a.name_en, t.quad_class, events desc""",
    },
    "numbers_and_their_records": {
        "title": "Numbers and dates in the sources, and the records that cover them",
        "description": "Every number and date expression the extractor finds, with the records whose "
        "quotes hold it or the reviewed reason why none does.",
        "sql": """select m.source_id, m.start, m.text, m.kind, m.value, m.unit, m.status,
  m.covered_by, m.ignore_reason
from mentions m
order by m.source_id, m.start""",
    },
}


def _columns(resource: dict[str, Any]) -> dict[str, str]:
    out = {}
    for field in resource["schema"]["fields"]:
        text = field.get("description", "")
        enum = field.get("constraints", {}).get("enum")
        if enum:
            text += " One of: " + ", ".join(enum) + "."
        out[field["name"]] = text
    return out


def _tables(descriptor: dict[str, Any]) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for resource in descriptor["resources"]:
        name = resource["name"]
        table: dict[str, Any] = {
            "title": resource.get("title", name),
            "description": resource.get("description", ""),
            "columns": _columns(resource),
        }
        schema = resource["schema"]
        facets = [f["name"] for f in schema["fields"] if f.get("x-facet")]
        if facets:  # the columns a reader filters by first, marked in the schemas
            table["facets"] = facets
        if "x-label" in schema:  # shown for a linked row instead of its id
            table["label_column"] = schema["x-label"]
        if name == "mentions":
            table["sort"] = "start"
        tables[name] = table
    return tables


def _home(descriptor: dict[str, Any], figure_url: str | None) -> str:
    parts = [f"<p>{html.escape(descriptor.get('description', ''))}</p>"]
    if figure_url:
        parts.append(
            f'<p><img src="{figure_url}" alt="Timeline of the dated actions and figures in the sources" '
            'style="max-width:100%"></p>'
        )
    sources = "".join(
        f"<li>{html.escape(s.get('title') or '')} ({html.escape(s.get('x-published') or '')}, "
        f"{html.escape(s.get('x-publisher') or 'publisher not known')})</li>"
        for s in descriptor.get("sources", [])
    )
    parts.append(f"<p>Sources:</p><ul>{sources}</ul>")
    parts.append(f"<p>Cite as: {html.escape(descriptor.get('x-citation', ''))}</p>")
    return "".join(parts)


def datasette_metadata(descriptor: dict[str, Any], figure_url: str | None = None) -> dict[str, Any]:
    """Datasette metadata for the SQLite export, from the descriptor alone."""
    licences: list[dict[str, str]] = descriptor.get("licenses", [])
    data_licence: dict[str, str] = next((x for x in licences if x.get("x-scope") == "data"), {})
    return {
        "title": f"{descriptor.get('title', DATABASE)} (version {descriptor.get('version', '')})",
        "description_html": _home(descriptor, figure_url),
        "license": data_licence.get("title", data_licence.get("name", "")),
        "license_url": data_licence.get("path", ""),
        "source": "; ".join(s.get("title", "") for s in descriptor.get("sources", [])),
        "databases": {DATABASE: {"tables": _tables(descriptor), "queries": QUERIES}},
    }


def figure() -> Path | None:
    """The timeline figure: shipped in the wheel, or drawn in a checkout's docs/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "figures" / FIGURE, here.parent / "docs" / FIGURE):
        if candidate.is_file():
            return candidate
    return None


def prepare(folder: Path) -> tuple[Path, Path, Path]:
    """The SQLite export, its metadata and the static folder (with the figure) in ``folder``."""
    import datapkg
    from datapkg.export import SQLITE_NAME, export

    export("sqlite", folder, force=True)
    static = folder / "static"
    static.mkdir(exist_ok=True)
    drawn = figure()
    if drawn is not None:
        shutil.copyfile(drawn, static / FIGURE)
    metadata = folder / "metadata.json"
    figure_url = f"/assets/{FIGURE}" if drawn is not None else None
    metadata.write_text(
        json.dumps(datasette_metadata(datapkg.package(), figure_url), indent=2, ensure_ascii=False),
        encoding="utf-8",
    )
    database = folder / f"{DATABASE}.db"
    shutil.move(str(folder / SQLITE_NAME), database)
    return database, metadata, static


def serve_command(folder: Path, host: str, port: int) -> list[str]:
    """The Datasette command line for a prepared folder."""
    database, metadata, static = prepare(folder)
    return [
        sys.executable, "-m", "datasette", "serve", "--immutable", str(database), "--metadata", str(metadata),
        "--static", f"assets:{static}", "--host", host, "--port", str(port),
        "--setting", "default_page_size", "50",
    ]  # fmt: skip
