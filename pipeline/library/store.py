"""Write one document into the library's tables, and read documents back.

`insert_document` writes the document row, every node (its own text, offsets,
parent), each layer's table, the warnings, the search index and the document
JSON (zlib-compressed, so a version can be diffed and shown again exactly). The
caller holds the transaction: a document is all there or not at all.
"""
from __future__ import annotations

import dataclasses
import json
import sqlite3
import zlib
from collections.abc import Iterator, Mapping
from datetime import datetime, timezone

from ..errors import InputError
from ..model import Document, Node
from ..model_io import document_from_dict
from .. import api
from . import families, search, tables


def insert_document(conn: sqlite3.Connection, doc: Document, policy_id: int, attached: str,
                    source_path: str | None) -> int:
    """Write `doc` as a version of `policy_id` (its number set later by `versions.renumber`); its row id."""
    letter = doc.letter
    date = doc.date or (letter.date if letter else None)
    row = {
        "policy_id": policy_id, "version": 0, "attached": attached, "doc_id": doc.doc_id, "title": doc.title,
        "status": doc.status, "doc_number": doc.doc_number, "issuer": doc.issuer or (letter.issuer if letter else None),
        "date": doc.date, "year": int(date[:4]) if date and date[:4].isdigit() else None, "addressee": doc.addressee,
        "letter_title": letter.title if letter else None, "letter_date": letter.date if letter else None,
        "comment_deadline": letter.deadline if letter else None,
        "deadline_text": letter.deadline_text if letter else None,
        "contact_name": letter.contact_name if letter else None,
        "contact_phone": letter.contact_phone if letter else None,
        "feedback": "\n".join(letter.feedback) if letter and letter.feedback else None,
        "source_path": source_path, "source_name": doc.source.name, "format": doc.source.format,
        "content_hash": doc.source.sha256, "family_key": families.family_key(families.stated_title(doc)), "chars": len(doc.text),
        "added_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    cur = conn.execute(f"INSERT INTO documents ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                       list(row.values()))
    doc_row = cur.lastrowid
    node_rows = _insert_nodes(conn, doc, doc_row)
    for name, layer in doc.layers.items():
        table = layer_table(name, layer)
        if table is None:
            continue
        tables.ensure(conn, table)
        tables.insert(conn, table, doc_row, [(node_rows[node_id], seq, record, None)
                                             for node_id in layer.records
                                             for seq, record in enumerate(layer.of(node_id))])
    _insert_warnings(conn, doc, doc_row, node_rows)
    blob = zlib.compress(json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8"), 6)
    conn.execute("INSERT INTO document_json (document_id, json) VALUES (?, ?)", (doc_row, blob))
    return doc_row


def layer_table(name: str, layer) -> tables.Table | None:
    """The table of a layer, from the type of its records (a layer of plain dicts has none)."""
    first = next(iter(layer.all()), None)
    if first is None or not dataclasses.is_dataclass(first):
        return None
    return tables.table_for(name, type(first))


def walk(doc: Document) -> Iterator[tuple[Node, Node | None, int, tuple[str, ...]]]:
    """Every node in document order with its parent, depth and path of numbers (二 （一） 1)."""
    def visit(node: Node, parent: Node | None, depth: int, path: tuple[str, ...]):
        here = path + ((node.num,) if node.num else ())
        yield node, parent, depth, here
        for child in node.children:
            yield from visit(child, node, depth + 1, here)
    yield from visit(doc.root, None, 0, ())


def _insert_nodes(conn: sqlite3.Connection, doc: Document, doc_row: int) -> dict[str, int]:
    first = (conn.execute("SELECT max(id) FROM nodes").fetchone()[0] or 0) + 1
    ids: dict[str, int] = {}
    rows, grams = [], []
    for position, (node, parent, depth, path) in enumerate(walk(doc)):
        ids[node.id] = first + position
        own = doc.text[node.start:node.own_end]
        rows.append((first + position, doc_row, node.id, ids[parent.id] if parent else None, position, depth,
                     node.kind, " ".join(path) or None, node.num, node.ordinal, node.title, own, node.start,
                     node.end, node.own_end, node.provenance))
        if own.strip():
            grams.append((first + position, search.grams(own)))
    conn.executemany("INSERT INTO nodes (id, document_id, node_id, parent, position, depth, kind, path, num, ordinal, "
                     "title, text, start, end, own_end, provenance) VALUES (" + ", ".join("?" * 16) + ")", rows)
    conn.executemany("INSERT INTO clauses_fts (rowid, grams) VALUES (?, ?)", grams)
    return ids


def _insert_warnings(conn: sqlite3.Connection, doc: Document, doc_row: int, node_rows: dict[str, int]) -> None:
    groups = [(None, doc.warnings)] + [(name, layer.warnings) for name, layer in doc.layers.items()]
    conn.executemany(
        "INSERT INTO warnings (document_id, node, layer, code, message, start, end) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(doc_row, node_rows[doc.index.owner(w.start, w.end).id], layer, w.code, w.message, w.start, w.end)
         for layer, found in groups for w in found])


def find_by_hash(conn: sqlite3.Connection, content_hash: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()


def load_document(conn: sqlite3.Connection, doc_row: int, record_types: Mapping[str, type] | None = None) -> Document:
    """The document stored as row `doc_row`, typed layers and all."""
    found = conn.execute("SELECT json FROM document_json WHERE document_id = ?", (doc_row,)).fetchone()
    if found is None:
        raise InputError(f"no document {doc_row} in the library")
    return document_from_dict(json.loads(zlib.decompress(found[0])), record_types or api.record_types())


def node_rows(conn: sqlite3.Connection, doc_row: int) -> dict[str, int]:
    """Node id (p2.a1.m3) -> row id in `nodes`, for one document."""
    return dict(conn.execute("SELECT node_id, id FROM nodes WHERE document_id = ?", (doc_row,)).fetchall())
