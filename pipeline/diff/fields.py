"""Changes in extracted data: every layer's records, and the front matter.

Layers are read generically, records compared in their JSON form, so a new
extractor's layer is compared with no change here: offsets, context and `linked` indices (which
move whenever anything before them changes) are ignored; records are paired first when
identical, then by the most fields in agreement (a `role`/`kind` must match);
a pair that differs reports each differing key. Responsibilities are read as
units: a lead change and each unit added or removed.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Document, Node
from ..records import to_json

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
                        units: bool = True) -> tuple[FieldChange, ...]:
    """Field changes between the layers' records of two groups of paired nodes, layer by layer.

    A record type with `in_diff = False` (citations) is left out. Records that name units
    (notes) are compared as units: a lead change, each unit added
    or removed. For an added or deleted clause (`units=False`) those are not listed, only
    the other records (promises, targets…) as added or removed.
    """
    old_ids, new_ids = [n.id for n in old_nodes], [n.id for n in new_nodes]
    changes: list[FieldChange] = []
    for name in dict.fromkeys([*old_doc.layers, *new_doc.layers]):
        old_records = [r for i in old_ids for r in old_doc.layer(name).of(i)]
        new_records = [r for i in new_ids for r in new_doc.layer(name).of(i)]
        if not all(getattr(r, "in_diff", True) for r in old_records + new_records):
            continue
        old, new = [to_json(r) for r in old_records], [to_json(r) for r in new_records]
        unit_changes = compare_units(old, new, name)
        if unit_changes is not None:
            changes += unit_changes if units else []
            continue
        changes += compare_records(name, old, new)
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


def compare_records(field: str, old: list[dict], new: list[dict]) -> list[FieldChange]:
    """Added, removed and changed records of one annotation list."""
    a, b = [_strip(d) for d in old], [_strip(d) for d in new]
    free_b = list(range(len(b)))
    pairs: list[tuple[int, int]] = []
    unpaired_a = []
    for i, d in enumerate(a):
        j = next((j for j in free_b if b[j] == d), None)
        if j is None:
            unpaired_a.append(i)
        else:
            free_b.remove(j)
    scored = []
    for i in unpaired_a:
        for j in free_b:
            score = _agreement(a[i], b[j])
            if score >= MIN_AGREEMENT:
                scored.append((-score, i, j))
    done_a, done_b = set(), set()
    for _, i, j in sorted(scored):
        if i not in done_a and j not in done_b:
            pairs.append((i, j))
            done_a.add(i)
            done_b.add(j)
    changes = []
    for i, j in sorted(pairs):
        keys = [k for k in dict.fromkeys([*a[i], *b[j]]) if k not in LABEL_KEYS]
        details = tuple((k, a[i].get(k), b[j].get(k)) for k in keys if a[i].get(k) != b[j].get(k))
        label = _label(a[i])
        new_label = _label(b[j])
        if new_label != label:
            label = f"{label} → {new_label}"
        changes.append(FieldChange(field, "changed", label, a[i], b[j], details))
    changes += [FieldChange(field, "removed", _label(a[i]), a[i], None) for i in unpaired_a if i not in done_a]
    changes += [FieldChange(field, "added", _label(b[j]), None, b[j]) for j in free_b if j not in done_b]
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


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in IGNORED}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _agreement(a: dict, b: dict) -> float:
    for k in KIND_KEYS:
        if k in a and k in b and a[k] != b[k]:
            return 0.0
    keys = [k for k in dict.fromkeys([*a, *b]) if k not in LABEL_KEYS]
    if not keys:
        return 0.0
    return sum(1 for k in keys if a.get(k) == b.get(k)) / len(keys)


def _label(d: dict) -> str | None:
    return next((str(d[k]) for k in LABEL_KEYS if d.get(k) not in (None, "")), None)
