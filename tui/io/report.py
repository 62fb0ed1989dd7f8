"""The clinician report: one self-contained, printable HTML file over the last N weeks.

Plain and exact: counts, means and ranges with the number of days behind them, no medical claims.
Inline CSS and inline SVG only, nothing loaded from the network; her text is HTML-escaped.
Rules come from the domain (weeks from `week_start`, flare episodes, milestones, goal weeks).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from itertools import pairwise
from statistics import mean

from tui.core.dates import week_start
from tui.core.flares import episodes, flare_summary
from tui.core.goals import goal_history
from tui.core.milestones import is_milestone, ordinal, routine_counts
from tui.core.models import KINDS, Checkin, Goal, Journal, Session, routine_key
from tui.io.svg import WeekBand, daily_chart, days_between, weekly_stacked_bars

#: A change in mean pain counted as notable: 30% of the starting mean, or 2 points (0-10 scale).
CHANGE_SHARE = 0.30
CHANGE_POINTS = 2.0
MONTHLY_AFTER_WEEKS = 26
GOAL_WEEKS_SHOWN = 12
STEP_WORDS = {"created": "set", "up": "stepped up", "down": "stepped down", "edited": "changed"}
CSS = """
:root { color: #24303f; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { max-width: 190mm; margin: 12mm auto; padding: 0 6mm; font-size: 10.5pt; line-height: 1.45; }
h1 { font-size: 17pt; margin: 0 0 2mm; font-weight: 600; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid #cfd6df; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; }
p { margin: 1mm 0 2mm; }
.meta { color: #566273; }
.note { background: #f1f4f8; border-left: 3px solid #5b6f8a; padding: 2mm 3mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 9.5pt; }
th, td { text-align: left; padding: 1mm 2mm; border-bottom: 1px solid #e3e7ec; }
td { vertical-align: top; }
th { color: #566273; font-weight: 600; }
td:first-child { white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.chart { display: block; margin: 2mm 0; }
.legend { color: #566273; font-size: 9pt; }
.swatch { display: inline-block; width: 9pt; height: 9pt; vertical-align: -1pt; margin-right: 2pt; }
ol.timeline { list-style: none; padding: 0; }
ol.timeline li { padding: 1mm 0; border-bottom: 1px solid #eef1f4; }
ol.timeline time { display: inline-block; min-width: 24mm; color: #566273; }
footer { margin-top: 8mm; color: #566273; font-size: 9pt; }
.chart, tr, li { break-inside: avoid; }
h2, h3 { break-after: avoid; }
@page { size: A4; margin: 14mm; }
@media print { body { margin: 0; padding: 0; } }
"""


@dataclass(frozen=True, slots=True)
class Bucket:
    """A row of the report's tables: a calendar week, or a month for long periods."""

    label: str
    start: date
    end: date  # exclusive

    def holds(self, day: date) -> bool:
        return self.start <= day < self.end


@dataclass(frozen=True, slots=True)
class Period:
    """The report's calendar weeks: `first` is a week's first day, `last` is today."""

    first: date
    last: date
    week_starts: list[date]

    def holds(self, day: date) -> bool:
        return self.first <= day <= self.last

    @property
    def monthly(self) -> bool:
        """Long periods are tabled by month, so a year's report stays a few pages."""
        return len(self.week_starts) > MONTHLY_AFTER_WEEKS

    def buckets(self) -> list[Bucket]:
        """Weeks (or months, for long periods) covering the period, oldest first."""
        end = self.last + timedelta(days=1)
        if not self.monthly:
            return [
                Bucket(s.isoformat(), s, min(s + timedelta(days=7), end)) for s in self.week_starts
            ]
        out = []
        start = self.first
        while start < end:
            nxt = (start.replace(day=1) + timedelta(days=32)).replace(day=1)
            out.append(Bucket(start.strftime("%Y-%m"), start, min(nxt, end)))
            start = nxt
        return out

    @property
    def bucket_name(self) -> str:
        return "Month" if self.monthly else "Week of"


def period_for(day: date, weeks: int, first_weekday: int) -> Period:
    """The `weeks` calendar weeks up to and including the week holding `day`."""
    current = week_start(day, first_weekday)
    starts = [current - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    return Period(starts[0], day, starts)


def _fmt(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _day(day: date) -> str:
    return f"{day.strftime('%a')} {day.isoformat()}"


@dataclass(frozen=True, slots=True)
class Stat:
    """Daily values over a week or month: how many days had one, their mean and range."""

    bucket: Bucket
    days: int
    mean: float | None
    low: float | None
    high: float | None


def _stats(buckets: Iterable[Bucket], values: dict[date, float]) -> list[Stat]:
    rows = []
    for bucket in buckets:
        found = [v for d, v in values.items() if bucket.holds(d)]
        if found:
            rows.append(Stat(bucket, len(found), mean(found), min(found), max(found)))
        else:
            rows.append(Stat(bucket, 0, None, None, None))
    return rows


def _weeks(period: Period) -> list[Bucket]:
    end = period.last + timedelta(days=1)
    return [Bucket("", s, min(s + timedelta(days=7), end)) for s in period.week_starts]


def _bands(rows: Iterable[Stat]) -> list[WeekBand]:
    return [
        WeekBand(w.bucket.start, w.mean, w.low, w.high)
        for w in rows
        if w.mean is not None and w.low is not None and w.high is not None
    ]


def _values(
    checkins: dict[date, Checkin], period: Period, pick: Callable[[Checkin], float | None]
) -> dict[date, float]:
    out = {}
    for day, checkin in checkins.items():
        value = pick(checkin)
        if period.holds(day) and value is not None:
            out[day] = float(value)
    return out


# -- sections ----------------------------------------------------------------------------------


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
    reaches = round(share * 100) >= CHANGE_SHARE * 100 or round(abs(diff), 1) >= CHANGE_POINTS
    if reaches:
        return text + "This change reaches 30% or 2 points."
    return text + "This change is below 30% and below 2 points."


def _legend(long: bool) -> str:
    items = [("#2f3e55", "weekly mean"), ("#d9e2ee", "weekly range"), ("#efe9f5", "flare day")]
    if not long:
        items.insert(0, ("#5b6f8a", "day"))
    return (
        "<p class='legend'>"
        + " ".join(
            f"<span class='swatch' style='background:{colour}'></span>{text}"
            for colour, text in items
        )
        + "</p>"
    )


def _pain_section(journal: Journal, period: Period) -> str:
    pain = _values(journal.checkins, period, lambda c: c.pain)
    rest = [d for d, c in journal.checkins.items() if c.flare and period.holds(d)]
    chart = daily_chart(
        "Daily pain (0-10) with each week's mean and range",
        period.first,
        period.last,
        pain,
        _bands(_stats(_weeks(period), pain)),
        (0, 10),
        [0, 2, 4, 6, 8, 10],
        rest,
    )
    table = _table(
        [period.bucket_name, "Days logged", "Mean", "Lowest", "Highest"],
        [
            [w.bucket.label, str(w.days), _fmt(w.mean), _fmt(w.low, 0), _fmt(w.high, 0)]
            for w in _stats(period.buckets(), pain)
        ],
        numeric={1, 2, 3, 4},
    )
    return (
        "<section id='pain'><h2>Pain</h2>"
        "<p>Self-rated pain, 0 (none) to 10 (worst), logged once a day.</p>"
        f"{chart}{_legend(period.monthly)}"
        f"<p class='note' id='pain-change'>{escape(pain_change_text(period, pain))}</p>"
        f"{table}</section>"
    )


def _sleep_mood_section(journal: Journal, period: Period) -> str:
    sleep = _values(journal.checkins, period, lambda c: c.sleep_hours)
    quality = _values(journal.checkins, period, lambda c: c.sleep_quality)
    mood = _values(journal.checkins, period, lambda c: c.mood)
    top = max([12.0, *sleep.values()])
    sleep_chart = daily_chart(
        "Hours of sleep per night with each week's mean and range",
        period.first,
        period.last,
        sleep,
        _bands(_stats(_weeks(period), sleep)),
        (0, top),
        [0, 3, 6, 9, 12] if top <= 12 else [0, 6, 12, 18, 24],
        unit="h",
    )
    mood_chart = daily_chart(
        "Mood (1 awful to 5 great) with each week's mean and range",
        period.first,
        period.last,
        mood,
        _bands(_stats(_weeks(period), mood)),
        (1, 5),
        [1, 2, 3, 4, 5],
    )
    buckets = period.buckets()
    rows = zip(_stats(buckets, sleep), _stats(buckets, quality), _stats(buckets, mood), strict=True)
    table = _table(
        [period.bucket_name, "Nights", "Sleep h (mean)", "Sleep quality 1-5", "Days", "Mood 1-5"],
        [
            [w.bucket.label, str(w.days), _fmt(w.mean), _fmt(q.mean), str(m.days), _fmt(m.mean)]
            for w, q, m in rows
        ],
        numeric={1, 2, 3, 4, 5},
    )
    return (
        "<section id='sleep-mood'><h2>Sleep and mood</h2>"
        "<h3>Sleep</h3><p>Hours slept the night before each check-in; quality 1 (very poor) to "
        f"5 (very good).</p>{sleep_chart}"
        f"<h3>Mood</h3><p>1 awful, 2 bad, 3 so-so, 4 good, 5 great.</p>{mood_chart}"
        f"{_legend(period.monthly)}{table}</section>"
    )


def _flare_section(journal: Journal, period: Period) -> str:
    days = sorted(d for d, c in journal.checkins.items() if c.flare and period.holds(d))
    runs = episodes(days)
    summary = flare_summary(journal, period.last)
    lengths = [(end - start).days + 1 for start, end in runs]
    gaps = [(b[0] - a[0]).days for a, b in pairwise(runs)]
    lines = [
        f"Flare (rest) days in the period: {len(days)}.",
        f"Episodes: {len(runs)}"
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
    if summary.days_since is not None and summary.last_flare is not None:
        lines.append(
            f"Last flare day: {summary.last_flare.isoformat()} "
            f"({summary.days_since} days before this report)."
        )
    rows = [
        [start.isoformat(), end.isoformat(), str((end - start).days + 1)] for start, end in runs
    ]
    table = _table(["From", "To", "Days"], rows, numeric={2}) if rows else ""
    body = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return (
        "<section id='flares'><h2>Flares</h2>"
        "<p>A flare day is a day she marked for rest. An episode is a run of flare days with at "
        f"most one ordinary day inside it.</p>{body}{table}</section>"
    )


def _movement_section(journal: Journal, period: Period) -> str:
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
    total_min = sum(s.minutes for s in sessions)
    text = (
        f"{len(sessions)} sessions, {total_min} minutes in the period. Kinds: walk, strength, "
        "stretch, snack (a 2-5 minute bout of gentle movement), other."
    )
    paired = [s for s in sessions if s.pain_before is not None and s.pain_after is not None]
    if paired:
        before = mean(s.pain_before for s in paired if s.pain_before is not None)
        after = mean(s.pain_after for s in paired if s.pain_after is not None)
        text += (
            f" {len(paired)} sessions logged pain before and after: mean {before:.1f} before, "
            f"{after:.1f} after."
        )
    return (
        "<section id='movement'><h2>Movement</h2>"
        f"<p>{escape(text)}</p>{chart}"
        f"{_table(header, rows, numeric=set(range(1, len(header))))}</section>"
    )


def _goal_filter(goal: Goal) -> str:
    parts = []
    if goal.kinds:
        parts.append(", ".join(goal.kinds))
    if goal.routine:
        parts.append(f"routine “{goal.routine}”")
    return "; ".join(parts) or "all movement"


def _goals_section(journal: Journal, period: Period) -> str:
    if not journal.goals:
        return "<section id='goals'><h2>Goals and pacing</h2><p>No goals set.</p></section>"
    parts = [
        "<section id='goals'><h2>Goals and pacing</h2><p>Weekly goals she set herself. A flare "
        "day lowers that week's target (rest days). Step-ups are offered after steady weeks "
        "and applied only when she accepts them.</p>"
    ]
    for goal in journal.goals:
        unit = "sessions" if goal.unit == "sessions" else "minutes"
        pacing = (
            f" Pacing toward {goal.ramp_to} {unit} a week, one step after {goal.ramp_every} "
            "steady weeks."
            if goal.ramp_to
            else ""
        )
        parts.append(
            f"<h3>{escape(goal.name)}</h3><p>Now {goal.target} {unit} a week "
            f"({escape(_goal_filter(goal))}).{escape(pacing)}</p>"
        )
        steps = [
            [s.date.isoformat(), STEP_WORDS.get(s.reason, s.reason), f"{s.target} {unit}"]
            for s in goal.steps
        ]
        parts.append(_table(["Date", "Pacing step", "Weekly target"], steps, numeric=set()))
        history = [
            week
            for week in goal_history(goal, journal, period.last, len(period.week_starts))
            if week.start + timedelta(days=6) >= goal.created  # weeks since the goal was set
        ]
        done = [w for w in history[:-1] if w.target > 0]  # whole weeks, the current one aside
        if done:
            parts.append(
                f"<p>Target reached in {sum(w.met for w in done)} of {len(done)} whole weeks "
                "in the period (weeks entirely at rest left out).</p>"
            )
        shown = history[-GOAL_WEEKS_SHOWN:]
        if len(shown) < len(history):
            parts.append(f"<p class='meta'>The last {len(shown)} weeks:</p>")
        rows = []
        for week in shown:
            rows.append(
                [
                    week.start.isoformat(),
                    str(week.done),
                    str(week.target),
                    str(week.rest_days),
                    "yes" if week.met else "",
                ]
            )
        parts.append(
            _table(
                ["Week of", f"Done ({unit})", "Target", "Rest days", "Target reached"],
                rows,
                numeric={1, 2, 3},
            )
        )
    parts.append("</section>")
    return "".join(parts)


def _routines_section(journal: Journal, period: Period) -> str:
    routines = routine_counts(journal, period.last)
    if not routines:
        return (
            "<section id='routines'><h2>Routines and milestones</h2>"
            "<p>No named routines yet.</p></section>"
        )
    in_period: dict[str, int] = {}
    reached: list[tuple[date, str, int]] = []
    running: dict[str, int] = {}
    for s in sorted(journal.sessions, key=lambda s: s.date):
        if not s.routine or s.date > period.last:
            continue
        key = routine_key(s.routine)
        running[key] = running.get(key, 0) + 1
        if period.holds(s.date):
            in_period[key] = in_period.get(key, 0) + 1
            if is_milestone(s.routine, running[key], journal.milestones):
                reached.append((s.date, s.routine, running[key]))
    rewards = {(routine_key(m.routine), m.count): m.reward for m in journal.milestones}
    rows = [
        [
            r.routine,
            str(r.count),
            str(in_period.get(routine_key(r.routine), 0)),
            r.last_done.isoformat(),
            f"{ordinal(r.next_milestone)}" + (f" ({r.reward})" if r.reward else ""),
            r.projected.isoformat() if r.projected else "–",
        ]
        for r in routines
    ]
    table = _table(
        [
            "Routine",
            "Times in all",
            "In this period",
            "Last done",
            "Next milestone",
            "At recent pace",
        ],
        rows,
        numeric={1, 2},
    )
    items = "".join(
        f"<li><time>{day.isoformat()}</time> {escape(ordinal(count))} time: {escape(name)}"
        + (f" (reward: {escape(rw)})" if (rw := rewards.get((routine_key(name), count))) else "")
        + "</li>"
        for day, name, count in reached
    )
    milestones = (
        f"<h3>Milestones reached in the period</h3><ol class='timeline'>{items}</ol>"
        if items
        else "<p>No milestone was reached in the period.</p>"
    )
    return (
        "<section id='routines'><h2>Routines and milestones</h2><p>Named videos and routes, "
        "counted since she started. Milestones at 10, 25, 50, 100, 150, 200 and every 50 "
        f"after, plus her own.</p>{table}{milestones}</section>"
    )


def _session_label(s: Session) -> str:
    label = f"{s.kind}, {s.minutes} min"
    if s.routine:
        label += f", {s.routine}"
    return label


def _notes_section(journal: Journal, period: Period) -> str:
    items: list[tuple[date, int, str, str]] = []
    for day, checkin in journal.checkins.items():
        if checkin.note and period.holds(day):
            items.append(
                (day, 0, "check-in" + (" (flare day)" if checkin.flare else ""), checkin.note)
            )
    for s in journal.sessions:
        if s.note and period.holds(s.date):
            items.append((s.date, 1, _session_label(s), s.note))
    items.sort(key=lambda item: (item[0], item[1]))
    if not items:
        return "<section id='notes'><h2>Her notes</h2><p>No notes in the period.</p></section>"
    lines = "".join(
        f"<li><time datetime='{day.isoformat()}'>{day.isoformat()}</time> "
        f"<span class='meta'>{escape(source)}:</span> {escape(text)}</li>"
        for day, _, source, text in items
    )
    return (
        "<section id='notes'><h2>Her notes</h2><p>In her own words, oldest first.</p>"
        f"<ol class='timeline'>{lines}</ol></section>"
    )


def _table(header: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    def cls(i: int) -> str:
        return " class='n'" if i in numeric else ""

    head = "".join(f"<th{cls(i)}>{escape(h)}</th>" for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(f"<td{cls(i)}>{escape(c)}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_report(journal: Journal, day: date, weeks: int) -> str:
    """The whole report as one HTML document."""
    period = period_for(day, weeks, journal.week_start)
    days = days_between(period.first, period.last)
    logged = sum(1 for d in days if d in journal.checkins)
    overview = (
        f"Period: {period.first.isoformat()} to {period.last.isoformat()} ({weeks} calendar "
        f"weeks, {len(days)} days; weeks start on {period.first.strftime('%A')}). "
        f"Check-ins logged on {logged} of {len(days)} days."
    )
    sections = [
        _pain_section(journal, period),
        _sleep_mood_section(journal, period),
        _flare_section(journal, period),
        _movement_section(journal, period),
        _goals_section(journal, period),
        _routines_section(journal, period),
        _notes_section(journal, period),
    ]
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>Gentle Flow summary {period.first.isoformat()} to "
        f"{period.last.isoformat()}</title>"
        f"<style>{CSS}</style></head><body>"
        "<header><h1>Pain, sleep, mood and movement: a summary</h1>"
        f"<p class='meta' id='period'>{escape(overview)}</p>"
        f"<p class='meta'>Prepared on {_day(day)} from her own daily log in Gentle Flow. "
        "All values are self-reported.</p></header>"
        + "".join(sections)
        + "<footer>Scales: pain 0-10 (numeric rating scale), mood 1-5, sleep quality 1-5, sleep "
        "in hours. Means are over the days with a value; days without one are left out, not "
        "counted as zero. Generated by Gentle Flow; this file loads nothing from the network."
        "</footer>"
        "</body></html>\n"
    )
