"""A web page's attachments (附件 links) as a layer, joined to the documents read from those files.

The HTML reader finds the links (`pipeline.load.links`); each record goes to the node
holding its link text (the 附件 note, usually in the closing or an attachment node), or
to the root when the page text does not show it. When the linked file is read in the same
batch, `with_documents` records its document id on the link (`page--att1`).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from ..load.links import Attachment
from ..model import Document, Layer


@dataclass(frozen=True)
class Attachments:
    """The files a web page links as its attachments, in page order."""

    name: ClassVar[str] = "attachments"
    record: ClassVar[type] = Attachment

    def run(self, doc: Document) -> Layer:
        found = [r for r in doc.source.annotations if isinstance(r, Attachment)]
        return Layer(self.name, doc.index.keyed((doc.index.owner(r.start, r.end).id, r) for r in found))


def with_documents(doc: Document, ids: dict[int, str]) -> Document:
    """`doc` with the document id of each attachment read alongside it (`ids`: attachment number -> doc id)."""
    layer = doc.layer(Attachments.name)
    records = {node: tuple(replace(r, doc_id=ids.get(r.number, r.doc_id)) for r in found)
               for node, found in layer.records.items()}
    return doc.with_layer(replace(layer, records=records))
