"""Her weekly goals: this week, the last eight weeks, and pacing she decides on.

Each goal shows what was done this week against the week's target (rest days lower it), and a
small bar per week for the last eight weeks, counting what was done. When she has met a goal
`ramp_every` weeks running, the goal offers one step up; it changes only if she accepts (`a`), and
`n` keeps it as it is. `-` steps down at any time. `+` adds, `e` edits, `x` removes (after asking).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from tui.core.dates import today
from tui.core.errors import FileProblem, InputError, StaleGoal
from tui.core.goals import (
    accept_step_up,
    decline_step_up,
    step_down,
    step_up_offer,
    week_progress,
)
from tui.core.models import Goal, Journal
from tui.core.text import shown
from tui.messages import JournalChanged
from tui.screens.confirm import Confirm
from tui.screens.form import literal
from tui.screens.goal_card import GoalCard, amount
from tui.screens.goal_form import GoalFormScreen
from widgets.forms import keys_line
from widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from tui.store import Store


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
        # Priority, as the app's own keys: what she types next waits for the form (or question).
        Binding("plus", "add", "Add", show=False, priority=True),
        Binding("e,enter", "edit", "Edit", show=False, priority=True),
        Binding("x,delete", "remove", "Remove", show=False, priority=True),
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
        self._stale = False  # her data changed while another mode was in view
        self._shown: Journal | None = None  # the journal the cards show

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

    async def on_journal_changed(self, _: JournalChanged) -> None:
        """Her data changed: show it now if this screen is in view, else when it is next shown."""
        if self not in self.app.screen_stack:
            self._stale = True
        elif self.store.journal() is not self._shown:
            await self.refresh_goals()

    async def on_screen_resume(self) -> None:
        if self._stale or self.store.journal() is not self._shown:
            # Changed here while another mode was in view, or by another program (a script).
            self._stale = False
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
            journal = self._shown = self.store.journal()
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
                self.set_focus(chosen)  # now: a key she typed ahead acts on this goal
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

    def _say(self, status: str | Content) -> None:
        self.query_one("#goals-status", Static).update(status)

    def _select(self, name: str) -> None:
        """Keep goal `name` selected (now, and through the refresh that follows a change)."""
        self._wanted = name
        card = next((c for c in self._cards() if c.goal.name.casefold() == name.casefold()), None)
        if card is not None:
            card.focus()

    def _changed(self, status: str | Content, name: str | None = None) -> None:
        """Say what changed; the goals are shown again when the app passes on the change."""
        self._say(status)
        if name is not None:
            self._select(name)
        self.app.post_message(JournalChanged())

    def _save(self, old: Goal, goal: Goal, status: Content) -> None:
        try:
            # Applied to the goal as it is in the file now; if the CLI or another window changed
            # or removed it meanwhile, nothing is written and the screen shows what is there.
            self.store.update_goal(old.name, lambda _: goal, expected=old)
        except StaleGoal as exc:
            self.notify(shown(str(exc)), timeout=6, markup=False)
            self._changed(literal(str(exc)), old.name)
            return
        except (InputError, FileProblem) as exc:
            self._say(Content(str(exc)))
            return
        self._changed(status, goal.name)

    def action_accept(self) -> None:
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
        self._save(
            card.goal,
            goal,
            literal(f"{goal.name}: now {amount(goal.target, goal.unit)}. Well paced."),
        )

    def action_decline(self) -> None:
        """Not now: keep the target; the offer may come again after more met weeks."""
        card = self._current()
        if card is None or step_up_offer(card.goal, self.store.journal(), today()) is None:
            return
        goal = decline_step_up(card.goal, today())
        self._save(
            card.goal,
            goal,
            literal(f"{goal.name}: staying at {amount(goal.target, goal.unit)}. It's not a race."),
        )

    def action_step_down(self) -> None:
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
        self._save(
            card.goal,
            goal,
            literal(
                f"{goal.name}: now {amount(goal.target, goal.unit)}. Pacing is part of the plan."
            ),
        )

    async def action_add(self) -> None:
        await self.app.push_screen(GoalFormScreen(self.store), self._form_closed)

    async def action_edit(self) -> None:
        card = self._current()
        if card is not None:
            await self.app.push_screen(GoalFormScreen(self.store, card.goal), self._form_closed)

    def _form_closed(self, name: str | None) -> None:
        if name is not None:
            self._say(literal(f"Saved {name}."))
            self._select(name)

    async def action_remove(self) -> None:
        card = self._current()
        if card is None:
            return
        name = card.goal.name
        question = Content.assemble(
            "Remove the goal ", literal(name, "bold"), "? Your sessions stay as they are."
        )

        def answer(yes: bool | None) -> None:
            if yes:
                self.store.remove_goal(name)
                self._changed(literal(f"Removed {name}."))

        await self.app.push_screen(Confirm(question, "y remove / n keep"), answer)
