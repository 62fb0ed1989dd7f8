"""A TinyDB table that changes the stored table in place instead of copying it twice per write.

TinyDB's `Table._update_table` turns every stored id into an int (a copy of the whole table), lets
the operation change that copy, then turns the ids back into strings (a second copy). At 10,000
documents that is about 3 ms of every insert, as much again as writing the file. Here the operation
works on a view with int keys over the stored dict itself, so an insert touches one entry.

The one place that leans on a private name of TinyDB (`Table._update_table`, the funnel that
every insert, update and remove goes through in TinyDB 4.x). tests/store/test_tinydb_compat.py
fails loudly when a TinyDB release changes it: then drop this class (the stock `Table` works,
only slower) rather than patch around a new shape.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table


class IntKeys(MutableMapping[int, Any]):
    """The stored table (string ids) seen with int ids, as TinyDB's update functions expect."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw

    def __getitem__(self, doc_id: int) -> Any:
        return self.raw[str(doc_id)]

    def __setitem__(self, doc_id: int, doc: Any) -> None:
        self.raw[str(doc_id)] = doc

    def __delitem__(self, doc_id: int) -> None:
        del self.raw[str(doc_id)]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self.raw

    def __iter__(self) -> Iterator[int]:
        return map(int, self.raw)

    def __len__(self) -> int:
        return len(self.raw)

    def clear(self) -> None:
        self.raw.clear()


class InPlaceTable(Table):
    """`Table` whose writes change the stored dict in place (the storage writes it atomically).

    Safe with `AtomicStorage`: every write runs in a transaction, and a failed one is rolled back
    by dropping the in-memory data, so a half-applied change never reaches the file.
    """

    def _update_table(self, updater: Callable[[dict[int, Mapping[Any, Any]]], None]) -> None:
        tables = self._storage.read()
        if tables is None:
            tables = {}
        raw = tables.get(self.name)
        if raw is None:
            raw = tables[self.name] = {}
        updater(IntKeys(raw))  # type: ignore[arg-type]
        self._storage.write(tables)
        self.clear_cache()


def tinydb_over(storage: Any) -> TinyDB:
    """TinyDB over `storage` (an open `AtomicStorage`), its tables changed in place."""
    db = TinyDB(storage=lambda: storage)
    db.table_class = InPlaceTable  # no whole-table copies on each write
    return db
