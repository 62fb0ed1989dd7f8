"""The evidence she watches for, in plain words, always with how many days it rests on.

An insight is shown only when both sides have at least `MIN_DAYS` days (or sessions). These are
observations from her own record, not causes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from statistics import fmean

from msgspec import Struct

from tui.core.goals import sessions_between
from tui.core.models import Journal

MIN_DAYS = 5
WINDOW_DAYS = 90


class Insight(Struct, frozen=True):
    """Two groups of days compared on one measure."""

    key: str
    title: str
    a_label: str
    a_mean: float
    a_n: int
    b_label: str
    b_mean: float
    b_n: int
    unit: str

    @property
    def text(self) -> str:
        """One plain sentence with both sample sizes."""
        return (
            f"{self.title}: {self.a_mean:.1f} {self.a_label} ({self.a_n} days) vs "
            f"{self.b_mean:.1f} {self.b_label} ({self.b_n} days)"
        )


def _compare(
    key: str,
    title: str,
    labels: tuple[str, str],
    unit: str,
    days: list[date],
    moved: Callable[[date], bool],
    value: Callable[[date], float | int | None],
) -> Insight | None:
    a: list[float] = []
    b: list[float] = []
    for day in days:
        v = value(day)
        if v is None:
            continue
        (a if moved(day) else b).append(float(v))
    if len(a) < MIN_DAYS or len(b) < MIN_DAYS:
        return None
    return Insight(key, title, labels[0], fmean(a), len(a), labels[1], fmean(b), len(b), unit)


class PainChange(Struct, frozen=True):
    """Mean pain change across sessions that logged pain before and after."""

    mean_change: float
    sessions: int

    @property
    def text(self) -> str:
        sign = "+" if self.mean_change > 0 else ""
        return (
            f"Pain during a session changed by {sign}{self.mean_change:.1f} on average "
            f"({self.sessions} sessions with before and after)"
        )


def insights(journal: Journal, day: date, window_days: int = WINDOW_DAYS) -> list[Insight]:
    """The comparisons with enough days on both sides, over the last `window_days` days."""
    start = day - timedelta(days=window_days - 1)
    # The window's sessions only (the journal keeps them by date): not twenty years of them.
    window = sessions_between(journal, start - timedelta(days=1), day + timedelta(days=1))
    moved_days = {s.date for s in window}
    checkins = journal.checkins
    days = [start + timedelta(days=i) for i in range(window_days)]

    def field(name: str, shift: int = 0) -> Callable[[date], float | int | None]:
        def get(d: date) -> float | int | None:
            c = checkins.get(d + timedelta(days=shift))
            return getattr(c, name) if c is not None else None

        return get

    found = [
        _compare(
            "pain_after_movement",
            "Pain the day after",
            ("after movement", "after a day without"),
            "pain",
            days,
            lambda d: d - timedelta(days=1) in moved_days,
            field("pain"),
        ),
        _compare(
            "sleep_after_movement",
            "Sleep quality the night after",
            ("after movement days", "after other days"),
            "sleep_quality",
            [d for d in days if d < day],
            lambda d: d in moved_days,
            field("sleep_quality", shift=1),
        ),
        _compare(
            "mood_on_movement_days",
            "Mood",
            ("on movement days", "on other days"),
            "mood",
            days,
            lambda d: d in moved_days,
            field("mood"),
        ),
    ]
    return [i for i in found if i is not None]


def pain_change(journal: Journal, day: date, window_days: int = WINDOW_DAYS) -> PainChange | None:
    """Mean of pain_after - pain_before, shown when at least `MIN_DAYS` sessions logged both."""
    start = day - timedelta(days=window_days - 1)
    changes = [
        s.pain_after - s.pain_before
        for s in sessions_between(journal, start, day + timedelta(days=1))
        if s.pain_before is not None and s.pain_after is not None
    ]
    if len(changes) < MIN_DAYS:
        return None
    return PainChange(fmean(changes), len(changes))
