"""datapkg: the Russia–North Korea military cooperation data package (2024 news reporting).

Load, inspect, validate, export and browse the tables; curators also build the package,
add articles and cut releases from a checkout."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from datapkg._errors import ValidationError
from datapkg._installed import install_hint


def _build(args: argparse.Namespace) -> int:
    from datapkg.compiler.layout import Layout, default_root
    from datapkg.compiler.pipeline import compile_package, differences, write_outputs
    from datapkg.compiler.problems import InputError

    layout = Layout(args.root.resolve() if args.root else default_root())
    try:
        compiled = compile_package(layout)
    except InputError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"build failed: {len(error.problems)} problem(s); no file was changed", file=sys.stderr)
        return 1
    if args.check:
        diffs = differences(layout, compiled)
        for line in diffs:
            print(f"error: {line}", file=sys.stderr)
        if diffs:
            print(
                "check failed: committed outputs differ from a fresh build; run `datapkg build`",
                file=sys.stderr,
            )
            return 1
        print(f"check passed: {len(compiled.staged)} files match a fresh build")
        return 0
    changed = write_outputs(layout, compiled)
    rows = ", ".join(f"{name} {table.num_rows}" for name, table in compiled.tables.items())
    print(f"built {len(compiled.staged)} files ({len(changed)} changed); rows: {rows}")
    return 0


def _list(args: argparse.Namespace) -> int:
    import datapkg

    for name in datapkg.resources():
        print(name)
    return 0


def _validate(args: argparse.Namespace) -> int:
    import datapkg

    try:
        report = datapkg.validate(args.descriptor)
    except datapkg.ValidationError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"validation failed: {len(error.problems)} problem(s)", file=sys.stderr)
        return 1
    print(report)
    return 0


def _extract(args: argparse.Namespace) -> int:
    import json

    from datapkg._input_files import read_input, read_limited
    from datapkg.extract import ReferenceFormError, extract, parse_reference

    name = "standard input" if args.file == "-" else args.file
    # Bytes decoded whole, from a file or standard input alike: CR characters stay, so
    # offsets index the input's own text, and a decoding error's offset is the input's.
    # A pipe is fine (`<(…)`, standard input); input without end is not.
    data = (
        read_limited(sys.stdin.buffer, name)
        if args.file == "-"
        else read_input(Path(args.file), regular=False)
    )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = f"byte 0x{error.object[error.start]:02x} at {error.start}"
        hint = "save it as UTF-8 (a byte like this is often Latin-1 or Windows-1252 text)"
        print(f"error: {name}: not UTF-8 ({byte}); {hint}", file=sys.stderr)
        return 1
    ref = None
    if args.date:
        try:
            ref = parse_reference(args.date)
        except ReferenceFormError as error:
            print(f"error: --date {error}", file=sys.stderr)
            return 2
    for mention in extract(text, lang=args.lang, ref=ref):
        print(json.dumps(mention.as_dict(), ensure_ascii=False))
    return 0


def _serve(args: argparse.Namespace) -> int:
    import datasette  # noqa: F401  (a missing extra is named by main)

    from datapkg.explore import ServeError, serve
    from datapkg.export import ExportError

    host = f"[{args.host}]" if ":" in args.host else args.host

    def announce() -> None:
        print(f"serving on http://{host}:{args.port}/ (Ctrl-C stops it)", flush=True)

    try:
        return serve(args.dir, args.host, args.port, announce)
    except (ServeError, ExportError) as error:
        raise CommandError(str(error)) from None


def _keys(resource: dict[str, object]) -> list[str]:
    schema = resource["schema"]
    assert isinstance(schema, dict)
    primary = schema.get("primaryKey")
    lines = [f"primary key: {', '.join(primary) if isinstance(primary, list) else primary}"]
    foreign = [*schema.get("foreignKeys", []), *schema.get("x-foreignKeys", [])]
    for key in foreign:
        fields = key["fields"] if isinstance(key["fields"], str) else ", ".join(key["fields"])
        reference = key["reference"]
        targets = reference.get("resources", reference.get("resource"))
        # A list names several tables; "" refers to the table itself.
        target = " or ".join(targets) if isinstance(targets, list) else targets or str(resource["name"])
        lines.append(f"foreign key: {fields} -> {target}.{reference.get('fields')}")
    return lines


def _info(args: argparse.Namespace) -> int:
    import pyarrow.parquet as pq

    import datapkg

    try:
        resource = datapkg._resource(args.resource)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    rows = pq.ParquetFile(datapkg.path(args.resource)).metadata.num_rows
    print(f"{resource['name']}: {resource['description']}")
    print(f"rows: {rows}")
    print(f"files: {datapkg.path(args.resource)}, {datapkg.path(args.resource, format='csv')}")
    for line in _keys(resource):
        print(line)
    print("fields:")
    for field in resource["schema"]["fields"]:
        constraints = field.get("constraints", {})
        flags = "required" if constraints.get("required") else "optional"
        enum = f" one of: {', '.join(constraints['enum'])}." if "enum" in constraints else ""
        print(f"  {field['name']} ({field['type']}, {flags}): {field.get('description', '')}{enum}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from datapkg.export import ExportError, export

    try:
        written = export(args.format, args.out, force=args.force)
    except ExportError as error:
        raise CommandError(str(error)) from None
    for path in written:
        print(path)
    return 0


def _release(args: argparse.Namespace) -> int:
    from datapkg.compiler.layout import Layout, default_root
    from datapkg.compiler.outputs.bundle import NotReleasable, StaleOutputs, releasable, write_release
    from datapkg.compiler.pipeline import compile_package
    from datapkg.compiler.problems import InputError
    from datapkg.export import ExportError

    layout = Layout(args.root.resolve() if args.root else default_root())
    try:
        compiled = compile_package(layout)
        releasable(layout, compiled.version)
        written = write_release(layout, compiled, args.out)
    except InputError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print("release refused: nothing was written", file=sys.stderr)
        return 1
    except (StaleOutputs, NotReleasable, ExportError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    record = layout.shown(written[-1])
    archive = layout.shown(written[-1].parent / compiled.version)
    print(
        f"released {compiled.version}: commit {record} and {archive}/; they mark the version as released, "
        "freeze its data and are what the next release's diff starts from"
    )
    return 0


def _diff(args: argparse.Namespace) -> int:
    import json

    import datapkg
    from datapkg.changes import Incomparable, as_text, compare, retired
    from datapkg.compiler.layout import default_root
    from datapkg.versions_on_hand import VersionNotFound, side

    root = args.root.resolve() if args.root else default_root()
    checkout = root if (root / "build" / "releases").is_dir() else None
    reach = {"checkout": checkout, "base_url": args.base_url, "cache": args.cache}
    try:
        new = side(args.new, **reach)
        old = side(args.old or _previous(new.version, checkout), **reach)
        # A retired id stays retired: the installed package's record explains older removals too.
        diff = compare(old, new, record=retired(old.descriptor, new.descriptor, datapkg.package()))
    except (VersionNotFound, Incomparable) as error:  # tables are read as they are compared
        raise CommandError(str(error)) from None
    if args.format == "json":
        print(json.dumps(diff, indent=2, ensure_ascii=False))
    else:
        print(as_text(diff), end="")
    return 0


def _previous(version: str, checkout: Path | None) -> str:
    from datapkg.downloads import known_releases
    from datapkg.versions_on_hand import previous_release

    releases = set(known_releases())
    if checkout is not None:
        releases |= {p.stem for p in (checkout / "build" / "releases").glob("*.sha256")}
    found: str | None = previous_release(version, sorted(releases))
    if found is None:
        raise CommandError(
            f"no release before {version} is known; name the old version: datapkg diff OLD NEW"
        )
    return found


def _add_source(args: argparse.Namespace) -> int:
    from datapkg.compiler.curation.add_source import SourceFileError, SourceOptions, add_source
    from datapkg.compiler.curation.source_files import parse_bases
    from datapkg.compiler.layout import Layout, default_root

    layout = Layout(args.root.resolve() if args.root else default_root())
    try:
        options = SourceOptions(
            args.lang, args.published, args.title, args.publisher, args.author, args.url, args.genre,
            parse_bases(args.basis), args.normalize,
        )  # fmt: skip
        added = add_source(layout, args.file, options)
    except SourceFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in added.written:
        print(f"wrote {layout.shown(path)}")
    drafted = ", ".join(f"{n} {table}" for table, n in added.candidates.items())
    print(f"source {added.source_id}: {added.mentions} numbers and dates found; draft records: {drafted}")
    print(
        "next: review the metadata and every draft record (CONTRIBUTING.md), confirm each by deleting "
        "its `status: draft` line, list the new ids in CHANGELOG.md, then run `python3 tasks.py check`"
    )
    return 0


def parser() -> argparse.ArgumentParser:
    import datapkg

    p = argparse.ArgumentParser(prog="datapkg", description=__doc__)
    p.add_argument("--version", action="version", version=f"datapkg {datapkg.__version__} (data and code)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_CommandParser)
    _build_parser(sub)
    _validate_parser(sub)
    x = sub.add_parser("extract", help="print every number and date expression as JSON Lines")
    x.add_argument("file", help="UTF-8 text file ('-' for standard input)")
    x.add_argument("--lang", choices=["de", "en"], help="language (default: detected)")
    x.add_argument(
        "--date",
        help="reference for relative dates: the publication day YYYY-MM-DD, or what is known of it: "
        "YYYY-MM, YYYY or a window DATE/DATE",
    )
    x.set_defaults(run=_extract)
    ls = sub.add_parser("list", help="list the resource names", description=_LIST_DESCRIPTION)
    ls.set_defaults(run=_list)
    i = sub.add_parser(
        "info",
        help="describe one resource: rows, files, keys, fields with types and descriptions",
        description=_INFO_DESCRIPTION,
    )
    i.add_argument("resource", help="a resource name, as `datapkg list` prints them")
    i.set_defaults(run=_info)
    _export_parser(sub)
    _serve_parser(sub)
    _add_source_parser(sub)
    _release_parser(sub)
    _diff_parser(sub)
    return p


class _CommandParser(argparse.ArgumentParser):
    """A subcommand's parser. An argument it does not know is its own usage error, so the
    message shows the command's usage; argparse would leave it to the top level's."""

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        namespace, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return namespace, extras


_LIST_DESCRIPTION = (
    "Prints the name of every table in the installed package, one per line, in the descriptor's "
    "order. Each name works with `datapkg info NAME` and with datapkg.load(NAME) in Python."
)
_INFO_DESCRIPTION = (
    "Describes one table of the installed package: what one row is, how many rows it has, its "
    "Parquet and CSV files, its primary and foreign keys, and every field with its type, whether it "
    "is required, the values it allows and what it means."
)


def _build_parser(sub: Any) -> None:
    b = sub.add_parser(
        "build",
        help="validate the inputs and write the data package",
        description=(
            "Builds the data package in a checkout of the project: reads the article texts "
            "(build/sources/) and the curated records (build/records/), checks them against the "
            "schemas (schemas/) and writes the Parquet and CSV tables, datapackage.json and "
            "docs/data-dictionary.md. A build that finds problems lists every one and changes no file."
        ),
    )
    b.add_argument(
        "--check",
        action="store_true",
        help="write nothing; fail if the committed outputs differ from a fresh build",
    )
    b.add_argument("--root", type=Path, help="project checkout (default: found from here)")
    b.set_defaults(run=_build)


def _existing(text: str) -> Path:
    if not Path(text).exists():
        raise argparse.ArgumentTypeError(f"{text}: no such file or folder")
    return Path(text)


def _validate_parser(sub: Any) -> None:
    v = sub.add_parser(
        "validate",
        help="check files, hashes, schemas and keys of a built package",
        description=(
            "Checks a built data package: each file's size and SHA-256 against datapackage.json, "
            "each table against its schema (types, required values, allowed values, bounds), the "
            "keys within and across tables, the rules across fields (low <= value <= high, dates) "
            "and each CSV file against its Parquet twin. Prints one summary line when all is valid; "
            "otherwise one line per problem, and exits with status 1."
        ),
    )
    v.add_argument(
        "descriptor",
        nargs="?",
        type=_existing,
        help="a datapackage.json, or the folder that holds one, such as an export or a release "
        "bundle (default: the package installed with datapkg)",
    )
    v.set_defaults(run=_validate)


def _export_parser(sub: Any) -> None:
    e = sub.add_parser("export", help="write every table in another format")
    e.add_argument(
        "--format",
        required=True,
        choices=["parquet", "csv", "json", "sqlite"],
        help="json: one array of records per table; sqlite: one database with keys (a complete "
        "data package is written beside either)",
    )
    e.add_argument("--out", required=True, type=Path, help="the folder to write into")
    e.add_argument(
        "--force",
        action="store_true",
        help="write into OUT even when it is not empty: its files of the export are replaced, nothing "
        "else; a symbolic link or folder in their place is refused",
    )
    e.set_defaults(run=_export)


def _serve_parser(sub: Any) -> None:
    sv = sub.add_parser(
        "serve",
        help="browse the tables in Datasette (needs the explore extra)",
        description="Opens the package in Datasette on the SQLite export, with the descriptor's "
        "titles and descriptions, facets, linked keys and ready-made queries. SIGTERM, SIGINT or "
        "SIGHUP stop Datasette too, and the temporary folder is removed.",
    )
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8001, help="port (default: 8001)")
    sv.add_argument(
        "--dir",
        type=Path,
        help="keep the database and metadata here: a new or empty folder, or one an earlier serve "
        "wrote (default: a temporary folder)",
    )
    sv.set_defaults(run=_serve)


def _add_source_parser(sub: Any) -> None:
    a = sub.add_parser(
        "add-source",
        help="add an article: its text, metadata and a draft of its records",
        description=(
            "Copies FILE byte for byte to build/sources/<id>.txt under the next source id, writes its "
            "metadata (SHA-256, length, and where each item comes from) and build/records/<id>.yaml with "
            "draft records (status: draft) for a curator to review. The build refuses drafts."
        ),
    )
    a.add_argument("file", type=Path, help="the article as a UTF-8 text file")
    a.add_argument("--lang", required=True, choices=["de", "en"], help="the article's language")
    a.add_argument(
        "--published",
        required=True,
        metavar="DATE[/DATE]",
        help="publication date, or the window it lies in: YYYY-MM-DD, YYYY-MM or YYYY, two joined by /",
    )
    a.add_argument("--title", help="the headline, one line (default: the text's first line)")
    a.add_argument("--publisher", help="the outlet that published it")
    a.add_argument("--author", help="the author, as printed or known")
    a.add_argument("--url", help="where it was published: an http or https URL with a host")
    a.add_argument(
        "--genre",
        default="news_report",
        help="the kind of text, one of the genres of the sources schema (default: news_report)",
    )
    a.add_argument(
        "--basis",
        action="append",
        default=[],
        metavar="ITEM=BASIS",
        help="where an item comes from, when not as guessed: ITEM title, genre, author, publisher or "
        "published; BASIS printed, inferred, assigned, url or index (repeatable)",
    )
    a.add_argument(
        "--normalize",
        action="store_true",
        help="store a text with BOM, CR line endings or not in NFC as UTF-8 without BOM, LF, NFC",
    )
    a.add_argument("--root", type=Path, help="project checkout (default: found from here)")
    a.set_defaults(run=_add_source)


def _release_parser(sub: Any) -> None:
    r = sub.add_parser(
        "release",
        help="release the current version: write its bundle to OUT and record its sums in the checkout",
        description=(
            "Writes OUT/<version>/ (datapackage.json, every Parquet and CSV file, SHA256SUMS and a zip "
            "of them all) and build/releases/<version>.sha256 in the checkout. Committing that file marks "
            "the version as released: later builds refuse to change its data. Needs a final version "
            "(not .devN) with its own CHANGELOG.md section and committed outputs that match a fresh build. "
            "An OUT/index.json already there must be a release index that agrees with the sums the "
            "checkout records; otherwise nothing is written."
        ),
    )
    r.add_argument("--out", required=True, type=Path, help="bundles go to OUT/<version>/")
    r.add_argument("--root", type=Path, help="project checkout (default: found from here)")
    r.set_defaults(run=_release)


def _diff_parser(sub: Any) -> None:
    d = sub.add_parser(
        "diff",
        help="what changed between two versions: rows added, removed (with the reason) and changed",
        description=(
            "Compares two versions of the tables row by row (by primary key) and field by field. "
            "A version is 'installed', 'checkout', a path to an unpacked release bundle or its "
            "datapackage.json, or a version number: the installed one, a release archived in the "
            "checkout (build/releases/<version>/), or one downloaded from --base-url and verified. "
            "OLD defaults to the release before NEW; NEW to the installed package."
        ),
    )
    d.add_argument("old", nargs="?", help="the version to compare from (default: the release before NEW)")
    d.add_argument(
        "new", nargs="?", default="installed", help="the version to compare to (default: installed)"
    )
    d.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or JSON")
    d.add_argument("--base-url", help="where releases are downloaded from (default: $DATAPKG_BASE_URL)")
    d.add_argument("--cache", type=Path, help="download cache (default: the per-user cache)")
    d.add_argument("--root", type=Path, help="project checkout (default: found from here)")
    d.set_defaults(run=_diff)


# Modules of the optional extras, and the extra that brings each.
EXTRAS = {
    "yaml": "build", "pandera": "build", "polars": "polars", "matplotlib": "figures",
    "datasette": "explore", "duckdb": "duckdb",
}  # fmt: skip


class CommandError(Exception):
    """An expected failure of a command: its message is printed, no traceback."""


def main(argv: Sequence[str] | None = None) -> int:
    """Expected errors become one-line messages with an exit status; anything else keeps its
    traceback and is marked as a bug, so it gets reported rather than worked around."""
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except BrokenPipeError:
        # The reader stopped early (`datapkg list | head -1`): nothing more to say.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] not in EXTRAS:
            raise
        extra = EXTRAS[(error.name or "").split(".")[0]]
        print(
            f"error: datapkg {args.command} needs the {extra!r} extra: {install_hint(extra)}",
            file=sys.stderr,
        )
        return 2
    except CommandError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except ValidationError as error:  # an installed file changed after installation, read by a command
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    except OSError as error:
        where = error.filename if error.filename is not None else args.command
        print(f"error: {where}: {error.strerror or error}", file=sys.stderr)
        return 1


def run(argv: Sequence[str] | None = None) -> int:
    """The console script: ``main``, with an unexpected exception marked as a bug."""
    try:
        return main(argv)
    except Exception:
        traceback.print_exc()
        print("error: this is a bug in datapkg, not in your input; please report it with the traceback above",
              file=sys.stderr)  # fmt: skip
        return 70


if __name__ == "__main__":
    sys.exit(run())
