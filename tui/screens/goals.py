"""Her weekly goals: this week, the last eight weeks, and pacing she decides on.

Each goal shows what was done this week against the week's target (rest days lower it), and a
small bar per week for the last eight weeks, counting what was done. When she has met a goal
`ramp_every` weeks running, the goal offers one step up; it changes only if she accepts (`a`), and
`n` keeps it as it is. `-` steps down at any time. `+` adds, `e` edits, `x` removes (after asking).
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from tui.core.dates import today
from tui.core.errors import FileProblem, InputError, StaleGoal
from tui.core.goals import (
    WeekProgress,
    accept_step_up,
    decline_step_up,
    goal_history,
    met_weeks_in_a_row,
    step_down,
    step_up_offer,
    week_progress,
)
from tui.core.models import RAMP_EVERY, Goal, Journal, Step
from tui.screens._form import (
    FOCUS_KEYS,
    Choice,
    ChoiceBar,
    ConfirmScreen,
    Field,
    TextInput,
    error_text,
    keys_line,
    literal,
    number_field,
)
from tui.screens.move import KIND_CHOICES
from widgets.goal_bar import GoalBars, Progress
from widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from tui.store import Store

HISTORY_WEEKS = 8
BARS = "▁▂▃▄▅▆▇█"


def amount(value: int, unit: str) -> str:
    """'3 a week' / '90 minutes a week'."""
    return f"{value} a week" if unit == "sessions" else f"{value} minutes a week"


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
            Content(f"working up to {amount(goal.ramp_to, goal.unit)}, every {goal.ramp_every} wk")
        )
    if week.rest_days:
        days = "1 rest day" if week.rest_days == 1 else f"{week.rest_days} rest days"
        parts.append(Content(f"{days}: target {week.base_target} → {week.target}"))
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
        yield GoalBars((Progress(goal.name, week.done, week.target, f"{unit} this week"),))
        yield Static(about_line(goal, week), markup=False)
        yield Static(history_line(goal, journal), markup=False)
        offer = offer_text(goal, journal)
        if offer:
            yield Static(offer, classes="goal-offer", markup=False)


class GoalsScreen(Screen[None]):
    """Every goal, with keys to add, edit, remove, accept or decline a step up, or step down."""

    DEFAULT_CSS = """
    GoalsScreen #goals-title {
        text-style: bold;
        padding: 0 1;
    }
    GoalsScreen #goals-status {
        color: $text-muted;
        padding: 0 1;
        height: auto;
    }
    GoalsScreen #goals-list {
        padding: 1 1 0 1;
    }
    GoalsScreen #goals-keys {
        padding: 0 1;
        height: auto;
    }
    GoalsScreen #goals-empty {
        color: $text-muted;
        padding: 1 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus", "add", "Add", show=False),
        Binding("e,enter", "edit", "Edit", show=False),
        Binding("x,delete", "remove", "Remove", show=False),
        Binding("minus", "step_down", "Step down", show=False),
        Binding("a", "accept", "Accept step up", show=False),
        Binding("n", "decline", "Not now", show=False),
        Binding("down,j", "move(1)", "Next", show=False),
        Binding("up,k", "move(-1)", "Previous", show=False),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self._refreshing = asyncio.Lock()
        self._wanted: str | None = None  # the goal to keep selected across refreshes

    def compose(self) -> ComposeResult:
        yield Static("Goals", id="goals-title", markup=False)
        yield Static(
            "Rest days lower a week's target. Every session counts.",
            id="goals-status",
            markup=False,
        )
        yield VerticalScroll(id="goals-list")
        yield Static(
            keys_line(
                ("+", "add"),
                ("e", "edit"),
                ("x", "remove"),
                ("-", "step down"),
                ("a / n", "answer a step-up offer"),
            ),
            id="goals-keys",
        )
        yield KeyBar()

    async def on_mount(self) -> None:
        await self.refresh_goals()

    async def on_screen_resume(self) -> None:
        await self.refresh_goals()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, GoalCard):
            self._wanted = event.widget.goal.name

    # -- showing -----------------------------------------------------------------------------

    def _cards(self) -> list[GoalCard]:
        return list(self.query(GoalCard))

    def _current(self) -> GoalCard | None:
        focused = self.focused
        return focused if isinstance(focused, GoalCard) else None

    async def refresh_goals(
        self, status: str | Content | None = None, *, select: str | None = None
    ) -> None:
        """Re-read the goals and show them, keeping the selected goal (or choosing `select`)."""
        async with self._refreshing:  # a resume and a form's callback may both ask at once
            if select is not None:
                self._wanted = select
            wanted = self._wanted
            journal = self.store.journal()
            listing = self.query_one("#goals-list", VerticalScroll)
            await listing.remove_children()
            cards = [GoalCard(goal, journal) for goal in journal.goals]
            if cards:
                await listing.mount_all(cards)
            else:
                await listing.mount(
                    Static(
                        "No goals yet. Press + to add one: small and realistic is just right.",
                        id="goals-empty",
                        markup=False,
                    )
                )
            self._show_title(journal)
            if status is not None:
                self.query_one("#goals-status", Static).update(status)
            key = wanted.casefold() if wanted else None
            chosen = next((c for c in cards if c.goal.name.casefold() == key), None)
            if chosen is None and cards:
                chosen = cards[0]
            if chosen is not None:
                chosen.focus()
                self.call_after_refresh(chosen.scroll_visible, animate=False)

    def _show_title(self, journal: Journal) -> None:
        start = week_progress(Goal("", "sessions", 1), journal, today()).start
        self.query_one("#goals-title", Static).update(
            f"Goals · this week began {start:%a} {start.day} {start:%b}"
        )

    # -- actions -----------------------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        cards = self._cards()
        current = self._current()
        if not cards:
            return
        index = cards.index(current) if current in cards else -delta
        target = cards[max(0, min(len(cards) - 1, index + delta))]
        target.focus()
        target.scroll_visible(animate=False)

    async def _save(self, old: Goal, goal: Goal, status: Content) -> None:
        try:
            # Applied to the goal as it is in the file now; if the CLI or another window changed
            # or removed it meanwhile, nothing is written and the screen shows what is there.
            self.store.update_goal(old.name, lambda _: goal, expected=old)
        except StaleGoal as exc:
            self.notify(str(exc), timeout=6)
            await self.refresh_goals(literal(str(exc)), select=old.name)
            return
        except (InputError, FileProblem) as exc:
            await self.refresh_goals(Content(str(exc)))
            return
        await self.refresh_goals(status, select=goal.name)

    async def action_accept(self) -> None:
        """Take the offered step up."""
        card = self._current()
        if card is None:
            return
        journal = self.store.journal()
        if step_up_offer(card.goal, journal, today()) is None:
            self.query_one("#goals-status", Static).update(
                literal("No step up on offer for this goal right now.")
            )
            return
        goal = accept_step_up(card.goal, journal, today())
        await self._save(
            card.goal,
            goal,
            literal(f"{goal.name}: now {amount(goal.target, goal.unit)}. Well paced."),
        )

    async def action_decline(self) -> None:
        """Not now: keep the target; the offer may come again after more met weeks."""
        card = self._current()
        if card is None or step_up_offer(card.goal, self.store.journal(), today()) is None:
            return
        goal = decline_step_up(card.goal, today())
        await self._save(
            card.goal,
            goal,
            literal(f"{goal.name}: staying at {amount(goal.target, goal.unit)}. It's not a race."),
        )

    async def action_step_down(self) -> None:
        """One step down, whenever she likes."""
        card = self._current()
        if card is None:
            return
        goal = step_down(card.goal, today())
        if goal == card.goal:
            self.query_one("#goals-status", Static).update(
                literal(
                    f"{goal.name} is at its gentlest already: {amount(goal.target, goal.unit)}."
                )
            )
            return
        await self._save(
            card.goal,
            goal,
            literal(
                f"{goal.name}: now {amount(goal.target, goal.unit)}. Pacing is part of the plan."
            ),
        )

    def action_add(self) -> None:
        self.app.push_screen(GoalFormScreen(self.store), self._form_closed)

    def action_edit(self) -> None:
        card = self._current()
        if card is not None:
            self.app.push_screen(GoalFormScreen(self.store, card.goal), self._form_closed)

    async def _form_closed(self, name: str | None) -> None:
        if name is not None:
            await self.refresh_goals(literal(f"Saved {name}."), select=name)

    def action_remove(self) -> None:
        card = self._current()
        if card is None:
            return
        name = card.goal.name
        question = Content.assemble(
            "Remove the goal ", literal(name, "bold"), "? Your sessions stay as they are."
        )

        async def answer(yes: bool | None) -> None:
            if yes:
                self.store.remove_goal(name)
                await self.refresh_goals(literal(f"Removed {name}."))

        self.app.push_screen(ConfirmScreen(question, "y remove / n keep"), answer)


class GoalFormScreen(ModalScreen[str | None]):
    """Add or edit a goal. Dismisses with the goal's name when saved, None when left."""

    DEFAULT_CSS = """
    GoalFormScreen {
        align: center middle;
    }
    GoalFormScreen #goal-form {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        overflow-y: auto;
        border: round $primary 40%;
        background: $surface;
        padding: 0 1;
    }
    GoalFormScreen #goal-title {
        text-style: bold;
        margin: 0 0 1 0;
    }
    GoalFormScreen #goal-note {
        color: $text-muted;
        margin: 1 0 0 0;
    }
    GoalFormScreen #goal-keys {
        margin: 1 0 0 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", "Save", show=False),
        Binding("escape", "leave", "Close", show=False),
        *FOCUS_KEYS,
    ]

    UNITS = (Choice("sessions", "sessions", "s"), Choice("minutes", "minutes", "m"))

    def __init__(self, store: Store, goal: Goal | None = None) -> None:
        super().__init__()
        self.store = store
        self.goal = goal
        journal = store.journal()
        self._routines = list(
            dict.fromkeys(s.routine for s in reversed(journal.sessions) if s.routine)
        )

    def compose(self) -> ComposeResult:
        goal = self.goal
        with Vertical(id="goal-form"):
            title = "New goal" if goal is None else "Edit goal"
            yield Static(title, id="goal-title", markup=False)
            yield Field(
                "Name",
                TextInput(goal.name if goal else "", id="name", placeholder="e.g. Strength videos"),
                name="name",
            )
            yield Field(
                "Counts",
                ChoiceBar(self.UNITS, value=[goal.unit if goal else "sessions"], id="unit"),
                name="unit",
            )
            yield number_field(
                "Target", "target", "a week", max_length=4, value=str(goal.target) if goal else ""
            )
            yield Field(
                "Kinds",
                ChoiceBar(KIND_CHOICES, multi=True, value=goal.kinds if goal else (), id="kinds"),
                name="kinds",
            )
            yield Field(
                "Routine",
                TextInput(
                    (goal.routine or "") if goal else "",
                    id="routine",
                    placeholder="only this video or route (optional)",
                    suggester=SuggestFromList(self._routines, case_sensitive=False),
                ),
                name="routine",
            )
            yield number_field(
                "Work up to",
                "ramp_to",
                "a week (optional)",
                max_length=4,
                value=_text(goal.ramp_to if goal else None),
            )
            yield number_field(
                "Offer a step",
                "ramp_every",
                "after this many weeks met",
                allowed=RAMP_EVERY,
                value=_text(goal.ramp_every if goal else None),
            )
            yield Static(
                "With no kind picked, every kind counts. "
                "A step up is only ever offered: you decide.",
                id="goal-note",
                markup=False,
            )
            yield Static(keys_line(("enter", "save"), ("esc", "close")), id="goal-keys")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def action_leave(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if event.input.id:
            self.query_one(f"#field-{event.input.id}", Field).show_message(None)

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    def _build(self) -> Goal:
        unit = self.query_one("#unit", ChoiceBar).value or "sessions"
        target = self._value("target")
        if not target.strip():
            raise InputError("target", "please: how many a week?")
        made = Goal.create(
            name=self._value("name"),
            per_week=target if unit == "sessions" else None,
            minutes_per_week=target if unit == "minutes" else None,
            kinds=self.query_one("#kinds", ChoiceBar).picked,
            routine=self._value("routine"),
            ramp_to=self._value("ramp_to"),
            ramp_every=self._value("ramp_every"),
            created=today(),
        )
        old = self.goal
        if old is None:
            return made
        steps: tuple[Step, ...] = old.steps
        if (made.target, made.unit) != (old.target, old.unit):
            steps = (*steps, Step(today(), made.target, "edited"))
        return replace(made, steps=steps, declined=old.declined)

    def action_save(self) -> None:
        """Save the goal if valid; otherwise say at the field what is allowed."""
        try:
            goal = self._build()
            if self.goal is None:
                self.store.add_goal(goal)
            else:
                self.store.update_goal(self.goal.name, lambda _: goal, expected=self.goal)
        except StaleGoal as exc:
            self.query_one("#field-name", Field).show_message(f"{exc} Escape, then edit again.")
            return
        except InputError as exc:
            name = {"per_week": "target", "minutes_per_week": "target", "kind": "kinds"}.get(
                exc.field, exc.field
            )
            if name not in ("name", "target", "kinds", "routine", "ramp_to", "ramp_every"):
                name = "name"
            self.query_one(f"#field-{name}", Field).show_message(error_text(exc.field, exc.message))
            self.query_one(f"#{name}").focus()
            return
        except FileProblem as exc:
            self.query_one("#field-name", Field).show_message(str(exc))
            return
        self.dismiss(goal.name)


def _text(value: int | None) -> str:
    return "" if value is None else str(value)
