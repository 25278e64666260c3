"""``datapkg release``: the downloadable bundle of the current version.

``OUT/<version>/`` receives the descriptor, every Parquet and CSV file,
``SHA256SUMS`` and one zip of them all; serving ``OUT`` over HTTP makes it a
base URL for ``datapkg.load(..., version=...)``. The zip is byte-identical for
identical files (fixed timestamps and order). The release's sums are also
recorded in ``build/releases/<version>.sha256`` so later versions keep
verifying this one.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from datapkg.compiler.layout import Layout
from datapkg.compiler.outputs.release_registry import release_dir, sha256sums
from datapkg.compiler.stages.stage import Compiled
from datapkg.compiler.stages.write import differences

DIST = "rus-prk-military-cooperation"
_EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_bytes(files: dict[str, bytes], folder: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in sorted(files.items()):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


class StaleOutputs(Exception):
    pass


def write_release(layout: Layout, compiled: Compiled, out: Path) -> Path:
    """Write the bundle; refuses when the committed outputs are not a fresh build."""
    stale = differences(layout, compiled)
    if stale:
        raise StaleOutputs("; ".join(stale) + "; run `datapkg build` first")
    target = out / compiled.version
    target.mkdir(parents=True, exist_ok=True)
    digests = {name: compiled.digests[path] for name, path in compiled.release_names.items()}
    sums = sha256sums(digests)
    folder = f"{DIST}-{compiled.version}"
    bundle = {name: compiled.read(path) for name, path in compiled.release_names.items()}
    bundle["SHA256SUMS"] = sums.encode("utf-8")
    for name, data in bundle.items():
        (target / name).write_bytes(data)
    (target / f"{folder}.zip").write_bytes(zip_bytes(bundle, folder))
    record = release_dir(layout) / f"{compiled.version}.sha256"
    record.parent.mkdir(parents=True, exist_ok=True)
    if not record.exists():
        record.write_text(sums, encoding="utf-8")
    return target
