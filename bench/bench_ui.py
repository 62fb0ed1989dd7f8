"""How the app's start compares with a bare Textual app (a benchmark to run by hand, not a test).

    python bench/bench_ui.py [--rounds 7] [--days 3650] [--size 120x40]

Over a demo file (ten years by default; `--days 7300` for twenty) it runs, as whole processes
alternated round by round:
- `gentle screenshot dashboard` (charts drawn, SVG written) against a bare Textual app that renders
  one frame headless and saves an SVG: median wall time and peak memory (maxrss) ratios;
- the app up to the dashboard's first frame (`bench/app_first_frame.py` reports the time of its
  first frame, then of the frame that shows her data, and exits) against the bare app up to its
  first frame.
Targets: time <= 1.5x, memory <= 1.6x, first frame <= 1.15x.

Before measuring it compiles the app's own modules to bytecode, as installing the app does (and as
Textual's are in site-packages): with PYTHONDONTWRITEBYTECODE set, the warm-up run would otherwise
leave the app compiling its modules from source on every run. `--source` removes the app's
bytecode instead (with PYTHONDONTWRITEBYTECODE set, the app then compiles from source every run).
The first output line says which it was.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_APP = """
import os, sys, time
from textual.app import App, ComposeResult
from textual.widgets import Static

class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello")

    def on_mount(self) -> None:
        self.call_after_refresh(self.first_frame)

    def first_frame(self) -> None:
        if os.environ.get("GENTLE_BENCH_FIRST_FRAME"):
            print(f"first-frame {time.time()}", file=sys.stderr)
        else:
            self.save_screenshot(sys.argv[1])
        self.exit()

Bare().run(headless=True, size=(int(sys.argv[2]), int(sys.argv[3])))
"""

TODAY = "2026-11-23"


ROOT = Path(__file__).resolve().parents[1]


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, int, dict[str, float]]:
    """Wall seconds, peak RSS in KiB, and the stages it reported (seconds after start)."""
    start = time.time()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.time() - start
    err = proc.stderr.read().decode()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n{err}")
    stages = {}
    for line in err.splitlines():
        words = line.split()
        if len(words) == 2 and words[0] in ("first-frame", "data-shown"):
            stages[words[0]] = float(words[1]) - start
    return wall, usage.ru_maxrss, stages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--days", type=int, default=3650, help="demo days (7300: twenty years)")
    parser.add_argument("--size", default="120x40")
    parser.add_argument(
        "--source", action="store_true", help="measure without the app's bytecode (see above)"
    )
    args = parser.parse_args()
    cols, rows = args.size.split("x")
    python = sys.executable
    gentle = [python, "-m", "tui"]
    packages = [ROOT / "tui", ROOT / "widgets"]
    if args.source:
        for cache in (c for package in packages for c in package.rglob("__pycache__")):
            shutil.rmtree(cache)
    else:
        subprocess.run([python, "-m", "compileall", "-q", *map(str, packages)], check=True)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "gentle.json"
        # Her settings file of this machine neither shapes nor records the runs.
        config = str(folder / "config.toml")
        env = {**os.environ, "GENTLE_TODAY": TODAY, "GENTLE_DB": str(db), "GENTLE_CONFIG": config}
        env.pop("GENTLE_BENCH_FIRST_FRAME", None)
        subprocess.run(
            [*gentle, "demo", "--days", str(args.days), "--seed", "7"], env=env, check=True
        )
        bare_script = folder / "bare.py"
        bare_script.write_text(BARE_APP)
        shot_cmd = [
            *gentle,
            "screenshot",
            "dashboard",
            "--output",
            str(folder / "app.svg"),
            "--size",
            args.size,
        ]
        bare_cmd = [python, str(bare_script), str(folder / "bare.svg"), cols, rows]
        first_env = {**env, "GENTLE_BENCH_FIRST_FRAME": "1"}  # read by the bare app only
        app_first_cmd = [python, str(ROOT / "bench" / "app_first_frame.py"), cols, rows]

        # One warm-up of each, so that the file cache and the .pyc files are equally warm.
        run(shot_cmd, env), run(bare_cmd, env)
        shots, bares, app_firsts, bare_firsts = [], [], [], []
        for _ in range(args.rounds):
            shots.append(run(shot_cmd, env))
            bares.append(run(bare_cmd, env))
            app_firsts.append(run(app_first_cmd, first_env)[2])
            bare_firsts.append(run(bare_cmd, first_env)[2])

    def median(values: list[float]) -> float:
        return statistics.median(values)

    shot_time, bare_time = median([s[0] for s in shots]), median([b[0] for b in bares])
    shot_rss, bare_rss = max(s[1] for s in shots), max(b[1] for b in bares)
    app_first = median([f["first-frame"] for f in app_firsts])
    app_data = median([f["data-shown"] for f in app_firsts])
    bare_first = median([f["first-frame"] for f in bare_firsts])
    compiled = any((ROOT / "tui" / "__pycache__").glob("app.*.pyc"))
    bytecode = "app bytecode compiled" if compiled else "app compiled from source each run"
    years = f"{args.days / 365:.0f}-year" if args.days >= 365 else f"{args.days}-day"
    print(f"{years} demo file ({args.days} days), {args.rounds} rounds, {args.size}, {bytecode}")
    print(f"screenshot dashboard  {shot_time * 1000:7.0f} ms  {shot_rss / 1024:6.1f} MiB")
    print(f"bare app + SVG        {bare_time * 1000:7.0f} ms  {bare_rss / 1024:6.1f} MiB")
    print(f"time ratio            {shot_time / bare_time:7.2f}   (target <= 1.5)")
    print(f"memory ratio          {shot_rss / bare_rss:7.2f}   (target <= 1.6)")
    print(f"first frame: app      {app_first * 1000:7.0f} ms")
    print(f"first frame: bare     {bare_first * 1000:7.0f} ms")
    print(f"first-frame ratio     {app_first / bare_first:7.2f}   (target <= 1.15)")
    print(f"her data shown: app   {app_data * 1000:7.0f} ms  ({app_data / bare_first:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
