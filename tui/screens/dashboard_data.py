"""What the dashboard shows, computed from her journal in plain Python (no Textual here).

Each panel gets ready-made `rich.text.Text` (anything she typed is appended as plain text, never
parsed as markup), goal bars get `widgets.progress.Progress`, charts `widgets.plotting.ChartData`
(from `dashboard_charts`). Wording counts what was done: never missed, failed or broken.
"""

from __future__ import annotations

from datetime import date, timedelta

from msgspec import Struct
from msgspec.structs import replace
from rich.text import Text

from tui.core import words
from tui.core.earlier import NOTHING_EARLIER, Earlier
from tui.core.flares import FlareSummary, flare_summary
from tui.core.goals import sessions_between, step_up_offer, week_progress
from tui.core.insights import WINDOW_DAYS, insights, pain_change
from tui.core.milestones import ordinal, routine_counts
from tui.core.models import RAMP_EVERY, Checkin, Journal
from tui.core.peg import invite_peg, peg_for_week
from tui.core.text import shown
from tui.core.today import moved_words
from tui.screens.dashboard_charts import (
    MOVE_DAYS,
    TREND_DAYS,
    movement_chart,
    pain_chart,
    short_date,
    sleep_hours_note,
    sleep_mood_chart,
)
from widgets.plotting import ChartData
from widgets.progress import Progress

MOOD_WORDS = {1: "awful", 2: "low", 3: "okay", 4: "good", 5: "great"}
SLEEP_WORDS = {1: "very poor", 2: "poor", 3: "fair", 4: "good", 5: "very good"}
ROUTINES_SHOWN = 4
DIM = "dim"


class DashboardData(Struct, frozen=True):
    """Everything the dashboard shows for one day."""

    day: date
    first_run: bool
    today: Text | TodayView  # the first run's welcome, or her day
    goals: tuple[Progress, ...]
    flares: Text
    routines: Text
    insights: Text
    pain: ChartData
    movement: ChartData
    sleep_mood: ChartData
    sleep_note: str
    flare_phrase: str


def reads_from(day: date) -> date:
    """The first day whose entries the dashboard of `day` reads one by one: the panels' days (the
    insights' window, the charts' weeks) and the weeks before this one that a step-up offer
    judges, up to `RAMP_EVERY`'s most, whatever day her weeks begin on. Of the days before,
    `Earlier` in brief is enough (`Store.recent`); a step-up offer that would look further back
    (weeks at rest between met ones) raises `NotHeld`."""
    panels = timedelta(days=max(TREND_DAYS, MOVE_DAYS, WINDOW_DAYS) + 1)
    goals = timedelta(days=6, weeks=RAMP_EVERY.hi)
    return day - max(panels, goals)


def build(
    journal: Journal, day: date, peg_key: str = "p", earlier: Earlier = NOTHING_EARLIER
) -> DashboardData:
    """The dashboard of `day` (`peg_key`: her key for the weekly check, named in its line).

    `journal` may hold only her entries from `reads_from(day)` on, with `earlier` the years
    before in brief (`Store.recent`); raises `NotHeld` if that is not enough (build it from the
    whole journal then)."""
    first_run = (
        not journal.checkins
        and not journal.sessions
        and not journal.goals
        and not earlier.has_entries
    )
    flares = flare_summary(journal, day, earlier.flare_days)
    return DashboardData(
        day=day,
        first_run=first_run,
        today=welcome_text()
        if first_run
        else replace(today_view(journal, day), peg=peg_line(journal, day, peg_key)),
        goals=goal_progress(journal, day, earlier),
        flares=flares_text(flares),
        routines=_routines_of(journal, day, earlier),
        insights=insights_text(journal, day),
        pain=pain_chart(journal, day),
        movement=movement_chart(journal, day),
        sleep_mood=sleep_mood_chart(journal, day),
        sleep_note=sleep_hours_note(journal, day),
        flare_phrase=flare_phrase(flares),
    )


#: The last routines panel, with the sessions (and those before them) and milestones it counted
#: (held, so that `is` compares them safely): a save that leaves them as they were (a check-in, a
#: goal) reuses it instead of counting every session of twenty years again. The store never
#: changes a journal's lists in place; a change gives new ones (tui/store/journal_cache.py).
_last_routines: list[object] = []


def _routines_of(journal: Journal, day: date, earlier: Earlier) -> Text:
    last = _last_routines
    counted = [journal.sessions, earlier.routine_sessions, journal.milestones]
    if last and all(a is b for a, b in zip(last, counted, strict=False)) and last[3] == day:
        text = last[4]
        assert isinstance(text, Text)
        return text
    text = routines_text(journal, day, earlier=earlier)
    last[:] = [*counted, day, text]
    return text


def welcome_text() -> Text:
    """The first-run greeting: what the app is and the two keys that start her day."""
    text = Text()
    text.append("Welcome to Gentle Flow.\n", "bold")
    text.append("Two keys start your day:\n")
    text.append("  l ", "bold")
    text.append("how you slept, your pain and mood\n")
    text.append("  m ", "bold")
    text.append("some gentle movement, even 2 minutes\n")
    text.append("Everything stays in one file on this computer.", DIM)
    return text


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def checkin_lines(checkin: Checkin) -> Text:
    """`Pain 4 · Mood 3 okay` then `Sleep 7 h, good`: the fields she logged."""
    parts: list[Text] = []
    if checkin.pain is not None:
        parts.append(Text.assemble("Pain ", (str(checkin.pain), "bold")))
    if checkin.mood is not None:
        parts.append(
            Text.assemble("Mood ", (str(checkin.mood), "bold"), f" {MOOD_WORDS[checkin.mood]}")
        )
    if checkin.sleep_hours is not None or checkin.sleep_quality is not None:
        sleep = Text("Sleep ")
        if checkin.sleep_hours is not None:
            sleep.append(f"{_number(checkin.sleep_hours)} h", "bold")
        if checkin.sleep_quality is not None:
            sleep.append(("," if checkin.sleep_hours is not None else "") + " ")
            sleep.append(SLEEP_WORDS[checkin.sleep_quality])
        lines = [Text(" · ").join(parts), sleep] if parts else [sleep]
        return Text("\n").join(lines)
    return Text(" · ").join(parts)


class TodayView(Struct, frozen=True):
    """The Today panel's parts; the screen fits them to the panel (the movement line first)."""

    lines: tuple[Text, ...]  # the check-in (or the invitation to log it), the rest-day line
    note: str | None  # her note, shown literally
    moved: Text | None  # the movement line's head: `Moved 51 min: `
    items: tuple[str, ...]  # one phrase per group of like sessions (her names, literally)
    footer: Text | None  # the invitation to log movement
    item_style: str = ""  # yesterday's movement is dim
    peg: Text | None = None  # the weekly check: its one quiet invitation, or this week's score


def today_view(journal: Journal, day: date) -> TodayView:
    """Today's check-in (or an invitation to log it) and today's movement, grouped."""
    checkin = journal.checkins.get(day)
    lines: list[Text] = []
    note = None
    if checkin is None or checkin.is_empty():
        lines.append(Text("Not logged yet today."))
        lines.append(Text.assemble(("l", "bold"), " check-in: pain, sleep, mood"))
    else:
        lines.append(checkin_lines(checkin))
        if checkin.flare:
            lines.append(Text("Rest day. Rest is the right thing today.", "italic"))
        note = shown(checkin.note) if checkin.note else None
    today_sessions = sessions_between(journal, day, day + timedelta(days=1))
    if today_sessions:
        total, items = moved_words(today_sessions)
        return TodayView(
            tuple(lines), note, Text.assemble((f"Moved {total} min: ", "bold")), tuple(items), None
        )
    footer = Text.assemble(("m", "bold"), " log movement, even a 2-minute snack")
    yesterday = sessions_between(journal, day - timedelta(days=1), day)
    if not yesterday:
        return TodayView(tuple(lines), note, None, (), footer)
    total, items = moved_words(yesterday)
    return TodayView(
        tuple(lines), note, Text.assemble((f"Yesterday {total} min: ", DIM)), tuple(items), footer
    )


def peg_line(journal: Journal, day: date, key: str) -> Text | None:
    """One quiet line: this week's PEG score, or (while `invite_peg`) an invitation to answer."""
    answer = peg_for_week(journal, day)
    if answer is not None:
        return Text.assemble(
            ("PEG this week ", DIM), (f"{answer.score:.1f}", "bold"), (" of 10", DIM)
        )
    if invite_peg(journal, day):
        return Text.assemble((key, "bold"), (" weekly check: how was the week?", DIM))
    return None


def goal_progress(
    journal: Journal, day: date, earlier: Earlier = NOTHING_EARLIER
) -> tuple[Progress, ...]:
    """This week's progress of every goal, with rest days and step-up offers noted calmly
    (`earlier`: as for `build`)."""
    bars = []
    checkin = journal.checkins.get(day)
    resting = checkin is not None and checkin.flare  # no step-up talk on a flare day
    for goal in journal.goals:
        week = week_progress(goal, journal, day)
        notes = []
        if week.rest_days:
            plural = "s" if week.rest_days > 1 else ""
            notes.append(f"{week.rest_days} rest day{plural}, aim {week.target}")
        if not resting and step_up_offer(goal, journal, day, earlier) is not None:
            notes.append("step up? g")
        # The unit as core.words says it everywhere: `1 of 2 sessions`, `45 of 60 min`.
        unit = "min" if goal.unit == "minutes" else words.plural("session", week.target)
        bars.append(Progress(shown(goal.name), week.done, week.target, unit, " · ".join(notes)))
    return tuple(bars)


def flare_phrase(summary: FlareSummary) -> str:
    """A few neutral words for the title line: `5 days since the last flare`."""
    days = summary.days_since
    if days is None:
        return ""
    if days == 0:
        return "a rest day today"
    return f"{days} day{'s' if days != 1 else ''} since the last flare"


def flares_text(summary: FlareSummary) -> Text:
    """Flare figures, neutrally: since the last, how many lately, the usual gap and length."""
    text = Text()
    if summary.days_since is None:
        text.append("No flare days recorded.")
        return text
    days = summary.days_since
    if days == 0:
        text.append("A rest day today")
    else:
        text.append_text(_bold_number(f"Last flare {days} day{'s' if days != 1 else ''} ago"))
    text.append("\n")
    rest = summary.last_4_weeks
    text.append_text(_bold_number(f"{rest} rest day{'s' if rest != 1 else ''} in 4 weeks"))
    if summary.typical_gap is not None:
        text.append("\n")
        text.append_text(_bold_number(f"Usually {summary.typical_gap:.0f} days apart"))
    if summary.typical_length is not None and summary.episodes > 1:
        length = round(summary.typical_length)
        text.append("\n")
        text.append_text(_bold_number(f"and {length} day{'s' if length != 1 else ''} long"))
    return text


def _bold_number(line: str) -> Text:
    """The line with its numbers in bold (for our own words only, never her text)."""
    text = Text(line)
    text.highlight_regex(r"\d+", "bold")
    return text


def routines_text(
    journal: Journal, day: date, limit: int = ROUTINES_SHOWN, earlier: Earlier = NOTHING_EARLIER
) -> Text:
    """Her routines with their counts and next milestone (with its reward and expected date)."""
    counts = routine_counts(journal, day, earlier.routine_sessions)[:limit]
    text = Text()
    if not counts:
        text.append("Routines you name (a video, a walk) are counted here.", DIM)
        return text
    for i, rc in enumerate(counts):
        if i:
            text.append("\n")
        text.append(shown(rc.routine), "bold")  # her name for it, literally
        text.append(f"  {ordinal(rc.count)} time\n")
        text.append(f"  next: {rc.next_milestone}", DIM)
        if rc.reward:
            text.append(" (", DIM)
            text.append(rc.reward, DIM)
            text.append(")", DIM)
        if rc.projected is not None:
            text.append(f", about {short_date(rc.projected)}", DIM)
            if rc.projected.year != day.year:
                text.append(f" {rc.projected.year}", DIM)
    return text


def insights_text(journal: Journal, day: date) -> Text:
    """Each comparison with its sample sizes, in plain words."""
    found = insights(journal, day)
    change = pain_change(journal, day)
    text = Text()
    if not found and change is None:
        text.append(
            "After a few weeks of check-ins, this shows how pain, sleep and mood "
            "compare on days with and without movement (with how many days each rests on).",
            DIM,
        )
        return text
    for i, item in enumerate(found):
        if i:
            text.append("\n")
        text.append(f"{item.title}: ")
        text.append(f"{item.a_mean:.1f}", "bold")
        text.append(f" {item.a_label} ({item.a_n} days) vs ")
        text.append(f"{item.b_mean:.1f}", "bold")
        text.append(f" {item.b_label} ({item.b_n} days)")
    if change is not None:
        if found:
            text.append("\n")
        text.append(change.text)
    return text
