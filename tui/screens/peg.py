"""The weekly PEG check: three questions about the past week, each 0-10, in a few keys.

`p 4 tab 5 tab 6 enter` answers pain 4, enjoyment 5, activity 6. The questions, their ranges and
the one-answer-per-week rule live in `tui.core.peg`; this form asks them and saves through the
store. A week already answered opens with that answer filled in, and saving replaces it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.widgets import Static

from tui.core.dates import week_start
from tui.core.errors import InputError
from tui.core.fields import IntRange
from tui.core.peg import (
    INTERFERENCE_ANCHORS,
    ITEMS,
    PAIN_ANCHORS,
    QUESTIONS,
    Peg,
    peg_for_week,
)
from tui.core.words import ELLIPSIS
from tui.screens.form import FormScreen, error_text
from widgets.forms import number_field

if TYPE_CHECKING:
    from tui.store import Store

#: The form's rows, in tab order: (field, short label, the words at the scale's ends).
ROWS = (
    ("pain", "Pain", PAIN_ANCHORS),
    ("enjoyment", "Enjoyment", INTERFERENCE_ANCHORS),
    ("activity", "Activity", INTERFERENCE_ANCHORS),
)


def anchors_hint(allowed: IntRange, anchors: dict[int, str]) -> str:
    """'0 no pain … 10 as bad as you can imagine': the scale's ends in words."""
    lo, hi = allowed.lo, allowed.hi
    return f"{lo} {anchors[lo]} {ELLIPSIS} {hi} {anchors[hi]}"


class PegScreen(FormScreen[Peg | None]):
    """This week's PEG check; dismisses with the saved answer, or None when left unchanged."""

    FORM_ID = "peg"
    DATED = False  # about the week she is in (`gentle log peg --date` answers another)

    DEFAULT_CSS: ClassVar[str] = """
    PegScreen .peg-question {
        color: $text;
        margin: 1 0 0 0;
    }
    PegScreen #peg-question-pain {
        margin: 0;
    }
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.answered = peg_for_week(store.journal(), self.day)

    def compose_fields(self) -> ComposeResult:
        for name, label, anchors in ROWS:
            allowed = ITEMS[name]
            yield Static(
                QUESTIONS[name], id=f"peg-question-{name}", classes="peg-question", markup=False
            )
            yield number_field(label, name, anchors_hint(allowed, anchors), allowed=allowed)

    def heading(self) -> str:
        start = week_start(self.day, self.store.journal().week_start)
        return f"Weekly check (PEG), the week of {start:%a} {start.day} {start:%b}"

    def hint(self) -> str:
        if self.answered is not None:
            return (
                f"Answered on {self.answered.date:%a} {self.answered.date.day} "
                f"{self.answered.date:%b} (score {self.answered.score:.1f}): saving replaces it."
            )
        return "About the past seven days, 0 to 10 each. There are no wrong answers."

    def fill(self) -> None:
        if self.answered is None:
            return
        fields = self.fields()
        for name in ITEMS:
            fields[name].value = str(getattr(self.answered, name))

    def check(self, name: str, values: dict[str, Any]) -> str | None:
        allowed = ITEMS[name]
        if not str(values[name]).strip():
            return error_text(name, f"needs a number from {allowed.lo} to {allowed.hi}")
        try:
            allowed.check(name, values[name])
        except InputError as exc:
            return error_text(exc.field, exc.message)
        return None

    def save(self, values: dict[str, Any]) -> Peg | None:
        """Save this week's answer (replacing an earlier one of the week); nothing if unchanged."""
        if self.answered is not None and not self.changes():
            return None
        peg = Peg.create(date=self.day, **{name: values[name] for name in ITEMS})
        self.store.log_peg(peg)
        self.journal_changed()
        return peg
