"""Changes in extracted data: every layer's records, and the front matter.

Layers are read generically, records compared in their JSON form, so a new
extractor's layer is compared with no change here: offsets, context and `linked` indices (which
move whenever anything before them changes) are ignored, and so are the keys a record type
lists in its `diff_ignore`. Two paired clauses' records pair up surest first:
- the most keys a record type lists in its `diff_identity` (who or what it is for: a money
  term's recipient and condition, a target's metric) written on both sides and equal;
- then by place: a record whose span sits in an equal or replaced stretch of the clauses'
  word redline pairs with the record at the same place in the other version (`places.py`),
  so a clause raising three fines pairs each old fine with the new one where it stood;
- then what is left by the most fields in agreement (at least MIN_AGREEMENT; a `role`/`kind`
  must match, as it must for a pair seen only through a replaced stretch).
A pair reports each differing key; a pair differing only in wording (2万元 -> 二万元, the same
amount) is no change: the redline shows the words. Records that name units are read as units:
a lead change and each unit added or removed, and their other keys (a note's deadline) are
compared as above.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Document, Node
from ..records import to_json
from .places import Places

IGNORED = frozenset({"start", "end", "context", "note", "notes", "span", "spans", "provenance", "node_id", "node",
                     "linked"})
LABEL_KEYS = ("text", "name", "metric", "label")
KIND_KEYS = ("role", "kind", "type", "category")
UNIT_LIST_KEYS = ("units", "responsible_units", "unit_list")
LEAD_KEYS = ("lead", "lead_unit")
NAME_KEYS = ("normalized", "normalized_name", "canonical", "name", "text", "raw")
MIN_AGREEMENT = 0.5


@dataclass(frozen=True)
class FieldChange:
    """One change in extracted data.

    `change` is `added`, `removed` or `changed` (with `details`: the keys that
    differ, as (key, old, new)), or for units `lead_changed`, `unit_added`,
    `unit_removed`. `label` names the record as printed (e.g. 不低于500万元).
    """

    field: str
    change: str
    label: str | None = None
    old: Any = None
    new: Any = None
    details: tuple[tuple[str, Any, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "change": self.change,
            "label": self.label,
            "old": self.old,
            "new": self.new,
            "details": [{"key": k, "old": o, "new": n} for k, o, n in self.details],
        }


def compare_annotations(old_doc: Document, old_nodes: Iterable[Node], new_doc: Document, new_nodes: Iterable[Node],
                        units: bool = True, places: Places | None = None) -> tuple[FieldChange, ...]:
    """Field changes between the layers' records of two groups of paired nodes, layer by layer.

    A record type with `in_diff = False` (citations) is left out. Records that name units
    (notes) are compared as units: a lead change, each unit added
    or removed. For an added or deleted clause (`units=False`) those are not listed, only
    the other records (promises, targets…) as added or removed. `places` (the clauses'
    redline and where each side's records stand in it) pairs records by place first.
    """
    old_ids, new_ids = [n.id for n in old_nodes], [n.id for n in new_nodes]
    changes: list[FieldChange] = []
    for name in dict.fromkeys([*old_doc.layers, *new_doc.layers]):
        old_records = [r for i in old_ids for r in old_doc.layer(name).of(i)]
        new_records = [r for i in new_ids for r in new_doc.layer(name).of(i)]
        if not all(getattr(r, "in_diff", True) for r in old_records + new_records):
            continue
        ignore = IGNORED.union(*(getattr(r, "diff_ignore", ()) for r in old_records + new_records))
        identity = dict.fromkeys(k for r in old_records + new_records for k in getattr(r, "diff_identity", ()))
        old, new = [to_json(r) for r in old_records], [to_json(r) for r in new_records]
        unit_changes = compare_units(old, new, name)
        if unit_changes is not None:
            if units:
                rest = ignore.union(UNIT_LIST_KEYS, LEAD_KEYS, (k for d in old + new for k in d if k.startswith(LEAD_KEYS)))
                changes += unit_changes + [c for c in compare_records(name, old, new, places, rest, identity, False)
                                           if c.details]
            continue
        changes += compare_records(name, old, new, places, ignore, identity)
    return tuple(changes)


def compare_document(old: Document, new: Document) -> tuple[FieldChange, ...]:
    """Changes in the front matter (title, status, number, comment deadline...)."""
    changes: list[FieldChange] = []
    for name, a, b in (
        ("title", _stated_title(old), _stated_title(new)),
        ("status", old.status, new.status),
        ("doc_number", old.doc_number, new.doc_number),
        ("issuer", old.issuer, new.issuer),
        ("date", old.date, new.date),
        ("comment_deadline", old.letter.deadline if old.letter else None,
         new.letter.deadline if new.letter else None),
    ):
        if a != b:
            change = "added" if a is None else "removed" if b is None else "changed"
            changes.append(FieldChange(name, change, None, a, b))
    return tuple(changes)


def _stated_title(doc: Document) -> str | None:
    """The title the text states; a file name standing in for a missing one (W201) is no title to compare."""
    return None if any(w.code == "W201" for w in doc.warnings) else doc.title


def compare_records(field: str, old: list[dict], new: list[dict], places: Places | None = None,
                    ignore: frozenset[str] = IGNORED, identity: Iterable[str] = (),
                    unpaired: bool = True) -> list[FieldChange]:
    """Added, removed and changed records of one annotation list; `unpaired=False` leaves out
    the added and removed.

    Pairs are taken surest first: the most `identity` keys (who or what a record is for:
    recipient, condition…) agreeing, then at the same place (through `places`), then the
    most fields agreeing. A pair needs a place, or at least MIN_AGREEMENT of its fields to
    agree; a pair seen only through replaced stretches, or by agreement, needs one kind.
    """
    a, b = [_strip(d, ignore) for d in old], [_strip(d, ignore) for d in new]
    spans_a, spans_b = [_span(d) for d in old], [_span(d) for d in new]
    identity = tuple(identity)
    scored = []
    for i in range(len(a)):
        for j in range(len(b)):
            place, equal = (0.0, False)
            if places is not None and spans_a[i] and spans_b[j]:
                place, equal = places.score(spans_a[i], spans_b[j])
            agreement = _agreement(a[i], b[j])
            if place > 0 and (equal or _same_kind(a[i], b[j])) or agreement >= MIN_AGREEMENT:
                scored.append((-_identity(a[i], b[j], identity), -round(place, 6), -agreement, i, j))
    done_a: set[int] = set()
    done_b: set[int] = set()
    pairs = []
    for *_, i, j in sorted(scored):
        if i not in done_a and j not in done_b:
            pairs.append((i, j))
            done_a.add(i)
            done_b.add(j)
    changes = []
    for i, j in sorted(pairs):
        keys = [k for k in dict.fromkeys([*a[i], *b[j]]) if k not in LABEL_KEYS]
        details = tuple((k, a[i].get(k), b[j].get(k)) for k in keys if a[i].get(k) != b[j].get(k))
        label, new_label = _label(a[i]), _label(b[j])
        if not details and (keys or label == new_label):
            continue
        if new_label != label:
            label = f"{label} → {new_label}"
        changes.append(FieldChange(field, "changed", label, a[i], b[j], details))
    if unpaired:
        changes += [FieldChange(field, "removed", _label(a[i]), a[i], None) for i in range(len(a)) if i not in done_a]
        changes += [FieldChange(field, "added", _label(b[j]), None, b[j]) for j in range(len(b)) if j not in done_b]
    return changes


def compare_units(old: list[dict], new: list[dict], field: str = "responsibilities") -> list[FieldChange] | None:
    """Lead and unit changes, or None if the records name no units this can read."""
    lead_a, units_a = _units(old)
    lead_b, units_b = _units(new)
    if units_a is None and units_b is None:
        return None
    units_a, units_b = units_a or [], units_b or []
    changes = []
    if lead_a != lead_b:
        changes.append(FieldChange(field, "lead_changed", lead_b or lead_a, lead_a, lead_b))
    changes += [FieldChange(field, "unit_removed", u, u, None) for u in units_a if u not in units_b]
    changes += [FieldChange(field, "unit_added", u, None, u) for u in units_b if u not in units_a]
    return changes


def _units(records: list[dict]) -> tuple[str | None, list[str] | None]:
    lead: str | None = None
    units: list[str] | None = None
    for d in records:
        listed = next((d[k] for k in UNIT_LIST_KEYS if isinstance(d.get(k), list)), None)
        if listed is None and _name(d) is not None and any(k in d for k in NAME_KEYS[:4]):
            listed = [d]
        if listed is None:
            continue
        units = units if units is not None else []
        for u in listed:
            name = _name(u)
            if name is not None and name not in units:
                units.append(name)
            if lead is None and isinstance(u, dict) and (u.get("lead") is True or u.get("is_lead") is True
                                                       or u.get("role") == "lead"):
                lead = name
        explicit = next((d[k] for k in LEAD_KEYS if d.get(k) and not isinstance(d.get(k), bool)), None)
        if lead is None and explicit is not None:
            lead = _name(explicit)
    return lead, units


def _name(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return next((value[k] for k in NAME_KEYS if isinstance(value.get(k), str) and value[k]), None)
    return None


def _strip(value: Any, ignore: frozenset[str] = IGNORED) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v, ignore) for k, v in value.items() if k not in ignore}
    if isinstance(value, list):
        return [_strip(v, ignore) for v in value]
    return value


def _span(record: dict) -> tuple[int, int] | None:
    """The record's [start, end) in its document, if it says."""
    start, end = record.get("start"), record.get("end")
    return (start, end) if isinstance(start, int) and isinstance(end, int) and start < end else None


def _identity(a: dict, b: dict, keys: tuple[str, ...]) -> int:
    """Evidence that two records are for the same thing: identity keys written on both sides
    and equal, less those written on both sides and different (a key left empty says nothing)."""
    both = [k for k in keys if a.get(k) is not None and b.get(k) is not None]
    return sum(1 if a[k] == b[k] else -1 for k in both)


def _same_kind(a: dict, b: dict) -> bool:
    return all(a[k] == b[k] for k in KIND_KEYS if k in a and k in b)


def _agreement(a: dict, b: dict) -> float:
    if not _same_kind(a, b):
        return 0.0
    keys = [k for k in dict.fromkeys([*a, *b]) if k not in LABEL_KEYS]
    if not keys:
        return 0.0
    return sum(1 for k in keys if a.get(k) == b.get(k)) / len(keys)


def _label(d: dict) -> str | None:
    return next((str(d[k]) for k in LABEL_KEYS if d.get(k) not in (None, "")), None)
