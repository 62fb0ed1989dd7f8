"""Her journal before a day, in brief: what the whole-history figures read from the years a
report's journal leaves out.

A twelve-week report reads its weeks entry by entry, but a routine's count ("169th time") and
the last flare day are true only over her whole history. Building twenty years of entries for
them costs more than the rest of the report, so the store hands the report a journal of its weeks
and, for the years before, only the dates and routine names those figures need.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Earlier:
    """The part of her history before a journal's first entries. Empty for a whole journal."""

    #: Each session with a routine: its date and the routine as typed, by date (the file's order
    #: within a date, as the journal keeps its sessions).
    routine_sessions: list[tuple[date, str]] = field(default_factory=list)
    flare_days: list[date] = field(default_factory=list)  # in order


NOTHING_EARLIER = Earlier()
