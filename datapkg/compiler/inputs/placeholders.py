"""Placeholder text in the English prose of confirmed records.

``datapkg add-source`` drafts records with empty English fields and hints beside them
("translate the quote"); a curator who confirms a draft must write the text, not leave a
marker. The build refuses, in every English prose field a curator writes:

- **empty** text (nothing left after stripping whitespace);
- **no letters**: text of punctuation or digits only ("?", "...", "—", "-") says nothing;
- **placeholders**: a known placeholder as the whole text, case and whitespace aside and
  brackets, quotes or a final stop around it ignored (``"[TBD]"``, ``"See above."``);
  as a leading marker: the tool markers (``TODO``, ``TBD``, ``FIXME``, ``placeholder``,
  ``translate``, ``lorem ipsum``) whatever follows, since no English sentence starts with
  them, and the words that may start real text (``x``, ``xx``, ``xxx``, ``tk``, ``na``,
  ``n/a``, ``translation``, ``same as above``, ``see above``, ``ditto``) only when a colon
  or a spaced dash follows (``"X: check"``, ``"Translation - later"``), so that
  "XXX Corps" or "X-ray" stay English; and ``TODO:``, ``FIXME`` or ``TBD`` anywhere;
- **too short** text, counted in words (runs of letters or digits, so "Korea's" is two):
  prose (notes, ``description_en``, ``derivation``, ``definition``, the reason of an
  ``ignored_mentions`` entry) needs 3 words, a sentence's subject, verb and object; an
  event's ``label`` names a thing and needs 2 ("Kursk incursion"); ``quote_en`` needs 3,
  or 1 when the quote itself has fewer than 3 words.

For a source in English (``language: en``) ``quote_en`` repeats the quote exactly: the
quote is already English, and any other text there is a paraphrase or a placeholder.

Which fields: a curated table's ``note``, ``description_en``, ``derivation`` (military
rankings) and ``definition`` (action types) are prose, as are the reasons; ``events.label``
is English text the drafts leave empty with a hint, so it is checked too, with the
shorter minimum of a name. Names and vocabulary labels of actors and action types
("Threaten") are short by design and not drafted, so they are left out; so is the reason of
a ``not_in_quote`` entry, which is not published (the record's note says it for readers).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from datapkg.compiler.problems import Origin, Problem, at

# A word: a run of letters or digits (underscore is no letter).
_WORD = re.compile(r"[^\W_]+")
_LETTER = re.compile(r"[^\W\d_]")

TOOL_MARKERS = ("todo", "tbd", "fixme", "placeholder", "translate", "lorem ipsum")
"""Placeholders refused as the whole text or as the text's first word(s), whatever follows."""
MARKER_WORDS = ("x", "xx", "xxx", "tk", "na", "n/a", "translation", "same as above", "see above", "ditto")
"""Placeholders refused as the whole text, or first when a colon or a spaced dash follows."""
PLACEHOLDERS = (*TOOL_MARKERS, *MARKER_WORDS, "?", "...", "…", "-", "—")


def _phrase(placeholder: str) -> str:
    return r"\s+".join(re.escape(word) for word in placeholder.split())


_OPEN = r"[\s\[(<{\"'“„‘*_#]*"
_CLOSE = r"[\])>}\"'“”‘’*_#.!?]*"
_NOT_A_LETTER = r"(?![^\W_])"
_WHOLE = re.compile(
    rf"^{_OPEN}(?P<p>{'|'.join(map(_phrase, (*TOOL_MARKERS, *MARKER_WORDS)))}){_CLOSE}\s*$", re.I
)
_LEADING_TOOL = re.compile(rf"^{_OPEN}(?P<p>{'|'.join(map(_phrase, TOOL_MARKERS))}){_NOT_A_LETTER}", re.I)
_LEADING_WORD = re.compile(
    rf"^{_OPEN}(?P<p>{'|'.join(map(_phrase, MARKER_WORDS))}){_NOT_A_LETTER}{_CLOSE}(?:\s*:|\s+[-–—])", re.I
)
_ANYWHERE = re.compile(r"(?<![^\W_])(?P<p>todo\s*:|fixme|tbd)(?![^\W_])", re.I)


@dataclass(frozen=True)
class Expected:
    """What a field must hold: said in the message, and its minimum of words."""

    what: str
    words: int


PROSE_FIELDS = {
    "note": "a note in English for readers, or no note",
    "description_en": "one English sentence: who does what to whom",
    "derivation": "how the figure was computed, in English",
    "definition": "a definition of the action in English",
}
LABEL_FIELDS = {"events": {"label": "a few English words naming the event"}}
IGNORE_REASON = Expected("why the mention needs no record, in English", 3)
ENGLISH_QUOTE = "for an English source quote_en repeats the quote exactly"


def expected_of(table: str, field: str) -> Expected | None:
    """What a curated table's English text field must hold, or None for other fields."""
    if field in PROSE_FIELDS:
        return Expected(PROSE_FIELDS[field], 3)
    label = LABEL_FIELDS.get(table, {}).get(field)
    return Expected(label, 2) if label is not None else None


def translation_expected(quote: str) -> Expected:
    """A translation is as long as a sentence, unless the quote is a word or two."""
    return Expected("an English translation of the quote", 3 if len(_WORD.findall(quote)) >= 3 else 1)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _shown(text: str) -> str:
    short = " ".join(text.split())
    return repr(short if len(short) <= 60 else short[:59] + "…")


def placeholder_in(text: str) -> tuple[str, bool] | None:
    """The placeholder that makes ``text`` no text, as written there, and whether it is the
    whole text; or None."""
    if not _WORD.search(text):
        return (text.strip(), True) if text.strip() else None
    for pattern in (_WHOLE, _LEADING_TOOL, _LEADING_WORD, _ANYWHERE):
        found = pattern.search(text)
        if found is not None:
            return " ".join(found["p"].split()).rstrip(" :"), pattern is _WHOLE
    return None


def _wanted(expected: Expected) -> str:
    least = "one word" if expected.words == 1 else f"{expected.words} words"
    return f"expected {expected.what} (at least {least})"


def text_problem(text: str, expected: Expected) -> str | None:
    """Why ``text`` is no text for its field (a message saying what is expected), or None."""
    wanted = _wanted(expected)
    if not text.strip():
        return f"the text is empty; {wanted}"
    found = placeholder_in(text)
    if found is not None:
        placeholder, whole = found
        if whole:
            return f"{_shown(text)} is a placeholder; {wanted}"
        return f"{_shown(text)} holds the placeholder {placeholder!r}; {wanted}"
    if not _LETTER.search(text):
        return f"{_shown(text)} has no word with a letter; {wanted}"
    count = len(words(text))
    if count < expected.words:
        return f"{_shown(text)} is too short ({count} word{'s' if count != 1 else ''}); {wanted}"
    return None


def _difference(a: str, b: str) -> str:
    i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"from character {i}, {a[i : i + 20]!r} where the quote has {b[i : i + 20]!r}"


def quote_en_problem(quote_en: str, quote: str | None, language: object) -> str | None:
    """Why a fact record's ``quote_en`` is no translation of its quote, or None."""
    if language == "en" and isinstance(quote, str):
        if quote_en == quote:
            return None
        return (
            f"{_shown(quote_en)} is not the quote {_shown(quote)} ({_difference(quote_en, quote)}); "
            f"{ENGLISH_QUOTE}"
        )
    return text_problem(quote_en, translation_expected(quote if isinstance(quote, str) else ""))


def record_text_problems(
    table: str,
    row: dict[str, Any],
    where: tuple[Origin, str | None],
    language: object,
    reported: Collection[str | None] = (),
) -> list[Problem]:
    """A curated record's English text fields that hold no text, each at its line; fields in
    ``reported`` already have a problem of their own (a value of the wrong type, say)."""
    origin, record_id = where
    problems: list[Problem] = []
    for name, value in row.items():
        if name in reported or not isinstance(value, str):
            continue
        if name == "quote_en":
            message = quote_en_problem(value, row.get("quote"), language)
        else:
            expected = expected_of(table, name)
            message = text_problem(value, expected) if expected is not None else None
        if message is not None:
            problems.append(at(origin, message, record_id, name))
    return problems
