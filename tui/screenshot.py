"""SVG screenshots of the app, rendered headless over a data file, charts drawn.

`gentle screenshot SCREEN [--output FILE.svg] [--size COLSxROWS]` calls `screenshot()`.
`python -m tui.screenshot --all [--folder screenshots]` regenerates the repository's screenshots
over demo data (seed 7, 120 days, today fixed at 2026-11-23) in a temporary file.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.dates import today
from tui.core.errors import InputError

if TYPE_CHECKING:
    from tui.store import Store

SCREENS = ("dashboard", "checkin", "move", "goals", "help", "peg", "history")
DEFAULT_SIZE = (120, 40)
CHART_WAIT_SECONDS = 20.0

#: What `--all` writes: (file name, screen, size, theme).
ALL_SHOTS: tuple[tuple[str, str, tuple[int, int], str | None], ...] = (
    ("dashboard.svg", "dashboard", (120, 40), None),
    ("dashboard-80x24.svg", "dashboard", (80, 24), None),
    ("dashboard-quiet.svg", "dashboard", (120, 40), "gentle-quiet"),
    ("checkin.svg", "checkin", (120, 40), None),
    ("move.svg", "move", (120, 40), None),
    ("goals.svg", "goals", (120, 40), None),
    ("help.svg", "help", (120, 40), None),
    ("peg.svg", "peg", (120, 40), None),
    ("history.svg", "history", (120, 40), None),
    ("history-80x24.svg", "history", (80, 24), None),
)
DEMO_TODAY = date(2026, 11, 23)
DEMO_SEED = 7
DEMO_DAYS = 120


def screenshot(
    store: Store,
    screen_name: str,
    output_path: str | Path,
    size: tuple[int, int] = DEFAULT_SIZE,
    *,
    theme: str | None = None,
    one_shot: bool = False,
) -> Path:
    """Render `screen_name` over the store's data at `size`, write it as SVG, return its path.

    `one_shot`: the process ends after this (`gentle screenshot`), so garbage collection is
    paced for it (see `tui.gc_pacing`).
    """
    if screen_name not in SCREENS:
        raise InputError("screen", f"must be one of {', '.join(SCREENS)}, got {screen_name!r}")
    # Her journal, and not the parsed file too: one copy of her data in memory, built before
    # Textual's modules and objects, which then reuse the memory the parsed file held. The
    # dashboard alone needs only her recent weeks and, of the years before, a few dates.
    recent = None
    if screen_name == "dashboard":
        from tui.screens.dashboard_data import reads_from

        recent = store.recent(reads_from(today()), let_go=True)
    else:
        store.let_go_of_file_data()
    from tui.gc_pacing import free_before_a_peak, keep_what_is_built

    if one_shot:
        keep_what_is_built()  # her data lives to the end of this process
    from tui.app import GentleApp
    from widgets.chart import Chart
    from widgets.plotting import load_plotext

    load_plotext()  # now rather than after the first frame: this run is for the drawn charts
    if one_shot:
        keep_what_is_built()  # and so do the modules
    path = Path(output_path)
    app = GentleApp(store, theme=theme, make_ahead=False, recent=recent)
    failure: list[BaseException] = []

    async def capture(pilot: Any) -> None:
        try:
            await _open(app, screen_name)
            await wait_until_drawn(pilot)
            free_before_a_peak()  # the SVG is the peak of memory: start-up's garbage goes first
            svg = app.export_screenshot(title=f"Gentle Flow: {screen_name}", simplify=True)
            path.write_text(svg, "utf-8")
        except BaseException as exc:  # reported after the app has closed the terminal
            failure.append(exc)
        finally:
            app.exit()

    from tui.crash import run_app

    threaded, Chart.draw_in_thread = Chart.draw_in_thread, False
    try:
        run_app(app, headless=True, size=size, auto_pilot=capture)  # no locals on a crash
    finally:
        Chart.draw_in_thread = threaded
    if failure:
        raise failure[0]
    return path


async def _open(app: Any, screen_name: str) -> None:
    if screen_name == "checkin":
        await app.action_checkin()
    elif screen_name == "move":
        await app.action_move()
    elif screen_name == "peg":
        await app.action_peg()
    elif screen_name == "history":
        await app.action_history()
    elif screen_name in ("goals", "help"):
        await app.switch_mode(screen_name)


async def settle(app: Any) -> None:
    """Wait until the app and every widget of its screen have handled what was sent to them.

    (What `Pilot.pause()` does first, without its wait for the CPU to go quiet, which costs tens
    of milliseconds per call.)
    """
    loop = asyncio.get_running_loop()
    pending = []
    for node in [app, *app.screen.walk_children(with_self=True)]:
        done = loop.create_future()
        if node.call_later(_handled, done):
            pending.append(done)
    if pending:
        await asyncio.wait_for(asyncio.gather(*pending), CHART_WAIT_SECONDS)


def _handled(done: asyncio.Future[None]) -> None:
    # A Python function, not `done.set_result`: Textual counts a callback's parameters, and a
    # builtin's signature is parsed from its text (~0.1 ms each, sixty widgets twice).
    done.set_result(None)


async def wait_until_drawn(pilot: Any) -> None:
    """Let the screens settle, then wait for every chart's lazy drawing to land (tests use it)."""
    from widgets.chart import Chart

    app = pilot.app
    await settle(app)
    deadline = time.monotonic() + CHART_WAIT_SECONDS
    while True:
        charts = [chart for screen in app.screen_stack for chart in screen.query(Chart)]
        if all(chart.is_drawn for chart in charts):
            break
        if time.monotonic() > deadline:  # never a picture (or a test) of undrawn charts
            raise TimeoutError(f"the charts were not drawn within {CHART_WAIT_SECONDS:.0f} s")
        await asyncio.sleep(0.002)
    await settle(app)


def regenerate_all(folder: Path) -> list[Path]:
    """The repository's screenshots over demo data, in `folder`."""
    import tempfile

    from tui.core.demo import generate
    from tui.store import Store

    os.environ["GENTLE_TODAY"] = DEMO_TODAY.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["GENTLE_CONFIG"] = str(Path(tmp) / "config.toml")  # the default keys, not hers
        store = Store.open(Path(tmp) / "gentle.json")
        store.replace_journal(generate(DEMO_DAYS, DEMO_SEED, DEMO_TODAY))
        for name, screen, size, theme in ALL_SHOTS:
            written.append(screenshot(store, screen, folder / name, size, theme=theme))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tui.screenshot", description="Regenerate the SVG screenshots."
    )
    parser.add_argument("--all", action="store_true", help="every screenshot, over demo data")
    parser.add_argument("--folder", default="screenshots", help="where to write (screenshots)")
    args = parser.parse_args(argv)
    if not args.all:
        parser.print_help()
        return 2
    for path in regenerate_all(Path(args.folder)):
        print(f"Saved {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
