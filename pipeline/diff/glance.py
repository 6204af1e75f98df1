"""Changes at a glance: what a reviewer looks for first, gathered from one diff.

Money changes (条款 / 原 / 新 / 对象 / 性质), lead-unit changes, deadline and date changes,
and the clauses added and deleted. Every row names the entry it comes from (its index in
`DocumentDiff.changes`, the same index as in the JSON's `clauses`), so each report links the
row to its clause card. Also which entries are minor (only renumbered, or only whitespace,
width or punctuation) and whether the versions look newest-first. Values here are data and
codes (`fine`, `deadline`); `labels.py` words them for a reader.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Document
from .compare import Change, DocumentDiff
from .fields import FieldChange

MONEY_LAYERS = ("money",)
# Record keys that hold a time limit or a date (a note's 完成时限, a target's year), and the
# front-matter fields that are dates.
DEADLINE_KEYS = ("deadline", "year")
DOCUMENT_DATES = ("date", "comment_deadline")
# The details of a money term a reviewer reads beside the amount when the amount is written the same.
MONEY_DETAILS = ("recipient", "condition", "per", "purpose", "base", "duration_years", "role", "qualifier")
DRAFT_WORDS = ("征求意见", "草案", "送审稿", "讨论稿", "草稿")
SUMMARY_MAX = 40
TITLE_MAX = 18


@dataclass(frozen=True)
class Row:
    """One row of a table at a glance.

    `entry` is the index of the change in the diff (None: the document's front matter);
    `clause` the clause as a reader cites it (第二十六条, 3.打造一批自治区级创新平台), `was` its
    old number when renumbered, `status` `added`/`deleted` for a clause new or gone; `field`
    the layer or front-matter field, `key` which date (deadline, year, date, comment_deadline);
    `old`/`new` as written; for money `recipient` (who or what for, new side first), `role`
    and the `details` that differ besides the amount.
    """

    entry: int | None
    clause: str | None
    was: str | None
    status: str | None
    field: str
    key: str | None = None
    old: str | None = None
    new: str | None = None
    recipient: str | None = None
    role: str | None = None
    details: tuple[tuple[str, Any, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"entry": self.entry, "clause": self.clause, "was": self.was, "status": self.status,
                "field": self.field, "key": self.key, "old": self.old, "new": self.new,
                "recipient": self.recipient, "role": self.role,
                "details": [{"key": k, "old": o, "new": n} for k, o, n in self.details]}


@dataclass(frozen=True)
class Glance:
    """The tables at a glance of one diff."""

    money: tuple[Row, ...]
    leads: tuple[Row, ...]
    deadlines: tuple[Row, ...]
    added: tuple[Row, ...]
    deleted: tuple[Row, ...]

    TABLES = ("money", "leads", "deadlines", "added", "deleted")

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name) for name in self.TABLES)

    def to_dict(self) -> dict[str, Any]:
        return {name: [row.to_dict() for row in getattr(self, name)] for name in self.TABLES}


def glance(d: DocumentDiff) -> Glance:
    """The changes at a glance of `d`, each table in reading order."""
    money, leads, deadlines, added, deleted = [], [], [], [], []
    deadlines += [_document_date(f) for f in d.fields if f.field in DOCUMENT_DATES]
    for k, c in enumerate(d.changes):
        where = _where(k, c)
        for f in c.fields:
            if f.field in MONEY_LAYERS:
                money.append(_money(where, f))
            elif f.change == "lead_changed":
                leads.append(Row(*where, f.field, old=_text(f.old), new=_text(f.new)))
            deadlines += [Row(*where, f.field, key, old=_text(o), new=_text(n))
                          for key, o, n in f.details if key in DEADLINE_KEYS]
        if c.level == "clause" and c.status == "added":
            added.append(Row(*where, "clause", new=summary(c.new[0])))
        elif c.level == "clause" and c.status == "deleted":
            deleted.append(Row(*where, "clause", old=summary(c.old[0])))
    return Glance(tuple(money), tuple(leads), tuple(deadlines), tuple(added), tuple(deleted))


def _where(k: int, c: Change) -> tuple[int, str, str | None, str | None]:
    unit = (c.new or c.old)[0]
    was = None
    if c.old and c.new and c.renumbered:
        was = (c.old[0].node.num or c.old[0].node.marker or "").strip() or None
    status = "added" if not c.old else "deleted" if not c.new else None
    return k, unit_label(unit.node), was, status


def _money(where: tuple, f: FieldChange) -> Row:
    old, new = f.old or {}, f.new or {}
    side = new or old
    recipient = side.get("recipient") or side.get("condition")
    details = ()
    if old and new and old.get("text") == new.get("text"):
        details = tuple((k, o, n) for k, o, n in f.details if k in MONEY_DETAILS)
    return Row(*where, f.field, old=old.get("text"), new=new.get("text"), recipient=recipient,
               role=side.get("role") or side.get("kind"), details=details)


def _document_date(f: FieldChange) -> Row:
    return Row(None, None, None, None, f.field, f.field, old=_text(f.old), new=_text(f.new))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return next((str(value[k]) for k in ("text", "name") if value.get(k)), None)
    return str(value)


PLACE_NAMES = {"preamble": "序言", "closing": "结尾", "attachment": "附件", "subdocument": "附文"}


def unit_label(node) -> str:
    """A clause as a reader cites it: 第二十六条, 3.打造一批自治区级创新平台, 序言."""
    if node.kind in PLACE_NAMES:
        return PLACE_NAMES[node.kind]
    if node.kind == "article" or not node.title:
        return (node.num or node.marker or node.id).strip()
    title = node.title if len(node.title) <= TITLE_MAX else node.title[:TITLE_MAX - 1] + "…"
    return f"{(node.marker or node.num or '').strip()}{title}"


def summary(unit) -> str:
    """A clause in a few words: the start of its text after its title (which its label shows)."""
    text = unit.text.split("\n", 1)[0]
    title = unit.node.title
    if title and text.startswith(title):
        text = text[len(title):].lstrip("。.，,：: ") or text
    return text if len(text) <= SUMMARY_MAX else text[:SUMMARY_MAX - 1] + "…"


def entries(d: DocumentDiff) -> list[tuple[int, Change, list[Change]]]:
    """The changed entries a report shows, each clause with the changed items that follow it
    (the clause's redline shows their text; the report only names them)."""
    out: list[tuple[int, Change, list[Change]]] = []
    for k, c in enumerate(d.changes):
        if not c.changed:
            continue
        if c.level == "item" and out and out[-1][1].level == "clause":
            out[-1][2].append(c)
        else:
            out.append((k, c, []))
    return out


def minor(c: Change) -> bool:
    """Only renumbered, or only whitespace, width or punctuation: hidden unless asked for."""
    return c.status in ("unchanged", "formatting") and not (c.moved or c.fields) and (
        c.renumbered or c.status == "formatting")


def change_kinds(c: Change) -> list[str]:
    """The status (unless unchanged) and the flags of an entry, as filter codes."""
    kinds = [c.status] if c.status != "unchanged" else []
    return kinds + [k for k, on in (("renumbered", c.renumbered), ("moved", c.moved), ("fields", bool(c.fields)))
                    if on]


def touches_money(c: Change) -> bool:
    return any(f.field in MONEY_LAYERS for f in c.fields)


def newest_first(docs: Sequence[Document]) -> list[tuple[int, str]]:
    """Where a chain looks newest-first: (k, why) for version k+1 following version k,
    why `date` (dated before it) or `draft` (a draft after a final text dated no later)."""
    out = []
    for k in range(len(docs) - 1):
        a, b = docs[k], docs[k + 1]
        if a.date and b.date and b.date < a.date:
            out.append((k, "date"))
        elif _draft(b) and not _draft(a) and not (a.date and b.date and b.date > a.date):
            out.append((k, "draft"))
    return out


def stated_title(doc: Document) -> str | None:
    """The title the text states; None when the file name stands in for a missing one (W201):
    a report names a version by its title, never by a file id."""
    return None if any(w.code == "W201" for w in doc.warnings) else doc.title


def _draft(doc: Document) -> bool:
    return any(word in (doc.status or "") for word in DRAFT_WORDS)
