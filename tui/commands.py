"""The command palette (ctrl+p): every action of the app, findable by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider


class _HasCommands(Protocol):
    def get_commands(self) -> list[tuple[str, str, Callable[[], object]]]: ...


class GentleCommands(Provider):
    """Check-in, movement, goals, dashboard, help, the quiet theme and quit."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = self.app
        if not hasattr(app, "get_commands"):
            return []
        commands: _HasCommands = app
        return commands.get_commands()

    async def discover(self) -> Hits:
        """Everything, when the palette opens with nothing typed."""
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """The commands whose name matches what she typed, best first."""
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = max(matcher.match(name), matcher.match(help_text) * 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
