"""How often the drafts are right: the measure of ``tests/draft_accuracy.py`` over every article
with curated records, printed for the reader of the test run (``pytest -s``), and held to the
level reached so that a change to the draft writer cannot lose ground unnoticed.

The articles written for the tests are news reports of the kind add-source meets; the sources
of the data also hold records a draft cannot read from the text (dates from external reporting,
derived ranks, a source's errors corrected), so their share is lower and is not held to a level.
"""

from __future__ import annotations

from .draft_accuracy import articles, report, score, totals

# Reached on 2026-12-07 (57% right, 6% spurious on the eighteen articles written for the tests;
# 7% spurious over all): raise these as the draft writer improves.
AT_LEAST_RIGHT = 0.54
AT_MOST_SPURIOUS = 0.10


def test_drafts_are_measured_against_curated_records() -> None:
    scores = [score(a) for a in articles()]
    print("\n" + report(scores))
    groups = totals(scores)
    written, every = groups["written for the tests"], groups["all"]
    assert every.records == sum(len(r) for a in articles() for r in a.records.values())
    assert written.right / written.records >= AT_LEAST_RIGHT
    assert every.spurious / every.candidates <= AT_MOST_SPURIOUS


def test_a_restatement_is_drafted_once() -> None:
    """The development article that gives 11,000 in its headline, lede and body."""
    [article] = [a for a in articles() if a.name.endswith("draft_devset/de_1")]
    from datapkg.compiler.curation.add_source import draft_candidates
    from datapkg.compiler.layout import Layout

    from .draft_accuracy import ROOT

    draft, candidates = draft_candidates(Layout(ROOT), article.text, article.lang, article.published)
    figures = [c for c in candidates if c.table == "troop_figures" and c.fields.get("value") == 11000]
    assert len(figures) == 1
    assert figures[0].fields["attributed_to"] is not None
    assert set(draft.restated.values()) == {figures[0].fields["id"]}
