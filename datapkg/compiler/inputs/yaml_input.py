"""YAML inputs that remember where every record and field was written.

PyYAML forgets line numbers once it builds Python objects; curators need
them in error messages. Mappings load as ``LineDict`` carrying the line of the
mapping and of each key. Duplicate keys are an error (PyYAML would silently
keep the last one, hiding a curator's typo).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NoReturn

import yaml

from datapkg._input_files import read_input
from datapkg.compiler.problems import Origin, Problem


class LineDict(dict[str, Any]):
    """A YAML mapping with the 1-based line of the mapping and of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def origin(self, file: str) -> Origin:
        return Origin(file, self.line, tuple(self.key_lines.items()))


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


class _Refused(yaml.MarkedYAMLError):
    """A value YAML can write but a record cannot hold; reported without "syntax error"."""


# libyaml's parser where installed (several times faster); the constructors below are ours either way.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    pass


def _numbers_as_yaml_1_2() -> None:
    """Resolve plain numbers as YAML 1.2 does: YAML 1.1 also reads digits joined by
    underscores (a source id such as ``900_0000000000000001``), sexagesimals and
    0-prefixed octals as numbers, which would turn ids and codes into integers."""
    resolvers = {
        first: [(tag, rx) for tag, rx in entries if tag not in (_INT, _FLOAT)]
        for first, entries in _Base.yaml_implicit_resolvers.items()
    }
    _Loader.yaml_implicit_resolvers = resolvers
    _Loader.add_implicit_resolver(_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
    _Loader.add_implicit_resolver(
        _FLOAT,
        re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$"),
        list("-+0123456789."),
    )


_INT, _FLOAT = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_DAY_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PLAIN = "text, numbers, dates, true/false, lists and mappings"
MAX_DEPTH = 32  # records nest four deep; a deeper file is a mistake or an attack
MAX_ALIASED = 10_000  # values that aliases may repeat, so that a few lines cannot expand to millions
_numbers_as_yaml_1_2()


def _construct_mapping(loader: _Loader, node: yaml.Node) -> LineDict:
    if not isinstance(node, yaml.MappingNode):
        _refuse(node, f"!!map needs a mapping, found a {_kind(node)}")
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in mapping:
            raise _DuplicateKey(
                None,
                None,
                f"duplicate key {key!r} (first on line {mapping.key_lines[key]})",
                key_node.start_mark,
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _refuse(node: yaml.Node, message: str) -> NoReturn:
    raise _Refused(None, None, message, node.start_mark)


def _scalar(node: yaml.Node) -> yaml.ScalarNode:
    if not isinstance(node, yaml.ScalarNode):
        _refuse(node, f"{_short(node.tag)} needs a single value, found a {_kind(node)}")
    return node


def _number(loader: _Loader, node: yaml.Node, construct: Any, tag: str, expected: str) -> Any:
    node = _scalar(node)
    try:
        return construct(loader, node)
    except ValueError:
        _refuse(node, f"!!{tag} {str(loader.construct_scalar(node))!r} is not {expected}")


def _construct_int(loader: _Loader, node: yaml.Node) -> int:
    return int(_number(loader, node, yaml.SafeLoader.construct_yaml_int, "int", "a whole number"))


def _construct_float(loader: _Loader, node: yaml.Node) -> float:
    # NaN and infinities are built here and refused by the field check, which names the record.
    return float(_number(loader, node, yaml.SafeLoader.construct_yaml_float, "float", "a number"))


def _construct_bool(loader: _Loader, node: yaml.Node) -> bool:
    node = _scalar(node)
    text = str(loader.construct_scalar(node))
    if text.lower() not in loader.bool_values:
        _refuse(node, f"!!bool {text!r} is not true or false")
    return bool(loader.bool_values[text.lower()])


def _construct_timestamp(loader: _Loader, node: yaml.Node) -> Any:
    node = _scalar(node)
    text = str(loader.construct_scalar(node))
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, AttributeError):  # AttributeError: PyYAML's own pattern did not match
        if _DAY_SHAPE.match(text):
            # 2024-06-31 or 2024-13-45: kept as text, so that the date check says why it is
            # no date, with its record and field.
            return text
        _refuse(node, f"{text!r} is not a date like 2024-06-19")


def _construct_other(loader: _Loader, node: yaml.Node) -> NoReturn:
    _refuse(node, f"tag {_short(node.tag)} is not allowed; expected {_PLAIN}")


def _kind(node: yaml.Node) -> str:
    names: dict[type[yaml.Node], str] = {yaml.MappingNode: "mapping", yaml.SequenceNode: "list"}
    return names.get(type(node), "single value")


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
for _tag, _constructor in (
    ("int", _construct_int),
    ("float", _construct_float),
    ("bool", _construct_bool),
    ("timestamp", _construct_timestamp),
    *((tag, _construct_other) for tag in ("binary", "set", "omap", "pairs")),
):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _constructor)
_Loader.add_constructor(None, _construct_other)  # any other tag, python/* included


def _shape_problem(text: str) -> tuple[int, str] | None:
    """The line and message of nesting deeper than MAX_DEPTH or aliases that repeat more than
    MAX_ALIASED values, read from the parser's events (no recursion, nothing built yet)."""
    open_counts: list[list[Any]] = []  # per open collection: [values so far, its anchor]
    sizes: dict[str, int] = {}
    aliased = 0
    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1 if event.start_mark is not None else 1
        if isinstance(event, yaml.CollectionStartEvent):
            if len(open_counts) >= MAX_DEPTH:
                return line, f"nested more than {MAX_DEPTH} levels deep; expected records of fields"
            open_counts.append([1, event.anchor])
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            count, anchor = open_counts.pop()
        elif isinstance(event, yaml.AliasEvent):
            if any(event.anchor == a for _, a in open_counts):
                return line, f"alias *{event.anchor} is inside the value it names; a value cannot hold itself"
            count, anchor = sizes.get(event.anchor or "", 1), None
            aliased += count
            if aliased > MAX_ALIASED:
                return line, f"aliases repeat more than {MAX_ALIASED} values; write the values out"
        elif isinstance(event, yaml.ScalarEvent):
            count, anchor = 1, event.anchor
        else:
            continue
        if anchor:
            sizes[anchor] = count
        if open_counts:
            open_counts[-1][0] += count
    return None


def _parse(text: str, shown: str) -> tuple[Any, list[Problem]]:
    try:
        shape = _shape_problem(text)
        if shape is not None:
            return None, [Problem(f"{shown}:{shape[0]}", shape[1])]
        return yaml.load(text, Loader=_Loader), []
    except _Refused as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark is not None else 1
        return None, [Problem(f"{shown}:{line}", str(exc.problem))]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        if "mapping values are not allowed" in what:
            # A quote such as `Er sagte: «…»` holds ": ", which YAML reads as a key.
            what += '; a value holding ": " must be in quotes (quote: "…") or written as a block (quote: >-)'
        return None, [Problem(f"{shown}:{line}", f"YAML syntax error: {what}")]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return None, [
            Problem(f"{shown}:{line}", f"character U+{code:04X} is not allowed in YAML ({exc.reason})")
        ]
    except yaml.YAMLError as exc:
        return None, [Problem(shown, f"YAML error: {' '.join(str(exc).split())}")]


def load_yaml(path: Path, shown: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; problems name the file and line. ``shown`` is the path to print."""
    try:
        text = read_input(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, f"not UTF-8 ({exc.reason} at byte {exc.start})")]
    except OSError as exc:
        return None, [Problem(shown, f"cannot be read ({exc.strerror})")]
    if not text.strip():
        return None, [Problem(f"{shown}:1", "file is empty; expected a YAML mapping")]
    return _parse(text, shown)
