"""The one place that paces garbage collection does what it says."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tui.gc_pacing import YOUNG_THRESHOLD, keep_what_is_built


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
