"""What the extractor yields: a mention, the context a rule reads, and a rule with the
kinds of mention it may yield."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, get_args

from datapkg.extract.patterns import Patterns

Kind = Literal["quantity", "date", "rank", "percent", "money", "duration"]
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
    text: str
    lang: str
    ref: dt.date | None
    p: Patterns

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
