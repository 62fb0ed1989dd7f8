"""The one private TinyDB name the store uses: these fail loudly when a TinyDB release moves it."""

from __future__ import annotations

import inspect
from typing import Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from tui.store.tinydb_compat import InPlaceTable


def test_tinydb_still_funnels_writes_through_update_table_with_one_updater() -> None:
    assert list(inspect.signature(Table._update_table).parameters) == ["self", "updater"]
    for method in (Table.insert, Table.insert_multiple, Table.update, Table.remove):
        assert "_update_table" in inspect.getsource(method), method.__name__


def _db() -> tuple[TinyDB, MemoryStorage]:
    db = TinyDB(storage=MemoryStorage)
    db.table_class = InPlaceTable
    storage: Any = db.storage
    return db, storage


def test_an_insert_changes_the_stored_table_in_place_with_string_ids() -> None:
    db, storage = _db()
    table = db.table("sessions")
    table.insert({"kind": "walk"})
    stored = storage.read()["sessions"]
    table.insert({"kind": "snack"})
    assert storage.read()["sessions"] is stored  # the same dict, changed in place
    assert stored == {"1": {"kind": "walk"}, "2": {"kind": "snack"}}


def test_update_and_remove_work_on_the_stored_table_as_tinydb_documents_them() -> None:
    db, storage = _db()
    table = db.table("goals")
    first, second = table.insert_multiple([{"name": "Walks"}, {"name": "Videos"}])
    table.update({"target": 3}, doc_ids=[first])
    table.remove(doc_ids=[second])
    assert storage.read()["goals"] == {"1": {"name": "Walks", "target": 3}}
    assert table.get(doc_id=first) == {"name": "Walks", "target": 3}
