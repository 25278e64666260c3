"""Stage 5, write: move the staged files into place, descriptors last; or, for
``datapkg build --check``, say how the files on disk differ from a fresh build."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from datapkg.compiler.layout import Layout
from datapkg.compiler.outputs.serialize import sha256_file
from datapkg.compiler.stages.stage import Compiled


def _stale(layout: Layout, targets: Iterable[Path]) -> list[Path]:
    if not layout.data_dir.is_dir():
        return []
    built = {p.resolve() for p in targets}
    return sorted(
        p
        for p in layout.data_dir.iterdir()
        if p.is_file() and p.suffix in (".csv", ".parquet", ".json") and p.resolve() not in built
    )


def _same(target: Path, compiled: Compiled) -> bool:
    staged = compiled.staged[target]
    return (
        target.is_file()
        and target.stat().st_size == staged.stat().st_size
        and sha256_file(target) == compiled.digests[target]
    )


def differences(layout: Layout, compiled: Compiled) -> list[str]:
    """How the files on disk differ from a fresh build (empty when identical)."""
    out = []
    for target in sorted(compiled.staged):
        shown = layout.shown(target)
        if not target.is_file():
            out.append(f"{shown}: missing; a fresh build writes it")
        elif not _same(target, compiled):
            out.append(f"{shown}: differs from a fresh build")
    stale = _stale(layout, compiled.staged)
    return out + [f"{layout.shown(p)}: not produced by the build; delete it" for p in stale]


def write_outputs(layout: Layout, compiled: Compiled) -> list[Path]:
    """Move every staged file into place; returns the files that changed."""
    changed = [t for t in sorted(compiled.staged) if not _same(t, compiled)]
    # Descriptors last: they vouch for the data files' hashes.
    for target in sorted(compiled.staged, key=lambda t: (t.suffix == ".json", str(t))):
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(compiled.staged[target], target)
    shutil.rmtree(compiled.staging, ignore_errors=True)
    for stale in _stale(layout, compiled.staged):
        stale.unlink()
    return changed
