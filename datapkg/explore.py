"""``datapkg serve``: the package in Datasette, for reading before loading.

The SQLite export (tables with their column types, primary and foreign keys, so a figure's
actor and a row's source are links) is opened with Datasette metadata generated from the
descriptor: title, description, licence, sources and citation; a description for every
table and column; facets on the columns a reader filters by; labels for linked rows; the
queries a reader wants first; the timeline figure on the home page, below the links to
the queries and tables. Datasette renders it, with two templates of its own
(``explore_templates/``: a table's rows before its column notes, a row as a list of fields)
and a plugin (``explore_plugin``: thousands separators, names for linked ids on row pages, a
facet never shown twice) that reads what to do from this metadata. Needs the ``explore``
extra.

``serve`` owns what it starts. Its folder holds only what it writes, marked by a file
(``.datapkg-serve``), so a folder with anything else in it is refused rather than written
into; a temporary folder is removed when it stops. Datasette runs as a child that gets
every SIGTERM, SIGINT and SIGHUP sent to ``serve``, and ``serve`` waits for it to end.
"""

from __future__ import annotations

import contextlib
import html
import json
import signal
import socket
import subprocess
import sys
import tempfile
import time
import types
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from datapkg._installed import DIST
from datapkg.export import SQLITE_NAME, ExportError, check_folder, replace_bytes, replace_files, writers

DATABASE = DIST
FIGURE = "timeline.svg"
TEMPLATES = Path(__file__).resolve().parent / "explore_templates"
PLUGIN = "datapkg"  # the plugin's name in Datasette's metadata and its list of plugins
MARKER = ".datapkg-serve"
# Everything serve writes in its folder (and static/ holds only the figure).
WRITTEN = (MARKER, f"{DATABASE}.db", "metadata.json", "static")

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


# A number a reader reads as an amount or a count is shown with thousands separators
# (1,320,000: seven bare digits are hard to count at a glance). These keep their digits: a
# quote's offsets and a mention's start and end are positions a reader slices the source text
# with (in Python, and 12,345 is no index); an edition is a year and a rank a place in a list,
# labels rather than amounts; a Goldstein score and a quad class are codes. Only the HTML
# changes: JSON and CSV keep the stored numbers.
NOT_AMOUNTS = frozenset(
    {"quote_start", "quote_end", "start", "end", "edition", "rank", "goldstein", "quad_class"}
)


def _amounts(resource: dict[str, Any]) -> list[str]:
    fields = resource["schema"]["fields"]
    return [f["name"] for f in fields if f["type"] in ("integer", "number") and f["name"] not in NOT_AMOUNTS]


def _links(resource: dict[str, Any]) -> dict[str, str]:
    """Each column that holds another row's id, and the table of that row."""
    links = {}
    for key in resource["schema"].get("foreignKeys", []):
        fields = [key["fields"]] if isinstance(key["fields"], str) else key["fields"]
        if len(fields) == 1:  # an empty resource is the table itself (a figure's related figure)
            links[fields[0]] = key["reference"].get("resource") or resource["name"]
    return links


def _tables(descriptor: dict[str, Any]) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for resource in descriptor["resources"]:
        name = resource["name"]
        table: dict[str, Any] = {
            "title": resource.get("title", name),
            "description": resource.get("description", ""),
            "columns": _columns(resource),
            "plugins": {PLUGIN: {"amounts": _amounts(resource), "links": _links(resource)}},
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


def _starts(descriptor: dict[str, Any]) -> str:
    """Links to the ready-made queries and to every table, each under its title."""
    queries = "".join(
        f'<li><a href="/{DATABASE}/{name}">{html.escape(query["title"])}</a></li>'
        for name, query in QUERIES.items()
    )
    tables = "".join(
        f'<li><a href="/{DATABASE}/{r["name"]}">{html.escape(r.get("title", r["name"]))}</a> '
        f"<code>{r['name']}</code></li>"
        for r in descriptor["resources"]
    )
    return (
        f'<h2 id="queries">Start with a question</h2><ul class="bullets">{queries}</ul>'
        f'<h2 id="tables">Tables</h2><ul class="bullets" style="columns:3">{tables}</ul>'
        f'<p>Each table\'s columns and rows, and a box for your own SQL: <a href="/{DATABASE}">the '
        "database page</a>.</p>"
    )


def _source_title(source: dict[str, Any]) -> str:
    """A source's title, linked to its row where the descriptor names the row."""
    title = html.escape(source.get("title") or "")
    row = source.get("x-id")
    return f'<a href="/{DATABASE}/sources/{urllib.parse.quote(row)}">{title}</a>' if row else title


def _home(descriptor: dict[str, Any], figure_url: str | None) -> str:
    # The questions and tables come before the figure: they are what a reader opens first, and
    # the figure is taller than a screen.
    parts = [f"<p>{html.escape(descriptor.get('description', ''))}</p>", _starts(descriptor)]
    if figure_url:
        parts.append(
            f'<p><img src="{figure_url}" alt="Timeline of the dated actions and figures in the sources" '
            'style="max-width:100%"></p>'
        )
    sources = "".join(
        f"<li>{_source_title(s)} ({html.escape(s.get('x-published') or '')}, "
        f"{html.escape(s.get('x-publisher') or 'publisher not known')})</li>"
        for s in descriptor.get("sources", [])
    )
    parts.append(f'<p id="sources">Sources:</p><ul class="bullets">{sources}</ul>')
    parts.append(f"<p>Cite as: {html.escape(descriptor.get('x-citation', ''))}</p>")
    return "".join(parts)


def datasette_metadata(descriptor: dict[str, Any], figure_url: str | None = None) -> dict[str, Any]:
    """Datasette metadata for the SQLite export, from the descriptor alone."""
    licences: list[dict[str, str]] = descriptor.get("licenses", [])
    data_licence: dict[str, str] = next((x for x in licences if x.get("x-scope") == "data"), {})
    count = len(descriptor.get("sources", []))
    tables = _tables(descriptor)
    # A query's columns are known by name only: an amount in any table is one there too.
    amounts = sorted({c for t in tables.values() for c in t["plugins"][PLUGIN]["amounts"]})
    return {
        "title": f"{descriptor.get('title', DATABASE)} (version {descriptor.get('version', '')})",
        "description_html": _home(descriptor, figure_url),
        "license": data_licence.get("title", data_licence.get("name", "")),
        "license_url": data_licence.get("path", ""),
        # Every page repeats this line: the count and a link, not every title, keep it to one.
        "source": f"{count} news article{'' if count == 1 else 's'}, listed on the home page",
        "source_url": "/#sources",
        "databases": {
            DATABASE: {"tables": tables, "queries": QUERIES, "plugins": {PLUGIN: {"amounts": amounts}}}
        },
    }


def figure() -> Path | None:
    """The timeline figure: shipped in the wheel, or drawn in a checkout's docs/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "figures" / FIGURE, here.parent / "docs" / FIGURE):
        if candidate.is_file():
            return candidate
    return None


def _foreign(folder: Path) -> list[str]:
    """What ``folder`` holds that serve did not write there (all of it without the marker)."""
    if not folder.is_dir():
        return []
    names = sorted(entry.name for entry in folder.iterdir())
    marker = folder / MARKER
    if names and (marker.is_symlink() or not marker.is_file()):
        return names
    static = folder / "static"
    inside = sorted(e.name for e in static.iterdir()) if static.is_dir() and not static.is_symlink() else []
    return [n for n in names if n not in WRITTEN] + [f"static/{n}" for n in inside if n != FIGURE]


def claim(folder: Path) -> None:
    """Make ``folder`` serve's own: refused when it holds anything an earlier serve did not write."""
    check_folder(folder)
    foreign = _foreign(folder)
    if foreign:
        shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise ExportError(
            f"{folder} holds files datapkg serve did not write ({shown}); give an empty or new folder"
        )
    folder.mkdir(parents=True, exist_ok=True)
    replace_bytes(folder, {MARKER: b"written by datapkg serve; it replaces only its own files here\n"})


def prepare(folder: Path) -> tuple[Path, Path, Path]:
    """The SQLite export, its metadata and the static folder (with the figure) in ``folder``."""
    import datapkg

    claim(folder)
    static = folder / "static"
    check_folder(static)
    static.mkdir(exist_ok=True)
    drawn = figure()
    if drawn is not None:
        replace_bytes(static, {FIGURE: drawn.read_bytes()})
    figure_url = f"/assets/{FIGURE}" if drawn is not None else None
    metadata = json.dumps(datasette_metadata(datapkg.package(), figure_url), indent=2, ensure_ascii=False)
    replace_bytes(folder, {"metadata.json": metadata.encode("utf-8")})
    database = folder / f"{DATABASE}.db"
    replace_files(folder, {database.name: writers("sqlite")[SQLITE_NAME]})
    return database, folder / "metadata.json", static


def serve_command(folder: Path, host: str, port: int) -> list[str]:
    """The Datasette command line for a prepared folder."""
    database, metadata, static = prepare(folder)
    return [
        sys.executable, "-m", "datapkg.explore", "serve", "--immutable", str(database),
        "--metadata", str(metadata), "--static", f"assets:{static}", "--template-dir", str(TEMPLATES),
        "--host", host, "--port", str(port),
        "--setting", "default_page_size", "50",
    ]  # fmt: skip


class ServeError(Exception):
    """Datasette cannot serve where asked; the message names the host and port."""


def check_port(host: str, port: int) -> None:
    """Bind the address once, as the server will, so a port in use is named before anything starts."""
    where = f"{host}:{port}"
    if not 0 < port < 65536:
        raise ServeError(f"cannot serve on {where}: a port is a number from 1 to 65535")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as error:
        raise ServeError(f"cannot serve on {where}: {error.strerror or error}") from None
    except (UnicodeError, ValueError) as error:  # a host name no resolver can encode
        raise ServeError(f"cannot serve on {where}: not a host name or address ({error})") from None


def _answers(host: str, port: int) -> bool:
    target = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
    try:
        socket.create_connection((target, port), timeout=0.5).close()
    except OSError:
        return False
    return True


STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


class _Child:
    """The Datasette process and the stop signals received for it (forwarded as they come)."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.signals: list[int] = []

    def on_signal(self, signum: int, frame: types.FrameType | None) -> None:
        self.signals.append(signum)
        self.forward()

    def forward(self) -> None:
        if self.process is not None and self.process.poll() is None and self.signals:
            # A hang-up ends the server as a terminate does: uvicorn shuts down only on those two.
            last = self.signals[-1]
            self.process.send_signal(signal.SIGTERM if last == signal.SIGHUP else last)


@contextlib.contextmanager
def _signals_to(child: _Child) -> Iterator[None]:
    previous = {signum: signal.signal(signum, child.on_signal) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait(child: _Child, host: str, port: int, announce: Callable[[], None]) -> int:
    process = child.process
    assert process is not None
    up = False
    asked: float | None = None
    while process.poll() is None:
        if not up and not child.signals and _answers(host, port):
            up = True
            announce()
        if child.signals and asked is None:
            asked = time.monotonic()
        if asked is not None and time.monotonic() - asked > 10:
            process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=0.2)
    if child.signals:
        return 0
    if not up:
        raise ServeError(f"cannot serve on {host}:{port}: Datasette stopped (status {process.returncode})")
    return process.returncode


def _run(folder: Path, host: str, port: int, announce: Callable[[], None], child: _Child) -> int:
    command = serve_command(folder, host, port)
    if child.signals:
        return 0
    # Its own session: a Ctrl-C reaches it once, through serve, not twice.
    child.process = subprocess.Popen(command, start_new_session=True)
    try:
        child.forward()  # a signal that came while it was starting
        return _wait(child, host, port, announce)
    finally:
        _stop(child.process)


def serve(folder: Path | None, host: str, port: int, announce: Callable[[], None]) -> int:
    """Serve the package until Datasette stops or serve is told to stop; ``announce`` is called
    once the server answers. A temporary folder (without ``folder``) is removed at the end."""
    check_port(host, port)
    child = _Child()
    with _signals_to(child):
        if folder is not None:
            return _run(folder, host, port, announce, child)
        with tempfile.TemporaryDirectory(prefix="datapkg-serve-") as temporary:
            return _run(Path(temporary), host, port, announce, child)


def _quiet_datasette() -> None:
    """Datasette logs a failed request's traceback with every frame's local variables (hundreds of
    lines), and each failed SQL statement once more; the access log's line per request is kept,
    and the page itself says what went wrong."""
    import warnings

    import datasette.database
    import datasette.handle_exception as handling

    # A request that fails while facets are computed leaves their coroutines unawaited, and each
    # would print three lines of warning.
    warnings.filterwarnings("ignore", message="coroutine .* was never awaited", category=RuntimeWarning)
    handling.rich = None
    handling.traceback = types.SimpleNamespace(print_exc=lambda *args, **kwargs: None)
    execute = datasette.database.Database.execute

    async def execute_quietly(self: Any, *args: Any, **kwargs: Any) -> Any:
        kwargs["log_sql_errors"] = False
        return await execute(self, *args, **kwargs)

    datasette.database.Database.execute = execute_quietly


def main(argv: list[str]) -> None:
    """Datasette's command line, with its logging kept to one line per request."""
    from datasette.cli import cli
    from datasette.plugins import pm

    from datapkg import explore_plugin

    sys.excepthook = sys.__excepthook__  # datasette.cli installs rich tracebacks with locals
    _quiet_datasette()
    pm.register(explore_plugin, name=PLUGIN)
    cli.main(args=argv, prog_name="datasette")


if __name__ == "__main__":
    main(sys.argv[1:])
