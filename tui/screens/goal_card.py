"""One goal as a card on the goals screen: this week's bar, the last eight weeks, the offer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui.core import words
from tui.core.dates import today
from tui.core.goals import (
    WeekProgress,
    goal_history,
    met_weeks_in_a_row,
    step_up_offer,
    week_progress,
)
from tui.core.models import Goal, Journal
from tui.core.text import shown
from tui.screens.form import literal
from widgets.goal_bar import GoalBars, Progress

HISTORY_WEEKS = 8
BARS = "▁▂▃▄▅▆▇█"


def amount(value: int, unit: str) -> str:
    """'3 sessions a week' / '90 min a week', in the app's one vocabulary."""
    return f"{words.amount(value, unit)} a week"


def what_counts(goal: Goal) -> Content:
    """'strength sessions', 'minutes of any movement', 'Lower Body Strength sessions'."""
    noun = "sessions" if goal.unit == "sessions" else "minutes"
    parts: list[Content] = []
    if goal.routine:
        parts.append(literal(goal.routine))
    if goal.kinds:
        parts.append(Content(" or ".join(goal.kinds)))
    if not parts:
        return Content(f"{noun} of any movement")
    return Content(" ").join([*parts, Content(noun)])


def week_marks(history: list[WeekProgress]) -> Content:
    """One small bar per week, oldest first: how much was done (a rest week shows a circle)."""
    marks: list[Content] = []
    for week in history:
        if week.target <= 0:
            marks.append(Content.styled("○", "$foreground-muted"))
        elif week.done == 0:
            marks.append(Content.styled("·", "$foreground-muted"))
        else:
            bar = BARS[max(0, round(week.fraction * (len(BARS) - 1)))]
            marks.append(Content.styled(bar, "$text-success" if week.met else "$text-primary"))
    return Content(" ").join(marks)


def history_line(goal: Goal, journal: Journal) -> Content:
    """'last 8 weeks ▅ █ █ ▂ █ █ █ ▅  met in 6 of them'."""
    history = goal_history(goal, journal, today(), HISTORY_WEEKS)
    met = sum(1 for week in history if week.met and week.target > 0)
    summary = f"  met in {met} of them" if met else "  every week starts fresh"
    return Content.assemble(
        (f"last {HISTORY_WEEKS} weeks ", "$foreground-muted"),
        week_marks(history),
        (summary, "$foreground-muted"),
    )


def about_line(goal: Goal, week: WeekProgress) -> Content:
    """What counts, the pacing, and this week's rest days."""
    parts = [what_counts(goal)]
    if goal.ramp_to and goal.ramp_every:
        parts.append(
            Content(
                f"working up to {amount(goal.ramp_to, goal.unit)}, "
                f"a step after {words.count(goal.ramp_every, 'week')} met"
            )
        )
    if week.rest_days:
        days = words.count(week.rest_days, "rest day")
        if week.base_target != week.target:
            days += f": target {week.base_target} → {week.target}"
        parts.append(Content(days))
    line = Content(" · ").join(parts)
    return line.stylize("$foreground-muted")


def offer_text(goal: Goal, journal: Journal) -> str | None:
    """The step-up offer in her words, when there is one."""
    offer = step_up_offer(goal, journal, today())
    if offer is None:
        return None
    weeks = met_weeks_in_a_row(goal, journal, today())
    return (
        f"You've met this {weeks} weeks running. "
        f"Step up to {amount(offer, goal.unit)}? a accept · n not now"
    )


class GoalCard(Vertical, can_focus=True):
    """One goal: this week's bar, the last eight weeks, and an offer if there is one."""

    DEFAULT_CSS = """
    GoalCard {
        height: auto;
        padding: 0 0 0 1;
        margin: 0 0 1 0;
        border-left: blank;
    }
    GoalCard:focus {
        border-left: thick $primary 60%;
        background: $boost;
    }
    GoalCard .goal-offer {
        color: $text-primary;
    }
    """

    def __init__(self, goal: Goal, journal: Journal) -> None:
        super().__init__()
        self.goal = goal
        self.journal = journal

    def compose(self) -> ComposeResult:
        goal, journal = self.goal, self.journal
        week = week_progress(goal, journal, today())
        unit = "sessions" if goal.unit == "sessions" else "minutes"
        yield GoalBars((Progress(shown(goal.name), week.done, week.target, f"{unit} this week"),))
        yield Static(about_line(goal, week), markup=False)
        yield Static(history_line(goal, journal), markup=False)
        offer = offer_text(goal, journal)
        if offer:
            yield Static(offer, classes="goal-offer", markup=False)
