"""A Word file's footnotes and endnotes, and its reviewers' comments, as layers.

The DOCX reader finds them beside the text, with offsets (`pipeline.load.docx_parts`);
here each goes to the node that holds it: a note to the clause whose text cites it
(the deepest node holding its reference mark), a comment to the deepest node holding
the whole range it comments on. Other formats have none, and their layers are empty.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..load.docx_parts import Comment, Footnote
from ..model import Document, Layer


def _layer(name: str, record: type, doc: Document) -> Layer:
    found = [r for r in doc.source.annotations if isinstance(r, record)]
    return Layer(name, doc.index.keyed((doc.index.owner(r.start, r.end).id, r) for r in found))


@dataclass(frozen=True)
class Footnotes:
    """Footnotes and endnotes, each at the clause that cites it."""

    name: ClassVar[str] = "footnotes"
    record: ClassVar[type] = Footnote

    def run(self, doc: Document) -> Layer:
        return _layer(self.name, self.record, doc)


@dataclass(frozen=True)
class Comments:
    """Reviewers' comments (author, date, text) over the range they comment on."""

    name: ClassVar[str] = "comments"
    record: ClassVar[type] = Comment

    def run(self, doc: Document) -> Layer:
        return _layer(self.name, self.record, doc)
