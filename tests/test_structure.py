"""The package's structure, read from its source: the runtime part (loader, validation,
checks, schema reading) imports nothing from the build-time part (``datapkg.compiler``), and
no function grows past fifty lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "datapkg"
# The command line is the one module that may reach both: each subcommand imports its own part.
BOTH_SIDES = {PACKAGE / "cli.py", PACKAGE / "__main__.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def _runtime_modules() -> list[Path]:
    return sorted(
        p for p in PACKAGE.rglob("*.py") if PACKAGE / "compiler" not in p.parents and p not in BOTH_SIDES
    )


@pytest.mark.parametrize("path", _runtime_modules(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_runtime_module_does_not_import_build_code(path: Path) -> None:
    build_side = sorted(
        m for m in _imports(path) if m == "datapkg.compiler" or m.startswith("datapkg.compiler.")
    )
    assert build_side == [], f"{path.relative_to(ROOT)} imports {build_side}"


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
    assert [(where, n) for where, n in _functions() if n > 50] == []
