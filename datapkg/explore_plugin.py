"""The Datasette plugin of ``datapkg serve`` (registered by ``datapkg.explore.main``).

- Amounts and counts are shown with thousands separators; which columns those are comes
  from the metadata serve writes (``plugins.datapkg.amounts`` of a table, and of the database
  for query pages, where only a column's name is known).
- A column that holds another row's id (``plugins.datapkg.links``) shows that row's label with
  the id beside it, as a link, where Datasette leaves the bare id: on row pages (a table page
  names linked rows itself).
- A facet the table shows by default is not shown a second time when the address names it too
  (Datasette's column menu offers "Facet by this" for such a column, and shows two boxes).

It reads nothing but Datasette's metadata, so it knows nothing of the package itself.
"""

from __future__ import annotations

import functools
import math
import urllib.parse
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any, TypeVar

import markupsafe
from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode

NAME = "datapkg"

Hook = TypeVar("Hook", bound=Callable[..., Any])


def _hook(function: Hook) -> Hook:
    """Datasette's hook marker, which returns the function it marks, with its type kept."""
    marked: Hook = hookimpl(function)
    return marked


Scope = MutableMapping[str, Any]
App = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]]


@dataclass(frozen=True)
class _Rules:
    amounts: frozenset[str]
    links: dict[str, str]  # column -> the table whose row it names


# The metadata is fixed while the server runs, and a page asks once per cell.
@functools.lru_cache(maxsize=256)
def _rules(datasette: Any, database: str, table: str | None) -> _Rules:
    config = datasette.plugin_config(NAME, database=database, table=table) or {}
    return _Rules(frozenset(config.get("amounts", ())), dict(config.get("links", {})))


def grouped(value: object) -> str | None:
    """``value`` with thousands separators, or None for what is not a finite number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, int):
        return f"{value:,}"
    # Fifteen digits is what a double holds; it drops the ".0" of a whole number stored as REAL.
    return f"{value:,.15g}" if math.isfinite(value) else None


async def _link(datasette: Any, database: str, table: str, column: str, other: str, value: Any) -> str:
    labels = await datasette.expand_foreign_keys(database, table, column, [value])
    label = labels.get((column, value))
    href = datasette.urls.row(database, other, tilde_encode(str(value)))
    if label is None or str(label) == str(value):  # the linked table has no label column
        return markupsafe.Markup('<a href="{}">{}</a>').format(href, value)
    return markupsafe.Markup('<a href="{}">{}</a>&nbsp;<em>{}</em>').format(href, label, value)


@_hook
def render_cell(value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    rules = _rules(datasette, database, table)
    if column in rules.amounts:
        return grouped(value)
    other = rules.links.get(column)
    # A table page hands over a linked cell already labelled (a dict); a row page the bare id.
    if table is None or other is None or value is None or value == "" or isinstance(value, dict):
        return None
    return _link(datasette, database, table, column, other, value)


def facets_once(datasette: Any, path: str, query: bytes) -> bytes:
    """``query`` without a ``_facet`` the table at ``path`` already shows, or that it names twice."""
    parts = path.strip("/").split("/")
    if len(parts) != 2 or b"_facet=" not in query:
        return query
    table = tilde_decode(parts[1].rsplit(".", 1)[0])  # the name without a format (.json, .csv)
    configured = datasette.table_metadata(tilde_decode(parts[0]), table).get("facets") or []
    shown = {f for f in configured if isinstance(f, str)}  # only column facets are named bare
    pairs = urllib.parse.parse_qsl(query.decode("latin-1"), keep_blank_values=True)
    kept = []
    for key, value in pairs:
        if key == "_facet":
            if value in shown:
                continue
            shown.add(value)
        kept.append((key, value))
    return query if len(kept) == len(pairs) else urllib.parse.urlencode(kept).encode("latin-1")


@_hook
def asgi_wrapper(datasette: Any) -> Callable[[App], App]:
    def wrap(app: App) -> App:
        async def once(scope: Scope, receive: Any, send: Any) -> None:
            if scope.get("type") == "http" and scope.get("query_string"):
                query = facets_once(datasette, scope["path"], scope["query_string"])
                scope = {**scope, "query_string": query}
            await app(scope, receive, send)

        return once

    return wrap
