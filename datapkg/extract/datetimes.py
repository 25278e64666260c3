"""A time next to the day it belongs to is one date-time: "19.06.2024, 14:27 Uhr" is
"2024-06-19T14:27", "Aug. 27, 2024 5:54 PM" is "2024-08-27T17:54". Two dates of the same
precision joined as a span are one span: "from Monday to Sunday", "between 22:00 and
06:00" is ``[first, last]``."""

from __future__ import annotations

import re

from datapkg.extract.mention import Mention

_DAY = re.compile(r"(?:\d{4}|XXXX)-\d{2}-\d{2}")
_TIME = re.compile(r"T\d{2}:\d{2}")
# What may stand between the day and its time: a comma, "um"/"at", a dash, spaces.
_BETWEEN = re.compile(r"[ \t\u00a0]*(?:[,|–-][ \t\u00a0]*)?(?:(?:um|at)[ \t\u00a0]+)?")


def _is(mention: Mention, pattern: re.Pattern[str]) -> bool:
    return (
        mention.kind == "date"
        and isinstance(mention.value, str)
        and pattern.fullmatch(mention.value) is not None
    )


def join_times(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, each day directly followed by its time joined with it."""
    out: list[Mention] = []
    for mention in mentions:
        last = out[-1] if out else None
        if (
            last is not None
            and _is(last, _DAY)
            and _is(mention, _TIME)
            and _BETWEEN.fullmatch(text[last.end : mention.start])
        ):
            value = f"{last.value}{mention.value}"
            out[-1] = Mention(last.start, mention.end, text[last.start : mention.end], "date", value, None,
                              last.qualifier or mention.qualifier)  # fmt: skip
            continue
        out.append(mention)
    return out


_OPENER = re.compile(r"(?i:from|between|von|vom|zwischen)(?:[ \t\u00a0]+|$)")
_OPENER_BEFORE = re.compile(
    r"(?<![\w])(?i:from|between|von|vom|zwischen)[ \t\u00a0]+(?:(?i:dem|den|the)[ \t\u00a0]+)?$"
)
_JOINER = re.compile(
    r"[ \t\u00a0]*(?:(?i:to|until|through|and|bis(?:[ \t\u00a0]+zum)?|und)[ \t\u00a0]+(?:(?i:dem|den|the)[ \t\u00a0]+)?"
    r"|[–-][ \t\u00a0]*)"
)
_SHAPE = re.compile(r"(?:\d{4}|XXXX)-\d{2}-\d{2}|(?:\d{4}|XXXX)-\d{2}|T\d{2}:\d{2}")


def _shape(mention: Mention) -> str | None:
    if mention.kind != "date" or not isinstance(mention.value, str) or not _SHAPE.fullmatch(mention.value):
        return None
    return re.sub(r"\d", "9", mention.value.replace("XXXX", "9999"))


def join_spans(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, each "from A to B" of two dates of one precision joined into a span."""
    out: list[Mention] = []
    for mention in mentions:
        last = out[-1] if out else None
        if last is not None and _joined(text, last, mention):
            opener = _OPENER_BEFORE.search(text, max(0, last.start - 14), last.start)
            start = opener.start() if opener and not _OPENER.match(last.text) else last.start
            value = [_year_from(last.value, mention.value), mention.value]
            out[-1] = Mention(start, mention.end, text[start : mention.end], "date", value, None, None)
            continue
        out.append(mention)
    return out


def _joined(text: str, first: Mention, second: Mention) -> bool:
    """Two dates of one precision joined as a span: "from A to B", "between A and B", or two
    times joined by a dash ("04:00-09:00")."""
    shape = _shape(first)
    if shape is None or shape != _shape(second) or not _JOINER.fullmatch(text, first.end, second.start):
        return False
    if shape.startswith("T") and text[first.end : second.start] in ("-", "–"):
        return True
    return bool(
        _OPENER.match(first.text) or _OPENER_BEFORE.search(text, max(0, first.start - 14), first.start)
    )


def _year_from(first: str, last: str) -> str:
    """The first date of a span in the year its end states: "between Jan. 1 and Dec. 31,
    2024" starts in 2024, whatever year "Jan. 1" alone resolved to."""
    if first[:4].isdigit() and last[:4].isdigit() and first > last:
        moved = last[:4] + first[4:]
        return moved if moved <= last else f"{int(last[:4]) - 1:04d}{first[4:]}"
    return first
