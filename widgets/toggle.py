"""A yes/no form control."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class Toggle(Widget, can_focus=True):
    """A yes/no field (space or the screen's key flips it); enter is left to the form."""

    DEFAULT_CSS = """
    Toggle {
        height: 1;
        width: auto;
    }
    Toggle:focus {
        background-tint: $foreground 5%;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "flip", "Flip", show=False)]

    class Changed(Message):
        """The value was flipped."""

        def __init__(self, toggle: Toggle) -> None:
            super().__init__()
            self.toggle = toggle

        @property
        def control(self) -> Toggle:
            return self.toggle

    value: reactive[bool] = reactive(False)

    def __init__(self, on_text: str, off_text: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.on_text = on_text
        self.off_text = off_text

    def action_flip(self) -> None:
        self.value = not self.value

    def watch_value(self) -> None:
        self.refresh(layout=True)  # the yes text is longer than the no
        self.post_message(self.Changed(self))

    def render(self) -> Content:
        if self.value:
            return Content.assemble(("● ", "bold $text-primary"), (self.on_text, "$text-primary"))
        return Content.assemble(("○ ", "$foreground-muted"), (self.off_text, "$foreground-muted"))
