"""How many of the records a curator writes the drafts get right: the measure of
``datapkg add-source`` over articles with hand-curated records.

An article is a folder as ``tests/extra_source*/`` and ``tests/draft_devset/*/`` hold
(``article.txt``, ``source.yaml``, ``records.yaml``, ``actors.yaml``), or a source of the
data (its text, metadata and records under ``build/``). Its candidates are drafted against
the checkout's vocabularies, as for a new article.

A curated record and a candidate of the same table pair up when their quotes lie in one
sentence; of several, the candidate agreeing on most key fields. A record is **right** when
its candidate agrees on every key field (``KEY_FIELDS``): the value and its bounds and
qualifier, the measure, stage or action type, the parties, the claim status, who made the
claim and the date. Where the text gives no date (the record's date basis is the
publication window, external reporting or an inference), a candidate dated to the
publication window is right too. An actor the curator added for the article is matched by a
new actor the draft proposes of the same country and kind. A candidate paired with no record
is **spurious**.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from datapkg.compiler.curation.add_source import draft_candidates
from datapkg.compiler.curation.candidates import Candidate, Draft
from datapkg.compiler.curation.source_files import parse_window
from datapkg.compiler.layout import Layout

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = sorted(
    [p for p in (ROOT / "tests").glob("extra_source*") if p.is_dir()]
    + [p for p in (ROOT / "tests" / "draft_devset").glob("*") if (p / "records.yaml").is_file()]
)
KEY_FIELDS = {
    "troop_figures": ("force", "measure", "value", "value_low", "value_high", "qualifier"),
    "arms_transfers": ("supplier", "recipient", "stage", "value", "value_low", "value_high", "qualifier"),
    "diplomatic_actions": ("actor", "target", "action_type"),
    "military_rankings": ("country", "rank", "qualifier", "edition"),
}
CLAIM_FIELDS = ("claim_status", "attributed_to", "date")
ACTOR_FIELDS = frozenset({"force", "supplier", "recipient", "actor", "target", "country", "attributed_to"})
NO_DATE_IN_TEXT = frozenset({"publication", "external", "inferred", None})


@dataclass
class Article:
    name: str
    text: str
    lang: str
    published: tuple[dt.date, dt.date]
    records: dict[str, list[dict[str, Any]]]  # table -> curated records
    new_actors: dict[str, dict[str, Any]]  # id -> entry, actors the curator added for it


@dataclass
class Score:
    article: str
    records: int = 0
    candidates: int = 0
    right: int = 0
    found: int = 0
    spurious: int = 0
    wrong_fields: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)  # what a reader of the score wants to see

    def add(self, other: Score) -> None:
        self.records += other.records
        self.candidates += other.candidates
        self.right += other.right
        self.found += other.found
        self.spurious += other.spurious
        self.wrong_fields.update(other.wrong_fields)


def folder_article(folder: Path) -> Article:
    options = yaml.safe_load((folder / "source.yaml").read_text(encoding="utf-8"))
    records = yaml.safe_load((folder / "records.yaml").read_text(encoding="utf-8"))
    actors_file = folder / "actors.yaml"
    actors = yaml.safe_load(actors_file.read_text(encoding="utf-8")) if actors_file.is_file() else None
    return Article(
        folder.relative_to(ROOT).as_posix(),
        (folder / "article.txt").read_text(encoding="utf-8"),
        str(options["lang"]),
        parse_window(str(options["published"])),
        {t: list(records.get(t) or []) for t in KEY_FIELDS},
        {str(a["id"]): a for a in actors or []},
    )


def source_article(root: Path, source_id: str) -> Article:
    """A source of the data, scored against its curated records."""
    meta = yaml.safe_load((root / "build" / "sources" / f"{source_id}.yaml").read_text(encoding="utf-8"))
    records = yaml.safe_load((root / "build" / "records" / f"{source_id}.yaml").read_text(encoding="utf-8"))
    return Article(
        f"build/sources/{source_id}",
        (root / "build" / "sources" / f"{source_id}.txt").read_text(encoding="utf-8"),
        str(meta["language"])[:2],
        (meta["published_earliest"], meta["published_latest"]),
        {t: list(records.get(t) or []) for t in KEY_FIELDS},
        {},
    )


def articles(root: Path = ROOT) -> list[Article]:
    """Every article with curated records: the sources of the data and the test folders."""
    sources = sorted(p.stem for p in (root / "build" / "sources").glob("*.txt"))
    return [source_article(root, s) for s in sources] + [folder_article(f) for f in FOLDERS]


def _bounds(value: Any) -> tuple[str, str] | None:
    if value is None:
        return None
    if isinstance(value, list):
        return _bounds(value[0])[0], _bounds(value[-1])[1]  # type: ignore[index]
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    if len(text) == 4:
        return f"{text}-01-01", f"{text}-12-31"
    if len(text) == 7:
        year, month = int(text[:4]), int(text[5:])
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()
        return f"{text}-01", last
    return text, text


def _same_actor(article: Article, draft: Draft, gold: Any, got: Any) -> bool:
    if gold == got:
        return True
    new = article.new_actors.get(str(gold))
    proposed = draft.proposed_actors.get(str(got)) if got is not None else None
    if new is None or proposed is None:
        return False
    if new.get("kind") == "person":
        last = str(new.get("name_en") or "").split()[-1:]
        return proposed.get("kind") == "person" and last == str(proposed.get("name_en") or "").split()[-1:]
    return (new.get("country"), new.get("kind")) == (proposed.get("country"), proposed.get("kind"))


def field_right(
    article: Article, draft: Draft, record: dict[str, Any], got: dict[str, Any], name: str
) -> bool:
    """Whether a candidate's field says what the curated record says."""
    if name == "date":
        if record.get("date_basis") in NO_DATE_IN_TEXT and got.get("date_basis") in ("publication", None):
            return True
        return _bounds(record.get("date")) == _bounds(got.get("date"))
    if name in ACTOR_FIELDS:
        return _same_actor(article, draft, record.get(name), got.get(name))
    if name == "qualifier" and record.get(name) is None:
        return got.get(name) in (None, "exact")
    return record.get(name) == got.get(name)


def _sentence_of(draft: Draft, offset: int) -> int:
    from datapkg.compiler.curation.sentences import sentence_index

    at = sentence_index(draft.sentences, offset)
    return -1 if at is None else at


def score(article: Article, root: Path = ROOT) -> Score:
    draft, candidates = draft_candidates(Layout(root), article.text, article.lang, article.published)
    result = Score(article.name)
    facts = [c for c in candidates if c.table in KEY_FIELDS]
    result.candidates = len(facts)
    used: set[int] = set()
    for table, records in article.records.items():
        for record in records:
            result.records += 1
            _pair(article, draft, facts, used, table, record, result)
    result.spurious = len(facts) - len(used)
    for i, c in enumerate(facts):
        if i not in used:
            result.misses.append(f"spurious {c.table} {c.fields['id']}: {c.fields.get('quote')!r}")
    return result


def _pair(article: Article, draft: Draft, facts: list[Candidate], used: set[int], table: str,
          record: dict[str, Any], result: Score) -> None:  # fmt: skip
    start = record.get("quote_start", article.text.find(str(record["quote"])))
    sentence = _sentence_of(draft, start)
    names = KEY_FIELDS[table] + CLAIM_FIELDS
    best: tuple[int, int] | None = None
    for i, c in enumerate(facts):
        if i in used or c.table != table or _sentence_of(draft, c.quote_at) != sentence:
            continue
        agree = sum(field_right(article, draft, record, c.fields, n) for n in names)
        if best is None or agree > best[0]:
            best = (agree, i)
    if best is None:
        result.misses.append(f"missing {table} {record['id']}")
        return
    used.add(best[1])
    result.found += 1
    got = facts[best[1]].fields
    wrong = [n for n in names if not field_right(article, draft, record, got, n)]
    result.wrong_fields.update(f"{table}.{n}" for n in wrong)
    if wrong:
        shown = ", ".join(f"{n}={got.get(n)!r} (curated {record.get(n)!r})" for n in wrong)
        result.misses.append(f"wrong {table} {record['id']}: {shown}")
    else:
        result.right += 1


def totals(scores: list[Score]) -> dict[str, Score]:
    """The articles written for the project's tests, the sources of the data, and all."""
    groups = {"written for the tests": Score("written for the tests"), "sources of the data": Score("sources of the data"),
              "all": Score("all")}  # fmt: skip
    for s in scores:
        groups["sources of the data" if s.article.startswith("build/") else "written for the tests"].add(s)
        groups["all"].add(s)
    return groups


def report(scores: list[Score]) -> str:
    """A table a reader takes in at a glance, then the fields most often wrong."""
    groups = totals(scores)
    lines = ["| article | records | right | found | candidates | spurious |", "|---|---|---|---|---|---|"]
    for s in [*scores, *groups.values()]:
        name = s.article if s in scores else f"**{s.article}**"
        lines.append(
            f"| {name} | {s.records} | {s.right} ({_pct(s.right, s.records)}) | {s.found} "
            f"| {s.candidates} | {s.spurious} ({_pct(s.spurious, s.candidates)}) |"
        )
    wrong = ", ".join(f"{name} {n}" for name, n in groups["all"].wrong_fields.most_common(12))
    return "\n".join([*lines, "", f"Fields wrong in found records: {wrong or 'none'}"])


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"
