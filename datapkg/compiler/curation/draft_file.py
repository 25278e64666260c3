"""The records file of a new source, holding its draft (``build/records/<id>.yaml``).

The layout is that of curated records, so confirming a candidate is deleting its
``status: draft`` line once its values are checked and its gaps filled. Comments list every
number and date the extractor found with its sentence and the candidate that covers it,
and offer an ``ignored_mentions`` entry for each one that no candidate covers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from datapkg.compiler.curation.candidates import Candidate
from datapkg.compiler.curation.sentences import Sentence, sentence_at
from datapkg.compiler.curation.source_files import yaml_scalar
from datapkg.compiler.inputs.records import DRAFT, STATUS_KEY
from datapkg.extract import Mention

_HEADER = """\
# Records of {source_id}: a DRAFT written by `datapkg add-source`. The build refuses every
# record marked `status: {draft}`. For each candidate: check it against the text, correct
# and fill in what it lacks (null values, the English translation), then delete its
# `status: {draft}` line to confirm it, or delete the whole record. See CONTRIBUTING.md.
#
# Numbers and dates the extractor found (offset, text, kind, value), with their sentence:
"""


def unique_ids(candidates: list[Candidate], taken: Iterable[str]) -> None:
    """Give every candidate a valid id used nowhere else (suffixes -2, -3, ...)."""
    used = set(taken)
    for candidate in candidates:
        base = re.sub(r"[^a-z0-9]+", "-", str(candidate.fields["id"]).lower()).strip("-") or candidate.table
        new, n = base, 1
        while new in used:
            n += 1
            new = f"{base}-{n}"
        used.add(new)
        candidate.fields["id"] = new


def _covering(candidates: list[Candidate], mention: Mention) -> list[str]:
    return [
        str(c.fields["id"])
        for c in candidates
        if "quote" in c.fields
        and c.quote_at <= mention.start
        and mention.end <= c.quote_at + len(str(c.fields["quote"]))
    ]


def _mention_lines(
    text: str, mentions: list[Mention], candidates: list[Candidate], spans: list[Sentence]
) -> list[str]:
    lines = []
    for m in mentions:
        covered = _covering(candidates, m)
        where = f"-> {', '.join(covered)}" if covered else "-> no candidate"
        lines.append(f"#   {m.start:>6} {yaml_scalar(m.text)} {m.kind} {yaml_scalar(m.value)} {where}")
        sentence = sentence_at(spans, m.start)
        if sentence is not None:
            lines.append(f"#          in: {sentence.text}")
    return lines or ["#   (none)"]


def _record_lines(candidate: Candidate, text: str) -> list[str]:
    lines = []
    for name, value in candidate.fields.items():
        hint = candidate.hints.get(name)
        lines.append(f"    {name}: {yaml_scalar(value)}" + (f"  # {hint}" if hint else ""))
        if name == "id":
            lines.append(f"    {STATUS_KEY}: {DRAFT}")
        if name == "quote" and text.count(str(value)) > 1:
            lines.append(f"    quote_start: {candidate.quote_at}  # the quote occurs more than once")
    lines[0] = "  - " + lines[0].lstrip()
    return lines


def _ignore_lines(mentions: list[Mention], candidates: list[Candidate]) -> list[str]:
    open_ = [m for m in mentions if not _covering(candidates, m)]
    if not open_:
        return []
    lines = [
        "",
        "# Numbers and dates no candidate covers: cover each with a record's quote, or keep it",
        "# here with the reason no record needs it (and remove the leading # signs).",
        "# ignored_mentions:",
    ]
    for m in open_:
        lines += [f"#   - text: {yaml_scalar(m.text)}", f"#     start: {m.start}", '#     reason: ""']
    return lines


def records_yaml(source_id: str, text: str, mentions: list[Mention], candidates: list[Candidate],
                 spans: list[Sentence]) -> str:  # fmt: skip
    lines = _HEADER.format(source_id=source_id, draft=DRAFT).splitlines()
    lines += _mention_lines(text, mentions, candidates, spans)
    lines += ["", f"source_id: {yaml_scalar(source_id)}"]
    for table in dict.fromkeys(c.table for c in candidates):  # fact tables first, then new events
        rows = [c for c in candidates if c.table == table]
        if rows:
            lines += ["", f"{table}:"]
            for i, candidate in enumerate(rows):
                lines += ([""] if i else []) + _record_lines(candidate, text)
    lines += _ignore_lines(mentions, candidates)
    return "\n".join(lines) + "\n"
