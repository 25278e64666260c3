"""Counts the text gives without a number: vague counts ("mehrere Staaten", "several
officials"), count words ("beide Länder": 2), partitives ("eines von ihnen", "one of
them": 1) and vague shares ("einem Teil der Soldaten").

The counted noun is the mention's unit, not part of its text, as for every quantity. A
vague count needs that noun: "viele" alone, "wie viele", "as many as" are no count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from datapkg.extract import lexicon as lx
from datapkg.extract import vague_words as vw
from datapkg.extract.mention import Context, Mention
from datapkg.extract.patterns import SP, B, E, alt

_TOKEN = re.compile(r"[ \t\u00a0]+([^\W\d_][\w'’-]*)")
# "viele der Soldaten", "several of them": the group follows; "Several have been killed":
# the count stands for people named before.
_OF = {
    "de": re.compile(r"[ \t\u00a0]+(?i:der|von\s+ihnen|von\s+den|davon)(?![\w])"),
    "en": re.compile(r"[ \t\u00a0]+(?i:of(?:\s+(?:the|them|those|these|their|its))?)(?![\w])"),
}
_STANDS_ALONE = {
    "de": re.compile(
        r"[ \t\u00a0]+(?:sind|waren|seien|haben|hatten|wurden|werden|dürften|sollen|sollten)(?![\w])"
    ),
    "en": re.compile(
        r"[ \t\u00a0]+(?:have|had|has|were|are|will|would|never|did|died|remain|remained|fled|say|said)(?![\w])"
    ),
}
_DE_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_SHARE_LINK = {"de": ("der", "des", "von", "davon", "dieser", "dieses"), "en": ("of",)}
# German plural endings: "eine der Armeen", but not "eines der Not" ("one of need")
_DE_PLURAL = ("en", "er", "e", "n", "s")


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    counts = (
        rf"{B}(?:(?P<v>(?i:{alt(vw.VAGUE_COUNT_WORDS[lang])}))|(?P<c>(?i:{alt(vw.COUNT_WORDS[lang])}))){E}"
    )
    partitive = (
        rf"{B}(?P<one>(?i:{alt(vw.PARTITIVE_ONE[lang])})){SP}(?P<link>(?i:{alt(vw.PARTITIVE_LINK[lang])}))"
        rf"(?:{SP}(?P<whole>(?i:{alt(vw.PARTITIVE_WHOLE[lang])})))?{E}"
    )
    plain = [a for a in vw.SHARE_ARTICLES[lang] if " " not in a]
    sized = [a for a in vw.SHARE_ARTICLES[lang] if " " in a]
    # "a large share are old": a size makes the share; "a part" needs "of" ("part of the deal")
    share = (
        rf"{B}(?:(?P<sized>(?i:{alt(sized)}))|(?i:{alt(plain)})){SP}(?i:{alt(vw.SHARE_NOUNS[lang])}){E}"
        rf"(?(sized)|(?={SP}(?i:{alt(_SHARE_LINK[lang])}){E}))"
    )
    return re.compile(counts), re.compile(partitive), re.compile(share)


def counted_noun(ctx: Context, end: int) -> str | None:
    """The noun a count word counts ("mehrere nordkoreanische Generäle" -> "Generäle";
    "several senior officials" -> "officials"); None when no noun follows."""
    pos = end
    for _ in range(4):
        m = _TOKEN.match(ctx.text, pos)
        if not m:
            return None
        word = m.group(1)
        if word in ("and", "or", "und", "oder") and pos > end:
            pos = m.end()  # "several current and former officials"
            continue
        lower = word.lower()
        if lower.endswith(("'s", "’s")):
            pos = m.end()  # "the world's biggest armies"
            continue
        if lower in lx.STOP_WORDS[ctx.lang] or lower in lx.DE_TIME_UNITS or lower in lx.EN_TIME_UNITS:
            return None
        if ctx.lang == "de":
            if word[0].isupper():
                return None if lower in lx.DE_MONTHS or lower in lx.DE_WEEKDAYS else word
            if not lower.endswith(_DE_ADJECTIVE_ENDINGS):
                return None
        elif _english_noun(ctx, word, m.end()):
            return word
        pos = m.end()
    return None


def _english_noun(ctx: Context, word: str, end: int) -> bool:
    """A plural noun ("officials", "Koreans") or a counted noun ("personnel")."""
    lower = word.lower()
    plural = lower.endswith("s") and not lower.endswith("ss")
    if word[0].islower():
        return plural or lower in lx.COUNT_NOUNS
    return plural and not _TOKEN.match(ctx.text, end)  # "Koreans", not "Kursk villages"


def _after_blocker(ctx: Context, start: int) -> bool:
    """Whether the word before ``start`` makes the count a question or comparison ("wie viele")."""
    before = ctx.text[max(0, start - 12) : start].split()
    return bool(before) and before[-1].lower() in vw.VAGUE_COUNT_NOT_AFTER[ctx.lang]


def _individual(ctx: Context, m: re.Match[str]) -> bool:
    """ "der einzelnen Soldaten": each soldier, not a few of them."""
    before = ctx.text[max(0, m.start() - 5) : m.start()].split()
    return m.group().lower().startswith("einzeln") and bool(before) and before[-1].lower() in _DEFINITE


_DEFINITE = ("der", "die", "das", "den", "dem", "des")


def vague_counts(ctx: Context) -> Iterator[Mention]:
    """ "mehrere Motive", "zahlreichen Berichten", "both countries": a count of the noun
    after, vague (value empty) or given by the word (``COUNT_WORDS``)."""
    counts, _, _ = _patterns(ctx.lang)
    for m in counts.finditer(ctx.text):
        if _after_blocker(ctx, m.start()) or _individual(ctx, m):
            continue
        noun = counted_noun(ctx, m.end())
        if noun is None:
            group = _OF[ctx.lang].match(ctx.text, m.end())
            if group is not None:
                noun = counted_noun(ctx, group.end())
            elif not _STANDS_ALONE[ctx.lang].match(ctx.text, m.end()):
                continue
        if m.group("c"):
            value = vw.COUNT_WORDS[ctx.lang][m.group("c").lower()]
            yield ctx.mention(m, "quantity", value, noun)
        else:
            yield ctx.mention(m, "quantity", None, noun, "vague")


def partitives(ctx: Context) -> Iterator[Mention]:
    """ "eines von ihnen", "eine der beiden Seiten", "one of the officials": one of a group.
    The text reaches to a pronoun or a small number word that names the group; an article
    ("one of the ...") leaves the group to the noun, which must then follow."""
    _, partitive, _ = _patterns(ctx.lang)
    for m in partitive.finditer(ctx.text):
        whole = (m.group("whole") or "").lower()
        if not whole and m.group("link").lower() == "von":
            continue  # "eine von Russland geführte Allianz"
        if whole and whole not in ("the", "its", "their"):
            pronoun = whole in ("them", "us", "those", "these", "ihnen", "uns", "diesen")
            yield ctx.mention(m, "quantity", 1, None if pronoun else counted_noun(ctx, m.end()))
            continue
        noun = counted_noun(ctx, m.end("whole") if whole else m.end())
        if noun is not None and (ctx.lang == "en" or whole or noun.lower().endswith(_DE_PLURAL)):
            yield ctx.mention(m, "quantity", 1, noun, group="one")


def shares(ctx: Context) -> Iterator[Mention]:
    """ "einem Teil der Soldaten", "a large part of the troops": a share the text leaves vague."""
    _, _, share = _patterns(ctx.lang)
    for m in share.finditer(ctx.text):
        yield ctx.mention(m, "quantity", None, "fraction", "vague")
