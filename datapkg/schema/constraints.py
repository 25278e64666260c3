"""Every constraint a table must meet, declared once.

Field constraints come from the Table Schema files (``required``, ``enum``, ``pattern``,
``minimum``, ``maximum``, ``minLength``, ``unique``), the primary key and the field types
(a ``number`` is finite: NaN and the infinities are never data, a missing value is null);
the rules across fields are declared in :data:`ROW_RULES` below. Each becomes a
:class:`Constraint` whose ``violated`` expression is true on the rows that break it.
The vectorised Arrow checks (build and ``datapkg validate``) and the published Pandera
schemas are both generated from these, so they cannot disagree.

Rules that need more than one table's rows (foreign keys, ids unique across tables,
dates against the source's publication window) or the source texts (quotes equal to
their slices) are Python checks beside these, in ``datapkg.checks``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from datapkg._names import FACT_TABLES
from datapkg.schema.codelists import CODELISTS
from datapkg.schema.expressions import Expr, all_of, any_of, col, duplicated
from datapkg.schema.specs import FieldSpec, TableSpec

Message = Callable[[dict[str, Any]], str]

QUALIFIER_BOUNDS: dict[str, tuple[str, ...]] = {
    "exact": ("value_low", "value_high"),
    "more_than": ("value_low",),
    "at_least": ("value_low",),
    "up_to": ("value_high",),
    "less_than": ("value_high",),
}
"""The bounds each qualifier implies equal ``value``: the build fills them, the checks
require them (a bound the curator gave must agree)."""


@dataclass(frozen=True)
class Constraint:
    name: str  # stable: "<field>:<constraint>" for a field constraint, the rule's name otherwise
    field: str | None  # the field a finding names
    violated: Expr  # true on every row that breaks it
    expected: str  # what a valid row has, without row values (Pandera's error text)
    message: Message  # the finding for one row, with its values


@dataclass(frozen=True)
class RowRule:
    """A rule across the fields of one row, for every table that has all its columns."""

    name: str
    field: str
    violated: Expr
    expected: str
    message: Message | None = None  # default: ``expected``
    tables: tuple[str, ...] | None = None  # None: every table with the columns

    def applies_to(self, spec: TableSpec) -> bool:
        in_scope = self.tables is None or spec.name in self.tables
        return in_scope and self.violated.columns() <= set(spec.field_names)

    def constraint(self) -> Constraint:
        expected = self.expected
        return Constraint(
            self.name, self.field, self.violated, expected, self.message or (lambda r: expected)
        )


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def _field_constraints(f: FieldSpec) -> list[Constraint]:
    c, name, column = f.descriptor.get("constraints", {}), f.name, col(f.name)
    out = []
    if c.get("required"):
        out.append(
            Constraint(
                f"{name}:required", name, column.is_null(), "required", lambda r: "required, but missing"
            )
        )
    if "enum" in c:
        expected = "expected one of: " + ", ".join(c["enum"])
        out.append(_valued(f"{name}:enum", name, column.is_valid() & ~column.isin(c["enum"]), expected))
    if "pattern" in c:
        # A pattern may hold line separators or controls it forbids: shown escaped, one line.
        expected = f"expected text matching {_printable(c['pattern'])}"
        out.append(_valued(f"{name}:pattern", name, ~column.fullmatch(c["pattern"]), expected))
    if f.type == "number":  # NaN would pass every comparison; missing is null
        expected = "expected a finite number (a missing value is left empty, never NaN)"
        out.append(_valued(f"{name}:finite", name, column.is_valid() & ~column.is_finite(), expected))
    if "minimum" in c:
        out.append(
            _valued(f"{name}:minimum", name, column < c["minimum"], f"expected at least {c['minimum']}")
        )
    if "maximum" in c:
        out.append(
            _valued(f"{name}:maximum", name, column > c["maximum"], f"expected at most {c['maximum']}")
        )
    if "minLength" in c:
        expected = f"expected at least {c['minLength']} character(s)"
        out.append(_valued(f"{name}:minLength", name, column.length() < c["minLength"], expected))
    if "x-codelist" in f.descriptor:
        listed = sorted(CODELISTS[f.descriptor["x-codelist"]])
        expected = f"expected a code of {f.descriptor['x-codelist']}"
        out.append(_valued(f"{name}:codelist", name, column.is_valid() & ~column.isin(listed), expected))
    if c.get("unique"):
        out.append(
            Constraint(
                f"{name}:unique", name, duplicated(name), "must be unique",
                lambda r: f"duplicate value {r[name]!r}: must be unique",
            )
        )  # fmt: skip
    return out


def _valued(name: str, field: str, violated: Expr, expected: str) -> Constraint:
    return Constraint(name, field, violated, expected, lambda r: f"{r[field]!r}: {expected}")


def _key_constraint(spec: TableSpec) -> list[Constraint]:
    key = spec.primary_key
    if len(key) == 1 and spec.field(key[0]).descriptor.get("constraints", {}).get("unique"):
        return []  # the field's own unique constraint says it
    expected = f"the primary key ({', '.join(key)}) is unique"
    return [
        Constraint(
            "primary_key", key[0], duplicated(*key), expected,
            lambda r: f"duplicate primary key ({', '.join(repr(r[k]) for k in key)}): must be unique",
        )
    ]  # fmt: skip


def constraints(spec: TableSpec) -> list[Constraint]:
    """Every constraint on one table, in the order findings are reported."""
    out = [c for f in spec.fields for c in _field_constraints(f)]
    out += _key_constraint(spec)
    return out + [rule.constraint() for rule in ROW_RULES if rule.applies_to(spec)]


# ---------------------------------------------------------------------------------- rules

_value, _low, _high, _qualifier = col("value"), col("value_low"), col("value_high"), col("qualifier")
_start, _end, _precision = col("date_start"), col("date_end"), col("date_precision")
_has_number = any_of(_value.is_valid(), _low.is_valid(), _high.is_valid())
_date_parts = [col(c).is_valid() for c in ("date_start", "date_end", "date_precision", "date_basis")]
_derived = col("rank_basis").eq("derived")
_vague = _qualifier.eq("vague")
_covered = col("status").eq("covered")


def _implied_bound(bound: str) -> RowRule:
    qualifiers = [q for q, bounds in QUALIFIER_BOUNDS.items() if bound in bounds]
    return RowRule(
        f"{bound}_implied_by_qualifier",
        bound,
        _qualifier.isin(qualifiers) & col(bound).ne(_value),
        f"qualifiers {', '.join(qualifiers)} imply {bound} = value",
        lambda r: f"qualifier {r['qualifier']!r} implies {bound} = value ({r['value']})",
        FACT_TABLES,
    )


ROW_RULES: tuple[RowRule, ...] = (
    # quantities
    RowRule("value_low_at_most_value", "value_low", _low > _value, "value_low is at most value",
            lambda r: f"value_low {r['value_low']} is above value {r['value']}", FACT_TABLES),
    RowRule("value_high_at_least_value", "value_high", _value > _high, "value_high is at least value",
            lambda r: f"value_high {r['value_high']} is below value {r['value']}", FACT_TABLES),
    RowRule("value_low_at_most_value_high", "value_low", _low > _high, "value_low is at most value_high",
            lambda r: f"value_low {r['value_low']} is above value_high {r['value_high']}", FACT_TABLES),
    RowRule("vague_has_no_value", "value", _vague & _value.is_valid(),
            "qualifier 'vague' means the source gives no number; leave value empty", None, FACT_TABLES),
    RowRule("quantity_has_qualifier", "qualifier", _qualifier.is_null() & _has_number,
            "a quantity needs a qualifier (exact, approx, more_than, less_than, at_least, up_to, vague)",
            None, FACT_TABLES),
    RowRule("qualifier_has_value", "value", _qualifier.ne("vague") & ~_has_number,
            "a qualifier other than 'vague' needs a value",
            lambda r: f"qualifier {r['qualifier']!r} needs a value (or use 'vague')", FACT_TABLES),
    _implied_bound("value_low"),
    _implied_bound("value_high"),
    # dates
    RowRule("date_parts_together", "date_basis", any_of(*_date_parts) & ~all_of(*_date_parts),
            "date and date_basis go together: give both or neither"),
    RowRule("date_text_has_date", "date_text", col("date_text").is_valid() & _start.is_null(),
            "date_text given without a date"),
    RowRule("date_end_not_before_start", "date_end", _end < _start, "date_end is not before date_start",
            lambda r: f"date_end {r['date_end']} is before date_start {r['date_start']}"),
    RowRule("month_precision_whole_months", "date_start",
            _precision.eq("month") & (_start.day().ne(1) | ~_end.is_month_end()),
            "month precision needs whole months (first to last day)"),
    RowRule("year_precision_whole_years", "date_start",
            _precision.eq("year") & (_start.day_of_year().ne(1) | ~(_end.month().eq(12) & _end.day().eq(31))),
            "year precision needs whole years (1 January to 31 December)"),
    RowRule("date_text_in_quote", "date_text", ~col("quote").contains(col("date_text")),
            "date_text occurs in the quote",
            lambda r: f"date_text {r['date_text']!r} does not occur in the quote"),
    # quotes
    RowRule("quote_offsets_span_the_quote", "quote_end",
            (col("quote_end") - col("quote_start")).ne(col("quote").length()),
            "quote_end - quote_start must equal the quote's length"),
    # what a figure counts, and claims that deny
    RowRule("increment_names_its_figure", "related_figure",
            col("count_type").eq("increment") & col("related_figure").is_null(),
            "an increment names the figure it adds to (related_figure)",
            lambda r: "count_type 'increment' needs related_figure: the figure it adds to"),
    RowRule("related_figure_is_another", "related_figure", col("related_figure").eq(col("id")),
            "a figure is not counted against itself"),
    RowRule("not_delivered_denies", "polarity",
            col("stage").eq("not_delivered").ne(col("polarity").eq("negative")),
            "stage 'not_delivered' and polarity 'negative' go together: a transfer said not to have "
            "happened denies it", None, FACT_TABLES),
    # rankings
    RowRule("derived_rank_says_how", "derivation",
            _derived & (col("derivation").is_null() | col("derived_from").is_null()),
            "a derived rank needs derivation (how) and derived_from (the stated rank it comes from)"),
    RowRule("derivation_only_when_derived", "rank_basis",
            ~_derived & (col("derivation").is_valid() | col("derived_from").is_valid()),
            "derivation and derived_from belong to derived ranks only"),
    RowRule("vague_rank_is_empty", "rank", _vague & col("rank").is_valid(),
            "qualifier 'vague' means the source gives no place; leave rank empty"),
    RowRule("rank_unless_vague", "rank", ~_vague & col("rank").is_null(),
            "a rank is required unless qualifier is 'vague'"),
    # mentions
    RowRule("covered_mention_names_records", "covered_by", _covered & col("covered_by").is_null(),
            "a covered mention names its records"),
    RowRule("ignored_mention_has_reason", "ignore_reason", ~_covered & col("ignore_reason").is_null(),
            "an ignored mention needs a reason"),
    RowRule("covered_mention_has_no_reason", "ignore_reason", _covered & col("ignore_reason").is_valid(),
            "a covered mention has no ignore reason"),
    RowRule("mention_offsets_span_the_text", "end", (col("end") - col("start")).ne(col("text").length()),
            "end - start must equal the length of text"),
    # sources
    RowRule("publication_window_in_order", "published_latest",
            col("published_latest") < col("published_earliest"), "publication window ends before it starts"),
)  # fmt: skip
