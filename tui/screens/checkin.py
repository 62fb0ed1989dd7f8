"""The morning check-in: pain, mood, sleep, a rest-day mark and a note, in a few keys.

`l 4 tab 3 tab 7 tab 4 enter` logs pain 4, mood 3, 7 hours' sleep of quality 4. The form opens on
pain; a number field selects its value on focus, so one digit replaces it. `[` and `]` step the
date back and forward (never past today) to fill in a day she skipped. Saving sends only the fields
she changed, so a second check-in the same day updates just those.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from tui.core.dates import today
from tui.core.errors import InputError
from tui.core.models import MOOD, PAIN, SLEEP_QUALITY, Checkin
from tui.screens.form import EntryForm, KeepOpen, describe_day, error_text
from widgets.forms import Field, TextInput, Toggle, number_field

if TYPE_CHECKING:
    pass

# The fields of the form, in tab order: each fills the check-in field of the same name.
FIELDS = ("pain", "mood", "sleep_hours", "sleep_quality", "flare", "note")


def shown(value: Any) -> str | bool:
    """A stored value as the form shows it (7.0 hours as '7', a flare as True)."""
    if isinstance(value, bool):
        return value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def form_values(checkin: Checkin | None) -> dict[str, Any]:
    """What the form shows for a stored check-in (or for a day not logged yet)."""
    return {name: shown(getattr(checkin, name, None)) for name in FIELDS} | {
        "flare": bool(checkin and checkin.flare)
    }


class CheckinScreen(EntryForm[Checkin]):
    """How today (or a past day) was; dismisses with the fields saved, or None when left.

    Opened with `editing=<Checkin>`, it edits that check-in (see `EntryForm`).
    """

    FORM_ID = "checkin"
    KEYS = (("enter", "save"), ("esc", "close"), ("f", "rest day"), ("[ ]", "change day"))
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "flare", "Rest day", show=False),
        Binding("ctrl+f", "flare", "Rest day", show=False, priority=True),
    ]

    def compose_fields(self) -> ComposeResult:
        # The fields are made holding the day's values: set after mounting, each input would be
        # checked and drawn again (about 24 ms of every `l` over a long history).
        opening = self.stored()
        yield number_field(
            "Pain", "pain", "0 none … 10 worst", allowed=PAIN, value=str(opening["pain"])
        )
        yield number_field(
            "Mood", "mood", "1 awful … 5 great", allowed=MOOD, value=str(opening["mood"])
        )
        yield number_field(
            "Sleep hours",
            "sleep_hours",
            "e.g. 7, 6.5 or 7:30",
            max_length=5,
            decimals=True,
            value=str(opening["sleep_hours"]),
        )
        yield number_field(
            "Sleep quality",
            "sleep_quality",
            "1 very poor … 5 very good",
            allowed=SLEEP_QUALITY,
            value=str(opening["sleep_quality"]),
        )
        toggle = Toggle("a flare / rest day: rest is part of the plan", "no", id="flare")
        toggle.value = bool(opening["flare"])
        yield Field("Rest day", toggle, hint="(f)", name="flare", control_width="auto")
        note = TextInput(str(opening["note"]), id="note", placeholder="anything to remember")
        yield Field("Note", note, name="note")

    # -- showing a day -------------------------------------------------------------------------

    def stored(self) -> dict[str, Any]:
        """What is stored for the form's day (or the entry being edited)."""
        if self.editing is not None:
            return form_values(self.editing)
        return form_values(self.store.journal().checkins.get(self.day))

    def fill(self) -> None:
        """Nothing to do: the fields were made holding the day's values (`compose_fields`)."""

    def _show(self, values: dict[str, Any]) -> None:
        fields = self.fields()
        for name, value in values.items():
            fields[name].value = value

    def heading(self) -> str:
        return f"Check-in for {describe_day(self.day, today())}"

    def hint(self) -> str:
        if self.editing is not None:
            return "Change what you like; [ ] moves it to another day."
        if self.day in self.store.journal().checkins:
            return "Already logged: change what you like."
        return "How was it? Fill in what you like."

    def day_changed(self) -> None:
        """Show the new day's stored values; what she already typed stays."""
        if self.editing is None:
            edited = self.changes()
            self.loaded = self.stored()
            self._show(self.loaded | edited)
        self.show_day()

    # -- checking and saving -------------------------------------------------------------------

    def check(self, name: str, values: dict[str, Any]) -> str | None:
        try:
            Checkin.validate_fields({name: values[name]})
        except InputError as exc:
            return error_text(exc.field, exc.message)
        return None

    def save(self, values: dict[str, Any]) -> dict[str, Any] | None:
        """Save (or hand over, when editing) the fields she changed."""
        changes = Checkin.validate_fields(self.changes())
        if self.editing is not None:
            if self.day != self.editing.date:
                changes["date"] = self.day
            if self.on_save is not None and changes:
                self.on_save(changes)
            return changes
        if not changes:
            if self.day in self.store.journal().checkins:
                return None
            raise KeepOpen("Nothing to save yet: fill in a field, or escape to close.")
        self.store.log_checkin(self.day, self.changes())
        self.journal_changed()
        return changes

    def action_flare(self) -> None:
        """Mark (or unmark) the day as a flare / rest day."""
        self.query_one("#flare", Toggle).action_flip()
