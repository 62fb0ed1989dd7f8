"""Errors the domain raises; the CLI and the forms turn them into one calm line."""

from __future__ import annotations


class InputError(ValueError):
    """A value the user gave is out of range or of the wrong type.

    `field` names the field in the user's words (`pain`, `minutes`, `date`), and the message says
    what is allowed, so the CLI can print one line and a form can show it at the field.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class FileProblem(Exception):
    """A file cannot be used as asked (not what it claims, unreadable, locked too long).

    The message is one line naming the file and how to recover; the CLI prints it and exits 1.
    """


class StaleGoal(Exception):
    """The goal a screen showed was changed or removed meanwhile (another window, the CLI).

    The message is one kind line; the screen shows it and refreshes, and nothing is written.
    """
