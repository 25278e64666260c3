"""The registry of extraction rules, in priority order, each with the kinds of mention it
may yield (``extract`` refuses a rule that yields another kind: a rule bug, not input).

Each family lives in the module named for what it recognises: ``dates``,
``relative_dates``, ``quantities``, ``durations``, ``ranks``, ``multipliers``. A rule yields candidate
mentions; ``datapkg.extract.extract`` keeps the longest non-overlapping ones. Rules never
guess a number the text does not give: vague amounts keep ``value`` empty with qualifier
``vague``, and dates that need an anchor the text does not supply stay empty too.
"""

from __future__ import annotations

from datapkg.extract import (
    dates,
    durations,
    multipliers,
    ordinals,
    quantities,
    ranks,
    relative_dates,
    vague_counts,
)
from datapkg.extract.mention import Context, Mention, Rule

__all__ = ["RULES", "Context", "Mention", "Rule"]


# Higher priority first when two candidates cover exactly the same text.
RULES: tuple[Rule, ...] = (
    Rule(dates.absolute_dates, frozenset({"date"})),
    Rule(dates.day_ranges, frozenset({"date"})),
    Rule(dates.day_ranges_bare, frozenset({"date"})),
    Rule(dates.clock_times, frozenset({"date"})),
    Rule(relative_dates.weekdays, frozenset({"date"})),
    Rule(relative_dates.relative_years, frozenset({"date"})),  # "the previous year" is anaphoric
    Rule(relative_dates.relative_periods, frozenset({"date"})),
    Rule(relative_dates.relative_words, frozenset({"date"})),
    Rule(relative_dates.story_days, frozenset({"date"})),
    Rule(relative_dates.weekends, frozenset({"date"})),
    Rule(relative_dates.period_ends, frozenset({"date"})),
    Rule(relative_dates.anchored, frozenset({"anchor"})),
    Rule(relative_dates.time_references, frozenset({"date"})),
    Rule(relative_dates.vague_periods, frozenset({"date"})),
    Rule(dates.month_spans, frozenset({"date"})),
    Rule(dates.month_dates, frozenset({"date"})),
    Rule(dates.half_years, frozenset({"date"})),
    Rule(dates.seasons, frozenset({"date"})),
    Rule(dates.decades, frozenset({"date"})),
    Rule(quantities.money, frozenset({"money"})),
    Rule(quantities.glued_money, frozenset({"money"})),
    Rule(quantities.percents, frozenset({"percent"})),
    Rule(durations.durations, frozenset({"duration", "date"})),  # "vor zwei Jahren" is a date
    Rule(durations.vague_durations, frozenset({"duration"})),
    Rule(durations.ages, frozenset({"duration"})),
    Rule(durations.relative_spans, frozenset({"date"})),
    Rule(dates.year_spans, frozenset({"date"})),
    Rule(dates.year_dates, frozenset({"date"})),
    Rule(quantities.fractions, frozenset({"quantity"})),
    Rule(ranks.ordinal_compounds, frozenset({"rank"})),
    Rule(ranks.rank_steps, frozenset({"quantity"})),
    Rule(multipliers.multipliers, frozenset({"quantity"})),
    Rule(multipliers.spoken_decimals, frozenset({"quantity", "percent"})),
    Rule(ranks.ranks, frozenset({"rank"})),
    Rule(ranks.listed_ranks, frozenset({"rank"})),
    Rule(ordinals.ordinal_ranks, frozenset({"rank"})),
    Rule(quantities.ranges, frozenset({"quantity", "percent", "duration", "date", "money"})),
    Rule(quantities.quantities, frozenset({"quantity"})),
    Rule(quantities.vague_amounts, frozenset({"quantity", "money"})),
    Rule(quantities.vague_phrases, frozenset({"quantity"})),
    Rule(quantities.formations, frozenset({"quantity"})),
    Rule(vague_counts.vague_counts, frozenset({"quantity"})),
    Rule(vague_counts.partitives, frozenset({"quantity"})),
    Rule(vague_counts.shares, frozenset({"quantity"})),
)
