"""How a clause presents its claim: ``claim_status`` from cue words (``lexicon.CLAIM_CUES``).

A suggestion for a curator: the first cue of the strongest status wins (projected, alleged,
estimated, assessed, confirmed, reported; "stated" when none is found). Who makes the claim is
read by :mod:`speakers`.
"""

from __future__ import annotations

import re
from functools import cache

from datapkg.compiler.curation.lexicon import CLAIM_CUES


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """A pattern of the word lists, compiled once, case-insensitive."""
    return re.compile(pattern, re.IGNORECASE)


def claim_status(sentence: str, lang: str, future_date: bool = False) -> str:
    """The strongest status the sentence's wording signals; ``future_date`` (a date after
    publication, or "bis Dezember") makes it a projection."""
    if future_date:
        return "projected"
    for status, pattern in CLAIM_CUES[lang]:
        if compiled(pattern).search(sentence):
            return status
    return "stated"
