"""How the read-only commands scale with her history, against a bare orjson load-and-print.

Run by hand (not a test):  python bench/bench_cli.py [--rounds 7] [--years 1 10 20]

For each history size (`gentle demo --days 365*Y`), each command runs as a whole process, alternated
round by round with a bare `python -c` that loads the same file with orjson and prints it:
`status --json`, `export --format json`, `report --weeks 12` and `history --json` (where the command
exists). Printed: medians, the median per-round ratio against the bare script, and each command's
peak memory (VmHWM of the child, read by GNU time). Target: ratio <= 2.0 at twenty years, and the
twenty-year ratio no more than ~1.2x the one-year ratio (cost grows no faster than the file).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = (
    "import sys, orjson\n"
    "data = orjson.loads(open(sys.argv[1], 'rb').read())\n"
    "sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2))\n"
)
COMMANDS = {
    "status --json": ["status", "--json"],
    "export json": ["export", "--format", "json"],
    "report 12 weeks": ["report", "--weeks", "12", "--output", "{tmp}/r.html"],
    "history --json": ["history", "--json"],
}
TARGET = 2.0


def timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one whole process, measured in the child by GNU time."""
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True, check=False
    )
    took = time.perf_counter() - start
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        raise RuntimeError(lines[-2] if len(lines) > 1 else "failed")
    return took, int(done.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--years", type=int, nargs="+", default=[1, 10, 20])
    args = parser.parse_args()
    gentle = [sys.executable, "-m", "tui"]
    env_note = "from bytecode" if not os.environ.get("PYTHONDONTWRITEBYTECODE") else "from source?"
    print(f"bench_cli: {args.rounds} rounds, python {sys.version.split()[0]} ({env_note})")
    with tempfile.TemporaryDirectory() as tmp:
        for years in args.years:
            db = Path(tmp) / f"y{years}.json"
            subprocess.run(
                [*gentle, "--db", str(db), "demo", "--days", str(365 * years)],
                check=True,
                capture_output=True,
            )
            size = db.stat().st_size / 1e6
            print(f"\n{years} year(s): {size:.1f} MB")
            for name, words in COMMANDS.items():
                cmd = [*gentle, "--db", str(db), *(w.format(tmp=tmp) for w in words)]
                ours, bare, ratios, peaks = [], [], [], []
                try:
                    for _ in range(args.rounds):
                        t, peak = timed(cmd)
                        b, _ = timed([sys.executable, "-c", BARE, str(db)])
                        ours.append(t)
                        bare.append(b)
                        ratios.append(t / b)
                        peaks.append(peak)
                except RuntimeError as exc:
                    print(f"  {name:16} skipped ({exc})")
                    continue
                ratio = statistics.median(ratios)
                flag = "ok" if ratio <= TARGET else "over"
                print(
                    f"  {name:16} {statistics.median(ours) * 1000:6.0f} ms vs bare "
                    f"{statistics.median(bare) * 1000:5.0f} ms: ratio {ratio:4.2f} ({flag}), "
                    f"peak {max(peaks) / 1024:5.1f} MiB"
                )


if __name__ == "__main__":
    main()
