"""Feed records: one flat JSON object per node, for JSON Lines consumers.

Beside the node's fields, each layer of the document gives one key (its name)
holding the node's records of that layer, so a consumer needs no join."""
from __future__ import annotations

from typing import Any, Iterator

from .model import Document, Node
from .records import to_json


def feed_records(doc: Document) -> Iterator[dict[str, Any]]:
    """Every node except the root, in document order (contract: feed-record.schema.json)."""
    text = doc.text

    def visit(node: Node, parent: Node | None, depth: int, path: tuple[str, ...]) -> Iterator[dict[str, Any]]:
        here = path + ((node.num,) if node.num else ())
        if parent is not None:
            yield {
                "doc_id": doc.doc_id,
                "doc_title": doc.title,
                "id": node.id,
                "parent": parent.id if parent.kind != "document" else None,
                "kind": node.kind,
                "depth": depth,
                "path": list(here),
                "num": node.num,
                "ordinal": node.ordinal,
                "title": node.title,
                "text": text[node.start:node.end],
                "start": node.start,
                "end": node.end,
                "own_end": node.own_end,
                **{name: [to_json(r) for r in layer.of(node.id)] for name, layer in doc.layers.items()},
            }
        for child in node.children:
            yield from visit(child, node, depth + 1, here)

    yield from visit(doc.root, None, 0, ())
