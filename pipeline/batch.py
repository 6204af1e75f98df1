"""Ingest many files in parallel: one process per core, failures collected, not fatal.

Each file is ingested and written in a worker process (`ProcessPoolExecutor`),
because loading and segmenting are CPU-bound Python. A file that fails becomes
an `Outcome` with its one-line error and the batch goes on; results come back
in input order whatever order the workers finish in, so the summary is
deterministic. On Ctrl-C the parent stops handing out files and waits for the
ones in progress, so no temporary file is left. Standard input (`-`) is read in this process. `jobs=1` runs
everything in this process (no pool), which is also the fallback for one file.
Doc ids are settled before any worker starts (`doc_ids`), so two inputs never
write the same `<doc_id>.json`, whichever finishes first.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from . import api
from .assemble import doc_id_for
from .errors import InputError, PipelineError
from .extract.aliases import Aliases

_UNSAFE = re.compile(r"[^\w.\-]+")  # the alphabet of `assemble.doc_id_for`


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


def doc_ids(paths: list[str]) -> list[str]:
    """A doc id for each input, unique within the batch and independent of the order of work.

    An input keeps its file-name id (`a.txt` -> `a`) unless another file of the
    batch has the same one, compared case-insensitively (as macOS and Windows
    folders do): then each of those takes its suffix (`a-txt`, `a-html`), and
    where that is not enough its folders, nearest first (`2019-a-txt`). The same
    file named twice keeps one id; standard input is `stdin`. Inputs that still
    clash (`A.txt` and `a.txt` side by side) are refused with a one-line error.
    """
    names = [_candidates(p) for p in paths]
    files = [p if p == "-" else os.path.realpath(p) for p in paths]
    level = [0] * len(paths)
    while True:
        ids = [n[k] for n, k in zip(names, level)]
        clashing = [i for i in range(len(paths))
                    if any(ids[j].casefold() == ids[i].casefold() and files[j] != files[i] for j in range(len(paths)))]
        if not clashing:
            return ids
        stuck = [i for i in clashing if level[i] + 1 == len(names[i])]
        if stuck:
            i = stuck[0]
            other = next(paths[j] for j in clashing if j != i and ids[j].casefold() == ids[i].casefold())
            raise InputError(f"same doc id {ids[i]} as {other}; rename one or ingest them separately", paths[i])
        for i in clashing:
            level[i] += 1


def _candidates(path: str) -> list[str]:
    """Ids for `path`, from the plain file-name id to the one qualified by every folder."""
    if path == "-":
        return ["stdin"]
    p = Path(path)
    base = doc_id_for(p.name)
    suffix = _UNSAFE.sub("-", p.suffix.lstrip(".")).strip("-")
    out = [base] + ([f"{base}-{suffix}"] if suffix else [])
    for folder in reversed(Path(os.path.abspath(path)).parent.parts[1:]):
        out.append(f"{_UNSAFE.sub('-', folder).strip('-') or '-'}-{out[-1]}")
    return out


def ingest_one(path: str, out_dir: str, doc_id: str | None = None,
               aliases: Aliases | None = None, folders: bool = False) -> Outcome:
    """Ingest and write one file (as `doc_id` when given; into `out_dir/<doc_id>/` with `folders`);
    a `PipelineError` or a bug becomes a failed outcome."""
    try:
        doc = api.ingest_file(path, aliases)
        if doc_id is not None and doc_id != doc.doc_id:
            doc = replace(doc, doc_id=doc_id)
        target = api.write_document(doc, Path(out_dir) / doc.doc_id if folders else out_dir)
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
        progress: Callable[[Outcome], None] | None = None, aliases: Aliases | None = None,
        folders: bool = False) -> list[Outcome]:
    """Ingest `paths` into `out_dir` with up to `jobs` processes; outcomes in input order.

    `aliases` (a user's table from `load_aliases`) goes to every worker; with `folders`
    each document goes into its own folder `out_dir/<doc_id>/`. Raises `InputError`
    before any work when two inputs cannot get distinct ids.
    """
    jobs = jobs or default_jobs()
    ids = doc_ids(paths)
    results: dict[int, Outcome] = {}

    def done(index: int, outcome: Outcome) -> None:
        results[index] = outcome
        if progress:
            progress(outcome)

    pooled = [(i, p) for i, p in enumerate(paths) if p != "-"]
    for i, p in enumerate(paths):
        if p == "-":
            done(i, ingest_one(p, out_dir, ids[i], aliases, folders))
    if jobs == 1 or len(pooled) <= 1:
        for i, p in pooled:
            done(i, ingest_one(p, out_dir, ids[i], aliases, folders))
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed  # not on `policy --help`

        pool = ProcessPoolExecutor(max_workers=min(jobs, len(pooled)), initializer=_ignore_interrupts)
        try:
            futures = {pool.submit(ingest_one, p, out_dir, ids[i], aliases, folders): i for i, p in pooled}
            for future in as_completed(futures):
                try:
                    outcome = future.result()
                except Exception as exc:  # the worker process died (killed, out of memory)
                    path = paths[futures[future]]
                    outcome = Outcome(path, error=f"{path}: worker process failed ({type(exc).__name__})")
                done(futures[future], outcome)
        finally:
            # On Ctrl-C: files not started are dropped, the ones being written are finished
            # (each is written atomically), then the interrupt goes on to the caller.
            pool.shutdown(wait=True, cancel_futures=True)
    return [results[i] for i in range(len(paths))]


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops the batch between files."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
