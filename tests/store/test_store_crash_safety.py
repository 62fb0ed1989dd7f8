"""A writer killed at any moment leaves the old or the new file, never a broken one, never less."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import orjson

from tui.core.models import Journal
from tui.store import Store
from tui.store.disk import temp_files

KILLS = 40
LONGEST_WAIT = 0.3  # seconds a writer runs before it is killed


def reported_writes(output: str) -> list[tuple[str, str]]:
    """The (kind, note) of each write the writer said had returned (whole lines only)."""
    lines = [line for line in output.splitlines(keepends=True) if line.endswith("\n")]
    return [
        (line.split()[0], line.split()[1]) for line in lines if line.startswith(("one ", "pair "))
    ]


def test_a_writer_killed_mid_write_never_leaves_a_broken_file(
    db: Path, writer: Callable[..., subprocess.Popen[str]], sample_journal: Callable[..., Journal]
) -> None:
    # A few thousand documents, so that each write takes long enough to be cut off in the middle.
    Store.open(db).replace_journal(sample_journal(1500))
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    promised: list[tuple[str, str]] = []
    for round_ in range(KILLS):
        proc = writer("append", db, f"w{round_}")
        assert proc.stdout is not None
        assert proc.stdout.readline() == "ready\n", proc.communicate()[1]
        time.sleep(rng.uniform(0, LONGEST_WAIT))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        assert "Traceback" not in err, err
        promised += reported_writes(out)
        where = f"after kill {round_ + 1} (seed {seed})"

        orjson.loads(db.read_bytes())  # still one whole JSON document
        notes = Counter(s.note for s in Store.open(db).journal().sessions)
        for kind, note in promised:
            if kind == "one":
                assert notes[note] == 1, f"{note} reported written, found {notes[note]} {where}"
            else:
                assert notes[f"{note}-a"] == notes[f"{note}-b"] == 1, f"{note} pair {where}"
        halves = {n[:-2]: n for n in notes if n and n.endswith(("-a", "-b"))}
        for stem in halves:
            assert notes[f"{stem}-a"] == notes[f"{stem}-b"], f"half a transaction {where}"

    assert len(promised) > KILLS, "the writers hardly wrote anything before being killed"
    # Whatever temp files the kills left behind go at the next write.
    store = Store.open(db)
    store.log_checkin(store.journal().sessions[0].date, {"mood": 3})
    assert temp_files(db) == []
