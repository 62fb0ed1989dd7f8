"""Logging movement: a walk, a strength video, a stretch, a two-minute snack.

The form opens on the kind (`w` walk, `s` strength, `t` stretch, `n` snack, `o` other). Her recent
distinct sessions are listed with numbers: pressing `1` fills the form with the most recent one, so
repeating yesterday's video with her mother-in-law is `m 1 enter` from the dashboard, dated today.
Routine, place and companion complete from what she typed before (right arrow accepts).
Crossing a milestone of a routine is celebrated once, with her reward note, then remembered.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from tui.core.dates import today
from tui.core.errors import FileProblem, InputError
from tui.core.milestones import ordinal, pending_celebrations
from tui.core.models import KINDS, MINUTES, PAIN, Journal, Session, routine_key
from tui.core.text import shown
from tui.screens._form import (
    FOCUS_KEYS,
    Choice,
    ChoiceBar,
    Field,
    TextInput,
    describe_day,
    error_text,
    keys_line,
    literal,
    number_field,
    step_day,
    when,
)

if TYPE_CHECKING:
    from tui.store import Store

RECENT_SHOWN = 5
KIND_CHOICES = (
    Choice("walk", "walk", "w"),
    Choice("strength", "strength", "s"),
    Choice("stretch", "stretch", "t"),
    Choice("snack", "snack", "n"),
    Choice("other", "other", "o"),
)
assert tuple(c.value for c in KIND_CHOICES) == KINDS
TEXT_FIELDS = ("minutes", "routine", "place", "with", "pain_before", "pain_after", "note")


def session_key(session: Session) -> tuple[str, str, str, str]:
    """Sessions are 'the same' with the same routine, kind, companion and place."""
    return (
        routine_key(session.routine or ""),
        session.kind,
        routine_key(session.companion or ""),
        routine_key(session.place or ""),
    )


def recent_sessions(journal: Journal, limit: int = RECENT_SHOWN) -> list[Session]:
    """The most recent session of each distinct kind of session, most recent first."""
    seen: set[tuple[str, str, str, str]] = set()
    found: list[Session] = []
    for session in reversed(journal.sessions):  # sorted by date, the latest logged last
        key = session_key(session)
        if key in seen:
            continue
        seen.add(key)
        found.append(session)
        if len(found) == limit:
            break
    return found


def _distinct(values: list[str | None]) -> list[str]:
    """Distinct names, most recent first (as she last spelled them)."""
    seen: set[str] = set()
    names = []
    for value in reversed(values):
        if value and routine_key(value) not in seen:
            seen.add(routine_key(value))
            names.append(value)
    return names


def describe_session(session: Session, day: date) -> Content:
    """'Lower Body Strength · strength 10 min · with Ann · at home · Mon 3 Mar'.

    Her own words (routine, companion, place) stay literal text.
    """
    parts: list[Content] = []
    if session.routine:
        parts.append(literal(session.routine, "bold"))
    parts.append(Content(f"{session.kind} {session.minutes} min"))
    if session.companion:
        parts.append(Content("with ") + literal(session.companion))
    if session.place:
        parts.append(Content("at ") + literal(session.place))
    parts.append(Content.styled(when(session.date, day), "$foreground-muted"))
    return Content(" · ").join(parts)


class MoveScreen(ModalScreen[bool]):
    """Log one movement session. Dismisses True when saved, False when left."""

    DEFAULT_CSS = """
    MoveScreen {
        align: center middle;
    }
    MoveScreen #move-form {
        width: 80;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        overflow-y: auto;
        border: round $primary 40%;
        background: $surface;
        padding: 0 1;
    }
    MoveScreen #move-title {
        text-style: bold;
    }
    MoveScreen #move-status {
        color: $text-muted;
    }
    MoveScreen #move-status.-attention {
        color: $warning;
    }
    MoveScreen #move-recent {
        height: auto;
        margin: 0 0 1 0;
    }
    MoveScreen .recent-line {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    MoveScreen #move-keys {
        margin: 1 0 0 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", "Save", show=False),
        Binding("escape", "leave", "Close", show=False),
        *FOCUS_KEYS,
        Binding("left_square_bracket", "day(-1)", "Day back", show=False),
        Binding("right_square_bracket", "day(1)", "Day on", show=False),
        *(Binding(str(n), f"repeat({n})", f"Repeat {n}", show=False) for n in range(1, 10)),
    ]

    def __init__(self, store: Store, day: date | None = None) -> None:
        super().__init__()
        self.store = store
        self.day = day or today()
        journal = store.journal()
        self.recent = recent_sessions(journal)
        self._routines = _distinct([s.routine for s in journal.sessions])
        self._places = _distinct([s.place for s in journal.sessions])
        self._companions = _distinct([s.companion for s in journal.sessions])

    def compose(self) -> ComposeResult:
        with Vertical(id="move-form"):
            yield Static("", id="move-title", markup=False)
            yield Static("", id="move-status", markup=False)
            with Vertical(id="move-recent"):
                yield from self._recent_lines()
            yield Field("Kind", ChoiceBar(KIND_CHOICES, id="kind"), name="kind")
            yield number_field("Minutes", "minutes", allowed=MINUTES)
            yield Field(
                "Routine",
                TextInput(
                    id="routine",
                    placeholder="a video or route (→ completes)",
                    suggester=SuggestFromList(self._routines, case_sensitive=False),
                ),
                name="routine",
            )
            yield Field(
                "Place",
                TextInput(
                    id="place", suggester=SuggestFromList(self._places, case_sensitive=False)
                ),
                name="place",
            )
            yield Field(
                "With",
                TextInput(
                    id="with", suggester=SuggestFromList(self._companions, case_sensitive=False)
                ),
                name="with",
            )
            yield number_field("Pain before", "pain_before", allowed=PAIN)
            yield number_field("Pain after", "pain_after", allowed=PAIN)
            yield Field("Note", TextInput(id="note"), name="note")
            yield Static(
                keys_line(("enter", "save"), ("esc", "close"), ("[ ]", "change day")),
                id="move-keys",
            )

    def on_mount(self) -> None:
        self._show_day()
        self.query_one("#kind", ChoiceBar).focus()

    def _recent_lines(self) -> list[Static]:
        if not self.recent:
            hint = "Your recent sessions will be listed here, to repeat with one key."
            return [Static(Content.styled(hint, "$foreground-muted"), classes="recent-line")]
        lines = [Static(Content.styled("Again? Press its number:", "$foreground-muted"))]
        for number, session in enumerate(self.recent, start=1):
            line = Content.assemble(
                (f" {number} ", "bold $text-primary"), describe_session(session, today())
            )
            lines.append(Static(line, classes="recent-line"))
        return lines

    def _show_day(self) -> None:
        self.query_one("#move-title", Static).update(
            f"Movement for {describe_day(self.day, today())}"
        )
        self._status("w walk · s strength · t stretch · n snack · o other")

    def _status(self, text: str | Content, *, attention: bool = False) -> None:
        status = self.query_one("#move-status", Static)
        status.update(text)
        status.set_class(attention, "-attention")

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    # -- actions -----------------------------------------------------------------------------

    def action_repeat(self, number: int) -> None:
        """Fill the form from a recent session (dated the form's day, pain and note left empty)."""
        if not 1 <= number <= len(self.recent):
            return
        session = self.recent[number - 1]
        self.query_one("#kind", ChoiceBar).set_values([session.kind])
        filled = {
            "minutes": str(session.minutes),
            "routine": session.routine or "",
            "place": session.place or "",
            "with": session.companion or "",
        }
        for name in TEXT_FIELDS:
            self.query_one(f"#{name}", Input).value = filled.get(name, "")
        self._status(Content("Same again: enter saves it for ") + describe_day(self.day, today()))

    def action_day(self, delta: int) -> None:
        """Step the date back or forward (never past today)."""
        day = step_day(self.day, delta, today())
        if day != self.day:
            self.day = day
            self._show_day()

    def action_leave(self) -> None:
        self.dismiss(False)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        # Clear a field's message as soon as she changes it; it is checked again on save.
        if event.input.id in TEXT_FIELDS:
            self.query_one(f"#field-{event.input.id}", Field).show_message(None)

    @on(ChoiceBar.Changed)
    def _kind_changed(self) -> None:
        self.query_one("#field-kind", Field).show_message(None)

    def _build(self) -> Session:
        kind = self.query_one("#kind", ChoiceBar).value
        if kind is None:
            raise InputError(
                "kind", "not picked yet: w walk, s strength, t stretch, n snack, o other"
            )
        if not self._value("minutes").strip():
            raise InputError("minutes", "please: how long, from 1 to 600?")
        return Session.create(
            date=self.day,
            kind=kind,
            minutes=self._value("minutes"),
            routine=self._value("routine"),
            place=self._value("place"),
            companion=self._value("with"),
            pain_before=self._value("pain_before"),
            pain_after=self._value("pain_after"),
            note=self._value("note"),
        )

    def action_save(self) -> None:
        """Save the session if it is valid, celebrate a milestone it reaches, and close."""
        try:
            session = self._build()
        except InputError as exc:
            name = exc.field if exc.field in (*TEXT_FIELDS, "kind") else "note"
            self.query_one(f"#field-{name}", Field).show_message(error_text(exc.field, exc.message))
            self.query_one(f"#{name}").focus()
            self._status("Nearly: one value needs a look (see below it).", attention=True)
            return
        try:
            self.store.add_session(session)
            if session.routine:
                self._celebrate(session.routine)
        except FileProblem as exc:
            self._status(str(exc), attention=True)
            return
        self.dismiss(True)

    def _celebrate(self, routine: str) -> None:
        """Celebrate a milestone this routine just reached, once, and remember that it was."""
        key = routine_key(routine)
        for celebration in pending_celebrations(self.store.journal()):
            if routine_key(celebration.routine) != key:
                continue
            message = "Every one of them counts. Well done."
            if celebration.reward:
                message = f"Reward: {shown(celebration.reward)}. {message}"
            self.app.notify(
                message,
                title=f"{ordinal(celebration.count)} time: {shown(celebration.routine)}!",
                markup=False,
                timeout=15,
            )
            self.store.mark_celebrated(celebration.routine, celebration.count)
