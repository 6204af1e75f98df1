"""The library's fixed tables, its schema version (`PRAGMA user_version`) and migrations.

The tables hold plain values only (no JSON to unpack): one row per policy,
document, node, warning, change and field change. The annotation layers' tables
are made from their record types (`tables`); this module owns the rest.
`connect` opens a library, creating it or migrating it forward in one
transaction; a file that is not a library, or one made by a newer version of
the tool, is refused with one line.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from ..errors import InputError
from . import tables

APPLICATION_ID = 0x506F6C69  # "Poli": marks the file as a policy library
SCHEMA_VERSION = 1

_V1 = """
CREATE TABLE policies (
    id INTEGER PRIMARY KEY,
    title TEXT,
    issuer TEXT,
    versions INTEGER NOT NULL DEFAULT 0,
    latest_document_id INTEGER REFERENCES documents(id),
    latest_date TEXT
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    policy_id INTEGER NOT NULL REFERENCES policies(id),
    version INTEGER NOT NULL,
    attached TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    title TEXT,
    status TEXT,
    doc_number TEXT,
    issuer TEXT,
    date TEXT,
    year INTEGER,
    addressee TEXT,
    letter_title TEXT,
    letter_date TEXT,
    comment_deadline TEXT,
    deadline_text TEXT,
    contact_name TEXT,
    contact_phone TEXT,
    feedback TEXT,
    source_path TEXT,
    source_name TEXT NOT NULL,
    format TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    family_key TEXT,
    chars INTEGER NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX documents_policy ON documents(policy_id, version);
CREATE INDEX documents_family ON documents(family_key);
CREATE TABLE nodes (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    node_id TEXT NOT NULL,
    parent INTEGER REFERENCES nodes(id),
    position INTEGER NOT NULL,
    depth INTEGER NOT NULL,
    kind TEXT NOT NULL,
    path TEXT,
    num TEXT,
    ordinal INTEGER,
    title TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    own_end INTEGER NOT NULL,
    provenance TEXT,
    UNIQUE (document_id, node_id)
);
CREATE INDEX nodes_parent ON nodes(parent);
CREATE TABLE warnings (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    node INTEGER REFERENCES nodes(id),
    layer TEXT,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX warnings_document ON warnings(document_id);
CREATE TABLE changes (
    id INTEGER PRIMARY KEY,
    policy_id INTEGER NOT NULL REFERENCES policies(id),
    old_document_id INTEGER NOT NULL REFERENCES documents(id),
    new_document_id INTEGER NOT NULL REFERENCES documents(id),
    seq INTEGER NOT NULL,
    level TEXT NOT NULL,
    status TEXT NOT NULL,
    renumbered INTEGER NOT NULL,
    moved INTEGER NOT NULL,
    similarity REAL NOT NULL,
    paired_by TEXT,
    old_node INTEGER REFERENCES nodes(id),
    new_node INTEGER REFERENCES nodes(id),
    old_path TEXT,
    new_path TEXT,
    old_title TEXT,
    new_title TEXT,
    old_count INTEGER NOT NULL,
    new_count INTEGER NOT NULL,
    field_changes INTEGER NOT NULL
);
CREATE INDEX changes_new ON changes(new_document_id);
CREATE INDEX changes_old ON changes(old_document_id);
CREATE TABLE change_parts (
    change_id INTEGER NOT NULL REFERENCES changes(id),
    side TEXT NOT NULL,
    position INTEGER NOT NULL,
    node INTEGER NOT NULL REFERENCES nodes(id)
);
CREATE INDEX change_parts_change ON change_parts(change_id);
CREATE TABLE field_changes (
    id INTEGER PRIMARY KEY,
    policy_id INTEGER NOT NULL REFERENCES policies(id),
    old_document_id INTEGER NOT NULL REFERENCES documents(id),
    new_document_id INTEGER NOT NULL REFERENCES documents(id),
    change_id INTEGER REFERENCES changes(id),
    field TEXT NOT NULL,
    change TEXT NOT NULL,
    label TEXT,
    old_value TEXT,
    new_value TEXT,
    keys TEXT
);
CREATE INDEX field_changes_new ON field_changes(new_document_id);
CREATE INDEX field_changes_change ON field_changes(change_id);
CREATE TABLE field_change_details (
    field_change_id INTEGER NOT NULL REFERENCES field_changes(id),
    key TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX field_change_details_change ON field_change_details(field_change_id);
CREATE TABLE declared_versions (
    content_hash TEXT PRIMARY KEY,
    chain TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL
);
CREATE TABLE document_json (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id),
    json BLOB NOT NULL
);
CREATE VIRTUAL TABLE clauses_fts USING fts5(grams, content='', tokenize='unicode61 remove_diacritics 0');
CREATE VIEW history AS
SELECT d.policy_id, p.title AS policy, d.version, p.versions, d.id AS document_id, d.title, d.status,
       coalesce(d.date, d.letter_date) AS date,
       d.issuer, d.source_name,
       (SELECT count(*) FROM changes c WHERE c.new_document_id = d.id AND c.level = 'clause'
          AND c.status = 'modified') AS modified,
       (SELECT count(*) FROM changes c WHERE c.new_document_id = d.id AND c.level = 'clause'
          AND c.status = 'added') AS added,
       (SELECT count(*) FROM changes c WHERE c.new_document_id = d.id AND c.level = 'clause'
          AND c.status = 'deleted') AS deleted,
       (SELECT count(*) FROM changes c WHERE c.new_document_id = d.id AND c.level = 'clause'
          AND c.renumbered) AS renumbered,
       (SELECT count(*) FROM field_changes f WHERE f.new_document_id = d.id AND f.field = 'money') AS money_changes
FROM documents d JOIN policies p ON p.id = d.policy_id;
"""

_LEADS = """CREATE VIEW IF NOT EXISTS leads AS
SELECT r.lead_normalized AS unit, r.lead AS unit_name, r.document_id, coalesce(d.title, d.doc_id) AS document,
       d.issuer, d.year, r.node, n.path, n.title AS clause, r.deadline
FROM responsibilities r JOIN documents d ON d.id = r.document_id JOIN nodes n ON n.id = r.node
WHERE r.lead_normalized IS NOT NULL AND (r.unit_seq IS NULL OR r.unit_seq = 0)"""


# Migration k takes a library at user_version k to k + 1.
MIGRATIONS: tuple[str, ...] = (_V1,)


def connect(path: str | Path, create: bool = True) -> sqlite3.Connection:
    """Open the library at `path` (autocommit: callers open their own transactions),
    creating it or migrating it to `SCHEMA_VERSION` first."""
    p = Path(path)
    if not p.exists() and not create:
        raise InputError("no policy library here (add documents with `policy add`)", str(path))
    if p.exists() and p.is_dir():
        raise InputError("is a folder, not a policy library", str(path))
    conn = sqlite3.connect(p, isolation_level=None, timeout=60)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        _migrate(conn, str(path))
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise InputError(f"not a policy library ({exc})", str(path)) from None
    except InputError:
        conn.close()
        raise
    return conn


def _migrate(conn: sqlite3.Connection, path: str) -> None:
    """Check the file is a library of this schema, creating or migrating it (one transaction) if need be."""
    if _current(conn, path):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if not _current(conn, path):
            for step in MIGRATIONS[version:]:
                for statement in _statements(step):
                    conn.execute(statement)
            _layer_tables(conn)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _current(conn: sqlite3.Connection, path: str) -> bool:
    """True for a library of this schema; False for an empty file or an older library; else refused."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    app = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise InputError(f"library schema {version} is newer than this tool's ({SCHEMA_VERSION}): upgrade it", path)
    if (version == 0 and tables) or (version and app != APPLICATION_ID):
        raise InputError("an SQLite file that is not a policy library", path)
    return version == SCHEMA_VERSION


def _layer_tables(conn: sqlite3.Connection) -> None:
    """The tables of the built-in extractors' layers (so queries work on an empty library), and
    the `leads` view over the notes. A layer that appears later gets its table when first written."""
    from .. import api

    for extractor in api.extractors():
        tables.ensure(conn, tables.table_for(extractor.name, extractor.record))
    conn.execute(_LEADS)


def _statements(script: str) -> list[str]:
    """Split a migration into statements (sqlite3's `executescript` would commit midway)."""
    out, current = [], []
    for line in script.strip().splitlines():
        current.append(line)
        if sqlite3.complete_statement("\n".join(current)):
            out.append("\n".join(current))
            current = []
    return out


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection (the web pages): rows by name, nothing migrated or created."""
    conn = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn
