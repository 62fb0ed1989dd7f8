"""Garbage collection paced for a one-shot render (`gentle screenshot`), as measured by
`bench/bench_ui.py`.

Rendering a screenshot builds a few hundred thousand objects (Textual's, her journal's) that live
until the process ends. The collector's passes over them find nothing to free and only cost time
(about 60 ms of ~900 on the ten-year demo file, 7%). Public `gc` calls only: nothing here leans on
a library's internals.
"""

from __future__ import annotations

import gc

#: Collect the youngest objects after this many new ones (Python's default is 2,000).
YOUNG_THRESHOLD = 20_000


def keep_what_is_built() -> None:
    """Treat every object made so far as permanent, and collect new ones in larger batches."""
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, 10, 10)
