"""Table bytes: Parquet and CSV, byte-identical for identical tables.

Parquet is written from Arrow directly (no pandas metadata, which records the
pandas version) with fixed options; its ``created_by`` names the pyarrow
version, which the lock pins. CSV follows RFC 4180 with LF line endings: every
text value quoted, missing values as empty fields (so an empty string `""` and
a missing value stay distinct), ISO dates; Frictionless reads it as is.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv
import pyarrow.parquet as pq

PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 9,
    "use_dictionary": True,
    "write_statistics": True,
    "version": "2.6",
    "data_page_version": "1.0",
}


def write_parquet(table: pa.Table, path: Path) -> None:
    pq.write_table(table, path, **PARQUET_OPTIONS)


CSV_OPTIONS = pcsv.WriteOptions(include_header=True, quoting_style="needed")


def write_csv(table: pa.Table, path: Path, list_delimiters: dict[str, str] | None = None) -> None:
    """Arrow's CSV writer: strings quoted, missing values empty, ISO dates, LF endings. List
    columns are written as Table Schema's list type reads them: items joined by the field's
    delimiter (``list_delimiters``, column -> delimiter)."""
    for name, delimiter in (list_delimiters or {}).items():
        index = table.schema.get_field_index(name)
        table = table.set_column(index, name, pc.binary_join(table[name], delimiter))
    pcsv.write_csv(table, path, CSV_OPTIONS)


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in blocks so large files never sit in memory."""
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()
