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
    TITLE_WORDS,
)
from datapkg.compiler.curation.sentences import Sentence


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Between two names of one chain: a possessive, a hyphen, or one title ("South Korea's
# National Intelligence Service", "Pentagon-Sprecher Pat Ryder", "Pentagon spokesman Pat Ryder").
_CHAIN = re.compile(rf"(?:['’]s)?[\s-]*(?:(?:[A-ZÄÖÜ]\w*|{'|'.join(TITLE_WORDS)})\s+)?")


def _head(text: str, refs: list[ActorRef], i: int) -> ActorRef:
    """The last of a chain of names: the head."""
    while i + 1 < len(refs) and _CHAIN.fullmatch(text[refs[i].end : refs[i + 1].start]):
        i += 1
    return refs[i]


def _chain_start(text: str, refs: list[ActorRef], i: int) -> int:
    """Where the chain of names ending with ``refs[i]`` starts."""
    while i > 0 and _CHAIN.fullmatch(text[refs[i - 1].end : refs[i].start]):
        i -= 1
    return refs[i].start


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
    start: int  # the attribution phrase, cue and speaker ("Laut Pentagon-Sprecher Pat Ryder"),
    end: int  # so the names in it are not mistaken for the owner of a figure


def attribution(text: str, sentence: Sentence, lang: str, index: ActorIndex) -> Attribution | None:
    """The speaker an attribution phrase in the sentence names, if it is a known actor."""
    # An adjective ("südkoreanische") says whose, not who speaks.
    refs = [
        r
        for r in index.find(text, sentence.start, sentence.end)
        if r.kind != "adjective" and index.actor_of(r)
    ]
    best: tuple[int, ActorRef, int, int] | None = None
    for m in _compiled(ATTRIBUTION_AFTER[lang]).finditer(text, sentence.start, sentence.end):
        for i, ref in enumerate(refs):
            gap = ref.start - m.end()
            if 0 <= gap <= ATTRIBUTION_REACH and (best is None or gap < best[0]):
                head = _head(text, refs, i)
                best = (gap, head, m.start(), head.end)
    for m in _compiled(ATTRIBUTION_BEFORE[lang]).finditer(text, sentence.start, sentence.end):
        for i, ref in enumerate(refs):
            gap = m.start() - ref.end
            if 0 <= gap <= ATTRIBUTION_REACH and (best is None or gap < best[0]):
                best = (gap, ref, _chain_start(text, refs, i), m.end())
    if best is None:
        return None
    actor = index.actor_of(best[1])
    return Attribution(actor, best[2], best[3]) if actor else None
