"""The `gentle` command line: one module per group of commands, each parser built only when used.

No command but the app itself imports Textual, so logging from a script stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from functools import partial
from typing import Any

from tui import __version__
from tui.cli.base import Parser
from tui.core.errors import FileProblem, InputError
from tui.gc_pacing import one_run

# Each command's parser is built only when that command runs: argparse spends ~1 ms per argument
# (gettext look-ups), which adds up on every `gentle log` from a script. Each module named here has
# `add_parsers(subparsers, command)`.
COMMANDS: dict[str, str] = {
    "log": "tui.cli.log",
    "goal": "tui.cli.goals",
    "milestone": "tui.cli.goals",
    "status": "tui.cli.status",
    "demo": "tui.cli.status",
    "config": "tui.cli.status",
    "screenshot": "tui.cli.status",
    "export": "tui.cli.data",
    "import": "tui.cli.data",
    "report": "tui.cli.data",
    "history": "tui.cli.history",
    "edit": "tui.cli.history",
    "delete": "tui.cli.history",
    "undo": "tui.cli.history",
}


def cmd_app(args: argparse.Namespace) -> int:
    """The app, which opens the data file itself, right after its first frame."""
    from tui import terminal

    saved = terminal.hold_keys()  # keys typed while the app starts wait for it, as typed
    try:
        from tui.app import GentleApp

        app = GentleApp(partial(_open_store, args.db))
        from tui.crash import run_app

        run_app(app)
        if app.is_loaded:
            app.store.settle()  # the last change on disk before the process ends
    finally:
        terminal.restore(saved)
    if app.load_error is not None:
        raise app.load_error  # reported below in one line, after the app gave the terminal back
    if app.is_loaded and app.store.write_failure is not None:
        # A save could not be written: the app said so, but a failure in its last moments (a
        # save, then `q`) had no time to show. Said again here, after the terminal is hers.
        print(f"gentle: not saved: {app.store.write_failure}", file=sys.stderr)
        return 1
    return app.return_code or 0


def _open_store(db: str | None) -> Any:
    from tui.store import Store

    return Store.open(db)


def build_parser(command: str | None = None, *, app_only: bool = False) -> argparse.ArgumentParser:
    """The `gentle` parser: only `command`'s sub-parser when it is known, else all of them
    (none with `app_only`: `gentle [--db PATH]` opens the app and needs no sub-command)."""
    parser = Parser(prog="gentle", description="A calm tracker for pain, sleep, mood and movement.")
    parser.add_argument("--version", action="version", version=f"gentle-flow {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="the data file (default: $GENTLE_DB or the user data folder)"
    )
    parser.set_defaults(handler=cmd_app)
    if app_only:
        return parser
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    names = [command] if command in COMMANDS else list(COMMANDS)
    for name in names:
        importlib.import_module(COMMANDS[name]).add_parsers(sub, name)
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
    try:
        with one_run():
            return _run(argv)
    except Exception as exc:  # unforeseen: one line, the details in a private crash file
        from tui.crash import report_crash

        print(report_crash(exc), file=sys.stderr)
        return 1


def _run(argv: list[str]) -> int:
    args = build_parser(command_of(argv), app_only=opens_the_app(argv)).parse_args(argv)
    try:
        if args.handler is cmd_app:
            return cmd_app(args)  # the app opens the file after its first frame
        from tui.store import Store

        store = Store.open(args.db)
        return int(args.handler(args, store))
    except InputError as exc:
        print(f"gentle: {exc.field}: {exc.message}", file=sys.stderr)
        return 2
    except FileProblem as exc:
        print(f"gentle: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader left early (`gentle status | head -1`): end quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit cannot complain either
        return 0
    except OSError as exc:  # a file system refusal not foreseen above: still one line
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"gentle: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("gentle: stopped", file=sys.stderr)
        return 130
