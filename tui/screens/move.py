"""Logging movement: a walk, a strength video, a stretch, a two-minute snack.

The form opens on the kind (`w` walk, `s` strength, `t` stretch, `n` snack, `o` other). Her recent
distinct sessions are listed with numbers: pressing `1` fills the form with the most recent one, so
repeating yesterday's video with her mother-in-law is `m 1 enter` from the dashboard, dated today.
Routine, place and companion complete from what she typed before (right arrow accepts).
Crossing a milestone of a routine is celebrated once, with her reward note, then remembered.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Static

from tui.core.dates import today
from tui.core.errors import InputError
from tui.core.milestones import milestone_reached
from tui.core.models import KINDS, MINUTES, PAIN, Session
from tui.core.recent import distinct_names, recent_sessions
from tui.screens.form import EntryForm, describe_day, error_text, literal, when
from widgets.forms import Choice, ChoiceBar, Field, TextInput, number_field

if TYPE_CHECKING:
    pass

KIND_CHOICES = (
    Choice("walk", "walk", "w"),
    Choice("strength", "strength", "s"),
    Choice("stretch", "stretch", "t"),
    Choice("snack", "snack", "n"),
    Choice("other", "other", "o"),
)
assert tuple(c.value for c in KIND_CHOICES) == KINDS
KIND_KEYS = " · ".join(f"{c.key} {c.label}" for c in KIND_CHOICES)
# The form's fields in tab order, as `Session.to_dict` names them.
FIELDS = ("kind", "minutes", "routine", "place", "with", "pain_before", "pain_after", "note")
# A valid stand-in for each field, so one field at a time can be checked by `Session.create`.
STAND_INS: dict[str, Any] = {"kind": "walk", "minutes": 1}


def session_values(values: dict[str, Any]) -> dict[str, Any]:
    """The form's values as `Session.create` takes them (`with` is `companion` there)."""
    given = {("companion" if k == "with" else k): v for k, v in values.items() if k != "date"}
    return {"kind": given.pop("kind", None), "minutes": given.pop("minutes", ""), **given}


def form_values(session: Session) -> dict[str, Any]:
    """What the form shows for a session (numbers as text, absent values empty)."""
    stored = session.to_dict()
    return {name: "" if stored[name] is None else stored[name] for name in FIELDS} | {
        "minutes": str(session.minutes),
        "pain_before": "" if session.pain_before is None else str(session.pain_before),
        "pain_after": "" if session.pain_after is None else str(session.pain_after),
    }


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


class MoveScreen(EntryForm[Session]):
    """Log one movement session; dismisses with its fields when saved, None when left.

    Opened with `editing=<Session>`, it edits that session (see `EntryForm`).
    """

    DEFAULT_CSS = """
    MoveScreen #move-form { width: 80; }
    MoveScreen #move-status { margin: 0; }
    MoveScreen #move-recent {
        height: auto;
        margin: 0 0 1 0;
    }
    MoveScreen .recent-line {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    FORM_ID = "move"
    KEYS = (("enter", "save"), ("esc", "close"), ("[ ]", "change day"))
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(str(n), f"repeat({n})", f"Repeat {n}", show=False) for n in range(1, 10)
    ]
    recent: list[Session]  # her recent distinct sessions, numbered 1-9 (set as the form is made)

    def compose_fields(self) -> ComposeResult:
        journal = self.store.journal()
        self.recent = recent_sessions(journal) if self.editing is None else []
        sessions = journal.sessions
        self._routines = distinct_names(s.routine for s in sessions)
        self._places = distinct_names(s.place for s in sessions)
        self._companions = distinct_names(s.companion for s in sessions)
        if self.editing is None:
            yield Static(self._recent_lines(), id="move-recent", classes="recent-line")
        yield Field("Kind", ChoiceBar(KIND_CHOICES, id="kind"), name="kind")
        yield number_field("Minutes", "minutes", allowed=MINUTES)
        yield self._text_field(
            "Routine", "routine", self._routines, "a video or route (→ completes)"
        )
        yield self._text_field("Place", "place", self._places)
        yield self._text_field("With", "with", self._companions)
        yield number_field("Pain before", "pain_before", allowed=PAIN)
        yield number_field("Pain after", "pain_after", allowed=PAIN)
        yield Field("Note", TextInput(id="note"), name="note")

    @staticmethod
    def _text_field(label: str, name: str, names: list[str], placeholder: str = "") -> Field:
        suggester = SuggestFromList(names, case_sensitive=False)
        control = TextInput(id=name, placeholder=placeholder, suggester=suggester)
        return Field(label, control, name=name)

    def _recent_lines(self) -> Content:
        """Her recent sessions to repeat, one a line (one widget: quicker to show than six)."""
        if not self.recent:
            hint = "Your recent sessions will be listed here, to repeat with one key."
            return Content.styled(hint, "$foreground-muted")
        lines = [Content.styled("Again? Press its number:", "$foreground-muted")]
        for number, session in enumerate(self.recent, start=1):
            lines.append(
                Content.assemble(
                    (f" {number} ", "bold $text-primary"), describe_session(session, today())
                )
            )
        return Content("\n").join(lines)

    def fill(self) -> None:
        if self.editing is not None:
            self._show(form_values(self.editing))

    def _show(self, values: dict[str, Any]) -> None:
        fields = self.fields()
        for name in FIELDS:
            fields[name].value = values.get(name, "")

    def heading(self) -> str:
        return f"Movement for {describe_day(self.day, today())}"

    def hint(self) -> str:
        return KIND_KEYS

    # -- actions -------------------------------------------------------------------------------

    def action_repeat(self, number: int) -> None:
        """Fill the form from a recent session (dated the form's day, pain and note left empty)."""
        if not 1 <= number <= len(self.recent):
            return
        session = self.recent[number - 1]
        self._show(form_values(session) | {"pain_before": "", "pain_after": "", "note": ""})
        self.status(Content("Same again: enter saves it for ") + describe_day(self.day, today()))

    def check(self, name: str, values: dict[str, Any]) -> str | None:
        value = values[name]
        if name == "kind" and value is None:
            return error_text("kind", f"not picked yet: {KIND_KEYS}")
        if name == "minutes" and not str(value).strip():
            return error_text("minutes", f"please: how long, from {MINUTES.lo} to {MINUTES.hi}?")
        try:
            Session.create(date=self.day, **session_values(STAND_INS | {name: value}))
        except InputError as exc:
            return error_text(exc.field, exc.message)
        return None

    def save(self, values: dict[str, Any]) -> dict[str, Any]:
        """Save the session (or hand over the changes, when editing); celebrate a milestone."""
        session = Session.create(date=self.day, **session_values(values))
        if self.editing is not None:
            changes = {k: v for k, v in session.to_dict().items() if k != "date"}
            old = self.editing.to_dict()
            changes = {k: v for k, v in changes.items() if v != old[k]}
            if self.day != self.editing.date:
                changes["date"] = self.day
            if self.on_save is not None and changes:
                self.on_save(changes)
            return changes
        self.store.add_session(session)
        self.journal_changed()
        if session.routine:
            self._celebrate(session.routine)
        return session.to_dict()

    def _celebrate(self, routine: str) -> None:
        """Celebrate a milestone this session reached, once, and remember that it was."""
        store = self.store
        count = store.routine_count(routine)
        reached = milestone_reached(routine, count, store.custom_milestones(), store.is_celebrated)
        if reached is not None:
            self.app.notify(reached.body, title=reached.title, markup=False, timeout=15)
            store.mark_celebrated(routine, count)
