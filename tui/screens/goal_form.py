"""Adding or editing a weekly goal: a name, sessions or minutes, a target, and optional pacing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Static

from tui.core.dates import today
from tui.core.errors import InputError, StaleGoal
from tui.core.goals import edited
from tui.core.models import RAMP_EVERY, Goal
from tui.core.recent import distinct_names
from tui.screens.form import FormScreen, KeepOpen, error_text
from tui.screens.move import KIND_CHOICES
from widgets.forms import Choice, ChoiceBar, Field, TextInput, number_field

if TYPE_CHECKING:
    from tui.store import Store

UNITS = (Choice("sessions", "sessions", "s"), Choice("minutes", "minutes", "m"))
# `Goal.create`'s names for an error -> the form field that shows it.
SHOWN_AT = {"per_week": "target", "minutes_per_week": "target", "kind": "kinds"}
# Valid stand-ins, so one field at a time can be checked by `Goal.create`.
STAND_INS: dict[str, Any] = {"name": "goal", "target": "1"}
EMPTY = {"name": "please: what shall we call it?", "target": "please: how many a week?"}


def goal_values(values: dict[str, Any]) -> dict[str, Any]:
    """The form's values as `Goal.create` takes them."""
    unit = values.get("unit") or "sessions"
    target = values.get("target", "")
    return {
        "name": values.get("name", ""),
        "per_week": target if unit == "sessions" else None,
        "minutes_per_week": target if unit == "minutes" else None,
        "kinds": values.get("kinds", ()),
        "routine": values.get("routine"),
        "ramp_to": values.get("ramp_to"),
        "ramp_every": values.get("ramp_every"),
    }


def _text(value: int | None) -> str:
    return "" if value is None else str(value)


class GoalFormScreen(FormScreen[str | None]):
    """Add or edit a goal. Dismisses with the goal's name when saved, None when left."""

    DEFAULT_CSS = """
    GoalFormScreen #goal-note {
        color: $text-muted;
        margin: 1 0 0 0;
    }
    """

    FORM_ID = "goal"
    DATED = False

    def __init__(self, store: Store, goal: Goal | None = None) -> None:
        super().__init__()
        self.store = store
        self.goal = goal
        journal = store.journal()
        self._routines = distinct_names(s.routine for s in journal.sessions)

    def compose_fields(self) -> ComposeResult:
        goal = self.goal
        yield Field(
            "Name",
            TextInput(goal.name if goal else "", id="name", placeholder="e.g. Strength videos"),
            name="name",
        )
        yield Field(
            "Counts",
            ChoiceBar(UNITS, value=[goal.unit if goal else "sessions"], id="unit"),
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
            "With no kind picked, every kind counts. A step up is only ever offered: you decide.",
            id="goal-note",
            markup=False,
        )

    def heading(self) -> str:
        return "New goal" if self.goal is None else "Edit goal"

    def hint(self) -> str:
        return "Small and realistic is just right: it's the long game."

    def field_for(self, error_field: str) -> str:
        return SHOWN_AT.get(error_field, error_field)

    def check(self, name: str, values: dict[str, Any]) -> str | None:
        value = values[name]
        if name in ("name", "target") and not value.strip():
            return error_text(name, EMPTY[name])
        # One field at a time through `Goal.create`, the others given valid stand-ins; the unit
        # is always hers (it sets the target's range), the target too when it is valid itself.
        given = STAND_INS | {"unit": values["unit"], name: value}
        if name in ("ramp_to", "ramp_every"):
            if not value.strip():
                return None  # the two pacing fields are checked as a pair on save
            if name == "ramp_every":
                given["ramp_to"] = "2"  # above the stand-in target of 1
            else:
                given["ramp_every"] = "1"
                if self.check("target", values) is None:
                    given["target"] = values["target"]  # "work up to" must be above it
        try:
            Goal.create(created=today(), **goal_values(given))
        except InputError as exc:
            if self.field_for(exc.field) == name:
                return error_text(exc.field, exc.message)
        return None

    def save(self, values: dict[str, Any]) -> str:
        """Save the goal (its history kept when edited)."""
        made = Goal.create(created=today(), **goal_values(values))
        if self.goal is None:
            self.store.add_goal(made)
        else:
            # Applied to the goal as it is in the file now: if the CLI or another window changed
            # or removed it meanwhile, StaleGoal says so in the status line and nothing is written.
            new = edited(self.goal, made, today())
            try:
                self.store.update_goal(self.goal.name, lambda _: new, expected=self.goal)
            except StaleGoal as exc:
                raise KeepOpen(f"{exc} Escape, then edit again.") from None
        self.journal_changed()
        return made.name
