"""Ordinal words that are places in a ranking ("ranks fourth", "auf dem dritten Platz",
"climbed from eleventh to eighth", "fourth and fifth"), and those that are not ("the first
soldiers", "zum ersten Mal", "der Dritte Weltkrieg").

An ordinal is a rank when a rank noun follows it ("third place", "dritten Platz"), when a
verb of ranking puts it there ("ranks fourth", "finished second", "belegt den zweiten"),
when it follows a preposition of place or movement (in, from, to, auf, vom) in a sentence
about a ranking, when it closes a phrase in such a sentence ("Russland liegt auf dem
Dritten."), or when it is joined by "and", "or", "to" or a comma to an ordinal that is a rank.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from datapkg.extract import lexicon as lx
from datapkg.extract.mention import Context, Mention
from datapkg.extract.numbers import parse_de_ordinal, parse_en_ordinal
from datapkg.extract.patterns import alt, patterns
from datapkg.extract.tense import SENTENCE_END, span

RANK_VERBS = {
    "de": frozenset(
        """liegt lag liegen lagen landet landete landen landeten belegt belegte belegen belegten rangiert
        rangierte steht stand stehen kommt kam folgt folgte hält hielt behauptet behauptete verteidigt
        verteidigte erreicht erreichte rutscht rutschte rückt rückte fällt fiel steigt stieg klettert
        kletterte folgen folgten""".split()
    ),
    "en": frozenset(
        """ranks ranked rank ranking came comes come finished finishes finish placed places rated stands
        stood sits sat retains retained keeps kept holds held remains remained occupies occupied
        slipped slips fell falls dropped drops rose rises climbed climbs jumped jumps moved
        moves put puts putting take takes took taking""".split()
    ),
}
# Before an ordinal, these place it in a ranking only when the sentence is about one.
PLACE_WORDS = {
    "de": frozenset(
        "auf von vom zum zur an bis hinter vor als ist war sind waren bleibt blieb jetzt nun".split()
    ),
    "en": frozenset("in from to into at behind is was are were remains remained be now still".split()),
}
DETERMINERS = {
    "de": frozenset("der die das den dem des".split()),
    "en": frozenset("the".split()),
}
_RANKING_CONTEXT = {
    "de": r"(?i:\bplatz\b|\bplätze|\brang\b|\bränge\b|ranking|rangliste|\bindex|\bliste\b|tabelle|\bposition\b|"
    r"\bstelle\b|"
    r"stärkst|größt|mächtigst|aufgestiegen|abgerutscht|verbessert|verschlechtert|aufstieg|abstieg|"
    r"\bfolg|dahinter|\bspitze\b)",
    "en": r"(?i:\brank|ranking|\bplace|\bplaces\b|index|\blist\b|table|league|position|\bspot|\btop\b|"
    r"strongest|largest|biggest|most\s+powerful|climb|slip|\bdrop|\bfell\b|\bfalls?\b|\brose\b|\brises?\b|"
    r"\bjump|overt[ao]ok|ahead\s+of|behind)",
}
_JOIN = {
    "de": re.compile(
        r"\s*(?:,|und|oder|bis|auf|zum|zur|vor|hinter|beziehungsweise|bzw\.)?\s*(?:(?:den|dem|die|der|das)\s+)?"
    ),
    "en": re.compile(r"\s*(?:,|and|or|to|ahead\s+of|behind)?\s*(?:(?:the)\s+)?"),
}
_WORD = re.compile(r"[^\W\d_][\w-]*")
_OF_TOTAL = re.compile(r"[ \t\u00a0]+(?i:of|von|unter)[ \t\u00a0]+\d")
_PARTICIPLE = re.compile(r"[ \t\u00a0]+(?:[a-z]+ed|ge[a-zäöüß]+(?:t|en))(?![\w])")


@cache
def _ranking_context(lang: str) -> re.Pattern[str]:
    return re.compile(_RANKING_CONTEXT[lang])


@cache
def _ordinal(lang: str) -> re.Pattern[str]:
    return re.compile(rf"(?P<w>{patterns(lang).ordinal_word})")


@cache
def _rank_noun(lang: str) -> re.Pattern[str]:
    nouns = lx.DE_RANK_NOUNS if lang == "de" else (*lx.EN_RANK_NOUNS, *lx.EN_SUPERLATIVES)
    return re.compile(rf"[ \t\u00a0]+(?i:{alt(nouns)})(?![\w])")


def _words_before(text: str, start: int, count: int) -> list[str]:
    return [w.lower() for w in _WORD.findall(text, max(0, start - 40), start)][-count:]


def about_ranking(ctx: Context, start: int, end: int) -> bool:
    """Whether the sentence around the ordinal speaks of a ranking."""
    left, right = span(ctx, start, SENTENCE_END)
    return _ranking_context(ctx.lang).search(ctx.text, left, max(right, end)) is not None


def _closes_phrase(ctx: Context, end: int) -> bool:
    rest = ctx.text[end : end + 30]
    return (
        re.match(
            r"\s*(?:[.,;:!?)]|$|(?i:in|on|among|behind|worldwide|globally|weltweit|hinter|im|in)\b)", rest
        )
        is not None
    )


def _after_article(ctx: Context, start: int) -> bool:
    before = _words_before(ctx.text, start, 1)
    return bool(before) and before[0] in (*DETERMINERS["de"], "vom", "zum", "am", "im", "beim", "auf", "als")


def is_rank(ctx: Context, start: int, end: int) -> bool:
    """Whether the ordinal word at ``start:end`` is a place in a ranking (module docstring)."""
    if _rank_noun(ctx.lang).match(ctx.text, end) or _OF_TOTAL.match(ctx.text, end):
        return True  # "third place", "36th of 145 countries"
    before = _words_before(ctx.text, start, 3)
    if before and before[-1] in DETERMINERS[ctx.lang]:
        before = before[:-1]
        if not _closes_phrase(ctx, end):
            return False  # "the first soldiers", "der erste Besuch"
    if not before:
        return False
    if _closes_phrase(ctx, end) and about_ranking(ctx, start, end):
        return True  # "with India fourth.", "second in the world", "Russland als Zweiter"
    if before[-1] in RANK_VERBS[ctx.lang] or (
        ctx.lang == "en" and before[-1] == "in" and len(before) > 1 and before[-2] in RANK_VERBS["en"]
    ):
        return True
    if len(before) > 1 and before[-2] in RANK_VERBS[ctx.lang] and about_ranking(ctx, start, end):
        return True  # "puts it fourth", "ranked Russia second"
    if _PARTICIPLE.match(ctx.text, end):
        return False  # "was first published", "wurde erstmals"
    return before[-1] in PLACE_WORDS[ctx.lang] and about_ranking(ctx, start, end)


def _joined(ctx: Context, first: re.Match[str], second: re.Match[str]) -> bool:
    return _JOIN[ctx.lang].fullmatch(ctx.text, first.end(), second.start()) is not None


def ordinal_ranks(ctx: Context) -> Iterator[Mention]:
    parse = parse_de_ordinal if ctx.lang == "de" else parse_en_ordinal
    found: list[tuple[re.Match[str], int]] = []
    for m in _ordinal(ctx.lang).finditer(ctx.text):
        word = m.group("w")
        if ctx.lang == "de" and word in ("achten", "achte") and not _after_article(ctx, m.start()):
            continue  # the verb "achten", not "auf dem achten Rang", "vom achten"
        value = parse(word)
        if value is not None:
            found.append((m, value))
    ranked = [is_rank(ctx, m.start(), m.end()) for m, _ in found]
    # a list joined to a rank: "fourth and fifth", "vom elften auf den achten Platz"
    for order in (range(1, len(found)), range(len(found) - 2, -1, -1)):
        for i in order:
            j = i - 1 if order.step == 1 else i + 1
            pair = (found[j][0], found[i][0]) if j < i else (found[i][0], found[j][0])
            if ranked[j] and not ranked[i] and _joined(ctx, *pair):
                ranked[i] = True
    for (m, value), rank in zip(found, ranked, strict=True):
        if rank:
            yield ctx.mention(m, "rank", value, group="w")
