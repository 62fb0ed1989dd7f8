"""Several Gentle Flow processes writing at once never lose each other's writes."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from tui.store import Store

WRITERS = 24
SESSIONS_EACH = 10
DATES = ("2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04")


def field_value(field: str, n: int) -> Any:
    """A valid value for a check-in field that differs from writer to writer."""
    return {
        "pain": n % 11,
        "mood": 1 + n % 5,
        "sleep_hours": 4 + (n % 16) / 4,
        "sleep_quality": 1 + n % 5,
        "flare": True,
        "note": f"written by writer {n}",
    }[field]


def test_twenty_writers_at_once_lose_no_session_and_no_checkin_field(
    db: Path, writer: Callable[..., subprocess.Popen[str]]
) -> None:
    fields = ("pain", "mood", "sleep_hours", "sleep_quality", "flare", "note")
    expected: dict[tuple[str, str], Any] = {}
    procs = []
    for n in range(WRITERS):
        # Each date gets one writer per field: six processes merging into the same check-in.
        day, field = DATES[n // len(fields) % len(DATES)], fields[n % len(fields)]
        expected[(day, field)] = field_value(field, n)
        procs.append(
            writer(
                "parallel",
                db,
                f"p{n}",
                SESSIONS_EACH,
                day,
                field,
                json.dumps(expected[(day, field)]),
            )
        )
    for proc in procs:  # all started and holding an open store: now let them go together
        assert proc.stdout is not None and proc.stdin is not None
        assert proc.stdout.readline() == "ready\n", proc.communicate()[1]
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    reported = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        reported += [line.split()[1] for line in out.splitlines() if line.startswith("one ")]

    journal = Store.open(db).journal()
    notes = Counter(s.note for s in journal.sessions)
    assert len(reported) == WRITERS * SESSIONS_EACH
    assert all(notes[note] == 1 for note in reported), "a reported session is missing or doubled"
    assert len(journal.sessions) == WRITERS * SESSIONS_EACH
    for (day, field), value in expected.items():
        checkin = journal.checkins[date.fromisoformat(day)]
        assert getattr(checkin, field) == value, f"{field} of {day} was lost"
    assert len(journal.checkins) == len(DATES)
