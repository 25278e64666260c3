"""The actor and action vocabularies: codes as in the CAMEO reference, and no
entry that nothing uses."""

from __future__ import annotations

import datapkg
from datapkg._names import FACT_TABLES

# CAMEO code -> (label, Goldstein, quad class, PLOVER category) from the reference: GDELT's
# CAMEO event-code lookup and Goldstein table, and PLOVER's CAMEO-to-PLOVER table.
CAMEO = {
    "010": ("Make statement, not specified below", 0.0, 1, None),
    "012": ("Make pessimistic comment", -0.4, 1, None),
    "014": ("Consider policy option", 0.0, 1, None),
    "016": ("Deny responsibility", -2.0, 1, None),
    "0232": ("Appeal for military aid", 3.4, 1, "REQUEST"),
    "0242": ("Appeal for policy change", -0.3, 1, "REQUEST"),
    "0332": ("Express intent to provide military aid", 5.2, 1, "AGREE"),
    "040": ("Consult, not specified below", 1.0, 1, "CONSULT"),
    "041": ("Discuss by telephone", 1.0, 1, "CONSULT"),
    "042": ("Make a visit", 1.9, 1, "CONSULT"),
    "043": ("Host a visit", 2.8, 1, "CONSULT"),
    "046": ("Engage in negotiation", 7.0, 1, "CONSULT"),
    "057": ("Sign formal agreement", 8.0, 1, "SUPPORT"),
    "072": ("Provide military aid", 8.3, 2, "AID"),
    "110": ("Disapprove, not specified below", -2.0, 3, "ACCUSE"),
    "111": ("Criticize or denounce", -2.0, 3, "ACCUSE"),
    "114": ("Complain officially", -2.0, 3, "ACCUSE"),
    "120": ("Reject, not specified below", -4.0, 3, "REJECT"),
    "130": ("Threaten, not specified below", -4.4, 3, "THREATEN"),
    "163": ("Impose embargo, boycott, or sanctions", -8.0, 4, "SANCTION"),
    "190": ("Use conventional military force, not specified below", -10.0, 4, "ASSAULT"),
}


def test_action_types_match_the_cameo_reference() -> None:
    action_types = datapkg.load("action_types")
    assert set(CAMEO) <= set(action_types["cameo_code"].astype(str))
    for r in action_types.itertuples():
        if r.cameo_code not in CAMEO:
            continue  # a code added with a later source: checked by the quad-class rule below
        label, goldstein, quad, plover = CAMEO[r.cameo_code]
        plover_category = (
            None if r.plover_category is None or str(r.plover_category) == "nan" else r.plover_category
        )
        assert (r.cameo_label, r.goldstein, r.quad_class, plover_category) == (
            label,
            goldstein,
            quad,
            plover,
        ), r.id


def test_quad_class_follows_the_cameo_root_code() -> None:
    for r in datapkg.load("action_types").itertuples():
        root = int(r.cameo_code[:2])
        expected = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
        assert r.quad_class == expected, r.id


def test_every_vocabulary_entry_is_used() -> None:
    used_actors: set[str] = set()
    for table in FACT_TABLES:
        frame = datapkg.load(table)
        for column in (
            "force",
            "country",
            "relative_to",
            "supplier",
            "recipient",
            "actor",
            "target",
            "attributed_to",
        ):
            if column in frame:
                used_actors |= set(frame[column].dropna().astype(str))
    assert set(datapkg.load("actors")["id"]) == used_actors


def test_every_action_type_is_used_or_proposed_by_the_drafts() -> None:
    """An action type no record uses yet is kept when the drafts can propose it in every
    language they read, German and English (a type for what articles report before the data
    hold one); the drafts propose no type the vocabulary lacks."""
    from datapkg.compiler.curation.lexicon import ACTION_VERBS

    types = set(datapkg.load("action_types")["id"])
    used = set(datapkg.load("diplomatic_actions")["action_type"].astype(str))
    proposed = {lang: {type_id for type_id, _ in verbs} for lang, verbs in ACTION_VERBS.items()}
    assert set(proposed) == {"de", "en"}
    assert sorted(types - used - (proposed["de"] & proposed["en"])) == []
    assert {lang: sorted(ids - types) for lang, ids in proposed.items()} == {"de": [], "en": []}


def test_actor_codes_use_iso_alpha3_not_fips() -> None:
    actors = datapkg.load("actors").set_index("id")
    assert actors.loc["prk", "country"] == "PRK" and actors.loc["kor", "country"] == "KOR"
    assert actors.loc["kor-nis", "cameo_code"] == "KORSPY"
    assert actors.loc["nato-allies", "cameo_code"] == "WST"
    # A country's code, an intergovernmental organisation (IGO) or a region such as the West (WST).
    assert actors["cameo_code"].astype(str).str[:3].isin(["IGO", "WST", *actors["country"].dropna()]).all()
