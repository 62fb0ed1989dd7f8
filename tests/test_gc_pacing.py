"""The one place that paces garbage collection does what it says."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from tui.gc_pacing import (
    RARE_FULL,
    YOUNG_THRESHOLD,
    collect_while_she_reads,
    keep_what_is_built,
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
