"""Whether the words around a date speak of the past or the future, which places a month or
weekday the text gives without a year or week ("Im September hatte ...", "will meet on
Thursday").

The nearest verb decides first: "said on Tuesday", "reiste Anfang Mai", "the fiscal year
that begins in April", "agreed to hold a summit in mid-December". A date inside a
since-phrase ("seit dem Treffen im September", "since November") lies before the
reference. Only where no verb stands close does the clause decide, and then its sentence.
"""

from __future__ import annotations

import re
from functools import cache

from datapkg.extract import lexicon as lx
from datapkg.extract.mention import Context

# A full stop after an abbreviation ("Dec. 19", "Nr. 5", "Gen. Park") ends no sentence.
_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Okt", "Dez", "Nr", "No",
    "Mr", "Mrs", "Ms", "Dr", "St", "ca", "bzw", "etc", "vs", "Gen", "Lt", "Col", "Sgt", "Prof", "Abs", "Art",
)  # fmt: skip
# The lookbehinds follow the full stop, so that they are tried only where one stands.
_NOT_AFTER = "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS)
SENTENCE_END = re.compile(rf"[!?;]\s|\.{_NOT_AFTER}\s|\n")
CLAUSE_END = re.compile(rf"[!?;,:]\s|\.{_NOT_AFTER}\s|\s[–—-]\s|\n")

_REACH = 300
"""How far a sentence or clause reaches either side of a mention: bounded, so that text
without sentence ends costs each mention the same, not the rest of the text."""
_NEAR = 45
"""How close (in characters) a verb must stand to speak for the date."""

# Verbs that place a date beside them but not a date elsewhere in their sentence ("said on
# Tuesday", but "takes effect on November 1, officials said"); and the present tense of
# schedules and the infinitive of plans, which speak of what is to come.
_NEAR_CUES = {
    "de": (
        r"\b(?:sagte|sagten|erklärte|erklärten|teilte|teilten|meldete|meldeten|berichtete|berichteten|habe|hätte|"
        r"hätten)\b|\bwie\s+(?:schon|bereits)\b"  # "habe bis Ende September erhalten", "wie schon im Sommer"
        # the perfect with its participle at the clause's end ("haben ... Waffen exportiert.")
        r"|\b(?:hat|haben|hatte|hatten)\b(?:[^.;]|(?<=\d)[.,](?=\d)){0,120}?\b[a-zäöüß]{3,}(?:t|en)(?=[.;,])",
        # schedules, and the zu-infinitive of a plan ("kündigte an, bis Ende Januar ... vorzulegen")
        r"\b(?:beginnt|startet|endet|läuft\s+\w+\s+aus|tritt|treten)\b"
        r"|(?-i:\b(?:an|auf|aus|bei|ein|mit|nach|vor|zurück|weg|ab|fest|frei|teil|weiter|zusammen|durch|um|"
        r"wieder|her|hin|dar|vorbei|voran|fort)zu[a-zäöü]{2,}en\b|\bzu\s+[a-zäöü]{3,}en\b)",
    ),
    "en": (
        r"\b(?:said|told|wrote|spoke)\b",
        r"\b(?:begins|starts|ends|expires|opens|closes|takes\s+effect|is\s+due|are\s+due|due\s+to|returns|"
        r"arrives|travels|visits|hosts|leaves|takes\s+office|ha(?:s|ve)\s+until|due)\b",
    ),
}
# A plan's infinitive: the future when the date belongs to it ("agreed to hold a summit in
# mid-December"), but the verb's own tense when the date comes first ("In March, members
# agreed to top up the fund").
_PLANS = (
    r"\b(?P<plan_verb>agreed|agree|agrees|plan|plans|planned|intends?|intended|hopes?|hoped|aims?|aimed|wants?|"
    r"scheduled|set|expected|expects?|promised|pledged|vowed|urged|urges|asked|asks|called\s+on\s+\w+|pressed|due)"
    r"(?:\s+\w+){0,2}?\s+to\s+[a-z]+\b"
)
# What is said to have happened: "soll bis September ... geliefert haben" is past, though
# "soll" alone speaks of the future; and a German clause's last verb in the simple past
# ("wie die Behörde am Dienstag mitteilte,") or perfect ("das die Schweiz im Juli übernommen hat").
_HEARSAY = {
    "de": r"\bsoll(?:en|te|ten)?\b(?:[^.;,]|(?<=\d)[.,](?=\d)){0,120}?\b[a-zäöüß]+(?:t|en)\s+(?:haben|sein)\b"
    r"|(?-i:\b(?![a-zäöüß]*(?:letzte|nächste|erste|zweite|dritte|beste|meiste)\b)[a-zäöüß]{4,}te(?=[,.;]))"
    r"|(?-i:\b[a-zäöüß]{3,}(?:t|en)\s+(?:hat|haben|hatte|hatten)(?=[,.;]))",
    "en": r"\b(?:is|are)\s+(?:said|reported|believed|thought)\s+to\s+have\b",
}
# "seit", "since" opening the phrase the date stands in: no conjunction, comma or verb between
# Plans as participles ("the drive, scheduled to start in March") speak of the future wherever they stand.
_PARTICIPLES = frozenset({"scheduled", "set", "due"})
_SINCE = {
    "de": re.compile(r"\bseit\b(?![^,;]*\b(?:und|oder|als)\b)[^,;]{0,30}$", re.IGNORECASE),
    "en": re.compile(r"\bsince\b(?![^,;]*\b(?:and|or|when)\b)[^,;]{0,30}$", re.IGNORECASE),
}
# A German verb in the simple past right before the date ("reiste Anfang Mai"), less the
# adjectives and ordinals that end the same way ("letzten", "zweite", "heute").
_DE_PRETERITE = re.compile(r"\b([a-zäöüß]{3,}t(?:e|en))\s+(?:(?:am|im|an|zum|vom|bis|seit|ab)\s+)?$")
_DE_NOT_PRETERITE = re.compile(
    r"(?:^erst|letzt|nächst|best|größt|meist|jüngst|neuest|höchst|wichtigst|stärkst|längst|spätest|frühest|"
    r"zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt|heut|gut|weit|breit|recht|mitt|halt|"
    r"^könnt|^sollt|^müsst|^dürft|^möcht|^würd)(?:e|en)$"  # the subjunctive of modals speaks of what may come
)


def span(ctx: Context, start: int, ends: re.Pattern[str]) -> tuple[int, int]:
    """The sentence or clause (by ``ends``) around ``start``, at most ``_REACH`` either side."""
    floor, ceiling = max(0, start - _REACH), min(len(ctx.text), start + _REACH)
    left = max((m.end() for m in ends.finditer(ctx.text, floor, start)), default=floor)
    found = ends.search(ctx.text, start, ceiling + 2)
    return left, found.start() if found and found.start() <= ceiling else ceiling


@cache
def _tense_cues(lang: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(cue, re.IGNORECASE) for cue in lx.TENSE_CUES[lang])


@cache
def _near_cues(lang: str) -> re.Pattern[str]:
    past, future, _ = lx.TENSE_CUES[lang]
    near_past, near_future = _NEAR_CUES[lang]
    return re.compile(
        rf"(?P<hear>{_HEARSAY[lang]})|(?P<plan>{_PLANS})|(?P<f>{near_future}|{future})|(?P<p>{near_past}|{past})",
        re.IGNORECASE,
    )


def _tense_of(text: str, lang: str) -> int:
    past, future, weak_future = _tense_cues(lang)
    if future.search(text):
        return 1
    if past.search(text):
        return -1
    return 1 if weak_future.search(text) else 0


_WORDS_AFTER = re.compile(r"\S+")
_DE_PRETERITE_WORD = re.compile(r"[a-zäöüß]{3,}t(?:e|en)")


def _de_preterite_beside(ctx: Context, floor: int, start: int, fronted: bool) -> bool:
    """A German verb in the simple past right before the date ("reiste Anfang Mai") or, when
    the date opens its clause, in verb-second place after it ("Am 30. Dezember kehrten ...")."""
    word = _DE_PRETERITE.search(ctx.text, floor, start)
    if word and not _DE_NOT_PRETERITE.search(word.group(1)):
        return True
    if not fronted:
        return False  # "sollen ab November gelten": an infinitive, not a past
    following = [w.group().strip(",.;:") for w in _WORDS_AFTER.finditer(ctx.text, start, start + 40)][:5]
    return any(_DE_PRETERITE_WORD.fullmatch(w) and not _DE_NOT_PRETERITE.search(w) for w in following[1:])


def _near_tense(ctx: Context, start: int, clause: tuple[int, int]) -> int:
    """The tense of the verb nearest before the date in its clause, else just after it."""
    floor = max(clause[0], start - _NEAR)
    cues = _near_cues(ctx.lang)
    before = list(cues.finditer(ctx.text, floor, start))
    if any(m.group("f") or m.group("plan") for m in before):
        return 1  # "will be held on Thursday": the auxiliary, not the participle, gives the tense
    fronted = not ctx.text[clause[0] : start].strip(" \t\"'„“«»")
    if ctx.lang == "de" and not before and _de_preterite_beside(ctx, floor, start, fronted):
        return -1
    # after the date, a fronted date ("In mid-October, the agency said") takes the next clause's verb
    sentence_end = span(ctx, start, SENTENCE_END)[1]
    found = before[-1] if before else cues.search(ctx.text, start, sentence_end)
    if found is None or found.start() > start + 2 * _NEAR:
        return 0
    if found.group("hear"):
        return -1
    if found.group("plan"):
        verb = found.group("plan_verb").lower()
        return -1 if not before and verb.endswith("ed") and verb not in _PARTICIPLES else 1
    return 1 if found.group("f") else -1


def clause_tense(ctx: Context, start: int) -> int:
    """-1 when the words around ``start`` speak of the past, +1 of the future, 0 when they do
    not say (module docstring)."""
    clause = span(ctx, start, CLAUSE_END)
    since_end = start + 6 if ctx.text[start : start + 6].lower().startswith(("since", "seit")) else start
    if _SINCE[ctx.lang].search(ctx.text, max(clause[0], start - _NEAR), since_end):
        return -1
    near = _near_tense(ctx, start, clause)
    if near:
        return near
    tense = _tense_of(ctx.text[clause[0] : clause[1]], ctx.lang)
    sentence = span(ctx, start, SENTENCE_END)
    if tense or sentence == clause:
        return tense
    return _tense_of(ctx.text[sentence[0] : sentence[1]], ctx.lang)
