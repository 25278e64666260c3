#!/usr/bin/env python3
"""Draw docs/timeline.svg and docs/timeline.png: every dated event of the ``events`` table on a
time axis of June–December 2024, each once, in the row of the actor most of its claims are
about, rows grouped by country.

    python scripts/make_timeline.py [--out docs/timeline.svg]

Each event is labelled from the data: its label, its best figure with the unit (and the
range the claims give), the strongest status its claims reach and how many sources report
it. The mark's shape says that status, its colour what kind of event it is (CAMEO quad
class for actions), a bar a date span, an arrow a span that goes on beyond the axis (an
event wholly outside it stands at the edge with its dates). Key events (agreements and
deployments) are drawn larger with bold labels.

Reads the tables with datapkg.load, so it shows exactly what the package ships. Needs the
``figures`` extra (matplotlib). Both files are byte-reproducible (fixed hash salt, no
dates, text as paths); a test redraws them and fails if the committed ones are stale.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    "troop_figures": "troops: deployment, force size, casualties",
    "arms_transfers": "arms transfer",
}
# Shape: how the source presents the claim; hollow marks are hedged or not yet happened.
MARKS = {
    "stated": ("o", True),
    "confirmed": ("h", True),
    "reported": ("s", True),
    "alleged": ("o", False),
    "estimated": ("D", True),
    "projected": ("^", False),
    "assessed": ("P", True),
    "disputed": ("X", False),
    "denied": ("x", False),
}
KEY_KINDS = ("agreement", "deployment")  # drawn larger, with bold labels
TROOP_KINDS = ("deployment", "force_size", "casualties")
UNITS = {"persons": "troops", "units": "units"}  # how a figure's unit reads in a label
QUALIFIERS = {"approx": "about ", "more_than": "over ", "at_least": "at least ", "up_to": "up to ",
              "less_than": "under "}  # fmt: skip
SHORT_NAMES = {", National Intelligence Service": ", NIS"}
OVER_BAR = {"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 0.5}  # a label over a span
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

    def placement(self) -> str:
        """Where the label stands: after the span's end; before its start where the axis ends
        first; over the span where neither side has room."""
        begin, end = mdates.date2num(self.start), mdates.date2num(self.end) + 1
        width = DAYS_PER_CHAR * len(self.label) + 4
        if end + width <= mdates.date2num(WINDOW[1]) + 1:
            return "after"
        return "before" if begin - width >= mdates.date2num(WINDOW[0]) else "over"

    def extent(self) -> tuple[float, float]:
        """Where the mark and its label lie, for lanes that keep labels apart."""
        begin, end = mdates.date2num(self.start), mdates.date2num(self.end) + 1
        width = DAYS_PER_CHAR * len(self.label) + 4
        return {
            "after": (begin, end + width),
            "before": (begin - width, end),
            "over": (begin, max(end, begin + width)),
        }[self.placement()]


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
    """Dated events, their spans cut to the axis; one wholly before or after it keeps its place
    at the edge, with an arrow and its dates in the label."""
    frame = frame.dropna(subset=["date_start"]).copy()
    frame["first"], frame["last"] = frame["date_start"], frame["date_end"]
    frame["before"], frame["after"] = frame["date_start"] < WINDOW[0], frame["date_end"] > WINDOW[1]
    frame["date_start"] = frame["date_start"].clip(lower=WINDOW[0], upper=WINDOW[1])
    frame["date_end"] = frame["date_end"].clip(lower=WINDOW[0], upper=WINDOW[1])
    return frame


def _lead(claims: pd.DataFrame, actors: pd.DataFrame) -> str:
    """The actor an event is drawn for: the one most of its claims are about; of equals, the one
    whose country comes first in the figure."""
    counts = claims["subject"].dropna().astype(str).value_counts()
    countries = [c for c, _ in GROUPS]

    def place(actor_id: str) -> tuple[int, int, bool, str]:
        country, kind = actors.loc[actor_id, "country"], actors.loc[actor_id, "kind"]
        rank = countries.index(str(country)) if pd.notna(country) and country in countries else len(countries)
        return (-int(counts[actor_id]), rank, str(kind) != "state", actor_id)

    return min(counts.index, key=place)


def _colour(event: Any, claims: pd.DataFrame, types: pd.DataFrame) -> str | int:
    """Troop figures and arms transfers by their own colours; other events by the CAMEO quad class
    most of their actions have (of equals, the more conflictual)."""
    kind = str(event.kind)
    if kind in TROOP_KINDS:
        return "troop_figures"
    if kind == "arms_transfer":
        return "arms_transfers"
    actions = claims[claims["table"] == "diplomatic_actions"]
    quads = actions["what"].astype(str).map(types["quad_class"]).dropna().astype(int).value_counts()
    return max(quads.index, key=lambda q: (quads[q], q)) if len(quads) else 1


def _amount(event: Any, claims: pd.DataFrame, actors: pd.DataFrame) -> str:
    """The best figure with its unit, its qualifier and the range the claims give; and, where
    its claim is weaker than the event's strongest, that claim's status and who said it."""
    best, low, high = event.value_best, event.value_low, event.value_high
    unit = str(event.unit)
    if pd.isna(best):  # the latest claims give only a range, or no number at all
        has_range = not pd.isna(low) and not pd.isna(high)
        return f"{_number(low)}–{_number(high)} {UNITS.get(unit, unit)}" if has_range else ""
    status = str(event.value_best_status)
    chosen = (
        (claims["value"] == best) & (claims["polarity"] == "positive") & (claims["claim_status"] == status)
    )
    source = claims[chosen].sort_values(["date_end", "id"]).iloc[-1]  # the figure as of its latest date
    text = QUALIFIERS.get(str(source["qualifier"]), "") + f"{_number(best)} {UNITS.get(unit, unit)}"
    if not pd.isna(low) and not pd.isna(high) and low < high:
        text += f" ({_number(low)}–{_number(high)})"
    if status != str(event.strongest_status):
        said = "" if pd.isna(source["attributed_to"]) else ", " + _short(actors, source["attributed_to"])
        text += f" ({status}{SHORT_NAMES.get(said, said)})"
    return text


def _when(event: Any) -> str:
    """Dates in the label: a key event's day, and an event off the axis its whole span."""
    first, last = event.first, event.last
    if (event.before and last < WINDOW[0]) or (event.after and first > WINDOW[1]):
        same_month = (first.year, first.month) == (last.year, last.month)
        return f", {first:%b %Y}" + ("" if same_month else f"–{last:%b %Y}")
    if str(event.kind) in KEY_KINDS and first == last:
        return f", {first.day} {first:%b}"
    return ""


def event_marks(actors: pd.DataFrame) -> list[Event]:
    """One mark per dated event, labelled from the events table and drawn for its lead actor."""
    types = datapkg.load("action_types").set_index("id")
    claims = datapkg.claims()
    out = []
    for e in _clip(datapkg.load("events")).itertuples():
        mine = claims[claims["event_id"] == e.id]
        asserting = mine[mine["polarity"] == "positive"]
        status = str(e.strongest_status) if not pd.isna(e.strongest_status) else "denied"
        sources = f", {e.source_count} sources" if e.source_count > 1 else ""
        amount = _amount(e, mine, actors)
        label = f"{e.label} ({status}{sources}){': ' + amount if amount else ''}{_when(e)}"
        key = str(e.kind) in KEY_KINDS
        colour = COLOURS[_colour(e, asserting if len(asserting) else mine, types)]
        lead = _lead(asserting if len(asserting) else mine, actors)
        out.append(Event(lead, e.date_start, e.date_end, e.before, e.after, colour, status, label, key))
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
    placement = event.placement()
    x = {
        "after": mdates.date2num(event.end) + 3.5,
        "before": mdates.date2num(event.start) - 2.5,
        "over": mdates.date2num(event.start) + 3.5,
    }[placement]
    ax.text(
        mdates.num2date(x),
        y,
        event.label,
        fontsize=FONT,
        va="center",
        ha="right" if placement == "before" else "left",
        fontweight="bold" if event.key else "normal",
        zorder=6,
        bbox=OVER_BAR if placement == "over" else None,
    )


def _legend(fig: plt.Figure, used: set[str]) -> None:
    """A key for every colour the figure uses (and no other), every status shape and mark."""
    kinds = [
        Line2D([], [], marker="o", linestyle="", color=c, label=KINDS[k])
        for k, c in COLOURS.items()
        if c in used
    ]
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
        if s not in ("disputed", "denied")
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
        title="shape: the strongest status of its claims (hollow: hedged, future or denied)",
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
    layout = rows(event_marks(actors), actors)
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
    # Dates above and below: the figure is taller than a screen, so the axis is in view wherever
    # a reader has scrolled to.
    ax.tick_params(axis="x", top=True, labeltop=True, bottom=True, labelbottom=True)
    ax.grid(axis="x", linewidth=0.4, alpha=0.5)
    for side in ("right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title(
        f"Russia–North Korea military cooperation as {corpus_phrase()} report it, June–December 2024 "
        f"(data version {datapkg.__version__})",
        fontsize=9.5,
        fontweight="bold",
        loc="left",
        pad=18,
    )
    _legend(fig, {event.colour for _, _, evs in layout for event in evs})
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
