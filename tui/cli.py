"""The `gentle` command line.

It imports the UI only when the UI is asked for, so logging from a script stays fast.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any, NoReturn

from tui import __version__
from tui.core.dates import today
from tui.core.errors import FileProblem, InputError

if TYPE_CHECKING:
    from tui.core.models import Goal


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _day(args: argparse.Namespace) -> date:
    from tui.core.models import check_date

    return check_date(args.date) if args.date is not None else today()


# -- log ---------------------------------------------------------------------------------------


def cmd_log_checkin(args: argparse.Namespace, store: Any) -> int:
    values: dict[str, Any] = {}
    for name in ("pain", "mood", "sleep_hours", "sleep_quality", "note"):
        if getattr(args, name) is not None:
            values[name] = getattr(args, name)
    if args.flare is not None:
        values["flare"] = args.flare
    day = _day(args)
    if not any(v is not None and str(v).strip() for v in values.values()):
        raise InputError(
            "checkin",
            "give at least one field: --pain, --mood, --sleep-hours, --sleep-quality, "
            "--flare, --note",
        )
    checkin = store.log_checkin(day, values)
    given = ", ".join(
        "flare day" if k == "flare" else f"{k.replace('_', ' ')} {v}"
        for k, v in checkin.to_dict().items()
        if k != "date" and v not in (None, False)
    )
    rest = " A rest day: rest is part of the plan." if checkin.flare else ""
    print(f"Check-in for {day.isoformat()} saved: {given or 'not a flare day'}.{rest}")
    return 0


def cmd_log_move(args: argparse.Namespace, store: Any) -> int:
    from tui.core.milestones import Celebration, is_milestone, ordinal, reward_for
    from tui.core.models import Session

    session = Session.create(
        date=args.date if args.date is not None else today(),
        kind=args.kind,
        minutes=args.minutes,
        routine=args.routine,
        place=args.place,
        companion=args.with_,
        pain_before=args.pain_before,
        pain_after=args.pain_after,
        note=args.note,
    )
    store.add_session(session)
    line = f"Logged {session.minutes} min {session.kind} on {session.date.isoformat()}"
    if session.routine:
        count = store.routine_count(session.routine)
        line += f": {session.routine}, the {ordinal(count)} time"
        print(line + ".")
        custom = store.custom_milestones()
        if is_milestone(session.routine, count, custom) and not store.is_celebrated(
            session.routine, count
        ):
            reward = reward_for(session.routine, count, custom)
            print(Celebration(session.routine, count, reward).message())
            store.mark_celebrated(session.routine, count)
    else:
        print(line + ".")
    return 0


# -- goals -------------------------------------------------------------------------------------


def cmd_goal_add(args: argparse.Namespace, store: Any) -> int:
    from tui.core.models import Goal

    goal = Goal.create(
        name=args.name,
        per_week=args.per_week,
        minutes_per_week=args.minutes_per_week,
        kinds=args.kind or (),
        routine=args.routine,
        ramp_to=args.ramp_to,
        ramp_every=args.ramp_every,
        created=today(),
    )
    store.add_goal(goal)
    print(f"Goal added: {describe_goal(goal)}.")
    return 0


def describe_goal(goal: Goal) -> str:
    unit = "sessions" if goal.unit == "sessions" else "minutes"
    parts = [f"{goal.name}: {goal.target} {unit} a week"]
    if goal.kinds:
        parts.append("kinds " + ", ".join(goal.kinds))
    if goal.routine:
        parts.append(f"routine {goal.routine}")
    if goal.ramp_to is not None:
        parts.append(f"pacing up to {goal.ramp_to} after {goal.ramp_every} weeks met in a row")
    return "; ".join(parts)


def cmd_goal_list(args: argparse.Namespace, store: Any) -> int:
    from tui.core.goals import step_up_offer, week_progress

    journal = store.journal()
    day = today()
    if not journal.goals:
        print("No goals yet. Add one: gentle goal add NAME --per-week N")
        return 0
    for goal in journal.goals:
        progress = week_progress(goal, journal, day)
        rest = f" ({progress.rest_days} rest days this week)" if progress.rest_days else ""
        print(f"{describe_goal(goal)} | this week {progress.done}/{progress.target}{rest}")
        offer = step_up_offer(goal, journal, day)
        if offer is not None:
            print(f"  Ready when you are: step up to {offer} (gentle goal step-up {goal.name!r})")
    return 0


def cmd_goal_step(args: argparse.Namespace, store: Any) -> int:
    from tui.core import goals as rules

    day = today()
    with store.transaction():
        goal = store.goal(args.name)
        if args.direction == "up":
            journal = store.journal()
            offered = rules.step_up_offer(goal, journal, day)
            new = (
                rules.accept_step_up(goal, journal, day)
                if offered
                else rules.step_up_now(goal, day)
            )
        else:
            new = rules.step_down(goal, day)
        if new is goal:
            print(f"{goal.name} stays at {goal.target} a week.")
            return 0
        store.save_goal(new)
    print(f"{new.name}: {goal.target} -> {new.target} {new.unit} a week.")
    return 0


def cmd_goal_remove(args: argparse.Namespace, store: Any) -> int:
    removed = store.remove_goal(args.name)
    if removed is None:
        store.goal(args.name)  # raises the error that names the goals there are
    print(f"Goal removed: {removed}.")
    return 0


def cmd_milestone_add(args: argparse.Namespace, store: Any) -> int:
    from tui.core.models import CustomMilestone, IntRange, check_name, check_text

    milestone = CustomMilestone(
        check_name(args.routine, "routine"),
        IntRange(1, 100_000).check("count", args.count),
        check_text(args.reward, "reward"),
    )
    store.add_milestone(milestone)
    print(f"Milestone added: {milestone.routine} at {milestone.count}.")
    return 0


# -- status, demo, settings --------------------------------------------------------------------


def cmd_status(args: argparse.Namespace, store: Any) -> int:
    from tui.core.summary import status

    data = status(store.journal(), today())
    if args.json:
        import orjson

        sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    print(render_status(data))
    return 0


def render_status(data: dict[str, Any]) -> str:
    """The status as a few calm lines of text."""
    lines = [f"Gentle Flow, {data['date']}"]
    checkin = data["checkin"]
    if checkin:
        shown = ", ".join(
            f"{k.replace('_', ' ')} {v}"
            for k, v in checkin.items()
            if k not in ("date", "note") and v not in (None, False)
        )
        lines.append(
            f"Today's check-in: {shown or 'saved'}" + (" (rest day)" if checkin["flare"] else "")
        )
    else:
        lines.append("Today's check-in: not logged yet (gentle log checkin --pain N ...)")
    for g in data["goals"]:
        rest = f", {g['rest_days']} rest days" if g["rest_days"] else ""
        lines.append(f"  {g['name']}: {g['done']}/{g['target']} {g['unit']} this week{rest}")
    since = data["days_since_flare"]
    recent = data["flares"]["last_4_weeks"]
    if since is None:
        lines.append("Flares: none recorded")
    else:
        lines.append(f"Flares: {since} days since the last, {recent} flare days in 4 weeks")
    for r in data["routines"][:5]:
        lines.append(f"  {r['routine']}: {r['count']} times, next milestone {r['next_milestone']}")
    for i in data["insights"]:
        lines.append(f"  {i['text']}")
    return "\n".join(lines)


def cmd_demo(args: argparse.Namespace, store: Any) -> int:
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
    store.replace_journal(journal)
    print(
        f"Demo data written to {store.path}: {len(journal.checkins)} check-ins, "
        f"{len(journal.sessions)} sessions, {len(journal.goals)} goals over {days} days."
    )
    return 0


def cmd_config_week_start(args: argparse.Namespace, store: Any) -> int:
    from tui.core.dates import WEEKDAY_NAMES, parse_weekday

    weekday = parse_weekday(args.day)
    store.set_week_start(weekday)
    print(f"Weeks now start on {WEEKDAY_NAMES[weekday].capitalize()}.")
    return 0


def cmd_screenshot(args: argparse.Namespace, store: Any) -> int:
    size = _size(args.size)
    from tui.screenshot import screenshot

    output = args.output or f"{args.screen}.svg"
    path = screenshot(store, args.screen, output, size=size)
    print(f"Saved {path}")
    return 0


def _size(text: str) -> tuple[int, int]:
    try:
        cols, rows = (int(p) for p in text.lower().split("x"))
    except ValueError:
        raise InputError("size", f"must be COLSxROWS such as 80x24, got {text!r}") from None
    if not (40 <= cols <= 500 and 12 <= rows <= 300):
        raise InputError("size", f"must be 40-500 columns by 12-300 rows, got {text!r}")
    return cols, rows


def cmd_app(args: argparse.Namespace) -> int:
    """The app, which opens the data file itself, right after its first frame."""
    # Start-up makes ~200k objects that live as long as the app: collecting garbage among them
    # only delays the first frame (a full collection costs 20-50 ms). The app turns collection
    # back on once its data is shown, after freezing what start-up made (see GentleApp).
    gc.disable()
    try:
        from tui.app import GentleApp

        app = GentleApp(partial(_open_store, args.db))
        app.run()
    finally:
        gc.enable()  # if the app ended before its data was shown
    if app.load_error is not None:
        raise app.load_error  # reported below in one line, after the app gave the terminal back
    return app.return_code or 0


def _open_store(db: str | None) -> Any:
    from tui.store import Store

    return Store.open(db)


# -- parser ------------------------------------------------------------------------------------


def _add_log(sub: Any) -> None:
    from tui.core.models import KINDS

    log = sub.add_parser("log", help="log a check-in or a movement session")
    log_sub = log.add_subparsers(metavar="WHAT", required=True, parser_class=_Parser)
    checkin = log_sub.add_parser("checkin", help="how the night and the day are")
    checkin.add_argument("--date", help="YYYY-MM-DD, default today")
    checkin.add_argument("--pain", help="0-10")
    checkin.add_argument("--mood", help="1 awful ... 5 great")
    checkin.add_argument("--sleep-hours", dest="sleep_hours", help="0-24, steps of 0.25")
    checkin.add_argument("--sleep-quality", dest="sleep_quality", help="1-5")
    checkin.add_argument(
        "--flare", action=argparse.BooleanOptionalAction, default=None, help="a flare (rest) day"
    )
    checkin.add_argument("--note")
    checkin.set_defaults(handler=cmd_log_checkin)

    move = log_sub.add_parser("move", help="a movement session")
    move.add_argument("kind", metavar="KIND", help=" | ".join(KINDS))
    move.add_argument("minutes", metavar="MINUTES", help="1-600")
    move.add_argument("--date", help="YYYY-MM-DD, default today")
    move.add_argument("--routine", help="a named video or route")
    move.add_argument("--place")
    move.add_argument("--with", dest="with_", metavar="WHO")
    move.add_argument("--pain-before", dest="pain_before", help="0-10")
    move.add_argument("--pain-after", dest="pain_after", help="0-10")
    move.add_argument("--note")
    move.set_defaults(handler=cmd_log_move)


def _add_goal(sub: Any) -> None:
    goal = sub.add_parser("goal", help="weekly goals")
    goal_sub = goal.add_subparsers(metavar="ACTION", required=True, parser_class=_Parser)
    add = goal_sub.add_parser("add", help="add a weekly goal")
    add.add_argument("name", metavar="NAME")
    amount = add.add_mutually_exclusive_group(required=True)
    amount.add_argument("--per-week", dest="per_week", help="sessions a week, 1-50")
    amount.add_argument("--minutes-per-week", dest="minutes_per_week", help="minutes a week")
    add.add_argument("--kind", action="append", help="count only this kind (repeatable)")
    add.add_argument("--routine", help="count only this routine")
    add.add_argument("--ramp-to", dest="ramp_to", help="where pacing may lead")
    add.add_argument("--ramp-every", dest="ramp_every", help="weeks met in a row before an offer")
    add.set_defaults(handler=cmd_goal_add)
    goal_sub.add_parser("list", help="goals and this week's progress").set_defaults(
        handler=cmd_goal_list
    )
    for name, direction, text in (
        ("step-up", "up", "one step up"),
        ("step-down", "down", "one step down"),
    ):
        p = goal_sub.add_parser(name, help=text)
        p.add_argument("name", metavar="NAME")
        p.set_defaults(handler=cmd_goal_step, direction=direction)
    remove = goal_sub.add_parser("remove", help="remove a goal")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(handler=cmd_goal_remove)


def _add_milestone(sub: Any) -> None:
    milestone = sub.add_parser("milestone", help="your own milestones for a routine")
    milestone_sub = milestone.add_subparsers(metavar="ACTION", required=True, parser_class=_Parser)
    madd = milestone_sub.add_parser("add", help="celebrate a routine at COUNT, with a reward")
    madd.add_argument("routine", metavar="ROUTINE")
    madd.add_argument("count", metavar="COUNT")
    madd.add_argument("--reward", help='e.g. "ice cream"')
    madd.set_defaults(handler=cmd_milestone_add)


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
    config_sub = config.add_subparsers(metavar="SETTING", required=True, parser_class=_Parser)
    ws = config_sub.add_parser("week-start", help="the first day of the week (default monday)")
    ws.add_argument("day", metavar="DAY")
    ws.set_defaults(handler=cmd_config_week_start)


def _add_screenshot(sub: Any) -> None:
    shot = sub.add_parser("screenshot", help="render a screen to SVG")
    shot.add_argument("screen", metavar="SCREEN", help="dashboard, checkin, move, goals, help")
    shot.add_argument("--output", metavar="FILE.svg")
    shot.add_argument("--size", default="120x40", metavar="COLSxROWS")
    shot.set_defaults(handler=cmd_screenshot)


def _add_io(sub: Any) -> None:
    from tui.io.commands import add_commands

    add_commands(sub)


# Each command's parser is built only when that command runs: argparse spends ~1 ms per argument
# (gettext look-ups), which adds up on every `gentle log` from a script.
COMMANDS: dict[str, Any] = {
    "log": _add_log,
    "goal": _add_goal,
    "milestone": _add_milestone,
    "status": _add_status,
    "demo": _add_demo,
    "config": _add_config,
    "screenshot": _add_screenshot,
    "export": _add_io,
    "import": _add_io,
    "report": _add_io,
}


def build_parser(command: str | None = None, *, app_only: bool = False) -> argparse.ArgumentParser:
    """The `gentle` parser: only `command`'s sub-parser when it is known, else all of them
    (none with `app_only`: `gentle [--db PATH]` opens the app and needs no sub-command)."""
    parser = _Parser(
        prog="gentle", description="A calm tracker for pain, sleep, mood and movement."
    )
    parser.add_argument("--version", action="version", version=f"gentle-flow {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="the data file (default: $GENTLE_DB or the user data folder)"
    )
    parser.set_defaults(handler=cmd_app)
    if app_only:
        return parser
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    adders = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for add in adders:
        add(sub)
    return parser


def command_of(argv: Sequence[str]) -> str | None:
    """The sub-command named in `argv` (skipping `--db PATH`), if any."""
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def opens_the_app(argv: Sequence[str]) -> bool:
    """`gentle` or `gentle --db PATH`: the app, which needs no sub-command parser."""
    if not argv:
        return True
    if len(argv) == 1:
        return argv[0].startswith("--db=")
    return len(argv) == 2 and argv[0] == "--db"


def main(argv: Sequence[str] | None = None) -> int:
    """Run `gentle`; returns the exit status (0 ok, 1 a file problem, 2 bad input)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(command_of(argv), app_only=opens_the_app(argv)).parse_args(argv)
    try:
        if args.handler is cmd_app:
            return cmd_app(args)  # the app opens the file after its first frame
        if args.handler is cmd_screenshot:
            # A burst of long-lived objects (her data, Textual): collecting among them only
            # costs time. `screenshot` turns collection back on once they are made.
            gc.disable()
        from tui.store import Store

        store = Store.open(args.db)
        return int(args.handler(args, store))
    except InputError as exc:
        print(f"gentle: {exc.field}: {exc.message}", file=sys.stderr)
        return 2
    except FileProblem as exc:
        print(f"gentle: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # a file system refusal not foreseen above: still one line
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"gentle: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("gentle: stopped", file=sys.stderr)
        return 130
    finally:
        gc.enable()  # if a command that turned it off ended early
