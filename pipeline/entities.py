"""Every layer's records as labelled character spans, for pages and for the spaCy view.

A record type says what it shows with `entity_spans()` (a note: each unit named,
the lead apart; a money term: its amount, labelled by role); without one, a
record is one span labelled with its layer's name in capitals (REFERENCES).
"""
from __future__ import annotations

from .model import Document
from .records import to_json


def entities(doc: Document) -> list[tuple[int, int, str]]:
    """Spans `(start, end, label)` of every layer's records, sorted; they may overlap (a
    budget-growth term is also a target)."""
    found = []
    for name, layer in doc.layers.items():
        for _, record in layer.items():
            spans = getattr(record, "entity_spans", None)
            found += spans() if spans else [(to_json(record)["start"], to_json(record)["end"], name.upper())]
    return sorted(set(found), key=lambda x: (x[0], -x[1], x[2]))


def non_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The first of any overlapping spans, in order (money before target at the same place)."""
    out, last = [], -1
    for start, end, label in spans:
        if start >= last:
            out.append((start, end, label))
            last = end
    return out
