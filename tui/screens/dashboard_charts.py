"""The dashboard's charts as plain data (`widgets.plotting.ChartData`), from her journal: pain and
sleep and mood over twelve weeks, movement minutes over four, and the week's sleep in a few words.
"""

from __future__ import annotations

from datetime import date, timedelta

from tui.core import words
from tui.core.goals import sessions_between
from tui.core.models import KINDS, Journal
from widgets.plotting import ChartData, Series, rolling_mean

TREND_DAYS = 84  # twelve weeks of pain, sleep and mood
MOVE_DAYS = 28  # four weeks of movement minutes
WEEKS = (7, 14, 28, 56)  # days between two date labels on a chart: whole weeks


def short_date(day: date) -> str:
    """`23 Nov`."""
    return f"{day.day} {day:%b}"


def _days(day: date, count: int) -> list[date]:
    return [day - timedelta(days=count - 1 - i) for i in range(count)]


def pain_chart(journal: Journal, day: date, count: int = TREND_DAYS) -> ChartData:
    """Daily pain and its 7-day rolling average."""
    days = _days(day, count)
    pain: list[float | None] = []
    for d in days:
        c = journal.checkins.get(d)
        pain.append(float(c.pain) if c is not None and c.pain is not None else None)
    return ChartData(
        labels=tuple(short_date(d) for d in days),
        series=(
            Series("pain", tuple(pain), "points"),
            Series("7-day average", rolling_mean(pain, 7), "line"),
        ),
        y_min=0,
        y_max=10,
        y_ticks=(0, 5, 10),
        label_steps=WEEKS,
        empty_text="Your pain trend appears here after a few check-ins.",
    )


def movement_chart(journal: Journal, day: date, count: int = MOVE_DAYS) -> ChartData:
    """Minutes per day, stacked by kind (only the kinds she did)."""
    days = _days(day, count)
    index = {d: i for i, d in enumerate(days)}
    minutes = {kind: [0.0] * count for kind in KINDS}
    for s in sessions_between(journal, days[0], day + timedelta(days=1)):
        minutes[s.kind][index[s.date]] += s.minutes
    # Every kind, always in the same place: each keeps its colour whichever she did lately.
    series = tuple(Series(kind, tuple(values), "bar") for kind, values in minutes.items())
    return ChartData(
        labels=tuple(short_date(d) for d in days),
        series=series,
        y_min=0,
        bucket="per_day",
        label_steps=WEEKS,
        empty_text="Movement minutes appear here: m logs a session.",
    )


def sleep_mood_chart(journal: Journal, day: date, count: int = TREND_DAYS) -> ChartData:
    """Sleep quality and mood (1-5), each as a 7-day rolling average."""
    days = _days(day, count)
    sleep: list[float | None] = []
    mood: list[float | None] = []
    for d in days:
        c = journal.checkins.get(d)
        sleep.append(float(c.sleep_quality) if c and c.sleep_quality is not None else None)
        mood.append(float(c.mood) if c and c.mood is not None else None)
    return ChartData(
        labels=tuple(short_date(d) for d in days),
        series=(
            Series("sleep quality", rolling_mean(sleep, 7), "line"),
            Series("mood", rolling_mean(mood, 7), "dotted"),  # apart in a one-colour theme too
        ),
        y_min=1,
        y_max=5,
        y_ticks=(1, 3, 5),
        label_steps=WEEKS,
        empty_text="Sleep and mood appear here after a few check-ins.",
    )


def sleep_hours_note(journal: Journal, day: date) -> str:
    """`7.25 h a night, last 7 days`: the mean of the days that logged hours, to the quarter hour
    she logs in, said as hours are said everywhere (`core.words.hours`)."""
    hours = [
        c.sleep_hours
        for d in _days(day, 7)
        if (c := journal.checkins.get(d)) is not None and c.sleep_hours is not None
    ]
    if not hours:
        return ""
    mean = round(sum(hours) / len(hours) * 4) / 4
    return f"{words.hours(mean)} a night, last 7 days"
