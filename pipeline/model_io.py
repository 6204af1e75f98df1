"""Read a document JSON (as written by `policy ingest`) back into the model.

Annotations (responsibilities, money, support, targets) come back as `Stored`
records that keep their dict and give it back from `to_dict()`, so a document
read from JSON serializes to the same bytes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import Document, Letter, Node, Reference, Source, Warning
from .validate import errors


@dataclass(frozen=True)
class Stored:
    """An annotation read from JSON: its fields as a mapping."""

    data: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return _wrap(self.__dict__["data"][name])
        except KeyError:
            raise AttributeError(name) from None

    def to_dict(self) -> dict[str, Any]:
        return self.data


def _wrap(value: Any) -> Any:
    """Nested records read as attributes too: dicts become `Stored`, lists tuples."""
    if isinstance(value, dict):
        return Stored(value)
    if isinstance(value, list):
        return tuple(_wrap(v) for v in value)
    return value


def read_document(path: str | Path) -> Document:
    """Load and validate a document JSON file."""
    try:
        obj = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a readable document JSON ({exc})", str(path)) from None
    problems = list(errors(obj, "document"))
    if problems:
        raise InputError(f"not a policy document JSON: {problems[0]}", str(path))
    return document_from_dict(obj)


def document_from_dict(obj: dict[str, Any]) -> Document:
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
    return Document(
        doc_id=obj["doc_id"], source=source, root=_node(obj["root"]), title=obj["title"], status=obj["status"],
        doc_number=obj["doc_number"], issuer=obj["issuer"], date=obj["date"], addressee=obj["addressee"],
        breadcrumb=tuple(obj["breadcrumb"]), letter=letter,
        references=tuple(Reference(**r) for r in obj["references"]),
        targets=tuple(Stored(t) for t in obj["targets"]),
        warnings=tuple(Warning(**w) for w in obj["warnings"]),
    )


def _node(d: dict[str, Any]) -> Node:
    return Node(
        id=d["id"], kind=d["kind"], start=d["start"], end=d["end"], num=d["num"], ordinal=d["ordinal"],
        marker=d["marker"], title=d["title"], children=tuple(_node(c) for c in d["children"]),
        responsibilities=tuple(Stored(r) for r in d["responsibilities"]),
        money=tuple(Stored(m) for m in d["money"]), support=tuple(Stored(s) for s in d["support"]),
        provenance=d["provenance"])
