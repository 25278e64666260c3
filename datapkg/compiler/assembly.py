"""One table from its curated rows and bulk parts, sorted by primary key, with a
way back from every row to where it was written (for error messages)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from datapkg.compiler.inputs.bulk_records import BulkPart
from datapkg.compiler.inputs.records import Record
from datapkg.compiler.problems import Origin
from datapkg.compiler.tables import build_table, sort_key
from datapkg.schema.specs import TableSpec


@dataclass
class OriginIndex:
    """Maps a row of the assembled table to its YAML record or bulk file row.

    Holds each curated record's origin and problem fields, not the record, so that the
    records' values (long covered_by lists among them) can go once the table is built."""

    curated: list[tuple[Origin, frozenset[str | None]]]
    bulk: list[tuple[int, str]] = field(default_factory=list)  # (first combined position, file)
    order: np.ndarray | None = None  # sorted position -> combined position

    def _combined(self, row: int) -> int:
        return row if self.order is None else int(self.order[row])

    def origin(self, row: int) -> Origin | None:
        position = self._combined(row)
        if position < len(self.curated):
            return self.curated[position][0]
        for first, file in reversed(self.bulk):
            if position >= first:
                return Origin(file, position - first + 1)
        return None

    def problem_fields(self, row: int) -> frozenset[str | None]:
        position = self._combined(row)
        return self.curated[position][1] if position < len(self.curated) else frozenset()


def assemble(
    spec: TableSpec, records: Sequence[Record], bulk: Sequence[BulkPart]
) -> tuple[pa.Table, OriginIndex]:
    row_key = sort_key(spec)
    ordered = sorted(records, key=lambda r: row_key(r.row))
    curated = build_table(spec, [r.row for r in ordered])
    index = OriginIndex([(r.origin, r.problem_fields) for r in ordered])
    if not bulk:
        return curated, index
    first = curated.num_rows
    for part in bulk:
        index.bulk.append((first, part.file))
        first += part.table.num_rows
    combined = pa.concat_tables([curated, *(p.table for p in bulk)])
    keys = [(k, "ascending") for k in spec.primary_key]
    order = pc.sort_indices(combined, sort_keys=keys)
    index.order = order.to_numpy()
    return combined.take(order), index
