"""Declared version chains: a VERSIONS file says which files are versions of one text, oldest first.

One chain per line, file names relative to the VERSIONS file, `#` starts a comment:

    law-zhian-chufa-2012.txt law-zhian-chufa-draft2.txt law-zhian-chufa-2025.txt

A declaration is kept by content hash (`declared_versions`), so it holds whatever
path a file is added from, and before or after the file itself is added: its
documents are gathered into one policy, in the declared order.
"""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from ..errors import InputError
from . import versions


def read_chains(path: str | Path) -> list[list[str]]:
    """Version chains: one per line, file names oldest first, `#` starts a comment."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the versions file ({exc})", str(path)) from None
    chains = []
    for line in text.splitlines():
        names = line.split("#", 1)[0].split()
        if len(names) >= 2:
            chains.append(names)
    return chains


def declare(conn: sqlite3.Connection, path: str | Path, load: versions.Loader) -> list[str]:
    """Record the chains of a VERSIONS file and gather the documents already stored; the names not found."""
    folder = Path(path).parent
    missing: list[str] = []
    rows = []
    for names in read_chains(path):
        chain = " ".join(names)
        for position, name in enumerate(names):
            file = folder / name
            if not file.is_file():
                missing.append(name)
                continue
            rows.append((hashlib.sha256(file.read_bytes()).hexdigest(), chain, position, name))
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany("INSERT OR REPLACE INTO declared_versions (content_hash, chain, position, name) "
                         "VALUES (?, ?, ?, ?)", rows)
        for chain in dict.fromkeys(r[1] for r in rows):
            versions.merge_chain(conn, chain, load)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return missing
