"""Find a policy or a document in the library by id or title, and list a policy's versions."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ..errors import InputError


@dataclass(frozen=True)
class Version:
    """One version of a policy, with the changes from the version before it (clauses)."""

    version: int
    document_id: int
    title: str | None
    status: str | None
    date: str | None
    source_name: str
    modified: int
    added: int
    deleted: int
    renumbered: int
    money_changes: int


@dataclass(frozen=True)
class History:
    policy_id: int
    title: str
    versions: tuple[Version, ...]


def resolve_policy(conn: sqlite3.Connection, ref: str) -> int:
    """A policy by its id, or by part of its title (or of any of its versions' titles or file names)."""
    if ref.isdigit():
        if conn.execute("SELECT 1 FROM policies WHERE id = ?", (int(ref),)).fetchone():
            return int(ref)
        raise InputError(f"no policy {ref} in the library")
    found = conn.execute("SELECT DISTINCT p.id, p.title FROM policies p JOIN documents d ON d.policy_id = p.id "
                         "WHERE p.title LIKE ?1 OR d.title LIKE ?1 OR d.source_name LIKE ?1 ORDER BY p.id",
                         (f"%{ref}%",)).fetchall()
    if not found:
        raise InputError(f"no policy titled like {ref!r} in the library")
    if len(found) > 1:
        names = "; ".join(f"{r['id']} {r['title']}" for r in found[:8]) + ("; …" if len(found) > 8 else "")
        raise InputError(f"{len(found)} policies match {ref!r}: {names} (give the id)")
    return found[0]["id"]


def resolve_document(conn: sqlite3.Connection, ref: str | int) -> int:
    """A document by its library id."""
    if str(ref).isdigit() and conn.execute("SELECT 1 FROM documents WHERE id = ?", (int(ref),)).fetchone():
        return int(ref)
    raise InputError(f"no document {ref} in the library")


def history(conn: sqlite3.Connection, policy_id: int) -> History:
    """The versions of a policy, oldest first."""
    title = conn.execute("SELECT title FROM policies WHERE id = ?", (policy_id,)).fetchone()[0]
    rows = conn.execute("SELECT version, document_id, title, status, date, source_name, modified, added, deleted, "
                        "renumbered, money_changes FROM history WHERE policy_id = ? ORDER BY version",
                        (policy_id,)).fetchall()
    return History(policy_id, title, tuple(Version(**dict(r)) for r in rows))


def previous(conn: sqlite3.Connection, doc_row: int) -> int | None:
    """The version before this document in its policy, if any."""
    row = conn.execute("SELECT p.id FROM documents d JOIN documents p ON p.policy_id = d.policy_id "
                       "AND p.version = d.version - 1 WHERE d.id = ?", (doc_row,)).fetchone()
    return row[0] if row else None
