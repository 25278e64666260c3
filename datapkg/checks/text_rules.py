"""Rows against the source texts: every quote and every mention equals the text at its
offsets. Python compares each distinct (source, start, end, text) combination once, so
thousands of records quoting one passage cost one comparison.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyarrow as pa

from datapkg.checks.findings import Finding, distinct_rows, findings_at


def _slices_differ(t: pa.Table, start: str, end: str, text: str, texts: Mapping[str, str]) -> list[int]:
    """Positions of the rows whose source text at [start:end] is not ``text``."""
    columns = ["source_id", start, end, text]
    bad = {
        combo
        for combo in (tuple(r[c] for c in columns) for r in distinct_rows(t, columns))
        if None not in combo and combo[0] in texts and texts[combo[0]][combo[1] : combo[2]] != combo[3]
    }
    if not bad:
        return []
    rows = zip(*(t[c].to_pylist() for c in columns), strict=True)
    return [i for i, combo in enumerate(rows) if combo in bad]


def quote_findings(name: str, t: pa.Table, texts: Mapping[str, str]) -> list[Finding]:
    where = _slices_differ(t, "quote_start", "quote_end", "quote", texts)
    return findings_at(
        name,
        t,
        where,
        "quote",
        lambda r: f"quote differs from the source text at {r['quote_start']}:{r['quote_end']}",
    )


def mention_findings(t: pa.Table, texts: Mapping[str, str]) -> list[Finding]:
    where = _slices_differ(t, "start", "end", "text", texts)
    return findings_at(
        "mentions", t, where, "text", lambda r: f"text differs from the source at {r['start']}:{r['end']}"
    )
