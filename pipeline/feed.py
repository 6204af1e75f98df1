"""Feed records: one flat JSON object per node, for JSON Lines consumers.

Each record carries what a consumer filters on without a join: the document's
id, title, issuer, date, status and comment deadline; the node's place (kind,
depth, path of printed numbers, parent); its own text (marker, heading and body
before its first child: each character of the document is in one record, so the
feed is not the text many times over); and each layer's records of the node
under the layer's name. A node's whole text is the own text of its record and of
the records after it that start before it ends."""
from __future__ import annotations

from typing import Any, Iterator

from .model import Document, Node
from .records import to_json


def feed_records(doc: Document) -> Iterator[dict[str, Any]]:
    """Every node except the root, in document order (contract: feed-record.schema.json)."""
    text = doc.text
    letter = doc.letter
    head = {
        "doc_id": doc.doc_id,
        "doc_title": doc.title,
        "doc_issuer": doc.issuer or (letter.issuer if letter else None),
        "doc_date": doc.date or (letter.date if letter else None),
        "doc_status": doc.status,
        "doc_deadline": letter.deadline if letter else None,
    }

    def visit(node: Node, parent: Node | None, depth: int, path: tuple[str, ...]) -> Iterator[dict[str, Any]]:
        here = path + ((node.num,) if node.num else ())
        if parent is not None:
            yield {
                **head,
                "id": node.id,
                "parent": parent.id if parent.kind != "document" else None,
                "kind": node.kind,
                "depth": depth,
                "path": list(here),
                "num": node.num,
                "ordinal": node.ordinal,
                "title": node.title,
                "own_text": text[node.start:node.own_end],
                "start": node.start,
                "end": node.end,
                "own_end": node.own_end,
                **{name: [to_json(r) for r in layer.of(node.id)] for name, layer in doc.layers.items()},
            }
        for child in node.children:
            yield from visit(child, node, depth + 1, here)

    yield from visit(doc.root, None, 0, ())
