"""Gentle Flow up to its dashboard's first frame, then to the frame that shows her data (headless).

`bench_ui.py` runs this as `python bench/app_first_frame.py COLS ROWS` with `GENTLE_DB` set; it
prints `first-frame TIME` and `data-shown TIME` on stderr and exits. The timing hooks live here,
in a subclass, not in the app.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import tui.app
from tui.app import GentleApp
from tui.store import Store


class TimedApp(GentleApp):
    """The app, reporting when its first frame and her data are on screen."""

    CSS_PATH = str(Path(tui.app.__file__).with_name("app.tcss"))  # relative to the app, not here

    def on_mount(self) -> None:  # runs before GentleApp.on_mount, which opens the file next
        self.call_after_refresh(self.report, "first-frame")

    def open_data(self) -> bool:
        opened = super().open_data()
        self.call_after_refresh(self.report, "data-shown", True)
        return opened

    def report(self, stage: str, done: bool = False) -> None:
        print(f"{stage} {time.time()}", file=sys.stderr)
        if done:
            self.exit()


if __name__ == "__main__":
    cols, rows = int(sys.argv[1]), int(sys.argv[2])
    TimedApp(Store.open).run(headless=True, size=(cols, rows))
