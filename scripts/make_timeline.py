#!/usr/bin/env python3
"""Draw docs/timeline.svg and docs/timeline.png: every dated action, troop figure and arms
transfer of June–December 2024 on a time axis, one row per actor, rows grouped by country.

    python scripts/make_timeline.py [--out docs/timeline.svg]

Each event is labelled from the data (the action type and its counterpart; a figure's
value, claim status and who said it). The mark's shape says how the source presents the
claim, its colour what kind of event it is (CAMEO quad class for actions), a bar a date
span, an arrow a span that goes on beyond the axis. Key events (the treaty signed and
ratified, troop figures) are drawn larger with bold labels.

Reads the tables with datapkg.load, so it shows exactly what the package ships. Needs the
``figures`` extra (matplotlib). Both files are byte-reproducible (fixed hash salt, no
dates, text as paths); a test redraws them and fails if the committed ones are stale.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the tables of this checkout, whichever datapkg is installed

import datapkg  # noqa: E402

WINDOW = (pd.Timestamp("2024-06-01"), pd.Timestamp("2024-12-31"))
GROUPS = (
    ("RUS", "Russia"),
    ("PRK", "North Korea"),
    ("KOR", "South Korea"),
    ("USA", "United States"),
    ("UKR", "Ukraine"),
    ("DEU", "Germany"),
)
OTHERS = "Others"
# Colour: what kind of event. Actions by CAMEO quad class; lightness differs so greyscale holds.
# Grey values: quad 1 0.77, arms 0.53, quad 3 0.47, quad 2 0.33, quad 4 0.13, figures 0.
COLOURS = {
    1: "#A6CEE3",
    2: "#1B7837",
    3: "#E6550D",
    4: "#67001F",
    "troop_figures": "#000000",
    "arms_transfers": "#B8860B",
}
KINDS = {
    1: "verbal cooperation (CAMEO quad 1)",
    2: "material cooperation (quad 2)",
    3: "verbal conflict (quad 3)",
    4: "material conflict (quad 4)",
    "troop_figures": "troop figure",
    "arms_transfers": "arms transfer",
}
# Shape: how the source presents the claim; hollow marks are hedged or not yet happened.
MARKS = {
    "stated": ("o", True),
    "confirmed": ("o", True),
    "reported": ("s", True),
    "alleged": ("o", False),
    "estimated": ("D", True),
    "projected": ("^", False),
    "assessed": ("P", True),
    "disputed": ("X", False),
}
KEY_ACTIONS = ("sign-agreement", "ratify-agreement")
MEASURES = {
    "deployed": "deployed",
    "planned_deployment": "planned",
    "active_personnel": "active",
    "casualties": "lost",
}
QUALIFIERS = {
    "approx": "about ",
    "more_than": "over ",
    "at_least": "at least ",
    "up_to": "up to ",
    "less_than": "under ",
}
FONT = 6.5
DAYS_PER_CHAR = 1.15  # label width estimate at FONT on this axis


@dataclass
class Event:
    actor: str
    start: pd.Timestamp
    end: pd.Timestamp
    before: bool  # the span starts before the axis
    after: bool  # and ends after it
    colour: str
    status: str
    label: str
    key: bool
    lane: int = 0

    def extent(self) -> tuple[float, float]:
        """Where the mark and its label lie: the label follows the span's end, or stands left
        of its start where the axis ends first."""
        begin, end = mdates.date2num(self.start), mdates.date2num(self.end) + 1
        width = DAYS_PER_CHAR * len(self.label) + 4
        if end + width > mdates.date2num(WINDOW[1]) + 1:
            return begin - width, end
        return begin, end + width


def _short(actors: pd.DataFrame, actor_id: object) -> str:
    if actor_id is None or pd.isna(actor_id):
        return ""
    name = str(actors.loc[str(actor_id), "name_en"])
    return name.split(" (")[0]


def _number(value: object) -> str:
    number = int(value)  # type: ignore[call-overload]
    if number >= 1_000_000:
        return f"{number / 1_000_000:.2f}".rstrip("0").rstrip(".") + " million"
    return f"{number:,}"


def _clip(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.dropna(subset=["date_start"])
    frame = frame[(frame["date_end"] >= WINDOW[0]) & (frame["date_start"] <= WINDOW[1])].copy()
    frame["before"], frame["after"] = frame["date_start"] < WINDOW[0], frame["date_end"] > WINDOW[1]
    frame["date_start"] = frame["date_start"].clip(lower=WINDOW[0])
    frame["date_end"] = frame["date_end"].clip(upper=WINDOW[1])
    return frame


def action_events(actors: pd.DataFrame) -> list[Event]:
    types = datapkg.load("action_types").set_index("id")
    out = []
    for r in _clip(datapkg.load("diplomatic_actions")).itertuples():
        kind = types.loc[str(r.action_type)]
        target = _short(actors, r.target)
        label = str(kind["label"]) + (f" → {target}" if target else "")
        key = str(r.action_type) in KEY_ACTIONS
        if key and r.date_start == r.date_end:
            label += f", {r.date_start.day} {r.date_start:%b}"
        out.append(
            Event(
                str(r.actor),
                r.date_start,
                r.date_end,
                r.before,
                r.after,
                COLOURS[int(kind["quad_class"])],
                str(r.claim_status),
                label,
                key,
            )
        )
    return out


def figure_events(actors: pd.DataFrame) -> list[Event]:
    out = []
    for r in _clip(datapkg.load("troop_figures")).itertuples():
        amount = "" if pd.isna(r.value) else QUALIFIERS.get(str(r.qualifier), "") + _number(r.value)
        if str(r.unit) == "units":
            amount += " unit" if r.value == 1 else " units"
        when = (
            " by " + r.date_start.strftime("%B")
            if str(r.claim_status) == "projected"
            and r.date_start.day == 1
            and r.date_end.month == r.date_start.month
            else ""
        )
        said = _short(actors, r.attributed_to)
        said = {"National Intelligence Service": "NIS"}.get(said, said)
        on = f", {r.date_start.day} {r.date_start:%b}" if r.date_start == r.date_end else ""
        what = (
            f"{amount} {MEASURES.get(str(r.measure), str(r.measure))}"
            if amount
            else f"{MEASURES.get(str(r.measure))}, no number given"
        )
        label = f"{what}{when} ({r.claim_status}{', ' + said if said else ''}){on}"
        out.append(
            Event(
                str(r.force),
                r.date_start,
                r.date_end,
                r.before,
                r.after,
                COLOURS["troop_figures"],
                str(r.claim_status),
                label,
                True,
            )
        )
    for r in _clip(datapkg.load("arms_transfers")).itertuples():
        amount = "" if pd.isna(r.value) else _number(r.value) + " "
        label = f"{amount}{r.item} → {_short(actors, r.recipient)} ({r.claim_status})"
        out.append(
            Event(
                str(r.supplier),
                r.date_start,
                r.date_end,
                r.before,
                r.after,
                COLOURS["arms_transfers"],
                str(r.claim_status),
                label,
                False,
            )
        )
    return out


def rows(events: list[Event], actors: pd.DataFrame) -> list[tuple[str, str, list[Event]]]:
    """(group, actor name, its events) in display order: countries in GROUPS order, each
    state first, then its persons and bodies by name; then the others."""
    by_actor: dict[str, list[Event]] = {}
    for event in events:
        by_actor.setdefault(event.actor, []).append(event)
    names = dict(GROUPS)
    order = []
    for actor_id, group_events in by_actor.items():
        row = actors.loc[actor_id]
        country = str(row["country"]) if pd.notna(row["country"]) else ""
        group = names.get(country, OTHERS)
        rank = [c for c, _ in GROUPS].index(country) if country in names else len(GROUPS)
        order.append((rank, str(row["kind"]) != "state", _short(actors, actor_id), group, group_events))
    order.sort(key=lambda o: o[:3])
    return [(group, name, sorted(evs, key=lambda e: (e.start, e.label))) for _, _, name, group, evs in order]


def assign_lanes(events: list[Event]) -> int:
    """Put each label on the first lane where it overlaps no other; returns the lane count."""
    ends: list[float] = []
    for event in events:
        begin, end = event.extent()
        for lane, last in enumerate(ends):
            if begin > last:
                event.lane, ends[lane] = lane, end
                break
        else:
            event.lane = len(ends)
            ends.append(end)
    return max(1, len(ends))


def _draw_event(ax: plt.Axes, event: Event, y: float) -> None:
    marker, filled = MARKS.get(event.status, ("o", True))
    size = 48 if event.key else 22
    face = event.colour if filled else "white"
    if event.end > event.start:
        ax.hlines(
            y, event.start, event.end + pd.Timedelta(days=1), colors=event.colour, linewidth=4, alpha=0.5
        )
    if event.before:
        ax.scatter(
            [WINDOW[0] - pd.Timedelta(days=2)],
            [y],
            marker="<",
            s=30,
            color=event.colour,
            zorder=4,
            clip_on=False,
        )
    if event.after:
        ax.scatter(
            [WINDOW[1] + pd.Timedelta(days=3)],
            [y],
            marker=">",
            s=30,
            color=event.colour,
            zorder=4,
            clip_on=False,
        )
    # A span that comes in from the left edge shows its claim mark where it ends.
    at = event.end if event.before else event.start
    ax.scatter(
        [at], [y], marker=marker, s=size, facecolors=face, edgecolors=event.colour, linewidths=1.2, zorder=5
    )
    begin, _ = event.extent()
    left = begin < mdates.date2num(event.start)
    x = mdates.date2num(event.start) - 2.5 if left else mdates.date2num(event.end) + 3.5
    ax.text(
        mdates.num2date(x),
        y,
        event.label,
        fontsize=FONT,
        va="center",
        ha="right" if left else "left",
        fontweight="bold" if event.key else "normal",
        zorder=6,
    )


def _legend(fig: plt.Figure) -> None:
    kinds = [Line2D([], [], marker="o", linestyle="", color=c, label=KINDS[k]) for k, c in COLOURS.items()]
    statuses = [
        Line2D(
            [],
            [],
            marker=m,
            linestyle="",
            markerfacecolor="#444444" if f else "white",
            markeredgecolor="#444444",
            color="#444444",
            label=s,
        )
        for s, (m, f) in MARKS.items()
        if s not in ("confirmed", "disputed")
    ]
    shapes = [
        Line2D(
            [], [], color="#888888", linewidth=4, alpha=0.5, label="date span (earliest to latest possible)"
        ),
        Line2D(
            [],
            [],
            marker="<",
            linestyle="",
            color="#888888",
            label="span goes on before June / after December",
        ),
        Line2D(
            [], [], marker="o", markersize=8, linestyle="", color="#888888", label="key event (bold label)"
        ),
    ]
    fig.legend(
        handles=kinds,
        title="colour: kind of event",
        loc="lower left",
        bbox_to_anchor=(0.01, 0.0),
        fontsize=6.5,
        title_fontsize=7,
        frameon=False,
        ncol=2,
    )
    fig.legend(
        handles=statuses,
        title="shape: how the source presents it (hollow: hedged or future)",
        loc="lower center",
        bbox_to_anchor=(0.55, 0.0),
        fontsize=6.5,
        title_fontsize=7,
        frameon=False,
        ncol=3,
    )
    fig.legend(handles=shapes, loc="lower right", bbox_to_anchor=(0.99, 0.0), fontsize=6.5, frameon=False)


def draw(out: Path) -> None:
    plt.rcParams.update({"svg.hashsalt": "rus-prk-timeline", "svg.fonttype": "path", "font.size": 7})
    actors = datapkg.load("actors").set_index("id")
    layout = rows(action_events(actors) + figure_events(actors), actors)
    heights = [assign_lanes(evs) for _, _, evs in layout]
    total = sum(heights) + 0.6 * len(layout) + len({g for g, _, _ in layout})
    fig, ax = plt.subplots(figsize=(13, 0.19 * total + 2.6))
    y, ticks, group_spans = 0.0, [], []
    for (group, name, evs), lanes in zip(layout, heights, strict=True):
        if not group_spans or group_spans[-1][0] != group:
            group_spans.append((group, y, y))
            y += 1.0  # the group's header line
        for event in evs:
            _draw_event(ax, event, -(y + 0.3 + event.lane))
        ticks.append((-(y + 0.3), name))
        y += lanes + 0.6
        group_spans[-1] = (group, group_spans[-1][1], y)
    for i, (group, top, bottom) in enumerate(group_spans):
        ax.axhspan(-bottom, -top, color="#F0F0F0" if i % 2 == 0 else "white", zorder=0)
        ax.text(
            -0.005,
            -(top + 0.45),
            group.upper(),
            transform=ax.get_yaxis_transform(),
            ha="right",
            va="center",
            fontsize=7.5,
            fontweight="bold",
        )
    ax.set_yticks([t for t, _ in ticks], [f"{n}   " for _, n in ticks], fontsize=6.5)
    ax.tick_params(axis="y", length=0, pad=9)
    ax.set_ylim(-y, 0.2)
    ax.set_xlim(WINDOW[0], WINDOW[1] + pd.Timedelta(days=1))
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.xaxis.tick_top()
    ax.grid(axis="x", linewidth=0.4, alpha=0.5)
    for side in ("right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title(
        f"Russia–North Korea military cooperation as {corpus_phrase()} report it, June–December 2024 "
        f"(data version {datapkg.__version__})",
        fontsize=9.5,
        fontweight="bold",
        loc="left",
        pad=18,
    )
    _legend(fig)
    fig.tight_layout(rect=(0, 0.09, 1, 1))
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    fig.savefig(out.with_suffix(".png"), format="png", dpi=110, metadata={"Software": None})
    plt.close(fig)


_LANGUAGES = {"de": "German", "en": "English"}
_COUNTS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


def corpus_phrase() -> str:
    """ "two German news articles", from the sources table, so the title follows the data."""
    sources = datapkg.load("sources")
    n = len(sources)
    languages = {_LANGUAGES.get(str(code)[:2]) for code in sources["language"]}
    language = f"{languages.pop()} " if len(languages) == 1 and None not in languages else ""
    return f"{_COUNTS.get(n, str(n))} {language}news article{'s' if n != 1 else ''}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "timeline.svg")
    args = parser.parse_args()
    draw(args.out)
    print(f"wrote {args.out} and {args.out.with_suffix('.png')}")


if __name__ == "__main__":
    main()
