"""Evaluate constraint expressions on pandas frames, with Arrow's semantics: a comparison
with a missing value is missing (``pd.NA``), ``&``/``|`` are Kleene, and only a true
result marks a row. pandas alone would call ``NaT != x`` true and compare categoricals
by code, so every operation here works on nullable arrays and restores the missing
values itself. Used by the published Pandera schemas.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from datapkg.schema.expressions import Call, Col, Expr, Lit

_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "less": operator.lt,
    "less_equal": operator.le,
    "greater": operator.gt,
    "greater_equal": operator.ge,
    "equal": operator.eq,
    "not_equal": operator.ne,
}


def evaluate(expr: Expr, frame: pd.DataFrame) -> Any:
    """A Series (or a plain value, for a literal) with the expression's value on every row."""
    if isinstance(expr, Col):
        return _column(frame[expr.name])
    if isinstance(expr, Lit):
        return expr.value
    assert isinstance(expr, Call), expr
    args = [evaluate(a, frame) for a in expr.args]
    if expr.op in _COMPARE:
        return _compare(_COMPARE[expr.op], *args)
    return _OPS[expr.op](expr, args, frame)


def violations(expr: Expr, frame: pd.DataFrame) -> pd.Series:
    """Boolean Series, true on the rows where the expression is true."""
    result = evaluate(expr, frame)
    return pd.Series(result, index=frame.index).astype("boolean").fillna(False).astype(bool)


def _column(series: pd.Series) -> pd.Series:
    if isinstance(series.dtype, pd.CategoricalDtype):
        return series.astype("string")
    if series.dtype == object:
        return series.astype("string")
    return series


def _missing(value: Any) -> Any:
    if isinstance(value, pd.Series):
        return value.isna().to_numpy()
    return bool(pd.isna(value))


def _boolean(values: Any, missing: Any, index: pd.Index) -> pd.Series:
    out = pd.Series(np.asarray(values, dtype=bool), index=index, dtype="boolean")
    out[np.asarray(missing, dtype=bool) & np.ones(len(index), dtype=bool)] = pd.NA
    return out


def _compare(op: Callable[[Any, Any], Any], left: Any, right: Any) -> pd.Series:
    index = (left if isinstance(left, pd.Series) else right).index
    missing = _missing(left) | _missing(right)
    if isinstance(right, pd.Series) and pd.api.types.is_datetime64_any_dtype(right.dtype):
        left = pd.Series(left, index=index)
    raw = op(left, right)
    raw = raw.astype("boolean").fillna(False) if isinstance(raw, pd.Series) else raw
    return _boolean(raw, missing, index)


def _kleene(op: str) -> Callable[[Call, list[Any], pd.DataFrame], Any]:
    def run(expr: Call, args: list[Any], frame: pd.DataFrame) -> Any:
        left, right = (pd.Series(a, index=frame.index).astype("boolean") for a in args)
        return (left & right) if op == "and" else (left | right)

    return run


def _not(expr: Call, args: list[Any], frame: pd.DataFrame) -> Any:
    return ~pd.Series(args[0], index=frame.index).astype("boolean")


def _subtract(expr: Call, args: list[Any], frame: pd.DataFrame) -> Any:
    return pd.Series(args[0], index=frame.index).astype("Int64") - pd.Series(
        args[1], index=frame.index
    ).astype("Int64")


def _is_finite(expr: Call, args: list[Any], frame: pd.DataFrame) -> Any:
    # pandas reads NaN as missing, so only the infinities can reach a frame as values.
    column = args[0]
    numbers = column.to_numpy(dtype="float64", na_value=0.0)
    return _boolean(np.isfinite(numbers), column.isna().to_numpy(), frame.index)


def _isin(expr: Call, args: list[Any], frame: pd.DataFrame) -> Any:
    column = args[0]
    return pd.Series(column.isin(list(expr.params)).to_numpy(dtype=bool), index=frame.index, dtype="boolean")


def _fullmatch(expr: Call, args: list[Any], frame: pd.DataFrame) -> Any:
    pattern = re.compile(expr.params[0])
    column = args[0]
    flags = [pattern.fullmatch(v) is not None if not pd.isna(v) else False for v in column]
    return _boolean(flags, column.isna().to_numpy(), frame.index)


def _length(expr: Call, args: list[Any], frame: pd.DataFrame) -> Any:
    return args[0].astype("string").str.len().astype("Int64")


def _date_part(part: str) -> Callable[[Call, list[Any], pd.DataFrame], Any]:
    def run(expr: Call, args: list[Any], frame: pd.DataFrame) -> Any:
        dates = pd.to_datetime(args[0])
        number = {"day": dates.dt.day, "month": dates.dt.month, "day_of_year": dates.dt.day_of_year}[part]
        return number.astype("Int64")

    return run


def _is_month_end(expr: Call, args: list[Any], frame: pd.DataFrame) -> Any:
    dates = pd.to_datetime(args[0])
    return _boolean(
        (dates + pd.Timedelta(days=1)).dt.day.fillna(0) == 1, dates.isna().to_numpy(), frame.index
    )


def _contains(expr: Call, args: list[Any], frame: pd.DataFrame) -> Any:
    text, part = args
    missing = text.isna().to_numpy() | part.isna().to_numpy()
    flags = [False if gone else p in t for t, p, gone in zip(text, part, missing, strict=True)]
    return _boolean(flags, missing, frame.index)


def _duplicated(expr: Call, args: list[Any], frame: pd.DataFrame) -> Any:
    keys = pd.DataFrame({i: a.reset_index(drop=True) for i, a in enumerate(args)})
    complete = keys.notna().all(axis=1).to_numpy()
    repeated = keys[complete].duplicated(keep=False).reindex(keys.index, fill_value=False).to_numpy()
    return pd.Series(repeated & complete, index=frame.index, dtype="boolean")


_OPS: dict[str, Callable[[Call, list[Any], pd.DataFrame], Any]] = {
    "and": _kleene("and"),
    "or": _kleene("or"),
    "not": _not,
    "is_null": lambda e, a, f: pd.Series(a[0].isna().to_numpy(), index=f.index, dtype="boolean"),
    "is_valid": lambda e, a, f: pd.Series(a[0].notna().to_numpy(), index=f.index, dtype="boolean"),
    "subtract": _subtract,
    "is_finite": _is_finite,
    "isin": _isin,
    "fullmatch": _fullmatch,
    "length": _length,
    "day": _date_part("day"),
    "month": _date_part("month"),
    "day_of_year": _date_part("day_of_year"),
    "is_month_end": _is_month_end,
    "contains": _contains,
    "duplicated": _duplicated,
}
