"""`gentle status`, `gentle demo`, `gentle config` and `gentle screenshot`."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from tui.cli.base import Parser
from tui.core.dates import today
from tui.core.errors import FileProblem, InputError

if TYPE_CHECKING:
    from tui.store import Store


def cmd_status(args: argparse.Namespace, store: Store) -> int:
    from tui.core.summary import status

    data = status(store.journal(), today())
    if args.json:
        import orjson

        sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    print(render_status(data))
    return 0


def render_status(data: dict[str, Any]) -> str:
    """The status as a few calm lines of text, in the app's own words."""
    from tui.core import words
    from tui.core.text import shown as escaped

    lines = [f"Gentle Flow, {data['date']}"]
    checkin = data["checkin"]
    if checkin:
        fields = []
        if checkin["pain"] is not None:
            fields.append(f"pain {checkin['pain']}")
        if checkin["mood"] is not None:
            fields.append(f"mood {words.mood(checkin['mood'])}")
        if checkin["sleep_hours"] is not None:
            fields.append(f"sleep {words.hours(checkin['sleep_hours'])}")
        if checkin["sleep_quality"] is not None:
            fields.append(f"sleep quality {words.sleep_quality(checkin['sleep_quality'])}")
        rest = "a rest day" if checkin["flare"] else ""
        summary = ", ".join(fields) or rest or "a note"
        if rest and fields:
            summary += f" ({rest})"
        lines.append(f"Today's check-in: {summary}")
    else:
        lines.append(
            f"Today's check-in: not logged yet (gentle log checkin --pain N {words.ELLIPSIS})"
        )
    peg = data["peg"]
    if peg:
        lines.append(
            f"Weekly check (PEG), week of {peg['week']}: pain {peg['pain']}, enjoyment "
            f"{peg['enjoyment']}, activity {peg['activity']}; score {peg['score']:.1f}"
        )
    for g in data["goals"]:
        rest = f", {words.count(g['rest_days'], 'rest day')}" if g["rest_days"] else ""
        done = words.progress(g["done"], g["target"], g["unit"])
        lines.append(f"  {g['name']}: {done} this week{rest}")
    since = data["days_since_flare"]
    recent = data["flares"]["last_4_weeks"]
    if since is None:
        lines.append("Flares: none recorded")
    else:
        last = (
            "the last flare day was today"
            if since == 0
            else f"{words.count(since, 'day')} since the last"
        )
        lines.append(f"Flares: {last}, {words.count(recent, 'flare day')} in 4 weeks")
    for r in data["routines"][:5]:
        lines.append(
            f"  {r['routine']}: {words.count(r['count'], 'time')}, "
            f"next milestone {r['next_milestone']}"
        )
    for i in data["insights"]:
        lines.append(f"  {i['text']}")
    # Names stored before control characters were refused must not drive her terminal.
    return "\n".join(escaped(line) for line in lines)


def cmd_demo(args: argparse.Namespace, store: Store) -> int:
    from tui.core.demo import generate
    from tui.core.models import IntRange

    days = IntRange(1, 36_500).check("days", args.days)
    seed = IntRange(0, 2**31).check("seed", args.seed)
    if not store.is_empty() and not args.force:
        raise FileProblem(
            f"{store.path} already holds entries; use --force to replace them with demo data "
            "(a backup copy is kept)"
        )
    if not store.is_empty():
        store.keep_copy("before-demo")
    journal = generate(days=days, seed=seed, end=today())
    store.replace_journal(journal, demo={"days": days, "seed": seed, "end": today().isoformat()})
    print(
        f"Demo data written to {store.path}: {len(journal.checkins)} check-ins, "
        f"{len(journal.sessions)} sessions, {len(journal.goals)} goals over {days} days."
    )
    return 0


def cmd_config_week_start(args: argparse.Namespace, store: Store) -> int:
    from tui.core.dates import WEEKDAY_NAMES, parse_weekday

    weekday = parse_weekday(args.day)
    store.set_week_start(weekday)
    print(f"Weeks now start on {WEEKDAY_NAMES[weekday].capitalize()}.")
    return 0


def cmd_screenshot(args: argparse.Namespace, store: Store) -> int:
    size = _size(args.size)
    from tui.screenshot import screenshot

    output = args.output or f"{args.screen}.svg"
    path = screenshot(store, args.screen, output, size=size, one_shot=True)
    print(f"Saved {path}")
    # The picture is on disk (written and closed) and nothing else is pending: end here rather
    # than take Textual's objects and her journal apart one by one (~20 ms at twenty years).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _size(text: str) -> tuple[int, int]:
    try:
        cols, rows = (int(p) for p in text.lower().split("x"))
    except ValueError:
        raise InputError("size", f"must be COLSxROWS such as 80x24, got {text!r}") from None
    if not (40 <= cols <= 500 and 12 <= rows <= 300):
        raise InputError("size", f"must be 40-500 columns by 12-300 rows, got {text!r}")
    return cols, rows


def _add_status(sub: Any) -> None:
    st = sub.add_parser("status", help="today, this week's goals, flares, routines")
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=cmd_status)


def _add_demo(sub: Any) -> None:
    demo = sub.add_parser("demo", help="write realistic demo data")
    demo.add_argument("--days", default="120")
    demo.add_argument("--seed", default="0")
    demo.add_argument("--force", action="store_true", help="replace existing entries")
    demo.set_defaults(handler=cmd_demo)


def _add_config(sub: Any) -> None:
    config = sub.add_parser("config", help="settings")
    config_sub = config.add_subparsers(metavar="SETTING", required=True, parser_class=Parser)
    ws = config_sub.add_parser("week-start", help="the first day of the week (default monday)")
    ws.add_argument("day", metavar="DAY")
    ws.set_defaults(handler=cmd_config_week_start)


def _add_screenshot(sub: Any) -> None:
    shot = sub.add_parser("screenshot", help="render a screen to SVG")
    shot.add_argument(
        "screen", metavar="SCREEN", help="dashboard, checkin, move, goals, help, peg, history"
    )
    shot.add_argument("--output", metavar="FILE.svg")
    shot.add_argument("--size", default="120x40", metavar="COLSxROWS")
    shot.set_defaults(handler=cmd_screenshot)


PARSERS = {
    "status": _add_status,
    "demo": _add_demo,
    "config": _add_config,
    "screenshot": _add_screenshot,
}


def add_parsers(sub: Any, command: str) -> None:
    """Register `command`'s parser."""
    PARSERS[command](sub)
