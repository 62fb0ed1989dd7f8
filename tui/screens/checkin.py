"""The morning check-in: pain, mood, sleep, a rest-day mark and a note, in a few keys.

`l 4 tab 3 tab 7 tab 4 enter` logs pain 4, mood 3, 7 hours' sleep of quality 4. The form opens on
pain; a number field selects its value on focus, so one digit replaces it. `[` and `]` step the
date back and forward (never past today) to fill in a day she skipped. Saving sends only the fields
she changed, so a second check-in the same day updates just those.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.core.dates import today
from tui.core.errors import FileProblem, InputError
from tui.core.models import MOOD, PAIN, SLEEP_QUALITY, Checkin
from tui.screens._form import (
    FOCUS_KEYS,
    Field,
    TextInput,
    Toggle,
    describe_day,
    error_text,
    keys_line,
    number_field,
    step_day,
)

if TYPE_CHECKING:
    from tui.store import Store

# The text fields of the form, in tab order, with the check-in field each one fills.
TEXT_FIELDS = ("pain", "mood", "sleep_hours", "sleep_quality", "note")


def _shown(value: Any) -> str:
    """A stored value as the form shows it (7.0 hours as '7')."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _hours(text: str) -> str:
    """Accept '7,5' and '7:30' for seven and a half hours."""
    text = text.strip().replace(",", ".")
    if ":" in text:
        hours, _, minutes = text.partition(":")
        if hours.isdigit() and minutes.isdigit():
            return str(int(hours) + int(minutes) / 60)
    return text


class CheckinScreen(ModalScreen[bool]):
    """How today (or a past day) was. Dismisses True when saved, False when left."""

    DEFAULT_CSS = """
    CheckinScreen {
        align: center middle;
    }
    CheckinScreen #checkin-form {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        overflow-y: auto;
        border: round $primary 40%;
        background: $surface;
        padding: 0 1;
    }
    CheckinScreen #checkin-title {
        text-style: bold;
        color: $text;
    }
    CheckinScreen #checkin-status {
        color: $text-muted;
        height: auto;
        margin: 0 0 1 0;
    }
    CheckinScreen #checkin-keys {
        margin: 1 0 0 0;
    }
    CheckinScreen #checkin-status.-attention {
        color: $warning;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", "Save", show=False),
        Binding("escape", "leave", "Close", show=False),
        *FOCUS_KEYS,
        Binding("f", "flare", "Rest day", key_display="f", show=False),
        Binding("ctrl+f", "flare", "Rest day", show=False, priority=True),
        Binding("left_square_bracket", "day(-1)", "Day back", key_display="[", show=False),
        Binding("right_square_bracket", "day(1)", "Day on", key_display="]", show=False),
    ]

    def __init__(self, store: Store, day: date | None = None) -> None:
        super().__init__()
        self.store = store
        self.day = day or today()
        self._loaded: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="checkin-form"):
            yield Static("", id="checkin-title", markup=False)
            yield Static("", id="checkin-status", markup=False)
            yield number_field("Pain", "pain", "0 none … 10 worst", allowed=PAIN)
            yield number_field("Mood", "mood", "1 awful … 5 great", allowed=MOOD)
            yield number_field(
                "Sleep hours", "sleep_hours", "e.g. 7 or 6.5", max_length=5, decimals=True
            )
            yield number_field(
                "Sleep quality", "sleep_quality", "1 very poor … 5 very good", allowed=SLEEP_QUALITY
            )
            yield Field(
                "Rest day",
                Toggle("a flare / rest day: rest is part of the plan", "no", id="flare"),
                hint="(f)",
                name="flare",
                control_width="auto",
            )
            yield Field(
                "Note", TextInput(id="note", placeholder="anything to remember"), name="note"
            )
            yield Static(
                keys_line(
                    ("enter", "save"), ("esc", "close"), ("f", "rest day"), ("[ ]", "change day")
                ),
                id="checkin-keys",
            )

    def on_mount(self) -> None:
        self._load(self.day, keep_edits=False)
        self.query_one("#pain", Input).focus()

    # -- showing a day -----------------------------------------------------------------------

    def _stored(self, day: date) -> dict[str, Any]:
        checkin = self.store.journal().checkins.get(day)
        values: dict[str, Any] = {name: _shown(None) for name in TEXT_FIELDS}
        values["flare"] = False
        if checkin is not None:
            for name in TEXT_FIELDS:
                values[name] = _shown(getattr(checkin, name))
            values["flare"] = checkin.flare
        return values

    def _load(self, day: date, *, keep_edits: bool) -> None:
        """Show `day`'s stored values; with `keep_edits`, what she already typed stays."""
        edited = self._edited() if keep_edits else {}
        self.day = day
        self._loaded = self._stored(day)
        for name in TEXT_FIELDS:
            box = self.query_one(f"#{name}", Input)
            box.value = edited.get(name, self._loaded[name])
            if box.has_focus:
                box.select_all()
        flare = self.query_one("#flare", Toggle)
        flare.value = edited.get("flare", self._loaded["flare"])
        self._show_day()
        for name in (*TEXT_FIELDS, "flare"):
            self._check(name)

    def _show_day(self) -> None:
        logged = self.day in self.store.journal().checkins
        self.query_one("#checkin-title", Static).update(
            f"Check-in for {describe_day(self.day, today())}"
        )
        self._status(
            "Already logged: change what you like."
            if logged
            else "How was it? Fill in what you like."
        )

    def _status(self, text: str, *, attention: bool = False) -> None:
        status = self.query_one("#checkin-status", Static)
        status.update(text)
        status.set_class(attention, "-attention")

    # -- what she typed ----------------------------------------------------------------------

    def _current(self) -> dict[str, Any]:
        values: dict[str, Any] = {n: self.query_one(f"#{n}", Input).value for n in TEXT_FIELDS}
        values["flare"] = self.query_one("#flare", Toggle).value
        return values

    def _edited(self) -> dict[str, Any]:
        """The fields whose value differs from what is stored for the day."""
        return {k: v for k, v in self._current().items() if v != self._loaded.get(k)}

    def _check(self, name: str) -> str | None:
        """Validate one field, show the message under it, and return the message (or None)."""
        value = self._current()[name]
        if name == "sleep_hours" and isinstance(value, str):
            value = _hours(value)
        message = None
        try:
            Checkin.validate_fields({name: value})
        except InputError as exc:
            message = error_text(exc.field, exc.message)
        self.query_one(f"#field-{name}", Field).show_message(message)
        return message

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if event.input.id in TEXT_FIELDS:
            self._check(event.input.id)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    # -- actions -----------------------------------------------------------------------------

    def action_flare(self) -> None:
        """Mark (or unmark) the day as a flare / rest day."""
        self.query_one("#flare", Toggle).action_flip()

    def action_day(self, delta: int) -> None:
        """Step the date back or forward (never past today)."""
        day = step_day(self.day, delta, today())
        if day == self.day:
            self._status("That's today: the form can't go further ahead.")
            return
        self._load(day, keep_edits=True)

    def action_leave(self) -> None:
        self.dismiss(False)

    def action_save(self) -> None:
        """Save the fields she changed, if they are all valid; otherwise say what is allowed."""
        problems = [name for name in (*TEXT_FIELDS, "flare") if self._check(name)]
        if problems:
            self._status("Nearly: one value needs a look (see below it).", attention=True)
            self.query_one(f"#{problems[0]}").focus()
            return
        values = self._edited()
        if "sleep_hours" in values:
            values["sleep_hours"] = _hours(values["sleep_hours"])
        if not values:
            if self.day in self.store.journal().checkins:
                self.dismiss(False)
            else:
                self._status("Nothing to save yet: fill in a field, or escape to close.")
            return
        try:
            self.store.log_checkin(self.day, values)
        except InputError as exc:
            self.query_one(f"#field-{exc.field}", Field).show_message(
                error_text(exc.field, exc.message)
            )
            return
        except FileProblem as exc:
            self._status(str(exc), attention=True)
            return
        self.dismiss(True)
