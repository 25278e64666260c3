from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from datapkg.build.layout import Layout
from datapkg.build.pipeline import Compiled, compile_package

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def layout() -> Layout:
    return Layout(ROOT)


@pytest.fixture(scope="session")
def compiled(layout: Layout) -> Compiled:
    """A fresh build of the real inputs, in memory."""
    return compile_package(layout)


@pytest.fixture(scope="session")
def source_texts(layout: Layout) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in layout.sources_dir.glob("*.txt")}


@pytest.fixture
def project_copy(tmp_path: Path) -> Layout:
    """The real inputs and committed outputs copied to a temporary project root."""
    for name in ("build", "schemas", "datapkg/data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copy2(ROOT / "datapackage.json", tmp_path / "datapackage.json")
    return Layout(tmp_path)
