"""Sentence spans of a news text, for quotes a draft can use as they stand.

A sentence ends at ``.``, ``!`` or ``?`` (with closing quotes or brackets after it) followed
by white space, and at every line break (headlines, datelines and paragraphs stand on
their own lines); a span longer than ``LONGEST`` characters is cut at a space. A full stop
does not end a sentence after a number ("Am 19. Juni", "1.328.000") or after a known
abbreviation ("Dr.", "z. B.", "Jan.").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from datapkg.compiler.curation.lexicon import ABBREVIATIONS
from datapkg.extract.lexicon import DE_MONTHS, EN_MONTHS

_END = re.compile(r"[.!?]+[\"'»«“”‘’)\]]*(?=\s|$)|\n+")
_LAST_WORD = re.compile(r"([\w-]+)\.$")
_NEXT_WORD = re.compile(r"\s+(\w+)")
_MONTHS = frozenset(DE_MONTHS) | frozenset(EN_MONTHS)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int  # exclusive; the closing punctuation is left out of the span
    text: str


def _ends_here(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends a sentence."""
    word = _LAST_WORD.search(text, max(0, stop - 30), stop + 1)
    if word is None:
        return True
    token = word.group(1)
    if token.isdigit():  # "Am 19. Juni", "am 3. des Monats"; but "seit 2022. Die ..." ends
        following = _NEXT_WORD.match(text, stop + 1)
        return following is None or not (
            following.group(1)[0].islower()
            or following.group(1).lower() in _MONTHS
            or following.group(1).isdigit()
        )
    return not (token.lower() in ABBREVIATIONS or len(token) == 1)


def sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` with its offsets, without surrounding space and final stop."""
    out: list[Sentence] = []
    start = 0
    for m in _END.finditer(text):
        if m.group().startswith(".") and not _ends_here(text, m.start()):
            continue
        _add(out, text, start, m.start())
        start = m.end()
    _add(out, text, start, len(text))
    return out


# A longer span is cut at the last space before this many characters: no news sentence is that
# long, and every figure in a sentence reads the whole of it, so a text without full stops
# would otherwise cost time with the square of its length (and quote all of it each time).
LONGEST = 2000


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end:
        while start < end and text[start].isspace():
            start += 1
        stop = end
        if stop - start > LONGEST:
            space = max(
                text.rfind(" ", start + 1, start + LONGEST), text.rfind("\t", start + 1, start + LONGEST)
            )
            stop = space if space > start else start + LONGEST
        last = stop
        while last > start and text[last - 1].isspace():
            last -= 1
        if last > start:
            out.append(Sentence(start, last, text[start:last]))
        start = stop


def sentence_at(spans: list[Sentence], offset: int) -> Sentence | None:
    """The sentence holding ``offset`` (``spans`` in text order, as :func:`sentences` gives them)."""
    i = sentence_index(spans, offset)
    return spans[i] if i is not None else None


def sentence_index(spans: list[Sentence], offset: int) -> int | None:
    """The position in ``spans`` of the sentence holding ``offset``."""
    i = bisect_right(spans, offset, key=lambda s: s.start) - 1
    return i if i >= 0 and offset < spans[i].end else None
