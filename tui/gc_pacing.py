"""Garbage collection paced for a one-shot render (`gentle screenshot`), as measured by
`bench/bench_ui.py`.

Rendering a screenshot builds a few hundred thousand objects (Textual's, her journal's) that live
until the process ends. The collector's passes over them find nothing to free and only cost time
(about 60 ms of ~900 on the ten-year demo file, 7%). Building the SVG is the peak of memory:
collecting the start's garbage just before it lowers that peak by about 1 MiB of 53 (the target
is 1.6x a bare Textual app's, and we sit at 1.59x) for about 20 ms. Public `gc` calls only:
nothing here leans on a library's internals.
"""

from __future__ import annotations

import gc

#: Collect the youngest objects after this many new ones (Python's default is 2,000).
YOUNG_THRESHOLD = 20_000


def keep_what_is_built() -> None:
    """Treat every object made so far as permanent, and collect new ones in larger batches."""
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, 10, 10)


def free_before_a_peak() -> None:
    """Collect the garbage made so far, before a step that needs much memory at once."""
    gc.collect()
