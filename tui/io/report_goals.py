"""The clinician report's goals (with their pacing plans), routines and her notes, as plain data."""

from __future__ import annotations

from datetime import date, timedelta

from msgspec import Struct

from tui.core.earlier import NOTHING_EARLIER, Earlier
from tui.core.goals import WeekProgress, goal_history, sessions_between
from tui.core.milestones import milestones_between, ordinal, routine_counts
from tui.core.models import Goal, Journal, Session, routine_key
from tui.core.pacing import has_plan, pacing_weeks, planned_target
from tui.io.report_period import Period, Table

GOAL_WEEKS_SHOWN = 12
STEP_WORDS = {"created": "set", "up": "stepped up", "down": "stepped down", "edited": "changed"}


class GoalBlock(Struct, frozen=True):
    name: str
    target: int
    unit: str
    counts: str  # what counts toward it, in words
    plan: str | None  # the pacing plan, in words
    steps: Table
    reached: str | None
    shown: int | None  # how many recent weeks the table shows, when not all
    weeks: Table


def _goal_filter(goal: Goal) -> str:
    parts = []
    if goal.kinds:
        parts.append(", ".join(goal.kinds))
    if goal.routine:
        parts.append(f"routine “{goal.routine}”")
    return "; ".join(parts) or "all movement"


def _weeks(goal: Goal, journal: Journal, period: Period) -> list[WeekProgress]:
    if has_plan(goal):
        return [w.progress for w in pacing_weeks(goal, journal, period.first, period.last)]
    return [
        week
        for week in goal_history(goal, journal, period.last, len(period.week_starts))
        if week.start + timedelta(days=6) >= goal.created  # weeks since the goal was set
    ]


PACED_HEADER = ["Week of", "Planned", "Her target", "Rest days", "Target after rest"]


def _plan_text(goal: Goal, period: Period, first_weekday: int) -> str:
    unit = goal.unit
    return (
        f"Pacing plan: from {goal.steps[0].target if goal.steps else goal.target} "
        f"toward {goal.ramp_to} {unit} a week, one step after every {goal.ramp_every} "
        f"steady weeks; the plan foresees {planned_target(goal, period.last, first_weekday)} "
        f"{unit} a week by the end of the period. Steps are only offered: her target may stay "
        "below the plan by her choice."
    )


def _weeks_table(goal: Goal, weeks: list[WeekProgress], first_weekday: int) -> Table:
    """Her weeks; for a paced goal the plan's amount beside her own target and what she did."""
    done = f"Done ({goal.unit})"
    if not has_plan(goal):
        rows = [[w.start.isoformat(), str(w.done), str(w.target), str(w.rest_days)] for w in weeks]
        header = ["Week of", done, "Target", "Rest days"]
    else:
        rows = [
            [
                w.start.isoformat(),
                str(planned_target(goal, w.start, first_weekday)),
                str(w.base_target),
                str(w.rest_days),
                str(w.target),
                str(w.done),
            ]
            for w in weeks
        ]
        header = [*PACED_HEADER, done]
    for row, week in zip(rows, weeks, strict=True):
        row.append("yes" if week.met else "")
    return Table.of([*header, "Target reached"], rows, range(1, len(header)))


def goal_blocks(journal: Journal, period: Period, day: date) -> list[GoalBlock]:
    """Each goal: its target, pacing plan and steps, and its recent weeks (planned beside done)."""
    blocks = []
    last_whole = min(period.last, day - timedelta(days=1))  # a week still running is left aside
    for goal in journal.goals:
        history = _weeks(goal, journal, period)
        whole = [w for w in history if w.target > 0 and w.start + timedelta(days=6) <= last_whole]
        shown = history[-GOAL_WEEKS_SHOWN:]
        blocks.append(
            GoalBlock(
                name=goal.name,
                target=goal.target,
                unit=goal.unit,
                counts=_goal_filter(goal),
                plan=_plan_text(goal, period, journal.week_start) if has_plan(goal) else None,
                steps=Table.of(
                    ["Date", "Pacing step", "Weekly target"],
                    [
                        [
                            s.date.isoformat(),
                            STEP_WORDS.get(s.reason, s.reason),
                            f"{s.target} {goal.unit}",
                        ]
                        for s in goal.steps
                    ],
                ),
                reached=(
                    f"Target reached in {sum(w.met for w in whole)} of {len(whole)} whole weeks "
                    "in the period (weeks entirely at rest left out)."
                    if whole
                    else None
                ),
                shown=len(shown) if len(shown) < len(history) else None,
                weeks=_weeks_table(goal, shown, journal.week_start),
            )
        )
    return blocks


class Milestone(Struct, frozen=True):
    date: date
    ordinal: str
    routine: str
    reward: str | None


class RoutinesSection(Struct, frozen=True):
    table: Table | None
    reached: list[Milestone]


def routines_section(
    journal: Journal, period: Period, earlier: Earlier = NOTHING_EARLIER
) -> RoutinesSection:
    """Every routine's count over her whole history (`earlier` holds the years `journal` may
    leave out), how often in the period, and the milestones reached in it."""
    routines = routine_counts(journal, period.last, earlier.routine_sessions)
    if not routines:
        return RoutinesSection(None, [])
    in_period: dict[str, int] = {}
    for s in sessions_between(journal, period.first, period.last + timedelta(days=1)):
        if s.routine:
            key = routine_key(s.routine)
            in_period[key] = in_period.get(key, 0) + 1
    rows = [
        [
            r.routine,
            str(r.count),
            str(in_period.get(routine_key(r.routine), 0)),
            r.last_done.isoformat(),
            ordinal(r.next_milestone) + (f" ({r.reward})" if r.reward else ""),
            r.projected.isoformat() if r.projected else "–",
        ]
        for r in routines
    ]
    table = Table.of(
        [
            "Routine",
            "Times in all",
            "In this period",
            "Last done",
            "Next milestone",
            "At recent pace",
        ],
        rows,
        {1, 2},
    )
    reached = [
        Milestone(m.date, ordinal(m.count), m.routine, m.reward)
        for m in milestones_between(journal, period.first, period.last, earlier.routine_sessions)
    ]
    return RoutinesSection(table, reached)


class Note(Struct, frozen=True):
    date: date
    source: str
    text: str


def _session_label(s: Session) -> str:
    label = f"{s.kind}, {s.minutes} min"
    if s.routine:
        label += f", {s.routine}"
    return label


def notes(journal: Journal, period: Period) -> list[Note]:
    """Her notes in the period, oldest first (a day's check-in before its sessions)."""
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
    return [Note(day, source, text) for day, _, source, text in items]
