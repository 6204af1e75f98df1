"""The JSON contracts in `schemas/`, built from the declarations they describe.

`defs.schema.json` (node kinds, warnings, every layer's record types),
`document.schema.json` and `feed-record.schema.json` come from the record
dataclasses of the extractors (`pipeline.records.schema`), the node kinds and
the warning record; `policy schemas -o DIR` writes them, and a test keeps the
committed files current. A layer no schema names (a user's own extractor) is
still checked: its records need integer `start`/`end`.
The diff's schema is written by hand (`schemas/diff.schema.json`).
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .kinds import NODE_KINDS
from .model import SCHEMA_VERSION
from .records import def_name, nested, schema
from .warnings import Finding

BASE = "https://policy-pipeline.org/schemas/"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
DEFS = "defs.schema.json#/$defs/"
OFFSET = {"$ref": DEFS + "offset"}
NULLABLE_STRING = {"type": ["string", "null"]}

Layers = Sequence[tuple[str, type]]


def render(layers: Layers) -> dict[str, dict[str, Any]]:
    """File name -> schema, for the layers `(name, record type)` in order."""
    return {
        "defs.schema.json": defs_schema(layers),
        "document.schema.json": document_schema(layers),
        "feed-record.schema.json": feed_record_schema(layers),
    }


def _head(name: str, title: str, description: str | None = None) -> dict[str, Any]:
    head = {"$schema": DRAFT, "$id": BASE + name, "$comment": f"schema version {SCHEMA_VERSION}", "title": title}
    return {**head, "description": description} if description else head


def defs_schema(layers: Layers) -> dict[str, Any]:
    records: dict[str, Any] = {}
    for _, record in layers:
        for cls in nested(record):
            records.setdefault(def_name(cls), schema(cls))
    layer_defs = {f"{name}_layer": _layer_schema(f"#/$defs/{def_name(record)}") for name, record in layers}
    return {
        **_head("defs.schema.json", "Shared definitions of policy-pipeline JSON"),
        "$defs": {
            "offset": {"type": "integer", "minimum": 0},
            "node_kind": {"enum": list(NODE_KINDS)},
            "warning": schema(Finding),
            "any_record": {
                "description": "A record of a layer this schema does not name (a user's own extractor): "
                               "an object with its span.",
                "type": "object",
                "required": ["start", "end"],
                "properties": {"start": {"$ref": "#/$defs/offset"}, "end": {"$ref": "#/$defs/offset"}},
            },
            "any_layer": _layer_schema("#/$defs/any_record"),
            **layer_defs,
            **records,
        },
    }


def _layer_schema(item_ref: str) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["records", "warnings"],
        "properties": {
            "records": {
                "description": "Node id -> the node's records, nodes in document order.",
                "type": "object",
                "additionalProperties": {"type": "array", "minItems": 1, "items": {"$ref": item_ref}},
            },
            "warnings": {"type": "array", "items": {"$ref": "#/$defs/warning"}},
        },
    }


def document_schema(layers: Layers) -> dict[str, Any]:
    return {
        **_head("document.schema.json", "An ingested policy document",
                "Written by `policy ingest`. `text` is the source text every offset points into: the decoded text "
                "for text files, the extracted text for HTML/DOCX/PDF. The node tree is lossless: the root covers "
                "[0, len(text)), children tile a suffix of their parent, and the parent's own text is the prefix "
                "before its first child. Annotations sit beside the tree in `layers`: one per extractor, records "
                "keyed by node id."),
        "type": "object",
        "additionalProperties": False,
        "required": ["schema_version", "doc_id", "source", "title", "status", "doc_number", "issuer", "date",
                     "addressee", "breadcrumb", "letter", "warnings", "layers", "text", "root"],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "doc_id": {"type": "string", "pattern": "^[^\\s/\\\\]+$",
                       "description": "from the file name: no whitespace or path separators (written portably: "
                                      "ECMA and Python regex agree)"},
            "source": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "format", "encoding", "sha256", "metadata"],
                "properties": {
                    "name": {"type": "string"},
                    "format": {"enum": ["text", "html", "docx", "pdf", "doc", "wps", "rtf", "odt"],
                               "description": "the format of the file given; doc, wps, rtf and odt are read "
                                              "through a conversion"},
                    "encoding": {"type": "string"},
                    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "of the file given"},
                    "metadata": {"type": "object", "additionalProperties": {"type": "string"}},
                    "conversion": _conversion(),
                },
            },
            "title": NULLABLE_STRING,
            "status": {**NULLABLE_STRING, "description": "征求意见稿, 送审稿, 草案, 试行, … or null for a final text"},
            "doc_number": NULLABLE_STRING,
            "issuer": NULLABLE_STRING,
            "date": {**NULLABLE_STRING, "format": "date"},
            "addressee": NULLABLE_STRING,
            "breadcrumb": {"type": "array", "items": {"type": "string"}},
            "letter": {"oneOf": [{"type": "null"}, _letter()]},
            "warnings": {"description": "The structure's warnings (numbering); each layer holds its own.",
                         "type": "array", "items": {"$ref": DEFS + "warning"}},
            "layers": {
                "description": "One layer per extractor, in the order they ran.",
                "type": "object",
                "properties": {name: {"$ref": DEFS + f"{name}_layer"} for name, _ in layers},
                "additionalProperties": {"$ref": DEFS + "any_layer"},
            },
            "text": {"type": "string"},
            "root": {"$ref": "#/$defs/node"},
        },
        "$defs": {
            "node": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "kind", "num", "ordinal", "marker", "title", "start", "end", "provenance",
                             "children"],
                "properties": {
                    "id": {"type": "string", "minLength": 1},
                    "kind": {"$ref": DEFS + "node_kind"},
                    "num": NULLABLE_STRING,
                    "ordinal": {"type": ["integer", "null"], "minimum": 0},
                    "marker": NULLABLE_STRING,
                    "title": NULLABLE_STRING,
                    "start": OFFSET,
                    "end": OFFSET,
                    "provenance": {**NULLABLE_STRING, "description": "where the node's first block came from "
                                                                     "(HTML element path, DOCX paragraph index)"},
                    "children": {"type": "array", "items": {"$ref": "#/$defs/node"}},
                },
            }
        },
    }


def _letter() -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["title", "issuer", "date", "addressee", "deadline", "deadline_text", "contact", "feedback",
                     "start", "end"],
        "properties": {
            "title": {**NULLABLE_STRING, "description": "null when the whole text is the call for comments"},
            "issuer": NULLABLE_STRING,
            "date": {**NULLABLE_STRING, "pattern": "^\\d{4}-\\d{2}-\\d{2}$"},
            "addressee": NULLABLE_STRING,
            "deadline": {**NULLABLE_STRING, "pattern": "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?$"},
            "deadline_text": NULLABLE_STRING,
            "contact": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "phone"],
                "properties": {"name": NULLABLE_STRING, "phone": NULLABLE_STRING},
            },
            "feedback": {"type": "array", "items": {"type": "string"}},
            "start": OFFSET,
            "end": OFFSET,
        },
    }


def feed_record_schema(layers: Layers) -> dict[str, Any]:
    fixed = {
        "doc_id": {"type": "string"},
        "doc_title": NULLABLE_STRING,
        "doc_issuer": {**NULLABLE_STRING, "description": "the document's issuer, else its cover letter's"},
        "doc_date": {**NULLABLE_STRING, "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
                     "description": "the document's date, else its cover letter's"},
        "doc_status": {**NULLABLE_STRING, "description": "征求意见稿, 送审稿, 草案, 试行, … or null for a final text"},
        "doc_deadline": {**NULLABLE_STRING, "pattern": "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?$",
                         "description": "the comment deadline of the cover letter"},
        "id": {"type": "string", "minLength": 1},
        "parent": NULLABLE_STRING,
        "kind": {"$ref": DEFS + "node_kind"},
        "depth": {"type": "integer", "minimum": 0},
        "path": {"type": "array", "items": {"type": "string"},
                 "description": "numbers of the numbered ancestors and the node, as printed, e.g. [\"二\", \"(一)\", \"1\"]"},
        "num": NULLABLE_STRING,
        "ordinal": {"type": ["integer", "null"], "minimum": 0},
        "title": NULLABLE_STRING,
        "own_text": {"type": "string", "description": "source_text[start:own_end]: the node's marker, heading and "
                                                      "body before its first child"},
        "start": OFFSET,
        "end": OFFSET,
        "own_end": OFFSET,
    }
    layer_keys = {name: {"type": "array", "items": {"$ref": DEFS + def_name(record)}} for name, record in layers}
    return {
        **_head("feed-record.schema.json", "One line of `policy feed`: one node of one document",
                "`own_text` is source_text[start:own_end], the node's own text (marker, heading, body before its "
                "first child); every character of the document is in exactly one record's own_text. The node's "
                "whole text, source_text[start:end], is the own_text of its record and of the following records "
                "that start before `end`. The doc_* keys repeat the document's front matter on every record. "
                "Each layer of the document adds one key, its name, holding the node's records of that layer."),
        "type": "object",
        "required": [*fixed, *layer_keys],
        "properties": {**fixed, **layer_keys},
        "additionalProperties": {"type": "array", "items": {"$ref": DEFS + "any_record"}},
    }


def _conversion() -> dict[str, Any]:
    return {
        "description": "present when the file was converted before reading (a .doc made DOCX by LibreOffice)",
        "type": "object",
        "additionalProperties": False,
        "required": ["source_format", "target_format", "converter", "version"],
        "properties": {
            "source_format": {"enum": ["doc", "wps", "rtf", "odt"]},
            "target_format": {"const": "docx"},
            "converter": {"type": "string"},
            "version": NULLABLE_STRING,
        },
    }


def write(layers: Layers, folder: str | Path) -> list[Path]:
    """Write the rendered schemas into `folder` (two-space JSON, final newline)."""
    from .emit import dumps, write_atomic

    return [write_atomic(Path(folder) / name, dumps(body)) for name, body in render(layers).items()]
