"""Read a document JSON (as written by `policy ingest`) back into the model.

Layers come back typed: each record is rebuilt as the record type of its layer
(`record_types`, from the extractors in `pipeline.api`), so a document read from
JSON is the same object as the one that was written, and serializes to the same
bytes. A layer no extractor here knows is kept as plain dicts.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import SCHEMA_VERSION, Conversion, Document, Layer, Letter, Node, Source
from .records import from_json
from .validate import errors, schema_for
from .warnings import Finding

KNOWN = {"diff": "a diff report (`policy diff --format json`)",
         "feed-record": "a feed record (a line of `policy feed`)"}
WANTED = "give the document JSON written by `policy ingest`, or the source text"


def read_document(path: str | Path, record_types: Mapping[str, type] | None = None) -> Document:
    """Load and validate a document JSON file; anything else (a diff report, a feed, a JSON
    of another program, a document of another schema version) is refused saying what it is."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"not a readable document JSON ({exc})", str(path)) from None
    if Path(path).suffix.lower() == ".jsonl":
        first = next((line for line in raw.splitlines() if line.strip()), "")
        what = "a feed (JSON Lines from `policy feed`)" if _parses_as(first) == "feed-record" else "JSON Lines"
        raise InputError(f"this is {what}, not a document; {WANTED}", str(path))
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"not a readable document JSON ({exc})", str(path)) from None
    kind = schema_for(obj)
    if kind in KNOWN:
        raise InputError(f"this is {KNOWN[kind]}, not a document JSON; {WANTED}", str(path))
    if kind is None:
        raise InputError(f"a JSON file, but not a document written by `policy ingest` (it has no schema_version "
                         f"and root); {WANTED}", str(path))
    if obj.get("schema_version") != SCHEMA_VERSION:
        raise InputError(f"a document JSON of schema {obj.get('schema_version')}; this version of policy-pipeline "
                         f"reads {SCHEMA_VERSION}: run `policy ingest` on the source again", str(path))
    problems = list(errors(obj, "document"))
    if problems:
        raise InputError(f"not a valid document JSON: {problems[0]}", str(path))
    return document_from_dict(obj, record_types or {})


def _parses_as(line: str) -> str | None:
    try:
        return schema_for(json.loads(line))
    except json.JSONDecodeError:
        return None


def document_from_dict(obj: dict[str, Any], record_types: Mapping[str, type]) -> Document:
    src = obj["source"]
    source = Source(name=src["name"], format=src["format"], encoding=src["encoding"], sha256=src["sha256"],
                    text=obj["text"], metadata=tuple(src["metadata"].items()),
                    conversion=Conversion(**src["conversion"]) if src.get("conversion") else None)
    letter = None
    if obj["letter"]:
        lt = obj["letter"]
        letter = Letter(title=lt["title"], start=lt["start"], end=lt["end"], issuer=lt["issuer"], date=lt["date"],
                        addressee=lt["addressee"], deadline=lt["deadline"], deadline_text=lt["deadline_text"],
                        contact_name=lt["contact"]["name"], contact_phone=lt["contact"]["phone"],
                        feedback=tuple(lt["feedback"]))
    layers = {name: _layer(name, layer, record_types.get(name)) for name, layer in obj["layers"].items()}
    return Document(
        doc_id=obj["doc_id"], source=source, root=_node(obj["root"]), title=obj["title"], status=obj["status"],
        doc_number=obj["doc_number"], issuer=obj["issuer"], date=obj["date"], addressee=obj["addressee"],
        breadcrumb=tuple(obj["breadcrumb"]), letter=letter,
        warnings=tuple(from_json(Finding, w) for w in obj["warnings"]), layers=layers,
    )


def _layer(name: str, layer: dict[str, Any], record: type | None) -> Layer:
    read = (lambda d: from_json(record, d)) if record is not None else dict
    records = {node_id: tuple(read(d) for d in found) for node_id, found in layer["records"].items()}
    return Layer(name, records, tuple(from_json(Finding, w) for w in layer["warnings"]))


def _node(d: dict[str, Any]) -> Node:
    return Node(
        id=d["id"], kind=d["kind"], start=d["start"], end=d["end"], num=d["num"], ordinal=d["ordinal"],
        marker=d["marker"], title=d["title"], children=tuple(_node(c) for c in d["children"]),
        provenance=d["provenance"])
