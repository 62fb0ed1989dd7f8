"""Form controls: number and text inputs, a choice bar, a yes/no toggle (`widgets.toggle`), a
labelled field row, and a yes/no confirm dialog (`widgets.confirm`). They know nothing of the app
or its data.

A form is a column of `Field` rows (label, control, hint) with a quiet message line under each.
Number inputs take digits and let every other key through to the screen, so screen keys such as
`f`, `[` and `]` work from them. Text is shown through `Content`, never parsed as markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, ClassVar, Protocol

from msgspec import Struct
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from widgets.confirm import ConfirmScreen
from widgets.toggle import Toggle

__all__ = [
    "FOCUS_KEYS",
    "Choice",
    "ChoiceBar",
    "ConfirmScreen",
    "Field",
    "NumberInput",
    "TextInput",
    "Toggle",
    "keys_line",
    "literal",
    "number_field",
]

#: Tab and shift+tab as priority bindings: they move focus at once, so a digit typed right after a
#: tab (fast typing, a pasted sequence) lands in the next field, not the one being left.
FOCUS_KEYS: list[BindingType] = [
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
]


def keys_line(*pairs: tuple[str, str]) -> Content:
    """'enter save · esc close' with the keys picked out, for the bottom of a form."""
    parts = [
        Content.assemble((key, "bold $text-primary"), " ", (what, "$foreground-muted"))
        for key, what in pairs
    ]
    return Content.styled(" · ", "$foreground-muted").join(parts)


def literal(text: str | None, style: str = "") -> Content:
    """User text as content that is never read as markup."""
    return Content.styled(text or "", style)


class NumberInput(Input):
    """A one-line input for a number: digits (and a decimal point if asked) go in.

    Any other printable key is left alone so it reaches the screen's bindings (`f`, `[`, ...).
    Focusing it selects the value, so typing a digit replaces what was there.
    """

    def __init__(
        self,
        value: str = "",
        *,
        decimals: bool = False,
        max_length: int = 3,
        placeholder: str = "",
        id: str | None = None,
    ) -> None:
        self._allowed = re.compile(r"[0-9.,:]" if decimals else r"[0-9]")
        super().__init__(
            value,
            placeholder=placeholder,
            restrict=r"[0-9.,:]*" if decimals else r"[0-9]*",
            max_length=max_length,
            compact=True,
            id=id,
        )

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Only the characters of a number are ours; other keys belong to the screen."""
        return character is not None and bool(self._allowed.fullmatch(character))

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and not self.check_consume_key(event.key, event.character):
            # Runs before Input's own key handler (a subclass's handler comes first); preventing
            # the default skips Input's, which would swallow the key, and lets the key bubble.
            event.prevent_default()


class TextInput(Input):
    """A one-line text input in the forms' compact style."""

    def __init__(self, value: str = "", *, id: str | None = None, **kwargs: object) -> None:
        super().__init__(value, compact=True, id=id, **kwargs)  # type: ignore[arg-type]


class Choice(Struct, frozen=True):
    """One option of a `ChoiceBar`: the value, the label, and its quick key (a letter of it)."""

    value: str
    label: str
    key: str


class ChoiceBar(Widget, can_focus=True):
    """Pick one (or, with `multi`, several) of a few options by their quick keys.

    Left/right move the cursor and space picks; keys it does not know (digits, `[`) bubble up.
    """

    DEFAULT_CSS = """
    ChoiceBar {
        height: 1;
        width: 1fr;
    }
    ChoiceBar:focus {
        background-tint: $foreground 5%;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Previous", show=False),
        Binding("right", "move(1)", "Next", show=False),
        Binding("space", "pick", "Pick", show=False),
    ]

    class Changed(Message):
        """The picked values changed."""

        def __init__(self, bar: ChoiceBar) -> None:
            super().__init__()
            self.bar = bar

        @property
        def control(self) -> ChoiceBar:
            return self.bar

    cursor: reactive[int] = reactive(0)
    picked: reactive[tuple[str, ...]] = reactive(())

    def __init__(
        self,
        choices: Sequence[Choice],
        *,
        multi: bool = False,
        value: Sequence[str] = (),
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.choices = tuple(choices)
        self.multi = multi
        self.set_reactive(ChoiceBar.picked, tuple(value))
        if value:
            self.set_reactive(ChoiceBar.cursor, self._index(value[0]))

    def _index(self, value: str) -> int:
        for index, choice in enumerate(self.choices):
            if choice.value == value:
                return index
        return 0

    @property
    def value(self) -> str | None:
        """The single picked value (or the first of several), or None."""
        return self.picked[0] if self.picked else None

    def set_values(self, values: Sequence[str]) -> None:
        """Pick exactly these values (in the options' order)."""
        wanted = set(values)
        self.picked = tuple(c.value for c in self.choices if c.value in wanted)
        if self.picked:
            self.cursor = self._index(self.picked[0])

    def toggle(self, value: str) -> None:
        """Pick `value` (single) or add/remove it (multi)."""
        self.cursor = self._index(value)
        if not self.multi:
            self.picked = (value,)
        elif value in self.picked:
            self.picked = tuple(v for v in self.picked if v != value)
        else:
            self.set_values((*self.picked, value))

    def watch_picked(self) -> None:
        self.post_message(self.Changed(self))

    def action_move(self, delta: int) -> None:
        self.cursor = (self.cursor + delta) % len(self.choices)
        if not self.multi:
            self.picked = (self.choices[self.cursor].value,)

    def action_pick(self) -> None:
        self.toggle(self.choices[self.cursor].value)

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return any(c.key == key for c in self.choices)

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if event.key == choice.key:
                event.stop()
                event.prevent_default()
                self.toggle(choice.value)
                return

    def render(self) -> Content:
        parts: list[Content] = []
        focused = self.has_focus
        for index, choice in enumerate(self.choices):
            on = choice.value in self.picked
            mark = ("●" if on else "○") if not self.multi else ("■" if on else "□")
            style = "bold $text-primary" if on else "$foreground-muted"
            if focused and index == self.cursor:
                style += " underline"
            at = choice.label.find(choice.key)
            label = Content.assemble(
                (choice.label[:at], style),
                (choice.label[at], style + " bold"),
                (choice.label[at + 1 :], style),
            )
            parts.append(Content.assemble((f"{mark} ", style), label))
        return Content("  ").join(parts)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class FieldMessage(Static):
    """What is wrong with a field, under its row (see `Field.show_message`)."""

    DEFAULT_CSS = """
    FieldMessage {
        color: $warning;
        padding: 0 0 0 16;
    }
    """


class Field(Horizontal):
    """One form row: a label, the control and a hint; a message line under it when needed.

    The message line is made when a message is first shown, beside the row in its container:
    a form opens with none, and each widget fewer makes it quicker to show (a form is about
    forty widgets, and Textual styles and lays out every one as the form appears)."""

    DEFAULT_CSS = """
    Field {
        height: auto;
    }
    Field:focus-within {
        /* A rule on Field itself, so Textual restyles its label when focus comes or goes. */
        height: auto;
    }
    Field .field--label {
        width: 16;
        color: $text-muted;
    }
    Field:focus-within .field--label {
        color: $text;
        text-style: bold;
    }
    Field .field--control {
        width: 1fr;
    }
    Field Input.field--control {
        background: $boost;
    }
    Field .field--hint {
        width: auto;
        color: $text-muted;
        padding: 0 0 0 1;
    }
    """

    def __init__(
        self,
        label: str,
        control: Widget,
        *,
        hint: str = "",
        name: str,
        control_width: int | str | None = None,
    ) -> None:
        super().__init__(id=f"field-{name}")
        self.field_name = name
        self.label = label
        self.control = control
        self.hint = hint
        self.control_width = control_width
        self._message: FieldMessage | None = None

    def compose(self) -> ComposeResult:
        self.control.add_class("field--control")
        if self.control_width is not None:
            self.control.styles.width = self.control_width
        yield Label(self.label, classes="field--label", markup=False)
        yield self.control
        if self.hint:
            yield Label(self.hint, classes="field--hint", markup=False)

    @property
    def message(self) -> str:
        """The message shown under the field ('' when there is none)."""
        shown = self._message
        return str(shown.render()) if shown is not None and shown.display else ""

    @property
    def value(self) -> Any:
        """The control's value: text for an input, the picked values for a choice bar that takes
        several (else the picked one or None), True or False for a toggle."""
        control = self.control
        if isinstance(control, ChoiceBar):
            return control.picked if control.multi else control.value
        if isinstance(control, Input | Toggle):
            return control.value
        return None

    @value.setter
    def value(self, value: Any) -> None:
        control = self.control
        if isinstance(control, ChoiceBar):
            control.set_values(value if control.multi else [value] if value else [])
        elif isinstance(control, Input):
            control.value = value
            if control.has_focus:
                control.select_all()  # the next digit replaces it
        elif isinstance(control, Toggle):
            control.value = bool(value)

    def show_message(self, text: str | None) -> None:
        """Show a message under the field (None hides it)."""
        if self._message is None:
            container = self.parent
            if not text or not isinstance(container, Widget):
                return
            self._message = FieldMessage(markup=False)
            container.mount(self._message, after=self)
        self._message.update(literal(text))
        self._message.display = bool(text)
        self.set_class(bool(text), "-has-message")


class Bounds(Protocol):
    """A whole-number range (the app's `IntRange` is one)."""

    @property
    def lo(self) -> int: ...

    @property
    def hi(self) -> int: ...


def number_field(
    label: str,
    name: str,
    hint: str = "",
    *,
    allowed: Bounds | None = None,
    max_length: int | None = None,
    value: str = "",
    decimals: bool = False,
) -> Field:
    """A form row for a short number (pain, minutes, a target); the input has the field's name.

    Given the field's range, the input takes as many digits as its top value has and the hint
    defaults to `lo … hi`, so the range itself stays defined once, where the caller keeps it.
    """
    if allowed is not None:
        max_length = max_length or len(str(allowed.hi))
        hint = hint or f"{allowed.lo} … {allowed.hi}"
    control = NumberInput(value, decimals=decimals, max_length=max_length or 3, id=name)
    return Field(label, control, hint=hint, name=name, control_width=6)
