"""How fast the store is over ten years of data, against a bare script doing the same write.

Run by hand (not a test):  python bench/bench_store.py [--rounds 15] [--inserts 50] [--profile]

1. `gentle log move walk 20 --place Park` as a whole process (`python -m tui` and the `gentle`
   console script) against a bare `python -c` that parses the same file with orjson, adds one
   document and writes it atomically (temp file, fsync, os.replace, folder fsync). The three are
   alternated round by round; medians and the median of the per-round ratios are printed.
   Target: ratio <= 2.0.
2. In-process `Store.add_session` on a file of 10,000 documents: median ms over N inserts, and the
   bare atomic write of the same data alongside for a ratio. Target: <= 12 ms.

--profile adds where the time goes: `-X importtime` of the CLI call and cProfile of the inserts.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from tui.core.dates import today
from tui.core.models import Journal, Session
from tui.store import Store
from tui.store.disk import atomic_write

BARE_SCRIPT = """
import os, sys
import orjson
path = sys.argv[1]
with open(path, "rb") as handle:
    data = orjson.loads(handle.read())
table = data.setdefault("sessions", {})
table[str(max(map(int, table), default=0) + 1)] = {
    "id": os.urandom(8).hex(),
    "date": sys.argv[2], "kind": "walk", "minutes": 20, "routine": None, "place": "Park",
    "with": None, "pain_before": None, "pain_after": None, "note": None,
}
folder = os.path.dirname(os.path.abspath(path))
temp = os.path.join(folder, "." + os.path.basename(path) + ".bare.tmp")
fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
os.write(fd, orjson.dumps(data))
os.fsync(fd)
os.close(fd)
os.replace(temp, path)
dfd = os.open(folder, os.O_RDONLY)
os.fsync(dfd)
os.close(dfd)
"""

TARGET_PROCESS_RATIO = 2.0
TARGET_INSERT_MS = 12.0


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def run(cmd: list[str], env: dict[str, str]) -> float:
    """Wall time of one whole process; it must succeed."""
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.strip()}")
    return took


def documents(path: Path) -> int:
    data = orjson.loads(path.read_bytes())
    return sum(len(table) for name, table in data.items() if name not in ("_meta", "changes"))


def make_demo(path: Path, days: int, env: dict[str, str]) -> str:
    """A ten-year demo file: by the CLI if it can, else by the demo generator in-process."""
    cmd = [sys.executable, "-m", "tui", "--db", str(path), "demo", "--days", str(days)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode == 0 and path.exists() and documents(path) > days:
        return f"gentle demo --days {days}"
    from tui.core.demo import generate

    path.unlink(missing_ok=True)
    Store.open(path).replace_journal(generate(days, seed=7, end=today()))
    return f"tui.core.demo.generate({days}) + Store.replace_journal (CLI demo not available)"


def cli_can_log(path: Path, env: dict[str, str]) -> bool:
    scratch = path.with_name("probe.json")
    shutil.copyfile(path, scratch)
    cmd = [sys.executable, "-m", "tui", "--db", str(scratch), "log", "move", "walk", "20"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    grew = done.returncode == 0 and documents(scratch) == documents(path) + 1
    scratch.unlink()
    return grew


def bench_processes(path: Path, rounds: int, env: dict[str, str]) -> None:
    log = ["log", "move", "walk", "20", "--place", "Park"]
    contenders: dict[str, list[str]] = {}
    if cli_can_log(path, env):
        python_m = [sys.executable, "-m", "tui", "--db", str(path), *log]
        contenders["python -m tui log move"] = python_m
        gentle = shutil.which("gentle") or str(Path(sys.executable).with_name("gentle"))
        if Path(gentle).exists():
            contenders["gentle log move"] = [gentle, "--db", str(path), *log]
    else:
        print("  (the CLI cannot `log move` yet: only the bare script is timed)")
    contenders["bare script"] = [sys.executable, "-c", BARE_SCRIPT, str(path), str(today())]

    for cmd in contenders.values():  # warm the page cache; take the day's backup out of the timing
        run(cmd, env)
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, cmd in contenders.items():
            times[name].append(run(cmd, env))

    bare = times["bare script"]
    print(f"  {'':28} {'median':>10} {'min':>10} {'max':>10}")
    for name, values in times.items():
        print(
            f"  {name:28} {ms(statistics.median(values)):>10} {ms(min(values)):>10}"
            f" {ms(max(values)):>10}"
        )
    for name, values in times.items():
        if name == "bare script":
            continue
        ratio = statistics.median(v / b for v, b in zip(values, bare, strict=True))
        verdict = "ok" if ratio <= TARGET_PROCESS_RATIO else "OVER TARGET"
        target = f"(target <= {TARGET_PROCESS_RATIO})"
        print(f"  {name} / bare: median ratio {ratio:.2f} {target} {verdict}")
    print(f"  file now holds {documents(path)} documents")


def ten_thousand(journal: Journal) -> Journal:
    """Trim a journal to exactly 10,000 check-ins + sessions (keeping the newest check-ins)."""
    keep_checkins = min(len(journal.checkins), 10_000 // 3)
    days = sorted(journal.checkins)[-keep_checkins:]
    sessions = journal.sessions[-(10_000 - keep_checkins) :]
    trimmed = Journal(
        checkins={day: journal.checkins[day] for day in days},
        sessions=sessions,
        goals=journal.goals,
        milestones=journal.milestones,
        celebrated=journal.celebrated,
    )
    assert len(trimmed.checkins) + len(trimmed.sessions) == 10_000, "demo too small"
    return trimmed


def timed(actions: list[Callable[[], Any]], times: int) -> list[tuple[float, float]]:
    """Median wall and CPU time of each action, run alternately (CPU leaves out fsync waits)."""
    wall: list[list[float]] = [[] for _ in actions]
    cpu: list[list[float]] = [[] for _ in actions]
    for _ in range(times):
        for i, action in enumerate(actions):
            start, start_cpu = time.perf_counter(), time.process_time()
            action()
            cpu[i].append(time.process_time() - start_cpu)
            wall[i].append(time.perf_counter() - start)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(wall, cpu, strict=True)]


def bench_inserts(folder: Path, demo: Path, inserts: int, profile: bool) -> None:
    path = folder / "ten-thousand.json"
    Store.open(path).replace_journal(ten_thousand(Store.open(demo).journal()))
    print(f"  file: {documents(path)} documents, {path.stat().st_size / 1e6:.2f} MB")
    store = Store.open(path)
    store.journal()
    walk = Session(date=today(), kind="walk", minutes=20, place="Park")
    store.add_session(walk)  # the day's backup happens here, outside the timing

    bare_path = folder / "bare.json"
    shutil.copyfile(path, bare_path)
    data = orjson.loads(bare_path.read_bytes())
    sessions = data["sessions"]

    def bare_insert() -> None:
        sessions[str(len(sessions) + 1)] = walk.to_dict()
        atomic_write(bare_path, orjson.dumps(data))

    (store_ms, store_cpu), (bare_ms, bare_cpu), (dumps_ms, _) = timed(
        [lambda: store.add_session(walk), bare_insert, lambda: orjson.dumps(data)], inserts
    )
    verdict = "ok" if store_ms * 1000 <= TARGET_INSERT_MS else "OVER TARGET"
    print(f"  {'':22} {'wall':>10} {'CPU':>10}")
    print(f"  {'Store.add_session':22} {ms(store_ms):>10} {ms(store_cpu):>10}  {verdict}")
    print(f"  {'bare atomic write':22} {ms(bare_ms):>10} {ms(bare_cpu):>10}")
    print(f"  {'  of which dumps':22} {ms(dumps_ms):>10}")
    print(
        f"  ratio store / bare: wall {store_ms / bare_ms:.2f}, CPU {store_cpu / bare_cpu:.2f}"
        f"  (target: Store.add_session wall median <= {TARGET_INSERT_MS} ms)"
    )
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(inserts):
            store.add_session(walk)
        profiler.disable()
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(12)
        print("  cProfile of the inserts (by own time):")
        print("\n".join("    " + line for line in text.getvalue().splitlines()[4:30] if line))


def import_profile(path: Path, env: dict[str, str]) -> None:
    """The slowest imports of one `python -m tui ... log move` (cumulative microseconds)."""
    cmd = [sys.executable, "-X", "importtime", "-m", "tui", "--db", str(path)]
    done = subprocess.run(
        [*cmd, "log", "move", "walk", "20"], env=env, capture_output=True, text=True
    )
    rows = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _, total, name = (part.strip() for part in line[12:].split("|"))
            rows.append((int(total), name))
    top = [row for row in sorted(rows, reverse=True) if not row[1].startswith(" ")][:15]
    print("  -X importtime, top-level cumulative:")
    for cumulative, name in top:
        print(f"    {cumulative / 1000:7.1f} ms  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--inserts", type=int, default=50)
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="gentle-bench-"))
    env = {**os.environ, "GENTLE_TODAY": os.environ.get("GENTLE_TODAY", str(date.today()))}
    os.environ["GENTLE_TODAY"] = env["GENTLE_TODAY"]
    try:
        demo = folder / "gentle.json"
        how = make_demo(demo, args.days, env)
        print(f"demo file: {documents(demo)} documents, {demo.stat().st_size / 1e6:.2f} MB ({how})")
        print(f"\n1. one `log move` as a whole process, {args.rounds} rounds alternated")
        bench_processes(demo, args.rounds, env)
        print(f"\n2. in-process insert at 10,000 documents, {args.inserts} inserts")
        bench_inserts(folder, demo, args.inserts, args.profile)
        if args.profile:
            print()
            import_profile(demo, env)
    finally:
        if args.keep:
            print(f"\nfiles kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
