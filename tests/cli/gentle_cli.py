"""`Gentle`: the real `gentle` command in a subprocess, on a fixed day, away from her data folder.

Every run gets HOME and the XDG folders inside the test's temp folder, `GENTLE_TODAY` fixed and
`GENTLE_DB` unset (unless a test sets it), so nothing can touch the developer's own data.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

TODAY = "2026-11-23"  # a Monday
REPO = Path(__file__).resolve().parents[2]
UNKIND = ("missed", "failed", "broken", "streak lost")
_UNSET = object()


class Gentle:
    """`gentle(*args)` runs `python -m tui --db <db> *args` and returns the finished process."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.db = home / "gentle.json"
        self.today = TODAY  # set it to pass days

    def env(self, gentle_db: Path | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("GENTLE_")}
        env.update(
            HOME=str(self.home),
            USERPROFILE=str(self.home),
            XDG_DATA_HOME=str(self.home / "xdg-data"),
            XDG_CONFIG_HOME=str(self.home / "xdg-config"),
            XDG_CACHE_HOME=str(self.home / "xdg-cache"),
            APPDATA=str(self.home / "appdata"),
            LOCALAPPDATA=str(self.home / "appdata"),
            GENTLE_TODAY=self.today,
            PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")])),
        )
        if gentle_db is not None:
            env["GENTLE_DB"] = str(gentle_db)
        return env

    def __call__(
        self, *args: object, db: Any = _UNSET, gentle_db: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run the command; `db=None` leaves out `--db`, `gentle_db` sets `GENTLE_DB`."""
        path = self.db if db is _UNSET else db
        command = [sys.executable, "-m", "tui"]
        if path is not None:
            command += ["--db", str(path)]
        command += [str(a) for a in args]
        proc = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=self.env(gentle_db),
            cwd=self.home,
            timeout=120,
        )
        said = (proc.stdout + proc.stderr).lower()
        assert not [w for w in UNKIND if w in said], f"unkind wording in {said!r}"
        return proc

    def ok(self, *args: object, **kw: Any) -> str:
        """Run a command that must succeed quietly on stderr; its stdout."""
        proc = self(*args, **kw)
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr == ""
        return proc.stdout

    def refused(self, *args: object, code: int = 2, **kw: Any) -> str:
        """Run a command that must be refused: exit `code`, one line on stderr, nothing on stdout,
        no traceback, and the data file byte for byte as it was (or still absent). The line."""
        before = self.db.read_bytes() if self.db.exists() else None
        proc = self(*args, **kw)
        assert proc.returncode == code, (proc.returncode, proc.stdout, proc.stderr)
        assert "Traceback" not in proc.stderr
        lines = proc.stderr.splitlines()
        assert len(lines) == 1, proc.stderr
        assert proc.stdout == ""
        after = self.db.read_bytes() if self.db.exists() else None
        assert after == before, "the data file changed"
        return lines[0]

    def status(self, **kw: Any) -> dict[str, Any]:
        """`gentle status --json`, parsed."""
        data: dict[str, Any] = json.loads(self.ok("status", "--json", **kw))
        return data

    def data(self, path: Path | None = None) -> dict[str, Any]:
        """The data file itself, parsed."""
        loaded: dict[str, Any] = json.loads((path or self.db).read_bytes())
        return loaded
