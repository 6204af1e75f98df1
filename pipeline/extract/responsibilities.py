"""The responsibilities layer: who leads and who joins each measure.

Notes in the text (`find_notes`) go to the deepest node holding them; rows of a
task-allocation table (任务分工表) go to the measure they name, after that
measure's own notes. Warnings: W302 a lead assumed, W303 a table row naming no
measure, W301 a node without a note where same-kind siblings have one (an item that is
nothing but a note, `（三）责任单位：…`, is its clause's note field: the note counts for the clause).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..kinds import SUB_CLAUSE_KINDS
from ..model import Document, Layer, Node
from ..warnings import Finding, finding, merged
from .aliases import Aliases, builtin_aliases
from .tasktable import table_responsibilities
from .unitnames import Jurisdiction, jurisdiction_of
from .units import Responsibility, find_notes


@dataclass(frozen=True)
class Responsibilities:
    """Notes in the text and rows of task tables; `aliases` replaces the built-in unit-name table."""

    aliases: Aliases | None = None
    name: ClassVar[str] = "responsibilities"
    record: ClassVar[type] = Responsibility

    def run(self, doc: Document) -> Layer:
        aliases = self.aliases if self.aliases is not None else builtin_aliases()
        jurisdiction = document_jurisdiction(doc)
        notes = find_notes(doc.text, 0, len(doc.text), jurisdiction=jurisdiction, aliases=aliases)
        assumed = tuple(finding("W302", str(n.lead), n.start, n.end) for n in notes if n.lead_assumed)
        rows, row_warnings = table_responsibilities(doc, jurisdiction, aliases)
        pairs = [(doc.index.owner(n.start, n.end).id, n) for n in notes] + rows
        records = doc.index.keyed(pairs)
        noted = {_counted_for(doc, node_id, note) for node_id, note in pairs}
        return Layer(self.name, records, merged(assumed, row_warnings, missing_notes(doc.root, noted)))


def _counted_for(doc: Document, node_id: str, note: Responsibility) -> str:
    """The node a note counts for in W301: its owner, or the owner's parent when the owner is an
    item whose line holds nothing but its marker and the note (a field of its measure, beside
    `（一）适用范围：…`, which is no task and needs no note)."""
    node, parent = doc.index.nodes[doc.index.order[node_id]], doc.index.parent.get(node_id)
    if node.kind not in SUB_CLAUSE_KINDS or parent is None or note.source != "text":
        return node_id
    head = "".join(doc.text[node.start:note.start].split())
    tail = doc.text[note.end:node.own_end].split("\n", 1)[0].strip(" \t\r\u3000\xa0。.;；")
    return parent.id if head == (node.marker or "") and not tail else node_id


def document_jurisdiction(doc: Document) -> Jurisdiction:
    """The places of the issuer (or of the letter's issuer, or of the title's opening words)."""
    for name in (doc.issuer, doc.letter.issuer if doc.letter else None, (doc.title or "").split("关于")[0]):
        jurisdiction = jurisdiction_of(name)
        if jurisdiction.places:
            return jurisdiction
    return Jurisdiction()


def missing_notes(root: Node, noted: set[str]) -> tuple[Finding, ...]:
    """W301 for each node without a note among same-kind siblings that have one (`noted`: ids
    of the nodes holding notes).

    Only kinds that carry notes themselves count (measures, say, not the parts
    above them), so a part with no tasks (总体目标) raises nothing.
    """
    bearing = {n.kind for n in root.walk() if n.id in noted}
    has: set[str] = set()

    def mark(node: Node) -> bool:
        found = node.id in noted
        for child in node.children:
            found = mark(child) or found
        if found:
            has.add(node.id)
        return found

    mark(root)
    out = []
    for parent in root.walk():
        kinds = {c.kind for c in parent.children if c.id in has} & bearing
        for child in parent.children:
            if child.kind in kinds and child.id not in has:
                out.append(finding("W301", f"{child.kind} {child.num or child.id}", child.start, child.own_end))
    return tuple(out)


def unit_names(doc: Document) -> tuple[str, ...]:
    """Every unit name in the document's notes, as written and normalized (for jieba's dictionary)."""
    names: dict[str, None] = {}
    for _, note in doc.layer(Responsibilities.name).items():
        for unit in note.units:
            names.setdefault(unit.name)
            names.setdefault(unit.normalized)
    return tuple(names)
