"""The one place that paces garbage collection does what it says."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.gc_pacing import (
    RARE_FULL,
    YOUNG_THRESHOLD,
    collect_while_she_reads,
    keep_what_is_built,
    one_run,
    paused,
    release_at_end,
    settle_after_start,
)


@pytest.fixture
def restored() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_what_is_built_before_is_kept_out_of_later_collections(restored: None) -> None:
    before = gc.get_freeze_count()
    keep_what_is_built()
    assert gc.get_freeze_count() > before
    assert gc.get_threshold()[0] == YOUNG_THRESHOLD


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the collector frees it


def test_settling_frees_the_start_s_garbage_then_keeps_the_rest_out_of_collections(
    restored: None,
) -> None:
    garbage, alive = Node(), Node()
    gone = weakref.ref(garbage)
    del garbage
    usual = gc.get_threshold()
    settle_after_start()
    assert gone() is None
    assert gc.get_freeze_count() > 0
    assert not any(o is alive for o in gc.get_objects())  # frozen: no collection looks at it
    assert gc.get_threshold() == (*usual[:2], RARE_FULL)  # full passes left to quiet moments

    later = Node()
    gone = weakref.ref(later)
    del later
    collect_while_she_reads()
    assert gone() is None

    release_at_end()
    assert gc.get_freeze_count() == 0
    assert any(o is alive for o in gc.get_objects())
    assert gc.get_threshold() == usual


def test_no_collection_runs_while_paused_and_it_runs_again_after() -> None:
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_pausing_leaves_a_collector_that_was_off_off() -> None:
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_when_building_fails() -> None:
    with pytest.raises(ValueError), paused():
        raise ValueError("a damaged entry")
    assert gc.isenabled()


def test_a_run_collects_in_large_batches_and_leaves_the_thresholds_as_they_were(
    restored: None,
) -> None:
    gc.set_threshold(700, 10, 10)
    with one_run():
        assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)
    with pytest.raises(KeyError), one_run():
        raise KeyError("a command that fails")
    assert gc.get_threshold() == (700, 10, 10)


def test_the_command_line_runs_its_command_inside_one_run(
    restored: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.cli.status
    from tui.cli import main

    seen: list[tuple[int, int, int]] = []

    def status(args: object, store: object) -> int:
        seen.append(gc.get_threshold())
        return 0

    monkeypatch.setattr(tui.cli.status, "cmd_status", status)
    gc.set_threshold(700, 10, 10)
    assert main(["--db", str(tmp_path / "gentle.json"), "status"]) == 0
    assert seen == [(YOUNG_THRESHOLD, 10, 10)]
    assert gc.get_threshold() == (700, 10, 10)
