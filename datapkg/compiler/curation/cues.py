"""How a sentence presents its claim: ``claim_status`` from cue words and ``attributed_to``
from attribution phrases, resolved against the actors vocabulary.

Both are suggestions for a curator: the first cue of the strongest status wins
(projected, alleged, estimated, confirmed, reported; "stated" when none is found), and the
speaker is the actor named nearest to an attribution phrase ("laut X", "X zufolge",
"sagte X", "according to X", "X said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from datapkg.compiler.curation.actor_names import ActorIndex, ActorRef
from datapkg.compiler.curation.lexicon import (
    ATTRIBUTION_AFTER,
    ATTRIBUTION_BEFORE,
    ATTRIBUTION_REACH,
    CLAIM_CUES,
)
from datapkg.compiler.curation.sentences import Sentence


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _head(text: str, refs: list[ActorRef], i: int) -> ActorRef:
    """The last of a chain of names ("South Korea's National Intelligence Service"): the head."""
    while i + 1 < len(refs) and re.fullmatch(r"(?:['’]s)?\s*", text[refs[i].end : refs[i + 1].start]):
        i += 1
    return refs[i]


def claim_status(sentence: str, lang: str, future_date: bool = False) -> str:
    """The strongest status the sentence's wording signals; ``future_date`` (a date after
    publication, or "bis Dezember") makes it a projection."""
    if future_date:
        return "projected"
    for status, pattern in CLAIM_CUES[lang]:
        if _compiled(pattern).search(sentence):
            return status
    return "stated"


@dataclass(frozen=True)
class Attribution:
    actor: str
    ref: ActorRef  # where the speaker is named, so it is not mistaken for the figure's owner


def attribution(text: str, sentence: Sentence, lang: str, index: ActorIndex) -> Attribution | None:
    """The speaker an attribution phrase in the sentence names, if it is a known actor."""
    # An adjective ("südkoreanische") says whose, not who speaks.
    refs = [
        r
        for r in index.find(text, sentence.start, sentence.end)
        if r.kind != "adjective" and index.actor_of(r)
    ]
    best: tuple[int, ActorRef] | None = None
    for m in _compiled(ATTRIBUTION_AFTER[lang]).finditer(text, sentence.start, sentence.end):
        for i, ref in enumerate(refs):
            gap = ref.start - m.end()
            if 0 <= gap <= ATTRIBUTION_REACH and (best is None or gap < best[0]):
                best = (gap, _head(text, refs, i))
    for m in _compiled(ATTRIBUTION_BEFORE[lang]).finditer(text, sentence.start, sentence.end):
        for ref in refs:
            gap = m.start() - ref.end
            if 0 <= gap <= ATTRIBUTION_REACH and (best is None or gap < best[0]):
                best = (gap, ref)
    if best is None:
        return None
    actor = index.actor_of(best[1])
    return Attribution(actor, best[1]) if actor else None
