"""The JSON export's bytes: orjson's indenting writes exactly what the stdlib's encoder would."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tui.core.demo import generate
from tui.core.models import Checkin, Journal, Session
from tui.io.backup import to_json, to_json_bytes, to_json_object, to_json_object_from_store
from tui.store import Store


def stdlib(journal: Journal) -> bytes:
    text = json.dumps(to_json_object(journal), ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8")


def test_a_demo_year_exports_byte_for_byte_as_the_stdlib_encoder_writes_it() -> None:
    journal = generate(365, 3, date(2026, 11, 23))
    assert len(journal.sessions) > 300  # a real year, not an empty export
    assert to_json_bytes(journal) == stdlib(journal)


def test_her_own_words_export_byte_for_byte_too() -> None:
    day = date(2026, 11, 20)
    journal = Journal(
        checkins={
            day: Checkin(
                date=day, pain=4, sleep_hours=7.25, note='Ça va 😊 "quoted" \\ back\nline 二'
            )
        },
        sessions=[
            Session(date=day, kind="walk", minutes=20, routine="[b]Park[/b]", companion="Zoë")
        ],
    )
    assert to_json_bytes(journal) == stdlib(journal)
    assert to_json(journal) == stdlib(journal).decode("utf-8")


def test_the_export_from_stored_documents_equals_the_export_of_the_journal(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "gentle.json")
    store.replace_journal(generate(200, 5, date(2026, 11, 23)))
    day = date(2026, 11, 20)
    store.log_checkin(day, {"pain": 3, "note": "Zoë 😊"})  # a check-in stored without flare
    store.add_session(Session(date=day, kind="walk", minutes=12, companion="[b]Ann"))
    journal = store.journal()
    assert len(journal.sessions) > 100

    assert to_json_object_from_store(store) == to_json_object(journal)
    assert to_json_bytes(to_json_object_from_store(store)) == to_json_bytes(journal)
