"""The error every reader and checker of installed or downloaded files raises, in a module
of its own so that none of them imports the package root to reach it."""

from __future__ import annotations


class ValidationError(Exception):
    """Raised by :func:`datapkg.validate` with every problem found."""

    __module__ = "datapkg"  # where users catch it

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s):\n" + "\n".join(problems))
