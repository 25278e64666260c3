"""What :func:`datapkg.validate` checked, returned when it found nothing wrong. Plain, with no
import beyond the standard library's, since the package root imports it."""

from __future__ import annotations

from pathlib import Path


class ValidationReport:
    """What a validation that found no problem checked: ``descriptor`` (the path of the
    ``datapackage.json``), ``name`` and ``version`` of the package it describes, ``files`` (every
    data file, by its path in the descriptor, checked for size, SHA-256 and content), ``rows``
    (table name -> rows checked) and ``rules`` (the declared constraints of every table, and
    the checks across rows, tables and texts, counted once each). ``str``, ``repr`` and a
    notebook show the one-line :attr:`summary`."""

    __module__ = "datapkg"  # where users meet it

    def __init__(
        self,
        descriptor: Path,
        name: str,
        version: str,
        files: tuple[str, ...],
        rows: dict[str, int],
        rules: int,
    ) -> None:
        self.descriptor, self.name, self.version = descriptor, name, version
        self.files, self.rows, self.rules = files, rows, rules

    @property
    def summary(self) -> str:
        """``valid: 9 tables, 18 files, 1,234 rows, 321 rules checked (name version)``."""
        tables, files, rows = len(self.rows), len(self.files), sum(self.rows.values())
        counts = [
            _counted(tables, "table"),
            _counted(files, "file"),
            _counted(rows, "row"),
            _counted(self.rules, "rule"),
        ]
        return f"valid: {', '.join(counts)} checked ({self.name} {self.version})"

    def __str__(self) -> str:
        return self.summary

    def __repr__(self) -> str:
        return self.summary

    def _repr_html_(self) -> str:
        import html

        return f"<samp>{html.escape(self.summary)}</samp>"


def _counted(n: int, what: str) -> str:
    return f"{n:,} {what}" + ("" if n == 1 else "s")
