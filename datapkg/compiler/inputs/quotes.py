"""Locate a curator's quote in its source text.

Curators write the quote, not its offsets: counting characters by hand is
where mistakes hide. The quote must occur exactly once, or the curator gives
``quote_start`` to choose among occurrences; either way the offsets are the
build's, and the quote equals ``text[start:end]`` by construction.
"""

from __future__ import annotations


def occurrences(text: str, quote: str) -> list[int]:
    found, start = [], text.find(quote)
    while start != -1:
        found.append(start)
        start = text.find(quote, start + 1)
    return found


def _closest(text: str, quote: str) -> str:
    """Where the longest prefix of the quote occurs, to show the curator the first difference."""
    lo, hi, best = 1, len(quote), -1
    while lo <= hi:
        mid = (lo + hi) // 2
        pos = text.find(quote[:mid])
        if pos == -1:
            hi = mid - 1
        else:
            best, lo = pos, mid + 1
    if best == -1:
        return "not even its first character occurs"
    n = lo - 1
    context = text[best + n : best + n + 20]
    return (
        f"the first {n} characters match at offset {best}, then the quote has "
        f"{quote[n : n + 20]!r} where the text has {context!r}"
    )


def place_quote(text: str, quote: str, hint: int | None) -> tuple[int | None, str | None]:
    """The quote's start offset, or an error saying what is wrong."""
    if hint is not None:
        if text[hint : hint + len(quote)] == quote:
            return hint, None
        found = occurrences(text, quote)
        where = f"; it occurs at {found}" if found else ""
        actual = text[hint : hint + min(len(quote), 40)]
        return None, f"quote is not at quote_start {hint} (the text there reads {actual!r}){where}"
    found = occurrences(text, quote)
    if len(found) == 1:
        return found[0], None
    if not found:
        return None, f"quote not found verbatim in the source text: {_closest(text, quote)}"
    return None, (
        f"quote occurs {len(found)} times (at offsets {found}); quote more context "
        "or give quote_start to choose one"
    )
