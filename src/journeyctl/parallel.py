"""Spread per-file work over processes, with results in the order of the input.

Commands check each file on its own first (load, schema, the file's own references
and rules), then look across files. The first phase is what costs; `map_in_order`
runs it on a pool of worker processes. It knows nothing about journeys: it maps a
picklable function over a list. The function's results travel back pickled, so they
should be small: findings and the few facts the run-wide phase needs, never a node
tree.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final, TypeVar

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

Item = TypeVar("Item")
Result = TypeVar("Result")

SERIAL_BELOW: Final = 50
"""Fewer items than this are not worth starting workers for (a pre-commit run, say)."""
_CHUNKS_PER_WORKER: Final = 8
"""Enough chunks that a worker stuck on one big file does not leave the others idle."""


def available_cores() -> int:
    """The cores this process may run on (a container's limit, not the host's count)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def effective_jobs(jobs: int | None, items: int) -> int:
    """How many processes to use: `jobs` (None: every core), serial for small runs."""
    wanted = available_cores() if jobs is None or jobs <= 0 else jobs
    if items < SERIAL_BELOW:
        return 1
    return max(1, min(wanted, items))


def map_in_order(function: Callable[[Item], Result], items: Sequence[Item], jobs: int | None = 1) -> list[Result]:
    """`[function(item) for item in items]`, on up to `jobs` processes.

    The order of the results is the order of `items`, whatever finishes first, so the
    output of a run does not depend on the number of jobs. `function` must not raise:
    per-item failures belong in its result.
    """
    workers = effective_jobs(jobs, len(items))
    if workers == 1:
        return [function(item) for item in items]
    # Imported here: a serial run (every pre-commit run) never pays for them.
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    chunk = max(1, len(items) // (workers * _CHUNKS_PER_WORKER))
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        return list(pool.map(function, items, chunksize=chunk))


def _context() -> BaseContext:
    import multiprocessing  # noqa: PLC0415

    # Forking starts a worker in a millisecond with every module already imported;
    # where it is unavailable or unsafe (macOS, Windows) the platform default is used.
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
