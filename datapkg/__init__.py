"""Russia–North Korea military cooperation in 2024 news reporting, as typed tables.

Every row of a fact table cites its source with a verbatim quote (in the source's language) and
the quote's character offsets in the source text.

>>> import datapkg
>>> datapkg.resources()[:3]
['sources', 'actors', 'action_types']
>>> ranks = datapkg.load("military_rankings")
>>> int(ranks.loc[ranks["id"] == "gfp-2024-prk-military-strength", "rank"].iloc[0])
36

Loading reads the Parquet files shipped inside the package and needs no
network; it never imports pandera, frictionless or the build code.

A loaded table says what it holds, read from the Parquet file's own metadata (no descriptor
is parsed). A pandas frame's ``attrs``::

    {"name": "troop_figures", "title": "Troop figures", "description": "Personnel figures: ...",
     "version": "0.3.0", "source": ".../troop_figures.parquet",
     "fields": {"value": {"type": "integer", "description": "The number ...", "unit": ...}, ...}}

``unit`` is there where the schema fixes one unit for every row (a quantity whose unit varies
has it in its row's ``unit`` column). pandas deep-copies ``attrs`` into nearly everything it
derives (a column, a filter); ``fields`` is a read-only dict that those copies share instead,
which keeps them cheap (it pickles as a plain dict). A pyarrow table keeps the file's schema
metadata unchanged, so a table written back out carries nothing of the reader: ``resource``
(the name), ``title``, ``description``, ``version``, and per column ``description``, ``unit``
and ``enum``. :func:`claims` results carry the same without ``source``; a polars frame has no
place for metadata (polars 2.1): use the pyarrow backend, or
``polars.read_parquet_metadata(datapkg.path(name))`` for the table's.

>>> figures = datapkg.load("troop_figures")
>>> figures.attrs["name"], figures.attrs["title"]
('troop_figures', 'Troop figures')
>>> figures.attrs["source"] == str(datapkg.path("troop_figures"))
True
>>> figures.attrs["version"] == datapkg.package()["version"]
True
>>> datapkg.load("military_rankings").attrs["fields"]["rank"]["unit"]
'place'
>>> figures[figures["value"] > 5000]["value"].attrs["fields"] is figures.attrs["fields"]
True
>>> table = datapkg.load("military_rankings", backend="pyarrow")
>>> table.schema.metadata[b"title"], table.schema.field("rank").metadata[b"unit"]
(b'Military rankings', b'place')
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from datapkg import _installed
from datapkg._errors import ValidationError
from datapkg._installed import DATA, install_hint, package
from datapkg._names import RESOURCES, ResourceName
from datapkg._report import ValidationReport

if TYPE_CHECKING:  # for the signatures only: load imports just the backend it is asked for
    import pandas
    import polars
    import pyarrow

    from datapkg.downloads import DownloadError, fetch

__all__ = [
    "Backend",
    "DownloadError",
    "ResourceName",
    "ValidationError",
    "ValidationReport",
    "__version__",
    "citation",
    "claims",
    "duckdb",
    "fetch",
    "load",
    "load_all",
    "package",
    "pandera_schema",
    "path",
    "resources",
    "validate",
]


def __getattr__(name: str) -> Any:
    # Read on first use, so `import datapkg` parses no JSON and loads no download code.
    if name == "__version__":
        value: Any = _installed.version()
    elif name in ("DownloadError", "fetch"):
        from datapkg import downloads

        value = getattr(downloads, name)
    else:
        raise AttributeError(f"module 'datapkg' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # The public API only: names imported for the code's own use (Path, Any, overload...) stay
    # out of tab completion, and the lazy ones (fetch, DownloadError) are in it before first use.
    return sorted(__all__)


if TYPE_CHECKING:
    __version__: str


def resources() -> list[ResourceName]:
    """Names of the tables, in descriptor order.

    >>> "troop_figures" in resources()
    True
    """
    return list(RESOURCES)


def _resource(name: str) -> dict[str, Any]:
    if not isinstance(name, str) or name not in RESOURCES:
        valid = ", ".join(RESOURCES)
        raise ValueError(f"unknown resource {name!r}; expected one of: {valid}")
    for resource in package()["resources"]:
        if resource["name"] == name:
            found: dict[str, Any] = resource
            return found
    raise ValueError(f"resource {name!r} is missing from the installed descriptor")


def path(name: ResourceName, format: str = "parquet") -> Path:
    """Path of an installed data file.

    >>> path("troop_figures").name
    'troop_figures.parquet'
    """
    resource = _resource(name)
    if format == "parquet":
        relative = resource["x-parquet"]["path"]
    elif format == "csv":
        relative = resource["path"]
    else:
        raise ValueError(f"unknown format {format!r}; expected 'parquet' or 'csv'")
    return Path(str(DATA / relative))


Backend = Literal["pandas", "polars", "pyarrow"]


@overload
def load(
    name: ResourceName,
    *,
    backend: Literal["pandas"] = "pandas",
    version: str | None = None,
    base_url: str | None = None,
    cache: str | Path | None = None,
) -> pandas.DataFrame: ...
@overload
def load(
    name: ResourceName,
    *,
    backend: Literal["polars"],
    version: str | None = None,
    base_url: str | None = None,
    cache: str | Path | None = None,
) -> polars.DataFrame: ...
@overload
def load(
    name: ResourceName,
    *,
    backend: Literal["pyarrow"],
    version: str | None = None,
    base_url: str | None = None,
    cache: str | Path | None = None,
) -> pyarrow.Table: ...
def load(
    name: ResourceName,
    *,
    backend: Backend = "pandas",
    version: str | None = None,
    base_url: str | None = None,
    cache: str | Path | None = None,
) -> pandas.DataFrame | polars.DataFrame | pyarrow.Table:
    """One table, typed by its schema.

    ``backend="pandas"`` (default) gives a DataFrame with ``string``, ``Int64``,
    ``Float64``, ``datetime64[s]`` and categorical (enum) columns;
    ``"pyarrow"`` a ``pyarrow.Table``; ``"polars"`` a ``polars.DataFrame`` with
    ``Enum`` columns (needs the ``polars`` extra).

    Without ``version`` the copy inside the package is read, offline. With
    ``version="X.Y.Z"`` (or ``"latest"``) that release's file is downloaded from
    ``base_url`` (or ``$DATAPKG_BASE_URL``) into a per-user cache and verified against
    the SHA-256 recorded for it: by this package for the releases it knows, by the
    release index at the base URL for newer ones; each download must finish within
    ``$DATAPKG_DEADLINE`` seconds (120 by default); see :mod:`datapkg.downloads`.
    A value outside its field's enum raises :class:`ValidationError` naming the file,
    column and value (every backend), rather than loading as missing.

    >>> figures = load("troop_figures")
    >>> str(figures["value"].dtype), str(figures["claim_status"].dtype)
    ('Int64', 'category')
    >>> load("troop_figures", backend="pyarrow").num_rows == len(figures)
    True

    The result says what it holds, from the file's own metadata: a pandas frame's ``attrs``
    are ``name``, ``title``, ``description``, ``version``, ``source`` (the file read) and
    ``fields``: per column ``type``, ``description`` and, where the schema fixes one, ``unit``
    (read-only, shared by the frames pandas derives). A pyarrow table keeps the file's schema
    metadata; polars has no place for it. More in the package docstring (``help(datapkg)``).

    >>> figures.attrs["fields"]["value"]  # doctest: +NORMALIZE_WHITESPACE
    {'type': 'integer', 'description': 'The number the source gives, as a whole number
    ("1,32 Millionen" → 1320000); empty when the source gives none.'}
    """
    if not isinstance(name, str) or name not in RESOURCES:
        _resource(name)  # raises with the valid names
    if backend not in ("pandas", "polars", "pyarrow"):
        raise ValueError(f"unknown backend {backend!r}; expected 'pandas', 'polars' or 'pyarrow'")
    file, version = _located(name, version, base_url, cache)
    return _read(name, backend, file, version, base_url, cache)


def _located(
    name: str, version: str | None, base_url: str | None, cache: str | Path | None
) -> tuple[Path, str | None]:
    """The file of a table: installed, or of ``version`` (resolved) in the download cache."""
    if version is None:
        return Path(str(DATA / f"{name}.parquet")), None  # installed as <name>.parquet
    from datapkg.downloads import fetch, resolve_version

    # "latest" is resolved once, so the table and its descriptor come from one release.
    version = resolve_version(version, base_url, cache)
    return fetch(f"{name}.parquet", version, base_url=base_url, cache=cache), version


def load_all(
    *,
    backend: Backend = "pandas",
    version: str | None = None,
    base_url: str | None = None,
    cache: str | Path | None = None,
) -> dict[ResourceName, Any]:
    """Every table, by resource name, in one backend (arguments as for :func:`load`).

    >>> tables = load_all(backend="pyarrow")
    >>> list(tables) == resources()
    True
    >>> "gfp-2024-prk-military-strength" in tables["military_rankings"]["id"].to_pylist()
    True
    """
    if version == "latest":
        from datapkg.downloads import resolve_version

        version = resolve_version(version, base_url, cache)
    load_any: Any = load  # one backend for every table, whichever it is
    return {
        name: load_any(name, backend=backend, version=version, base_url=base_url, cache=cache)
        for name in RESOURCES
    }


def claims(
    *,
    backend: Backend = "pandas",
    version: str | None = None,
    base_url: str | None = None,
    cache: str | Path | None = None,
) -> Any:
    """Every claim of every fact table in one tidy table, with names beside the ids: the
    event it is about (``event_id``, ``event``, ``event_kind``), the source (``source``,
    ``published``), whom it is about (``subject_name``, ``counterpart_name``), what it says
    (``what``: a measure, metric, item or action type; ``value`` with its ``unit``), who said
    it (``said_by``; "(the outlet)" for the source's own voice), how (``claim_status``,
    ``polarity``) and whether a figure is a total, an increment or a part (``count_type``).
    Sorted by event, date and id. Count events with ``event_id``, never rows; add ``value``
    only within one unit and never totals to their parts. Backends and versions as for
    :func:`load`.

    >>> c = claims()
    >>> figures = c[(c["event_id"] == "prk-troop-deployment-to-russia-2024-10") & c["value"].notna()]
    >>> seed = figures[figures["source_id"] == "001_f05a9056add4a36d"]
    >>> seed[["value", "unit", "count_type"]].values.tolist()
    [[3000, 'persons', 'total'], [10000, 'persons', 'total']]
    >>> int(c["event_id"].nunique()) == len(load("events"))
    True
    """
    from datapkg._claims import load_claims

    def load_arrow(name: ResourceName) -> Any:
        return load(name, backend="pyarrow", version=version, base_url=base_url, cache=cache)

    if version is not None:
        from datapkg.downloads import resolve_version

        version = resolve_version(version, base_url, cache)
    return load_claims(load_arrow, lambda name: _schema_of(name, version, base_url, cache), backend)


def duckdb(
    version: str | None = None, *, base_url: str | None = None, cache: str | Path | None = None
) -> Any:
    """A DuckDB connection (in memory) with every table as a view under its resource name,
    over the installed Parquet files (or those of ``version``). Needs the ``duckdb`` extra.

    >>> db = duckdb()
    >>> db.sql("SELECT rank FROM military_rankings WHERE id = 'gfp-2024-prk-military-strength'").fetchall()
    [(36,)]
    """
    try:
        import duckdb as duckdb_module
    except ModuleNotFoundError:
        raise ImportError(f"datapkg.duckdb() needs duckdb: {install_hint('duckdb')}") from None
    if version is not None:
        from datapkg.downloads import fetch, resolve_version

        version = resolve_version(version, base_url, cache)
    connection = duckdb_module.connect()
    for name in RESOURCES:
        if version is None:
            file = Path(str(DATA / f"{name}.parquet"))
        else:
            file = fetch(f"{name}.parquet", version, base_url=base_url, cache=cache)
        quoted = str(file).replace("'", "''")
        connection.execute(f"CREATE VIEW \"{name}\" AS SELECT * FROM read_parquet('{quoted}')")
    return connection


def _read(
    name: str,
    backend: Backend,
    file: Path,
    version: str | None,
    base_url: str | None,
    cache: str | Path | None,
) -> Any:
    """One file in the backend's types. The Parquet file's own metadata types the columns
    (no descriptor read); files written before they carried their enums use the descriptor."""
    if backend == "polars":
        # polars reads the file itself; the enums come from the descriptor, so pyarrow stays unloaded.
        from datapkg._polars import read_polars

        return read_polars(file, _schema_of(name, version, base_url, cache))
    from datapkg._attrs import about_of, arrow_metadata, table_attrs
    from datapkg._parquet import read_parquet
    from datapkg._parquet_schema import check_enums, fields_of

    table, arrow_schema = read_parquet(file)
    fields = fields_of(arrow_schema, file)
    about = about_of(arrow_schema.metadata)
    # A file states its version; one written before files did is the asked-for or installed one's.
    stated = version or about.get("version") or _installed.version()
    if backend == "pyarrow":
        if fields is not None:  # a value its own metadata does not allow is refused here too
            check_enums(table, fields, file)
        return arrow_metadata(table, stated)
    schema = {"fields": fields} if fields is not None else _schema_of(name, version, base_url, cache)
    from datapkg._dtypes import arrow_to_pandas

    frame = arrow_to_pandas(table, schema, source=file)
    frame.attrs = table_attrs(name, schema["fields"], about, stated, str(file))
    return frame


def _schema_of(
    name: str, version: str | None, base_url: str | None, cache: str | Path | None
) -> dict[str, Any]:
    """The Table Schema from a descriptor: for files written before they carried their enums."""
    import json

    from datapkg.downloads import fetch

    if version is None:
        return _resource(name)["schema"]  # type: ignore[no-any-return]
    descriptor_file = fetch("datapackage.json", version, base_url=base_url, cache=cache)
    try:
        descriptor = json.loads(descriptor_file.read_bytes())
    except (OSError, ValueError, RecursionError) as error:
        raise ValueError(
            f"{descriptor_file}: cannot read it as a data package descriptor ({error})"
        ) from None
    return _schema_in(descriptor, name, descriptor_file)


def _schema_in(descriptor: Any, name: str, where: object = "that release's descriptor") -> dict[str, Any]:
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    for resource in resources if isinstance(resources, list) else []:
        if isinstance(resource, dict) and resource.get("name") == name:
            schema = resource.get("schema")
            fields = schema.get("fields") if isinstance(schema, dict) else None
            if not isinstance(fields, list) or not all(isinstance(f, dict) and "name" in f for f in fields):
                raise ValueError(
                    f"{where}: resource {name!r} has no Table Schema with a list of named fields"
                )
            return schema  # type: ignore[return-value]
    raise ValueError(f"resource {name!r} is missing from {where}")


def citation() -> str:
    """How to cite this version of the dataset.

    >>> print(citation())  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
    rus-prk-military-cooperation curators (...). Russia–North Korea military cooperation in
    2024 news reporting, version ... [data set]. Python package rus-prk-military-cooperation.
    Data licensed CC BY 4.0.
    """
    text: str = package()["x-citation"]
    return text


def pandera_schema(name: ResourceName) -> Any:
    """The Pandera schema of one table, translated from its Table Schema, for
    checking frames in your own pipeline (needs the ``build`` extra).

    >>> schema = pandera_schema("military_rankings")
    >>> ranks = load("military_rankings")
    >>> schema.validate(ranks).equals(ranks)
    True
    """
    try:
        from datapkg.checks.pandera_schemas import pandera_schema as translate
    except ModuleNotFoundError as error:
        if error.name != "pandera":
            raise
        raise ImportError(f"pandera_schema() needs pandera: {install_hint('build')}") from None
    from datapkg.schema.specs import table_spec

    return translate(table_spec(name, _resource(name)["schema"]))


def validate(descriptor: str | Path | None = None) -> ValidationReport:
    """Check every file's size and hash, every table's schema, keys and row order, and the
    rules across fields and tables (bounds, dates, ids unique across tables, mentions
    naming existing records).

    Validates the installed package unless a ``datapackage.json`` path is given; any
    package with this project's resources will do. Raises :class:`ValidationError`
    listing every problem. Needs only pyarrow (it never imports pandas).

    Returns a :class:`ValidationReport` of what was checked: ``files``, ``rows`` per table,
    ``rules``, the ``descriptor`` path, the package's ``name`` and ``version``; it shows as
    one line (``str``, ``repr``, in a notebook).

    >>> report = validate()
    >>> report.files[:2], report.descriptor.name, report.rows["events"] == len(load("events"))
    (('sources.parquet', 'sources.csv'), 'datapackage.json', True)
    >>> str(report).startswith(f"valid: 9 tables, 18 files, {sum(report.rows.values()):,} rows, ")
    True
    """
    from datapkg.validation import check_package

    problems, report = check_package(Path(descriptor) if descriptor else Path(str(DATA / "datapackage.json")))
    if report is None:
        raise ValidationError(problems)
    return report
