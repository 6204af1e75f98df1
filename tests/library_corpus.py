"""The library of the corpus, built once per test process, and a canonical dump of a library.

The shared library is read-only for the tests that use it; a test that adds to a
library makes its own. `canonical` names everything by content hash and node id, so
two libraries built in different orders (different row ids) compare equal when they
hold the same policies, versions and changes.
"""
from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from functools import lru_cache
from pathlib import Path

from conftest import CORPUS, CORPUS_FILES, ingested

from pipeline.library.add import create
from pipeline.library.chains import read_chains

VERSIONS = CORPUS / "VERSIONS"


def chain_names() -> list[list[str]]:
    return read_chains(VERSIONS)


@lru_cache(maxsize=None)
def corpus_library() -> Path:
    """`policy build`'s library of the corpus (top-level files and VERSIONS)."""
    folder = Path(tempfile.mkdtemp(prefix="policy-library-"))
    atexit.register(shutil.rmtree, folder, True)
    path, added = create(folder / "policy.db", [(ingested(p.name), str(p)) for p in CORPUS_FILES], VERSIONS)
    assert all(a.ok for a in added), [a.message for a in added if not a.ok]
    return path


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def canonical(conn: sqlite3.Connection) -> dict:
    """Policies (each a tuple of content hashes, oldest first), and every change and field change
    keyed by the content hashes of its two versions and node ids: no row ids, no times."""
    h = dict(conn.execute("SELECT id, content_hash FROM documents"))
    node = dict(conn.execute("SELECT id, node_id FROM nodes"))
    policies = {}
    for (pid,) in conn.execute("SELECT id FROM policies"):
        versions = conn.execute("SELECT id, version FROM documents WHERE policy_id = ? ORDER BY version",
                                (pid,)).fetchall()
        assert [v["version"] for v in versions] == list(range(1, len(versions) + 1))
        policies[tuple(h[v["id"]] for v in versions)] = conn.execute(
            "SELECT title, versions FROM policies WHERE id = ?", (pid,)).fetchone()[:]
    changes = sorted(
        (h[r["old_document_id"]], h[r["new_document_id"]], r["seq"], r["level"], r["status"], r["renumbered"],
         r["moved"], r["similarity"], r["paired_by"], node.get(r["old_node"]), node.get(r["new_node"]), r["old_path"],
         r["new_path"], r["old_count"], r["new_count"], r["field_changes"])
        for r in conn.execute("SELECT * FROM changes"))
    fields = sorted(
        (h[r["old_document_id"]], h[r["new_document_id"]], r["seq"] if r["seq"] is not None else -1, r["field"],
         r["change"], r["label"] or "", r["old_value"] or "", r["new_value"] or "", r["keys"] or "")
        for r in conn.execute("SELECT f.*, c.seq FROM field_changes f LEFT JOIN changes c ON c.id = f.change_id"))
    parts = sorted((h[r["old_document_id"]], r["seq"], r["side"], r["position"], node[r["node"]])
                   for r in conn.execute("SELECT p.*, c.seq, c.old_document_id FROM change_parts p "
                                         "JOIN changes c ON c.id = p.change_id"))
    return {"policies": policies, "changes": changes, "fields": fields, "parts": parts}
