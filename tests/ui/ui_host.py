"""A host app that shows one of her screens alone, in the app's calm theme (for snapshots).

Over the real app a form would sit on the dashboard, whose panels fill in after the first frame:
the snapshot would then depend on that timing and on every dashboard change.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen

from tui.themes import CALM, THEMES


class Host(App[None]):
    """One screen alone, themed like the app."""

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.start = screen

    def on_mount(self) -> None:
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = CALM
        self.push_screen(self.start)
