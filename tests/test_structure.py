"""The package's structure, read from its source: no function grows past fifty lines, the
typed names are generated from the schemas (which imports run where: ``test_layers.py``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "datapkg"


def test_no_package_is_named_build() -> None:
    # Tools treat folders named build as output (pytest's default norecursedirs among them).
    assert not (PACKAGE / "build").exists()
    assert "norecursedirs" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def _functions() -> list[tuple[str, int]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                out.append((f"{path.relative_to(ROOT)}:{node.lineno} {node.name}", length))
    return out


def test_no_function_is_longer_than_fifty_lines() -> None:
    # A function that long usually does two things; split it where the second one starts.
    functions = _functions()
    assert any(where.startswith("datapkg/compiler/pipeline.py:") for where, _ in functions)
    assert [(where, n) for where, n in functions if n > 50] == []


def test_resource_names_are_generated_from_the_schemas() -> None:
    from datapkg.compiler.layout import Layout
    from datapkg.compiler.outputs.names_module import declared_resources, render

    declared = declared_resources(Layout(ROOT))
    schema_files = {p.stem for p in (ROOT / "schemas").glob("*.json")} - {"fields", "resources"}
    assert {name for name, _ in declared} == schema_files
    assert (PACKAGE / "_names.py").read_text(encoding="utf-8") == render(declared), (
        "datapkg/_names.py is stale: run python -m datapkg.compiler.outputs.names_module"
    )


def test_a_stale_names_module_stops_the_build(project_copy: object, tmp_path: Path) -> None:
    import json

    from datapkg.compiler.layout import Layout
    from datapkg.compiler.pipeline import compile_package
    from datapkg.compiler.problems import InputError

    layout: Layout = project_copy  # type: ignore[assignment]
    path = layout.schemas_dir / "resources.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["resources"].reverse()
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        compile_package(layout)
    assert [str(p) for p in caught.value.problems] == [
        "datapkg/_names.py: stale: schemas/resources.json changed; "
        "run `python -m datapkg.compiler.outputs.names_module`"
    ]


def test_load_is_typed_per_backend() -> None:
    import typing

    import datapkg

    returns = {
        o.__annotations__["backend"]: o.__annotations__["return"] for o in typing.get_overloads(datapkg.load)
    }
    assert returns == {
        "Literal['pandas']": "pandas.DataFrame",
        "Literal['polars']": "polars.DataFrame",
        "Literal['pyarrow']": "pyarrow.Table",
    }
