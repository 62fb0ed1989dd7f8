"""Speed as she feels it: key to form, Enter to the updated dashboard, in a real terminal (tmux).

Run by hand (not a test; needs tmux):  python bench/bench_keys.py [--rounds 7] [--years 1 20]

Gentle Flow runs on a demo file of each size; bench/bare_app.py (a bare Textual app that pushes a
modal with five inputs and updates one label) runs beside it, alternated round by round. Each round
sends keys with `tmux send-keys` and polls `capture-pane` until the screen shows the result:
  form:  `l` (check-in) or `m` (movement) -> the form's key line ("enter save") is on screen.
         Target <= 1.5x the bare app (each against a push of its modal in the same round).
  save:  a pain digit and Enter -> "Pain N ·" is on the dashboard. Target <= 3x the bare app, and
         the twenty-year file no more than 1.2x the one-year file.
Before each `l` both apps are left alone for READ seconds, as she looks at her dashboard before
her next key (Gentle Flow makes its next forms in that moment: tui/waiting.py).
Polling costs a few ms a look, the same for both apps: the ratios are what count.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORM_MARK = "enter save"
POLL = 0.002
READ = 0.6


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def screen(session: str) -> str:
    return tmux("capture-pane", "-p", "-t", session)


def wait_for(session: str, text: str, gone: str | None = None, limit: float = 30.0) -> float:
    """Seconds until `text` is on screen (and `gone` is not)."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        shown = screen(session)
        if text in shown and (gone is None or gone not in shown):
            return time.perf_counter() - start
        time.sleep(POLL)
    raise SystemExit(f"{session}: {text!r} never showed:\n{screen(session)}")


class Session:
    """One app in its own tmux session at 120x40."""

    def __init__(self, name: str, command: list[str]) -> None:
        self.name = name
        tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", shlex.join(command))

    def form(self, key: str = "l") -> float:
        time.sleep(READ)  # she looks at the dashboard before her next key
        start = time.perf_counter()
        tmux("send-keys", "-t", self.name, key)
        wait_for(self.name, FORM_MARK)
        return time.perf_counter() - start

    def leave(self) -> None:
        tmux("send-keys", "-t", self.name, "Escape")
        wait_for(self.name, "", gone=FORM_MARK)

    def save(self, pain: int) -> float:
        tmux("send-keys", "-t", self.name, str(pain))
        time.sleep(0.05)  # the digit lands in the form before the clock starts
        start = time.perf_counter()
        tmux("send-keys", "-t", self.name, "Enter")
        wait_for(self.name, f"Pain {pain} ·", gone=FORM_MARK)
        return time.perf_counter() - start

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def measure(years: list[int], rounds: int, tmp: Path) -> None:
    """Every app in its own tmux session, measured in turn within each round (bare, then each
    history size), so a busy moment of the machine falls on all of them alike."""
    apps: dict[int, Session] = {}
    sizes: dict[int, float] = {}
    bare = Session("bare-bench", [sys.executable, str(HERE / "bare_app.py")])
    try:
        for y in years:
            db = tmp / f"y{y}.json"
            # Her settings file of this machine neither shapes nor records the runs.
            config = f"GENTLE_CONFIG={tmp / 'config.toml'}"
            gentle = ["env", config, sys.executable, "-m", "tui", "--db", str(db)]
            demo = [*gentle, "demo", "--days", str(365 * y)]
            subprocess.run(demo, check=True, capture_output=True)
            sizes[y] = db.stat().st_size / 1e6
            apps[y] = Session(f"gentle-bench-{y}", gentle)
        wait_for(bare.name, "ready")
        for app in apps.values():
            wait_for(app.name, "This week")
        form: dict[int, list[float]] = {y: [] for y in years}
        move: dict[int, list[float]] = {y: [] for y in years}
        save: dict[int, list[float]] = {y: [] for y in years}
        ms: dict[int, list[float]] = {y: [] for y in years}
        growth: list[float] = []
        for i in range(rounds):
            pain = 3 + i % 6
            bare_push = bare.form()
            bare.leave()
            bare_form, bare_save = bare.form(), bare.save(pain)
            saved = {}
            for y, app in apps.items():
                move[y].append(app.form("m") / bare_push)
                app.leave()
                form[y].append(app.form() / bare_form)
                saved[y] = app.save(pain)
                save[y].append(saved[y] / bare_save)
                ms[y].append(saved[y])
            growth.append(saved[max(years)] / saved[min(years)])
    finally:
        bare.close()
        for app in apps.values():
            app.close()
    for y in years:
        print(
            f"{y:2} year(s), {sizes[y]:4.1f} MB: "
            f"l -> form {statistics.median(form[y]):4.2f}x the bare app, "
            f"m -> form {statistics.median(move[y]):4.2f}x (<= 1.5); "
            f"Enter -> dashboard {statistics.median(save[y]):4.2f}x (<= 3), "
            f"{statistics.median(ms[y]) * 1000:.0f} ms"
        )
    if len(years) > 1:
        print(
            f"Enter -> dashboard at {max(years)} vs {min(years)} year(s), median per round: "
            f"{statistics.median(growth):.2f}x (<= 1.2)"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--years", type=int, nargs="+", default=[1, 20])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        measure(sorted(set(args.years)), args.rounds, Path(tmp))


if __name__ == "__main__":
    main()
