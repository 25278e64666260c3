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
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from datapkg.compiler.inputs.source_texts import check_text
from datapkg.extract import ReferenceFormError, parse_reference
from datapkg.schema.specs import TableSpec

_NUMBERED = re.compile(r"^(\d+)_")


class SourceFileError(Exception):
    """The text or the options cannot make a source; the message says what to change."""


def next_source_id(sources_dir: Path, data: bytes) -> str:
    numbers = [int(m[1]) for p in sources_dir.glob("*") if (m := _NUMBERED.match(p.name))]
    return f"{max(numbers, default=-1) + 1:03d}_{hashlib.sha256(data).hexdigest()[:16]}"


def accepted_text(data: bytes, shown: str, normalize: bool) -> bytes:
    """The bytes to store: the file as it is, or (only when asked) as UTF-8 without BOM, with
    LF line endings and in NFC. Raises SourceFileError naming what is wrong otherwise."""
    if normalize:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise SourceFileError(
                f"{shown}: not UTF-8 (byte {error.start}); convert it to UTF-8 first"
            ) from None
        text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
        data = text.encode("utf-8")
    text_or_none, problems = check_text(data, shown)
    if problems:
        fix = "" if normalize else "; pass --normalize to store it as UTF-8 without BOM, LF, NFC"
        raise SourceFileError("; ".join(str(p) for p in problems) + fix)
    if not (text_or_none or "").strip():
        raise SourceFileError(f"{shown}: the text is empty")
    return data


def existing_copy(sources_dir: Path, data: bytes) -> str | None:
    """The id of a source with these very bytes, if there is one."""
    for path in sorted(sources_dir.glob("*.txt")):
        if path.read_bytes() == data:
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
    quoted = json.dumps(text, ensure_ascii=False)
    return re.sub(r"[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]", lambda m: f"\\u{ord(m.group()):04x}", quoted)
