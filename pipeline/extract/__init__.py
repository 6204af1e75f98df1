"""Extractors: each reads a segmented document and makes one layer of standoff records.

The list of extractors, in the order they run, is `pipeline.api.extractors`; a
later extractor may read the layers of earlier ones. Adding one takes a module
with its record type and its `run`, and one line in that list: the document
JSON, the feed, the schemas, the diff's field changes and the spaCy view read
layers generically.
"""
from __future__ import annotations

from typing import Protocol

from ..model import Document, Layer


class Extractor(Protocol):
    """Makes the layer `name` of records of type `record` (a frozen dataclass, see `pipeline.records`)."""

    name: str
    record: type

    def run(self, doc: Document) -> Layer:
        """The layer of `doc`: records keyed by node id, and the warnings raised."""
        ...
