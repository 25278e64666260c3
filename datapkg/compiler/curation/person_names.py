"""Names of people a draft proposes: the English spelling of a Russian or Ukrainian name written
the German way, a key under which transliterations agree, and an id from a name."""

from __future__ import annotations

import re
import unicodedata

_SLAVIC = re.compile(r"(?:ow|ew|ej|ij|yj|enko|ski|sky)$")


def spelling_key(name: str) -> str:
    """A name reduced so its transliterations agree: "Georgi Sinowjew", "Georgy Zinoviev"."""
    key = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
    for a, b in (
        ("tsch", "ch"),
        ("sch", "sh"),
        ("w", "v"),
        ("j", "i"),
        ("y", "i"),
        ("z", "s"),
        ("ie", "e"),
        ("-", " "),
        ("ii", "i"),
    ):
        key = key.replace(a, b)
    return " ".join(re.sub(r"(.)\1", r"\1", w) for w in key.split())


def english_spelling(name: str) -> str:
    """The usual English spelling of a Russian or Ukrainian name written the German way: w is v,
    a final -ej -ey, -ij -iy, -yj -yy ("Sergej Lawrow" is Sergey Lavrov). Other names stay as
    written."""
    words = name.split()
    if not any(_SLAVIC.search(w.lower()) for w in words):
        return name
    out = []
    for word in words:
        w = word.replace("tsch", "ch").replace("Tsch", "Ch").replace("sch", "sh").replace("Sch", "Sh")
        w = w.replace("w", "v").replace("W", "V")
        w = re.sub(r"(?<=[aeiou])j(?=[aeiou])", "y", w)  # "Netschajew" is Nechayev
        w = re.sub(r"ej$", "ey", w)
        w = re.sub(r"([iy])j$", r"\1y", w)
        out.append(w)
    return " ".join(out)


def slug(name: str) -> str:
    """An id from a name: lower case, words joined by hyphens, letters of other alphabets kept
    only where ASCII has them."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "actor"
