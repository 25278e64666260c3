"""Evaluate constraint expressions on Arrow tables with vectorised compute kernels.

Only ``contains`` looks at Python strings, once per distinct pair of values, so
repeated records cost nothing. Constants are built from buffers (``arrow_values``),
so evaluation never imports pandas.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from datapkg.checks.arrow_values import lit, values
from datapkg.checks.findings import distinct_rows
from datapkg.schema.expressions import Call, Col, Expr, Lit

_BINARY: dict[str, Callable[..., Any]] = {
    "and": pc.and_kleene,
    "or": pc.or_kleene,
    "less": pc.less,
    "less_equal": pc.less_equal,
    "greater": pc.greater,
    "greater_equal": pc.greater_equal,
    "equal": pc.equal,
    "not_equal": pc.not_equal,
    "subtract": pc.subtract,
}
_UNARY: dict[str, Callable[..., Any]] = {
    "not": pc.invert,
    "is_null": pc.is_null,
    "is_valid": pc.is_valid,
    "is_finite": pc.is_finite,
    "length": pc.utf8_length,
    "day": pc.day,
    "month": pc.month,
    "day_of_year": pc.day_of_year,
}


def evaluate(expr: Expr, table: pa.Table) -> Any:
    """An array (or scalar, for a literal) with the expression's value on every row."""
    if isinstance(expr, Col):
        return table[expr.name]
    if isinstance(expr, Lit):
        return lit(expr.value)
    assert isinstance(expr, Call), expr
    args = [evaluate(a, table) for a in expr.args]
    if expr.op in _BINARY:
        left, right = _same_type(*args)
        return _BINARY[expr.op](left, right)
    if expr.op in _UNARY:
        return _UNARY[expr.op](args[0])
    return _SPECIAL[expr.op](expr, args)


def violations(expr: Expr, table: pa.Table) -> Any:
    """Boolean mask of the rows where the expression is true (missing counts as false)."""
    mask = evaluate(expr, table)
    return pc.fill_null(mask, lit(False)) if mask.null_count else mask


def _same_type(left: Any, right: Any) -> tuple[Any, Any]:
    # A literal takes the column's type, so no kernel has to find a common one.
    if isinstance(right, pa.Scalar) and not isinstance(left, pa.Scalar) and right.type != left.type:
        right = (
            lit(right.as_py(), left.type)
            if pa.types.is_integer(left.type) or pa.types.is_floating(left.type)
            else right
        )
    return left, right


def _isin(expr: Call, args: list[Any]) -> Any:
    column = args[0]
    return pc.is_in(column, value_set=values(list(expr.params), column.type))


def _fullmatch(expr: Call, args: list[Any]) -> Any:
    # RE2's $ matches only at the very end, so anchoring gives Python's fullmatch.
    return pc.match_substring_regex(args[0], f"^(?:{expr.params[0]})$")


def _is_month_end(expr: Call, args: list[Any]) -> Any:
    dates = args[0]
    next_day = pc.cast(pc.add(pc.cast(dates, pa.int32()), lit(1, pa.int32())), pa.date32())
    return pc.equal(pc.day(next_day), lit(1))


def _null(type: pa.DataType) -> pa.Scalar:
    return pa.nulls(1, type)[0]  # not pa.scalar(None): converting a Python value imports pandas


def _contains(expr: Call, args: list[Any]) -> Any:
    text, part = args
    # from_arrays, not pa.table(dict): the latter asks whether the dict is a pandas frame
    pairs = distinct_rows(pa.Table.from_arrays([text, part], names=["text", "part"]), ["text", "part"])
    missing = [
        f"{r['text']}\x00{r['part']}"
        for r in pairs
        if r["text"] is not None and r["part"] is not None and r["part"] not in r["text"]
    ]
    joined = pc.binary_join_element_wise(text, part, lit("\x00"))  # missing where either is
    found = pc.invert(pc.is_in(joined, value_set=values(missing, pa.string())))
    return pc.if_else(pc.is_valid(joined), found, _null(pa.bool_()))


def _all_distinct(column: Any) -> bool:
    """Whether the present values are all different. A column in ascending order (tables are
    sorted by their key) has its repeats side by side: two vectorised comparisons of each value
    with the next settle it without hashing. Otherwise one hash pass that copies no value."""
    if len(column) > 1 and column.null_count == 0:
        previous, current = column.slice(0, len(column) - 1), column.slice(1)
        if pc.all(pc.less(previous, current)).as_py():
            return True
    distinct = pc.count_distinct(column, mode="only_valid").as_py()
    return bool(distinct == len(column) - column.null_count)


def _duplicated(expr: Call, args: list[Any]) -> Any:
    if len(args) == 1 and _all_distinct(args[0]):
        return pc.and_(pc.is_valid(args[0]), lit(False))
    keys: Any = None
    complete: Any = None
    for column in args:
        encoded = pc.dictionary_encode(column).combine_chunks()
        codes = pc.cast(encoded.indices, pa.int64())
        present = pc.is_valid(column)
        complete = present if complete is None else pc.and_(complete, present)
        if keys is None:
            keys = codes
        else:  # re-encode after each step so the combined code stays below the row count
            combined = pc.add(
                pc.multiply(keys, lit(len(encoded.dictionary) + 1)), pc.fill_null(codes, lit(0))
            )
            keys = pc.cast(pc.dictionary_encode(combined).indices, pa.int64())
    if keys is None or len(keys) == 0:
        return pa.array([], pa.bool_())
    keys = pc.if_else(complete, keys, _null(pa.int64()))
    non_null = pc.drop_null(keys)
    if len(pc.unique(non_null)) == len(non_null):
        return pc.and_(complete, lit(False))
    counts = pc.value_counts(non_null)  # a plain kernel: group_by would import pandas
    repeated = pc.filter(counts.field("values"), pc.greater(counts.field("counts"), lit(1)))
    return pc.and_(pc.is_in(keys, value_set=repeated), complete)


_SPECIAL: dict[str, Callable[[Call, list[Any]], Any]] = {
    "isin": _isin,
    "fullmatch": _fullmatch,
    "is_month_end": _is_month_end,
    "contains": _contains,
    "duplicated": _duplicated,
}
