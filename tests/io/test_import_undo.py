"""Each import is one recorded change: `gentle undo` takes the whole of it back."""

from __future__ import annotations

from pathlib import Path

from conftest import Gentle


def test_an_apple_health_import_into_her_data_is_undone_whole(
    gentle: Gentle, apple_dir: Path
) -> None:
    gentle.ok("log", "checkin", "--pain", "4")
    gentle.ok("log", "move", "walk", "20")
    before = gentle.ok("export")
    gentle.ok("import", "apple-health", apple_dir / "export-ios16.xml")
    assert gentle.ok("export") != before
    out = gentle.ok("undo")
    assert out == "Undone import apple-health export-ios16.xml: taken out again: 14 sessions.\n"
    assert gentle.ok("export") == before


def test_a_daylio_import_that_fills_her_check_ins_is_undone_whole(
    gentle: Gentle, daylio_dir: Path
) -> None:
    gentle.ok("log", "move", "walk", "20")
    before = gentle.ok("export")
    gentle.ok("import", "daylio", daylio_dir / "daylio-8col.csv")
    out = gentle.ok("undo")
    assert out.startswith("Undone import daylio daylio-8col.csv: taken out again: ")
    assert "check-ins." in out
    assert gentle.ok("export") == before
    assert (
        gentle.ok("undo") == "Undone log move: the 20 min walk of 2026-11-23 is taken out again.\n"
    )
