"""Reads that need less than her whole journal: her week's first day, a routine's count, her own
milestones, and the recent weeks a report reads entry by entry with the years before in brief.

`Store` takes these methods from `CheapReads`. Each reads the stored documents, which the storage
keeps parsed, so none of them builds twenty years of domain objects.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from tui.core.earlier import Recent
from tui.core.models import CustomMilestone, routine_key
from tui.gc_pacing import paused
from tui.store import schema
from tui.store.documents import decoded_recent, earlier_of, stored_meta

if TYPE_CHECKING:
    from tui.core.models import Journal
    from tui.store.storage import AtomicStorage


class CheapReads:
    """Reads without a full journal, for `Store` (which provides the file)."""

    if TYPE_CHECKING:
        _storage: AtomicStorage

        def _read(self) -> dict[str, Any]: ...
        def _readable(self, data: dict[str, Any], since: date | None = None) -> Journal: ...

    def week_start(self) -> int:
        """The weekday her weeks begin on (0 Monday); from the meta document alone while the
        file is unparsed (see `recent`)."""
        raw = self._storage.unparsed()
        meta = stored_meta(raw) if raw is not None else None
        if meta is None:
            meta = schema.meta_of(self._read())
        return int((meta or {}).get("week_start", 0))

    def routine_count(self, routine: str) -> int:
        """How many sessions of a routine there are."""
        key = routine_key(routine)
        docs = self._read().get("sessions", {}).values()
        return sum(1 for d in docs if d.get("routine") and routine_key(d["routine"]) == key)

    def custom_milestones(self) -> list[CustomMilestone]:
        """Her own milestones."""
        docs = self._read().get("milestones", {}).values()
        return [CustomMilestone.from_dict(d) for d in docs]

    def is_celebrated(self, routine: str, count: int) -> bool:
        key = routine_key(routine)
        docs = self._read().get("celebrated", {}).values()
        return any(d["routine"] == key and d["count"] == count for d in docs)

    def recent(self, since: date, *, let_go: bool = False) -> Recent:
        """Her journal of the entries dated `since` or later, and what the ones before add to
        whole-history figures (routine counts, flare days; see tui/core/earlier.py).

        Not cached: a report reads it once. Twelve weeks of twenty years build in a millisecond
        where the whole journal takes thirty; a file opened unparsed is decoded straight into
        them (see tui/store/documents.py). `let_go`: then keep nothing of the file in memory
        (a one-shot reader such as the screenshot: the next read parses the file again)."""
        raw = self._storage.unparsed()
        if raw is not None:
            decoded = decoded_recent(raw, since)
            if decoded is not None:
                if let_go:
                    self._storage.release()
                return decoded
        data = self._read()
        journal = self._readable(data, since)  # refuses a damaged entry in one line
        with paused():  # no reference cycles here either (see tui.gc_pacing)
            recent = Recent(journal, earlier_of(data, since))
        if let_go:
            self._storage.release()
        return recent
