"""A package descriptor read as untrusted input, before validation opens any file it names.

Every key validation relies on must have its JSON type; the resources must be exactly this
package's, each listed once; every path must be a relative POSIX path that stays inside the
package folder, after resolving symbolic links too. Each problem names its JSON location
(``resources[3].path``) and what was expected, so a damaged or hostile descriptor is reported,
never followed: no file outside the package folder is opened, and nothing about one is shown.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from datapkg._names import RESOURCES
from datapkg.checks.arrow_values import values
from datapkg.schema.lint import field_problems, key_problems

_HASH = re.compile(r"sha256:[0-9a-f]{64}")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # a URL or a drive letter
_INSIDE = "a relative path inside the package"
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")


class _Repeated(dict[str, Any]):
    """A JSON object that named some keys more than once (``json`` keeps the last silently)."""

    repeated: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = _Repeated(pairs)
    if len(out) < len(pairs):
        keys = [k for k, _ in pairs]
        out.repeated = tuple(dict.fromkeys(k for k in keys if keys.count(k) > 1))
    return out


def _not_json(text: str) -> float:
    raise ValueError(f"{text} is not a JSON number")


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"{text} is too large for a JSON number")
    return number


def parse(text: str) -> Any:
    """JSON as the standard defines it: NaN, Infinity and numbers too large for a float are
    refused (ValueError), and objects that repeat a key are marked for :func:`problems`."""
    return json.loads(text, object_pairs_hook=_object, parse_constant=_not_json, parse_float=_finite)


def described(value: Any) -> str:
    """A JSON value as a message shows it: its type, and the value when it is short."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = repr(value)
        return "the string " + (shown if len(shown) <= 80 else shown[:76] + "...'")
    if isinstance(value, list):
        return f"a list of {len(value)} item(s)"
    return "an object"


def _typed(where: str, obj: dict[str, Any], key: str, what: str, ok: Callable[[Any], bool]) -> list[str]:
    if key not in obj:
        return [f"{where}.{key}: missing; expected {what}"]
    return [] if ok(obj[key]) else [f"{where}.{key}: expected {what}, got {described(obj[key])}"]


def _optional(where: str, obj: dict[str, Any], key: str, what: str, ok: Callable[[Any], bool]) -> list[str]:
    return _typed(where, obj, key, what, ok) if key in obj else []


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_name(value: Any) -> bool:
    return isinstance(value, str) and value != ""


def _are_texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def outside(base: Path, path: Any) -> str | None:
    """Why ``path`` does not name a file inside ``base`` (None when it does): it must be a
    relative POSIX path without ``..`` and not a URL, and stay inside after resolving links."""
    wrong = f"expected {_INSIDE}, got {described(path)}"
    if not isinstance(path, str) or not path or path.startswith("/") or _SCHEME.match(path):
        return wrong
    if "\\" in path or "\x00" in path or ".." in path.split("/"):
        return wrong
    try:
        if (base / path).resolve().is_relative_to(base.resolve()):
            return None
    except (OSError, RuntimeError, ValueError):  # a loop of links, a name too long
        return f"{wrong}, which cannot be resolved"
    return f"{wrong}, which a symbolic link leads out of the package"


def _file_problems(where: str, entry: Any, base: Path) -> list[str]:
    """A file's path, size and hash, as the CSV (the resource) and its Parquet twin name them."""
    if not isinstance(entry, dict):
        return [f"{where}: expected an object with path, bytes and hash, got {described(entry)}"]
    out = [] if "path" in entry else [f"{where}.path: missing; expected {_INSIDE}"]
    wrong = outside(base, entry["path"]) if "path" in entry else None
    out += [f"{where}.path: {wrong}"] if wrong else []
    out += _typed(where, entry, "bytes", "an integer", _is_integer)
    if _is_integer(entry.get("bytes")) and entry["bytes"] < 0:
        out.append(f"{where}.bytes: expected a size of 0 or more bytes, got {entry['bytes']}")
    expected_hash = "'sha256:' and 64 lower-case hexadecimal digits"
    return out + _typed(
        where, entry, "hash", expected_hash, lambda v: isinstance(v, str) and bool(_HASH.fullmatch(v))
    )


def _regex_problems(where: str, pattern: str) -> list[str]:
    """Table Schema patterns run on Arrow's regular expression engine (RE2), which refuses some
    that Python's accepts (back references, look-arounds)."""
    try:
        re.compile(pattern)
    except re.error:
        return []  # datapkg.schema.lint says so
    try:
        pc.match_substring_regex(values([""], pa.string()), f"^(?:{pattern})$")
    except pa.ArrowException as error:
        return [f"{where}: {pattern!r} is a regular expression the checks (RE2) cannot run ({error})"]
    return []


# Which field types each constraint or extension applies to: the checks compare values of
# that type only (a pattern on a number or a minimum on text would fail inside Arrow).
_APPLIES_TO = {
    "enum": ("string",),
    "pattern": ("string",),
    "minLength": ("string",),
    "unique": ("string", "integer", "number", "date", "boolean"),
    "minimum": ("integer", "number"),
    "maximum": ("integer", "number"),
}
_EXTENSIONS_APPLY_TO = {"x-codelist": ("string",), "x-same-event": ("string",)}
_INT64 = 2**63


def _is_bound(value: Any) -> bool:
    return isinstance(value, float) or (_is_integer(value) and -_INT64 <= value < _INT64)


def _constraint_problems(where: str, kind: Any, constraints: Any) -> list[str]:
    if not isinstance(constraints, dict):
        return [f"{where}: expected an object, got {described(constraints)}"]
    out = []
    for key, types in _APPLIES_TO.items():
        if key in constraints and kind not in types:
            out.append(f"{where}.{key}: applies to fields of type {' or '.join(types)}, not {kind!r}")
    for key in ("minimum", "maximum", "minLength"):
        out += _optional(where, constraints, key, "a number within 64 bits", _is_bound)
    out += _optional(
        where, constraints, "enum", "a non-empty list of text values", lambda v: v and _are_texts(v)
    )
    if isinstance(constraints.get("pattern"), str):
        out += _regex_problems(f"{where}.pattern", constraints["pattern"])
    return out


def _field_problems(where: str, field: Any) -> list[str]:
    if not isinstance(field, dict):
        return [f"{where}: expected an object (a field), got {described(field)}"]
    out = _typed(where, field, "name", "a field name (text)", _is_name)
    out += _typed(where, field, "type", "a type name (text)", _is_text)
    out += _optional(where, field, "itemType", "a type name (text)", _is_text)
    out += _optional(where, field, "delimiter", "a separator of one or more characters", _is_name)
    out += _optional(where, field, "description", "text", _is_text)
    out += _optional(where, field, "x-codelist", "the name of a code list (text)", _is_text)
    for key in ("x-apart", "x-lasting"):
        out += _optional(where, field, key, "a list of text values", _are_texts)
    rungs = "a list of rungs (lists of text values)"
    out += _optional(
        where, field, "x-ladder", rungs, lambda v: isinstance(v, list) and all(map(_are_texts, v))
    )
    for key, types in _EXTENSIONS_APPLY_TO.items():
        if field.get(key) and field.get("type") not in types:
            out.append(
                f"{where}.{key}: applies to fields of type {' or '.join(types)}, not {field.get('type')!r}"
            )
    return out + _constraint_problems(f"{where}.constraints", field.get("type"), field.get("constraints", {}))


def _key_shape(where: str, schema: dict[str, Any]) -> list[str]:
    """primaryKey and the foreign keys, as :mod:`datapkg.schema.lint` and the checks read them."""
    out = _typed(
        where, schema, "primaryKey", "a field name or a list of them", lambda v: _is_name(v) or _are_texts(v)
    )
    for key, target, what in (
        ("foreignKeys", "resource", "a resource name (text; empty for this one)"),
        ("x-foreignKeys", "resources", "a list of resource names"),
    ):
        if key not in schema:
            continue
        if not isinstance(schema[key], list):
            out.append(f"{where}.{key}: expected a list of foreign keys, got {described(schema[key])}")
            continue
        for i, fk in enumerate(schema[key]):
            at = f"{where}.{key}[{i}]"
            if not isinstance(fk, dict) or not isinstance(fk.get("reference"), dict):
                out.append(
                    f"{at}: expected an object with fields and a reference object, got {described(fk)}"
                )
                continue
            out += _typed(at, fk, "fields", "a field name (text)", _is_name)
            out += _typed(f"{at}.reference", fk["reference"], "fields", "a field name (text)", _is_name)
            ok = _is_text if target == "resource" else _are_texts
            out += _typed(f"{at}.reference", fk["reference"], target, what, ok)
    return out


def _schema_problems(where: str, resource: dict[str, Any]) -> list[str]:
    if "schema" not in resource:
        return [f"{where}.schema: missing; expected an object (a Table Schema)"]
    schema, where = resource["schema"], f"{where}.schema"
    if not isinstance(schema, dict):
        return [f"{where}: expected an object (a Table Schema), got {described(schema)}"]
    fields = schema.get("fields")
    if not isinstance(fields, list) or not fields:
        got = described(fields) if "fields" in schema else "nothing"
        return [f"{where}.fields: expected a non-empty list of fields, got {got}"]
    out = [p for i, f in enumerate(fields) for p in _field_problems(f"{where}.fields[{i}]", f)]
    names = [f.get("name") if isinstance(f, dict) else None for f in fields]
    out += [
        f"{where}.fields[{i}].name: {n!r} names an earlier field too"
        for i, n in enumerate(names) if isinstance(n, str) and n in names[:i]
    ]  # fmt: skip
    out += _key_shape(where, schema)
    # The values are read only once their types are right.
    return out or [f"{where}: {p}" for f in fields for p in field_problems(f)]


# How each file is read, as the build writes it: other tools follow these keys, so a
# descriptor that changes them would have them read other values than were validated.
_READ_AS = {
    "csv": {"format": "csv", "mediatype": "text/csv", "encoding": "utf-8"},
    "parquet": {"format": "parquet", "mediatype": "application/vnd.apache.parquet"},
}
_NOT_WRITTEN = ("dialect", "compression", "layout", "scheme", "innerpath", "encoding")


def _read_as_problems(where: str, entry: dict[str, Any], kind: str) -> list[str]:
    out = []
    for key, expected in _READ_AS[kind].items():
        if key in entry and entry[key] != expected:
            out.append(
                f"{where}.{key}: expected {expected!r}, as the build writes it, got {described(entry[key])}"
            )
    for key in _NOT_WRITTEN:
        if key in entry and key not in _READ_AS[kind]:
            out.append(
                f"{where}.{key}: the build writes no {key!r} for its {kind} files; other tools would "
                "read the file differently from what was validated"
            )
    return out


def _resource_problems(where: str, resource: Any, base: Path) -> list[str]:
    if not isinstance(resource, dict):
        return [f"{where}: expected an object (a resource), got {described(resource)}"]
    out = _typed(where, resource, "name", "a resource name (text)", _is_text)
    name = resource.get("name")
    if isinstance(name, str) and name not in RESOURCES:
        known = ", ".join(RESOURCES)
        out.append(f"{where}.name: {name!r} is not a resource of this package; expected one of {known}")
    out += _file_problems(where, resource, base) + _read_as_problems(where, resource, "csv")
    if "x-parquet" not in resource:
        out.append(f"{where}.x-parquet: missing; expected an object with path, bytes and hash")
    else:
        out += _file_problems(f"{where}.x-parquet", resource["x-parquet"], base)
        if isinstance(resource["x-parquet"], dict):
            out += _read_as_problems(f"{where}.x-parquet", resource["x-parquet"], "parquet")
    return out + _schema_problems(where, resource)


def _repeated_keys(descriptor: Any) -> list[str]:
    """Objects anywhere in the descriptor that name a key twice (walked without recursion: the
    nesting is as deep as the JSON parser allowed)."""
    out, stack = [], [("", descriptor)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            out += [
                f"{where or '(top level)'}: key {k!r} appears more than once"
                for k in getattr(value, "repeated", ())
            ]
            stack += [(_member(where, k), v) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [(f"{where}[{i}]", v) for i, v in enumerate(value)]
    return sorted(out)


def _member(where: str, key: str) -> str:
    """A JSON location one key further; an unusual key is quoted, so a location stays one line."""
    if _PLAIN_KEY.fullmatch(key):
        return f"{where}.{key}" if where else key
    return f"{where}[{key!r}]"


def _item_types(schema: dict[str, Any]) -> dict[str, str]:
    return {
        f["name"]: f.get("itemType", "string") if f["type"] == "list" else f["type"] for f in schema["fields"]
    }


def _key_type_problems(where: str, name: str, fit: dict[str, dict[str, Any]]) -> list[str]:
    """A foreign key compares values of one type: its field's (items') and the referenced field's."""
    schema = fit[name]["schema"]
    own, out = _item_types(schema), []
    for key in ("foreignKeys", "x-foreignKeys"):
        for i, fk in enumerate(schema.get(key, [])):
            ref = fk["reference"]
            targets = ref["resources"] if key == "x-foreignKeys" else [ref["resource"] or name]
            for target in (t for t in targets if t in fit):
                theirs = _item_types(fit[target]["schema"]).get(ref["fields"])
                mine = own.get(fk["fields"])
                if mine and theirs and mine != theirs:
                    out.append(
                        f"{where}.schema.{key}[{i}]: field {fk['fields']!r} ({mine}) cannot refer to "
                        f"field {ref['fields']!r} of {target} ({theirs})"
                    )
    return out


_CLAIM_TYPES = {
    "subject": "string",
    "counterpart": "string",
    "what": "string",
    "unit": "string",
    "value": "integer",
}


def _column_type_problems(where: str, schema: dict[str, Any]) -> list[str]:
    """Columns the checks read as one kind: a primary key of single values, and the columns
    ``x-claim`` names as a claim's text or number."""
    types = {f["name"]: f["type"] for f in schema["fields"]}
    key = schema["primaryKey"]
    out = [
        f"{where}.schema.primaryKey: field {name!r} holds lists; a key is made of single values"
        for name in ([key] if isinstance(key, str) else key)
        if types.get(name) == "list"
    ]
    claim = schema.get("x-claim", {})
    for role, want in _CLAIM_TYPES.items():
        have = types.get(claim.get(role))
        if have is not None and have != want:
            out.append(
                f"{where}.schema.x-claim.{role}: field {claim[role]!r} is of type {have}; expected {want}"
            )
    return out


def _across(wheres: dict[str, str], fit: dict[str, dict[str, Any]], base: Path) -> dict[str, list[str]]:
    """Problems across resources, by resource: keys into other resources, and two entries
    naming one file."""
    fields_of = {n: {f["name"] for f in r["schema"]["fields"]} for n, r in fit.items()}
    out: dict[str, list[str]] = {n: [] for n in fit}
    files: dict[Path, str] = {}
    for name, resource in fit.items():
        where = wheres[name]
        out[name] += [f"{where}.schema: {p}" for p in key_problems(resource["schema"], fields_of, name)]
        if not out[name]:
            out[name] += _key_type_problems(where, name, fit) + _column_type_problems(
                where, resource["schema"]
            )
        for at, entry in ((where, resource), (f"{where}.x-parquet", resource["x-parquet"])):
            target = (base / entry["path"]).resolve()
            if target in files:
                out[name].append(f"{at}.path: {entry['path']!r} names the file of {files[target]} too")
            files.setdefault(target, f"{at}.path")
    return out


def problems(
    descriptor: dict[str, Any], base: Path, shown: str
) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """What is wrong with a descriptor (each line ``<shown>: <JSON location>: <problem>``, in
    the order of the resources), and its resources that are fit to be checked, by name. ``base``
    is the package folder."""
    found: dict[str, list[str]] = {}  # by JSON location of the resource
    fit: dict[str, dict[str, Any]] = {}
    wheres: dict[str, str] = {}
    for i, resource in enumerate(descriptor["resources"]):
        where = f"resources[{i}]"
        found[where] = _resource_problems(where, resource, base)
        name = resource.get("name") if isinstance(resource, dict) else None
        if isinstance(name, str) and name in wheres:
            found[where].append(f"{where}.name: {name!r} is listed twice (also {wheres[name]})")
            fit.pop(name, None)
        elif isinstance(name, str):
            wheres[name] = where
            if not found[where]:
                fit[name] = resource
    for name, across in _across(wheres, fit, base).items():
        found[wheres[name]] += across
        if across:
            del fit[name]
    out = _repeated_keys(descriptor) + [p for where in found for p in found[where]]
    missing = [f"resource {n!r} missing from {shown}" for n in RESOURCES if n not in wheres]
    return [f"{shown}: {p}" for p in out] + missing, fit
