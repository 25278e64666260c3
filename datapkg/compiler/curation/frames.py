"""The frame of a claim: the quote, who makes the claim, how it is presented and when.

A claim's words are its clause (the part of the sentence around the figure or verb, see
:func:`candidates.clause_of`). Its frame adds the sentence's reporting phrase nearest to it
("Das Ministerium hatte am Montag erklärt, …") and the date that belongs to it: one in its own
clause, else one in the reporting phrase (the statement's date dates the figure it states),
else the sentence's only date, else the publication window. The quote spans all of these,
within the sentence.

The claim status is the strongest cue of the claim's own words (a plan or a future date makes
it projected; "sollen"/"is said to" alleged; …); without one, the cue of its reporting phrase
("schätzt": estimated, "believes": assessed, "sagte": reported); without either, stated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from datapkg.compiler.curation.candidates import Draft, clause_of
from datapkg.compiler.curation.claim_dates import DateGuess, date_guess, publication_date
from datapkg.compiler.curation.cues import claim_status
from datapkg.compiler.curation.sentences import Sentence
from datapkg.compiler.curation.speakers import Report, segments
from datapkg.extract import Mention
from datapkg.extract.vague_words import is_reference


@dataclass
class Frame:
    quote: Sentence
    clause: Sentence
    status: str
    attributed_to: str | None
    date: DateGuess
    report: Report | None
    hints: dict[str, str] = field(default_factory=dict)

    @property
    def denied(self) -> bool:
        """Whether the claim is what its speaker denies ("The Kremlin denied that troops …")."""
        return self.report is not None and self.report.status == "denied"


def date_fields(claim: Frame) -> dict[str, Any]:
    """The date of a claim as a records file lists it."""
    return {"date": claim.date.value, "date_basis": claim.date.basis, "date_text": claim.date.text}


def quote_fields(draft: Draft, claim: Frame) -> dict[str, Any]:
    """The quote, and its English: the quote itself for an English source, else for the curator."""
    return {"quote": claim.quote.text, "quote_en": claim.quote.text if draft.lang == "en" else None}


def claim_hints(draft: Draft, claim: Frame) -> dict[str, str]:
    """What the curator should check about the frame: the speaker and date left open, the translation."""
    return {**claim.hints, **({"quote_en": "translate the quote"} if draft.lang != "en" else {})}


def nearest_report(draft: Draft, sentence: Sentence, clause: Sentence, start: int) -> Report | None:
    """The reporting phrase that governs a claim at ``start``: one inside its clause, else the
    nearest before it in the sentence, else the nearest after it."""
    reports = [
        r
        for r in draft.reports(sentence)
        if not (r.cue_start <= start < r.cue_end) and not _apart(draft.text, r, clause)
    ]
    inside = [r for r in reports if clause.start <= r.cue_start < clause.end]
    if inside:
        return min(inside, key=lambda r: abs(r.cue_start - start))
    before = [r for r in reports if r.cue_end <= start]
    if before:
        return before[-1]
    return reports[0] if reports else None


def _apart(text: str, report: Report, clause: Sentence) -> bool:
    """Whether a semicolon stands between a reporting phrase and a clause: "Officials say Moscow
    passed technology; Russia denied that" reports the first clause only (a colon introduces
    what was said: "X wies das zurück: Moskau beziehe keine Munition")."""
    between = text[min(report.end, clause.end) : max(report.start, clause.start)]
    return ";" in between


def frame(draft: Draft, sentence: Sentence, start: int, end: int, *, own_cues: bool = True) -> Frame:
    """The frame of the claim whose words are ``text[start:end]`` in ``sentence``."""
    clause = clause_of(draft.text, sentence, start, end)
    report = nearest_report(draft, sentence, clause, start)
    date = _date(draft, sentence, clause, report)
    left = min(
        clause.start,
        report.start if report else clause.start,
        date.mention.start if date.mention else clause.start,
    )
    right = max(
        clause.end, report.end if report else clause.end, date.mention.end if date.mention else clause.end
    )
    quote = _trimmed(draft.text, left, right)
    status = _status(draft, clause, report, date) if own_cues else (report.status if report else "stated")
    if status == "reported" and _confirmed_in(draft, sentence):
        status = "confirmed"
    if _denied_after(draft, sentence, clause, report):
        status = "disputed"  # "Officials say Moscow passed technology; Russia's ministry denied that"
    hints = {}
    if report is not None and report.actor is None and report.why:
        hints["attributed_to"] = report.why
    if date.basis == "publication":
        hints["date"] = "the text gives no date here: the publication window"
    return Frame(quote, clause, status, report.actor if report else None, date, report, hints)


def _date(draft: Draft, sentence: Sentence, clause: Sentence, report: Report | None) -> DateGuess:
    guess = date_guess(draft, clause.start, clause.end)
    if guess is None and report is not None:
        guess = date_guess(draft, report.start, report.end)
    same = _SAME_DAY[draft.lang].search(clause.text)
    if guess is None and same is not None:  # "noch am selben Tag", "earlier that day": the date before
        guess = _date_before(draft, clause.start)
        if guess is not None:  # its words stay out of the quote: they stand in another sentence
            guess = DateGuess(guess.value, "resolved", same.group(), guess.after_publication, None)
    if guess is None:  # the sentence's one date, unless it stands with a claim of its own
        dates = [m for m in draft.mentions_in(sentence.start, sentence.end) if on_calendar(m)]
        apart = (
            any(
                c in draft.text[min(dates[0].end, clause.end) : max(dates[0].start, clause.start)]
                for c in ";:"
            )
            if dates
            else True
        )
        if len(dates) == 1 and not apart and not _with_other_claim(draft, sentence, clause, dates[0]):
            guess = date_guess(draft, dates[0].start, dates[0].end)
    return guess or publication_date(draft)


def on_calendar(mention: Mention) -> bool:
    """A date mention that places a time on the calendar; "derzeit", "bislang" (PRESENT_REF)
    and the like only place it against the moment of writing."""
    return mention.kind == "date" and not is_reference(mention.value)


def _date_before(draft: Draft, offset: int) -> DateGuess | None:
    """The last date the text gives in the few hundred characters before ``offset``."""
    for m in reversed([m for m in draft.mentions_in(max(0, offset - 600), offset) if on_calendar(m)]):
        guess = date_guess(draft, m.start, m.end)
        if guess is not None:
            return guess
    return None


def _with_other_claim(draft: Draft, sentence: Sentence, clause: Sentence, date: Mention) -> bool:
    """Whether the date's segment of the sentence holds a figure other than the claim's."""
    for start, end in segments(draft.text, sentence, draft.lang):
        if start <= date.start < end:
            return any(
                m.kind in ("quantity", "rank") and not (clause.start <= m.start < clause.end)
                for m in draft.mentions_in(start, end)
            )
    return False


_SAME_DAY = {
    "de": re.compile(r"\b(?:am|noch am) (?:selben|gleichen) Tag\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:the same day|(?:earlier|later) that day|that same day)\b", re.IGNORECASE),
}
_BACK = re.compile(
    r"\b(?:das|dies|that|this)\b|\b(?:die|den|diese)\s+(?:\w+\s+)?(?:Zahl|Angabe|Behauptung)\b"
    r"|\bthe\s+(?:\w+\s+)?(?:figure|claim|number|estimate)\b",
    re.IGNORECASE,
)
_WEAK = frozenset({"reported", "stated"})


def _status(draft: Draft, clause: Sentence, report: Report | None, date: DateGuess) -> str:
    own = claim_status(clause.text, draft.lang, date.after_publication)
    if own not in _WEAK:
        return own
    if report is not None:
        return report.status
    return own


def _confirmed_in(draft: Draft, sentence: Sentence) -> bool:
    """Whether the sentence says the claim was confirmed ("Erstmals hat die Nato bestätigt,
    dass …: Einheiten seien verlegt worden, sagte Rutte")."""
    return any(r.status == "confirmed" for r in draft.reports(sentence))


def _denied_after(draft: Draft, sentence: Sentence, clause: Sentence, report: Report | None) -> bool:
    """Whether another party denies the claim after it is made: later in its sentence, or at the
    start of the next one by pointing back at it ("Russlands Botschafter wies das zurück")."""
    if any(
        r.status == "denied" and r.cue_start >= clause.end and (report is None or r.actor != report.actor)
        for r in draft.reports(sentence)
    ):
        return True
    at = draft.sentence_number(sentence)
    return any(
        r.status == "denied"
        and r.actor != (report.actor if report else None)
        and _BACK.search(draft.text, r.cue_start, r.end)
        for following in draft.sentences[at + 1 : at + 3]  # "… late Monday, the embassy dismissed the figure"
        for r in draft.reports(following)
    )


def _trimmed(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start] in " ,;:–—-\"'„“”»«":
        start += 1
    while end > start and text[end - 1] in " ,;:–—-.":
        end -= 1
    return Sentence(start, end, text[start:end])


def is_negated(text: str, lang: str) -> bool:
    """Whether a clause denies what it says ("nicht geliefert", "has not sent", "keine Waffen")."""
    pattern = r"\b(?:nicht|nie|niemals|kein\w*)\b" if lang == "de" else r"\b(?:not|never|no|n't)\b|n't\b"
    return re.search(pattern, text, re.IGNORECASE) is not None
