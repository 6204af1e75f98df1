"""The document model: frozen dataclasses with offsets into the source text.

Every span is a half-open `[start, end)` range of `Document.text`, the decoded
(or, for HTML/DOCX/PDF, extracted) text. The tree is lossless: the root covers
the whole text, a node's children tile a suffix of the node without gaps, and
the prefix before the first child is the node's own text (its marker and
heading). So every character belongs to exactly one deepest node.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from .kinds import NodeKind
from .normalize import fold
from .records import to_json
from .warnings import Finding, merged

SCHEMA_VERSION = "3.0.0"


@dataclass(frozen=True)
class Node:
    """One structural unit: a part, action, measure, item, chapter, article, ...

    `num` is the marker without its separator as printed (`二`, `(一)`, `1`,
    `第十九条`); `ordinal` its integer value; `marker` the full printed marker
    (`二、`, `(一)`, `1.`). `title` is the short heading before the first `。`.
    """

    id: str
    kind: NodeKind
    start: int
    end: int
    num: str | None = None
    ordinal: int | None = None
    marker: str | None = None
    title: str | None = None
    children: tuple[Node, ...] = ()
    provenance: str | None = None

    @property
    def own_end(self) -> int:
        """End of the node's own text: where its first child starts."""
        return self.children[0].start if self.children else self.end

    def walk(self):
        """Yield this node and its descendants in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "num": self.num,
            "ordinal": self.ordinal,
            "marker": self.marker,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "provenance": self.provenance,
            "children": [c.to_dict() for c in self.children],
        }


@dataclass(frozen=True)
class Letter:
    """The cover letter (函/通知/公告) of a web-published comment draft."""

    title: str | None
    start: int
    end: int
    issuer: str | None = None
    date: str | None = None
    addressee: str | None = None
    deadline: str | None = None
    deadline_text: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    feedback: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "issuer": self.issuer,
            "date": self.date,
            "addressee": self.addressee,
            "deadline": self.deadline,
            "deadline_text": self.deadline_text,
            "contact": {"name": self.contact_name, "phone": self.contact_phone},
            "feedback": list(self.feedback),
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Conversion:
    """How a file was converted before it was read: a `.doc` made DOCX by LibreOffice 7.4."""

    source_format: str
    target_format: str
    converter: str
    version: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"source_format": self.source_format, "target_format": self.target_format,
                "converter": self.converter, "version": self.version}


@dataclass(frozen=True)
class Source:
    """Where the text came from and how it was decoded, extracted or converted.

    `conversion` is set when the file was converted before reading (a `.doc`
    read through LibreOffice); `format` stays the format of the file given.
    `annotations` are records the reader found beside the text (a Word file's
    footnotes and comments, `pipeline.load.docx_parts`), with offsets into
    `text`; extractors turn them into layers, and they are not serialized here.
    """

    name: str
    format: str
    encoding: str
    sha256: str
    text: str
    metadata: tuple[tuple[str, str], ...] = ()
    blocks: tuple[tuple[int, int, str], ...] = ()
    conversion: Conversion | None = None
    annotations: tuple[Any, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = {
            "name": self.name,
            "format": self.format,
            "encoding": self.encoding,
            "sha256": self.sha256,
            "metadata": {k: v for k, v in self.metadata},
        }
        if self.conversion is not None:
            out["conversion"] = self.conversion.to_dict()
        return out


@dataclass(frozen=True)
class Layer:
    """One kind of annotation beside the tree: typed records (standoff, with offsets) keyed
    by the id of the node they belong to, nodes in document order, and the warnings the
    extractor raised."""

    name: str
    records: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    warnings: tuple[Finding, ...] = ()

    def of(self, node_id: str) -> tuple[Any, ...]:
        """The records of one node (none: an empty tuple)."""
        return self.records.get(node_id, ())

    def all(self) -> tuple[Any, ...]:
        """Every record, in document order."""
        return tuple(r for records in self.records.values() for r in records)

    def items(self) -> Iterator[tuple[str, Any]]:
        """Every (node id, record) pair in document order."""
        for node_id, records in self.records.items():
            for record in records:
                yield node_id, record

    def __len__(self) -> int:
        return sum(len(r) for r in self.records.values())

    def to_dict(self) -> dict[str, Any]:
        return {"records": {node_id: [to_json(r) for r in records] for node_id, records in self.records.items()},
                "warnings": [to_json(w) for w in self.warnings]}


@dataclass(frozen=True)
class Document:
    """A segmented policy text: its front matter, its tree, and its annotation layers.

    `warnings` are the structure's (numbering); each layer holds its own."""

    doc_id: str
    source: Source
    root: Node
    title: str | None = None
    status: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    addressee: str | None = None
    breadcrumb: tuple[str, ...] = ()
    letter: Letter | None = None
    warnings: tuple[Finding, ...] = ()
    layers: Mapping[str, Layer] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.source.text

    def nodes(self) -> Iterator[Node]:
        """All nodes in document order, the root first."""
        return self.root.walk()

    def layer(self, name: str) -> Layer:
        """The layer called `name` (empty if the document has none)."""
        return self.layers.get(name) or Layer(name)

    def with_layer(self, layer: Layer) -> Document:
        """This document with `layer` added, or replacing the layer of the same name."""
        return replace(self, layers={**self.layers, layer.name: layer})

    def all_warnings(self) -> tuple[Finding, ...]:
        """The structure's warnings and every layer's, in text order."""
        return merged(self.warnings, *(layer.warnings for layer in self.layers.values()))

    @cached_property
    def index(self) -> NodeIndex:
        """Finds the node a span belongs to (built once per document)."""
        return NodeIndex(self.root)

    @cached_property
    def folded(self) -> str:
        """`fold(text)`, computed once: each extractor reads its nodes' slices of it."""
        return fold(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "doc_id": self.doc_id,
            "source": self.source.to_dict(),
            "title": self.title,
            "status": self.status,
            "doc_number": self.doc_number,
            "issuer": self.issuer,
            "date": self.date,
            "addressee": self.addressee,
            "breadcrumb": list(self.breadcrumb),
            "letter": self.letter.to_dict() if self.letter else None,
            "warnings": [to_json(w) for w in self.warnings],
            "layers": {name: layer.to_dict() for name, layer in self.layers.items()},
            "text": self.text,
            "root": self.root.to_dict(),
        }


class NodeIndex:
    """Finds, in O(log n), the node a span belongs to: the deepest node holding all of it."""

    def __init__(self, root: Node):
        self.nodes = list(root.walk())
        self.starts = [n.start for n in self.nodes]
        self.order = {n.id: i for i, n in enumerate(self.nodes)}
        self.parent: dict[str, Node | None] = {root.id: None}
        for node in self.nodes:
            for child in node.children:
                self.parent[child.id] = node

    def owner(self, start: int, end: int) -> Node:
        """The deepest node with `node.start <= start` and `end <= node.end`."""
        i = max(bisect_right(self.starts, start) - 1, 0)
        node: Node | None = self.nodes[i]
        # The last node starting at or before `start` in preorder holds `start` unless it ended;
        # climbing its ancestors finds the deepest one that holds the whole span.
        while node is not None and not (node.start <= start and end <= node.end):
            node = self.parent[node.id]
        return node if node is not None else self.nodes[0]

    def keyed(self, pairs: Iterable[tuple[str, Any]]) -> dict[str, tuple[Any, ...]]:
        """(node id, record) pairs grouped by node, nodes in document order, records in the given order."""
        grouped: dict[str, list[Any]] = {}
        for node_id, record in pairs:
            grouped.setdefault(node_id, []).append(record)
        return {k: tuple(grouped[k]) for k in sorted(grouped, key=self.order.__getitem__)}
