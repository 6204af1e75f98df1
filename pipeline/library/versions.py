"""A policy's versions in order, and the changes stored between each two successive ones.

`renumber` sorts a policy's documents (`families.order_key`), numbers them 1..n and
keeps `changes`, `change_parts`, `field_changes` and `field_change_details` equal to
the diffs of successive versions: pairs no longer successive are deleted, new ones
diffed and written. So the stored changes depend on which documents a policy holds,
never on the order they were added in. `move` and `merge_chain` re-attach documents.
"""
from __future__ import annotations

import sqlite3
from collections import OrderedDict
from itertools import pairwise
from typing import Any

from ..diff import diff
from ..diff.compare import DocumentDiff
from ..model import Document
from . import families, store, tables


class Loader:
    """Documents by row id, read from the library when needed, the last few kept, and their diffs.

    Only `KEEP` documents stay in memory (the ones most recently added or read: the
    neighbours a new version is compared with), so a batch of any size runs in bounded
    memory. `diffs` may hold diffs already computed (by content hash of old and new),
    which `diff` returns instead of computing them again (the main job diffs its chains once)."""

    KEEP = 8

    def __init__(self, conn: sqlite3.Connection, diffs: dict[tuple[str, str], DocumentDiff] | None = None):
        self.conn = conn
        self.docs: OrderedDict[int, Document] = OrderedDict()
        self.diffs = diffs or {}

    def remember(self, row: int, doc: Document) -> None:
        self.docs[row] = doc
        self.docs.move_to_end(row)
        while len(self.docs) > self.KEEP:
            self.docs.popitem(last=False)

    def __call__(self, row: int) -> Document:
        doc = self.docs.get(row)
        if doc is None:
            doc = store.load_document(self.conn, row)
        self.remember(row, doc)
        return doc

    def diff(self, old: int, new: int) -> DocumentDiff:
        a, b = self(old), self(new)
        return self.diffs.get((a.source.sha256, b.source.sha256)) or diff(a, b)


def ordered(conn: sqlite3.Connection, policy_id: int) -> list[sqlite3.Row]:
    """The policy's documents, oldest version first."""
    rows = conn.execute("SELECT d.*, v.position AS declared FROM documents d LEFT JOIN declared_versions v "
                        "ON v.content_hash = d.content_hash WHERE d.policy_id = ?", (policy_id,)).fetchall()
    return sorted(rows, key=families.order_key)


def new_policy(conn: sqlite3.Connection) -> int:
    return conn.execute("INSERT INTO policies (versions) VALUES (0)").lastrowid


def renumber(conn: sqlite3.Connection, policy_id: int, load: Loader) -> None:
    """Order and number the policy's versions; store the changes of each successive pair."""
    rows = ordered(conn, policy_id)
    if not rows:
        conn.execute("DELETE FROM policies WHERE id = ?", (policy_id,))
        return
    conn.executemany("UPDATE documents SET version = ? WHERE id = ?", [(k, r["id"]) for k, r in enumerate(rows, 1)])
    needed = [(a["id"], b["id"]) for a, b in pairwise(rows)]
    have = set(conn.execute("SELECT old_document_id, new_document_id FROM changes WHERE policy_id = ? UNION "
                            "SELECT old_document_id, new_document_id FROM field_changes WHERE policy_id = ?",
                            (policy_id, policy_id)).fetchall())
    have = {tuple(p) for p in have}
    for old, new in have - set(needed):
        _delete_pair(conn, old, new)
    for old, new in needed:
        if (old, new) not in have:
            write_diff(conn, policy_id, old, new, load.diff(old, new))
    latest = rows[-1]
    title = next((families.display_title(r["title"]) for r in reversed(rows) if r["family_key"]), None)
    conn.execute("UPDATE policies SET title = ?, issuer = ?, versions = ?, latest_document_id = ?, latest_date = ? "
                 "WHERE id = ?", (title or latest["doc_id"], latest["issuer"], len(rows), latest["id"],
                                  latest["date"] or latest["letter_date"], policy_id))


def _delete_pair(conn: sqlite3.Connection, old: int, new: int) -> None:
    pair = (old, new)
    conn.execute("DELETE FROM field_change_details WHERE field_change_id IN "
                 "(SELECT id FROM field_changes WHERE old_document_id = ? AND new_document_id = ?)", pair)
    conn.execute("DELETE FROM field_changes WHERE old_document_id = ? AND new_document_id = ?", pair)
    conn.execute("DELETE FROM change_parts WHERE change_id IN "
                 "(SELECT id FROM changes WHERE old_document_id = ? AND new_document_id = ?)", pair)
    conn.execute("DELETE FROM changes WHERE old_document_id = ? AND new_document_id = ?", pair)


def write_diff(conn: sqlite3.Connection, policy_id: int, old: int, new: int, d: DocumentDiff) -> None:
    """Store one diff: a row per entry (clause pair, added, deleted…), per extra unit of a split or
    merge, per field change and per differing key of a changed record."""
    old_nodes, new_nodes = store.node_rows(conn, old), store.node_rows(conn, new)
    for seq, c in enumerate(d.changes):
        o, n = (c.old[0] if c.old else None), (c.new[0] if c.new else None)
        cur = conn.execute(
            "INSERT INTO changes (policy_id, old_document_id, new_document_id, seq, level, status, renumbered, moved, "
            "similarity, paired_by, old_node, new_node, old_path, new_path, old_title, new_title, old_count, "
            "new_count, field_changes) VALUES (" + ", ".join("?" * 19) + ")",
            (policy_id, old, new, seq, c.level, c.status, int(c.renumbered), int(c.moved), round(c.similarity, 4),
             c.paired_by, old_nodes[o.node.id] if o else None, new_nodes[n.node.id] if n else None,
             " ".join(o.path) if o else None, " ".join(n.path) if n else None, o.node.title if o else None,
             n.node.title if n else None, len(c.old), len(c.new), len(c.fields)))
        if len(c.old) > 1 or len(c.new) > 1:
            conn.executemany("INSERT INTO change_parts (change_id, side, position, node) VALUES (?, ?, ?, ?)",
                             [(cur.lastrowid, side, k, nodes[u.node.id])
                              for side, units, nodes in (("old", c.old, old_nodes), ("new", c.new, new_nodes))
                              for k, u in enumerate(units)])
        _write_fields(conn, policy_id, old, new, cur.lastrowid, c.fields)
    _write_fields(conn, policy_id, old, new, None, d.fields)


def _write_fields(conn: sqlite3.Connection, policy_id: int, old: int, new: int, change_id: int | None,
                  fields) -> None:
    for f in fields:
        cur = conn.execute(
            "INSERT INTO field_changes (policy_id, old_document_id, new_document_id, change_id, field, change, label, "
            "old_value, new_value, keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (policy_id, old, new, change_id, f.field, f.change, f.label, plain(f.old), plain(f.new),
             ", ".join(k for k, _, _ in f.details) or None))
        conn.executemany("INSERT INTO field_change_details (field_change_id, key, old_value, new_value) "
                         "VALUES (?, ?, ?, ?)", [(cur.lastrowid, k, plain(a), plain(b)) for k, a, b in f.details])


def plain(value: Any) -> str | None:
    """A field value as text: a record by its label (text, name…), a list one item a line."""
    if value is None:
        return None
    if isinstance(value, dict):
        return tables.label(value)
    if isinstance(value, (list, tuple)):
        return "\n".join(plain(v) or "" for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def move(conn: sqlite3.Connection, doc_row: int, policy_id: int, how: str, load: Loader) -> None:
    """Make a stored document a version of another policy; both policies renumbered."""
    old_policy = conn.execute("SELECT policy_id FROM documents WHERE id = ?", (doc_row,)).fetchone()[0]
    if old_policy == policy_id:
        return
    conn.execute("UPDATE documents SET policy_id = ?, attached = ? WHERE id = ?", (policy_id, how, doc_row))
    for table in ("changes", "field_changes"):
        conn.execute(f"UPDATE {table} SET policy_id = ? WHERE old_document_id = ? OR new_document_id = ?",
                     (policy_id, doc_row, doc_row))
    renumber(conn, policy_id, load)
    renumber(conn, old_policy, load)


def merge_chain(conn: sqlite3.Connection, chain: str, load: Loader) -> None:
    """Gather the stored documents of a declared chain into one policy (that of its earliest member)."""
    members = conn.execute("SELECT d.id, d.policy_id FROM documents d JOIN declared_versions v "
                           "ON v.content_hash = d.content_hash WHERE v.chain = ? ORDER BY v.position",
                           (chain,)).fetchall()
    if not members:
        return
    target = members[0]["policy_id"]
    for m in members[1:]:
        if m["policy_id"] != target:
            move(conn, m["id"], target, "declared", load)
    renumber(conn, target, load)


def step_counts(conn: sqlite3.Connection, doc_row: int) -> dict[str, int]:
    """The changes from the previous version to this one, counted as the `history` view does."""
    row = conn.execute("SELECT modified, added, deleted, renumbered, money_changes FROM history "
                       "WHERE document_id = ?", (doc_row,)).fetchone()
    return dict(row) if row else {}


def step_summary(conn: sqlite3.Connection, doc_row: int) -> str:
    """`12 modified, 2 added, 1 deleted, 3 money changes` for the step into version `doc_row`."""
    c = step_counts(conn, doc_row)
    return (f"{c['modified']} modified, {c['added']} added, {c['deleted']} deleted, "
            f"{c['money_changes']} money change{'s' if c['money_changes'] != 1 else ''}")
