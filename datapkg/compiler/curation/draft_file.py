"""The records file of a new source, holding its draft (``build/records/<id>.yaml``).

The layout is that of curated records, so confirming a candidate is deleting its
``status: draft`` line once its values are checked and its gaps filled. Comments list every
number and date the extractor found with its sentence and the candidate that covers it,
and offer an ``ignored_mentions`` entry for each one that no candidate covers.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from heapq import heappop, heappush
from typing import Any

import numpy as np

from datapkg.compiler.curation.candidates import Candidate, Draft
from datapkg.compiler.curation.sentences import Sentence, sentence_at
from datapkg.compiler.curation.source_files import escaped, yaml_scalar
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
    last: dict[str, int] = {}  # base -> the last suffix tried, so many equal bases stay cheap
    for candidate in candidates:
        base = re.sub(r"[^a-z0-9]+", "-", str(candidate.fields["id"]).lower()).strip("-") or candidate.table
        new, n = base, last.get(base, 1)
        if n > 1:
            new = f"{base}-{n}"
        while new in used:
            n += 1
            new = f"{base}-{n}"
        used.add(new)
        last[base] = n
        candidate.fields["id"] = new


def coverage(mentions: list[Mention], candidates: list[Candidate]) -> list[list[str]]:
    """For each mention, the ids of the candidates whose quote spans it, in candidate order:
    one sweep over both sorted by offset."""
    quoted = sorted(
        (c.quote_at, c.quote_at + len(str(c.fields["quote"])), i)
        for i, c in enumerate(candidates)
        if "quote" in c.fields
    )
    order = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
    out: list[list[str]] = [[] for _ in mentions]
    ends: list[tuple[int, int]] = []  # (end, candidate index) of the quotes begun so far
    open_: dict[int, int] = {}  # candidate index -> end, for quotes not yet behind the sweep
    next_quote = 0
    for k in order:
        mention = mentions[k]
        while next_quote < len(quoted) and quoted[next_quote][0] <= mention.start:
            _, end, i = quoted[next_quote]
            heappush(ends, (end, i))
            open_[i] = end
            next_quote += 1
        while ends and ends[0][0] <= mention.start:
            open_.pop(heappop(ends)[1], None)
        out[k] = [str(candidates[i].fields["id"]) for i in sorted(open_) if mention.end <= open_[i]]
    return out


def repeated(text: str, quotes: Iterable[str]) -> set[str]:
    """The quotes (each taken from ``text``) that occur in it more than once, overlapping
    occurrences included. The text's suffixes are sorted once by their first characters, as many
    as the longest quote has, so the suffixes a quote begins are adjacent: a binary search per
    quote finds the first, and the quote repeats if the one after it begins with it too. Time
    O(n log m) for the sort (n the text's length, m the longest quote's) plus O(|q| log n) per
    quote, whatever the quotes share, where a search of the text per quote, or per position per
    quote sharing its start, is quadratic."""
    distinct = {q for q in quotes if q}
    if not distinct:
        return set()
    order = _suffix_order(text, max(len(q) for q in distinct)).tolist()
    out = set()
    for quote in distinct:
        width = len(quote)
        first = bisect_left(order, quote, key=lambda at: text[at : at + width])
        # The suffix at ``first`` sorts between the quote and the next: it begins with it if that does.
        if first + 1 < len(order) and text.startswith(quote, order[first + 1]):
            out.add(quote)
    return out


def _suffix_order(text: str, width: int) -> np.ndarray:
    """The text's positions in the order of the suffixes they begin, as far as their first
    ``width`` characters (ties in any order). Prefix doubling: each round sorts by twice as many
    characters as the last, from the ranks of both halves, so there are about log2(width) rounds,
    each one vectorised sort; they stop early once no two suffixes tie."""
    n = len(text)
    # A code point's rank is itself (lone surrogates too), so one character decides the first round.
    rank = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
    order = np.argsort(rank, kind="stable")
    span = 1  # how many first characters ``rank`` ranks by
    while span < width and n > 1:
        second = np.zeros(n, dtype=np.int64)  # 0 past the end: a shorter suffix sorts first
        second[: n - span] = rank[span:] + 1
        key = rank * (int(second.max()) + 1) + second  # < 2**63: both ranks are below n or 0x110000
        order = np.argsort(key, kind="stable")
        ordered = key[order]
        rank = np.empty(n, dtype=np.int64)
        rank[order] = np.concatenate(([0], np.cumsum(ordered[1:] != ordered[:-1])))
        span *= 2
        if rank[order[-1]] == n - 1:  # every suffix ranked apart: longer spans change nothing
            break
    return order


def _mention_lines(mentions: list[Mention], covered: list[list[str]], spans: list[Sentence]) -> list[str]:
    lines = []
    for m, ids in zip(mentions, covered, strict=True):
        where = f"-> {', '.join(ids)}" if ids else "-> no candidate"
        lines.append(
            escaped(f"#   {m.start:>6} {yaml_scalar(m.text)} {m.kind} {yaml_scalar(m.value)} {where}")
        )
        sentence = sentence_at(spans, m.start)
        if sentence is not None:
            lines.append(f"#          in: {escaped(sentence.text)}")
    return lines or ["#   (none)"]


def _record_lines(candidate: Candidate, twice: set[str]) -> list[str]:
    lines = []
    for name, value in candidate.fields.items():
        hint = candidate.hints.get(name)
        lines.append(f"    {name}: {yaml_scalar(value)}" + (f"  # {escaped(hint)}" if hint else ""))
        if name == "id":
            lines.append(f"    {STATUS_KEY}: {DRAFT}")
        if name == "quote" and str(value) in twice:
            lines.append(f"    quote_start: {candidate.quote_at}  # the quote occurs more than once")
    lines[0] = "  - " + lines[0].lstrip()
    return lines


def _ignore_lines(
    mentions: list[Mention], covered: list[list[str]], restated: dict[tuple[int, int], str]
) -> list[str]:
    open_ = [m for m, ids in zip(mentions, covered, strict=True) if not ids]
    if not open_:
        return []
    lines = [
        "",
        "# Numbers and dates no candidate covers: cover each with a record's quote, or keep it",
        "# here with the reason no record needs it (and remove the leading # signs).",
        "# ignored_mentions:",
    ]
    spans = sorted(restated)  # one bisection per mention: a long text has many of both
    for m in open_:
        at = bisect_left(spans, (m.start + 1, -1)) - 1
        inside = at >= 0 and spans[at][0] <= m.start and m.end <= spans[at][1]
        again = restated[spans[at]] if inside else None
        reason = yaml_scalar(f"restates {again}, which says more") if again else '""'
        lines += [f"#   - text: {yaml_scalar(m.text)}", f"#     start: {m.start}", f"#     reason: {reason}"]
    return lines


def _actor_lines(proposed: dict[str, dict[str, Any]]) -> list[str]:
    """New actors the candidates refer to, commented: the build refuses a record that refers to
    an actor the vocabulary lacks until the curator checks the entry and appends it."""
    if not proposed:
        return []
    lines = [
        "",
        "# Actors the candidates refer to that build/records/actors.yaml lacks: check each entry",
        "# (name, kind, country, role, CAMEO code) and append it there, or change the candidates.",
        "# actors:",
    ]
    for entry in proposed.values():
        for i, (name, value) in enumerate(entry.items()):
            lines.append(escaped(f"#   {'  ' if i else '- '}{name}: {yaml_scalar(value)}"))
    return lines


def records_yaml(source_id: str, text: str, draft: Draft, candidates: list[Candidate]) -> str:
    """The draft. Every piece of the article in it is escaped: in a comment, a character YAML
    reads as a line break would start a live line (see also :func:`draft_problems`)."""
    mentions, spans = draft.mentions, draft.sentences
    covered = coverage(mentions, candidates)
    twice = repeated(text, (str(c.fields["quote"]) for c in candidates if "quote" in c.fields))
    lines = _HEADER.format(source_id=source_id, draft=DRAFT).splitlines()
    lines += _mention_lines(mentions, covered, spans)
    lines += ["", f"source_id: {yaml_scalar(source_id)}"]
    by_table: dict[str, list[Candidate]] = {}
    for candidate in candidates:  # fact tables first, then new events
        by_table.setdefault(candidate.table, []).append(candidate)
    for table, rows in by_table.items():
        lines += ["", f"{table}:"]
        for i, candidate in enumerate(rows):
            lines += ([""] if i else []) + _record_lines(candidate, twice)
    lines += _ignore_lines(mentions, covered, draft.restated)
    lines += _actor_lines(draft.proposed_actors)
    return "\n".join(lines) + "\n"


def draft_problems(doc: Any, source_id: str, candidates: list[Candidate]) -> list[str]:
    """What a draft as parsed holds other than the candidates, each ``status: draft``: the
    check that nothing in the article's text became a record of its own."""
    by_table: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        by_table.setdefault(candidate.table, []).append(candidate)
    keys = ["source_id", *by_table]
    if not isinstance(doc, dict) or sorted(doc) != sorted(keys):
        found = sorted(map(str, doc)) if isinstance(doc, dict) else type(doc).__name__
        return [f"expected the keys {', '.join(keys)}, found {found}"]
    if doc["source_id"] != source_id:
        return [f"expected source_id {source_id!r}, found {doc['source_id']!r}"]
    problems = []
    for table, rows in by_table.items():
        items = doc[table]
        if not isinstance(items, list) or len(items) != len(rows):
            problems.append(f"{table}: expected {len(rows)} records")
            continue
        problems += [
            f"{table}: {p}" for c, item in zip(rows, items, strict=True) for p in _record_problems(c, item)
        ]
    return problems


def _record_problems(candidate: Candidate, item: Any) -> list[str]:
    id_ = candidate.fields["id"]
    if not isinstance(item, dict) or item.get(STATUS_KEY) != DRAFT:
        return [f"record {id_!r} is not marked `{STATUS_KEY}: {DRAFT}`"]
    got = {k: yaml_scalar(v) for k, v in item.items() if k not in (STATUS_KEY, "quote_start")}
    if got != {k: yaml_scalar(v) for k, v in candidate.fields.items()}:
        return [f"record {id_!r} does not hold the candidate's values"]
    if "quote_start" in item and item["quote_start"] != candidate.quote_at:
        return [f"record {id_!r}: quote_start is not the quote's offset"]
    return []
