"""The document model: frozen dataclasses with offsets into the source text.

Every span is a half-open `[start, end)` range of `Document.text`, the decoded
(or, for HTML/DOCX/PDF, extracted) text. The tree is lossless: the root covers
the whole text, a node's children tile a suffix of the node without gaps, and
the prefix before the first child is the node's own text (its marker and
heading). So every character belongs to exactly one deepest node.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0.0"


@dataclass(frozen=True)
class Warning:
    """A non-fatal finding with a stable code (see `pipeline.warnings`)."""

    code: str
    message: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Node:
    """One structural unit: a part, action, measure, item, chapter, article, ...

    `num` is the marker without its separator as printed (`二`, `(一)`, `1`,
    `第十九条`); `ordinal` its integer value; `marker` the full printed marker
    (`二、`, `(一)`, `1.`). `title` is the short heading before the first `。`.
    """

    id: str
    kind: str
    start: int
    end: int
    num: str | None = None
    ordinal: int | None = None
    marker: str | None = None
    title: str | None = None
    children: tuple[Node, ...] = ()
    responsibilities: tuple[Any, ...] = ()
    money: tuple[Any, ...] = ()
    support: tuple[Any, ...] = ()
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
            "responsibilities": [r.to_dict() for r in self.responsibilities],
            "money": [m.to_dict() for m in self.money],
            "support": [s.to_dict() for s in self.support],
            "children": [c.to_dict() for c in self.children],
        }


@dataclass(frozen=True)
class Reference:
    """A document cited by title (《…》) and/or number (国发〔2023〕16号)."""

    title: str | None
    doc_number: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "doc_number": self.doc_number, "start": self.start, "end": self.end}


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
class Source:
    """Where the text came from and how it was decoded or extracted."""

    name: str
    format: str
    encoding: str
    sha256: str
    text: str
    metadata: tuple[tuple[str, str], ...] = ()
    blocks: tuple[tuple[int, int, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "format": self.format,
            "encoding": self.encoding,
            "sha256": self.sha256,
            "metadata": {k: v for k, v in self.metadata},
        }


@dataclass(frozen=True)
class Document:
    """A segmented policy text with its front matter and annotations."""

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
    references: tuple[Reference, ...] = ()
    targets: tuple[Any, ...] = ()
    warnings: tuple[Warning, ...] = field(default=())

    @property
    def text(self) -> str:
        return self.source.text

    def nodes(self):
        """All nodes in document order, the root first."""
        return self.root.walk()

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
            "references": [r.to_dict() for r in self.references],
            "targets": [t.to_dict() for t in self.targets],
            "warnings": [w.to_dict() for w in self.warnings],
            "text": self.text,
            "root": self.root.to_dict(),
        }
