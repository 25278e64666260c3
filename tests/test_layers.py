"""Imports run with the flow of data, read from the source: the runtime part (loader,
validation, checks, schema reading) imports nothing from the build (``datapkg.compiler``);
inside the build, inputs are read before tables are assembled, tables before outputs are
written, outputs before the stages that order them, the stages before the pipeline and the
commands; below the package root, no module imports the root it is imported by. And the
name the package is installed under is written once."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "datapkg"
COMPILER = PACKAGE / "compiler"

# Low to high: a part of the build imports only from its own level and the levels below.
LEVELS: tuple[frozenset[str], ...] = (
    frozenset({"layout", "problems"}),
    frozenset({"follow_on"}),
    frozenset({"inputs"}),
    frozenset({"assembly", "tables", "mentions", "quoted_values"}),
    frozenset({"outputs"}),
    frozenset({"stages"}),
    frozenset({"pipeline", "curation"}),
)
# What users call, above the package root: each may use the public API.
FRONT_ENDS = frozenset({"__init__", "__main__", "cli", "export", "explore"})


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


# The command line is the one module that may reach both layers: each subcommand imports its part.
BOTH_SIDES = {PACKAGE / "cli.py", PACKAGE / "__main__.py"}


def _runtime_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if COMPILER not in p.parents and p not in BOTH_SIDES)


@pytest.mark.parametrize("path", _runtime_modules(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_runtime_module_does_not_import_build_code(path: Path) -> None:
    build_side = sorted(
        m for m in _imports(path) if m == "datapkg.compiler" or m.startswith("datapkg.compiler.")
    )
    assert build_side == [], f"{path.relative_to(ROOT)} imports {build_side}"


def _part(module: str) -> str:
    """The build part a ``datapkg.compiler.*`` module name belongs to."""
    return module.split(".")[2]


def _level(part: str) -> int:
    return next(i for i, parts in enumerate(LEVELS) if part in parts)


def _compiler_modules() -> list[Path]:
    return sorted(p for p in COMPILER.rglob("*.py") if p.parent != COMPILER or p.name != "__init__.py")


def _part_of(path: Path) -> str:
    return path.relative_to(COMPILER).parts[0].removesuffix(".py")


def test_every_part_of_the_build_has_a_level() -> None:
    parts = {_part_of(p) for p in _compiler_modules()}
    placed = set().union(*LEVELS)
    assert parts - placed == set(), "place each new part of datapkg/compiler in LEVELS"
    assert placed - parts == set(), "LEVELS names a part that does not exist"


@pytest.mark.parametrize("path", _compiler_modules(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_build_imports_with_the_flow(path: Path) -> None:
    own = _level(_part_of(path))
    upstream = sorted(
        m
        for m in _imports(path)
        if m.startswith("datapkg.compiler.") and m.count(".") >= 2 and _level(_part(m)) > own
    )
    assert upstream == [], f"{path.relative_to(ROOT)} imports from a later part: {upstream}"


def test_a_later_import_is_found() -> None:
    # The rule itself: an output that imports a stage is against the flow.
    assert _level(_part("datapkg.compiler.stages.write")) > _level(_part_of(COMPILER / "outputs" / "x.py"))


# Within the stages, only staging and writing come after the outputs are made.
BEFORE_OUTPUTS = ("read", "tabulate", "check")


@pytest.mark.parametrize("stage", BEFORE_OUTPUTS)
def test_the_stages_before_staging_use_no_output_code(stage: str) -> None:
    path = COMPILER / "stages" / f"{stage}.py"
    assert path.is_file()
    writers = sorted(m for m in _imports(path) if m.startswith("datapkg.compiler.outputs"))
    assert writers == [], f"{path.relative_to(ROOT)} imports output code: {writers}"


def _below_the_root() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE or p.stem not in FRONT_ENDS)


def _imports_the_root(path: Path) -> list[str]:
    submodules = {p.stem for p in PACKAGE.iterdir()} | {"compiler"}
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name == "datapkg"]
        elif isinstance(node, ast.ImportFrom) and node.module == "datapkg":
            found += [f"datapkg.{a.name}" for a in node.names if a.name not in submodules]
    return found


@pytest.mark.parametrize("path", _below_the_root(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_module_below_the_root_imports_it(path: Path) -> None:
    assert _imports_the_root(path) == [], f"{path.relative_to(ROOT)} imports the package root"


def test_an_import_of_the_root_is_found(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from datapkg import __version__, downloads\nimport datapkg\n", encoding="utf-8")
    assert _imports_the_root(module) == ["datapkg.__version__", "datapkg"]


def _strings(path: Path) -> list[tuple[int, str]]:
    """String constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_the_distribution_name_is_written_once() -> None:
    from datapkg._installed import DIST

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == DIST
    written = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, text in _strings(path)
        if DIST in text
    ]
    assert written == ["datapkg/_installed.py:13"]
