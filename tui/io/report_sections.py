"""The clinician report's sections as plain data: figures computed here (from core's rules),
words and layout in the template. Charts are inline SVG, handed on as `Markup`."""

from __future__ import annotations

from datetime import date
from statistics import mean

from markupsafe import Markup
from msgspec import Struct

from tui.core.earlier import NOTHING_EARLIER, Earlier
from tui.core.flares import flare_summary, flares_between
from tui.core.models import KINDS, Journal
from tui.core.peg import MEANINGFUL_PERCENT, PegChange, by_week, peg_change
from tui.core.words import mood as mood_words
from tui.io.report_period import (
    Period,
    Stat,
    Table,
    daily_values,
    fmt,
    signed,
    stats,
)
from tui.io.svg import (
    BAND,
    INK,
    POINT,
    REST,
    WeekBand,
    daily_chart,
    weekly_points,
    weekly_stacked_bars,
)

#: A change in mean pain counted as notable: 30% of the starting mean, or 2 points (0-10 scale).
CHANGE_POINTS = 2.0


def legend(period: Period) -> list[tuple[str, str]]:
    """The daily charts' colours and what they mean."""
    items = [(INK, "weekly mean"), (BAND, "weekly range"), (REST, "flare day")]
    return items if period.monthly else [(POINT, "day"), *items]


def _bands(rows: list[Stat]) -> list[WeekBand]:
    return [
        WeekBand(w.bucket.start, w.mean, w.low, w.high)
        for w in rows
        if w.mean is not None and w.low is not None and w.high is not None
    ]


# -- pain ---------------------------------------------------------------------------------------


class PainSection(Struct, frozen=True):
    chart: Markup
    change: str
    table: Table


def pain_change_text(period: Period, pain: dict[date, float]) -> str:
    """The first two weeks against the last two, and whether the change reaches 30% or 2 points."""
    if len(period.week_starts) < 4:
        return (
            "The period is shorter than four weeks, so its first and last two weeks overlap; "
            "no comparison is made."
        )
    early_end = period.week_starts[2]
    late_start = period.week_starts[-2]
    early = [v for d, v in pain.items() if d < early_end]
    late = [v for d, v in pain.items() if d >= late_start]
    if not early or not late:
        return (
            "Pain was not logged in both the first and the last two weeks, "
            "so no comparison is made."
        )
    a, b = mean(early), mean(late)
    diff = b - a
    share = abs(diff) / a if a else (0.0 if not diff else 1.0)
    direction = "lower" if diff < 0 else "higher"
    text = (
        f"Mean daily pain was {a:.1f} in the first two weeks ({len(early)} days logged) and "
        f"{b:.1f} in the last two weeks ({len(late)} days logged): "
    )
    if round(abs(diff), 1) == 0:
        return text + "no change."
    text += f"{abs(diff):.1f} points {direction}"
    text += f" ({share:.0%} of the starting mean). " if a else ". "
    reaches = round(share * 100) >= MEANINGFUL_PERCENT or round(abs(diff), 1) >= CHANGE_POINTS
    if reaches:
        return text + f"This change reaches {MEANINGFUL_PERCENT}% or 2 points."
    return text + f"This change is below {MEANINGFUL_PERCENT}% and below 2 points."


def pain_section(journal: Journal, period: Period) -> PainSection:
    pain = daily_values(journal.checkins, period, lambda c: c.pain)
    rest = [d for d, c in journal.checkins.items() if c.flare and period.holds(d)]
    chart = daily_chart(
        "Daily pain (0-10) with each week's mean and range",
        period.first,
        period.last,
        pain,
        _bands(stats(period.weeks(), pain)),
        (0, 10),
        [0, 2, 4, 6, 8, 10],
        rest,
    )
    table = Table.of(
        [period.bucket_name, "Days logged", "Mean", "Lowest", "Highest"],
        [
            [w.bucket.label, str(w.days), fmt(w.mean), fmt(w.low, 0), fmt(w.high, 0)]
            for w in stats(period.buckets(), pain)
        ],
        numeric={1, 2, 3, 4},
    )
    return PainSection(Markup(chart), pain_change_text(period, pain), table)


# -- the weekly PEG check ----------------------------------------------------------------------


class PegSection(Struct, frozen=True):
    answered: int
    weeks: int
    chart: Markup | None
    table: Table | None
    change_text: str  # from the first answered week of the period to the last


def peg_section(journal: Journal, period: Period) -> PegSection:
    weeks = {
        w: p for w, p in by_week(journal.pegs, journal.week_start).items() if period.holds(p.date)
    }
    if not weeks:
        return PegSection(0, len(period.week_starts), None, None, "")
    rows = []
    for week, peg in weeks.items():
        change = peg_change(weeks, week)
        rows.append(
            [
                week.isoformat(),
                peg.date.isoformat(),
                str(peg.pain),
                str(peg.enjoyment),
                str(peg.activity),
                fmt(peg.score),
                _change_cell(change),
                "yes" if change is not None and change.meaningful else "",
            ]
        )
    table = Table.of(
        [
            "Week of",
            "Answered",
            "Pain",
            "Enjoyment",
            "Activity",
            "Score",
            "Change from first week",
            f"{MEANINGFUL_PERCENT}% or more",
        ],
        rows,
        numeric={2, 3, 4, 5, 6},
    )
    first, last = next(iter(weeks)), list(weeks)[-1]
    first_score = weeks[first].score
    chart = weekly_points(
        "Weekly PEG score (0-10), the mean of pain and its interference with enjoyment "
        "and with activity",
        period.week_starts,
        {w: p.score for w, p in weeks.items()},
        (0, 10),
        [0, 2, 4, 6, 8, 10],
        reference=(
            first_score * (100 - MEANINGFUL_PERCENT) / 100,
            f"{MEANINGFUL_PERCENT}% below the first week",
        )
        if first_score
        else None,
    )
    return PegSection(
        len(weeks),
        len(period.week_starts),
        Markup(chart),
        table,
        peg_change_text(peg_change(weeks, last)),
    )


def peg_change_text(change: PegChange | None) -> str:
    """The change over the period in plain words, with the 30% that clinicians go by."""
    rule = (
        f"Clinicians usually count a change of {MEANINGFUL_PERCENT}% or more from the first "
        "score as meaningful"
    )
    if change is None:
        return f"Only one week was answered in the period, so no change is shown. {rule}."
    first, last = change.first, change.last
    text = (
        f"From the first answered week of the period (answered {first.date.isoformat()}, score "
        f"{first.score:.1f}) to the last (answered {last.date.isoformat()}, score "
        f"{last.score:.1f}): "
    )
    if round(change.points, 1) == 0:
        text += "no change. "
    else:
        text += f"{abs(change.points):.1f} points {'lower' if change.points < 0 else 'higher'}"
        if change.percent is not None:
            text += f" ({change.percent}% of the first score)"
        text += ". "
    reaches = "this change reaches it" if change.meaningful else "this change is below it"
    return text + f"{rule}; {reaches}."


def _change_cell(change: PegChange | None) -> str:
    if change is None:
        return "–"
    if change.percent is None:
        return signed(change.points)
    sign = "" if not change.percent else "−" if change.points < 0 else "+"
    return f"{signed(change.points)} ({sign}{change.percent}%)"


# -- sleep and mood ----------------------------------------------------------------------------


class SleepMoodSection(Struct, frozen=True):
    sleep_chart: Markup
    mood_chart: Markup
    table: Table


def sleep_mood_section(journal: Journal, period: Period) -> SleepMoodSection:
    sleep = daily_values(journal.checkins, period, lambda c: c.sleep_hours)
    quality = daily_values(journal.checkins, period, lambda c: c.sleep_quality)
    mood = daily_values(journal.checkins, period, lambda c: c.mood)
    top = max([12.0, *sleep.values()])
    sleep_chart = daily_chart(
        "Hours of sleep per night with each week's mean and range",
        period.first,
        period.last,
        sleep,
        _bands(stats(period.weeks(), sleep)),
        (0, top),
        [0, 3, 6, 9, 12] if top <= 12 else [0, 6, 12, 18, 24],
        unit="h",
    )
    mood_chart = daily_chart(
        f"Mood ({mood_words(1)} to {mood_words(5)}) with each week's mean and range",
        period.first,
        period.last,
        mood,
        _bands(stats(period.weeks(), mood)),
        (1, 5),
        [1, 2, 3, 4, 5],
    )
    buckets = period.buckets()
    rows = zip(stats(buckets, sleep), stats(buckets, quality), stats(buckets, mood), strict=True)
    table = Table.of(
        [period.bucket_name, "Nights", "Sleep h (mean)", "Sleep quality 1-5", "Days", "Mood 1-5"],
        [
            [w.bucket.label, str(w.days), fmt(w.mean), fmt(q.mean), str(m.days), fmt(m.mean)]
            for w, q, m in rows
        ],
        numeric={1, 2, 3, 4, 5},
    )
    return SleepMoodSection(Markup(sleep_chart), Markup(mood_chart), table)


# -- flares ------------------------------------------------------------------------------------


class FlareSection(Struct, frozen=True):
    lines: list[str]
    table: Table | None


def flare_section(
    journal: Journal, period: Period, earlier: Earlier = NOTHING_EARLIER
) -> FlareSection:
    flares = flares_between(journal, period.first, period.last)
    lengths, gaps = flares.lengths, flares.gaps
    lines = [
        f"Flare (rest) days in the period: {len(flares.days)}.",
        f"Episodes: {len(flares.episodes)}"
        + (
            f", lasting {min(lengths)} to {max(lengths)} days (mean {mean(lengths):.1f})."
            if lengths
            else "."
        ),
    ]
    if gaps:
        lines.append(
            f"Days between the starts of episodes: {min(gaps)} to {max(gaps)} "
            f"(mean {mean(gaps):.1f})."
        )
    summary = flare_summary(journal, period.last, earlier.flare_days)
    if summary.days_since is not None and summary.last_flare is not None:
        lines.append(
            f"Last flare day: {summary.last_flare.isoformat()} "
            f"({summary.days_since} days before the end of the period)."
        )
    rows = [
        [start.isoformat(), end.isoformat(), str(n)]
        for (start, end), n in zip(flares.episodes, lengths, strict=True)
    ]
    return FlareSection(lines, Table.of(["From", "To", "Days"], rows, {2}) if rows else None)


# -- movement ----------------------------------------------------------------------------------


class MovementSection(Struct, frozen=True):
    text: str
    chart: Markup
    table: Table


def movement_section(journal: Journal, period: Period) -> MovementSection:
    sessions = [s for s in journal.sessions if period.holds(s.date)]
    buckets = period.buckets()
    minutes: list[dict[str, int]] = [{} for _ in buckets]
    counts: list[dict[str, int]] = [{} for _ in buckets]
    for s in sessions:
        i = next(i for i, b in enumerate(buckets) if b.holds(s.date))
        minutes[i][s.kind] = minutes[i].get(s.kind, 0) + s.minutes
        counts[i][s.kind] = counts[i].get(s.kind, 0) + 1
    kinds = [k for k in KINDS if any(k in m for m in minutes)]
    per = "month" if period.monthly else "week"
    chart = weekly_stacked_bars(
        f"Minutes of movement per {per}, by kind", [b.start for b in buckets], minutes, kinds
    )
    header = [period.bucket_name, "Sessions", "Minutes", *(f"{k} (n / min)" for k in kinds)]
    rows = [
        [
            bucket.label,
            str(sum(number.values())),
            str(sum(mins.values())),
            *(f"{number.get(k, 0)} / {mins.get(k, 0)}" for k in kinds),
        ]
        for bucket, mins, number in zip(buckets, minutes, counts, strict=True)
    ]
    text = (
        f"{len(sessions)} sessions, {sum(s.minutes for s in sessions)} minutes in the period. "
        "Kinds: walk, strength, stretch, snack (a 2-5 minute bout of gentle movement), other."
    )
    paired = [s for s in sessions if s.pain_before is not None and s.pain_after is not None]
    if paired:
        before = mean(s.pain_before for s in paired if s.pain_before is not None)
        after = mean(s.pain_after for s in paired if s.pain_after is not None)
        text += (
            f" {len(paired)} sessions logged pain before and after: mean {before:.1f} before, "
            f"{after:.1f} after."
        )
    return MovementSection(text, Markup(chart), Table.of(header, rows, range(1, len(header))))
