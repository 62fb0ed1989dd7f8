"""What every command shares: the one-line usage errors and the date a command is about."""

from __future__ import annotations

import argparse
from datetime import date
from typing import NoReturn

from tui.core.dates import today


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def day_of(args: argparse.Namespace) -> date:
    """`--date`, checked (never after today), or today."""
    from tui.core.models import check_date

    return check_date(args.date) if args.date is not None else today()
