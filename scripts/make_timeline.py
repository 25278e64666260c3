#!/usr/bin/env python3
"""Draw docs/timeline.svg: dated actions and figures on a time axis, one row per actor.

    python scripts/make_timeline.py [--out docs/timeline.svg]

Reads the installed tables with datapkg.load, so it shows exactly what the
package ships. Needs the ``figures`` extra (matplotlib). The SVG is
byte-reproducible: fixed hash salt, no creation date, text drawn as paths.
A test regenerates it and fails if the committed file is stale.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the tables of this checkout, whichever datapkg is installed

import datapkg  # noqa: E402

WINDOW = (pd.Timestamp("2024-06-01"), pd.Timestamp("2024-12-31"))
COLOURS = {"diplomatic_actions": "#1f77b4", "troop_figures": "#d62728", "arms_transfers": "#2ca02c"}
LABELS = {"diplomatic_actions": "diplomatic or military action", "troop_figures": "troop figure",
          "arms_transfers": "arms transfer"}  # fmt: skip


def events() -> pd.DataFrame:
    """One row per dated record: who, what, when (start, end), from which table."""
    actors = datapkg.load("actors").set_index("id")["name_en"].astype(str)
    parts = []
    for table, who in (
        ("diplomatic_actions", "actor"),
        ("troop_figures", "force"),
        ("arms_transfers", "supplier"),
    ):
        frame = datapkg.load(table).dropna(subset=["date_start"])  # type: ignore[arg-type]
        frame = frame[frame["date_precision"] != "year"]  # a whole year is a reference period, not an event
        parts.append(pd.DataFrame({
            "table": table,
            "actor": frame[who].astype(str).map(actors),
            "start": frame["date_start"],
            "end": frame["date_end"],
            "id": frame["id"].astype(str),
        }))  # fmt: skip
    out = pd.concat(parts, ignore_index=True)
    # Long background spans (since the invasion of 2022) would flatten 2024; clip them to the window.
    out = out[(out["end"] >= WINDOW[0]) & (out["start"] <= WINDOW[1])].copy()
    out["start"] = out["start"].clip(lower=WINDOW[0])
    out["end"] = out["end"].clip(upper=WINDOW[1])
    return out.sort_values(["actor", "start", "id"]).reset_index(drop=True)


_LANGUAGES = {"de": "German", "en": "English"}
_COUNTS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


def corpus_phrase() -> str:
    """ "two German news articles", from the sources table, so the title follows the data."""
    sources = datapkg.load("sources")
    n = len(sources)
    languages = {_LANGUAGES.get(str(code)[:2]) for code in sources["language"]}
    language = f"{languages.pop()} " if len(languages) == 1 and None not in languages else ""
    return f"{_COUNTS.get(n, str(n))} {language}news article{'s' if n != 1 else ''}"


def draw(out: Path) -> None:
    plt.rcParams.update({"svg.hashsalt": "rus-prk-timeline", "svg.fonttype": "path", "font.size": 8})
    data = events()
    actors = sorted(data["actor"].unique(), reverse=True)
    row = {name: i for i, name in enumerate(actors)}
    fig, ax = plt.subplots(figsize=(10, 0.32 * len(actors) + 1.4))
    for table, colour in COLOURS.items():
        part = data[data["table"] == table]
        if part.empty:
            continue
        spans = part[part["end"] > part["start"]]
        days = part[part["end"] == part["start"]]
        y_span = [row[a] for a in spans["actor"]]
        span_label = None if len(days) else LABELS[table]
        ax.hlines(y_span, spans["start"], spans["end"] + pd.Timedelta(days=1), colors=colour, linewidth=5,
                  alpha=0.45, label=span_label)  # fmt: skip
        if len(days):
            ax.scatter(
                days["start"],
                [row[a] for a in days["actor"]],
                s=22,
                color=colour,
                label=LABELS[table],
                zorder=3,
            )
    ax.set_yticks(range(len(actors)), actors)
    ax.set_xlim(WINDOW[0], WINDOW[1] + pd.Timedelta(days=1))
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.grid(axis="x", linewidth=0.4, alpha=0.5)
    ax.set_title(
        f"Russia–North Korea military cooperation in {corpus_phrase()}, June–December 2024 "
        f"(data version {datapkg.__version__})",
        fontsize=9,
    )
    ax.legend(loc="lower right", fontsize=7, frameon=False)
    fig.text(0.01, 0.01, "Dots: single days; bars: date spans (earliest to latest possible date). "
             "Spans reaching back before June 2024 are cut at the left edge.", fontsize=6)  # fmt: skip
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "timeline.svg")
    args = parser.parse_args()
    draw(args.out)
    print(f"wrote {args.out} ({dt.date.today().isoformat()})")


if __name__ == "__main__":
    main()
