"""Which build problems only follow from another one already reported, and so are not shown:
a curator sees each cause once.

The policy is the table :data:`CASES`: each case names a cause the build reports, what it
then keeps quiet, and why. While reading, the build records each cause it reports in a
:class:`FollowOn`; every later step asks it before reporting what a case hides. No other
module decides what stays quiet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Final

from datapkg.compiler.problems import Problem
from datapkg.schema.specs import TableSpec


class Cause(Enum):
    """What is reported."""

    FIELD_PROBLEM = "a record's field has an input problem (a wrong type, a bad date, a quote not found)"
    UNEXPLAINED_MENTION = "a mention is in no record's quote and no ignore entry explains it"
    RECORDS_FILE_UNREAD = "a records file did not load (no YAML, named .yml, or its source_id is no text)"
    UNKNOWN_SOURCE = "a records file names a source_id that is no source"
    WRONG_SOURCE = "a records file's quotes are in another source than it names, or in none"
    SOURCE_FAILED = "a source's metadata or text did not load"
    SOURCE_UNREAD = "the extractor did not read a source (it did not load, or its language is unknown)"
    DRAFTS = "a records file holds drafts"
    BULK_REJECTED = "a bulk record file is rejected"
    EMPTY_VOCABULARY = "a vocabulary has no entries at all"


class Hidden(Enum):
    """What a cause keeps quiet."""

    SAME_FIELD = "later findings on that field"
    DERIVED_FIELDS = "findings on fields derived from it (DERIVED_FROM) and on the record's computed fields"
    IGNORE_REASON = "its row's empty ignore_reason"
    SOURCE_AND_QUOTE = "its records' findings on source_id and quote (and so the quote offsets)"
    QUOTE_NOT_FOUND = "each of its records' `quote not found verbatim`"
    COVERAGE = "the source's uncovered mentions and stale or wrong ignore entries"
    QUOTED_FIGURES = "figures checked against the mentions in their quotes"
    DATE_TEXT = "date_text checked against the source's mentions"
    VOCABULARY_USE = "vocabulary entries no record uses"
    MISSING_VOCABULARY = "`no <vocabulary> at all` for the vocabulary the file holds"
    REFERENCES = "references into that vocabulary"


@dataclass(frozen=True)
class Case:
    """One line of the policy."""

    cause: Cause
    hides: tuple[Hidden, ...]
    why: str


CASES: Final[tuple[Case, ...]] = (
    Case(Cause.FIELD_PROBLEM, (Hidden.SAME_FIELD, Hidden.DERIVED_FIELDS),
         "the field's own message says it; what the build derives from it cannot be right either"),
    Case(Cause.UNEXPLAINED_MENTION, (Hidden.IGNORE_REASON,), "the missing reason is the same problem"),
    Case(Cause.RECORDS_FILE_UNREAD, (Hidden.COVERAGE, Hidden.VOCABULARY_USE, Hidden.MISSING_VOCABULARY),
         "its records are missing: the mentions they quote look uncovered, the entries they use unused"),
    Case(Cause.UNKNOWN_SOURCE, (Hidden.SOURCE_AND_QUOTE, Hidden.COVERAGE),
         "one message for the file, not one per record; the source it is named for lost its records"),
    Case(Cause.WRONG_SOURCE, (Hidden.QUOTE_NOT_FOUND, Hidden.COVERAGE, Hidden.DATE_TEXT),
         "one message for the file, not one per quote; neither source's mentions are quoted as curated"),
    Case(Cause.SOURCE_FAILED, (Hidden.SOURCE_AND_QUOTE,), "its records wait for the source to load"),
    Case(Cause.SOURCE_UNREAD, (Hidden.COVERAGE, Hidden.QUOTED_FIGURES, Hidden.DATE_TEXT),
         "it has no mentions to check against, and why is reported with the source"),
    Case(Cause.DRAFTS, (Hidden.COVERAGE,),
         "drafts are refused: the mentions they quote are covered once they are confirmed"),
    Case(Cause.BULK_REJECTED, (Hidden.COVERAGE, Hidden.QUOTED_FIGURES, Hidden.VOCABULARY_USE),
         "the rejected rows' quotes and references are missing from every table"),
    Case(Cause.EMPTY_VOCABULARY, (Hidden.REFERENCES,),
         "the empty vocabulary is reported once; its references are checked once it is back"),
)  # fmt: skip
"""The policy: a cause, what it hides, and why."""

ALL: Final = "*"
"""The subject of a cause that concerns every source (a rejected bulk file)."""

ANYTHING: Final = object()
"""Asks whether a cause was recorded for any subject at all."""

DERIVED_FROM: Mapping[str, frozenset[str]] = {
    "date": frozenset({"date_start", "date_end", "date_precision", "date_basis", "date_text"}),
    "quote": frozenset({"quote_start", "quote_end"}),
}
"""Input field -> the table fields the build derives from it."""


def _hides(cause: Cause, hidden: Hidden) -> bool:
    return any(case.cause is cause and hidden in case.hides for case in CASES)


def hidden_fields(cause: Cause) -> frozenset[str | None]:
    """The fields of a record that ``cause`` keeps quiet (its ``problem_fields`` grow by them)."""
    return frozenset({"source_id", "quote"}) if _hides(cause, Hidden.SOURCE_AND_QUOTE) else frozenset()


def is_quote_not_found(problem: Problem) -> bool:
    return problem.field == "quote" and problem.message.startswith("quote not found verbatim")


def drops(cause: Cause, problem: Problem) -> bool:
    """Whether a problem a reader found is one ``cause`` hides (one message per file instead)."""
    return _hides(cause, Hidden.QUOTE_NOT_FOUND) and is_quote_not_found(problem)


@dataclass
class FollowOn:
    """The causes a build has reported so far, and what they keep quiet.

    A cause is recorded with its subject: the source or vocabulary it concerns (a records file
    concerns the source or vocabulary it is named for), or :data:`ALL`. The sources the
    extractor read are given instead: every other source id counts as :attr:`Cause.SOURCE_UNREAD`.
    """

    read_sources: set[str] = field(default_factory=set)
    causes: dict[Cause, set[str]] = field(default_factory=dict)

    def record(self, cause: Cause, subject: str = ALL) -> None:
        self.causes.setdefault(cause, set()).add(subject)

    def recorded(self, cause: Cause, subject: object) -> bool:
        subjects = self.causes.get(cause, set())
        if subject is ANYTHING:
            return bool(subjects)
        if cause is Cause.SOURCE_UNREAD:
            return subject not in self.read_sources
        return ALL in subjects or subject in subjects

    def hides(self, hidden: Hidden, subject: object) -> bool:
        return any(hidden in case.hides and self.recorded(case.cause, subject) for case in CASES)

    def quiet(self, hidden: Hidden, sources: Iterable[str]) -> set[str]:
        """The sources, among ``sources`` and those a cause names, whose ``hidden`` stays quiet."""
        named = {s for subjects in self.causes.values() for s in subjects if s != ALL}
        return {s for s in {*sources, *named} if self.hides(hidden, s)}

    def hides_everywhere(self, hidden: Hidden) -> bool:
        return any(ALL in self.causes.get(case.cause, ()) for case in CASES if hidden in case.hides)

    def shows_vocabulary_use(self) -> bool:
        return not self.hides(Hidden.VOCABULARY_USE, ANYTHING)

    def shows_missing_vocabulary(self, vocabulary: str) -> bool:
        return not self.hides(Hidden.MISSING_VOCABULARY, vocabulary)

    def shows_date_text(self, source: object) -> bool:
        return not self.hides(Hidden.DATE_TEXT, source)

    def shows_reference(self, rule: str) -> bool:
        """Whether a foreign-key finding (rule ``foreign_key:a|b``) points into a vocabulary that is there."""
        if not rule.startswith("foreign_key:"):
            return True
        targets = rule.removeprefix("foreign_key:").split("|")
        return not all(self.hides(Hidden.REFERENCES, t) for t in targets)


def echoes_input_problem(field: str | None, reported: frozenset[str | None], spec: TableSpec) -> bool:
    """Whether a finding on ``field`` only repeats the input problems ``reported`` for its record
    (:attr:`Cause.FIELD_PROBLEM`)."""
    if not reported:
        return False
    if field in reported:
        return _hides(Cause.FIELD_PROBLEM, Hidden.SAME_FIELD)
    derived = any(field in derived for cause, derived in DERIVED_FROM.items() if cause in reported) or (
        field is not None and field in spec.field_names and spec.field(field).computed
    )
    return derived and _hides(Cause.FIELD_PROBLEM, Hidden.DERIVED_FIELDS)


def echoes_reported(problem: Problem, reported: set[tuple[str | None, str | None]]) -> bool:
    """Whether ``problem`` is on a record's field (``reported``: record id, field) that has a
    problem reported already (:attr:`Cause.FIELD_PROBLEM`)."""
    return (problem.record_id, problem.field) in reported and _hides(Cause.FIELD_PROBLEM, Hidden.SAME_FIELD)


def mention_reported_fields(row: Mapping[str, Any]) -> frozenset[str | None]:
    """The fields of a mention row whose problem the mention stage has reported already
    (:attr:`Cause.UNEXPLAINED_MENTION`)."""
    unexplained = row["status"] == "ignored" and not row["ignore_reason"]
    if unexplained and _hides(Cause.UNEXPLAINED_MENTION, Hidden.IGNORE_REASON):
        return frozenset({"ignore_reason"})
    return frozenset()
