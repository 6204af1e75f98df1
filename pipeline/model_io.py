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
from .model import Document, Layer, Letter, Node, Source
from .records import from_json
from .validate import errors, schema_for
from .warnings import Finding

KNOWN = {"diff": "a diff report (`policy diff --format json`)",
         "feed-record": "a feed record (a line of `policy feed`)"}


def read_document(path: str | Path, record_types: Mapping[str, type] | None = None) -> Document:
    """Load and validate a document JSON file."""
    try:
        obj = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a readable document JSON ({exc})", str(path)) from None
    kind = schema_for(obj)
    if kind in KNOWN:
        raise InputError(f"this is {KNOWN[kind]}, not a document JSON", str(path))
    problems = list(errors(obj, "document"))
    if problems:
        raise InputError(f"not a policy document JSON: {problems[0]}", str(path))
    return document_from_dict(obj, record_types or {})


def document_from_dict(obj: dict[str, Any], record_types: Mapping[str, type]) -> Document:
    src = obj["source"]
    source = Source(name=src["name"], format=src["format"], encoding=src["encoding"], sha256=src["sha256"],
                    text=obj["text"], metadata=tuple(src["metadata"].items()))
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
