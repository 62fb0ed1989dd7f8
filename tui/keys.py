"""The app's keys, listed once: bindings with ids, so her config can move them.

The key bar shows the screen's active bindings; the help screen and the command palette read the
same bindings (`shown_keys`), so a key she moved shows as hers everywhere. Each binding's tooltip
reads "Name: what it does": the palette lists it by the name, the help screen says it all.

They are priority bindings: the app runs them as each key arrives, in order, before any key typed
after it. A key that opens a form waits for the form to be ready, so what she types next lands in
the form even when she types faster than it appears. While a form or dialog is open, or a text
field has the focus, the app leaves these keys to it (`GentleApp.check_action`); one typed right
after the key that closes the form comes back up unused, and the app runs it then
(`GentleApp.on_key`).

A new key (`h` history, `p` the weekly PEG check): add its binding here with the id
`gentle.<action>` (an action named in `tui.config.ACTIONS`, so her config can move it), and an
async `action_<action>` on the app that awaits its screen (`open_form`, or `switch_mode` for a
mode), so the keys typed after it land there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.binding import Binding
from textual.screen import Screen

PREFIX = "gentle."

BINDINGS: tuple[Binding, ...] = (
    Binding(
        "l",
        "checkin",
        "Check-in",
        id=f"{PREFIX}checkin",
        priority=True,
        tooltip="Check-in: pain, mood, sleep, a rest-day mark and a note",
    ),
    Binding(
        "m",
        "move",
        "Move",
        id=f"{PREFIX}move",
        priority=True,
        tooltip="Log movement: a walk, a video, a stretch, a 2-minute snack",
    ),
    Binding(
        "g",
        "goals",
        "Goals",
        id=f"{PREFIX}goals",
        priority=True,
        tooltip="Goals: this week's goals; step up (only when you say so) or down",
    ),
    Binding(
        "h",
        "history",
        "History",
        id=f"{PREFIX}history",
        priority=True,
        tooltip="History: every entry by day, to fix (enter) or delete (x)",
    ),
    Binding(
        "u",
        "undo",
        "Undo",
        id=f"{PREFIX}undo",
        priority=True,
        show=False,  # in help and the palette; the key bar at 80 columns keeps room for q Quit
        tooltip="Undo: take back the last change (again: the one before)",
    ),
    Binding(
        "d",
        "dashboard",
        "Dashboard",
        id=f"{PREFIX}dashboard",
        priority=True,
        tooltip="Dashboard: today at a glance",
    ),
    Binding(
        "p",
        "peg",
        "Weekly",
        id=f"{PREFIX}peg",
        priority=True,
        tooltip="Weekly check: how pain went over the past week (PEG)",
    ),
    Binding(
        "question_mark",
        "help",
        "Help",
        key_display="?",
        id=f"{PREFIX}help",
        priority=True,
        tooltip="Help: the keys and what each panel means (? again goes back)",
    ),
    Binding(
        "t",
        "quiet",
        "Quiet",
        id=f"{PREFIX}quiet",
        priority=True,
        tooltip="Quiet theme: few muted colours and no motion, for flare days",
    ),
    Binding(
        "q", "quit", "Quit", id=f"{PREFIX}quit", priority=True, tooltip="Quit: close Gentle Flow"
    ),
)

#: The actions that open or switch screens (left to a form or dialog while one is open).
NAVIGATION = frozenset(binding.action for binding in BINDINGS)


def keymap(keys: Mapping[str, str]) -> dict[str, str]:
    """Her `[keys]` (action -> key) as Textual's keymap (binding id -> key)."""
    return {f"{PREFIX}{action}": key for action, key in keys.items()}


def shown_keys(screen: Screen[Any]) -> list[tuple[str, Binding]]:
    """(key as shown, binding) for each of the app's keys, in the order above, as now mapped."""
    found: dict[str, tuple[str, Binding]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.id and binding.id.startswith(PREFIX) and binding.id not in found:
            found[binding.id] = (screen.app.get_key_display(binding), binding)
    order = {binding.id: index for index, binding in enumerate(BINDINGS)}
    return sorted(found.values(), key=lambda shown: order.get(shown[1].id, len(order)))


def name_and_help(binding: Binding) -> tuple[str, str]:
    """'Check-in', 'pain, mood, sleep, a rest-day mark and a note' from a binding's tooltip."""
    name, _, what = binding.tooltip.partition(": ")
    if not what:
        return binding.description, binding.tooltip
    return name, what[:1].upper() + what[1:]
