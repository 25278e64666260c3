"""Words for expressions without a number: references to the present, past and future,
vague counts ("mehrere Staaten"), count words ("beide Länder") and partitives ("eines von
ihnen"). Lower-case; matching is case-insensitive."""

from __future__ import annotations

from typing import Final

PRESENT_REF: Final = "PRESENT_REF"
PAST_REF: Final = "PAST_REF"
FUTURE_REF: Final = "FUTURE_REF"
REFERENCES: Final = frozenset({PRESENT_REF, PAST_REF, FUTURE_REF})


def is_reference(value: object) -> bool:
    """Whether a date value places a time only against the moment of writing."""
    return value in REFERENCES


# A time the text places only relative to the moment of writing, as TimeML values it:
# phrase -> (value, qualifier). "bislang" is the time up to now: the present, qualifier "by".
TIME_REFERENCES: Final = {
    "de": {
        "derzeit": (PRESENT_REF, None), "aktuell": (PRESENT_REF, None), "gegenwärtig": (PRESENT_REF, None),
        "zurzeit": (PRESENT_REF, None), "zur zeit": (PRESENT_REF, None), "momentan": (PRESENT_REF, None),
        "im moment": (PRESENT_REF, None), "zum jetzigen zeitpunkt": (PRESENT_REF, None),
        "heutzutage": (PRESENT_REF, None), "jetzt": (PRESENT_REF, None), "vorerst": (PRESENT_REF, None),
        "vorläufig": (PRESENT_REF, None), "mittlerweile": (PRESENT_REF, None), "inzwischen": (PRESENT_REF, None),
        "bislang": (PRESENT_REF, "by"), "bisher": (PRESENT_REF, "by"), "bis jetzt": (PRESENT_REF, "by"),
        "bis dato": (PRESENT_REF, "by"), "bis heute": (PRESENT_REF, "by"),
        "bis zum heutigen tag": (PRESENT_REF, "by"),
        "kürzlich": (PAST_REF, None), "zuletzt": (PAST_REF, None), "früher": (PAST_REF, None), "jüngst": (PAST_REF, None), "unlängst": (PAST_REF, None),
        "neulich": (PAST_REF, None), "vor kurzem": (PAST_REF, None), "vor kurzer zeit": (PAST_REF, None),
        "in letzter zeit": (PAST_REF, None), "in jüngster zeit": (PAST_REF, None),
        "in der vergangenheit": (PAST_REF, None), "in jüngerer vergangenheit": (PAST_REF, None),
        "in zukunft": (FUTURE_REF, None), "in naher zukunft": (FUTURE_REF, None),
        "in absehbarer zeit": (FUTURE_REF, None), "künftig": (FUTURE_REF, None),
        "zukünftig": (FUTURE_REF, None), "demnächst": (FUTURE_REF, None), "in kürze": (FUTURE_REF, None),
        "bald": (FUTURE_REF, None), "schon bald": (FUTURE_REF, None),
    },
    "en": {
        "currently": (PRESENT_REF, None), "at present": (PRESENT_REF, None), "presently": (PRESENT_REF, None),
        "at the moment": (PRESENT_REF, None), "nowadays": (PRESENT_REF, None), "now": (PRESENT_REF, None),
        "for now": (PRESENT_REF, None), "right now": (PRESENT_REF, None), "by now": (PRESENT_REF, "by"),
        "for the time being": (PRESENT_REF, None),
        "so far": (PRESENT_REF, "by"), "to date": (PRESENT_REF, "by"), "thus far": (PRESENT_REF, "by"),
        "until now": (PRESENT_REF, "by"), "to this day": (PRESENT_REF, "by"), "until today": (PRESENT_REF, "by"), "up to now": (PRESENT_REF, "by"), "as yet": (PRESENT_REF, "by"),
        "recently": (PAST_REF, None), "lately": (PAST_REF, None), "in recent times": (PAST_REF, None),
        "in the past": (PAST_REF, None), "in the recent past": (PAST_REF, None),
        "in the future": (FUTURE_REF, None), "in future": (FUTURE_REF, None),
        "in the near future": (FUTURE_REF, None), "in the foreseeable future": (FUTURE_REF, None),
        "soon": (FUTURE_REF, None), "before long": (FUTURE_REF, None),
    },
}  # fmt: skip
# "bald darauf", "soon after", "so far as", "in the past five years": the same words, no
# reference to the present; (words, what may not follow them).
TIME_REFERENCE_GUARDS: Final = {
    "de": (
        ("bald", "schon bald", "früher"),
        ("darauf", "danach", "nach", "nachdem", "als"),
    ),  # "nicht zuletzt": in code
    "en": (
        ("soon", "so far", "in the past", "now"),
        ("after", "afterwards", "as", "thereafter", "enough", "few", "couple", "that"),  # "now that ..."
    ),
}
# "in den kommenden Wochen", "in recent months": a stretch of time just ahead or behind.
UNIT_REFERENCES: Final = {
    "de": {"in den kommenden": FUTURE_REF, "in den nächsten": FUTURE_REF, "in den vergangenen": PAST_REF,
           "in den letzten": PAST_REF, "in den zurückliegenden": PAST_REF},
    "en": {"in the coming": FUTURE_REF, "in coming": FUTURE_REF, "in the next few": FUTURE_REF,
           "the coming": FUTURE_REF, "the next few": FUTURE_REF, "the past few": PAST_REF,
           "in the weeks ahead": FUTURE_REF, "in recent": PAST_REF, "in the past few": PAST_REF},
}  # fmt: skip
UNIT_REFERENCE_UNITS: Final = (
    "tagen", "wochen", "monaten", "jahren", "stunden", "days", "weeks", "months", "years", "hours",
)  # fmt: skip
# "in seiner jüngsten Kolumne": the latest one, a reference to the recent past; "der
# jüngste Sohn" is the youngest, so nouns of people and ages are left out.
DE_LATEST: Final = ("jüngsten", "jüngste", "jüngster", "jüngstes")
DE_LATEST_NOT_BEFORE: Final = (
    "sohn", "tochter", "kind", "kinder", "bruder", "schwester", "soldat", "soldaten", "mitglied", "mitglieder",
    "abgeordnete", "abgeordneten", "teilnehmer", "rekruten", "sohnes",
)  # fmt: skip

# Amounts without a number ("mehrere Staaten", "several officials"): a vague count of the
# noun that follows.
VAGUE_COUNT_WORDS: Final = {
    "de": (
        "mehrere", "mehreren", "mehrerer", "zahlreiche", "zahlreichen", "zahlreicher", "etliche", "etlichen",
        "etlicher", "einige", "einigen", "einiger", "viele", "vielen", "vieler", "wenige", "wenigen",
        "unzählige", "unzähligen", "zig", "immer mehr", "immer weniger", "zahllose", "zahllosen", "weniger",
        "manche", "manchen", "mancher", "einzelne", "einzelnen", "die meisten",
    ),
    "en": (
        "several", "numerous", "many", "countless", "few", "fewer", "more and more",
        "fewer and fewer", "a growing number of", "an increasing number of", "a dwindling number of",
    ),
}  # fmt: skip
# "wie viele", "so many", "as many as": a question, a comparison or a qualifier, not a count.
VAGUE_COUNT_NOT_AFTER: Final = {
    "de": ("wie", "so", "zu", "ein", "eine", "einer", "eines", "einem", "einen"),  # "eines einzelnen Staates"
    "en": ("how", "so", "as", "too", "very", "the", "at"),  # "the most powerful", "at most"
}
# Exact counts without a number word: "beide Länder", "both sides".
COUNT_WORDS: Final = {"de": {"beide": 2, "beiden": 2, "beider": 2}, "en": {"both": 2}}
# "eines von ihnen", "eine der beiden Seiten", "one of them": one of a group.
PARTITIVE_ONE: Final = {
    "de": ("eine", "einer", "eines", "einem", "einen"),
    "en": ("one",),
}
PARTITIVE_LINK: Final = {"de": ("der", "von", "des"), "en": ("of",)}
PARTITIVE_WHOLE: Final = {
    "de": ("ihnen", "uns", "beiden", "zwei", "drei", "vier", "fünf", "diesen", "den beiden"),
    "en": (
        "them",
        "us",
        "those",
        "these",
        "the two",
        "the three",
        "both",
        "the",
        "its",
        "their",
        "two",
        "three",
        "four",
        "five",
    ),
}
# "einem Teil der Soldaten", "a large part of the troops": a vague share.
SHARE_NOUNS: Final = {
    "de": ("teil", "großteil"),
    "en": ("part", "portion", "share", "proportion", "bulk", "majority"),
}
SHARE_ARTICLES: Final = {"de": ("ein", "einem", "einen", "der", "einen großen", "einem großen", "ein großer", "ein grosser",
                                "ein kleinerer", "einen kleineren", "einem kleineren", "ein größerer",
                                "einen grossen", "einem grossen",
                                "einem kleinen", "ein kleiner", "einen kleinen", "einem erheblichen",
                                "ein erheblicher", "einen erheblichen"),
                         "en": ("a", "the", "a large", "a small", "a significant", "a substantial", "a good",
                                "a big", "a major", "a growing", "a sizeable", "a sizable")}  # fmt: skip
