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
    "aug sep sept okt oct nov dez dec mr mrs ms jr sr vs no lt col sgt u.s mt ft maj capt adm brig rep sen "
    "gov pres cmdr gen.".split()
)

# --- how a claim is presented (claim_status), strongest first -----------------
# Regular expressions over the sentence, case-insensitive; the first status with a match wins.
CLAIM_CUES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "de": (
        ("projected", r"\bkönnte(?:n)?\b|\bdürfte(?:n)?\b|\bvoraussichtlich\b|\bgeplant\b|\bplan(?:t|en)\b"
                      r"|\bwerden\b[^.]*\b(?:schicken|entsenden|liefern|verlegen)\b|\bbis (?:Ende|zum|Jahresende)"
                      r"|\bsoll(?:e|en)?\b[^,;]*\b(?!worden\b)\w+ werden\b|\bsoll(?:e|en)?\b[^,;]*\b(?:schicken|entsenden|senden|verlegen)\b|\berwartet\b|\bbereite\w*\b[^,;]*\bvor\b|\bbeschlossen\b[^,;]*\bzu \w+en\b|\bentschieden\b|\bzu (?:schicken|entsenden|verlegen|liefern)\b|\bwill\b[^,;]*\b(?:schicken|entsenden|liefern)\b"),
        ("alleged", r"\bsoll(?:en|te|ten)?\b|\bangeblich\b|\bmutmaßlich\b|\bmutmasslich\b"),
        ("estimated", r"\bschätz\w*|\bschaetz\w*|\bgeschätzt\w*|\bSchätzung\w*"),
        ("assessed", r"\bEinschätzung\w*|\bnach Ansicht\b|\bvermutlich\b|\bwahrscheinlich\b|\bsicherlich\b|\bgeh(?:t|en) davon aus\b|\bging(?:en)? davon aus\b|\bglaub(?:t|en|te|ten)\b"),
        ("confirmed", r"\bbestätigt\w*"),
        ("reported", r"\blaut\b|\bzufolge\b|\bberichte\w*|\bnach Angaben\b|\bsagte\b|\bsagt\b"
                     r"|\bteilt\w*\b[^.]*\bmit\b|\berklärt\w*|\bhieß es\b|\bhiess es\b|\bheißt es\b|\bmeldet\w*"
                     r"|\bschreibt\b|\bschrieb\b"),
    ),
    "en": (
        ("projected", r"\bcould\b|\bmight\b|\bmay\b|\bwill\b|\bexpected to\b|\bplans? to\b|\bplanned\b"
                      r"|\bset to\b|\bby the end of\b|\b(?:is|are) expected\b|\bprepar(?:ing|es) to\b|\bis preparing\b|\bintends? to\b|\bwould\b"),
        ("alleged", r"\ballegedly\b|\balleged\b|\bpurportedly\b|\b(?:is|are|was|were)(?: \w+)? said to\b|\breportedly\b"),
        ("estimated", r"\bestimate[sd]?\b|\bestimating\b"),
        ("assessed", r"\bassess\w*|\bin the view of\b|\bprobably\b|\blikely\b|\bbelieves?\b|\bbelieved\b"),
        ("confirmed", r"\bconfirm(?:s|ed)?\b"),
        ("reported", r"\baccording to\b|\breport(?:s|ed)?\b|\bsaid\b|\btold\b|\bstated\b|\bannounced\b"),
    ),
}  # fmt: skip

# --- troop figures -----------------------------------------------------------
# Stems of nouns that count people under arms (the noun after a number; German compounds
# count: "Elitesoldaten"), and the stronger subset that makes a bare number in the same
# sentence a troop figure ("10.000 sollen es werden").
PERSONNEL_STEMS: Final = {
    "de": ("soldat", "trupp", "mann", "männer", "kämpfer", "militär", "offizier", "rekrut", "söldner",
           "kräfte", "infanterist", "pionier", "reservist", "wehrpflichtig", "experten", "nordkoreaner"),
    "en": ("soldier", "troop", "servicem", "service memb", "personnel", "men", "fighter", "officer",
           "recruit", "mercenar", "force", "reservist", "conscript", "marines", "experts", "north koreans"),
}  # fmt: skip
PERSONNEL_CONTEXT_STEMS: Final = {
    "de": ("soldat", "trupp", "söldner", "streitkräfte", "kämpfer", "nordkoreaner"),
    "en": ("soldier", "troop", "mercenar", "forces", "fighters", "koreans"),
}
CASUALTY_STEMS: Final = {
    "de": ("tote", "gefallen", "verwundet", "verletzt", "opfer", "verlust"),
    "en": ("casualti", "kill", "dead", "wounded", "injured", "loss"),
}
UNIT_STEMS: Final = {
    "de": ("einheit", "bataillon", "brigade", "division", "regiment", "kompanie", "kontingent"),
    "en": ("unit", "battalion", "brigade", "division", "regiment", "compan", "contingent"),
}
# The measure a troop figure's own words signal, in this order (a loss before a plan).
MEASURE_CUES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "de": (
        ("casualties", r"\bgetötet\w*|\bgefallen\w*|\bverwundet\w*|\bverletzt\w*|\bVerlust\w*|\bTote\w*|\bverloren\b|\bverlor\w*|\bums Leben\b"),
        ("planned_deployment", r"\bplan\w*|\bgeplant\w*|\bsoll(?:e|en|te|ten)?\b[^,;]*\b\w+ werden\b|\bsoll(?:e|en|te|ten)?\b[^,;]*\b(?:schicken|entsenden|senden|verlegen)\b|\berwartet\b|\bwerden\b[^,;]*\b(?:schicken|entsenden|senden|verlegen|stationieren)\b"
                               r"|\bwill\b[^,;]*\b(?:schicken|entsenden|senden|verlegen)\b|\bwollen\b[^,;]*\b(?:schicken|entsenden|senden|verlegen)\b|\bbereite\w*\b[^,;]*\bvor\b"
                               r"|\bvorbereit\w*|\bbeabsichtig\w*|\bvorgesehen\b|\bkönnte(?:n)?\b|\bbeschlossen\b[^,;]*\bzu (?:schicken|entsenden|senden|verlegen)|\bzu (?:schicken|entsenden|verlegen)\b|\bentschied\w*|\bentschieden\b|\bzusätzlich\w* \w+ folgen\b|\bfolgen sollen\b"),
        ("active_personnel", r"\bstellt\b|\baktive\w*|\bTruppenstärke\b|\bumfass\w*|\bArmee von\b|\bstehendes? Heer|\bverfügt über\b|\bzählt\b"),
    ),
    "en": (
        ("casualties", r"\bkilled\b|\bwounded\b|\bcasualties\b|\blosses\b|\bdead\b|\binjured\b|\blost\b|\bdied\b"),
        ("planned_deployment", r"\bplan(?:s|ned|ning)?\b|\bexpected\b|\bdecided to\b|\bdecision to\b|\bwill (?:send|deploy|dispatch)\b|\bprepar(?:ing|es|ed) to\b|\bis preparing\b|\bset to\b"
                               r"|\bexpected to\b|\bcould\b|\bintends?\b|\bintended\b|\bto be (?:sent|deployed)\b|\bwould (?:send|deploy)\b|\bready to send\b|\bpledged\b|\bpromised\b"),
        ("active_personnel", r"\bactive\b|\bstanding army\b|\bstrength of\b|\bhas an army of\b|\bfields\b|\bnumbers? some\b"),
    ),
}  # fmt: skip

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
           ("kampfflugzeug", "fighter jets", "weapons"), ("flugzeug", "aircraft", "weapons"),
           ("geschütz", "guns", "weapons"), ("kanone", "guns", "weapons"),
           ("luftabwehr", "air defence systems", "weapons"),
           ("flugabwehr", "air defence systems", "weapons"), ("ausrüstung", "equipment", "weapons_and_equipment"),
           ("militärtechn", "military technology", "military_technology"), ("rüstungstechn", "military technology", "military_technology"),
           ("technik", "military technology", "military_technology"),
           ("technologi", "military technology", "military_technology"), ("waffe", "weapons", "weapons")),
    "en": (("rocket launcher", "rocket launchers", "weapons"), ("artillery shell", "artillery shells", "ammunition"),
           ("shell", "artillery shells", "ammunition"), ("ammunition", "ammunition", "ammunition"),
           ("munition", "munitions", "ammunition"),
           ("cruise missile", "cruise missiles", "weapons"), ("ballistic missile", "ballistic missiles", "weapons"),
           ("missile", "missiles", "weapons"),
           ("rocket", "rockets", "weapons"), ("howitzer", "howitzers", "weapons"), ("tank", "tanks", "weapons"),
           ("drone", "drones", "weapons"), ("artillery", "artillery", "weapons"), ("mortar", "mortars", "weapons"),
           ("rifle", "rifles", "weapons"), ("fighter jet", "fighter jets", "weapons"),
           ("self-propelled gun", "self-propelled guns", "weapons"), ("gun", "guns", "weapons"),
           ("fighter aircraft", "fighter jets", "weapons"), ("aircraft", "aircraft", "weapons"),
           ("air defence", "air defence systems", "weapons"), ("air-defence", "air defence systems", "weapons"),
           ("air defense", "air defence systems", "weapons"), ("equipment", "equipment", "weapons_and_equipment"),
           ("technolog", "military technology", "military_technology"), ("weapon", "weapons", "weapons"),
           ("arms", "arms", "weapons")),
}  # fmt: skip
# A sentence names a transfer only with one of these (a "Waffenlieferung" has "liefer" inside).
TRANSFER_CUES: Final = {
    "de": r"liefer|erhalt|erhielt|geschickt|schickt|export|bekomm|bekam|kauf|bezieh|bezog|versorg|übergeb|übergab|überlass|überließ|eintreff|eingetroffen|hofft|erhofft|\btrifft\b[^.]*\bein\b|ankomm|unterstütz\w*\b[^.]*\bmit\b",
    "en": r"deliver|suppl|ship|\bsent\b|\bsend|transfer|provid|receiv|export|\bsell|\bsold\b|\bbought\b|\bbuy|hand(?:ed|ing|s)? over|arriv|hopes? for|\bseeks?\b|\bpass(?:ed|es|ing)?\b[^.]*\bto\b",
}
# Words that make a clause about supplies something other than a transfer: a policy considered
# or reviewed (an action), a condition or a threat, a law, a request for a decision.
NOT_A_TRANSFER: Final = {
    "de": r"\bwären\b|\bwürde[n]?\b|\berwäg\w*|\büberdenk\w*|\bdenkt\b[^.]*\bnach\b|\bschlie(?:ß|ss)\w*\b[^.]*\baus\b|\bim Fall\w*\b|\bfalls\b|\bGesetz\w*|\bverbiet\w*|\bprüf(?:t|en)\b|\bDebatte\b|\bdroht\w*|\bforder\w*|\baufgerufen\b|\bwarn\w*",
    "en": r"\bwould\b|\bconsider\w*|\breconsider\w*|\brul\w* out\b|\breview\w*|\bweigh\w*|\bif\b|\bin case\b|\blaw\b|\bban\w*\b|\bprohibit\w*|\bdebate\w*|\bthreat\w*|\bwarn\w*|\burg\w*|\bcall\w* on\b|\bdemand\w*",
}
# Kinds of actor that take part in a transfer (a newspaper that saw the data does not).
PARTY_KINDS: Final = frozenset({"state", "country", "adjective", "armed_force", "person", "government_body"})
# Words that join two clauses of one sentence; a figure's measure is read from its own.
CLAUSE_JOINS: Final = {
    "de": r"\s(?:und|oder|aber|sowie|während|nachdem|bevor|weil|falls|wenn)\s",
    "en": r"\s(?:and|or|but|while|after|before|because|if|unless)\s",
}
# Words the extractor may take for a quantity's unit that name no unit ("3,000 more").
NOT_UNITS: Final = frozenset(
    {"more", "additional", "extra", "others", "other", "of", "weitere", "mehr", "zusätzliche"}
)
# Adjectives the extractor may take for a quantity's unit, the noun following them ("active personnel").
ADJECTIVE_UNITS: Final = frozenset(
    {"active", "regular", "reserve", "combat", "elite", "ground", "aktive", "aktiven"}
)
NOT_MATERIEL: Final = ("waffenstillstand", "waffenruhe", "ceasefire", "armstrong", "tanker", "crew", "artillerist",
                        "besatzung", "gunner")  # fmt: skip
STAGE_CUES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "de": (
        ("not_delivered", r"\bnicht geliefert\b|\bblieben?\b[^.]*\baus\b|\bkeine\b[^.]*\bliefer"),
        (
            "speculated",
            r"\bgemutmaßt\b|\bgemutmasst\b|\bspekul\w*|\bein Thema\b|\bnie\b[^.]*\bbestätigt|\bunbestätigt\w*|\bGerücht\w*",
        ),
        (
            "sought",
            r"\bfordert\w*|\bwünscht\w*|\bsucht\w*|\bbitte\w*|\bwill\b|\bwollen\b|\bhofft\w*|\berhofft\w*",
        ),
        (
            "delivered",
            r"\bgeliefert\b|\berhalten\b|\berhielt\w*|\blieferte\w*|\bgeschickt\b|\bbekommen\b|\bübergeben\b|\bbekam\w*"
            r"|\beingetroffen\b",
        ),
        ("ongoing", r"\bweiterhin\b|\bnach wie vor\b|\bliefert\b|\bliefern\b|\bfortlaufend\w*|\blaufend\w*"),
    ),
    "en": (
        ("not_delivered", r"\bnot (?:been )?(?:delivered|supplied|sent)\b|\bno\b[^.]*\bdeliver"),
        (
            "speculated",
            r"\bspeculat\w*|\bunconfirmed\b|\brumou?r\w*|\bnever (?:been )?confirmed\b|^Whether\b|\bis unclear\b|\bsuspect\w*",
        ),
        ("sought", r"\bseeks?\b|\bsought\b|\bwants?\b|\basked for\b|\brequest\w*|\bhopes? for\b"),
        (
            "delivered",
            r"\bdelivered\b|\bsupplied\b|\breceived\b|\bshipped\b|\bsent\b|\bprovided\b|\btransferred\b|\bhanded over\b"
            r"|\bha(?:s|ve|d) passed\b|\barrived\b",
        ),
        ("ongoing", r"\bcontinu\w*|\bkeeps?\b|\bongoing\b|\bsupplies\b|\bdelivers\b|\bships\b"),
    ),
}
SUPPLIER_PREPOSITIONS: Final = {"de": ("aus", "von"), "en": ("from", "by")}
RECIPIENT_PREPOSITIONS: Final = {"de": ("an", "nach", "für"), "en": ("to", "for")}
RECEIVING_VERBS: Final = {"de": r"\berh(?:alten|ielt\w*)\b|\bbekommen\b|\bbekam\b", "en": r"\breceiv\w*"}
# Prepositions that open a phrase of place ("an die Grenze Polens", "in the Kursk region of
# Russia"): a country named in it is where a force is, not whose.
PLACE_PREPOSITIONS: Final = {
    "de": frozenset("nach in im an am gegen zu zur zum bei vor hinter über auf entlang nahe".split()),
    "en": frozenset("to into in at near against toward towards on along across inside within".split()),
}
# Prepositions before a place a force is sent to: that country is where, not whose.
DESTINATION_PREPOSITIONS: Final = {"de": ("nach", "in", "an", "gegen"), "en": ("to", "into", "in", "against")}

# --- dated actions ---------------------------------------------------------------
# Verb patterns (regular expressions) and the action type each suggests, if the vocabulary has
# it; the first in a clause wins. A bare "sagte"/"said" is how a claim is reported, not an action.
ACTION_VERBS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "de": (
        ("deny", r"dementier\w*|bestr(?:eit|itt)\w*|(?:wies|weis(?:t|en))\w*\b[^.;:]{0,40}?\b(?:Bericht|Vorw|Anschuldig|Behauptung|Darstellung|das\b|dies\b)\w*[^.;:]{0,100}?\bzurück"
                 r"|zurückgewiesen|leugne\w*|als (?:\w+ )?(?:Lüge|Falschmeldung|Propaganda)\w*"),
        ("reject", r"lehnt\w* \w+ (?:\w+ )?ab|abgelehnt|schlo(?:ss|ß)\w* \w+ (?:\w+ )?aus|ausgeschlossen|(?:wies|weis(?:t|en))\w*\b[^.;:]{0,160}?\bzurück"),
        ("ratify-agreement", r"ratifi\w*"), ("sign-agreement", r"unterzeichn\w*|unterschrieb\w*|unterschrieben"),
        ("summon-diplomat", r"einbestellt\w*|einbestell\w*|bestellte\w*(?: \w+){1,6} ein"),
        ("discuss-by-telephone", r"telefonier\w*|Telefonat\w*|Telefongespräch\w*|telefonisch"),
        ("negotiate", r"verhandel\w*|Verhandlung\w*"),
        ("consult", r"traf(?:en)?|getroffen|trifft|treffen|Treffen|berieten|beraten|Gespräch\w*|Konsultation\w*|sprach\w* mit"),
        ("host-visit", r"empfing\w*|empfangen\w*"),
        ("visit", r"besucht\w*|besuchte\w*|Besuch\w*|reiste\w*|h(?:ä|a)lt sich\b[^.,;:]{0,40}?\bauf|hielt\w* sich\b[^.,;:]{0,40}?\bauf|traf\w*\b[^.,;:]{0,40}?\bein"),
        ("threaten", r"droht\w*|drohte\w*|Gegenmaßnahmen|Vergeltung\w*|kündigt\w*\b[^.,;]{0,40}?\bReaktion|Reaktion\w* angekündigt|reagieren werde\w*|werde\w*\b[^.,;:]{0,50}?\breagieren|Konsequenzen"),
        ("protest-officially", r"protest\w*"),
        ("impose-sanctions", r"sanktionier\w*|verhängt\w*\b[^.,;]{0,40}\bSanktion\w*|Sanktion\w*\b[^.,;]{0,40}\bverhängt\w*"), ("criticize", r"kritisier\w*|verurteil\w*|warnt\w*|warnte\w*"),
        ("express-concern", r"besorgt\w*|Besorgnis geäußert|äußert\w*\b[^.,;]{0,30}\bSorge\w*"),
        ("appeal-for-policy-change", r"aufgerufen|ruft\w* \w+ auf|rief\w* \w+ (?:\w+ )?auf|forder\w*"),
        ("consider-policy-option", r"erwäg\w*|überdenk\w*|denkt \w+ (?:\w+ )?nach|prüf(?:t|en)\b|schlie(?:ß|ss)\w*\b[^.,;:]{0,60}?\bnicht (?:mehr )?aus"),
        ("express-intent-military-aid", r"zugesagt|sagte\w* \w+ (?:\w+ )?zu|angekündigt, \w+ zu (?:schicken|entsenden|liefern)"),
        ("make-statement", r"bestätigt\w*"),
    ),
    "en": (
        ("deny", r"den(?:y|ies|ied|ying)|denial|dismiss\w* (?:the |these |all )?(?:\w+ )?(?:accusations?|claims?|reports?|allegations?)"
                 r"|reject\w* (?:the |these |all )?(?:\w+ )?(?:accusations?|claims?|reports?|allegations?)"),
        ("reject", r"reject\w*|ruled? out|refuse[sd]?|refusing"),
        ("ratify-agreement", r"ratif\w*|signed (?:\w+ )?into law"), ("sign-agreement", r"sign(?:s|ed|ing)?"),
        ("summon-diplomat", r"summon\w*"),
        ("discuss-by-telephone", r"(?:phone|telephone) (?:call|conversation)s?|by (?:tele)?phone|phoned|telephoned"),
        ("negotiate", r"negotiat\w*"),
        ("consult", r"(?<!be )(?<!been )met|meet(?:s|ing)?|talks|held talks|consult\w*|conferred"),
        ("host-visit", r"host\w*|welcomed"), ("visit", r"visit\w*|travel(?:l)?ed to|trip to|arrived in"),
        ("threaten", r"threaten\w*|retaliat\w*|countermeasures|vow\w* to respond|response|would respond|will respond|consequences"
                     r"|warn\w*\b[^.]{0,120}\b(?:would|will) (?:be met with|face|pay)|(?:would|will) be met with|(?:would|will) face"
                     r"|(?:would|will) (?:bring|mean|trigger|draw) (?:\w+ )?sanctions|warn\w*\b[^.]{0,150}\bif\b"),
        ("protest-officially", r"protest\w*"), ("impose-sanctions", r"sanctioned|impos\w*\b[^.,;]{0,30}\bsanctions"),
        ("criticize", r"criticiz\w*|criticis\w*|condemn\w*|denounc\w*|warn\w*"), ("express-concern", r"expressed (?:\w+ )?concern|voiced (?:\w+ )?concern|(?:is|was|were|are) concerned"),
        ("appeal-for-policy-change", r"call\w* on|urg\w*|demand\w*"),
        ("consider-policy-option", r"consider\w*|reconsider\w*|weigh\w*|review\w*|no longer rul\w* out|not rul\w* out|does not rule out"),
        ("express-intent-military-aid", r"pledg\w*|promis\w*"),
        ("make-statement", r"confirm\w*"),
    ),
}  # fmt: skip
# Actions that are speech: the actor is who speaks, and the claim is the actor's own.
SPEECH_ACTS: Final = frozenset({
    "make-statement", "express-concern", "criticize", "threaten", "appeal-for-policy-change",
    "appeal-for-military-aid", "deny", "reject", "consider-policy-option", "express-intent-military-aid",
    "protest-officially",
})  # fmt: skip
# Actions two parties take together, recorded once in each direction (as the vocabulary's
# definition of a signing says); talks are recorded once, with the party the text puts first.
RECIPROCAL: Final = frozenset({"sign-agreement"})
# Prepositions before the party an action is towards ("mit Moskau", "gegen Russland", "with Kim").
TARGET_PREPOSITIONS: Final = {
    "de": frozenset("mit gegen bei an nach gegenüber".split()),
    "en": frozenset("with against to on at".split()),
}

# --- how news text names a country -------------------------------------------
# ISO 3166-1 alpha-3 code -> names and metonyms (capitals, seats of government), which can
# speak for the state ("hieß es aus Seoul"), and adjectives, which only say whose.
COUNTRY_NAMES: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "RUS": {"de": ("Russland", "Moskau", "Kreml"), "en": ("Russia", "Moscow", "Kremlin")},
    "PRK": {"de": ("Nordkorea", "Pjöngjang"), "en": ("North Korea", "Pyongyang", "DPRK", "the North")},
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
    "AUT": {"de": ("Österreich", "Wien"), "en": ("Austria", "Vienna")},
    "CHE": {"de": ("Schweiz", "Bern"), "en": ("Switzerland", "Bern")},
    "ITA": {"de": ("Italien", "Rom"), "en": ("Italy", "Rome")},
    "NLD": {"de": ("Niederlande", "Den Haag"), "en": ("Netherlands", "The Hague")},
    "TUR": {"de": ("Türkei", "Ankara"), "en": ("Turkey", "Türkiye", "Ankara")},
    "ISR": {"de": ("Israel",), "en": ("Israel",)},
    "SYR": {"de": ("Syrien", "Damaskus"), "en": ("Syria", "Damascus")},
    "HUN": {"de": ("Ungarn", "Budapest"), "en": ("Hungary", "Budapest")},
    "FIN": {"de": ("Finnland", "Helsinki"), "en": ("Finland", "Helsinki")},
    "SWE": {"de": ("Schweden", "Stockholm"), "en": ("Sweden", "Stockholm")},
    "NOR": {"de": ("Norwegen", "Oslo"), "en": ("Norway", "Oslo")},
    "CAN": {"de": ("Kanada", "Ottawa"), "en": ("Canada", "Ottawa")},
    "IND": {"de": ("Indien", "Neu-Delhi"), "en": ("India", "New Delhi")},
    "KAZ": {"de": ("Kasachstan",), "en": ("Kazakhstan",)},
    "MNG": {"de": ("Mongolei",), "en": ("Mongolia",)},
    "EST": {"de": ("Estland", "Tallinn"), "en": ("Estonia", "Tallinn")},
    "LTU": {"de": ("Litauen", "Vilnius"), "en": ("Lithuania", "Vilnius")},
    "LVA": {"de": ("Lettland", "Riga"), "en": ("Latvia", "Riga")},
    "CZE": {"de": ("Tschechien", "Prag"), "en": ("Czech Republic", "Czechia", "Prague")},
    "ROU": {"de": ("Rumänien", "Bukarest"), "en": ("Romania", "Bucharest")},
    "MDA": {"de": ("Moldau", "Moldawien", "Chisinau"), "en": ("Moldova", "Chisinau")},
    "GEO": {"de": ("Georgien", "Tiflis"), "en": ("Georgia", "Tbilisi")},
    "AUS": {"de": ("Australien", "Canberra"), "en": ("Australia", "Canberra")},
    "TWN": {"de": ("Taiwan", "Taipeh"), "en": ("Taiwan", "Taipei")},
}  # fmt: skip
COUNTRY_ADJECTIVES: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "RUS": {"de": ("russisch",), "en": ("Russian",)},
    "PRK": {"de": ("nordkoreanisch", "Nordkoreaner"), "en": ("North Korean",)},
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
    "AUT": {"de": ("österreichisch",), "en": ("Austrian",)},
    "CHE": {"de": ("schweizerisch",), "en": ("Swiss",)},
    "ITA": {"de": ("italienisch",), "en": ("Italian",)},
    "NLD": {"de": ("niederländisch",), "en": ("Dutch",)},
    "TUR": {"de": ("türkisch",), "en": ("Turkish",)},
    "ISR": {"de": ("israelisch",), "en": ("Israeli",)},
    "SYR": {"de": ("syrisch",), "en": ("Syrian",)},
    "HUN": {"de": ("ungarisch",), "en": ("Hungarian",)},
    "FIN": {"de": ("finnisch",), "en": ("Finnish",)},
    "SWE": {"de": ("schwedisch",), "en": ("Swedish",)},
    "NOR": {"de": ("norwegisch",), "en": ("Norwegian",)},
    "CAN": {"de": ("kanadisch",), "en": ("Canadian",)},
    "IND": {"de": ("indisch",), "en": ("Indian",)},
    "KAZ": {"de": ("kasachisch",), "en": ("Kazakh",)},
    "MNG": {"de": ("mongolisch",), "en": ("Mongolian",)},
    "EST": {"de": ("estnisch",), "en": ("Estonian",)},
    "LTU": {"de": ("litauisch",), "en": ("Lithuanian",)},
    "LVA": {"de": ("lettisch",), "en": ("Latvian",)},
    "CZE": {"de": ("tschechisch",), "en": ("Czech",)},
    "ROU": {"de": ("rumänisch",), "en": ("Romanian",)},
    "MDA": {"de": ("moldauisch",), "en": ("Moldovan",)},
    "GEO": {"de": ("georgisch",), "en": ("Georgian",)},
    "AUS": {"de": ("australisch",), "en": ("Australian",)},
    "TWN": {"de": ("taiwanisch",), "en": ("Taiwanese",)},
}

# --- troops without a number -------------------------------------------------------
# Verbs that move, station or expect troops: with a personnel noun that says whose ("weitere
# Truppen aus Nordkorea würden erwartet", "North Korean troops had been deployed"), a clause
# without a number still makes a (vague) troop figure.
DEPLOYMENT_VERBS: Final = {
    "de": r"\b(?:verlegt\w*|entsandt\w*|entsende\w*|geschickt|schick\w*|stationiert\w*|im Einsatz|eingesetzt\w*|kämpf\w*"
          r"|erwartet\w*|folgen|gebracht|zusammengezogen|ausgebildet|trainier\w*)\b"
          r"|\bbereite\w*\b[^.,;]*\b(?:Entsendung|Verlegung)\b",
    "en": r"\b(?:deployed|deploy\w*|sent|send\w*|stationed|dispatched|fighting|arrived|moved|expected|follow\w*"
          r"|transferred|ferried|trained|training)\b|\bprepar\w* (?:the |a )?(?:deployment|dispatch)\b",
}  # fmt: skip
VAGUE_QUANTIFIERS: Final = {
    "de": r"\b(?:weitere\w*|zusätzliche\w*|mehr)\b",
    "en": r"\b(?:more|further|additional)\b",
}

# International organisations news text names, with the id a draft proposes when the actors
# vocabulary lacks them (the vocabulary's "nato-allies" are the member states, not the alliance).
ORGANISATIONS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "nato": {"de": ("Nato", "NATO"), "en": ("NATO", "Nato")},
    "eu": {"de": ("EU", "Europäische Union"), "en": ("EU", "European Union")},
    "un": {"de": ("Vereinte Nationen", "UN", "Uno"), "en": ("United Nations", "UN")},
}
ORGANISATION_NAMES: Final = {"nato": "NATO", "eu": "European Union", "un": "United Nations"}
