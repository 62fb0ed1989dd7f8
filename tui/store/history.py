"""The change record in the data file, and her history: list, find, edit, delete, undo.

`Store` takes these methods from `Recording`. Every write of the store runs inside `change(what)`:
the operations it makes are gathered and appended to the `changes` table in the same atomic write,
and the oldest drop out past `changes.KEEP`. The rules (apply, invert, words) live in
tui/core/changes.py and tui/core/history.py; this module only stores them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from tui.core import changes as rules
from tui.core import history
from tui.core.errors import FileProblem, InputError
from tui.core.history import Entry
from tui.core.ids import new_id
from tui.core.models import Checkin
from tui.store.journal_cache import patched

if TYPE_CHECKING:
    from tinydb import TinyDB

    from tui.core.models import Journal
    from tui.store.storage import AtomicStorage

CHANGES = "changes"


def stored(entry: Entry, taken: set[str] | None = None) -> dict[str, Any]:
    """The document to store: the entry gets a fresh id if it has none (or one already taken)."""
    if not entry.id or (taken is not None and entry.id in taken):
        entry.id = new_id()
    if taken is not None:
        taken.add(entry.id)
    return {"id": entry.id, **entry.to_dict()}


class Recording:
    """The change record and the history, for `Store` (which provides the file and the lock)."""

    _pending: list[rules.Op] | None = None
    _reset: dict[str, Any] | None = None  # set by a write that replaces everything

    if TYPE_CHECKING:
        _storage: AtomicStorage

        @property
        def _db(self) -> TinyDB: ...

        _journal: Journal | None
        _journal_generation: int

        def transaction(self) -> contextlib.AbstractContextManager[None]: ...
        def journal(self) -> Journal: ...
        def _read(self) -> dict[str, Any]: ...
        def _forget_db(self) -> None: ...
        def _readable(self, data: dict[str, Any]) -> Journal: ...

    # -- recording ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def change(self, what: str) -> Iterator[None]:
        """Group every write inside into one recorded change (an import is one change).

        Nested calls join the outermost change; its `what` names it. Once written, the change
        patches the cached journal (see tui/store/journal_cache.py) rather than leaving it to be
        rebuilt from the whole file."""
        if self._pending is not None:
            with self.transaction():
                yield
            return
        with self.transaction():
            self._pending, self._reset = [], None
            base = self._fresh_journal()
            try:
                yield
                ops, reset = tuple(self._pending), self._reset
                if ops or reset is not None:
                    self._append(rules.Change(new_id(), rules.now(), what, ops, reset))
            finally:
                self._pending, self._reset = None, None
        if base is not None and reset is None:
            self._patch_journal(base, ops)

    def _record(
        self, table: str, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
    ) -> None:
        """Note one document set, replaced or removed by the change in progress (copies: TinyDB
        updates stored documents in place)."""
        if self._pending is not None and before != after:
            self._pending.append(
                rules.Op(
                    table,
                    dict(before) if before is not None else None,
                    dict(after) if after is not None else None,
                )
            )

    def _fresh_journal(self) -> Journal | None:
        """The cached journal if it shows the data as it is now, else None."""
        fresh = self._journal_generation == self._storage.generation
        return self._journal if fresh else None

    def _patch_journal(self, base: Journal, ops: Iterable[rules.Op]) -> None:
        """After a change the store made to `base` (the journal cached when it began), with
        exactly `ops`: patch the journal instead of rebuilding it (see journal_cache)."""
        if self._journal is not base:
            return  # rebuilt or forgotten meanwhile: the next read rebuilds
        journal = patched(base, ops) if ops else base
        if journal is not None:
            self._journal = journal
            self._journal_generation = self._storage.generation

    def let_go_of_file_data(self) -> None:
        """Keep only the journal in memory, not the parsed file too (for a reader such as the
        screenshot: ten years of parsed documents are four times the journal's size). The next
        write, or a change on disk, parses the file again."""
        self.journal()
        self._storage.release()

    def _forget_journal(self) -> None:
        """A write that is not recorded as operations: the next read rebuilds the journal."""
        self._journal = None
        self._journal_generation = -1

    def _append(self, change: rules.Change) -> None:
        table = self._db.table(CHANGES)
        table.insert(change.to_dict())
        raw = self._read().get(CHANGES, {})
        if len(raw) > rules.KEEP:
            oldest = sorted(map(int, raw))[: len(raw) - rules.KEEP]
            table.remove(doc_ids=oldest)

    def _entry_ids(self, table: str) -> set[str]:
        return {doc.get("id") for doc in self._read().get(table, {}).values()}

    def _apply(self, ops: Iterable[rules.Op]) -> list[rules.Op]:
        """Apply operations to the stored tables (inside a transaction) and record them."""
        data = self._read()
        try:
            applied = rules.apply(rules.DocTables(data), ops)
        except rules.ChangeConflict as exc:
            raise FileProblem(f"cannot make that change: {exc}") from None
        for op in applied:
            self._record(op.table, op.before, op.after)
        self._storage.write(data)
        self._forget_db()  # TinyDB's cached id counters do not know of these writes
        return applied

    # -- reading -----------------------------------------------------------------------------

    def documents(self, table: str) -> list[dict[str, Any]]:
        """The stored documents of a table in the file's order, as stored (read them, never
        change them): for a reader that needs no domain objects, such as the JSON export."""
        return list(self._read().get(table, {}).values())

    def journal_apart_from_entries(self) -> Journal:
        """The journal without check-ins and sessions (goals, milestones, PEG checks, settings):
        for a reader that takes the entries as stored documents (`documents`)."""
        data = self._read()
        return self._readable({k: v for k, v in data.items() if k not in rules.ENTRY_TABLES})

    def changes(self) -> list[rules.Change]:
        """The recorded changes, oldest first (at most `KEEP`)."""
        raw = self._read().get(CHANGES, {})
        return [rules.Change.from_dict(raw[k]) for k in sorted(raw, key=int)]

    def history(
        self, start: date | None = None, end: date | None = None
    ) -> list[tuple[date, list[Entry]]]:
        """Days newest first, each with its check-in, then its sessions in the order logged."""
        return history.by_day(self.journal(), start, end)

    def entry(self, ref: str) -> Entry:
        """The check-in or session of that id (or an unambiguous start of it)."""
        return history.find_entry(self.journal(), ref)

    # -- correcting --------------------------------------------------------------------------

    def edit_entry(
        self, ref: str, values: Mapping[str, Any], clear: Iterable[str] = ()
    ) -> tuple[Entry, Entry]:
        """Change fields of one entry (see `core.history.edited`); returns it before and after."""
        with self.change("edit"):
            journal = self.journal()
            old = history.find_entry(journal, ref)
            new = history.edited(old, values, clear)
            if isinstance(new, Checkin) and new.date != old.date and new.date in journal.checkins:
                raise InputError(
                    "date", f"{new.date.isoformat()} has a check-in already (one check-in a date)"
                )
            before, after = history.entry_doc(old), history.entry_doc(new)
            if before != after:
                self._apply([rules.Op(history.table_of(old), before, after)])
        return old, new

    def delete_entry(self, ref: str) -> Entry:
        """Remove one check-in or session; `undo` brings it back."""
        with self.change("delete"):
            old = history.find_entry(self.journal(), ref)
            self._apply([rules.Op(history.table_of(old), history.entry_doc(old), None)])
        return old

    def undo(self) -> str | None:
        """Take back the newest change not yet undone; what came back, in words (None: nothing)."""
        with self.transaction():
            raw = self._read().get(CHANGES, {})
            newest_first = sorted(raw, key=int, reverse=True)
            number = next((k for k in newest_first if not raw[k].get("undone")), None)
            if number is None:
                return None
            change = rules.Change.from_dict(raw[number])
            pending, self._pending = self._pending, None  # an undo is not itself a change
            self._forget_journal()  # not recorded, so the cached journal cannot follow it
            try:
                applied = self._apply(rules.invert(change))
            finally:
                self._pending = pending
            data = self._read()
            data[CHANGES][number]["undone"] = rules.now()
            self._storage.write(data)
            return rules.undo_message(change, applied)
