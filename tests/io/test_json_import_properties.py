"""Any JSON export, well made or not: it imports and round-trips, or it is refused in one line
and her data file stays byte for byte as it was."""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.cli import main
from tui.core.errors import FileProblem
from tui.core.models import KINDS
from tui.io.backup import to_json_object
from tui.io.json_import import read_export
from tui.store import Store

TODAY = "2026-11-23"
DATES = ["2026-11-20", "2026-11-23", "2026-02-30", "2099-01-01", "20261120", "2026-W01-1"]
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 700),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=6),
    st.sampled_from([*DATES, "walk", "7.25", "\x1b[2J", "=1+1"]),
    st.lists(st.integers(0, 3), max_size=2),
)
CHECKIN = st.fixed_dictionaries(
    {"date": st.sampled_from(DATES)},
    optional={k: VALUES for k in ("pain", "mood", "sleep_hours", "sleep_quality", "flare", "note")},
)
SESSION = st.fixed_dictionaries(
    {
        "date": st.sampled_from(DATES),
        "kind": st.sampled_from([*KINDS, "run", 3]),
        "minutes": st.one_of(st.integers(-1, 700), VALUES),
    },
    optional={k: VALUES for k in ("routine", "place", "with", "pain_before", "pain_after", "note")},
)
GOAL = st.fixed_dictionaries(
    {
        "name": st.text(max_size=5),
        "unit": st.sampled_from(["sessions", "minutes", "hours"]),
        "target": st.one_of(st.integers(-1, 60), VALUES),
    },
    optional={
        "ramp_to": VALUES,
        "ramp_every": VALUES,
        "kinds": st.lists(st.sampled_from([*KINDS, "x"]), max_size=2),
        "declined": VALUES,
    },
)
EXPORT = st.fixed_dictionaries(
    {"app": st.just("gentle-flow"), "schema": st.sampled_from([2, 2, 2, True, 0])},
    optional={
        "checkins": st.lists(CHECKIN, max_size=3),
        "sessions": st.lists(SESSION, max_size=3),
        "goals": st.lists(GOAL, max_size=2),
        "week_start": VALUES,
    },
)


@contextlib.contextmanager
def a_fixed_day() -> Iterator[Path]:
    saved = os.environ.get("GENTLE_TODAY")
    os.environ["GENTLE_TODAY"] = TODAY
    try:
        with tempfile.TemporaryDirectory() as folder:
            yield Path(folder)
    finally:
        if saved is None:
            del os.environ["GENTLE_TODAY"]
        else:
            os.environ["GENTLE_TODAY"] = saved


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EXPORT)
def test_an_export_imports_and_round_trips_or_is_refused_in_one_line(
    export: dict[str, Any],
) -> None:
    with a_fixed_day() as folder:
        path = folder / "in.json"
        path.write_text(json.dumps(export))
        try:
            journal = read_export(path).journal
        except FileProblem as err:
            assert "\n" not in str(err)
            journal = None
        if journal is not None:
            again = folder / "again.json"
            again.write_text(json.dumps(to_json_object(journal)))
            assert read_export(again).journal == journal

        db = folder / "gentle.json"
        Store.open(db).log_checkin(date(2026, 11, 1), {"pain": 2})
        before = db.read_bytes()
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["--db", str(db), "import", "json", str(path)])
        assert (code == 0) == (journal is not None), err.getvalue()
        if code:
            assert len(err.getvalue().splitlines()) == 1
            assert "Traceback" not in err.getvalue()
            assert db.read_bytes() == before
        else:
            stored = Store.open(db).journal()
            assert journal is not None
            with_values = {d for d, c in journal.checkins.items() if not c.is_empty()}
            assert with_values <= set(stored.checkins)
            assert len(stored.sessions) == len(journal.sessions)


def test_a_million_session_export_is_refused_in_one_line_under_200_mb(tmp_path: Path) -> None:
    import subprocess
    import sys

    one = '{"date":"2026-01-01","kind":"walk","minutes":1}'
    hostile = tmp_path / "million.json"
    with hostile.open("w") as out:
        out.write('{"app":"gentle-flow","schema":2,"sessions":[')
        out.write(",".join([one] * 1_000_000))
        out.write("]}")
    # The child reports its own peak: VmHWM, its memory's high-water mark. Not getrusage: Linux
    # carries the forking process's peak into the child's ru_maxrss across exec, so a test worker
    # grown to 280 MB would be counted too.
    code = (
        "import sys\nfrom tui.cli import main\n"
        f"status = main(['--db', {str(tmp_path / 'gentle.json')!r}, 'import', 'json', "
        f"{str(hostile)!r}])\n"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]\n"
        "print(hwm.split()[1], file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    env = {**os.environ, "GENTLE_TODAY": TODAY}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    line, peak_kb = proc.stderr.splitlines()
    assert proc.returncode == 1
    assert "sessions: more than 100000 entries" in line
    assert int(peak_kb) < 200 * 1024, f"peak {int(peak_kb) // 1024} MiB: {proc.stderr}"
    assert not (tmp_path / "gentle.json").exists()
