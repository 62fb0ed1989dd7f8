"""What every command shares: the one-line usage errors and the date a command is about."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any, NoReturn

from tui.core.dates import today


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def day_of(args: argparse.Namespace) -> date:
    """`--date`, checked (never after today), or today."""
    from tui.core.models import check_date

    return check_date(args.date) if args.date is not None else today()


def span(allowed: Any) -> str:
    """`0-10 (0 no pain … 10 worst)`: a core range as --help says it."""
    return f"{allowed.lo}-{allowed.hi}{allowed.hint}"


def add_checkin_flags(parser: Any) -> None:
    """The check-in's fields (`log checkin`, `edit`), their ranges from core."""
    from tui.core.models import MOOD, PAIN, SLEEP_QUALITY

    parser.add_argument("--pain", help=span(PAIN))
    parser.add_argument("--mood", help=span(MOOD))
    parser.add_argument(
        "--sleep-hours", dest="sleep_hours", help="0-24, steps of 0.25 (7.5, 7,5 or 7:30)"
    )
    parser.add_argument("--sleep-quality", dest="sleep_quality", help=span(SLEEP_QUALITY))
    parser.add_argument(
        "--flare", action=argparse.BooleanOptionalAction, default=None, help="a flare (rest) day"
    )


def add_session_flags(parser: Any) -> None:
    """A session's optional fields (`log move`, `edit`), their ranges from core."""
    from tui.core.models import PAIN

    parser.add_argument("--routine", help="a named video or route")
    parser.add_argument("--place")
    parser.add_argument("--with", dest="with_", metavar="WHO")
    parser.add_argument("--pain-before", dest="pain_before", help=span(PAIN))
    parser.add_argument("--pain-after", dest="pain_after", help=span(PAIN))
