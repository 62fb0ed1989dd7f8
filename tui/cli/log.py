"""`gentle log checkin`, `gentle log move` and `gentle log peg`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from tui.cli.base import Parser, add_checkin_flags, add_session_flags, day_of, span
from tui.core.dates import today
from tui.core.errors import InputError

if TYPE_CHECKING:
    from tui.store import Store


def cmd_log_checkin(args: argparse.Namespace, store: Store) -> int:
    values: dict[str, Any] = {}
    for name in ("pain", "mood", "sleep_hours", "sleep_quality", "note"):
        if getattr(args, name) is not None:
            values[name] = getattr(args, name)
    if args.flare is not None:
        values["flare"] = args.flare
    day = day_of(args)
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


def cmd_log_move(args: argparse.Namespace, store: Store) -> int:
    from tui.core.milestones import milestone_reached, ordinal
    from tui.core.models import Session
    from tui.core.text import shown

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
        celebration = milestone_reached(
            session.routine, count, store.custom_milestones(), store.is_celebrated
        )
        if celebration is not None:
            print(shown(celebration.message(), multiline=True))
            store.mark_celebrated(session.routine, count)
    else:
        print(line + ".")
    return 0


def cmd_log_peg(args: argparse.Namespace, store: Store) -> int:
    from tui.core.peg import Peg

    peg = Peg.create(
        date=args.date if args.date is not None else today(),
        pain=args.pain,
        enjoyment=args.enjoyment,
        activity=args.activity,
    )
    replaced = store.log_peg(peg)
    week = peg.week(store.journal().week_start)
    line = (
        f"PEG check for the week of {week.isoformat()} saved: pain {peg.pain}, "
        f"enjoyment {peg.enjoyment}, activity {peg.activity}; score {peg.score:.1f}."
    )
    if replaced is not None:
        line += f" It replaces the answer of {replaced.date.isoformat()}."
    print(line)
    return 0


def add_parsers(sub: Any, command: str = "log") -> None:
    from tui.core.models import KINDS, MINUTES

    log = sub.add_parser("log", help="log a check-in or a movement session")
    log_sub = log.add_subparsers(metavar="WHAT", required=True, parser_class=Parser)
    checkin = log_sub.add_parser("checkin", help="how the night and the day are")
    checkin.add_argument("--date", help="YYYY-MM-DD, default today")
    add_checkin_flags(checkin)
    checkin.add_argument("--note")
    checkin.set_defaults(handler=cmd_log_checkin)

    move = log_sub.add_parser("move", help="a movement session")
    move.add_argument("kind", metavar="KIND", help=" | ".join(KINDS))
    move.add_argument("minutes", metavar="MINUTES", help=span(MINUTES))
    move.add_argument("--date", help="YYYY-MM-DD, default today")
    add_session_flags(move)
    move.add_argument("--note")
    move.set_defaults(handler=cmd_log_move)

    peg = log_sub.add_parser(
        "peg", help="the weekly PEG check: pain, and how it interfered, over the past week"
    )
    peg.add_argument("pain", metavar="PAIN", help="average pain, 0-10")
    peg.add_argument("enjoyment", metavar="ENJOYMENT", help="interference with enjoyment, 0-10")
    peg.add_argument("activity", metavar="ACTIVITY", help="interference with activity, 0-10")
    peg.add_argument("--date", help="YYYY-MM-DD, default today; one answer per calendar week")
    peg.set_defaults(handler=cmd_log_peg)
