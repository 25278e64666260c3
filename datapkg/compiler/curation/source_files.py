"""A new source's id, its text in the one accepted form, and its metadata file.

Source ids are ``NNN_<16 hex digits>``: ``NNN`` numbers the sources in the order they were
added (zero-padded to three digits, one more than the highest number in use), and the hex
digits are the first 16 of the SHA-256 of the text's bytes, so an id also names the exact
text. The two seed articles (000 and 001) came with ids whose hex part is not their hash;
their ids are kept, as ids never change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from datapkg.compiler.inputs.source_texts import check_text
from datapkg.extract import ReferenceFormError, parse_reference
from datapkg.schema.specs import TableSpec

_NUMBERED = re.compile(r"^(\d+)_")


class SourceFileError(Exception):
    """The text or the options cannot make a source; the message says what to change."""


@contextmanager
def claimed(sources_dir: Path) -> Iterator[None]:
    """Hold the sources folder for one run while it chooses a source id and writes the files:
    two runs at once would otherwise take the same number. The second run waits, then sees
    the first one's files."""
    try:
        sources_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SourceFileError(f"{sources_dir}: cannot be made ({error.strerror})") from None
    if sys.platform == "win32":  # msvcrt locks files, not folders: a lock file outside the project
        import msvcrt

        key = hashlib.sha256(str(sources_dir.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
        with open(Path(tempfile.gettempdir()) / f"datapkg-add-source-{key}.lock", "a+b") as lock:
            lock.seek(0)
            msvcrt.locking(lock.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                lock.seek(0)
                msvcrt.locking(lock.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    try:
        fd = os.open(sources_dir, os.O_RDONLY)
    except OSError as error:
        raise SourceFileError(f"{sources_dir}: cannot be opened ({error.strerror})") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def next_source_id(sources_dir: Path, data: bytes) -> str:
    numbers = [int(m[1]) for p in sources_dir.glob("*") if (m := _NUMBERED.match(p.name))]
    return f"{max(numbers, default=-1) + 1:03d}_{hashlib.sha256(data).hexdigest()[:16]}"


def _normalized(data: bytes) -> bytes | None:
    """The text as UTF-8 without BOM, with LF line endings and in NFC; None when not UTF-8."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).encode("utf-8")


def accepted_text(data: bytes, shown: str, normalize: bool) -> bytes:
    """The bytes to store: the file as it is, or (only when asked) as UTF-8 without BOM, with
    LF line endings and in NFC. Raises SourceFileError naming what is wrong otherwise."""
    if normalize:
        normalized = _normalized(data)
        if normalized is None:
            error = _decode_error(data)
            raise SourceFileError(f"{shown}: not UTF-8 (byte {error.start}); convert it to UTF-8 first")
        data = normalized
    text_or_none, problems = check_text(data, shown)
    if problems:
        raise SourceFileError("; ".join(str(p) for p in problems) + _fix(data, normalize))
    if not (text_or_none or "").strip():
        raise SourceFileError(f"{shown}: the text is empty")
    return data


def _decode_error(data: bytes) -> UnicodeDecodeError:
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return error
    raise AssertionError("decodes")  # only called for text that does not


def _fix(data: bytes, normalize: bool) -> str:
    """``--normalize`` is offered only where it would make the text acceptable."""
    if normalize:
        return ""
    normalized = _normalized(data)
    if normalized is None or check_text(normalized, "")[1]:
        return ""
    return "; pass --normalize to store it as UTF-8 without BOM, LF, NFC"


def existing_copy(sources_dir: Path, data: bytes) -> str | None:
    """The id of a source with these very bytes, if there is one."""
    for path in sorted(sources_dir.glob("*.txt")):
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return path.stem
    return None


def parse_window(value: str) -> tuple[dt.date, dt.date]:
    """``DATE`` or ``DATE/DATE``, each a day, a month (2024-10) or a year: the earliest and
    latest possible publication date (the extractor's reference window)."""
    try:
        return parse_reference(value)
    except ReferenceFormError as error:
        raise SourceFileError(f"--published {error}") from None


@dataclass
class SourceOptions:
    lang: str
    published: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    genre: str = "news_report"
    bases: dict[str, str] = field(default_factory=dict)  # item -> basis the curator states
    normalize: bool = False


def parse_bases(pairs: list[str]) -> dict[str, str]:
    """``ITEM=BASIS`` pairs as given; :func:`check_options` holds them to the schema."""
    return dict(pair.partition("=")[::2] for pair in pairs)


def check_options(options: SourceOptions, spec: TableSpec) -> None:
    """The genre and the stated bases against the sources schema, which lists the values."""
    items = [f.name.removesuffix("_basis") for f in spec.fields if f.name.endswith("_basis")]
    bases = spec.field("title_basis").enum or ()
    for item, basis in options.bases.items():
        if item not in items or basis not in bases:
            raise SourceFileError(
                f"--basis {f'{item}={basis}'!r}: expected ITEM=BASIS with ITEM one of {', '.join(items)} "
                f"and BASIS one of {', '.join(bases)}"
            )
    genres = spec.field("genre").enum or ()
    if options.genre not in genres:
        raise SourceFileError(f"--genre {options.genre!r}: expected one of {', '.join(genres)}")
    for name in ("title", "author", "publisher", "url"):
        _check_text_option(name, getattr(options, name), spec)


_TEXT_OPTION_WORDS = {
    "url": "an http or https URL with a host",
    "title": "one line of text without control characters",
}


def _check_text_option(name: str, value: str | None, spec: TableSpec) -> None:
    """A metadata option as the sources schema's pattern allows it (the build checks the same)."""
    if value is None:
        return
    if re.search("[\\ud800-\\udfff]", value):  # how Python passes on bytes that are not UTF-8
        raise SourceFileError(f"--{name} {value!r}: not UTF-8; give it as UTF-8 text")
    pattern = spec.field(name).descriptor.get("constraints", {}).get("pattern")
    if pattern is not None and not re.fullmatch(pattern, value):
        words = _TEXT_OPTION_WORDS.get(name, _TEXT_OPTION_WORDS["title"])
        raise SourceFileError(f"--{name} {value!r}: expected {words} (text matching {escaped(pattern)})")


def _in_url(value: str, url: str | None) -> bool:
    if not url:
        return False
    squeezed = re.sub(r"[^a-z0-9]", "", value.lower())
    return len(squeezed) >= 3 and squeezed in re.sub(r"[^a-z0-9]", "", unquote(url).lower())


def _date_in_url(window: tuple[dt.date, dt.date], url: str | None) -> bool:
    if not url or window[0] != window[1]:
        return False
    day = window[0]
    forms = (f"{day:%Y/%m/%d}", f"{day:%Y-%m-%d}", f"{day:%Y%m%d}", f"{day:%d.%m.%Y}")
    return any(form in url for form in forms)


def basis_of(
    item: str, value: str | None, text: str, options: SourceOptions, printed_date: bool
) -> str | None:
    """Where a metadata value comes from, unless the curator said: in the text, in the URL, or
    the curator's own (a title is then assigned, anything else inferred)."""
    if value is None:
        return None
    if item in options.bases:
        return options.bases[item]
    if item == "published":
        window = parse_window(options.published)
        return "printed" if printed_date else "url" if _date_in_url(window, options.url) else "inferred"
    if item == "genre":
        return "inferred"
    if value in text:
        return "printed"
    if _in_url(value, options.url):
        return "url"
    return "assigned" if item == "title" else "inferred"


def yaml_scalar(value: object) -> str:
    """One value as a records or metadata file writes it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | dt.date):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(yaml_scalar(v) for v in value) + "]"
    text = str(value)
    if re.fullmatch(r"[a-z][a-z0-9_-]*", text) and text not in (
        "null",
        "true",
        "false",
        "yes",
        "no",
        "on",
        "off",
    ):
        return text
    # JSON strings are YAML double-quoted scalars; YAML also wants control characters escaped.
    return escaped(json.dumps(text, ensure_ascii=False))


# What YAML, str.splitlines or a terminal reads as a line break or a control (the bidirectional
# controls reorder what a terminal shows), and what YAML or UTF-8 cannot hold as it is (BOM,
# noncharacters, lone surrogates).
_UNSAFE = re.compile(
    "[\\x00-\\x1f\\x7f-\\x9f\\u200e\\u200f\\u202a-\\u202e\\u2028\\u2029\\u2066-\\u2069"
    "\\ufeff\\ufffe\\uffff\\ud800-\\udfff]"
)


def escaped(text: str) -> str:
    """``text`` with each unsafe character written as a ``\\uXXXX`` escape."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
