"""A yes/no question over the current screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question (`y` or enter: yes; `n` or escape: no)."""

    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
    }
    ConfirmScreen #confirm-box {
        width: 60;
        max-width: 100%;
        height: auto;
        border: round $primary 40%;
        background: $surface;
        padding: 0 1;
    }
    ConfirmScreen #confirm-keys {
        margin: 1 0 0 0;
        color: $text-muted;
    }
    """

    YES_KEYS: ClassVar[tuple[str, ...]] = ("y", "enter")
    NO_KEYS: ClassVar[tuple[str, ...]] = ("n", "escape")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(",".join(YES_KEYS), "answer(True)", "Yes", show=False),
        Binding(",".join(NO_KEYS), "answer(False)", "No", show=False),
    ]

    def __init__(self, question: Content, keys: str) -> None:
        super().__init__()
        self.question = question
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.question, markup=False)
            yield Static(self.keys, id="confirm-keys", markup=False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
