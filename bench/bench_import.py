"""Benchmark: `gentle import apple-health` on a generated export.xml (a script, not a test).

Writes an export of --mb megabytes (mostly step-count records, a few thousand workouts, some
nights of sleep) into a temp folder, imports it with the real command in a subprocess, and then
runs a bare `iterparse` pass over the same file in another subprocess. Prints the size, both
times and throughputs, their ratio, and the import's peak memory (the child's max RSS).

    python bench/bench_import.py            # 1 GB, as the issue asks
    python bench/bench_import.py --mb 64    # quick

Targets: peak RSS <= 200 MB, import time / bare iterparse time <= 1.5. The ratio is taken on
CPU time (user + system), which a busy machine disturbs far less than wall time; both are shown.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
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


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str]) -> tuple[float, float, str]:
    """Run a child; its wall time, its CPU time (user + system) and its output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GENTLE_")}
    env["GENTLE_TODAY"] = TODAY
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    cpu = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(command)}\n{proc.stderr}")
    return elapsed, _children_cpu() - cpu, proc.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=1024, help="size of export.xml (default 1024)")
    parser.add_argument("--workouts", type=int, default=3000, help="workouts in it (3000)")
    parser.add_argument("--zip", action="store_true", help="also import it as an export.zip")
    parser.add_argument("--dir", type=Path, help="work here instead of a temp folder (kept)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="gentle-bench-") as tmp:
        folder = args.dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
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
        import_s, import_cpu, summary = run([*command, str(xml)])
        # Max RSS over the children waited for so far: only the import has run yet (KiB on Linux).
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"{'':22}{'wall':>8}  {'MB/s':>6}  {'CPU':>8}  {'MB/s':>6}")

        def line(name: str, wall: float, cpu: float, what: str) -> None:
            mb = size / MB
            label = name + ":"
            print(f"{label:22}{wall:7.1f}s  {mb / wall:6.1f}  {cpu:7.1f}s  {mb / cpu:6.1f}  {what}")

        line("gentle import", import_s, import_cpu, f"({summary})")
        if args.zip:
            archive = folder / "export.zip"
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
                z.write(xml, "apple_health_export/export.xml")
            db.unlink(missing_ok=True)
            zip_s, zip_cpu, _ = run([*command, str(archive)])
            zip_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            line("gentle import (zip)", zip_s, zip_cpu, f"(peak RSS so far {zip_peak:.0f} MB)")
        bare: dict[str, tuple[float, float]] = {}
        for name, code in BARE_ITERPARSE.items():
            wall, cpu, count = run([sys.executable, "-c", code, str(xml)])
            bare[name] = (wall, cpu)
            line(name, wall, cpu, f"({count} elements)")
        fastest = min(bare, key=lambda name: bare[name][1])
        ratio = import_cpu / bare[fastest][1]
        wall_ratio = import_s / bare[fastest][0]
        print(
            f"ratio import / fastest bare pass ({fastest}): {ratio:.2f} by CPU time, "
            f"{wall_ratio:.2f} by wall time (target <= 1.5)"
        )
        print(f"import peak RSS: {peak_mb:.0f} MB (target <= 200 MB)")
        ok = ratio <= 1.5 and peak_mb <= 200
        print("OK" if ok else "OUTSIDE TARGET")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
