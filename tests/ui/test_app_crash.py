"""An error the app cannot handle: one line on the terminal, the details in a private file."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

CRASHING_APP = """
import sys
from textual.app import App
from tui import cli

class Crashing(App[None]):
    def on_mount(self) -> None:
        journal = "her private " + "note: tired, pain 7"  # a local Textual would print
        raise RuntimeError("something broke")

def handler(args):
    cli.run_app(Crashing(), headless=True)
    return 0

cli.cmd_app = handler  # the app of `gentle`, replaced by one that crashes
sys.exit(cli.main(["--db", sys.argv[1]]))
"""


def test_an_app_crash_prints_one_line_and_never_her_locals(tmp_path: Path) -> None:
    env = {**os.environ, "GENTLE_CRASH_DIR": str(tmp_path / "crashes")}
    script = tmp_path / "crashing_app.py"  # a file, so the traceback shows code and locals
    script.write_text(CRASHING_APP)
    proc = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "gentle.json")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("gentle: Gentle Flow stopped unexpectedly; the details are in ")
    assert "her private note" not in proc.stderr + proc.stdout
    [crash] = (tmp_path / "crashes").iterdir()
    assert str(crash) in lines[0]
    assert stat.S_IMODE(crash.stat().st_mode) == 0o600
    details = crash.read_text()
    assert "RuntimeError" in details and "something broke" in details
    assert "raise RuntimeError" in details  # the code that ran is there
    assert "her private note" not in details
