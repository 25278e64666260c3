"""Sentence spans of a news text, for quotes a draft can use as they stand.

A sentence ends at ``.``, ``!`` or ``?`` (with closing quotes or brackets after it) followed
by white space, and at every line break (headlines, datelines and paragraphs stand on
their own lines). A full stop does not end a sentence after a number ("Am 19. Juni",
"1.328.000") or after a known abbreviation ("Dr.", "z. B.", "Jan.").
"""

from __future__ import annotations

import re
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


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


def sentence_at(spans: list[Sentence], offset: int) -> Sentence | None:
    """The sentence holding ``offset``."""
    for sentence in spans:
        if sentence.start <= offset < sentence.end:
            return sentence
    return None
