"""Reading her file goes without TinyDB, which only writing needs (tui/store/db.py `_db`)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from tinydb.storages import Storage

from tui.store import Store
from tui.store.storage import AtomicStorage


def test_the_atomic_storage_has_every_method_tinydb_asks_of_a_storage() -> None:
    assert Storage.__abstractmethods__  # TinyDB still names them
    for name in (*Storage.__abstractmethods__, "close"):
        assert callable(getattr(AtomicStorage, name, None)), name


def test_reading_her_journal_imports_no_tinydb(db: Path) -> None:
    Store.open(db).log_checkin(date(2024, 6, 1), {"pain": 3})
    code = (
        "import sys\n"
        "from tui.store import Store\n"
        f"journal = Store.open({str(db)!r}).journal()\n"
        "print(len(journal.checkins), any(m.startswith('tinydb') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1", "False"]


def test_a_write_after_reading_goes_through_tinydb_as_before(db: Path) -> None:
    store = Store.open(db)
    store.log_checkin(date(2024, 6, 1), {"pain": 3})
    again = Store.open(db)
    assert len(again.journal().checkins) == 1
    again.log_checkin(date(2024, 5, 31), {"mood": 4})
    assert sorted(Store.open(db).journal().checkins) == [date(2024, 5, 31), date(2024, 6, 1)]
