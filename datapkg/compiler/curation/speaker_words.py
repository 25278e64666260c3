# ruff: noqa: E501  (word lists read better one group a line)
"""Words that say who makes a claim: reporting cues with the claim status each signals, and
the head nouns of speakers the vocabulary may lack ("Japan's defence ministry", "des
japanischen Verteidigungsministeriums"), with the kind of actor each names."""

from __future__ import annotations

from typing import Final

# Reporting cues, as regular expressions over a clause (case-insensitive). ``after``: the
# speaker follows the cue ("laut X", "according to X"); ``before``: it precedes it ("X
# zufolge"); ``verb``: the speaker is the subject of the cue's clause, before or after it
# ("X sagte", "sagte X", "X said", "X hatte am Montag erklärt"). Each cue carries the status
# of a claim it introduces when the claim's own words signal none; "denied" marks what a speaker
# denies ("The Kremlin denied that …"), which is the denial's content, not a claim to draft.
REPORT_CUES: Final[dict[str, tuple[tuple[str, str, str], ...]]] = {
    "de": (
        ("self", "reported", r"\bnach eigenen Angaben\b|\beigenen Angaben zufolge\b"),
        ("after", "reported", r"\bhie(?:ß|ss) es (?:\w+ )?aus\b|\bhei(?:ß|ss)t es (?:\w+ )?aus\b|\bverlautete (?:\w+ )?aus\b"),
        ("after", "reported", r"\blaut\b|\bnach (?:\w+ )?(?:Angaben|Erkenntnissen|Informationen|Berichten|Bericht)\b|\bwie aus\b"),
        ("after", "assessed", r"\bnach Einschätzung\b|\bnach Ansicht\b|\bnach Auffassung\b"),
        ("before", "reported", r"\bzufolge\b"),
        ("anaphor", "reported", r"\bdemnach\b|\bdemzufolge\b|\bso heißt es\b|\bhieß es weiter\b"),
        ("anaphor", "estimated", r"\bnach (?:seiner|ihrer|dessen|deren) Schätzung\b"),
        ("before", "reported", r"\b(?:Index|Ranking|Rangliste|Bericht|Studie)\b"),
        ("verb", "estimated", r"\bschätz(?:t|te|ten|en)\b|\bgeschätzt\b"),
        ("verb", "projected", r"\brechne(?:t|te|n|ten)? damit\b|\berwarte(?:t|te|n|ten)\b"),
        ("verb", "assessed", r"\bgeh(?:t|en) davon aus\b|\bging(?:en)? davon aus\b|\bglaub(?:t|en|te|ten)\b|\bvermute(?:t|n|te|ten)\b|\bhält es für\b|\bnimmt an\b|\bnehmen an\b"),
        ("verb", "confirmed", r"\bbestätig(?:t|te|ten|en)\b"),
        ("verb", "denied", r"\bdementi\w*|\bbestr(?:eit|itt)\w*|\bleugne\w*|\bzurückgewiesen\b|\b(?:wies|weis(?:t|en))\b[^.;:]{0,60}?\bzurück\b"),
        ("place", "projected", r"\b[Ii]n [A-ZÄÖÜ]\w+ (?:rechnet|erwartet|befürchtet) man\b"),
        ("place", "assessed", r"\b[Ii]n [A-ZÄÖÜ]\w+ (?:geht|hält|vermutet|glaubt) man\b"),
        ("verb", "reported", r"\bsag(?:t|te|ten)\b|\bgesagt\b|\berklär(?:t|te|ten)\b|\bteil(?:t|te|ten)\b[^,.;]*?\bmit\b|\bmitgeteilt\b"
                             r"|\bberichte(?:t|te|ten)?\b|\bberichtet\b|\bmelde(?:t|te|ten)\b|\bgemeldet\b|\bhieß es\b|\bhiess es\b|\bheißt es\b"
                             r"|\bbetont(?:e|en)?\b|\bwarnt(?:e|en)?\b|\bkündigt(?:e|en)?\b[^,.;]*?\ban\b|\bangekündigt\b|\bschrieb\b|\bschreibt\b"
                             r"|\bsprach\b|\bbehauptet(?:e|en)?\b|\bbeziffer(?:t|te|ten|n)\b|\bnannte\b|\bverkündet(?:e|en)?\b|\bversicher(?:t|te|ten)\b|\bräumt(?:e|en)?\b[^,.;]*?\bein\b"),
        ("verb", "reported", r"(?<=, )so\b(?= [A-ZÄÖÜ]| der\b| die\b| das\b)"),
    ),
    "en": (
        ("self", "reported", r"\bby (?:his|her|its|their) own account\b|\baccording to (?:himself|herself|itself)\b"),
        ("after", "reported", r"\baccording to\b|\bcited by\b|\bquoted by\b"),
        ("place", "projected", r"\b[Ii]n [A-Z]\w+,? (?:officials|analysts) expect\b"),
        ("before", "reported", r"(?<=['’]s) count\b"),
        ("after", "assessed", r"\bin the (?:view|assessment|estimation) of\b"),
        ("anaphor", "reported", r"\baccording to (?:it|them|the report|the statement)\b"),
        ("anaphor", "estimated", r"\bby (?:its|their|his|her) (?:own )?estimates?\b"),
        ("anaphor", "reported", r"\bby (?:its|their|his|her) (?:own )?(?:count|account)\b"),
        ("verb", "estimated", r"\bputs? (?:the|its|their) (?:\w+ ){0,3}at\b"),
        ("before", "reported", r"\b(?:index|ranking|report|study|survey)\b"),
        ("verb", "estimated", r"\bestimate[sd]?\b|\bestimating\b"),
        ("verb", "assessed", r"\bbelieves?\b|\bbelieved\b|\bassess(?:es|ed)?\b|\bthinks?\b|\bsuspects?\b|\bsuspected\b"),
        ("verb", "projected", r"\bexpects?\b|\bforecasts?\b|\bpredicts?\b"),
        ("verb", "reported", r"\bemphasi[sz]ed\b|\bstressed\b|\binsisted\b|\bclaimed\b"),
        ("verb", "confirmed", r"\bconfirm(?:s|ed)?\b"),
        ("verb", "denied", r"\bden(?:y|ies|ied)\b|\bdismiss(?:es|ed)?\b|\brejects? (?:the )?(?:claims?|reports?|accusations?)\b"),
        ("verb", "alleged", r"\bclaim(?:s|ed)?\b|\balleged\b"),
        ("verb", "reported", r"\bsaid\b(?! to\b)|\bsays\b|\bsay\b|\btold\b|\bstated\b|\bannounced\b|\breported\b|\breports\b|\badded\b"
                             r"|\bwarned\b|\bwarns\b|\bnoted\b|\bdisclosed\b|\brevealed\b|\bbriefed\b|\bwrote\b"),
    ),
}  # fmt: skip

# Head nouns of speakers, as regular expressions over one word (German compounds end in the
# head: "Verteidigungsministerium"), with the kind of actor, the English head for a proposed
# name and id.
SPEAKER_HEADS: Final[dict[str, tuple[tuple[str, str, str], ...]]] = {
    "de": (
        (r"verteidigungsminister(?:ium|iums)", "government_body", "defence ministry"),
        (r"au(?:ß|ss)enminister(?:ium|iums)", "government_body", "foreign ministry"),
        (r"\w*minister(?:ium|iums)", "government_body", "ministry"),
        (r"\w*(?:geheim|nachrichten)dienst(?:e?s)?|spionagebehörde", "intelligence_agency", "intelligence service"),
        (r"\w*agentur", "media", "news agency"),
        (r"\w*(?:zeitung|sender|magazin|fernsehen|rundfunk)s?", "media", "media outlet"),
        (r"generalstab(?:s|es)?|oberkommando(?:s)?", "armed_force", "general staff"),
        (r"armee|streitkräfte(?:n)?|militär(?:s)?", "armed_force", "armed forces"),
        (r"präsidialamt(?:s|es)?", "government_body", "presidential office"),
        (r"regierung|amt(?:s|es)?", "government_body", "government"),
        (r"botschaft", "government_body", "embassy"),
        (r"grenzschutz(?:es)?|grenzschützer|grenzwache", "government_body", "border guard"),
        (r"parlament(?:s)?|duma|nationalversammlung", "legislature", "parliament"),
        (r"institut(?:s|es)?|denkfabrik", "research_organisation", "institute"),
        (r"bündnis(?:ses)?|allianz", "international_organisation", "alliance"),
    ),
    "en": (
        (r"ministry|ministries|department", "government_body", "ministry"),
        (r"intelligence|spy", "intelligence_agency", "intelligence service"),
        (r"agency", "media", "news agency"),
        (r"newspaper|broadcaster|magazine|daily", "media", "media outlet"),
        (r"staff|command", "armed_force", "general staff"),
        (r"army|military|forces", "armed_force", "armed forces"),
        (r"presidential", "government_body", "presidential office"),
        (r"government|office|cabinet|administration", "government_body", "government"),
        (r"embassy", "government_body", "embassy"),
        (r"guard", "government_body", "border guard"),
        (r"parliament|assembly|duma", "legislature", "parliament"),
        (r"institute|think[- ]tank", "research_organisation", "institute"),
        (r"alliance", "international_organisation", "alliance"),
    ),
}  # fmt: skip
# Modifiers that make an English head more specific ("defence ministry", "news agency").
EN_HEAD_MODIFIERS: Final = {
    "defence": "defence", "defense": "defence", "foreign": "foreign", "state": "state",
    "news": "news", "national": "national", "intelligence": "intelligence", "general": "general",
    "military": "military", "security": "security", "border": "border", "presidential": "presidential",
}  # fmt: skip

# Nouns for one person or a group that speaks for an institution ("ein Sprecher", "a spokesman",
# "officials"): the claim is the institution's, named in the phrase or before.
SPOKESPEOPLE: Final = {
    "de": r"sprecher(?:in)?|beamte[rn]?|beamtin|vertreter(?:in)?|regierungskreise(?:n)?|kreise(?:n)?|offizielle[rn]?|diplomat(?:en)?",
    "en": r"spokes(?:man|woman|person)|officials?|representatives?|sources|diplomats?|aides?",
}
# The singular ones speak for the institution named before ("A spokesman added"); a plural
# ("Western officials") is a group of its own.
ONE_SPOKESPERSON: Final = {"de": r"sprecher(?:in)?", "en": r"spokes(?:man|woman|person)"}
# Titles before a person's name ("Verteidigungsminister Boris Pistorius", "Defence Minister ...").
PERSON_TITLES: Final = {
    "de": r"[\w-]*(?:minister(?:in)?|präsident(?:in|en)?|kanzler(?:in)?|sprecher(?:in)?|general|botschafter(?:in|s)?|chef(?:in)?|berater(?:in)?|diktator|machthaber|staatschef|amtskolleg(?:e|en|in)|sekretär(?:in)?|beauftragte[rn]?|abgeordnete[rn]?|expert(?:e|in|en)|analyst(?:in)?|politikwissenschaftler(?:in)?)",
    "en": r"(?:minister|president|secretary|chancellor|spokes(?:man|woman|person)|general|ambassador|chief|adviser|advisor|leader|envoy|premier|director|counterpart|representative|senator|congress(?:man|woman)|lawmaker|chairman|chair|commander|sir|dame|lord|analyst|expert|researcher)",
}
# Words that open a speaker's phrase and are not part of its name.
ARTICLES: Final = frozenset(
    "der die das des dem den ein eine einer eines einem einen the a an its their his her".split()
)

# Buildings that news text names for the institution in them, with its kind and English name.
SEATS: Final = {
    "Pentagon": ("government_body", "defence department"),
}

# Titles as the actors vocabulary's roles say them in English: "der russische Präsident" is the
# person of that country whose role names a president.
TITLE_ROLES: Final = {
    "präsident": "president", "president": "president", "staatschef": "president",
    "kanzler": "chancellor", "chancellor": "chancellor",
    "außenminister": "foreign minister", "aussenminister": "foreign minister", "foreign minister": "foreign minister",
    "verteidigungsminister": "defense", "defence minister": "defense", "defense minister": "defense",
    "diktator": "leader", "machthaber": "leader", "leader": "leader", "dictator": "leader",
}  # fmt: skip

# Prepositions: a country after one is a place or a counterpart, not the subject of a sentence.
PREPOSITIONS: Final = {
    "de": frozenset("an auf aus bei für gegen gegenüber in im mit nach über um von vor zu zum zur".split()),
    "en": frozenset("about at against by for from in into of on over to towards with".split()),
}

# Pronouns that stand for the speaker named before ("She expects …", "Er sagte …"), and relatives
# that stand for the phrase before them ("The Pentagon, which believes …").
PRONOUNS: Final = {"de": frozenset("er sie".split()), "en": frozenset("he she they".split())}
RELATIVES: Final = {
    "de": frozenset("der die das welcher welche welches".split()),
    "en": frozenset("which who that".split()),
}
