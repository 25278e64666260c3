"""Stage 5, write: move the staged files into place, descriptors last; or, for
``datapkg build --check``, say how the files on disk differ from a fresh build
(:func:`datapkg.compiler.outputs.staged.differences`)."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from datapkg.compiler.layout import Layout
from datapkg.compiler.outputs.staged import Compiled, not_built, remove_staging, unchanged


def _back_up(path: Path, compiled: Compiled) -> Path:
    """A copy of an output as it is now, in the staging directory of its own folder."""
    backup = compiled.staging_for(path) / f"previous-{path.name}"
    try:
        os.link(path, backup)  # no copy where the file system can link
    except OSError:
        shutil.copy2(path, backup)
    return backup


@dataclass
class _Transaction:
    """Outputs moved into place so far, and how to put back what was there before."""

    backups: dict[Path, Path | None] = field(default_factory=dict)  # output -> copy of it, None: new
    done: list[Path] = field(default_factory=list)
    current: Path | None = None  # the output being moved

    def restore(self) -> list[str]:
        """Put every moved output back as it was; returns what could not be restored."""
        failed = []
        for target in reversed(self.done):
            backup = self.backups[target]
            try:
                if backup is None:
                    target.unlink(missing_ok=True)
                else:
                    os.replace(backup, target)
            except OSError as exc:
                failed.append(f"{target} (its previous content is in {backup}: {exc.strerror})")
        return failed


def _move_into_place(compiled: Compiled, stale: list[Path], tx: _Transaction) -> None:
    # Descriptors last: they vouch for the data files' hashes.
    for target in sorted(compiled.staged, key=lambda t: (t.suffix == ".json", str(t))):
        tx.current = target
        os.replace(compiled.staged[target], target)
        tx.done.append(target)
    for path in stale:  # a stale file is moved aside, so that it can come back too
        tx.current = path
        os.replace(path, compiled.staging_for(path) / f"stale-{path.name}")
        tx.backups[path] = compiled.staging_for(path) / f"stale-{path.name}"
        tx.done.append(path)


def _failed(error: OSError, target: Path | None, unrestored: list[str]) -> OSError:
    if unrestored:
        what = f"; could not restore {', '.join(unrestored)}"
    else:
        what = "; every output was restored as it was, no file was changed"
    return OSError(error.errno, f"cannot put the build in place ({error.strerror or error}){what}", target)


def write_outputs(layout: Layout, compiled: Compiled) -> list[Path]:
    """Move every staged file into place; returns the files that changed. Everything is
    prepared first (each previous output kept beside it); if a move fails, every output
    already moved is put back, so the previous outputs stay exactly as they were."""
    changed = [t for t in sorted(compiled.staged) if not unchanged(t, compiled)]
    stale = not_built(layout, compiled.staged)
    tx = _Transaction()
    try:
        tx.backups = {t: _back_up(t, compiled) if t.is_file() else None for t in compiled.staged}
        _move_into_place(compiled, stale, tx)
    except BaseException as error:  # an interrupt too: half a build is never left in place
        unrestored = tx.restore()
        if unrestored:
            compiled.staging_dirs.clear()  # they hold the previous outputs the message names
        else:
            remove_staging(compiled.staging_dirs)
        if not isinstance(error, OSError):
            raise
        raise _failed(error, tx.current, unrestored) from error
    remove_staging(compiled.staging_dirs)
    return changed
