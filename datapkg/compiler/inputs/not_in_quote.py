"""A record's ``not_in_quote`` entry: the figures it states that its quote does not give, each
with its basis and a reason (checked against the quote by :mod:`datapkg.compiler.quoted_values`)::

    not_in_quote:
      value: {basis: derived, reason: "the sum of the two figures the quote gives"}
"""

from __future__ import annotations

from typing import Any

from datapkg.compiler.inputs.yaml_input import LineDict
from datapkg.compiler.problems import Origin, Problem, at
from datapkg.schema.specs import TableSpec

NOT_IN_QUOTE = "not_in_quote"
BASES = {
    "derived": "computed by the curators from figures the quote gives",
    "resolved": "the quote gives it in a form the extractor does not read as this number",
    "external": "from reporting outside the quote, named in the note",
    "implied": "a bound the quote's wording implies",
}
BOUNDS = ("value_low", "value_high")


def claimed_number_fields(spec: TableSpec) -> tuple[str, ...]:
    """The columns of a fact table that state a number the quote gives."""
    value = str(spec.descriptor.get("x-claim", {}).get("value", "value"))
    numeric = {f.name for f in spec.fields if f.type in ("integer", "number")}
    return tuple(name for name in (value, *BOUNDS) if name in numeric)


def read_not_in_quote(
    raw: Any, spec: TableSpec, origin: Origin, record_id: str | None
) -> tuple[dict[str, str], list[Problem]]:
    """A record's ``not_in_quote`` entry: field -> basis, or the problems with it."""
    allowed = claimed_number_fields(spec)
    if not isinstance(raw, LineDict) or not raw:
        message = "expected a mapping of field to {basis, reason}, e.g. value: {basis: derived, reason: …}"
        return {}, [at(origin, message, record_id, NOT_IN_QUOTE)]
    out: dict[str, str] = {}
    problems: list[Problem] = []
    for name, entry in raw.items():
        where = raw.origin(origin.file)
        if name not in allowed:
            message = f"{NOT_IN_QUOTE} names {name!r}; expected one of: {', '.join(allowed)}"
            problems.append(at(where, message, record_id, NOT_IN_QUOTE))
        elif not isinstance(entry, LineDict) or set(entry) != {"basis", "reason"}:
            message = f"{NOT_IN_QUOTE}.{name}: expected {{basis: …, reason: …}} and nothing else"
            problems.append(at(where, message, record_id, NOT_IN_QUOTE))
        elif entry["basis"] not in BASES:
            message = f"{NOT_IN_QUOTE}.{name}: basis {entry['basis']!r}; expected one of: {', '.join(BASES)}"
            problems.append(at(where, message, record_id, NOT_IN_QUOTE))
        elif not isinstance(entry["reason"], str) or not entry["reason"].strip():
            message = f"{NOT_IN_QUOTE}.{name}: every basis needs a reason (text)"
            problems.append(at(where, message, record_id, NOT_IN_QUOTE))
        else:
            out[name] = str(entry["basis"])
    return out, problems
