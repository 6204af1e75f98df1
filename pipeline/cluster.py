"""Run per-file work on a Dask cluster (`policy ingest/add --dask ADDRESS`, extra `[dask]`).

The work handed out is a pure function of one file (`batch.render_one`,
`batch.parse_one`): the workers read the file by its path, so they must see the
inputs at the same paths as this process (a shared or copied folder), and run
the same version of this package. Results come back in input order whatever
order the workers finish in, and only a window of files is in flight at a time,
so the cluster's memory stays bounded and the output is what a local run writes.
Dask is imported here only, and only when a cluster is asked for.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from .errors import InputError

T = TypeVar("T")
WINDOW = 64  # files in flight: enough to keep every worker busy, few enough to hold their results


def connect(address: str) -> Any:
    """A `distributed.Client` of the scheduler at `address` (`tcp://host:8786`); `InputError` when
    Dask is not installed or the scheduler cannot be reached."""
    try:
        from distributed import Client
    except ImportError:
        raise InputError("--dask needs Dask: pip install 'policy-pipeline[dask]'") from None
    try:
        return Client(address, timeout="20s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {address} ({exc})".splitlines()[0]) from None


def map_ordered(address: str, fn: Callable[..., T], calls: Iterable[tuple],
                failed: Callable[[tuple, BaseException], T]) -> Iterator[T]:
    """`fn(*args)` for each of `calls` on the cluster at `address`, yielded in input order;
    a call whose worker died (or that raised) yields `failed(args, exception)` instead."""
    client = connect(address)
    try:
        pending: deque[tuple[tuple, Any]] = deque()
        todo = iter(calls)
        for args in todo:
            pending.append((args, client.submit(fn, *args, pure=False)))
            if len(pending) >= WINDOW:
                break
        while pending:
            args, future = pending.popleft()
            try:
                result = future.result()
            except Exception as exc:  # a worker lost or a bug outside fn's own handling
                result = failed(args, exc)
            future.release()
            nxt = next(todo, None)
            if nxt is not None:
                pending.append((nxt, client.submit(fn, *nxt, pure=False)))
            yield result
    finally:
        client.close()
