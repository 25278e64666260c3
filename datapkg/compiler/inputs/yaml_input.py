"""YAML inputs that remember where every record and field was written.

PyYAML forgets line numbers once it builds Python objects; curators need
them in error messages. Mappings load as ``LineDict`` carrying the line of the
mapping and of each key. Duplicate keys are an error (PyYAML would silently
keep the last one, hiding a curator's typo).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from datapkg.compiler.problems import Origin, Problem


class LineDict(dict[str, Any]):
    """A YAML mapping with the 1-based line of the mapping and of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def origin(self, file: str) -> Origin:
        return Origin(file, self.line, tuple(self.key_lines.items()))


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


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
_numbers_as_yaml_1_2()


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
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


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    # PyYAML raises a bare ValueError for 2024-06-31; keep the text so the
    # date check can report it with its record and field.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def load_yaml(path: Path, shown: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; problems name the file and line. ``shown`` is the path to print."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, f"not UTF-8 ({exc.reason} at byte {exc.start})")]
    except OSError as exc:
        return None, [Problem(shown, f"cannot be read ({exc.strerror})")]
    if not text.strip():
        return None, [Problem(f"{shown}:1", "file is empty; expected a YAML mapping")]
    try:
        return yaml.load(text, Loader=_Loader), []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        if "mapping values are not allowed" in what:
            # A quote such as `Er sagte: «…»` holds ": ", which YAML reads as a key.
            what += '; a value holding ": " must be in quotes (quote: "…") or written as a block (quote: >-)'
        return None, [Problem(f"{shown}:{line}", f"YAML syntax error: {what}")]
    except yaml.YAMLError as exc:
        return None, [Problem(shown, f"YAML error: {exc}")]
