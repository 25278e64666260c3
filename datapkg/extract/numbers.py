"""Numbers written in digits or words, in German or English conventions.

German groups thousands with "." (or a space) and uses "," for decimals
("1.328.000", "1,32"); English does the opposite ("1,328,000", "1.32").
"""

from __future__ import annotations

from datapkg.extract.lexicon import (
    DE_ONES,
    DE_ORDINAL_ENDINGS,
    DE_ORDINAL_STEMS,
    DE_TEENS,
    DE_TENS,
    EN_ONES,
    EN_ORDINALS,
    EN_TENS,
)

Number = int | float

MAX_DIGITS = 15
"""The most digits a whole number may have to count as an amount. Longer runs are
identifiers (phone numbers, account numbers) rather than amounts, and past 15 digits
a float no longer holds every whole number, so values beside them would be inexact."""


def tidy(value: float) -> Number:
    """Whole numbers as int, so 1,32 Millionen is 1320000, not 1320000.0000000002."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


def parse_digits(text: str, lang: str) -> Number:
    """A number in digits as the language writes it; raises ValueError if malformed."""
    s = (
        text.replace("\u00a0", " ")
        .replace("\u202f", " ")
        .replace("\u2009", " ")
        .replace("'", "")
        .replace("’", "")
    )
    s = s.replace(" ", "")
    thousands, decimal = (".", ",") if lang == "de" else (",", ".")
    if thousands in s:
        head, *groups = s.split(decimal)[0].split(thousands)
        if not (1 <= len(head) <= 3 and all(len(g) == 3 for g in groups)):
            # "2.5" in German or "2,5" in English: the other convention's decimal mark.
            if s.count(thousands) == 1 and decimal not in s:
                return _plain(s.replace(thousands, "."), text)
            raise ValueError(f"malformed number {text!r}")
    return _plain(s.replace(thousands, "").replace(decimal, "."), text)


def _plain(s: str, text: str) -> Number:
    """Digits with at most one "." as the decimal mark; ValueError past ``MAX_DIGITS``."""
    if len(s.partition(".")[0]) > MAX_DIGITS:
        raise ValueError(f"{text!r} has more than {MAX_DIGITS} digits before the decimal mark")
    return tidy(float(s)) if "." in s else int(s)


def _de_below_thousand(word: str) -> int | None:
    if not word:
        return None
    if "hundert" in word:
        left, _, right = word.partition("hundert")
        hundreds = 1 if left in ("", "ein") else DE_ONES.get(left)
        if hundreds is None or left in ("eine",):
            return None
        rest = _de_below_hundred(right) if right else 0
        return None if rest is None else hundreds * 100 + rest
    return _de_below_hundred(word)


def _de_below_hundred(word: str) -> int | None:
    if word in DE_TEENS:
        return DE_TEENS[word]
    if word in DE_TENS:
        return DE_TENS[word]
    if word in DE_ONES and word not in ("ein", "eine"):
        return DE_ONES[word]
    if "und" in word:
        unit, _, tens = word.partition("und")
        if tens in DE_TENS and unit in DE_ONES and unit not in ("null", "eine", "eins"):
            return DE_ONES[unit] + DE_TENS[tens]
    return None


def parse_de_word(word: str) -> Number | None:
    """German cardinal words, compounds included ("dreitausend", "einundzwanzig", "zweieinhalb")."""
    w = word.lower()
    if w == "anderthalb":
        return 1.5
    if w.endswith("einhalb") and len(w) > len("einhalb"):
        whole = parse_de_word(w[: -len("einhalb")])
        return None if whole is None else whole + 0.5
    if "tausend" in w:
        left, _, right = w.rpartition("tausend")
        thousands = 1 if left in ("", "ein") else _de_below_thousand(left)
        rest = _de_below_thousand(right) if right else 0
        if thousands is None or rest is None:
            return None
        return thousands * 1000 + rest
    return _de_below_thousand(w)


def parse_en_word(word: str) -> int | None:
    """English cardinal words up to the hundreds ("twenty-five", "six")."""
    w = word.lower().replace("-", " ")
    parts = w.split()
    if len(parts) == 1:
        return EN_ONES.get(w, EN_TENS.get(w))
    if len(parts) == 2 and parts[0] in EN_TENS and parts[1] in EN_ONES and EN_ONES[parts[1]] < 10:
        return EN_TENS[parts[0]] + EN_ONES[parts[1]]
    return None


def parse_de_ordinal(word: str) -> int | None:
    w = word.lower()
    for ending in sorted(DE_ORDINAL_ENDINGS, key=len, reverse=True):
        if w.endswith(ending) and w[: -len(ending)] in DE_ORDINAL_STEMS:
            return DE_ORDINAL_STEMS[w[: -len(ending)]]
    return None


def parse_en_ordinal(word: str) -> int | None:
    w = word.lower().replace("-", " ")
    if w in EN_ORDINALS:
        return EN_ORDINALS[w]
    parts = w.split()
    if len(parts) == 2 and parts[0] in EN_TENS and parts[1] in EN_ORDINALS:
        return EN_TENS[parts[0]] + EN_ORDINALS[parts[1]]
    return None
