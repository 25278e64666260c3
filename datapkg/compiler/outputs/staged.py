"""What a build would write, staged beside the outputs: the files, their digests and their
names in a release bundle; and how they differ from the files on disk. The stages fill it
(``stages/stage.py``) and move it into place (``stages/write.py``); the release bundle is
written from it (``outputs/bundle.py``)."""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from datapkg._names import ResourceName
from datapkg.compiler.layout import Layout
from datapkg.compiler.outputs.serialize import sha256_file


@dataclass
class Compiled:
    """A finished build, its files in staging directories beside the outputs.

    Each output is staged in a directory of its own target's folder, so that moving it
    into place is a rename within one file system, wherever that folder is mounted.
    ``stages.write.write_outputs`` moves the files into place, :func:`differences`
    compares them with what is there. The staging directories are removed when the object is, at
    the latest at interpreter exit.
    """

    staging: Path  # the one beside the data files
    tables: dict[ResourceName, pa.Table]
    version: str
    staged: dict[Path, Path] = field(default_factory=dict)  # target -> staged file
    digests: dict[Path, str] = field(default_factory=dict)  # target -> sha256 hex
    release_names: dict[str, Path] = field(default_factory=dict)  # name in a release bundle -> target
    staging_dirs: dict[Path, Path] = field(default_factory=dict)  # target folder -> its staging directory

    def __post_init__(self) -> None:
        self.staging_dirs[self.staging.parent] = self.staging
        weakref.finalize(self, remove_staging, self.staging_dirs)

    def read(self, target: Path) -> bytes:
        return self.staged[target].read_bytes()

    def staging_for(self, target: Path) -> Path:
        """The staging directory in the target's own folder (made on first use)."""
        folder = target.parent
        if folder not in self.staging_dirs:
            folder.mkdir(parents=True, exist_ok=True)
            self.staging_dirs[folder] = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
        return self.staging_dirs[folder]

    def add(self, target: Path, data: bytes) -> None:
        path = self.staging_for(target) / f"{len(self.staged)}-{target.name}"
        path.write_bytes(data)
        self.staged[target] = path
        self.digests[target] = sha256_file(path)


STAGING_PREFIX = ".staging-"


def remove_staging(staging_dirs: dict[Path, Path]) -> None:
    for folder in list(staging_dirs.values()):
        shutil.rmtree(folder, ignore_errors=True)


def not_built(layout: Layout, targets: Iterable[Path]) -> list[Path]:
    if not layout.data_dir.is_dir():
        return []
    built = {p.resolve() for p in targets}
    return sorted(
        p
        for p in layout.data_dir.iterdir()
        if p.is_file() and p.suffix in (".csv", ".parquet", ".json") and p.resolve() not in built
    )


def _same_bytes(a: Path, b: Path) -> bool:
    # Compared, not hashed: the staged file was just written and is read back from memory, and
    # comparing blocks costs a fraction of hashing them (a rebuild at 10^6 rows per table
    # compares 2 GB of outputs).
    with a.open("rb") as first, b.open("rb") as second:
        while block := first.read(1 << 20):
            if block != second.read(1 << 20):
                return False
        return not second.read(1)


def unchanged(target: Path, compiled: Compiled) -> bool:
    staged = compiled.staged[target]
    return target.is_file() and target.stat().st_size == staged.stat().st_size and _same_bytes(target, staged)


def differences(layout: Layout, compiled: Compiled) -> list[str]:
    """How the files on disk differ from a fresh build (empty when identical)."""
    out = []
    for target in sorted(compiled.staged):
        shown = layout.shown(target)
        if not target.is_file():
            out.append(f"{shown}: missing; a fresh build writes it")
        elif not unchanged(target, compiled):
            out.append(f"{shown}: differs from a fresh build")
    stale = not_built(layout, compiled.staged)
    return out + [f"{layout.shown(p)}: not produced by the build; delete it" for p in stale]
