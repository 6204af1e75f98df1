"""Wall-clock timing shared by the benchmark scripts."""
from __future__ import annotations

import time
from typing import Callable


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Seconds taken by each of `repeat` calls of `fn`."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out
