"""Classify each link between two versions and collect what changed in it.

A paired clause is `unchanged`, `formatting` (same comparison key: only
whitespace, width or punctuation variants differ) or `modified`; one clause
becoming several is `split`, several becoming one `merged`; unpaired clauses
are `added` or `deleted`. Flags: `renumbered` (its number changed) and `moved`
(its enclosing part, chapter or action is not the counterpart of the old one).
Modified, split and merged clauses get a word-level redline.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Document
from .align import Link, similarity
from .fields import FieldChange, compare_annotations, compare_document
from .places import Places
from .redline import Op, redline
from .units import Unit

STATUSES = ("unchanged", "formatting", "modified", "added", "deleted", "split", "merged")
LEVELS = ("container", "clause", "item")


@dataclass(frozen=True)
class Change:
    """One entry of a diff: a pair (or group) of units, or one unpaired unit.

    `paired_by` names the alignment step that paired it: exact, structure
    (containers, by where their clauses went), position, heading, content,
    topic (shared content words, for reworded clauses), split, merge.
    """

    level: str
    old: tuple[Unit, ...]
    new: tuple[Unit, ...]
    status: str
    renumbered: bool
    moved: bool
    similarity: float
    redline: tuple[Op, ...] | None
    fields: tuple[FieldChange, ...]
    paired_by: str | None = None

    @property
    def changed(self) -> bool:
        return self.status != "unchanged" or self.renumbered or self.moved or bool(self.fields)

    def to_dict(self) -> dict[str, Any]:
        show_text = self.status not in ("unchanged", "formatting")
        return {
            "level": self.level,
            "old": _ref(self.old[0], show_text) if self.old else None,
            "new": _ref(self.new[0], show_text) if self.new else None,
            "old_parts": [_ref(u, show_text) for u in self.old] if len(self.old) > 1 else [],
            "new_parts": [_ref(u, show_text) for u in self.new] if len(self.new) > 1 else [],
            "status": self.status,
            "renumbered": self.renumbered,
            "moved": self.moved,
            "similarity": round(self.similarity, 4),
            "paired_by": self.paired_by,
            "redline": [op.to_dict() for op in self.redline] if self.redline is not None else None,
            "fields": [f.to_dict() for f in self.fields],
        }


@dataclass(frozen=True)
class DocumentDiff:
    """What changed from `old` to `new`: document fields and every clause entry."""

    old: Document
    new: Document
    fields: tuple[FieldChange, ...]
    changes: tuple[Change, ...]

    @property
    def changed(self) -> bool:
        return bool(self.fields) or any(c.changed for c in self.changes)

    def summary(self) -> dict[str, Any]:
        """Counts per level of each status and flag, and of field changes."""
        out: dict[str, Any] = {"changed": self.changed}
        for level in LEVELS:
            entries = [c for c in self.changes if c.level == level]
            counts = {s: sum(1 for c in entries if c.status == s) for s in STATUSES}
            counts["renumbered"] = sum(1 for c in entries if c.renumbered)
            counts["moved"] = sum(1 for c in entries if c.moved)
            counts["field_changes"] = sum(len(c.fields) for c in entries)
            out[level + "s"] = counts
        out["document_fields"] = len(self.fields)
        return out


def compare(old_doc: Document, new_doc: Document, old: Sequence[Unit], new: Sequence[Unit],
            links: Sequence[Link]) -> DocumentDiff:
    """The diff of two documents from their units and the links between them."""
    partner_old: dict[int, tuple[int, ...]] = {}
    for link in links:
        for i in link.old:
            partner_old[i] = link.new
    changes = [_change(link, old_doc, old, new_doc, new, partner_old) for link in links]
    changes = _in_reading_order(changes, partner_old)
    changes = [c for c in changes if c.level != "item" or c.changed]
    return DocumentDiff(old_doc, new_doc, compare_document(old_doc, new_doc), tuple(changes))


def _annotated(units: Sequence[Unit]) -> list:
    """The nodes whose annotations a change compares: a clause with its paragraphs and
    items (money in a law sits on its 款), a heading by its own text; items are covered
    by their clause."""
    nodes: list = []
    for u in units:
        if u.level == "clause":
            nodes += list(u.node.walk())
        elif u.level != "item":
            nodes.append(u.node)
    return nodes


def _change(link: Link, old_doc: Document, old: Sequence[Unit], new_doc: Document, new: Sequence[Unit],
            partner_old: dict[int, tuple[int, ...]]) -> Change:
    ou = tuple(old[i] for i in link.old)
    nu = tuple(new[j] for j in link.new)
    level = (ou or nu)[0].level
    if not (ou and nu):
        fields = compare_annotations(old_doc, _annotated(ou), new_doc, _annotated(nu), units=False)
        return Change(level, ou, nu, "added" if nu else "deleted", False, False, 0.0, None, fields)
    old_key, new_key = "".join(u.key for u in ou), "".join(u.key for u in nu)
    old_text, new_text = "".join(u.text for u in ou), "".join(u.text for u in nu)
    if len(ou) > 1 or len(nu) > 1:
        status = "split" if len(nu) > 1 else "merged"
    elif old_key == new_key:
        status = "unchanged" if old_text == new_text else "formatting"
    else:
        status = "modified"
    sim = similarity(old_key, new_key)
    ops = (Op("equal", old_text, new_text),) if status == "unchanged" else redline(old_text, new_text)
    places = Places(ops, old_doc, ou, new_doc, nu)
    fields = compare_annotations(old_doc, _annotated(ou), new_doc, _annotated(nu), places=places)
    lines = ops if status in ("modified", "split", "merged") else None
    renumbered = len(ou) == len(nu) == 1 and _number(ou[0]) != _number(nu[0])
    moved = any(not _same_parent(u, v, partner_old) for u in ou for v in nu)
    return Change(level, ou, nu, status, renumbered, moved, sim, lines, fields, link.how)


def _number(unit: Unit) -> Any:
    node = unit.node
    return node.ordinal if node.ordinal is not None else (node.num or "").strip()


def _same_parent(u: Unit, v: Unit, partner_old: dict[int, tuple[int, ...]]) -> bool:
    if u.parent is None or v.parent is None:
        return u.parent is None and v.parent is None
    return v.parent in partner_old.get(u.parent, ())


def _in_reading_order(changes: list[Change], partner_old: dict[int, tuple[int, ...]]) -> list[Change]:
    """Order by the new document; a deleted unit goes right after the new place of
    the nearest old unit before it that has one (after a container's heading, or
    after a clause and its items)."""
    ends = {u.index: u.node.own_end if u.level == "container" else u.node.end for c in changes for u in c.new}

    def where(change: Change) -> tuple[int, int, int]:
        if change.new:
            return (change.new[0].node.start, change.new[0].index, 0)
        first = change.old[0].index
        for i in range(first - 1, -1, -1):
            if partner_old.get(i):
                return (max(ends[j] for j in partner_old[i]), -1, first)
        return (-1, -1, first)

    return sorted(changes, key=where)


def _ref(unit: Unit, with_text: bool) -> dict[str, Any]:
    node = unit.node
    return {
        "id": node.id,
        "kind": node.kind,
        "path": list(unit.path),
        "num": node.num,
        "ordinal": node.ordinal,
        "title": node.title,
        "text": unit.text if with_text else None,
    }
