"""What the extractor yields: a mention, the context a rule reads, and a rule with the
kinds of mention it may yield."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, get_args

from datapkg.extract.patterns import Patterns

Kind = Literal["quantity", "date", "rank", "percent", "money", "duration", "anchor"]
"""``anchor``: a time given only by an event ("nach dem Gipfel"); no date, so not a ``date``."""
KINDS: tuple[Kind, ...] = get_args(Kind)


@dataclass(frozen=True)
class Mention:
    """One number or date expression: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    kind: Kind
    value: Any
    unit: str | None = None
    qualifier: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
        }


@dataclass(frozen=True)
class Context:
    """What a rule reads: the text, its language, and the reference window (``ref`` to
    ``ref_end``, one day when they are equal) that relative expressions resolve against."""

    text: str
    lang: str
    ref: dt.date | None
    p: Patterns
    ref_end: dt.date | None = None

    @property
    def window(self) -> tuple[dt.date, dt.date] | None:
        if self.ref is None:
            return None
        return self.ref, self.ref_end or self.ref

    def resolve(self, value_at: Callable[[dt.date], Any]) -> Any:
        """A value that depends on the reference date, kept where the whole window agrees on
        it: the same value from both ends, or the parts both ends share ("XXXX-11-01" when
        only the year differs); None where the window leaves it open."""
        window = self.window
        if window is None:
            return None
        first, last = value_at(window[0]), value_at(window[1])
        if first == last:
            return first
        same_but_year = isinstance(first, str) and isinstance(last, str) and len(first) == len(last) >= 7
        if same_but_year and first[4:] == last[4:] and first[:4].isdigit() and last[:4].isdigit():
            return "XXXX" + first[4:]
        return None

    def mention(
        self, m: re.Match[str], kind: Kind, value: Any, unit: str | None = None,
        qualifier: str | None = None, group: int | str = 0,
    ) -> Mention:  # fmt: skip
        start, end = m.span(group)
        return Mention(start, end, self.text[start:end], kind, value, unit, qualifier)


@dataclass(frozen=True)
class Rule:
    """One family of expressions: ``find`` yields candidates of the declared ``kinds`` only."""

    find: Callable[[Context], Iterator[Mention]]
    kinds: frozenset[Kind]
