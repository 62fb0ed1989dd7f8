"""`Gentle` for the import/export tests: the real command in a subprocess on the fixed day.

A module of its own (not conftest) so that `from io_cli import ...` names one file whatever other
test folders are collected in the same run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
TODAY = "2026-11-23"


class Gentle:
    """`gentle(*args)`: the real command in a subprocess on the fixed day, own data file."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.db = home / "g.json"

    def __call__(self, *args: object, db: Path | None = None) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("GENTLE_")}
        env.update(HOME=str(self.home), XDG_DATA_HOME=str(self.home / "xdg"), GENTLE_TODAY=TODAY)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
        command = [sys.executable, "-m", "tui", "--db", str(db or self.db), *map(str, args)]
        return subprocess.run(
            command, capture_output=True, text=True, env=env, cwd=self.home, timeout=120
        )

    def ok(self, *args: object, db: Path | None = None) -> str:
        """A command that must succeed, quiet on stderr (no progress bar outside a terminal)."""
        proc = self(*args, db=db)
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr == ""
        return proc.stdout

    def refused(self, *args: object, code: int) -> str:
        """Must fail with `code`: one stderr line, no traceback, the data file as it was."""
        before = self.db.read_bytes() if self.db.exists() else None
        proc = self(*args)
        assert proc.returncode == code, (proc.returncode, proc.stdout, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert len(proc.stderr.splitlines()) == 1, proc.stderr
        assert (self.db.read_bytes() if self.db.exists() else None) == before
        return proc.stderr.strip()
