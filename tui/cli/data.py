"""`gentle export`, `gentle import json|apple-health|daylio|bearable` and `gentle report`.

Each command reads and checks the whole file first, then writes everything in one
`store.change(...)`: an import either lands completely or leaves her data file as it was, and is
one recorded change (`gentle undo` takes it back whole).
Nothing here imports Textual; heavy modules are imported inside the handlers.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.errors import InputError

if TYPE_CHECKING:
    from tui.store import Store

WEEKS_DEFAULT = 12
WEEKS_MAX = 520


def add_parsers(subparsers: Any, command: str) -> None:
    """Register `command`: `export`, `import` (json, apple-health, daylio, bearable) or `report`."""
    {"export": _add_export, "import": _add_import, "report": _add_report}[command](subparsers)


def _add_export(subparsers: Any) -> None:
    export = subparsers.add_parser(
        "export", help="print or save all your data as JSON (a backup) or CSV (a spreadsheet)"
    )
    export.add_argument("--format", default="json", metavar="json|csv", help="default: json")
    export.add_argument("--output", type=Path, metavar="FILE", help="write here, not to stdout")
    export.set_defaults(handler=export_command)


def _add_import(subparsers: Any) -> None:
    imports = subparsers.add_parser(
        "import", help="bring in data: json, apple-health, daylio, bearable"
    )
    imports.set_defaults(handler=_no_source)
    sources = imports.add_subparsers(dest="source", metavar="SOURCE")

    json_p = sources.add_parser("json", help="restore a `gentle export --format json` file")
    json_p.add_argument("file", type=Path, metavar="FILE")
    json_p.set_defaults(handler=import_json_command)

    apple = sources.add_parser(
        "apple-health", help="workouts (and sleep) from Apple Health's export.xml or export.zip"
    )
    apple.add_argument("file", type=Path, metavar="FILE")
    apple.set_defaults(handler=import_apple_health_command)

    daylio = sources.add_parser("daylio", help="moods, activities and notes from a Daylio CSV")
    daylio.add_argument("file", type=Path, metavar="FILE")
    daylio.add_argument(
        "--overwrite", action="store_true", help="replace moods and notes you already logged"
    )
    daylio.add_argument(
        "--mood",
        action="append",
        metavar="NAME=N",
        help="map a custom Daylio mood to 1 (awful) ... 5 (great); repeatable",
    )
    daylio.set_defaults(handler=import_daylio_command)

    bearable = sources.add_parser(
        "bearable", help="mood, sleep and pain symptoms from a Bearable CSV export"
    )
    bearable.add_argument("file", type=Path, metavar="FILE")
    bearable.add_argument(
        "--overwrite", action="store_true", help="replace values you already logged"
    )
    bearable.set_defaults(handler=import_bearable_command)


def _add_report(subparsers: Any) -> None:
    report = subparsers.add_parser(
        "report",
        help="a printable HTML summary for a clinician (the last N weeks, or --from D --to D)",
    )
    report.add_argument(
        "--weeks", metavar="N", help=f"the last N calendar weeks (default: {WEEKS_DEFAULT})"
    )
    report.add_argument("--from", dest="from_", metavar="D", help="first day, YYYY-MM-DD")
    report.add_argument("--to", metavar="D", help="last day, YYYY-MM-DD (default: today)")
    report.add_argument("--output", type=Path, metavar="FILE.html", help="the file to write")
    report.set_defaults(handler=report_command)


def _no_source(args: argparse.Namespace, store: Store) -> int:
    raise InputError(
        "source", "give what to import: json, apple-health, daylio or bearable, then FILE"
    )


def export_command(args: argparse.Namespace, store: Store) -> int:
    """Print (or save) the whole journal as JSON or CSV."""
    from tui.io.backup import (
        check_format,
        to_csv,
        to_json_bytes,
        to_json_object_from_store,
        write_output,
    )

    fmt = check_format(args.format)
    if fmt == "json":
        write_output(to_json_bytes(to_json_object_from_store(store)), args.output)
    else:
        write_output(to_csv(store.journal()), args.output)
    return 0


def import_json_command(args: argparse.Namespace, store: Store) -> int:
    """Restore an export: exactly into an empty file, without duplicates into one with data."""
    from tui.core.peg import new_weekly_answers
    from tui.core.text import shown
    from tui.io.json_import import read_export
    from tui.io.merge import count, merge_journal

    read = read_export(args.file)
    incoming = read.journal
    name = shown(args.file.name)
    replaced = (
        f" {count(read.replaced, 'control character')} in its text replaced by visible symbols."
        if read.replaced
        else ""
    )
    with store.change(f"import json {args.file.name}"):
        if store.is_empty():
            store.replace_journal(incoming)
            print(
                f"Restored {count(len(incoming.checkins), 'check-in')}, "
                f"{count(len(incoming.sessions), 'session')} and "
                f"{count(len(incoming.goals), 'goal')} from {name}.{replaced}"
            )
            return 0
        plan = merge_journal(store.journal(), incoming)
        store.put_checkins(plan.checkins.write)
        store.add_sessions(plan.sessions)
        for goal in plan.goals:
            store.add_goal(goal)
        for milestone in plan.milestones:
            store.add_milestone(milestone)
        for routine, times in sorted(plan.celebrated):
            store.mark_celebrated(routine, times)
        pegs = new_weekly_answers(store.journal(), incoming.pegs)
        for peg in pegs:
            store.log_peg(peg)
    c = plan.checkins
    print(
        f"{name}: check-ins {c.added} added, {c.updated} filled in, {c.present} "
        f"already present; sessions {len(plan.sessions)} added, {plan.sessions_present} already "
        f"present; goals {len(plan.goals)} added, {plan.goals_present} already present"
        + (f"; PEG checks {len(pegs)} added." if incoming.pegs else ".")
        + replaced
    )
    return 0


def import_apple_health_command(args: argparse.Namespace, store: Store) -> int:
    """Workouts become sessions; nights of sleep fill check-ins that have no sleep hours."""
    from tui.io.apple_health import read_apple_health
    from tui.io.merge import count, describe_ignored, merge_checkins, new_sessions
    from tui.io.progress import ProgressBar

    bar = ProgressBar(f"Reading {args.file.name}")
    try:
        data = read_apple_health(args.file, bar)
    finally:
        bar.close()
    with store.change(f"import apple-health {args.file.name}"):
        journal = store.journal()
        added, present = new_sessions(journal.sessions, data.sessions)
        sleep = merge_checkins(
            journal.checkins,
            {day: {"sleep_hours": hours} for day, hours in data.sleep.items()},
            only_existing=True,
        )
        store.add_sessions(added)
        store.put_checkins(sleep.write)
    if data.sleep:
        sleep_text = (
            f"sleep for {count(len(data.sleep), 'night')}: filled in on "
            f"{count(sleep.updated, 'check-in')}, {sleep.present} already set"
        )
        if sleep.without_checkin:
            sleep_text += (
                f", {sleep.without_checkin} without a check-in left out (sleep only fills "
                "check-ins you logged)"
            )
    else:
        sleep_text = "no sleep in it"
    print(
        f"Apple Health: {count(len(added), 'session')} added, {present} already present, "
        f"{describe_ignored(data.ignored)}; {sleep_text}."
    )
    return 0


def import_daylio_command(args: argparse.Namespace, store: Store) -> int:
    """Moods and notes per day; her own values are kept unless --overwrite."""
    import shlex

    from tui.io.daylio import parse_mood_map, read_daylio
    from tui.io.merge import count, describe_ignored, merge_checkins

    # The command to repeat with the `--mood` options still missing, as she typed this one.
    words = ["gentle", *(["--db", args.db] if args.db else []), "import", "daylio", str(args.file)]
    for spec in args.mood or ():
        words += ["--mood", spec]
    words += ["--overwrite"] if args.overwrite else []
    rerun = " ".join(shlex.quote(w) for w in words)
    data = read_daylio(args.file, parse_mood_map(args.mood), rerun)
    with store.change(f"import daylio {args.file.name}"):
        merged = merge_checkins(store.journal().checkins, data.days, overwrite=args.overwrite)
        store.put_checkins(merged.write)
    print(
        f"Daylio: {count(data.entries, 'entry', 'entries')} on {count(len(data.days), 'day')}: "
        f"{count(merged.added, 'check-in')} added, {merged.updated} updated, "
        f"{merged.present} already present, "
        f"{describe_ignored(data.ignored)}{_controls(data.controls)}."
    )
    return 0


def import_bearable_command(args: argparse.Namespace, store: Store) -> int:
    """Mood, sleep and pain per day; her own values are kept unless --overwrite."""
    from tui.io.bearable import read_bearable
    from tui.io.merge import count, merge_checkins

    data = read_bearable(args.file)
    with store.change(f"import bearable {args.file.name}"):
        checkins = store.journal().checkins
        merged = merge_checkins(checkins, data.days, overwrite=args.overwrite)
        sleep = merge_checkins(
            checkins,
            {day: {"sleep_hours": hours} for day, hours in data.sleep_only.items()},
            overwrite=args.overwrite,
            only_existing=True,
        )
        store.put_checkins([*merged.write, *sleep.write])
    left_out = sum(data.ignored.values())
    by_category = ", ".join(f"{n} {why}" for why, n in data.ignored.most_common())
    print(
        f"Bearable: {count(data.used, 'reading')} on "
        f"{count(len(data.days) + len(data.sleep_only), 'day')}: "
        f"{count(merged.added, 'check-in')} added, {merged.updated} updated, "
        f"{merged.present} already present; "
        + (
            f"{count(len(data.sleep_only), 'day')} with only sleep hours: filled in on "
            f"{count(sleep.updated, 'check-in')}, {sleep.without_checkin} without a check-in "
            "left out (sleep alone fills only check-ins you logged); "
            if data.sleep_only
            else ""
        )
        + f"{left_out} other readings left out"
        + (f" ({by_category})" if by_category else "")
        + f"{_controls(data.controls)}."
    )
    return 0


def _controls(n: int) -> str:
    """`, 2 control characters shown as ␛-style symbols` or nothing."""
    if not n:
        return ""
    return f", {n} control character{'s' if n > 1 else ''} in the text replaced by visible symbols"


def report_command(args: argparse.Namespace, store: Store) -> int:
    """Write the clinician report for the last N weeks, or for the days --from D --to D."""
    from tui.core.dates import parse_date, today
    from tui.core.models import IntRange
    from tui.io.backup import write_output
    from tui.io.report import period_between, period_for, render_period

    if args.weeks is not None and (args.from_ is not None or args.to is not None):
        raise InputError("weeks", "give either --weeks N or --from D --to D, not both")
    if args.to is not None and args.from_ is None:
        raise InputError("from", "give the first day as well: --from YYYY-MM-DD --to YYYY-MM-DD")
    if args.from_ is not None:
        first = parse_date(args.from_, "from")
        last = parse_date(args.to, "to") if args.to is not None else today()
        if first > last:
            raise InputError(
                "from", f"must be on or before --to ({last.isoformat()}), got {first.isoformat()}"
            )
        if (last - first).days >= WEEKS_MAX * 7:
            raise InputError("from", f"the period can be at most {WEEKS_MAX} weeks long")
    else:
        weeks = IntRange(1, WEEKS_MAX).check(
            "weeks", args.weeks if args.weeks is not None else WEEKS_DEFAULT
        )
    if args.output is None:
        raise InputError("output", "give the file to write, e.g. --output report.html")
    # Only the period's weeks are built entry by entry; the years before are read in brief.
    if args.from_ is not None:
        period, shown = period_between(first, last, store.week_start()), None
        span = f"{first.isoformat()} to {last.isoformat()}"
    else:
        period, shown = period_for(today(), weeks, store.week_start()), weeks
        span = f"the last {weeks} weeks"
    journal, earlier = store.recent(period.week_starts[0])
    html = render_period(journal, period, today(), shown, earlier)
    write_output(html, args.output)
    print(f"Report for {span} written to {args.output}.")
    return 0
