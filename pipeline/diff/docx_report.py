"""The diff as a Word document with tracked changes (`policy diff --format docx`).

Staff who circulate a revised draft expect a Word file in revision mode, where
each change can be accepted or rejected in Word or WPS. The first page (修订对照)
names both versions, counts the changes and tabulates the money and lead-unit
changes, each row linking to its clause; then, from a new page, the new
version's whole text with every change tracked (`tracked.py`): accepting all
gives the new text, rejecting all the old. For a chain of versions the document
shows the overall change, first to last. Same input, same bytes: the revision
date is `date`, else the new version's date, else a fixed one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .. import ooxml
from ..model import Document
from . import ChainDiff
from .compare import Change, DocumentDiff
from .tracked import change_anchor, tracked_paragraphs

AUTHOR = "policy-pipeline"
FALLBACK_DATE = "2000-01-01T00:00:00Z"
# (heading, width in twips): together the 156 mm type area of GB/T 9704
COLUMNS = (("序号", 760), ("条款", 2484), ("事项", 1400), ("原文", 2100), ("修改后", 2100))
PLACE_NAMES = {"preamble": "序言", "closing": "结尾", "attachment": "附件", "subdocument": "附文"}
DETAIL_NAMES = {"recipient": "对象", "condition": "条件", "purpose": "用途", "per": "频次",
                "duration_years": "年限", "role": "性质", "qualifier": "限定", "base": "基数"}
COUNTS = (("modified", "修改"), ("added", "新增"), ("deleted", "删除"), ("split", "拆分"), ("merged", "合并"),
          ("moved", "移动"), ("renumbered", "重新编号"), ("formatting", "仅标点或格式变化"))
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class GlanceRow:
    """One row of the table of changes at a glance: where, what, before, after, and the link target."""

    clause: str
    item: str
    old: str
    new: str
    anchor: str | None = None


def glance_rows(d: DocumentDiff) -> list[GlanceRow]:
    """The changes a reviewer looks for first: money terms and lead units, clause by clause."""
    rows = []
    for k, c in enumerate(d.changes):
        for f in c.fields:
            if f.field == "money":
                old, new = _money(f.old, f.new), _money(f.new, f.old)
                rows.append(GlanceRow(_place(c), "资金", old, new, change_anchor(k)))
            elif f.field == "responsibilities" and f.change == "lead_changed":
                rows.append(GlanceRow(_place(c), "牵头单位", f.old or "—", f.new or "—", change_anchor(k)))
    return rows


def revision_date(new: Document, date: datetime | None = None) -> str:
    """The tracked changes' date (xsd:dateTime): `date`, else the new version's date, else a fixed one."""
    if date is not None:
        return date.strftime("%Y-%m-%dT%H:%M:%SZ")
    if new.date and _DAY.match(new.date):
        return f"{new.date}T00:00:00Z"
    return FALLBACK_DATE


def to_docx(chain: ChainDiff, author: str = AUTHOR, date: datetime | None = None) -> bytes:
    """The DOCX package of the overall change of `chain`, tracked changes by `author`."""
    d = chain.overall
    rev = ooxml.Revision(author, revision_date(d.new, date))
    title = d.new.title or d.old.title or d.new.doc_id
    body = _front_page(chain, title, rev) + [ooxml.section_break()]
    for p in tracked_paragraphs(d):
        body.append(ooxml.paragraph(p.segments, None if p.style == "Normal" else p.style, p.mark, rev, p.align,
                                    p.anchor))
    return ooxml.docx_bytes(body, f"{title}（修订对照稿）", rev)


def _front_page(chain: ChainDiff, title: str, rev: ooxml.Revision) -> list:
    d = chain.overall
    docs = [chain.steps[0].old] + [s.new for s in chain.steps]
    note = lambda text: ooxml.paragraph([(text, "")], "Note")  # noqa: E731
    out = [ooxml.paragraph([(title, "")], "Title", align="center"),
           ooxml.paragraph([("修订对照稿", "")], "Subtitle", align="center"),
           note(f"原文：{_version(d.old)}"), note(f"修改后：{_version(d.new)}")]
    if len(docs) > 2:
        between = "；".join(_version(doc) for doc in docs[1:-1])
        out.append(note(f"中间版本：{between}。本稿标出第一版至最后一版的总体修改。"))
    out.append(note(f"说明：以下正文为修改后的全文，所有改动均以修订方式标出（删除的文字带删除线，"
                    f"增加的文字带下划线，修订人“{rev.author}”），可在 Word 或 WPS 的“审阅”中逐条接受或拒绝。"))
    out.append(ooxml.paragraph([("修改概览", "")], "Heading1"))
    out.append(note(_counts(d)))
    rows = glance_rows(d)
    if not rows:
        out.append(note("本次修改未涉及资金数额或牵头单位。"))
        return out
    header = [name for name, _ in COLUMNS]
    cells = []
    for n, row in enumerate(rows, 1):
        place = ooxml.paragraph([], "TableText")
        if row.anchor:
            place.append(ooxml.link(row.clause, row.anchor))
        else:
            place.append(ooxml.run(row.clause))
        cells.append([ooxml.paragraph([(str(n), "")], "TableText", align="center"), place, row.item, row.old, row.new])
    out.append(ooxml.table([header] + cells, [w for _, w in COLUMNS]))
    return out


def _version(doc: Document) -> str:
    label = f"《{doc.title}》" if doc.title else doc.doc_id
    if doc.status:
        label += f"（{doc.status}）"
    facts = [doc.source.name] + ([doc.date] if doc.date else [])
    return f"{label}，{'，'.join(facts)}"


def _counts(d: DocumentDiff) -> str:
    clauses = d.summary()["clauses"]
    parts = [f"{word}{clauses[key]}条" for key, word in COUNTS if clauses[key]]
    return "条款：" + ("，".join(parts) if parts else "无变化") + "。"


def _place(c: Change) -> str:
    """Where a change is, as a reader cites it: 第二十六条（原第二十三条）, 3.打造一批自治区级…"""
    unit = (c.new or c.old)[0]
    label = _unit_label(unit.node)
    if not c.new:
        return label + "（删除）"
    if not c.old:
        return label + "（新增）"
    if c.renumbered:
        label += f"（原{c.old[0].node.num or c.old[0].node.marker}）"
    return label


def _unit_label(node) -> str:
    if node.kind in PLACE_NAMES:
        return PLACE_NAMES[node.kind]
    if node.kind == "article" or not node.title:
        return (node.num or node.marker or node.id).strip()
    title = node.title if len(node.title) <= 18 else node.title[:17] + "…"
    return f"{(node.marker or node.num or '').strip()}{title}"


def _money(term: Any, other: Any) -> str:
    """A money term as printed; when both sides print the same, the details that differ."""
    if not isinstance(term, dict):
        return "—"
    text = str(term.get("text") or "—")
    if isinstance(other, dict) and other.get("text") == term.get("text"):
        details = [f"{name}：{term.get(key) if term.get(key) is not None else '—'}"
                   for key, name in DETAIL_NAMES.items() if term.get(key) != other.get(key)]
        if details:
            text += "（" + "；".join(details) + "）"
    return text

