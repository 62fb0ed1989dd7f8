"""Her journal before a day, in brief: what the whole-history figures read from the years a
report's (or a screenshot's dashboard's) journal leaves out.

A twelve-week report reads its weeks entry by entry, but a routine's count ("169th time") and
the last flare day are true only over her whole history. Building twenty years of entries for
them costs more than the rest of the report, so the store hands the report a journal of its weeks
and, for the years before, only the dates and routine names those figures need
(`Store.recent`). The dashboard of `gentle screenshot` is built the same way.

A figure that would need more of the years before than this brief holds raises `NotHeld`
instead of reading a journal that leaves them out: the caller then builds it from the whole
journal.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from msgspec import Struct, field

if TYPE_CHECKING:
    from tui.core.models import Journal


class Earlier(Struct, frozen=True):
    """The part of her history before a journal's first entries. Empty for a whole journal."""

    #: Each session with a routine: its date and the routine as typed, by date (the file's order
    #: within a date, as the journal keeps its sessions).
    routine_sessions: list[tuple[date, str]] = field(default_factory=list)
    flare_days: list[date] = field(default_factory=list)  # in order
    #: The journal holds every entry dated `since` or later (None: the whole journal).
    since: date | None = None
    has_entries: bool = False  # whether any check-in or session is dated before `since`

    def holds(self, day: date) -> bool:
        """Whether the journal this goes with holds every entry of `day` (and of the days after)."""
        return self.since is None or day >= self.since


NOTHING_EARLIER = Earlier()


class Recent(NamedTuple):
    """Her journal of the entries dated `earlier.since` or later, and the years before in brief."""

    journal: Journal
    earlier: Earlier


class NotHeld(Exception):
    """A figure needs her entries from before `Earlier.since`, which the journal leaves out."""

    def __init__(self, day: date) -> None:
        super().__init__(f"needs the entries of {day.isoformat()}, before the journal's first")
        self.day = day
