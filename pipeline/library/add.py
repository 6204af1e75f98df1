"""`policy add`: ingest files into the library, in parallel, with one writer.

Each input is hashed first: content already in the library is a no-op (or, with
`version_of`, a move to that policy). The rest are parsed in worker processes
(`batch.ingest_many`) and written here in input order, each document in its own
transaction together with its place among its policy's versions and the changes
from its neighbours, so an interrupted batch leaves only whole documents and the
next run completes it. A file that fails is reported and the batch goes on.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import api, batch
from ..errors import InputError, PipelineError
from ..extract.aliases import Aliases
from ..load import load_bytes
from ..model import Document
from . import chains, families, schema, store, versions


@dataclass(frozen=True)
class Added:
    """What became of one input: `added`, `unchanged`, `moved` or `failed`, and a line saying so."""

    path: str
    status: str
    message: str
    document_id: int | None = None
    policy_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.status != "failed"


@dataclass(frozen=True, slots=True)
class Written:
    """A document already written as JSON (by the main job): its content hash, the JSON file it is
    read back from when its turn comes (so a library of any size is built without holding every
    document in memory) and its source's name."""

    sha256: str
    path: str
    name: str

    def read(self) -> Document:
        return api.load_document(self.path)


def _sha256(doc: Document | Written) -> str:
    return doc.sha256 if isinstance(doc, Written) else doc.source.sha256


@dataclass(frozen=True)
class Placement:
    """The policy a new document joins (None: a new one), how it was chosen, and the rivals."""

    policy_id: int | None
    how: str  # version-of | declared | family | new | ambiguous
    candidates: tuple[int, ...] = ()


def add(db: str | Path, paths: Iterable[str | Path], jobs: int | None = None, version_of: int | None = None,
        declared: str | Path | None = None, aliases: Aliases | None = None,
        progress: Callable[[Added], None] | None = None, dask: str | None = None) -> list[Added]:
    """Add files (or folders, or `-`) to the library at `db`; one `Added` per input, in input order.

    With `dask` (a scheduler address) the files are parsed on that Dask cluster.
    `version_of` attaches every input to that policy; `declared` is a VERSIONS file
    (one chain of file names a line, oldest first) whose order overrides dates.
    """
    inputs = [i.path for i in api.expand_inputs(paths) if not i.skipped]
    conn = schema.connect(db)
    try:
        if version_of is not None and not conn.execute("SELECT 1 FROM policies WHERE id = ?", (version_of,)).fetchone():
            raise InputError(f"no policy {version_of} in the library {db}")
        load = versions.Loader(conn)
        missing = chains.declare(conn, declared, load) if declared is not None else []
        out = [Added(name, "failed", f"{declared}: names {name}, which is not there") for name in missing]
        for added in out:
            if progress:
                progress(added)
        return out + list(_run(conn, inputs, jobs, version_of, aliases, load, progress, dask))
    finally:
        conn.close()


def create(target: str | Path, docs: Sequence[tuple[Document | Written, str | None]],
           declared: str | Path | None = None, diffs: dict | None = None) -> tuple[Path, list[Added]]:
    """A new library at `target` holding `docs` (ingested, or `Written` to be read one at a time,
    with their source paths), built aside and renamed into place: what `policy build` writes. `diffs` are diffs already computed
    (`versions.Loader`). Declared chains are added in their order, so no diff is made twice.
    The file aside is not synced after each document (it is thrown away if anything fails),
    only once before the rename."""
    target = Path(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        conn = schema.connect(tmp)
        conn.execute("PRAGMA synchronous = OFF")
        try:
            load = versions.Loader(conn, diffs)
            missing = chains.declare(conn, declared, load) if declared is not None else []
            place_of = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT content_hash, chain, position "
                                                                 "FROM declared_versions")}
            ordered = sorted(docs, key=lambda d: (_sha256(d[0]) not in place_of,
                                                  place_of.get(_sha256(d[0]), ("", 0))))
            out = [Added(name, "failed", f"{declared}: names {name}, which is not there") for name in missing]
            out += add_documents(conn, ordered, load=load)
        finally:
            conn.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target, out


def add_documents(conn: sqlite3.Connection, docs: Iterable[tuple[Document | Written, str | None]],
                  version_of: int | None = None, load: versions.Loader | None = None) -> list[Added]:
    """Add documents already ingested (or written; with their source paths), in order, each in one
    transaction; a written one is read only when it is not in the library yet."""
    load = load or versions.Loader(conn)
    out = []
    for doc, path in docs:
        known = store.find_by_hash(conn, _sha256(doc))
        if known:
            out.append(_known(conn, known, path or _name(doc), version_of, load))
        else:
            out.append(_safely(conn, doc.read() if isinstance(doc, Written) else doc, path, version_of, load))
    return out


def _name(doc: Document | Written) -> str:
    return doc.name if isinstance(doc, Written) else doc.source.name


def _run(conn, inputs: list[str], jobs, version_of, aliases, load, progress, dask=None):
    def report(added: Added) -> Added:
        if progress:
            progress(added)
        return added

    todo: list[str] = []
    stdin: bytes | None = None
    seen: dict[str, str] = {}
    results: dict[int, Added] = {}
    for k, path in enumerate(inputs):
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        except OSError as exc:
            results[k] = Added(path, "failed", f"{path}: cannot read ({exc.strerror})")
            continue
        digest = hashlib.sha256(data).hexdigest()
        if path == "-":
            stdin = data
        known = store.find_by_hash(conn, digest)
        if known:
            results[k] = _known(conn, known, path, version_of, load)
        elif digest in seen:
            results[k] = Added(path, "unchanged", f"{path}: same content as {seen[digest]}")
        else:
            seen[digest] = path
            todo.append(path)
    parsed = _parsed(todo, stdin, jobs, aliases, dask)
    for k, path in enumerate(inputs):
        if k in results:
            yield report(results[k])
            continue
        _, doc, error = next(parsed)
        if doc is None:
            yield report(Added(path, "failed", error or f"{path}: failed"))
            continue
        yield report(_safely(conn, doc, None if path == "-" else path, version_of, load, path))


def _parsed(paths: list[str], stdin: bytes | None, jobs, aliases, dask: str | None = None):
    """(path, document, error) for each of `paths` in order; standard input parsed here."""
    files = batch.ingest_many([p for p in paths if p != "-"], jobs, aliases, dask)
    for path in paths:
        if path != "-":
            yield next(files)
            continue
        try:
            yield "-", api.ingest_source(load_bytes(stdin or b"", "stdin"), aliases), None
        except PipelineError as exc:
            yield "-", None, str(exc)


def _safely(conn, doc: Document, path: str | None, version_of, load, shown: str | None = None) -> Added:
    """`write`, a failure (a bug too: one document must not sink the batch) reported as one."""
    shown = shown or path or doc.source.name
    try:
        return write(conn, doc, path, version_of, load)
    except PipelineError as exc:
        return Added(shown, "failed", str(exc))
    except Exception as exc:
        return Added(shown, "failed", f"{shown}: internal error ({type(exc).__name__}: {exc})".splitlines()[0])


def _known(conn, row: sqlite3.Row, path: str, version_of: int | None, load: versions.Loader) -> Added:
    if version_of is not None and row["policy_id"] != version_of:
        _in_transaction(conn, lambda: versions.move(conn, row["id"], version_of, "version-of", load))
        return Added(path, "moved", f"moved {row['id']}: {_where(conn, row['id'])}", row["id"], version_of)
    return Added(path, "unchanged", f"unchanged: {path} is document {row['id']} ({_where(conn, row['id'])})",
                 row["id"], row["policy_id"])


def write(conn: sqlite3.Connection, doc: Document, path: str | None, version_of: int | None,
          load: versions.Loader) -> Added:
    """Store one new document as a version of its policy, in one transaction; the line saying what happened."""
    def work() -> Added:
        placement = place(conn, doc, version_of)
        policy = placement.policy_id if placement.policy_id is not None else versions.new_policy(conn)
        row = store.insert_document(conn, doc, policy, placement.how, path)
        load.remember(row, doc)
        if placement.how == "declared":
            chain = conn.execute("SELECT chain FROM declared_versions WHERE content_hash = ?",
                                 (doc.source.sha256,)).fetchone()[0]
            versions.merge_chain(conn, chain, load)
        versions.renumber(conn, policy, load)
        policy = conn.execute("SELECT policy_id FROM documents WHERE id = ?", (row,)).fetchone()[0]
        return Added(path or doc.source.name, "added", f"added {row}: {_news(conn, row, placement)}", row, policy)

    return _in_transaction(conn, work)


def _in_transaction(conn: sqlite3.Connection, work):
    conn.execute("BEGIN IMMEDIATE")
    try:
        out = work()
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return out


def place(conn: sqlite3.Connection, doc: Document, version_of: int | None) -> Placement:
    """Where a new document goes: the policy named, its declared chain's, its family's, or a new one."""
    if version_of is not None:
        return Placement(version_of, "version-of")
    chain = conn.execute("SELECT chain FROM declared_versions WHERE content_hash = ?", (doc.source.sha256,)).fetchone()
    if chain:
        found = conn.execute("SELECT d.policy_id FROM documents d JOIN declared_versions v ON v.content_hash = "
                             "d.content_hash WHERE v.chain = ? ORDER BY v.position LIMIT 1", (chain[0],)).fetchone()
        return Placement(found[0] if found else None, "declared")
    key = families.family_key(families.stated_title(doc))
    if key is None:
        return Placement(None, "new")
    issuer = doc.issuer or (doc.letter.issuer if doc.letter else None)
    candidates = []
    for (policy,) in conn.execute("SELECT DISTINCT policy_id FROM documents WHERE family_key = ? ORDER BY policy_id",
                                  (key,)).fetchall():
        issuers = [r[0] for r in conn.execute("SELECT issuer FROM documents WHERE policy_id = ?", (policy,))]
        if all(families.compatible(issuer, other) for other in issuers):
            candidates.append(policy)
    if len(candidates) == 1:
        return Placement(candidates[0], "family")
    return Placement(None, "ambiguous" if candidates else "new", tuple(candidates))


def _where(conn, doc_row: int) -> str:
    r = conn.execute("SELECT d.version, p.versions, p.title, p.id FROM documents d JOIN policies p "
                     "ON p.id = d.policy_id WHERE d.id = ?", (doc_row,)).fetchone()
    return f"version {r['version']}/{r['versions']} of policy {r['id']} {r['title']}"


def _news(conn, doc_row: int, placement: Placement) -> str:
    r = conn.execute("SELECT d.version, p.versions, p.title, p.id FROM documents d JOIN policies p "
                     "ON p.id = d.policy_id WHERE d.id = ?", (doc_row,)).fetchone()
    version, count, title = r["version"], r["versions"], r["title"]
    if count == 1:
        line = f"new policy {r['id']} {title}"
        if placement.how == "ambiguous":
            rivals = ", ".join(f"{p} ({_title(conn, p)})" for p in placement.candidates)
            line += (f" — ambiguous: its title and issuer match policies {rivals}; "
                     f"add it again with --version-of ID to attach it")
        return line
    if version == 1:
        nxt = conn.execute("SELECT id FROM documents WHERE policy_id = ? AND version = 2", (r["id"],)).fetchone()[0]
        return f"earlier version of {title} (1/{count}), then version 2: {versions.step_summary(conn, nxt)}"
    which = "new version" if version == count else "version"
    return f"{which} of {title} ({version}/{count}): {versions.step_summary(conn, doc_row)}"


def _title(conn, policy_id: int) -> str:
    return conn.execute("SELECT title FROM policies WHERE id = ?", (policy_id,)).fetchone()[0]
