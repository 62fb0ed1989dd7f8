"""The one shape of the check-in, movement and goal forms (`FormScreen`), and their words.

The controls themselves (`Field`, `NumberInput`, `ChoiceBar`, ...) live in `widgets.forms`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.core.dates import today
from tui.core.errors import FileProblem, InputError
from tui.core.models import Checkin, Session
from tui.core.text import shown
from tui.messages import HoldsKeys, JournalChanged, SaveKeyDone
from widgets import forms
from widgets.forms import FOCUS_KEYS, ChoiceBar, Field, Toggle, keys_line

if TYPE_CHECKING:
    from tui.store import Store

ResultT = TypeVar("ResultT")

# Field names as `InputError.field` spells them -> words for the message under the field.
FIELD_WORDS = {
    "sleep_hours": "Sleep hours",
    "sleep_quality": "Sleep quality",
    "with": "With",
    "pain_before": "Pain before",
    "pain_after": "Pain after",
    "per_week": "Target",
    "minutes_per_week": "Target",
    "ramp_to": "Work up to",
    "ramp_every": "Step every",
}

NEARLY = "Nearly: {what} a look (see below {where})."


def literal(text: str | None, style: str = "") -> Content:
    """Her text on screen: never read as markup, and control characters shown escaped (text
    stored before they were refused must not drive her terminal)."""
    return forms.literal(shown(text or "", multiline=True), style)


def error_text(field: str, message: str) -> str:
    """'Pain must be a whole number from 0 to 10 ...' from an `InputError`'s parts."""
    return f"{FIELD_WORDS.get(field, field.replace('_', ' ').capitalize())} {message}"


def describe_day(day: date, today: date) -> str:
    """'today, Tue 4 Mar' / 'yesterday, Mon 3 Mar' / 'Sun 2 Mar 2025' in the user's words."""
    short = f"{day:%a} {day.day} {day:%b}"
    if day == today:
        return f"today, {short}"
    if day == today - timedelta(days=1):
        return f"yesterday, {short}"
    if day.year != today.year:
        return f"{short} {day.year}"
    return short


def when(day: date, today: date) -> str:
    """'today', 'yesterday' or 'Sat 21 Nov' (a short date for lists)."""
    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    return describe_day(day, today)


class KeepOpen(Exception):
    """Raised by `FormScreen.save` to keep the form open, with a word for its status line."""


class FormScreen(HoldsKeys, ModalScreen[ResultT]):
    """A form alone on the screen: a title, a status line, `Field` rows, a line of keys.

    Its plain background hides the dashboard while she fills it in: calmer than the charts
    dimmed behind it, and quicker to show, since Textual then draws no dimmed copy of the
    dashboard under the form (key to form at twenty years: 71 -> 28 ms in the app).

    What every form does, defined here once:
    - it opens with the focus on its first field; `tab` / `shift+tab` move at once (priority
      keys, so a digit typed right after a tab lands in the next field);
    - each field is checked as she types (`check`), and what is allowed shows under it;
    - `enter` saves from any field: every invalid field then shows its message at once, the
      first takes the focus and the form stays open; otherwise `save(values)` runs and the form
      dismisses with what it returns. `save` may raise `InputError` (shown at that field),
      `FileProblem` or `KeepOpen` (shown in the status line): the form stays open;
    - `escape` leaves without saving (dismisses None);
    - with `DATED`, `[` and `]` move the form's day (never past today) and `day_changed` runs;
    - `loaded` holds the values it opened with, `changes()` what she changed since.

    A form that wrote to the data file calls `journal_changed()`: the app then tells every
    screen showing her data, once (see `tui.messages`).

    Opening on an existing entry to edit it: the check-in and movement forms take
    `editing=<Checkin or Session>` (and optionally `on_save`). The form opens filled with that
    entry, dated on its day (`[` and `]` move it). On enter it validates as always and hands
    `on_save(changes)` only what she changed, as a dict in the entry's own field names
    (`"date"` as a `date` when she moved it, cleared fields as None), validated by core. It
    writes nothing itself: `on_save` does the write. If `on_save` raises `InputError` or
    `FileProblem`, the form shows it and stays open; otherwise it dismisses with the changes
    (`{}` when nothing changed). Without `on_save` it just dismisses with the changes.
    """

    DEFAULT_CSS = """
    FormScreen {
        align: center middle;
        background: $background;
    }
    FormScreen .form-box {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        overflow-y: auto;
        border: round $primary 40%;
        background: $surface;
        padding: 0 1;
    }
    FormScreen .form-title {
        text-style: bold;
        color: $text;
    }
    FormScreen .form-status {
        color: $text-muted;
        height: auto;
        margin: 0 0 1 0;
    }
    FormScreen .form-status.-attention {
        color: $warning;
    }
    FormScreen .form-keys {
        margin: 1 0 0 0;
    }
    """

    #: The keys that save: Enter, and the line feed an Enter typed while the app was starting
    #: arrives as (the terminal was still in line mode then, see tui/terminal.py). The app holds
    #: the keys typed after one of them until the form has handled it (tui/key_order.py).
    SAVE_KEYS: ClassVar[tuple[str, ...]] = ("enter", "ctrl+j")

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(key, "save", "Save", show=False) for key in SAVE_KEYS),
        Binding("escape", "leave", "Close", show=False),
        *FOCUS_KEYS,
        Binding("left_square_bracket", "day(-1)", "Day back", key_display="[", show=False),
        Binding("right_square_bracket", "day(1)", "Day on", key_display="]", show=False),
    ]

    #: The prefix of the form's ids (`checkin` -> `#checkin-form`, `#checkin-status`, ...).
    FORM_ID: ClassVar[str] = "form"
    #: Whether the form has a day that `[` and `]` move.
    DATED: ClassVar[bool] = True
    #: The keys named on the form's last line.
    KEYS: ClassVar[tuple[tuple[str, str], ...]] = (("enter", "save"), ("esc", "close"))

    def __init__(self, day: date | None = None) -> None:
        super().__init__()
        self.day = day or today()
        self.loaded: dict[str, Any] = {}
        self._fields: dict[str, Field] | None = None

    def holds_keys_after(self, key: str) -> bool:
        return key in self.SAVE_KEYS

    # -- what a form gives -----------------------------------------------------------------------

    def compose_fields(self) -> ComposeResult:
        """The form's rows (`Field`s, and anything shown between them)."""
        yield from ()

    def heading(self) -> str:
        """The form's first line."""
        return ""

    def hint(self) -> str | Content:
        """The status line when there is nothing else to say."""
        return ""

    def fill(self) -> None:
        """Put the values the form opens with into its fields (before `loaded` is taken)."""

    def check(self, name: str, values: dict[str, Any]) -> str | None:
        """What is wrong with field `name` given every value (None when it is fine)."""
        return None

    def save(self, values: dict[str, Any]) -> ResultT:
        """Save the (valid) values; the form dismisses with the result."""
        raise NotImplementedError

    def day_changed(self) -> None:
        """`[` or `]` moved the day (already set on `self.day`)."""
        self.show_day()

    def field_for(self, error_field: str) -> str:
        """The form field that shows an `InputError` about `error_field`."""
        return error_field

    # -- the shape -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        prefix = self.FORM_ID
        with Vertical(id=f"{prefix}-form", classes="form-box"):
            yield Static("", id=f"{prefix}-title", classes="form-title", markup=False)
            yield Static("", id=f"{prefix}-status", classes="form-status", markup=False)
            yield from self.compose_fields()
            yield Static(keys_line(*self.KEYS), id=f"{prefix}-keys", classes="form-keys")

    def on_mount(self) -> None:
        if not self.query(Field):
            return  # removed before it was built (a form made ahead, dropped as it was made)
        try:
            self.fill()
            self.loaded = self.values()
            self.show_day()
            # Focus now, not later (`focus()` waits its turn): keys she typed ahead come next.
            self.set_focus(self.query(Field).first().control)
        except NoMatches:
            # Taken apart as it was being made: a form made ahead, dropped, or the app closing
            # (seen in CI: its title gone before its mount was handled). Nothing to show.
            return

    def on_unmount(self) -> None:
        # Closed without handling an Enter typed as it closed (`escape enter`): keys held for it
        # go on now, not after the app's safety wait.
        self.app.post_message(SaveKeyDone(self))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.DATED or action != "day"

    def show_day(self) -> None:
        """Show the title and the usual status line (after opening or moving the day)."""
        self.query_one(f"#{self.FORM_ID}-title", Static).update(self.heading())
        self.status(self.hint())

    def status(self, text: str | Content, *, attention: bool = False) -> None:
        """Say something on the status line (a warning colour with `attention`)."""
        line = self.query_one(f"#{self.FORM_ID}-status", Static)
        line.update(text)
        line.set_class(attention, "-attention")

    def fields(self) -> dict[str, Field]:
        """The form's fields by name, in tab order (they are made once, with the form)."""
        if self._fields is None or not self.is_mounted:
            found = {field.field_name: field for field in self.query(Field)}
            if not self.is_mounted:
                return found
            self._fields = found
        return self._fields

    def values(self) -> dict[str, Any]:
        """Every field's value as it stands (text as typed, picks, toggles)."""
        return {name: field.value for name, field in self.fields().items()}

    def changes(self) -> dict[str, Any]:
        """The fields whose value differs from what the form opened with."""
        return {k: v for k, v in self.values().items() if v != self.loaded.get(k)}

    def show_problem(self, name: str, values: dict[str, Any]) -> str | None:
        """Check one field, show its message under it (or clear it), return the message."""
        message = self.check(name, values)
        self.query_one(f"#field-{name}", Field).show_message(message)
        return message

    def journal_changed(self) -> None:
        """Tell the app that this form wrote to the data file."""
        self.app.post_message(JournalChanged())

    @on(Input.Changed)
    @on(ChoiceBar.Changed)
    @on(Toggle.Changed)
    def _value_changed(self, event: Message) -> None:
        control = getattr(event, "control", None)
        if self.is_mounted and control is not None and control.id in self.fields():
            self.show_problem(control.id, self.values())

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    # -- actions ---------------------------------------------------------------------------------

    def action_leave(self) -> None:
        self.dismiss(None)

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        """Close the form. Its field lets go of the focus first, quietly: removing a focused
        field makes Textual move the focus and restyle the closing form (~5 ms a save)."""
        self.focused = None
        return super().dismiss(result)

    def action_day(self, delta: int) -> None:
        """Step the day back or forward (never past today)."""
        day = min(self.day + timedelta(days=delta), today())
        if day == self.day:
            self.status("That's today: the form can't go further ahead.")
            return
        self.day = day
        self.day_changed()

    def action_save(self) -> None:
        """Save if every field is valid; otherwise show every problem at its field.

        Either way the app then lets the keys typed after Enter go on (`SaveKeyDone`)."""
        try:
            self._save()
        finally:
            self.app.post_message(SaveKeyDone(self))

    def _save(self) -> None:
        values = self.values()
        problems = [name for name in self.fields() if self.show_problem(name, values)]
        if problems:
            what = "one value needs" if len(problems) == 1 else f"{len(problems)} values need"
            where = "it" if len(problems) == 1 else "each"
            self.status(NEARLY.format(what=what, where=where), attention=True)
            self.fields()[problems[0]].control.focus()
            return
        try:
            result = self.save(values)
        except InputError as exc:
            name = self.field_for(exc.field)
            if name in self.fields():
                self.fields()[name].show_message(error_text(exc.field, exc.message))
                self.fields()[name].control.focus()
                self.status(NEARLY.format(what="one value needs", where="it"), attention=True)
            else:
                self.status(error_text(exc.field, exc.message), attention=True)
            return
        except (FileProblem, KeepOpen) as exc:
            self.status(str(exc), attention=True)
            return
        self.dismiss(result)


EntryT = TypeVar("EntryT", Checkin, Session)


class EntryForm(FormScreen[dict[str, Any] | None], Generic[EntryT]):
    """A form that logs a check-in or a session, or opens prefilled on one to edit it.

    With `editing`, the form starts on that entry's day and values, and saving hands only the
    changes to `on_save` (the history screen writes them); the form itself writes nothing then.
    """

    def __init__(
        self,
        store: Store,
        day: date | None = None,
        *,
        editing: EntryT | None = None,
        on_save: Callable[[dict[str, Any]], object] | None = None,
    ) -> None:
        super().__init__(editing.date if editing is not None else day)
        self.store = store
        self.editing: EntryT | None = editing
        self.on_save = on_save
