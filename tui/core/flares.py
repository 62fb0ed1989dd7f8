"""Flare figures, shown neutrally: how long since the last, how many lately, the usual gap.

A flare episode is a run of flare days with at most one ordinary day inside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from itertools import chain, pairwise
from statistics import median

from msgspec import Struct

from tui.core.models import Journal

RECENT_DAYS = 28


class FlareSummary(Struct, frozen=True):
    days_since: int | None  # days since the last flare day (0: today), None if none recorded
    last_4_weeks: int  # flare days in the last 28 days, today included
    typical_gap: float | None  # median days between the starts of episodes
    typical_length: float | None  # median days an episode lasts
    episodes: int
    last_flare: date | None


def flare_days(journal: Journal, until: date, earlier: Iterable[date] = ()) -> list[date]:
    """Every flare day up to `until`, in order (`earlier`: the flare days before the journal's
    first entries, when it holds only recent ones; see tui/core/earlier.py)."""
    days = chain(earlier, (d for d, c in journal.checkins.items() if c.flare))
    return sorted(d for d in days if d <= until)


def episodes(days: list[date]) -> list[tuple[date, date]]:
    """Group flare days into episodes (first day, last day)."""
    runs: list[tuple[date, date]] = []
    for day in sorted(days):
        if runs and (day - runs[-1][1]).days <= 2:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def flare_summary(journal: Journal, day: date, earlier: Iterable[date] = ()) -> FlareSummary:
    """The flare figures as of `day` (`earlier`: as for `flare_days`)."""
    days = flare_days(journal, day, earlier)
    if not days:
        return FlareSummary(None, 0, None, None, 0, None)
    runs = episodes(days)
    gaps = [(b[0] - a[0]).days for a, b in pairwise(runs)]
    lengths = [(end - start).days + 1 for start, end in runs]
    recent_start = day - timedelta(days=RECENT_DAYS - 1)
    return FlareSummary(
        days_since=(day - days[-1]).days,
        last_4_weeks=sum(1 for d in days if d >= recent_start),
        typical_gap=float(median(gaps)) if gaps else None,
        typical_length=float(median(lengths)),
        episodes=len(runs),
        last_flare=days[-1],
    )


class FlarePeriod(Struct, frozen=True):
    """The flare days and episodes of a stretch of days (a report's period)."""

    days: list[date]
    episodes: list[tuple[date, date]]

    @property
    def lengths(self) -> list[int]:
        """How many days each episode lasted, in order."""
        return [(end - start).days + 1 for start, end in self.episodes]

    @property
    def gaps(self) -> list[int]:
        """Days between the starts of one episode and the next."""
        return [(b[0] - a[0]).days for a, b in pairwise(self.episodes)]


def flares_between(journal: Journal, first: date, last: date) -> FlarePeriod:
    """Flare days and episodes from `first` to `last`, inclusive (episodes cut at the ends)."""
    days = [d for d in flare_days(journal, last) if d >= first]
    return FlarePeriod(days, episodes(days))
