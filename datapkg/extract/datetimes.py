"""A time next to the day it belongs to is one date-time: "19.06.2024, 14:27 Uhr" is
"2024-06-19T14:27", "Aug. 27, 2024 5:54 PM" is "2024-08-27T17:54"."""

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
