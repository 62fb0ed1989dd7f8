"""A quiet progress bar on stderr for long imports, shown only in a terminal."""

from __future__ import annotations

import sys
from typing import TextIO

WIDTH = 30
MB = 1024 * 1024


class ProgressBar:
    """`ProgressBar("export.xml")(done, total)` redraws one line, at most once per percent.

    Silent unless the stream is a terminal, so scripts and pipes get only the summary line.
    """

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _isatty(self.stream)
        self._shown = -1
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        percent = min(100, done * 100 // total)
        if percent == self._shown:
            return
        self._shown = percent
        filled = WIDTH * percent // 100
        bar = "█" * filled + "░" * (WIDTH - filled)
        self.stream.write(
            f"\r{self.label}  {bar} {percent:3d}%  {done / MB:,.0f} / {total / MB:,.0f} MB"
        )
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Clear the bar's line so the summary that follows starts clean."""
        if self._drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._drawn = False


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
