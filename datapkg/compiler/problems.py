"""Input problems, collected rather than raised one at a time.

A build reports every problem it finds in one run; each names where it is
(file and line when the problem comes from an input file, else the table),
the record id and the field, and says what was expected.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Origin:
    """Where a record was written: its file and line, and the line of each field."""

    file: str
    line: int
    field_lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, field_name: str | None) -> int:
        for name, line in self.field_lines:
            if name == field_name:
                return line
        return self.line


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the inputs or outputs."""

    where: str  # "path:line" for input files, or a table/file name
    message: str
    record_id: str | None = None
    field: str | None = None

    def __post_init__(self) -> None:
        # An id a curator wrote as a list or mapping is reported on its own; here it would
        # make the problem unhashable, and problems are collected in sets.
        if self.record_id is not None and not isinstance(self.record_id, str):
            object.__setattr__(self, "record_id", None)

    def __str__(self) -> str:
        parts = [self.where]
        if self.record_id is not None:
            parts.append(f"record {self.record_id!r}")
        if self.field is not None:
            parts.append(f"field {self.field!r}")
        return ": ".join(parts) + ": " + self.message


def at(origin: Origin, message: str, record_id: str | None, field_name: str | None) -> Problem:
    """A problem located at a record's field (or the record itself when the field is absent)."""
    return Problem(f"{origin.file}:{origin.line_of(field_name)}", message, record_id, field_name)


@dataclass
class Problems:
    """An ordered collection of problems; the build fails if it holds any."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise InputError(self.items)


class InputError(Exception):
    """Raised with every problem found; the CLI prints one line per problem."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__(f"{len(self.problems)} problem(s):\n" + "\n".join(map(str, self.problems)))


def _sort_key(p: Problem) -> tuple[str, int, str]:
    path, _, line = p.where.rpartition(":")
    if path and line.isdigit():
        return (path, int(line), p.message)
    return (p.where, 0, p.message)
