"""Which problems only follow from another one already reported: the one place that
decides what the build stays quiet about, so a curator sees each cause once.

- A finding on a field that already has an input problem (a wrong type, a date that
  does not parse, a quote not found) repeats it.
- A finding on a field derived from such a field repeats it too: ``date_start`` and
  the other date fields come from ``date``, the quote offsets from ``quote``, and any
  field the build computes (``x-computed``) from the record's other fields.
- When a bulk record file is rejected whole, every mention its rows would have
  covered looks uncovered: the coverage problems are noise until the file is fixed.
- An unexplained mention is reported by the mention stage; its empty
  ``ignore_reason`` is the same problem.
- When a vocabulary (actors, action types) has no entries at all, its file is missing or
  unreadable: that is reported once, and every reference into it stays quiet.
- Records of a source that did not load, or of a records file that names the wrong
  source, keep quiet about their quotes and source; a source whose records file did
  not parse keeps quiet about uncovered mentions (``inputs/record_files.py``).
- A ``date_text`` is checked against the mentions of its source; a source the extractor
  did not read (its text or metadata failed, its language is unknown) has none, and
  that is reported with the source.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from datapkg.schema.specs import TableSpec

DERIVED_FROM: Mapping[str, frozenset[str]] = {
    "date": frozenset({"date_start", "date_end", "date_precision", "date_basis", "date_text"}),
    "quote": frozenset({"quote_start", "quote_end"}),
}
"""Input field -> the table fields the build derives from it."""


def echoes_input_problem(field: str | None, reported: frozenset[str | None], spec: TableSpec) -> bool:
    """Whether a finding on ``field`` only repeats the input problems ``reported`` for its record."""
    if not reported:
        return False
    if field in reported:
        return True
    if any(field in derived for cause, derived in DERIVED_FROM.items() if cause in reported):
        return True
    return field is not None and field in spec.field_names and spec.field(field).computed


def report_coverage(bulk_rejected: bool) -> bool:
    """Whether the mention stage's coverage problems are worth showing."""
    return not bulk_rejected


def mention_reported_fields(row: Mapping[str, Any]) -> frozenset[str | None]:
    """The fields of a mention row whose problem the mention stage has reported already."""
    unexplained = row["status"] == "ignored" and not row["ignore_reason"]
    return frozenset({"ignore_reason"}) if unexplained else frozenset()


def echoes_empty_vocabulary(rule: str, empty: set[str]) -> bool:
    """Whether a finding is an unresolved reference into vocabularies that have no entries."""
    if not rule.startswith("foreign_key:") or not empty:
        return False
    return set(rule.removeprefix("foreign_key:").split("|")) <= empty


def echoes_unread_source(field: str | None, source_id: Any, read_sources: set[str]) -> bool:
    """Whether a finding only says that a source the extractor did not read has no mentions."""
    return field == "date_text" and source_id not in read_sources
