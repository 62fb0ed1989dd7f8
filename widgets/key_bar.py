"""A one-line footer of the screen's keys (`l Check-in  m Move  ...`), light to draw.

Like Textual's `Footer` it shows the screen's active bindings (so a keymap that moves a key shows
the new key), plus the command palette key; unlike it, the whole bar is one widget drawing one
line of text, which keeps the first frame quick. Clicking a key runs its action.
"""

from __future__ import annotations

from typing import Any, ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.dom import DOMNode
from textual.widget import Widget


class _Shown(NamedTuple):
    start: int
    end: int
    action: str
    node: DOMNode


class KeyBar(Widget):
    """The keys of the screen it sits on, cut at the right edge when the screen is narrow."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $surface;
        color: $foreground-muted;
    }
    KeyBar > .key-bar--key { color: $secondary; text-style: bold; }
    KeyBar > .key-bar--disabled { color: $foreground 35%; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--disabled"}

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self._shown: list[_Shown] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _: Any) -> None:
        self.refresh()

    def _entries(self) -> list[tuple[str, str, str, DOMNode, bool]]:
        """(key shown, description, action, node, enabled) per shown binding, once per action."""
        app = self.app
        entries = []
        seen: set[str] = set()
        palette_key = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
        palette = None
        for key, (node, binding, enabled, _) in self.screen.active_bindings.items():
            if key == palette_key:
                palette = (app.get_key_display(binding), "Commands", binding.action, node, enabled)
                continue
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            entries.append(
                (app.get_key_display(binding), binding.description, binding.action, node, enabled)
            )
        if palette is not None:
            entries.append(palette)
        return entries

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="crop", end="")
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        off_style = self.get_component_rich_style("key-bar--disabled", partial=True)
        self._shown = []
        for shown, description, action, node, enabled in self._entries():
            start = len(text)
            text.append(f" {shown} ", key_style if enabled else off_style)
            text.append(f"{description} ", Style() if enabled else off_style)
            self._shown.append(_Shown(start, len(text), action, node))
        return text

    async def on_click(self, event: events.Click) -> None:
        for shown in self._shown:
            if shown.start <= event.x < shown.end:
                await self.app.run_action(shown.action, shown.node)
                return
