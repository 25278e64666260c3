"""The ``mentions`` table: every expression the extractor finds in every source,
accounted for either by the records whose quotes contain it or by a reviewed
entry in the source's ``ignored_mentions`` list.

An uncovered mention without a reason fails the build, and so does an ignore
entry that no longer matches an uncovered mention (the upstream text or the
records changed, so the reason needs another look).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from datapkg._names import FACT_TABLES
from datapkg.build.layout import Layout
from datapkg.build.problems import Problem, at
from datapkg.build.records import MentionIgnore, Record
from datapkg.build.source_texts import SourceDoc
from datapkg.extract import Mention, extract


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


def _spans(records: Iterable[Record]) -> dict[str, list[tuple[int, int, str]]]:
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for record in records:
        row = record.row
        if record.table in FACT_TABLES and row.get("quote_start") is not None:
            spans.setdefault(row["source_id"], []).append((row["quote_start"], row["quote_end"], row["id"]))
    return spans


def mention_rows(
    layout: Layout,
    sources: dict[str, SourceDoc],
    records: list[Record],
    ignores: list[MentionIgnore],
) -> tuple[list[dict[str, Any]], list[Problem]]:
    rows: list[dict[str, Any]] = []
    problems: list[Problem] = []
    spans = _spans(records)
    used: set[int] = set()
    for source_id, doc in sorted(sources.items()):
        ref = doc.row.get("published_earliest")
        language = str(doc.row.get("language") or "de")[:2]
        source_ignores = [(i, ig) for i, ig in enumerate(ignores) if ig.source_id == source_id]
        for mention in extract(doc.text, lang=language, ref=ref):
            covering = sorted(
                rid
                for start, end, rid in spans.get(source_id, [])
                if start <= mention.start and mention.end <= end
            )
            matches = [
                (i, ig) for i, ig in source_ignores
                if ig.text == mention.text and ig.start in (None, mention.start)
            ]  # fmt: skip
            reason = None
            if covering:
                for i, ig in matches:
                    if ig.start is not None:
                        used.add(i)
                        problems.append(
                            at(
                                ig.origin,
                                f"mention {mention.text!r} at {mention.start} is covered by "
                                f"{', '.join(covering)}; remove this ignore entry",
                                None,
                                "text",
                            )
                        )
            elif matches:
                for i, _ in matches:
                    used.add(i)
                reason = matches[0][1].reason
            else:
                line = doc.text.count("\n", 0, mention.start) + 1
                where = layout.shown(layout.sources_dir / f"{source_id}.txt")
                problems.append(
                    Problem(
                        f"{where}:{line}",
                        f"{mention.kind} {mention.text!r} at offset {mention.start} is in no record's quote; "
                        f"quote it in a record or list it under ignored_mentions in "
                        f"{layout.shown(layout.records_dir / (source_id + '.yaml'))} with a reason",
                    )
                )
            rows.append({
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
                "status": "covered" if covering else "ignored",
                "covered_by": " ".join(covering) or None,
                "ignore_reason": reason,
            })  # fmt: skip
    for i, ig in enumerate(ignores):
        if i not in used:
            problems.append(at(ig.origin, f"no uncovered mention {ig.text!r}"
                               + (f" at offset {ig.start}" if ig.start is not None else "")
                               + f" in {ig.source_id}; the text or the records changed: review and remove",
                               None, "text"))  # fmt: skip
    return rows, problems
