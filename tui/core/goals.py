"""Weekly goals: what counts, rest days that lower the target, and pacing step-ups she accepts.

Weeks are calendar weeks (Monday first unless she chose another day). Each flare day in a week is a
rest day and lowers that week's target to `round(target * (7 - rest_days) / 7)`: rest never counts
against her. After `ramp_every` met weeks in a row the app *offers* one step up; nothing changes
until she accepts, and she can always step down.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta

from msgspec import Struct
from msgspec.structs import replace

from tui.core.dates import week_start
from tui.core.earlier import NOTHING_EARLIER, Earlier, NotHeld
from tui.core.models import MINUTES_PER_WEEK, PER_WEEK, Goal, Journal, Session, Step


def sessions_between(journal: Journal, start: date, end: date) -> list[Session]:
    """Sessions dated `start` <= date < `end` (the journal keeps sessions sorted by date)."""
    lo = bisect_left(journal.sessions, start, key=_session_date)
    hi = bisect_left(journal.sessions, end, key=_session_date)
    return journal.sessions[lo:hi]


def rest_days_between(journal: Journal, start: date, end: date) -> list[date]:
    """Flare (rest) days dated `start` <= date < `end`."""
    days = (start + timedelta(days=i) for i in range((end - start).days))
    return [d for d in days if (c := journal.checkins.get(d)) is not None and c.flare]


def _session_date(session: Session) -> date:
    return session.date


def rest_day_target(target: int, rest_days: int) -> int:
    """The week's target once its rest days are taken out (the one rest-day formula)."""
    rest_days = max(0, min(7, rest_days))
    return round(target * (7 - rest_days) / 7)


class WeekProgress(Struct, frozen=True):
    """One goal over one calendar week."""

    goal: Goal
    start: date
    done: int
    target: int  # after rest days
    base_target: int  # before rest days
    rest_days: int

    @property
    def met(self) -> bool:
        return self.done >= self.target

    @property
    def unit(self) -> str:
        return self.goal.unit

    @property
    def fraction(self) -> float:
        """How full the bar is (1.0 when met, also when rest took the whole week)."""
        return 1.0 if self.target <= 0 else min(1.0, self.done / self.target)


def week_progress(goal: Goal, journal: Journal, day: date) -> WeekProgress:
    """The goal's progress in the calendar week holding `day` (the whole week, up to today)."""
    start = week_start(day, journal.week_start)
    end = start + timedelta(days=7)
    done = sum(goal.amount(s) for s in sessions_between(journal, start, end) if goal.counts(s))
    rest = len(rest_days_between(journal, start, end))
    base = goal.target_on(end - timedelta(days=1))
    return WeekProgress(goal, start, done, rest_day_target(base, rest), base, rest)


def goal_history(goal: Goal, journal: Journal, day: date, weeks: int = 8) -> list[WeekProgress]:
    """The last `weeks` weeks, oldest first, the current week last."""
    current = week_start(day, journal.week_start)
    return [
        week_progress(goal, journal, current - timedelta(weeks=back))
        for back in range(weeks - 1, -1, -1)
    ]


def step_size(goal: Goal) -> int:
    """One pacing step: one more session, or a tenth more minutes (at least one)."""
    # A tenth, halves rounded up (Python's round() would send 25 -> 2 but 35 -> 4).
    return 1 if goal.unit == "sessions" else max(1, (goal.target + 5) // 10)


def _limit(goal: Goal) -> int:
    return PER_WEEK.hi if goal.unit == "sessions" else MINUTES_PER_WEEK.hi


def met_weeks_in_a_row(
    goal: Goal,
    journal: Journal,
    day: date,
    enough: int | None = None,
    earlier: Earlier = NOTHING_EARLIER,
) -> int:
    """Completed weeks met in a row before the current one, at the current target.

    Only weeks that began on or after the last change (creation, a step, a declined offer) count.
    Weeks entirely at rest (target 0) are passed over: they neither count nor interrupt.
    `enough`: stop counting there. `earlier` (with a journal of her recent weeks): raises
    `NotHeld` rather than judge a week the journal does not hold whole.
    """
    since = max(goal.steps[-1].date if goal.steps else date.min, goal.declined or date.min)
    start = week_start(day, journal.week_start) - timedelta(weeks=1)
    count = 0
    while start >= since and (enough is None or count < enough):
        if not earlier.holds(start):
            raise NotHeld(start)
        progress = week_progress(goal, journal, start)
        if progress.target > 0:
            if not progress.met:
                break
            count += 1
        start -= timedelta(weeks=1)
    return count


def step_up_offer(
    goal: Goal, journal: Journal, day: date, earlier: Earlier = NOTHING_EARLIER
) -> int | None:
    """The new target to offer, when `ramp_every` weeks in a row were met; else None
    (`earlier`: as for `met_weeks_in_a_row`)."""
    if goal.ramp_to is None or goal.ramp_every is None or goal.target >= goal.ramp_to:
        return None
    if met_weeks_in_a_row(goal, journal, day, goal.ramp_every, earlier) < goal.ramp_every:
        return None
    return min(goal.ramp_to, goal.target + step_size(goal))


def accept_step_up(goal: Goal, journal: Journal, day: date) -> Goal:
    """Apply the offered step; a goal with no offer stays as it is."""
    offer = step_up_offer(goal, journal, day)
    if offer is None:
        return goal
    return replace(goal, target=offer, steps=(*goal.steps, Step(day, offer, "up")))


def decline_step_up(goal: Goal, day: date) -> Goal:
    """Not now: keep the target; a new offer comes after another run of met weeks."""
    return replace(goal, declined=day)


def step_down(goal: Goal, day: date) -> Goal:
    """One step down, any time, never below one."""
    lower = max(1, goal.target - step_size(goal))
    if lower == goal.target:
        return goal
    return replace(goal, target=lower, steps=(*goal.steps, Step(day, lower, "down")))


def step_up_now(goal: Goal, day: date) -> Goal:
    """One step up on her own request (the CLI's `goal step-up`), up to the allowed maximum."""
    higher = min(_limit(goal), goal.target + step_size(goal))
    if higher == goal.target:
        return goal
    return replace(goal, target=higher, steps=(*goal.steps, Step(day, higher, "up")))


def edited(old: Goal, new: Goal, day: date) -> Goal:
    """`new` as the edit of `old` made on `day`: the goal keeps its history of steps and its last
    declined offer, and a changed target (or unit) is recorded as an "edited" step."""
    steps = old.steps
    if (new.target, new.unit) != (old.target, old.unit):
        steps = (*steps, Step(day, new.target, "edited"))
    return replace(new, steps=steps, declined=old.declined)
