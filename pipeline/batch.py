"""Ingest many files in parallel: one process per core, failures collected, not fatal.

Each file is ingested and written in a worker process (`ProcessPoolExecutor`),
because loading and segmenting are CPU-bound Python. A file that fails becomes
an `Outcome` with its one-line error and the batch goes on; results come back
in input order whatever order the workers finish in, so the summary is
deterministic. On Ctrl-C the parent stops handing out files and waits for the
ones in progress, so no temporary file is left. Standard input (`-`) is read in this process. `jobs=1` runs
everything in this process (no pool), which is also the fallback for one file.
Doc ids are settled before any worker starts (`doc_ids`), so two inputs never
write the same `<doc_id>.json`, whichever finishes first; a file a web page of
the batch links as its attachment joins the page's id family (`attachment_ids`).
The per-file work is one pure function (`render_one`: read, parse, annotate, JSON),
written here by `write_one`; with `dask` it runs on a Dask cluster instead of the
pool (`pipeline.cluster`), and the bytes written are the same.
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator

from . import api
from .assemble import doc_id_for
from .emit import make_folder, write_atomic
from .errors import InputError, PipelineError
from .extract.aliases import Aliases
from .extract.attachments import with_documents
from .load import HTML_SUFFIXES, load
from .load.links import ATTACHMENT_SUFFIXES, Attachment, is_attachment_file
from .model import Document

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
    ids = [_Candidates(p) for p in paths]
    files: dict[int, str] = {}  # real paths, looked up only for inputs whose ids meet

    def real(i: int) -> str:
        if i not in files:
            files[i] = paths[i] if paths[i] == "-" else os.path.realpath(paths[i])
        return files[i]

    while True:
        groups: dict[str, list[int]] = {}  # one pass per round, not every pair of inputs
        for i, cand in enumerate(ids):
            groups.setdefault(cand.current.casefold(), []).append(i)
        clashing = sorted(i for group in groups.values() if len(group) > 1 and len({real(j) for j in group}) > 1
                          for i in group)
        if not clashing:
            return [cand.current for cand in ids]
        stuck = [i for i in clashing if not ids[i].has_next()]
        if stuck:
            i = stuck[0]
            other = next(paths[j] for j in groups[ids[i].current.casefold()] if j != i)
            raise InputError(f"same doc id {ids[i].current} as {other}; rename one or ingest them separately",
                             paths[i])
        for i in clashing:
            ids[i].advance()


class _Candidates:
    """Ids for one path, from the plain file-name id (`a`) through its suffix (`a-txt`) to
    the one qualified by every folder (`2019-a-txt`), nearest folder first; the folders
    are read only if the first two clash."""

    def __init__(self, path: str):
        self.path = path
        if path == "-":
            self.ids = ["stdin"]
        else:
            name = os.path.basename(path)
            base = doc_id_for(name)
            suffix = _UNSAFE.sub("-", os.path.splitext(name)[1].lstrip(".")).strip("-")
            self.ids = [base] + ([f"{base}-{suffix}"] if suffix else [])
        self.plain = len(self.ids)
        self.folders: list[str] | None = None if path != "-" else []
        self.level = 0

    @property
    def current(self) -> str:
        return self.ids[self.level]

    def has_next(self) -> bool:
        if self.level + 1 < len(self.ids):
            return True
        if self.folders is None:
            self.folders = list(reversed(Path(os.path.abspath(self.path)).parent.parts[1:]))
        used = len(self.ids) - self.plain
        if used < len(self.folders):
            folder = self.folders[used]
            self.ids.append(f"{_UNSAFE.sub('-', folder).strip('-') or '-'}-{self.ids[-1]}")
            return True
        return False

    def advance(self) -> None:
        self.level += 1


def attachment_ids(paths: list[str], ids: list[str], read: Callable = map) -> tuple[list[str], dict[int, dict[int, str]]]:
    """Attachments read with their page: an input that a web page of the batch links as an
    attachment (`pipeline.load.links`) takes the page's id with `--attN`, N its place among
    the page's attachments (`notice` and `notice--att1`), unless another input has that id.

    Returns the ids and, per page index, {attachment number: doc id}. Pages are read for
    their links (`read(page_links, paths)`, a pool's `map` in a parallel batch) only when
    the batch holds a file of an attachment type.
    """
    candidates = [j for j, p in enumerate(paths) if p != "-" and Path(p).suffix.lower() in ATTACHMENT_SUFFIXES]
    if not candidates:
        return ids, {}
    pages = [i for i, p in enumerate(paths) if p != "-" and Path(p).suffix.lower() in HTML_SUFFIXES]
    ids, joins, taken = list(ids), {}, set()
    for i, found in zip(pages, read(page_links, [paths[i] for i in pages])):
        for attachment in found:
            j = next((j for j in candidates if j not in taken and is_attachment_file(attachment, paths[j])), None)
            family = f"{ids[i]}--att{attachment.number}"
            if j is None or any(k != j and other.casefold() == family.casefold() for k, other in enumerate(ids)):
                continue
            ids[j] = family
            taken.add(j)
            joins.setdefault(i, {})[attachment.number] = family
    return ids, joins


def page_links(path: str) -> tuple[Attachment, ...]:
    """The attachment links of a web page; none when it cannot be read (its own ingestion says why)."""
    try:
        return tuple(r for r in load(path).annotations if isinstance(r, Attachment))
    except Exception:  # a page that fails here fails again, reported, when it is ingested
        return ()


@dataclass(frozen=True)
class Rendered:
    """One file read, parsed, annotated and serialised: its document JSON (what `<doc_id>.json`
    holds) and summary line, or the one-line reason it failed."""

    path: str
    doc_id: str | None = None
    summary: str | None = None
    json: str | None = None
    error: str | None = None


def render_one(path: str, doc_id: str | None = None, aliases: Aliases | None = None,
               attachments: dict[int, str] | None = None) -> Rendered:
    """The per-file work, read -> parse -> annotate -> JSON, as a pure function of the file and
    the arguments (it writes nothing), so a pool or a cluster may run it anywhere the file can
    be read (`pipeline.cluster`); as `doc_id` when given, a page with the ids of its attachments
    read alongside. A `PipelineError` or a bug becomes a failed result."""
    try:
        doc = api.ingest_file(path, aliases)
        if doc_id is not None and doc_id != doc.doc_id:
            doc = replace(doc, doc_id=doc_id)
        if attachments:
            doc = with_documents(doc, attachments)
        return Rendered(path, doc.doc_id, api.summary(doc), api.document_json(doc))
    except PipelineError as exc:
        return Rendered(path, error=str(exc))
    except Exception as exc:  # a bug in one file must not sink the batch; it is reported as one
        return Rendered(path, error=f"{path}: internal error ({type(exc).__name__}: {exc})".splitlines()[0])


def write_one(rendered: Rendered, out_dir: str, folders: bool = False) -> Outcome:
    """Write a rendered document to `out_dir/<doc_id>.json` (`out_dir/<doc_id>/` with `folders`)."""
    if rendered.error is not None or rendered.doc_id is None or rendered.json is None:
        return Outcome(rendered.path, error=rendered.error)
    folder = Path(out_dir) / rendered.doc_id if folders else Path(out_dir)
    try:
        target = write_atomic(folder / f"{rendered.doc_id}.json", rendered.json)
    except PipelineError as exc:
        return Outcome(rendered.path, error=str(exc))
    return Outcome(rendered.path, rendered.doc_id, rendered.summary, str(target))


def ingest_one(path: str, out_dir: str, doc_id: str | None = None, aliases: Aliases | None = None,
               folders: bool = False, attachments: dict[int, str] | None = None) -> Outcome:
    """Ingest and write one file (`render_one`, then `write_one`); a failure is a failed outcome."""
    return write_one(render_one(path, doc_id, aliases, attachments), out_dir, folders)


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def run(paths: list[str], out_dir: str, jobs: int | None = None,
        progress: Callable[[Outcome], None] | None = None, aliases: Aliases | None = None,
        folders: bool = False, dask: str | None = None) -> list[Outcome]:
    """Ingest `paths` into `out_dir` with up to `jobs` processes; outcomes in input order.

    `aliases` (a user's table from `load_aliases`) goes to every worker; with `folders`
    each document goes into its own folder `out_dir/<doc_id>/`. With `dask` (a scheduler
    address) the files are rendered on that cluster (`render_one`) and written here, the
    same bytes as a local run. Raises `InputError` before any work when two inputs cannot
    get distinct ids or the cluster cannot be reached, and `OutputError` when `out_dir`
    cannot be created.
    """
    jobs = jobs or default_jobs()
    ids = doc_ids(paths)
    make_folder(out_dir)  # once, so an impossible folder is one error, not one per input
    results: dict[int, Outcome] = {}

    def done(index: int, outcome: Outcome) -> None:
        results[index] = outcome
        if progress:
            progress(outcome)

    pooled = [(i, p) for i, p in enumerate(paths) if p != "-"]
    if dask is not None:
        from .cluster import map_ordered

        ids, joins = attachment_ids(paths, ids)
        for i, p in enumerate(paths):
            if p == "-":
                done(i, ingest_one(p, out_dir, ids[i], aliases, folders))
        # workers elsewhere know nothing of this process's folder: they get absolute paths
        calls = [(os.path.abspath(p), ids[i], aliases, joins.get(i)) for i, p in pooled]
        rendered = map_ordered(dask, render_one, calls, _lost_render)
        for (i, p), result in zip(pooled, rendered):
            done(i, replace(write_one(result, out_dir, folders), path=p))
    elif jobs == 1 or len(pooled) <= 1:
        ids, joins = attachment_ids(paths, ids)
        for i, p in enumerate(paths):
            done(i, ingest_one(p, out_dir, ids[i], aliases, folders, joins.get(i)))
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed  # not on `policy --help`

        pool = ProcessPoolExecutor(max_workers=min(jobs, len(pooled)), initializer=_ignore_interrupts)
        try:
            ids, joins = attachment_ids(paths, ids, functools.partial(pool.map, chunksize=8))
            for i, p in enumerate(paths):
                if p == "-":
                    done(i, ingest_one(p, out_dir, ids[i], aliases, folders))
            futures = {pool.submit(ingest_one, p, out_dir, ids[i], aliases, folders, joins.get(i)): i
                       for i, p in pooled}
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


def _lost_render(call: tuple, exc: BaseException) -> Rendered:
    return Rendered(call[0], error=f"{call[0]}: worker process failed ({type(exc).__name__})")


def _lost_parse(call: tuple, exc: BaseException) -> tuple[None, str]:
    return None, f"{call[0]}: worker process failed ({type(exc).__name__})"


def parse_one(path: str, aliases: Aliases | None = None) -> tuple[Document | None, str | None]:
    """Ingest one file: the document, or None and the one-line reason it failed."""
    try:
        return api.ingest_file(path, aliases), None
    except PipelineError as exc:
        return None, str(exc)
    except Exception as exc:  # a bug in one file must not sink the batch; it is reported as one
        return None, f"{path}: internal error ({type(exc).__name__}: {exc})".splitlines()[0]


def ingest_many(paths: list[str], jobs: int | None = None, aliases: Aliases | None = None,
                dask: str | None = None) -> Iterator[tuple[str, Document | None, str | None]]:
    """Ingest `paths` in up to `jobs` processes (or on the Dask cluster at `dask`); yield
    (path, document, error) in input order, each as soon as it is parsed, for a single
    writer in this process (the library)."""
    if dask is not None and paths:
        from .cluster import map_ordered

        calls = [(os.path.abspath(p), aliases) for p in paths]  # as the workers elsewhere must see them
        for p, result in zip(paths, map_ordered(dask, parse_one, calls, _lost_parse)):
            yield (p, *result)
        return
    jobs = jobs or default_jobs()
    if jobs == 1 or len(paths) <= 1:
        for p in paths:
            yield (p, *parse_one(p, aliases))
        return
    from concurrent.futures import ProcessPoolExecutor  # not on `policy --help`

    pool = ProcessPoolExecutor(max_workers=min(jobs, len(paths)), initializer=_ignore_interrupts)
    try:
        futures = [pool.submit(parse_one, p, aliases) for p in paths]
        for p, future in zip(paths, futures):
            try:
                yield (p, *future.result())
            except Exception as exc:  # the worker process died (killed, out of memory)
                yield p, None, f"{p}: worker process failed ({type(exc).__name__})"
    finally:  # also when the writer stops early: pending files are not parsed for nothing
        pool.shutdown(wait=True, cancel_futures=True)
