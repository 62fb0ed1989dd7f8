"""Garbage collection paced for building her data, and for a one-shot render (`gentle
screenshot`), as measured by `bench/bench_ui.py`.

Parsing her file and building her journal make hundreds of thousands of objects (twenty years:
~250,000 parsed documents and values, 21,000 entries), none of them in a reference cycle: the
collector's passes over them, triggered every 700 new objects (Python 3.11), find nothing and
cost ~15 ms on the twenty-year demo file. `paused` skips them.

A screenshot then builds a few hundred thousand more objects (Textual's) that live until the
process ends; the same holds. Building the SVG is the peak of memory: collecting the start's
garbage just before it lowers that peak by about 1 MiB for a few milliseconds.

The app, once her data is on screen, freezes what the start built and collects in full while she
reads (after each change) rather than mid-key (`settle_after_start`, `collect_while_she_reads`).
A run of the command line (and the app up to that first quiet moment) collects new objects in
large batches (`one_run`).
Public `gc` calls only: nothing here leans on a library's internals.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Collect the youngest objects after this many new ones (Python 3.11's default is 700).
YOUNG_THRESHOLD = 100_000
#: After the app's start, a full pass of the collector's own only after this many passes of the
#: middle generation (Python's default is 10): the app collects in full at quiet moments instead.
RARE_FULL = 100
_threshold = gc.get_threshold()  # as Python set it, for `release_at_end`


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside (for code that builds only acyclic objects); as it was after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def one_run() -> Iterator[None]:
    """A run of the command line (or the app's start, until `settle_after_start`): new objects
    collected in batches of `YOUNG_THRESHOLD`. What a run builds (modules, her parsed file, her
    journal) lives to its end and holds few cycles, so the passes every 700 new objects find next
    to nothing: ~8 ms of a twenty-year `gentle screenshot`, ~35 passes. The thresholds as they
    were after (a test that calls the command line in its own process keeps its own)."""
    before = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def keep_what_is_built() -> None:
    """Treat every object made so far as permanent, and collect new ones in larger batches."""
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, 10, 10)


def settle_after_start() -> None:
    """Collect the start's garbage, then treat every object alive as permanent: the app's
    modules, its screens and her journal (twenty years: 21,000 entries) are never looked
    through again, so a full collection later scans only what was made since (~20-40 ms
    less, the pause she would feel now and then while typing). Objects frozen are still freed
    when nothing refers to them any more (a journal read again replaces the old one); only a
    cycle among them would stay."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*_threshold[:2], RARE_FULL)


def collect_while_she_reads() -> None:
    """A full collection now, at a quiet moment (after a change, while she reads): the
    collector's own full passes, which land mid-key, then seldom have anything to do."""
    gc.collect()


def release_at_end() -> None:
    """Undo `settle_after_start` (the app has ended; a process that goes on, such as a test
    run, gets the app's objects collected, on the usual schedule)."""
    gc.unfreeze()
    gc.set_threshold(*_threshold)


def free_before_a_peak() -> None:
    """Collect the garbage made so far, before a step that needs much memory at once."""
    gc.collect()
