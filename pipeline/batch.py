"""Ingest many files in parallel: one process per core, failures collected, not fatal.

Each file is ingested and written in a worker process (`ProcessPoolExecutor`),
because loading and segmenting are CPU-bound Python. A file that fails becomes
an `Outcome` with its one-line error and the batch goes on; results come back
in input order whatever order the workers finish in, so the summary is
deterministic. Standard input (`-`) is read in this process. `jobs=1` runs
everything in this process (no pool), which is also the fallback for one file.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable

from . import api
from .errors import PipelineError


@dataclass(frozen=True)
class Outcome:
    """What became of one input: the document written, or the reason it failed."""

    path: str
    doc_id: str | None = None
    summary: str | None = None
    target: str | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def ingest_one(path: str, out_dir: str) -> Outcome:
    """Ingest and write one file; a `PipelineError` or a bug becomes a failed outcome."""
    try:
        doc = api.ingest_file(path)
        target = api.write_document(doc, out_dir)
    except PipelineError as exc:
        return Outcome(path, error=str(exc))
    except Exception as exc:  # a bug in one file must not sink the batch; it is reported as one
        return Outcome(path, error=f"{path}: internal error ({type(exc).__name__}: {exc})".splitlines()[0])
    return Outcome(path, doc.doc_id, api.summary(doc), str(target))


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def run(paths: list[str], out_dir: str, jobs: int | None = None,
        progress: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Ingest `paths` into `out_dir` with up to `jobs` processes; outcomes in input order."""
    jobs = jobs or default_jobs()
    results: dict[int, Outcome] = {}

    def done(index: int, outcome: Outcome) -> None:
        results[index] = outcome
        if progress:
            progress(outcome)

    pooled = [(i, p) for i, p in enumerate(paths) if p != "-"]
    for i, p in enumerate(paths):
        if p == "-":
            done(i, ingest_one(p, out_dir))
    if jobs == 1 or len(pooled) <= 1:
        for i, p in pooled:
            done(i, ingest_one(p, out_dir))
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed  # not on `policy --help`

        with ProcessPoolExecutor(max_workers=min(jobs, len(pooled))) as pool:
            futures = {pool.submit(ingest_one, p, out_dir): i for i, p in pooled}
            for future in as_completed(futures):
                try:
                    outcome = future.result()
                except Exception as exc:  # the worker process died (killed, out of memory)
                    path = paths[futures[future]]
                    outcome = Outcome(path, error=f"{path}: worker process failed ({type(exc).__name__})")
                done(futures[future], outcome)
    return [results[i] for i in range(len(paths))]
