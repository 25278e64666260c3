"""Hostile configuration fails closed: build/package.yaml has a declared shape and cannot
override what the build computes, the citation template allows only the plain {version},
the version in pyproject.toml is matched whole, and schema JSON holds only numbers the
tables can hold, nested a few levels. Each case runs the build on a copy of the project:
one message naming the file, exit status 1, no traceback, no file changed."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest

import datapkg
from datapkg.cli import main
from datapkg.compiler.layout import Layout

from .conftest import edit, output_digests

PACKAGE = "build/package.yaml"
PYPROJECT = "pyproject.toml"
VERSION_LINE = f'version = "{datapkg.__version__}"\n'
CITATION = "cooperation in 2024 news reporting, version {version} [data set]."
ACTION_TYPES = "schemas/action_types.json"
MINIMUM = '"minimum": -10'  # action_types.json, goldstein
FIELDS = "schemas/fields.json"


@dataclass(frozen=True)
class Case:
    name: str
    apply: Callable[[Layout], None]
    expected: str  # part of the one message
    where: str  # the file (and line) the message must name
    count: int = 1  # messages: one per problem


def append(relative: str, text: str) -> Callable[[Layout], None]:
    def apply(layout: Layout) -> None:
        path = layout.root / relative
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return apply


def write(relative: str, text: str) -> Callable[[Layout], None]:
    return lambda layout: (layout.root / relative).write_text(text, encoding="utf-8")


def citation(placeholder: str) -> Callable[[Layout], None]:
    return edit(PACKAGE, "{version}", placeholder)


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


PACKAGE_CASES = [
    Case("version set in package.yaml", append(PACKAGE, "version: 9.9.9\n"), "version: set by the build, not by build/package.yaml; remove it", f"{PACKAGE}:30"),
    Case("version as text in package.yaml", append(PACKAGE, 'version: "9.9.9"\n'), "version: set by the build", f"{PACKAGE}:30"),
    Case("resources in package.yaml", append(PACKAGE, "resources: []\n"), "resources: set by the build", f"{PACKAGE}:30"),
    Case("hash in package.yaml", append(PACKAGE, "hash: sha256:00\n"), "hash: set by the build", f"{PACKAGE}:30"),
    Case("bytes in package.yaml", append(PACKAGE, "bytes: 1\n"), "bytes: set by the build", f"{PACKAGE}:30"),
    Case("unknown package key, nothing close", append(PACKAGE, "zzz: 1\n"), "zzz: unknown package metadata key (expected one of:", f"{PACKAGE}:30"),
    Case("x-citation in package.yaml", append(PACKAGE, "x-citation: cite me\n"), "x-citation: set by the build", f"{PACKAGE}:30"),
    Case("unknown package key", append(PACKAGE, "homepag: https://example.org\n"), "homepag: unknown package metadata key (expected one of: name, title, description, citation, id, homepage, created, image, keywords, licenses, contributors, or an x- key); did you mean 'homepage'?", f"{PACKAGE}:30"),
    Case("licenses as text", edit(PACKAGE, "licenses:\n  - name: CC-BY-4.0", "licenses: x\nx-was:\n  - name: CC-BY-4.0"), "licenses: expected a list of mappings, got text 'x'", f"{PACKAGE}:14"),
    Case("licence item as text", edit(PACKAGE, "licenses:\n", "licenses:\n  - CC0\n"), "licenses: item 1: expected a mapping with name, path, title, x-scope, got text 'CC0'", f"{PACKAGE}:14"),
    Case("licence with an unknown key", edit(PACKAGE, "    x-scope: code\n", "    x-scope: code\n    sha: 1\n"), "licenses: item 2: unknown key 'sha'; expected one of: name, path, title, x-scope", f"{PACKAGE}:23"),
    Case("licence title a list", edit(PACKAGE, "    title: MIT License (the code)\n", "    title: [MIT]\n"), "licenses: item 2: title: expected text, got a list", f"{PACKAGE}:21"),
    Case("licence without name or path", edit(PACKAGE, "  - name: MIT\n    path: https://opensource.org/license/mit\n    title:", "  - title:"), "licenses: item 2: needs name or path", f"{PACKAGE}:19"),
    Case("keywords nested", edit(PACKAGE, "keywords: [russia, north-korea,", "keywords: [[1], {a: b}, north-korea,"), "keywords: item 1: expected text, got a list", f"{PACKAGE}:13", 2),
    Case("keywords a mapping item", edit(PACKAGE, "keywords: [russia,", "keywords: [{a: b},"), "keywords: item 1: expected text, got a mapping", f"{PACKAGE}:13"),
    Case("keyword a number", edit(PACKAGE, "keywords: [russia,", "keywords: [7,"), "keywords: item 1: expected text, got number 7", f"{PACKAGE}:13"),
    Case("keywords as text", edit(PACKAGE, "keywords: [russia,", "keywords: russia\nx-was: [russia,"), "keywords: expected a list of text, got text 'russia'", f"{PACKAGE}:13"),
    Case("contributor as text", edit(PACKAGE, "  - title: rus-prk-military-cooperation curators\n    role: author\n", "  - curators\n"), "contributors: item 1: expected a mapping with title, path, email, role, organization, got text 'curators'", f"{PACKAGE}:23"),
    Case("package name with spaces", edit(PACKAGE, "name: rus-prk-military-cooperation\n", "name: Rus PRK\n"), "name: expected lower-case letters, digits, '.', '_' and '-', got 'Rus PRK'", f"{PACKAGE}:3"),
    Case("package name with a newline", edit(PACKAGE, "name: rus-prk-military-cooperation\n", 'name: "rus-prk\\n"\n'), "name: expected lower-case letters, digits, '.', '_' and '-', got 'rus-prk\\n'", f"{PACKAGE}:3"),
    Case("citation attribute access", citation("{version.__class__.__mro__} {version.__doc__}"), "placeholder {version.__class__.__mro__} in the citation: write the plain {version}, without attribute access, indexing, conversion or format spec", f"{PACKAGE}:26", 2),
    Case("citation docstring", citation("{version.__doc__}"), "placeholder {version.__doc__} in the citation: write the plain {version}", f"{PACKAGE}:26"),
    Case("citation indexing", citation("{version[0]}"), "placeholder {version[0]} in the citation", f"{PACKAGE}:26"),
    Case("citation conversion", citation("{version!r}"), "placeholder {version!r} in the citation", f"{PACKAGE}:26"),
    Case("citation format spec", citation("{version:>99999}"), "placeholder {version:>99999} in the citation", f"{PACKAGE}:26"),
    Case("citation positional", citation("{0}"), "unknown placeholder {0} in the citation; the only one is {version}", f"{PACKAGE}:26"),
    Case("citation empty placeholder", citation("{}"), "unknown placeholder {} in the citation; the only one is {version}", f"{PACKAGE}:26"),
    Case("citation attribute of another name", citation("{self.__init__}"), "unknown placeholder {self.__init__} in the citation", f"{PACKAGE}:26"),
    Case("citation unbalanced", citation("{version"), "the citation is not a valid template", f"{PACKAGE}:26"),
]  # fmt: skip

VERSION_CASES = [
    Case("version with a trailing newline", edit(PYPROJECT, VERSION_LINE, 'version = "0.3.0\\n"\n'), "version '0.3.0\\n' is not a PEP 440 version", PYPROJECT),
    Case("version with a leading newline", edit(PYPROJECT, VERSION_LINE, 'version = "\\n0.3.0"\n'), "version '\\n0.3.0' is not a PEP 440 version", PYPROJECT),
    Case("version with a trailing space", edit(PYPROJECT, VERSION_LINE, 'version = "0.3.0 "\n'), "version '0.3.0 ' is not a PEP 440 version", PYPROJECT),
    Case("version with a second line", edit(PYPROJECT, VERSION_LINE, 'version = "0.3.0\\n9.9.9"\n'), "version '0.3.0\\n9.9.9' is not a PEP 440 version", PYPROJECT),
]  # fmt: skip

SCHEMA_CASES = [
    Case("schema minimum NaN", edit(ACTION_TYPES, MINIMUM, '"minimum": NaN'), "constraints.minimum: NaN is not a finite number; JSON has no NaN or Infinity", ACTION_TYPES),
    Case("schema minimum Infinity", edit(ACTION_TYPES, MINIMUM, '"minimum": Infinity'), "constraints.minimum: Infinity is not a finite number", ACTION_TYPES),
    Case("schema minimum -Infinity", edit(ACTION_TYPES, MINIMUM, '"minimum": -Infinity'), "constraints.minimum: -Infinity is not a finite number", ACTION_TYPES),
    Case("schema minimum 1e400", edit(ACTION_TYPES, MINIMUM, '"minimum": 1e400'), "constraints.minimum: 1e400 is beyond what a 64-bit float can hold", ACTION_TYPES),
    Case("schema minimum -1e400", edit(ACTION_TYPES, MINIMUM, '"minimum": -1e400'), "constraints.minimum: -1e400 is beyond what a 64-bit float can hold", ACTION_TYPES),
    Case("schema minimum 23 digits", edit(ACTION_TYPES, MINIMUM, '"minimum": 12345678901234567890123'), "constraints.minimum: 12345678901234567890123 is beyond what a 64-bit integer can hold", ACTION_TYPES),
    Case("schema minimum 2**63", edit(ACTION_TYPES, MINIMUM, f'"minimum": {2**63}'), f"constraints.minimum: {2**63} is beyond what a 64-bit integer can hold", ACTION_TYPES),
    Case("schema minimum 5000 digits", edit(ACTION_TYPES, MINIMUM, '"minimum": ' + "9" * 5000), "is beyond what a 64-bit integer can hold", ACTION_TYPES),
    Case("shared field NaN", edit(FIELDS, '"fields": {', '"x-nan": NaN, "fields": {'), "x-nan: NaN is not a finite number", FIELDS),
    Case("schema nested 100000 deep", write(ACTION_TYPES, deep(100_000)), "nested more than 32 levels deep", ACTION_TYPES),
    Case("schema constraint nested 100000 deep", edit(ACTION_TYPES, MINIMUM, '"minimum": ' + deep(100_000)), "nested more than 32 levels deep", ACTION_TYPES),
    Case("schema constraint nested 500 deep", edit(ACTION_TYPES, MINIMUM, '"minimum": ' + deep(500)), "nested more than 32 levels deep", ACTION_TYPES),
]  # fmt: skip

CASES = PACKAGE_CASES + VERSION_CASES + SCHEMA_CASES


def test_case_names_are_unique() -> None:
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_config_fails_closed(
    case: Case, project_copy: Layout, capsys: pytest.CaptureFixture[str]
) -> None:
    before = output_digests(project_copy)
    case.apply(project_copy)
    status = main(["build", "--root", str(project_copy.root)])
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert status == 1
    assert "Traceback" not in err
    assert len(errors) == case.count, errors
    assert case.expected in errors[0], errors
    assert all(line.startswith(f"error: {case.where}") for line in errors), errors
    assert err.rstrip().endswith("no file was changed")
    assert output_digests(project_copy) == before
    assert not list(project_copy.data_dir.glob(".staging-*"))


def test_allowed_metadata_still_builds(project_copy: Layout, capsys: pytest.CaptureFixture[str]) -> None:
    """The declared shape leaves room for what the spec allows: an extension key, a homepage,
    escaped braces in the citation. The citation holds the version, and nothing else is computed
    from package.yaml."""
    edit(PACKAGE, CITATION, CITATION.replace("{version}", "{version} {{braces}}"))(project_copy)
    append(PACKAGE, "homepage: https://example.org\nx-note: [a, {b: 1}]\n")(project_copy)
    assert main(["build", "--root", str(project_copy.root)]) == 0, capsys.readouterr().err
    descriptor = json.loads(project_copy.root_descriptor.read_text(encoding="utf-8"))
    assert descriptor["version"] == datapkg.__version__
    assert f"version {datapkg.__version__} {{braces}} [data set]" in " ".join(
        descriptor["x-citation"].split()
    )
    assert descriptor["homepage"] == "https://example.org"
    assert descriptor["x-note"] == ["a", {"b": 1}]
