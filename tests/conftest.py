from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from datapkg.compiler.layout import Layout
from datapkg.compiler.pipeline import Compiled, compile_package

# Timing is not what the property tests check; a loaded CI machine must not make them flaky.
settings.register_profile("datapkg", deadline=None)
settings.load_profile("datapkg")

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


def copy_project(target: Path) -> Layout:
    """The real inputs and committed outputs copied to another project root."""
    for name in ("build", "schemas", "datapkg/data", "docs"):
        # A build of this session may be staging its files beside the outputs: not part of the project.
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns(".staging-*"))
    for name in ("pyproject.toml", "datapackage.json"):
        shutil.copy2(ROOT / name, target / name)
    return Layout(target)


@pytest.fixture
def project_copy(tmp_path: Path) -> Layout:
    return copy_project(tmp_path)


def reseal(descriptor_path: Path, name: str) -> None:
    """Record a resource's CSV's current size and hash in the descriptor, as a careless tool
    would after editing it: only a content check can then tell."""
    import hashlib
    import json

    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    data = (descriptor_path.parent / f"{name}.csv").read_bytes()
    for resource in descriptor["resources"]:
        if resource["name"] == name:
            resource["bytes"], resource["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    descriptor_path.write_text(json.dumps(descriptor), encoding="utf-8")
