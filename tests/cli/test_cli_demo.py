"""`gentle demo`: realistic data, the same for the same seed, never over her own entries."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from gentle_cli import TODAY, Gentle

END = date.fromisoformat(TODAY)


def entries(data: dict[str, Any]) -> dict[str, Any]:
    """The recorded tables, without the file's own meta document and its change record."""
    return {k: v for k, v in data.items() if not k.startswith("_") and k != "changes"}


def dates(data: dict[str, Any]) -> set[date]:
    docs = [*data["checkins"].values(), *data["sessions"].values()]
    return {date.fromisoformat(d["date"]) for d in docs}


def test_demo_writes_120_days_by_default(gentle: Gentle, demo_file: Path) -> None:
    data = gentle.data(demo_file)
    days = dates(data)
    assert max(days) == END
    assert min(days) >= END - timedelta(days=119)
    assert len(data["checkins"]) >= 60
    assert len(data["goals"]) >= 1


def test_demo_days_sets_how_far_back_it_goes(gentle: Gentle) -> None:
    out = gentle.ok("demo", "--days", "30")
    assert "30 days" in out
    days = dates(gentle.data())
    assert max(days) <= END
    assert min(days) >= END - timedelta(days=29)


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(gentle: Gentle) -> None:
    first, second, other = (gentle.home / f"{n}.json" for n in ("first", "second", "other"))
    gentle.ok("demo", "--days", "60", "--seed", "7", db=first)
    gentle.ok("demo", "--days", "60", "--seed", "7", db=second)
    gentle.ok("demo", "--days", "60", "--seed", "8", db=other)
    assert entries(gentle.data(first)) == entries(gentle.data(second))
    assert gentle.status(db=first) == gentle.status(db=second)
    assert entries(gentle.data(first)) != entries(gentle.data(other))


def test_demo_refuses_a_file_with_entries_and_leaves_it_as_it_was(gentle: Gentle) -> None:
    gentle.ok("log", "checkin", "--pain", "3", "--note", "mine")
    line = gentle.refused("demo", code=1)
    assert "--force" in line
    assert str(gentle.db.name) in line


def test_demo_force_replaces_her_entries_and_keeps_a_copy(gentle: Gentle) -> None:
    gentle.ok("log", "checkin", "--pain", "3", "--note", "mine")
    mine = gentle.db.read_bytes()
    gentle.ok("demo", "--days", "20", "--force")
    notes = [c["note"] for c in gentle.data()["checkins"].values()]
    assert "mine" not in notes
    assert len(gentle.data()["checkins"]) > 1
    copies = [p.read_bytes() for p in gentle.home.rglob("*.json") if p != gentle.db]
    assert mine in copies


def test_ten_years_of_demo_data_hold_at_least_8000_documents(gentle: Gentle) -> None:
    gentle.ok("demo", "--days", "3650")
    data = gentle.data()
    assert len(data["checkins"]) + len(data["sessions"]) >= 8000
    assert min(dates(data)) >= END - timedelta(days=3649)
    counts = [r["count"] for r in gentle.status()["routines"]]
    assert max(counts) >= 200
