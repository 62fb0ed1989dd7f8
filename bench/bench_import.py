"""Benchmark: `gentle import apple-health` on a generated export.xml (a script, not a test).

Writes an export of --mb megabytes (mostly step-count records, a few thousand workouts, some
nights of sleep) into a temp folder, imports it with the real command in a subprocess, and then
runs a bare `iterparse` pass over the same file in another subprocess. Prints the size, both
times and throughputs, their ratio, and the import's peak memory.

    python bench/bench_import.py              # 1 GB, as the issue asks
    python bench/bench_import.py --mb 64      # quick
    python bench/bench_import.py --mb 0 --daylio-rows 200000 --hostile   # the other checks

`--daylio-rows N` also imports a generated N-row Daylio CSV; `--hostile` runs hostile Apple
Health files (a 1 MB zip whose export.xml holds one 1 GB attribute, entities declared after a
decoy comment and after 1 MB of whitespace) and shows each refusal, its time and peak memory.

Peak memory is the child's own high-water mark (`/usr/bin/time -v`, else VmHWM polled from
/proc/PID/status): `getrusage(RUSAGE_CHILDREN)` would count this script's own memory at the
fork. Targets: peak <= 200 MB everywhere, import time / bare iterparse time <= 1.5. The ratio is
taken on CPU time (user + system), which a busy machine disturbs far less than wall time.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TODAY = "2026-11-23"
MB = 1024 * 1024

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 14 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record
  type          CDATA #REQUIRED
  unit          CDATA #IMPLIED
  value         CDATA #IMPLIED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
]>
<HealthData locale="en_US">
 <ExportDate value="2026-11-23 08:30:12 -0500"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1968-04-02" \
HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale" \
HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet" \
HKCharacteristicTypeIdentifierFitzpatrickSkinType="HKFitzpatrickSkinTypeNotSet" \
HKCharacteristicTypeIdentifierCardioFitnessMedicationsUse="None"/>
"""
STEP = (
    ' <Record type="HKQuantityTypeIdentifierStepCount" sourceName="Anna’s iPhone" '
    'sourceVersion="17.1" device="&lt;&lt;HKDevice: 0x28331a3a0&gt;, name:iPhone, '
    'manufacturer:Apple Inc., model:iPhone, hardware:iPhone14,5, software:17.1&gt;" '
    'unit="count" creationDate="{d} {h:02d}:{m:02d}:40 -0500" startDate="{d} {h:02d}:{m:02d}:05 '
    '-0500" endDate="{d} {h:02d}:{m:02d}:35 -0500" value="{v}"/>\n'
)
WORKOUT = (
    ' <Workout workoutActivityType="HKWorkoutActivityType{kind}" duration="{minutes}" '
    'durationUnit="min" sourceName="Fitness" sourceVersion="17.1" '
    'creationDate="{d} 10:20:00 -0500" startDate="{d} 10:00:00 -0500" '
    'endDate="{d} 10:20:00 -0500">\n'
    '  <MetadataEntry key="HKAppleFitnessPlusSession" value="1"/>\n'
    '  <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" '
    'startDate="{d} 10:00:00 -0500" endDate="{d} 10:20:00 -0500" sum="41.5" unit="kcal"/>\n'
    " </Workout>\n"
)
SLEEP = (
    ' <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Anna’s Apple Watch" '
    'sourceVersion="10.1" creationDate="{d} 07:00:00 -0500" startDate="{p} 23:10:00 -0500" '
    'endDate="{d} 06:40:00 -0500" value="HKCategoryValueSleepAnalysisAsleepCore"/>\n'
)
KINDS = ("Walking", "TraditionalStrengthTraining", "Cooldown", "Yoga", "Hiking", "Swimming")

# Two bare passes, nothing done with the elements: the plainest loop (whose cleared elements
# still pile up under the root), and the usual memory-flat idiom (clear the root as you go).
BARE_ITERPARSE = {
    "iterparse, clear each": """
import sys
import xml.etree.ElementTree as ET
count = 0
for _event, elem in ET.iterparse(sys.argv[1]):
    count += 1
    elem.clear()
print(count)
""",
    "iterparse, clear root": """
import sys
import xml.etree.ElementTree as ET
context = ET.iterparse(sys.argv[1], events=("start", "end"))
_event, root = next(context)
count = depth = 0
for event, elem in context:
    if event == "start":
        depth += 1
        continue
    depth -= 1
    count += 1
    if depth == 0:
        root.clear()
print(count)
""",
}


def generate(path: Path, size: int, workouts: int) -> tuple[int, int]:
    """Write the export; returns (records, workouts) written."""
    first = date(2017, 1, 1)
    days = (date.fromisoformat(TODAY) - first).days
    record_size = len(STEP.format(d="2020-01-01", h=10, m=10, v=1000).encode()) + 8
    total_records = max(1, size // record_size)
    every = max(1, total_records // max(1, workouts))
    extra = len(STEP.encode()) - len(STEP)  # the ’ in "Anna’s iPhone" is three bytes
    records = written_workouts = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        batch: list[str] = []
        written = len(HEADER)
        while written < size:
            day = first + timedelta(days=min(days - 1, records * days // total_records))
            d = day.isoformat()
            minute = records % 1440
            line = STEP.format(d=d, h=minute // 60, m=minute % 60, v=records % 9000 + 10)
            batch.append(line)
            written += len(line) + extra
            records += 1
            if records % every == 0:
                kind = KINDS[written_workouts % len(KINDS)]
                batch.append(WORKOUT.format(kind=kind, minutes=10 + written_workouts % 40, d=d))
                written_workouts += 1
            if minute == 0:
                batch.append(SLEEP.format(d=d, p=(day - timedelta(days=1)).isoformat()))
            if len(batch) >= 20_000:
                out.write("".join(batch))
                batch.clear()
        out.write("".join(batch))
        out.write("</HealthData>\n")
    return records, written_workouts


TIME = Path("/usr/bin/time")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Run:
    """One child process: wall and CPU seconds, its own peak memory (MB), exit code, output."""

    wall: float
    cpu: float
    peak_mb: float
    code: int
    out: str
    err: str


def measure(command: list[str], *, check: bool = True) -> Run:
    """Run a child and measure it, its peak taken from the child itself."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GENTLE_")}
    env["GENTLE_TODAY"] = TODAY
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    cpu = _children_cpu()
    start = time.perf_counter()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        if TIME.exists():  # GNU time writes the child's max RSS (KiB) to its own file
            full = [str(TIME), "-v", "-o", report.name, *command]
            proc = subprocess.run(full, capture_output=True, text=True, env=env, check=False)
            found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read())
            peak_kib = int(found[1]) if found else 0
        else:
            proc, peak_kib = _run_polling_hwm(command, env)
    elapsed = time.perf_counter() - start
    if check and proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(command)}\n{proc.stderr}")
    return Run(
        elapsed,
        _children_cpu() - cpu,
        peak_kib / 1024,
        proc.returncode,
        proc.stdout.strip(),
        proc.stderr.strip(),
    )


def _run_polling_hwm(
    command: list[str], env: dict[str, str]
) -> tuple[subprocess.CompletedProcess[str], int]:
    """Without GNU time: poll the child's VmHWM (its own high-water mark) until it exits."""
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    status = Path(f"/proc/{child.pid}/status")
    peak = 0
    while child.poll() is None:
        try:
            found = re.search(r"VmHWM:\s+(\d+) kB", status.read_text())
        except OSError:
            break
        if found:
            peak = max(peak, int(found[1]))
        time.sleep(0.02)
    out, err = child.communicate()
    return subprocess.CompletedProcess(command, child.returncode, out, err), peak


def run(command: list[str]) -> tuple[float, float, str]:
    """Run a child; its wall time, its CPU time (user + system) and its output."""
    done = measure(command)
    return done.wall, done.cpu, done.out


def apple_health(folder: Path, args: argparse.Namespace) -> bool:
    """The 1 GB import against bare iterparse passes; True when within the targets."""
    xml = folder / "export.xml"
    t0 = time.perf_counter()
    records, workouts = generate(xml, args.mb * MB, args.workouts)
    size = xml.stat().st_size
    print(
        f"generated {size / MB:,.0f} MB ({records:,} records, {workouts:,} workouts) "
        f"in {time.perf_counter() - t0:.1f} s"
    )
    db = folder / "bench.json"
    db.unlink(missing_ok=True)
    command = [sys.executable, "-m", "tui", "--db", str(db), "import", "apple-health"]
    imported = measure([*command, str(xml)])
    print(f"{'':22}{'wall':>8}  {'MB/s':>6}  {'CPU':>8}  {'MB/s':>6}  {'peak':>7}")

    def line(name: str, done: Run, what: str) -> None:
        mb = size / MB
        label = name + ":"
        print(
            f"{label:22}{done.wall:7.1f}s  {mb / done.wall:6.1f}  {done.cpu:7.1f}s  "
            f"{mb / done.cpu:6.1f}  {done.peak_mb:4.0f} MB  {what}"
        )

    line("gentle import", imported, f"({imported.out})")
    peak_mb = imported.peak_mb
    if args.zip:
        archive = folder / "export.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            z.write(xml, "apple_health_export/export.xml")
        db.unlink(missing_ok=True)
        zipped = measure([*command, str(archive)])
        line("gentle import (zip)", zipped, "")
        peak_mb = max(peak_mb, zipped.peak_mb)
    bare: dict[str, Run] = {}
    for name, code in BARE_ITERPARSE.items():
        bare[name] = measure([sys.executable, "-c", code, str(xml)])
        line(name, bare[name], f"({bare[name].out} elements)")
    fastest = min(bare, key=lambda name: bare[name].cpu)
    ratio = imported.cpu / bare[fastest].cpu
    wall_ratio = imported.wall / bare[fastest].wall
    print(
        f"ratio import / fastest bare pass ({fastest}): {ratio:.2f} by CPU time, "
        f"{wall_ratio:.2f} by wall time (target <= 1.5)"
    )
    print(f"import peak memory: {peak_mb:.0f} MB (target <= 200 MB)")
    return ratio <= 1.5 and peak_mb <= 200


def daylio(folder: Path, rows: int) -> bool:
    """A generated Daylio CSV of `rows` entries (several a day, notes), imported into a new file."""
    path = folder / "daylio_export.csv"
    moods = ("rad", "good", "meh", "bad", "awful")
    end = date.fromisoformat(TODAY)
    per_day = 8
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write("full_date,date,weekday,time,mood,activities,note_title,note\n")
        for i in range(rows):
            day = end - timedelta(days=i // per_day)
            out.write(
                f"{day.isoformat()},{day:%B} {day.day},{day:%A},{23 - i % per_day}:{i % 60:02d},"
                f'{moods[i % 5]},"walk | family | reading","Entry {i}",'
                f'"Legs restless, slept badly; a short walk at Bellhouse Park helped. #{i}"\n'
            )
    db = folder / "daylio.json"
    db.unlink(missing_ok=True)
    done = measure([sys.executable, "-m", "tui", "--db", str(db), "import", "daylio", str(path)])
    size = path.stat().st_size / MB
    print(
        f"daylio {rows:,} rows ({size:.0f} MB): {done.wall:.1f} s, peak memory "
        f"{done.peak_mb:.0f} MB (target <= 200 MB): {done.out}"
    )
    return done.peak_mb <= 200


def hostile(folder: Path) -> bool:
    """Hostile Apple Health files: each must be refused in one line, fast and small."""
    laughs = "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "lol"}">' for i in range(10)
    )
    body = (
        '<HealthData><Workout duration="&l9;" startDate="2025-01-01 10:00:00 +0000"/></HealthData>'
    )
    files = {
        "decoy comment": "<!-- <!DOCTYPE x> -->\n<!DOCTYPE HealthData [" + laughs + "]>\n" + body,
        "1 MB of whitespace": " " * MB + "<!DOCTYPE HealthData [" + laughs + "]>\n" + body,
    }
    ok = True
    cases: list[tuple[str, Path]] = []
    for name, text in files.items():
        path = folder / f"hostile-{len(cases)}.xml"
        path.write_text(text, encoding="utf-8")
        cases.append((name, path))
    archive = folder / "hostile-attribute.zip"
    with (
        zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z,
        z.open("apple_health_export/export.xml", "w", force_zip64=True) as member,
    ):
        member.write(b'<HealthData><Record type="')
        block = b"A" * MB
        for _ in range(1024):
            member.write(block)
        member.write(b'"/></HealthData>')
    cases.append((f"1 GB attribute in a {archive.stat().st_size / MB:.1f} MB zip", archive))
    for name, path in cases:
        db = folder / "hostile.json"
        db.unlink(missing_ok=True)
        command = [sys.executable, "-m", "tui", "--db", str(db), "import", "apple-health"]
        done = measure([*command, str(path)], check=False)
        lines = done.err.splitlines()
        good = done.code == 1 and len(lines) == 1 and done.peak_mb <= 200
        ok = ok and good
        print(
            f"hostile, {name}: exit {done.code}, {done.wall:.1f} s, peak {done.peak_mb:.0f} MB, "
            f"{len(lines)} line{'s' if len(lines) != 1 else ''}: {lines[-1] if lines else ''}"
        )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=1024, help="size of export.xml (default 1024)")
    parser.add_argument("--workouts", type=int, default=3000, help="workouts in it (3000)")
    parser.add_argument("--zip", action="store_true", help="also import it as an export.zip")
    parser.add_argument("--daylio-rows", type=int, default=0, help="also import a Daylio CSV")
    parser.add_argument("--hostile", action="store_true", help="also run hostile files")
    parser.add_argument("--dir", type=Path, help="work here instead of a temp folder (kept)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="gentle-bench-") as tmp:
        folder = args.dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        ok = True
        if args.mb > 0:
            ok = apple_health(folder, args) and ok
        if args.daylio_rows:
            ok = daylio(folder, args.daylio_rows) and ok
        if args.hostile:
            ok = hostile(folder) and ok
        print("OK" if ok else "OUTSIDE TARGET")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
