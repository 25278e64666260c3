"""Who makes the claims of a sentence: its reporting phrases and the speaker each names.

A reporting phrase is a cue (``speaker_words.REPORT_CUES``) in one segment of a sentence
(segments end at commas, colons, dashes and "that"/"dass"), with its speaker: the phrase after
"laut"/"according to", the one before "zufolge", or the subject of a reporting verb anywhere in
its segment ("Das Ministerium hatte am Montag erklärt", "…, sagte ein Sprecher", "Japan's
defence ministry said"). The speaker is, in this order: an actor of the vocabulary named in the
phrase, read by :mod:`speaker_names`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from datapkg.compiler.curation.cues import compiled
from datapkg.compiler.curation.sentences import Sentence
from datapkg.compiler.curation.speaker_words import (
    ARTICLES,
    EN_HEAD_MODIFIERS,
    PRONOUNS,
    RELATIVES,
    REPORT_CUES,
    SPOKESPEOPLE,
)

if TYPE_CHECKING:
    from datapkg.compiler.curation.candidates import Draft

from datapkg.compiler.curation.speaker_names import (
    Found,
    head_of,
    name_before,
    speaker_of,
    state_actor,
)

_SEGMENT_END = {
    "de": re.compile(r"[,;:(]\s|\s[–—-]\s|\sdass\s"),
    "en": re.compile(r"[,;:(]\s|\s[–—-]\s|\sthat\s"),
}
_INVERTED = re.compile(r"(?i)said|says|added|wrote|noted|asked")
# A name of two or three capitalised words right after a reporting verb, or right before it.
_NAME = re.compile(r"\s+([A-ZÄÖÜ][a-zäöüß]+(?:[ -][A-ZÄÖÜ]?[a-zäöüß'-]+){1,2})(?=\s*(?:,|$|\.))")
_WORD = re.compile(r"[\w’'.-]*\w")


@dataclass(frozen=True)
class Report:
    """A reporting phrase: its segment, the status its cue signals, and the speaker."""

    start: int
    end: int
    cue_start: int
    cue_end: int
    status: str
    actor: str | None
    why: str | None  # what the curator should check about the speaker
    speaker_start: int  # the words that name the speaker: not the owner of a figure
    speaker_end: int
    own: bool = False  # the actor reports on itself: "nach eigenen Angaben"


def segments(text: str, sentence: Sentence, lang: str) -> list[tuple[int, int]]:
    """The sentence cut at commas, colons, dashes and "that"/"dass"."""
    out, left = [], sentence.start
    for m in _SEGMENT_END[lang].finditer(text, sentence.start, sentence.end):
        out.append((left, m.start()))
        left = m.end()
    out.append((left, sentence.end))
    return [(a, b) for a, b in out if b > a]


def sentence_reports(draft: Draft, sentence: Sentence) -> list[Report]:
    """Every reporting phrase of the sentence, in order."""
    out = []
    for start, end in segments(draft.text, sentence, draft.lang):
        for where, status, pattern in REPORT_CUES[draft.lang]:
            for cue in compiled(pattern).finditer(draft.text, start, end):
                found = _speaker(draft, where, start, end, cue.start(), cue.end())
                if found is not None:
                    out.append(
                        Report(start, end, cue.start(), cue.end(), status, *found, own=where == "self")
                    )
                    break
            else:
                continue
            break  # one reporting phrase a segment: the first cue in the list's order
    if not out:
        out += _unmarked_reports(draft, sentence)
    return out


def _unmarked_reports(draft: Draft, sentence: Sentence) -> list[Report]:
    """Reported speech without a verb of saying: "X legte nach: Pjöngjang habe entschieden, …"
    (the subject before a colon speaks), and German reported speech ("… seien bereits gebracht
    worden"), which continues the speaker named before."""
    colon = draft.text.find(": ", sentence.start, sentence.end)
    said = colon > 0 and draft.lang == "de" and bool(_SUBJUNCTIVE.search(draft.text, colon, sentence.end))
    if said:  # what follows the colon is reported speech, not a clause of the outlet's own
        found = speaker_of(draft, sentence.start, colon, places=True)
        if found is not None and found[0] is not None:
            return [Report(sentence.start, colon, colon, colon + 1, "reported", *found)]
    if draft.lang == "de" and _SUBJUNCTIVE.search(draft.text, sentence.start, sentence.end):
        actor = draft.recent_speaker(sentence.start, None)
        if actor is not None:
            return [
                Report(
                    sentence.start,
                    sentence.start,
                    sentence.start,
                    sentence.start,
                    "reported",
                    actor,
                    None,
                    0,
                    0,
                )
            ]
    return []


# German present subjunctive (Konjunktiv I) marks reported speech: "seien", "habe", "werde".
_SUBJUNCTIVE = re.compile(r"\b(?:sei|seien|habe|werde|könne|müsse|liefere|schicke|stehe|befinde)\b")


def _speaker(draft: Draft, where: str, start: int, end: int, cue_start: int, cue_end: int
             ) -> Found | None:  # fmt: skip
    """(actor, why) for the phrase the cue governs, or None when the cue names no speaker."""
    if where == "place":  # "In Seoul rechnet man damit": the government of the place
        return speaker_of(draft, cue_start, cue_end)
    if where == "self":  # "Yoon hat nach eigenen Angaben telefoniert": the subject reports itself
        found = speaker_of(draft, start, cue_start, (cue_start, cue_end))
        return found
    if where == "anaphor":  # "demnach", "according to it": the speaker named before
        actor = draft.recent_speaker(cue_start, None)
        return (actor, None, cue_start, cue_end) if actor else None
    if where == "after":
        left, right = cue_end, _phrase_end(draft, cue_end, end)
        inside = [r for r in draft.refs(cue_start, cue_end) if r.kind == "adjective" and r.country]
        if inside and right <= left:  # "nach ukrainischen Angaben"
            ref = inside[0]
            return state_actor(draft, ref.country or "", ref.start, ref.end), None, ref.start, ref.end
    elif where == "before":
        left, right = _phrase_start(draft, start, cue_start), cue_start
    else:
        return _verb_speaker(draft, start, end, cue_start, cue_end)
    if right <= left:
        return None
    found = speaker_of(draft, left, right, (cue_start, cue_end))
    if found is None:
        return None
    return found[0], found[1], left, right  # "laut Pentagon-Sprecher Pat Ryder": all of it names the speaker


def _apposed(draft: Draft, start: int) -> Found | None:
    """The speaker in the segment before a verb that opens its own: a name in apposition, or
    the phrase before it."""
    floor = max(
        0, start - 240, draft.text.rfind(". ", 0, start - 2) + 2, draft.text.rfind("\n", 0, start - 2) + 1
    )
    right = start - 2
    spans = []
    for _ in range(3):  # "Maj. Gen. Pat Ryder, the Pentagon press secretary, told …"
        left = max(draft.text.rfind(", ", floor, right) + 2, floor)
        if right <= left:
            break
        people = [r for r in draft.refs(left, right) if r.kind == "person"]
        if people:
            return people[-1].actor, None, people[-1].start, people[-1].end
        name = name_before(draft, left, right)
        if name is not None and not draft.refs(*name):
            return draft.propose_person(draft.text[name[0] : name[1]], *name), None, *name
        spans.append((left, right))
        right = left - 2
    found = [f for f in (speaker_of(draft, *span) for span in spans) if f is not None and f[0]]
    # "Ukraine's military intelligence agency, the HUR, said": the institution with its country
    placed = [f for f in found if draft.actor(f[0]).get("country")]
    best = placed or found
    return best[0] if best else None


def _verb_speaker(draft: Draft, start: int, end: int, cue_start: int, cue_end: int) -> Found | None:
    """The subject of a reporting verb: before it in its segment ("Das Ministerium hatte am
    Montag erklärt", "Japan's defence ministry said"), else after it ("…, sagte ein Sprecher",
    "Am Montag erklärte das Ministerium"); a pronoun ("She expects", "er sagte") or a relative
    ("The Pentagon, which believes") is the speaker named before; a bare name next to the verb
    ("said Lee Soo-min") is a person."""
    verb_end = cue_start + len(draft.text[cue_start:cue_end].split(maxsplit=1)[0])  # "kündigte … an"
    before = draft.text[start:cue_start].split()
    if before and before[-1].lower() in RELATIVES[draft.lang] and start > 2:
        # "The Pentagon, which believes …": the phrase before the comma speaks
        left = max(
            draft.text.rfind(", ", max(0, start - 200), start - 2) + 2,
            draft.text.rfind(". ", 0, start - 2) + 2,
        )
        found = speaker_of(draft, left, start - 2)
        if found is not None:
            return found
    if before and before[-1].lower() in PRONOUNS[draft.lang]:
        actor = (
            draft.previous_subject(start) or draft.recent_person(start) or draft.recent_speaker(start, None)
        )
        return (actor, None, start, cue_start) if actor else None
    # English puts the speaker after the verb only in "said X"; German after any verb (V2).
    inverted = draft.lang == "de" or _INVERTED.match(draft.text, cue_start) is not None
    spans = [(start, cue_start)] + ([(verb_end, end)] if inverted else [])
    for left, right in spans:
        if right > left:
            found = speaker_of(draft, left, right, (cue_start, verb_end), places=True)
            if found is not None:
                return found
    if not before and start > 2:  # "Der Sprecher des Ministeriums, Matthew Miller, bezifferte …"
        found = _apposed(draft, start)
        if found is not None:
            return found
    after = _NAME.match(draft.text, verb_end)
    name = (after.start(1), after.end(1)) if after else name_before(draft, start, cue_start)
    if name is not None and not draft.refs(*name):
        return draft.propose_person(draft.text[name[0] : name[1]], *name), None, *name
    return None


def _phrase_end(draft: Draft, start: int, end: int) -> int:
    """Where a noun phrase that begins at ``start`` ends: before the first word that cannot be
    part of a name ("laut dem Ministerium | sind …", "according to Seoul's spy agency | ,")."""
    last = start
    for i, m in enumerate(_WORD.finditer(draft.text, start, end)):
        word = m.group()
        if i and not _in_phrase(draft, word, draft.text[m.end() : m.end() + 30]):
            break
        last = m.end()
    return last


def _phrase_start(draft: Draft, start: int, end: int) -> int:
    words = list(_WORD.finditer(draft.text, start, end))
    first = end
    for m in reversed(words):
        if not _in_phrase(draft, m.group(), draft.text[m.end() : m.end() + 30]):
            break
        first = m.start()
    return first


def _in_phrase(draft: Draft, word: str, after: str) -> bool:
    low = word.lower()
    if word[0].isupper() or word[0].isdigit() or low in ARTICLES or low in ("of", "von", "'s"):
        return True
    if draft.lang == "en":
        return bool(
            head_of(draft.lang, low)
            or low in EN_HEAD_MODIFIERS
            or compiled(SPOKESPEOPLE["en"]).fullmatch(low)
        )
    # a German adjective stands before a noun: "des japanischen Verteidigungsministeriums"
    return low.endswith(("e", "en", "er", "es", "em")) and bool(re.match(r"\s+[A-ZÄÖÜ]", after))
