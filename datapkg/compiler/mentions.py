"""The ``mentions`` table: every expression the extractor finds in every source,
accounted for either by the records whose quotes contain it or by a reviewed
entry in the source's ``ignored_mentions`` list.

An uncovered mention without a reason fails the build, and so does an ignore
entry that no longer matches an uncovered mention (the upstream text or the
records changed, so the reason needs another look).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from datapkg._names import FACT_TABLES, ResourceName
from datapkg.compiler.inputs.records import MentionIgnore
from datapkg.compiler.inputs.source_texts import SourceDoc
from datapkg.compiler.layout import Layout
from datapkg.compiler.problems import Problem, at
from datapkg.extract import LANGUAGES, Mention, extract


def _value_columns(mention: Mention) -> dict[str, Any]:
    value = mention.value
    out: dict[str, Any] = {
        "value": None,
        "value_number": None,
        "value_low": None,
        "value_high": None,
    }
    if value is None:
        return out
    if isinstance(value, list):
        out["value"] = "/".join(str(v) for v in value)
        if all(isinstance(v, int | float) for v in value):
            out["value_low"], out["value_high"] = float(value[0]), float(value[1])
    elif isinstance(value, int | float):
        out["value"] = json.dumps(value)
        out["value_number"] = float(value)
    else:
        out["value"] = str(value)
    return out


Span = tuple[int, int, tuple[str, ...]]  # quote start, end, ids of the records quoting it


def _spans(fact_tables: Mapping[ResourceName, pa.Table]) -> dict[str, list[Span]]:
    """Per source, each distinct quote span with the sorted ids of the records that quote it.
    Grouping first keeps this fast when thousands of records share a passage;
    turning one group at a time into Python strings keeps it small."""
    parts = [
        fact_tables[name].select(["source_id", "quote_start", "quote_end", "id"])
        for name in FACT_TABLES
        if name in fact_tables
    ]
    spans: dict[str, list[Span]] = {}
    if not parts:
        return spans
    spans_table = pa.concat_tables(parts)
    if spans_table["quote_start"].null_count:  # filter() copies every row, even when none goes
        spans_table = spans_table.filter(pc.is_valid(spans_table["quote_start"]))
    grouped = spans_table.group_by(["source_id", "quote_start", "quote_end"], use_threads=False).aggregate(
        [("id", "list")]
    )
    for source_id, start, end, ids in zip(
        grouped["source_id"].to_pylist(), grouped["quote_start"].to_pylist(),
        grouped["quote_end"].to_pylist(), grouped["id_list"], strict=True,
    ):  # fmt: skip
        present = tuple(sorted(i for i in ids.as_py() if i is not None))  # an empty id is reported elsewhere
        if present:
            spans.setdefault(source_id, []).append((start, end, present))
    return spans


def _union(id_lists: list[tuple[str, ...]]) -> list[str]:
    """Sorted union of id lists (each record quotes one span, so no repeats)."""
    if len(id_lists) == 1:
        return list(id_lists[0])
    return sorted(rid for ids in id_lists for rid in ids)


def _row(
    source_id: str, mention: Mention, ref: Any, covered_by: list[str] | None, reason: str | None
) -> dict[str, Any]:
    return {
        # Zero-padded so that id order is text order.
        "id": f"{source_id}-{mention.start:06d}-{mention.end:06d}",
        "source_id": source_id,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "kind": mention.kind,
        **_value_columns(mention),
        "unit": mention.unit,
        "qualifier": mention.qualifier,
        "reference_date": ref,
        "status": "covered" if covered_by else "ignored",
        "covered_by": covered_by,
        "ignore_reason": reason,
    }


class _Accounting:
    """Matches a source's mentions with the records that cover them and the ignore entries
    that explain them, collecting what is unexplained, wrongly ignored or stale."""

    def __init__(self, layout: Layout, spans: dict[str, list[Span]], ignores: list[MentionIgnore]) -> None:
        self.layout, self.spans, self.ignores = layout, spans, ignores
        self.used: set[int] = set()
        self.unread: set[str] = set()  # sources whose coverage another problem explains
        self.problems: list[Problem] = []
        self.by_source: dict[str, list[tuple[int, MentionIgnore]]] = {}
        for i, ig in enumerate(ignores):
            self.by_source.setdefault(ig.source_id, []).append((i, ig))

    def account(self, doc: SourceDoc, mention: Mention) -> tuple[list[str] | None, str | None]:
        """The records covering the mention, or the reason it is ignored."""
        covering = [
            ids
            for start, end, ids in self.spans.get(doc.id, [])
            if start <= mention.start and mention.end <= end
        ]
        covered_by = _union(covering) if covering else None
        matches = [
            (i, ig) for i, ig in self.by_source.get(doc.id, [])
            if ig.text == mention.text and ig.start in (None, mention.start)
        ]  # fmt: skip
        if covered_by:
            for i, ig in matches:
                if ig.start is not None:  # an entry pinned to this very mention is wrong now
                    self.used.add(i)
                    message = (
                        f"mention {mention.text!r} at {mention.start} is covered by "
                        f"{', '.join(covered_by)}; remove this ignore entry"
                    )
                    if doc.id not in self.unread:
                        self.problems.append(at(ig.origin, message, None, "text"))
            return covered_by, None
        if matches:
            self.used.update(i for i, _ in matches)
            return None, matches[0][1].reason
        if doc.id not in self.unread:  # else another problem explains it (its records did not load)
            self.problems.append(self._unexplained(doc, mention))
        return None, None

    def _unexplained(self, doc: SourceDoc, mention: Mention) -> Problem:
        layout = self.layout
        line = doc.text.count("\n", 0, mention.start) + 1
        where = layout.shown(layout.sources_dir / f"{doc.id}.txt")
        records = layout.shown(layout.records_dir / f"{doc.id}.yaml")
        return Problem(
            f"{where}:{line}",
            f"{mention.kind} {mention.text!r} at offset {mention.start} is in no record's quote; "
            f"quote it in a record or list it under ignored_mentions in {records} with a reason",
        )

    def stale(self) -> list[Problem]:
        """Ignore entries that explained no uncovered mention."""
        out = []
        for i, ig in enumerate(self.ignores):
            if i not in self.used and ig.source_id not in self.unread:
                offset = f" at offset {ig.start}" if ig.start is not None else ""
                message = (
                    f"no uncovered mention {ig.text!r}{offset} in {ig.source_id}; "
                    "the text or the records changed: review and remove"
                )
                out.append(at(ig.origin, message, None, "text"))
        return out


def extraction_language(doc: SourceDoc) -> str | None:
    """The language the extractor reads a source in; None when it reads none of it."""
    language = str(doc.row.get("language") or "de")[:2]
    return language if language in LANGUAGES else None


@lru_cache(maxsize=256)
def _extracted(text: str, language: str, window: Any) -> tuple[Mention, ...]:
    """The mentions of a text: the extractor is a function of the text, its language and the
    window relative dates resolve against, so sources with one text, and every build in one
    process (``datapkg add-source`` then the build; a test suite's many builds), share the work."""
    return tuple(extract(text, lang=language, ref=window))


def mention_rows(
    layout: Layout,
    sources: dict[str, SourceDoc],
    fact_tables: Mapping[ResourceName, pa.Table],
    ignores: list[MentionIgnore],
    quiet: set[str] | None = None,
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Every mention of every source, and the coverage problems of the sources not in ``quiet``
    (:mod:`datapkg.compiler.follow_on` says which stay quiet)."""
    rows: list[dict[str, Any]] = []
    accounting = _Accounting(layout, _spans(fact_tables), ignores)
    accounting.unread |= quiet or set()
    for source_id, doc in sorted(sources.items()):
        ref = doc.row.get("published_earliest")
        # Relative dates resolve against the whole publication window: what it determines.
        latest = doc.row.get("published_latest") or ref
        window = (ref, max(ref, latest)) if ref else None  # a reversed window is reported with the source
        language = extraction_language(doc)
        if language is None:  # reported with the source; ``quiet`` says what that hides
            continue
        for mention in _extracted(doc.text, language, window):
            covered_by, reason = accounting.account(doc, mention)
            rows.append(_row(source_id, mention, ref, covered_by, reason))
    return rows, accounting.problems + accounting.stale()
