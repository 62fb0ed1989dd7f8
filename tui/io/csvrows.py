"""Rows of an exported CSV file, read one by one, with file problems said in one line."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from tui.core.errors import FileProblem


class csv_rows:
    """The CSV rows of `path`, row by row (UTF-8, with or without a byte-order mark).

    `what` names the app that wrote it, for the messages. A comma or, when the first line has
    tabs and no comma, a tab separates the fields.
    """

    def __init__(self, path: Path, what: str) -> None:
        self.path = path
        self.what = what
        self.file: IO[str] | None = None

    def __enter__(self) -> Iterator[list[str]]:
        path = self.path
        try:
            self.file = path.open(encoding="utf-8-sig", newline="")
            first = self.file.readline()
        except FileNotFoundError:
            raise FileProblem(f"{path}: no such file") from None
        except IsADirectoryError:
            raise FileProblem(f"{path}: is a folder, give the {self.what} .csv file") from None
        except PermissionError:
            raise FileProblem(f"{path}: cannot be read (permission denied)") from None
        except UnicodeDecodeError:
            raise self._not_text() from None
        delimiter = "\t" if "\t" in first and "," not in first else ","
        lines = itertools.chain([first], self.file)
        return self._checked(csv.reader(lines, delimiter=delimiter, strict=True))

    def _not_text(self) -> FileProblem:
        return FileProblem(f"{self.path}: not a {self.what} export (not UTF-8 text)")

    def _checked(self, reader: Iterator[list[str]]) -> Iterator[list[str]]:
        try:
            yield from reader
        except UnicodeDecodeError:
            raise self._not_text() from None
        except csv.Error as err:
            raise FileProblem(f"{self.path}: not a readable CSV file ({err})") from None

    def __exit__(self, *_exc: object) -> None:
        if self.file is not None:
            self.file.close()
