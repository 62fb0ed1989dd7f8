"""The baseline for bench_keys.py: a bare Textual app doing the same visible work as Gentle Flow.

`l` pushes a modal with five inputs (focus on the first); Enter in it closes the modal and shows
the typed number in a label on the main screen ("Pain N ·"). Nothing else: no data file, no charts.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class Form(ModalScreen[str]):
    BINDINGS: ClassVar = [("escape", "dismiss('')", "close")]

    def compose(self) -> ComposeResult:
        with Vertical():
            for name in ("Pain", "Mood", "Sleep hours", "Sleep quality", "Note"):
                yield Label(name)
                yield Input(id=name.lower().replace(" ", "-"))
            yield Label("enter save · esc close")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(self.query_one("#pain", Input).value)


class Bare(App[None]):
    BINDINGS: ClassVar = [("l", "form", "check-in"), ("q", "quit", "quit")]

    def compose(self) -> ComposeResult:
        yield Label("Pain - · ready", id="today")

    def action_form(self) -> None:
        def show(value: str | None) -> None:
            if value:
                self.query_one("#today", Label).update(f"Pain {value} · ready")

        self.push_screen(Form(), show)


if __name__ == "__main__":
    Bare().run()
