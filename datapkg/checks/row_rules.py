"""Rules within the rows of one table, beyond single fields: bounds against values,
qualifiers, date ranges and precision, quotes against the source text, derived
ranks and mention accounting.

Vectorised Arrow compute calls; Python touches only failing rows and the
distinct combinations whose text must be compared (a date text within its
quote, a quote with the source text at its offsets).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from datapkg.checks.arrow_values import lit, values
from datapkg.checks.field_rules import Finding, all_of, any_of, distinct_rows, findings_at, findings_where


def _quantity_rules(name: str, t: pa.Table) -> list[Finding]:
    value, low, high, q = t["value"], t["value_low"], t["value_high"], t["qualifier"]
    has_number = any_of(pc.is_valid(value), pc.is_valid(low), pc.is_valid(high))
    return [
        *findings_where(
            name,
            t,
            pc.greater(low, value),
            "value_low",
            lambda r: f"value_low {r['value_low']} is above value {r['value']}",
        ),
        *findings_where(
            name,
            t,
            pc.greater(value, high),
            "value_high",
            lambda r: f"value_high {r['value_high']} is below value {r['value']}",
        ),
        *findings_where(
            name,
            t,
            pc.greater(low, high),
            "value_low",
            lambda r: f"value_low {r['value_low']} is above value_high {r['value_high']}",
        ),
        *findings_where(
            name,
            t,
            all_of(pc.equal(q, lit("vague")), pc.is_valid(value)),
            "value",
            "qualifier 'vague' means the source gives no number; leave value empty",
        ),
        *findings_where(
            name,
            t,
            all_of(pc.is_null(q), has_number),
            "qualifier",
            "a quantity needs a qualifier (exact, approx, more_than, less_than, at_least, up_to, vague)",
        ),
        *findings_where(
            name,
            t,
            all_of(pc.not_equal(q, lit("vague")), pc.invert(has_number)),
            "value",
            lambda r: f"qualifier {r['qualifier']!r} needs a value (or use 'vague')",
        ),
        *findings_where(
            name,
            t,
            all_of(
                pc.is_in(q, value_set=values(["more_than", "at_least"], pa.string())),
                pc.not_equal(low, value),
            ),
            "value_low",
            lambda r: f"qualifier {r['qualifier']!r} implies value_low = value ({r['value']})",
        ),
        *findings_where(
            name,
            t,
            all_of(
                pc.is_in(q, value_set=values(["up_to", "less_than"], pa.string())), pc.not_equal(high, value)
            ),
            "value_high",
            lambda r: f"qualifier {r['qualifier']!r} implies value_high = value ({r['value']})",
        ),
    ]


def _rows_matching(table: pa.Table, columns: list[str], wrong: Callable[..., bool]) -> list[int]:
    """Positions of the rows whose values in ``columns`` make ``wrong`` true (nulls never do).

    ``wrong`` sees each distinct combination once, so repeated records cost nothing."""
    bad = {
        combo
        for combo in (tuple(r[c] for c in columns) for r in distinct_rows(table, columns))
        if None not in combo and wrong(*combo)
    }
    if not bad:
        return []
    rows = zip(*(table[c].to_pylist() for c in columns), strict=True)
    return [i for i, combo in enumerate(rows) if combo in bad]


def _month_end(dates: Any) -> Any:
    next_day = pc.cast(pc.add(pc.cast(dates, pa.int32()), lit(1, pa.int32())), pa.date32())
    return pc.equal(pc.day(next_day), lit(1))


def _date_rules(name: str, t: pa.Table, published_latest: Any) -> list[Finding]:
    start, end, precision = t["date_start"], t["date_end"], t["date_precision"]
    parts = [pc.is_valid(t[c]) for c in ("date_start", "date_end", "date_precision", "date_basis")]
    partial = all_of(any_of(*parts), pc.invert(all_of(*parts)))
    month_bad = all_of(
        pc.equal(precision, lit("month")),
        any_of(pc.not_equal(pc.day(start), lit(1)), pc.invert(_month_end(end))),
    )
    year_end = all_of(pc.equal(pc.month(end), lit(12)), pc.equal(pc.day(end), lit(31)))
    year_bad = all_of(
        pc.equal(precision, lit("year")),
        any_of(pc.not_equal(pc.day_of_year(start), lit(1)), pc.invert(year_end)),
    )
    future = all_of(pc.greater(start, published_latest), pc.not_equal(t["claim_status"], lit("projected")))
    return [
        *findings_where(
            name, t, partial, "date_basis", "date and date_basis go together: give both or neither"
        ),
        *findings_where(
            name,
            t,
            all_of(pc.is_valid(t["date_text"]), pc.is_null(start)),
            "date_text",
            "date_text given without a date",
        ),
        *findings_where(
            name,
            t,
            pc.less(end, start),
            "date_end",
            lambda r: f"date_end {r['date_end']} is before date_start {r['date_start']}",
        ),
        *findings_where(
            name, t, month_bad, "date_start", "month precision needs whole months (first to last day)"
        ),
        *findings_where(
            name, t, year_bad, "date_start", "year precision needs whole years (1 January to 31 December)"
        ),
        *findings_at(
            name,
            t,
            _rows_matching(t, ["date_text", "quote"], lambda date_text, quote: date_text not in quote),
            "date_text",
            lambda r: f"date_text {r['date_text']!r} does not occur in the quote",
        ),
        *findings_where(
            name,
            t,
            future,
            "date_start",
            lambda r: (
                f"date_start {r['date_start']} is after the source's publication window; "
                "only a projected claim can be dated after publication"
            ),
        ),
    ]


def _slices_differ(t: pa.Table, start: str, end: str, text: str, texts: Mapping[str, str]) -> list[int]:
    """Positions of the rows whose source text at [start:end] is not ``text``."""
    return _rows_matching(
        t,
        ["source_id", start, end, text],
        lambda source, a, b, quoted: source in texts and texts[source][a:b] != quoted,
    )


def _quote_rules(name: str, t: pa.Table, texts: Mapping[str, str]) -> list[Finding]:
    wrong_length = pc.not_equal(pc.subtract(t["quote_end"], t["quote_start"]), pc.utf8_length(t["quote"]))
    return [
        *findings_where(
            name, t, wrong_length, "quote_end", "quote_end - quote_start must equal the quote's length"
        ),
        *findings_at(
            name,
            t,
            _slices_differ(t, "quote_start", "quote_end", "quote", texts),
            "quote",
            lambda r: f"quote differs from the source text at {r['quote_start']}:{r['quote_end']}",
        ),
    ]


def ranking_rules(t: pa.Table) -> list[Finding]:
    name = "military_rankings"
    derived = pc.equal(t["rank_basis"], lit("derived"))
    vague = pc.equal(t["qualifier"], lit("vague"))
    return [
        *findings_where(
            name,
            t,
            all_of(derived, any_of(pc.is_null(t["derivation"]), pc.is_null(t["derived_from"]))),
            "derivation",
            "a derived rank needs derivation (how) and derived_from (the stated rank it comes from)",
        ),
        *findings_where(
            name,
            t,
            all_of(pc.invert(derived), any_of(pc.is_valid(t["derivation"]), pc.is_valid(t["derived_from"]))),
            "rank_basis",
            "derivation and derived_from belong to derived ranks only",
        ),
        *findings_where(
            name,
            t,
            all_of(vague, pc.is_valid(t["rank"])),
            "rank",
            "qualifier 'vague' means the source gives no place; leave rank empty",
        ),
        *findings_where(
            name,
            t,
            all_of(pc.invert(vague), pc.is_null(t["rank"])),
            "rank",
            "a rank is required unless qualifier is 'vague'",
        ),
    ]


def mention_rules(t: pa.Table, texts: Mapping[str, str] | None) -> list[Finding]:
    name = "mentions"
    covered = pc.equal(t["status"], lit("covered"))
    out = [
        *findings_where(
            name,
            t,
            all_of(covered, pc.is_null(t["covered_by"])),
            "covered_by",
            "a covered mention names its records",
        ),
        *findings_where(
            name,
            t,
            all_of(pc.invert(covered), pc.is_null(t["ignore_reason"])),
            "ignore_reason",
            "an ignored mention needs a reason",
        ),
        *findings_where(
            name,
            t,
            all_of(covered, pc.is_valid(t["ignore_reason"])),
            "ignore_reason",
            "a covered mention has no ignore reason",
        ),
        *findings_where(
            name,
            t,
            pc.not_equal(pc.subtract(t["end"], t["start"]), pc.utf8_length(t["text"])),
            "end",
            "end - start must equal the length of text",
        ),
    ]
    if texts is not None:
        out += findings_at(
            name,
            t,
            _slices_differ(t, "start", "end", "text", texts),
            "text",
            lambda r: f"text differs from the source at {r['start']}:{r['end']}",
        )
    return out


def sources_rules(sources: pa.Table) -> list[Finding]:
    return findings_where(
        "sources",
        sources,
        pc.less(sources["published_latest"], sources["published_earliest"]),
        "published_latest",
        "publication window ends before it starts",
    )


def fact_rules(name: str, t: pa.Table, sources: pa.Table, texts: Mapping[str, str] | None) -> list[Finding]:
    out: list[Finding] = []
    if "value" in t.column_names:
        out += _quantity_rules(name, t)
    if "date_start" in t.column_names:
        published_latest = pc.take(
            sources["published_latest"], pc.index_in(t["source_id"], value_set=sources["id"])
        )
        out += _date_rules(name, t, published_latest)
    if texts is not None:
        out += _quote_rules(name, t, texts)
    return out
