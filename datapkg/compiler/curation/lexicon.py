# ruff: noqa: E501  (word lists read better one group a line)
"""Words the draft writer reads, per language: cues for how a claim is presented, phrases
that attribute it, nouns for personnel and materiel, and the ways news text names a
country. Matching is on word stems (``actor_names.stem``), so one entry covers the
inflected forms ("nordkoreanische", "nordkoreanischen", "nordkoreanischer")."""

from __future__ import annotations

from typing import Final

# Full stops after these words do not end a sentence (lower-case, without the stop).
ABBREVIATIONS: Final = frozenset(
    "dr prof bzw ca vgl usw etc nr st mio mrd tsd abs art inkl evtl ggf gen jan feb mär apr jun jul "
    "aug sep sept okt oct nov dez dec mr mrs ms jr sr vs no lt col sgt u.s mt ft".split()
)

# --- how a claim is presented (claim_status), strongest first -----------------
# Regular expressions over the sentence, case-insensitive; the first status with a match wins.
CLAIM_CUES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "de": (
        ("projected", r"\bkönnte(?:n)?\b|\bdürfte(?:n)?\b|\bvoraussichtlich\b|\bgeplant\b|\bplan(?:t|en)\b"
                      r"|\bwerden\b[^.]*\b(?:schicken|entsenden|liefern|verlegen)\b|\bbis (?:Ende|zum|Jahresende)"),
        ("alleged", r"\bsoll(?:en|te|ten)?\b|\bangeblich\b|\bmutmaßlich\b|\bmutmasslich\b"),
        ("estimated", r"\bschätz\w*|\bschaetz\w*|\bgeschätzt\w*|\bSchätzung\w*"),
        ("assessed", r"\bEinschätzung\w*|\bnach Ansicht\b|\bvermutlich\b|\bwahrscheinlich\b|\bsicherlich\b"),
        ("confirmed", r"\bbestätigt\w*"),
        ("reported", r"\blaut\b|\bzufolge\b|\bberichte\w*|\bnach Angaben\b|\bsagte\b|\bsagt\b"
                     r"|\bteilt\w*\b[^.]*\bmit\b|\berklärt\w*|\bhieß es\b|\bhiess es\b|\bheißt es\b|\bmeldet\w*"
                     r"|\bschreibt\b|\bschrieb\b"),
    ),
    "en": (
        ("projected", r"\bcould\b|\bmight\b|\bmay\b|\bwill\b|\bexpected to\b|\bplans? to\b|\bplanned\b"
                      r"|\bset to\b|\bby the end of\b"),
        ("alleged", r"\ballegedly\b|\balleged\b|\bpurportedly\b|\b(?:is|are|was|were)(?: \w+)? said to\b|\breportedly\b"),
        ("estimated", r"\bestimate[sd]?\b|\bestimating\b"),
        ("assessed", r"\bassess\w*|\bin the view of\b|\bprobably\b|\blikely\b"),
        ("confirmed", r"\bconfirm(?:s|ed)?\b"),
        ("reported", r"\baccording to\b|\breport(?:s|ed)?\b|\bsaid\b|\btold\b|\bstated\b|\bannounced\b"),
    ),
}  # fmt: skip

# Attribution phrases: the speaker stands after ("laut X") or before ("X zufolge") the cue.
ATTRIBUTION_AFTER: Final = {
    "de": r"\blaut\b|\bnach Angaben\b|\bnach Einschätzung\b|\bnach Ansicht\b|\bsagte\b|\bsagt\b|\bteilte\b|\bberichte\w*|\berklärt\w*|\bwie\b|\bhieß es aus\b|\bheißt es aus\b"
          r"|\bhiess es aus\b|\bso\b(?=\s+[A-ZÄÖÜ])|\bmeldete\w*",
    "en": r"\baccording to\b|\bsaid\b|\btold\b|\breported\b|\bstated\b|\bannounced\b",
}  # fmt: skip
ATTRIBUTION_BEFORE: Final = {
    "de": r"\bzufolge\b|\bsagte\b|\bsagt\b|\bteilte\b[^.]*\bmit\b|\bteilt\b[^.]*\bmit\b|\bberichte\w*"
          r"|\berklärt\w*|\bwarnt\w*|\bschätzt\w*|\bmeldet\w*|\bschreibt\b|\bschrieb\b",
    "en": r"\bsaid\b|\bsays\b|\btold\b|\breported\b|\bestimated\b|\bconfirmed\b|\bstated\b|\bannounced\b",
}  # fmt: skip
# Lower-case words that stand between an institution and a person's name ("Pentagon spokesman Pat Ryder").
TITLE_WORDS: Final = ("spokesman", "spokeswoman", "spokesperson", "chief", "minister", "secretary", "official",
                      "leader", "president", "ambassador", "envoy", "general", "adviser", "advisor", "director")  # fmt: skip
ATTRIBUTION_REACH: Final = 90  # characters from the cue within which the speaker is named

# --- troop figures -----------------------------------------------------------
# Stems of nouns that count people under arms (the noun after a number; German compounds
# count: "Elitesoldaten"), and the stronger subset that makes a bare number in the same
# sentence a troop figure ("10.000 sollen es werden").
PERSONNEL_STEMS: Final = {
    "de": ("soldat", "trupp", "mann", "männer", "kämpfer", "militär", "offizier", "rekrut", "söldner",
           "kräfte", "infanterist", "pionier", "reservist", "wehrpflichtig", "experten"),
    "en": ("soldier", "troop", "servicem", "service memb", "personnel", "men", "fighter", "officer",
           "recruit", "mercenar", "forces", "reservist", "conscript", "marines", "experts"),
}  # fmt: skip
PERSONNEL_CONTEXT_STEMS: Final = {
    "de": ("soldat", "trupp", "söldner", "streitkräfte", "kämpfer"),
    "en": ("soldier", "troop", "mercenar", "forces", "fighters"),
}
CASUALTY_STEMS: Final = {
    "de": ("tote", "gefallen", "verwundet", "verletzt", "opfer", "verlust"),
    "en": ("casualti", "kill", "dead", "wounded", "injured", "loss"),
}
UNIT_STEMS: Final = {
    "de": ("einheit", "bataillon", "brigade", "division", "regiment", "kompanie"),
    "en": ("unit", "battalion", "brigade", "division", "regiment", "compan"),
}
MEASURE_CUES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "de": (
        (
            "casualties",
            r"\bgetötet\w*|\bgefallen\w*|\bverwundet\w*|\bverletzt\w*|\bVerlust\w*|\bTote\w*|\bverloren\b|\bverlor\w*",
        ),
        (
            "active_personnel",
            r"\bstellt\b|\baktive\w*|\bTruppenstärke\b|\bumfass\w*|\bArmee von\b|\bstehendes? Heer",
        ),
    ),
    "en": (
        ("casualties", r"\bkilled\b|\bwounded\b|\bcasualties\b|\blosses\b|\bdead\b|\binjured\b|\blost\b"),
        ("active_personnel", r"\bactive\b|\bstanding army\b|\bstrength of\b|\bhas an army of\b"),
    ),
}

# --- arms transfers ------------------------------------------------------------
# Stems of materiel nouns (also inside compounds: "Artilleriegranaten") and their English.
MATERIEL: Final = {
    "de": (("raketenwerf", "rocket launchers", "weapons"), ("ballistische rakete", "ballistic missiles", "weapons"),
           ("granat", "artillery shells", "ammunition"),
           ("munition", "ammunition", "ammunition"), ("marschflugkörp", "cruise missiles", "weapons"),
           ("rakete", "missiles", "weapons"), ("haubitz", "howitzers", "weapons"),
           ("panzer", "tanks", "weapons"), ("drohne", "drones", "weapons"), ("geschoss", "projectiles", "ammunition"),
           ("artilleri", "artillery", "weapons"), ("mörser", "mortars", "weapons"),
           ("gewehr", "rifles", "weapons"), ("kampfjet", "fighter jets", "weapons"),
           ("flugabwehr", "air defence systems", "weapons"), ("ausrüstung", "equipment", "weapons_and_equipment"),
           ("technologi", "military technology", "military_technology"), ("waffe", "weapons", "weapons")),
    "en": (("rocket launcher", "rocket launchers", "weapons"), ("artillery shell", "artillery shells", "ammunition"),
           ("shell", "artillery shells", "ammunition"), ("ammunition", "ammunition", "ammunition"),
           ("munition", "munitions", "ammunition"),
           ("cruise missile", "cruise missiles", "weapons"), ("ballistic missile", "ballistic missiles", "weapons"),
           ("missile", "missiles", "weapons"),
           ("rocket", "rockets", "weapons"), ("howitzer", "howitzers", "weapons"), ("tank", "tanks", "weapons"),
           ("drone", "drones", "weapons"), ("artillery", "artillery", "weapons"), ("mortar", "mortars", "weapons"),
           ("rifle", "rifles", "weapons"), ("equipment", "equipment", "weapons_and_equipment"),
           ("technolog", "military technology", "military_technology"), ("weapon", "weapons", "weapons"),
           ("arms", "arms", "weapons")),
}  # fmt: skip
# A sentence names a transfer only with one of these (a "Waffenlieferung" has "liefer" inside).
TRANSFER_CUES: Final = {
    "de": r"liefer|erhalt|erhielt|geschickt|schickt|export|bekomm|bekam|kauf|bezieh|bezog|versorg|unterstütz\w*\b[^.]*\bmit\b",
    "en": r"deliver|suppl|ship|\bsent\b|\bsend|transfer|provid|receiv|export|\bsell|\bsold\b|\bbought\b|\bbuy",
}
# Kinds of actor that take part in a transfer (a newspaper that saw the data does not).
PARTY_KINDS: Final = frozenset({"state", "country", "adjective", "armed_force", "person", "government_body"})
# Words that join two clauses of one sentence; a figure's measure is read from its own.
CLAUSE_JOINS: Final = {"de": r"\s(?:und|oder|aber|sowie|während)\s", "en": r"\s(?:and|or|but|while)\s"}
# Words the extractor may take for a quantity's unit that name no unit ("3,000 more").
NOT_UNITS: Final = frozenset(
    {"more", "additional", "extra", "others", "other", "of", "weitere", "mehr", "zusätzliche"}
)
NOT_MATERIEL: Final = ("waffenstillstand", "waffenruhe", "ceasefire", "armstrong", "tanker")
STAGE_CUES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "de": (
        ("not_delivered", r"\bnicht geliefert\b|\bblieben?\b[^.]*\baus\b|\bkeine\b[^.]*\bliefer"),
        ("speculated", r"\bgemutmaßt\b|\bgemutmasst\b|\bspekul\w*"),
        ("sought", r"\bfordert\w*|\bwünscht\w*|\bsucht\w*|\bbitte\w*|\bwill\b|\bwollen\b"),
        ("delivered", r"\bgeliefert\b|\berhalten\b|\berhielt\w*|\blieferte\w*|\bgeschickt\b|\bbekommen\b"),
    ),
    "en": (
        ("not_delivered", r"\bnot (?:been )?(?:delivered|supplied|sent)\b|\bno\b[^.]*\bdeliver"),
        ("speculated", r"\bspeculat\w*"),
        ("sought", r"\bseeks?\b|\bsought\b|\bwants?\b|\basked for\b|\brequest\w*"),
        ("delivered", r"\bdelivered\b|\bsupplied\b|\breceived\b|\bshipped\b|\bsent\b"),
    ),
}
SUPPLIER_PREPOSITIONS: Final = {"de": ("aus", "von"), "en": ("from", "by")}
RECIPIENT_PREPOSITIONS: Final = {"de": ("an", "nach", "für"), "en": ("to", "for")}
RECEIVING_VERBS: Final = {"de": r"\berh(?:alten|ielt\w*)\b|\bbekommen\b|\bbekam\b", "en": r"\breceiv\w*"}
# Prepositions before a place a force is sent to: that country is where, not whose.
DESTINATION_PREPOSITIONS: Final = {"de": ("nach", "in", "an", "gegen"), "en": ("to", "into", "in", "against")}

# --- dated actions ---------------------------------------------------------------
# Verb stems (regular expressions) and the action type each suggests, if the vocabulary has it.
ACTION_VERBS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "de": (
        ("ratify-agreement", r"ratifi\w*"), ("sign-agreement", r"unterzeichn\w*|unterschrieb\w*"),
        ("summon-diplomat", r"einbestellt\w*|einbestell\w*|bestellte\w* \w+ ein"),
        ("host-visit", r"empfing\w*|empfangen\w*"), ("visit", r"besuch\w*|reiste\w*"),
        ("threaten", r"droht\w*|drohte\w*"), ("protest-officially", r"protest\w*"),
        ("impose-sanctions", r"sanktion\w*"), ("criticize", r"kritisier\w*|verurteil\w*|warnt\w*|warnte\w*"),
        ("express-concern", r"besorgt\w*|sorge\w*"), ("appeal-for-policy-change", r"aufgerufen|ruft\w* \w+ auf|forder\w*"),
        ("provide-military-aid", r"liefer\w*|schickt\w*|entsandt\w*|entsendet\w*"),
        ("make-statement", r"sagte\w*|erklärte\w*|bestätigt\w*|teilte\w*"),
    ),
    "en": (
        ("ratify-agreement", r"ratif\w*"), ("sign-agreement", r"sign(?:s|ed|ing)?"),
        ("summon-diplomat", r"summon\w*"), ("host-visit", r"host\w*"), ("visit", r"visit\w*"),
        ("threaten", r"threat\w*"), ("protest-officially", r"protest\w*"), ("impose-sanctions", r"sanction\w*"),
        ("criticize", r"criticiz\w*|criticis\w*|condemn\w*|warn\w*"), ("express-concern", r"concern\w*"),
        ("appeal-for-policy-change", r"call\w* on|urg\w*"), ("provide-military-aid", r"deliver\w*|sent|send\w*"),
        ("make-statement", r"said|say\w*|stated|confirm\w*|announc\w*"),
    ),
}  # fmt: skip

# --- how news text names a country -------------------------------------------
# ISO 3166-1 alpha-3 code -> names and metonyms (capitals, seats of government), which can
# speak for the state ("hieß es aus Seoul"), and adjectives, which only say whose.
COUNTRY_NAMES: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "RUS": {"de": ("Russland", "Moskau", "Kreml"), "en": ("Russia", "Moscow", "Kremlin")},
    "PRK": {"de": ("Nordkorea", "Pjöngjang"), "en": ("North Korea", "Pyongyang", "DPRK")},
    "KOR": {"de": ("Südkorea", "Seoul"), "en": ("South Korea", "Seoul")},
    "USA": {"de": ("USA", "US", "Vereinigte Staaten", "Washington", "Pentagon", "Weiße Haus"),
            "en": ("United States", "US", "U.S.", "Washington", "Pentagon", "White House")},
    "UKR": {"de": ("Ukraine", "Kiew", "Kyjiw"), "en": ("Ukraine", "Kyiv", "Kiev")},
    "DEU": {"de": ("Deutschland", "Berlin", "Bundesregierung", "Bundeswehr"), "en": ("Germany", "Berlin")},
    "GBR": {"de": ("Großbritannien", "London"), "en": ("United Kingdom", "Britain", "UK", "London")},
    "CHN": {"de": ("China", "Peking"), "en": ("China", "Beijing")},
    "JPN": {"de": ("Japan", "Tokio"), "en": ("Japan", "Tokyo")},
    "VNM": {"de": ("Vietnam", "Hanoi"), "en": ("Vietnam", "Hanoi")},
    "IRN": {"de": ("Iran", "Teheran"), "en": ("Iran", "Tehran")},
    "BLR": {"de": ("Belarus", "Minsk"), "en": ("Belarus", "Minsk")},
    "FRA": {"de": ("Frankreich", "Paris"), "en": ("France", "Paris")},
    "POL": {"de": ("Polen", "Warschau"), "en": ("Poland", "Warsaw")},
}  # fmt: skip
COUNTRY_ADJECTIVES: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "RUS": {"de": ("russisch",), "en": ("Russian",)},
    "PRK": {"de": ("nordkoreanisch",), "en": ("North Korean",)},
    "KOR": {"de": ("südkoreanisch",), "en": ("South Korean",)},
    "USA": {"de": ("amerikanisch", "US"), "en": ("American", "US", "U.S.")},
    "UKR": {"de": ("ukrainisch",), "en": ("Ukrainian",)},
    "DEU": {"de": ("deutsch",), "en": ("German",)},
    "GBR": {"de": ("britisch",), "en": ("British",)},
    "CHN": {"de": ("chinesisch",), "en": ("Chinese",)},
    "JPN": {"de": ("japanisch",), "en": ("Japanese",)},
    "VNM": {"de": ("vietnamesisch",), "en": ("Vietnamese",)},
    "IRN": {"de": ("iranisch",), "en": ("Iranian",)},
    "BLR": {"de": ("belarussisch",), "en": ("Belarusian",)},
    "FRA": {"de": ("französisch",), "en": ("French",)},
    "POL": {"de": ("polnisch",), "en": ("Polish",)},
}
