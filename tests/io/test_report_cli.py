"""`gentle report --from D --to D` beside `--weeks N`, checked as she would type them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Gentle

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-23"  # the day the io tests run on (conftest's fixed today)


def test_a_report_between_two_dates(seeded: Gentle, tmp_path: Path) -> None:
    out_file = tmp_path / "report.html"
    out = seeded.ok("report", "--from", "2026-09-09", "--to", "2026-10-20", "--output", out_file)
    assert out == f"Report for 2026-09-09 to 2026-10-20 written to {out_file}.\n"
    html = out_file.read_text()
    assert "Period: 2026-09-09 to 2026-10-20 (42 days in 7 calendar weeks;" in html
    assert 'id="peg"' in html and "Planned" in html
    assert out_file.stat().st_mode & 0o777 == 0o600


def test_from_alone_runs_to_today(seeded: Gentle, tmp_path: Path) -> None:
    out_file = tmp_path / "report.html"
    seeded.ok("report", "--from", "2026-11-01", "--output", out_file)
    assert f"Period: 2026-11-01 to {TODAY} (23 days in 5 calendar weeks;" in out_file.read_text()


def test_a_single_day_is_a_period(seeded: Gentle, tmp_path: Path) -> None:
    out_file = tmp_path / "report.html"
    seeded.ok("report", "--from", TODAY, "--to", TODAY, "--output", out_file)
    assert f"Period: {TODAY} to {TODAY} (1 day in 1 calendar week;" in out_file.read_text()


@pytest.mark.parametrize(
    ("args", "field", "says"),
    [
        (["--weeks", "4", "--from", "2026-11-01"], "weeks", "not both"),
        (["--weeks", "4", "--to", "2026-11-01"], "weeks", "not both"),
        (["--to", "2026-11-01"], "from", "--from YYYY-MM-DD"),
        (["--from", "2026-11-10", "--to", "2026-11-01"], "from", "on or before --to"),
        (["--from", "2026-11-01", "--to", "2026-11-24"], "to", "today (2026-11-23) or earlier"),
        (["--from", "2026-11-24"], "from", "today (2026-11-23) or earlier"),
        (["--from", "1 Nov 2026"], "from", "YYYY-MM-DD"),
        (["--from", "2026-02-30", "--to", "2026-03-01"], "from", "YYYY-MM-DD"),
        (["--from", "2010-01-01"], "from", "at most 520 weeks"),
        (["--weeks", "many"], "weeks", "whole number from 1 to 520"),
    ],
)
def test_bad_periods_are_refused_in_one_line(
    seeded: Gentle, tmp_path: Path, args: list[str], field: str, says: str
) -> None:
    out_file = tmp_path / "report.html"
    line = seeded.refused("report", *args, "--output", out_file, code=2)
    assert line.startswith(f"gentle: {field}: ") and says in line
    assert not out_file.exists()


def test_only_the_report_command_loads_jinja(seeded: Gentle, tmp_path: Path) -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('jinja2' in sys.modules, file=sys.stderr))\n"
        "from tui.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {"PYTHONPATH": str(REPO), "GENTLE_TODAY": TODAY, "HOME": str(tmp_path)}

    def loads_jinja(*args: str) -> str:
        proc = subprocess.run(
            [sys.executable, "-c", code, "--db", str(seeded.db), *args],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        return proc.stderr.strip()

    assert loads_jinja("status", "--json") == "False"
    assert loads_jinja("export", "--format", "json") == "False"
    assert loads_jinja("report", "--weeks", "2", "--output", str(tmp_path / "r.html")) == "True"


def test_the_demo_files_peg_answers_and_paced_goals_reach_the_report(
    seeded: Gentle, tmp_path: Path
) -> None:
    exported = json.loads(seeded.ok("export", "--format", "json"))
    out_file = tmp_path / "report.html"
    seeded.ok("report", "--weeks", "8", "--output", out_file)
    html = out_file.read_text()
    peg = html.split('<section id="peg">')[1].split("</section>")[0]
    answered = [p["date"] for p in exported["peg"] if p["date"] >= "2026-10-05"]
    assert len(answered) >= 5
    assert [d for d in re.findall(r"<td>(\d{4}-\d\d-\d\d)</td>", peg)][1::2] == answered
    goals = html.split('<section id="goals">')[1].split("</section>")[0]
    paced = [g["name"] for g in exported["goals"] if g["ramp_to"] is not None]
    assert paced and goals.count('<th>Week of</th><th class="n">Planned</th>') == len(paced)
