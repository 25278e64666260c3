"""A small language for conditions over a table's columns, so that each rule is written
once and evaluated by two engines with the same semantics: vectorised Arrow compute
(``datapkg.checks.arrow_eval``) and pandas for the published Pandera schemas
(``datapkg.checks.pandas_eval``).

Semantics follow Arrow's: a comparison with a missing value is missing, ``&`` and ``|``
use Kleene logic, and a row breaks a rule only where its condition is true (missing
counts as false).

>>> rule = (col("value_low") > col("value")) & col("qualifier").isin(["exact"])
>>> sorted(rule.columns())
['qualifier', 'value', 'value_low']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Call", "Col", "Expr", "Lit", "col", "duplicated", "lit"]


class Expr:
    """A condition or value over the columns of one table."""

    def __and__(self, other: Expr) -> Expr:
        return Call("and", (self, other))

    def __or__(self, other: Expr) -> Expr:
        return Call("or", (self, other))

    def __invert__(self) -> Expr:
        return Call("not", (self,))

    def __lt__(self, other: Any) -> Expr:
        return Call("less", (self, _expr(other)))

    def __le__(self, other: Any) -> Expr:
        return Call("less_equal", (self, _expr(other)))

    def __gt__(self, other: Any) -> Expr:
        return Call("greater", (self, _expr(other)))

    def __ge__(self, other: Any) -> Expr:
        return Call("greater_equal", (self, _expr(other)))

    def __sub__(self, other: Any) -> Expr:
        return Call("subtract", (self, _expr(other)))

    # ``==`` stays Python's identity test, so expressions can be hashed and compared.
    def eq(self, other: Any) -> Expr:
        return Call("equal", (self, _expr(other)))

    def ne(self, other: Any) -> Expr:
        return Call("not_equal", (self, _expr(other)))

    def is_null(self) -> Expr:
        return Call("is_null", (self,))

    def is_valid(self) -> Expr:
        return Call("is_valid", (self,))

    def isin(self, values: Sequence[Any]) -> Expr:
        """True where the value is one of ``values``; false (never missing) for a missing value."""
        return Call("isin", (self,), tuple(values))

    def fullmatch(self, pattern: str) -> Expr:
        """The whole text matches the regular expression (Table Schema's ``pattern``)."""
        return Call("fullmatch", (self,), (pattern,))

    def length(self) -> Expr:
        return Call("length", (self,))

    def contains(self, other: Expr) -> Expr:
        """This text contains the other column's text, row by row."""
        return Call("contains", (self, other))

    def day(self) -> Expr:
        return Call("day", (self,))

    def month(self) -> Expr:
        return Call("month", (self,))

    def day_of_year(self) -> Expr:
        return Call("day_of_year", (self,))

    def is_month_end(self) -> Expr:
        return Call("is_month_end", (self,))

    def is_finite(self) -> Expr:
        """False for NaN and the infinities, true for any other number, missing where missing."""
        return Call("is_finite", (self,))

    def columns(self) -> set[str]:
        raise NotImplementedError


@dataclass(frozen=True, eq=False)
class Col(Expr):
    name: str

    def columns(self) -> set[str]:
        return {self.name}


@dataclass(frozen=True, eq=False)
class Lit(Expr):
    value: Any

    def columns(self) -> set[str]:
        return set()


@dataclass(frozen=True, eq=False)
class Call(Expr):
    op: str
    args: tuple[Expr, ...]
    params: tuple[Any, ...] = ()

    def columns(self) -> set[str]:
        return set().union(*(a.columns() for a in self.args))


def col(name: str) -> Col:
    return Col(name)


def lit(value: Any) -> Lit:
    return Lit(value)


def duplicated(*names: str) -> Expr:
    """True on every row whose values in these columns occur on another row too
    (rows with a missing key value are never duplicates)."""
    return Call("duplicated", tuple(Col(n) for n in names))


def any_of(*conditions: Expr) -> Expr:
    out = conditions[0]
    for c in conditions[1:]:
        out = out | c
    return out


def all_of(*conditions: Expr) -> Expr:
    out = conditions[0]
    for c in conditions[1:]:
        out = out & c
    return out


def _expr(value: Any) -> Expr:
    return value if isinstance(value, Expr) else Lit(value)
