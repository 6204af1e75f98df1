"""The diff as a Word document with tracked changes (`policy diff --format docx`).

Staff who circulate a revised draft expect a Word file in revision mode, where
each change can be accepted or rejected in Word or WPS. The first page (修订对照)
names both versions, counts the changes and tabulates the changes at a glance
(`glance.py`): money (原文 / 修改后 / 对象 / 性质), lead units, deadlines and dates,
clauses added and deleted, each row linking to its clause's bookmark; then, from a
new page, the new version's whole text with every change tracked (`tracked.py`):
accepting all gives the new text, rejecting all the old. For a chain of versions
the document shows the overall change, first to last. Same input, same bytes: the
revision date is `date`, else the new version's date, else a fixed one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from .. import ooxml
from ..model import Document
from . import ChainDiff
from .compare import DocumentDiff
from .glance import glance, stated_title
from .labels import Words
from .tracked import change_anchor, tracked_paragraphs

AUTHOR = "policy-pipeline"
FALLBACK_DATE = "2000-01-01T00:00:00Z"
# Each table at a glance: its heading and its columns (heading, width in twips), together
# the 156 mm type area of GB/T 9704.
TABLES = (
    ("money", "资金变化", (("序号", 700), ("条款", 1900), ("原文", 1800), ("修改后", 1800), ("对象", 1844), ("性质", 800))),
    ("leads", "牵头单位变化", (("序号", 760), ("条款", 2484), ("原文", 2800), ("修改后", 2800))),
    ("deadlines", "时限和日期变化", (("序号", 760), ("条款", 2484), ("事项", 1400), ("原文", 2100), ("修改后", 2100))),
    ("added", "新增条款", (("序号", 760), ("条款", 2484), ("内容", 5600))),
    ("deleted", "删除条款", (("序号", 760), ("条款", 2484), ("内容", 5600))),
)
COUNTS = (("modified", "修改"), ("added", "新增"), ("deleted", "删除"), ("split", "拆分"), ("merged", "合并"),
          ("moved", "移动"), ("renumbered", "重新编号"), ("formatting", "仅标点或格式变化"))
CELL_MAX = 16
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class GlanceRow:
    """One row of a table at a glance as the Word file prints it: which table, where, the
    cells after 条款, and the bookmark the place links to."""

    table: str
    clause: str
    cells: tuple[str, ...]
    anchor: str | None = None


def glance_rows(d: DocumentDiff) -> list[GlanceRow]:
    """The rows of the first page's tables, table by table, in reading order within each."""
    w = Words("zh")
    g = glance(d)
    cells = {
        "money": lambda r: (w.money_cell(r, "old"), w.money_cell(r, "new"), _short(r.recipient or "—"),
                            w[r.role] if r.role else "—"),
        "leads": lambda r: (r.old or "—", r.new or "—"),
        "deadlines": lambda r: (w[r.key or r.field], r.old or "—", r.new or "—"),
        "added": lambda r: (r.new or "",),
        "deleted": lambda r: (r.old or "",),
    }
    rows = []
    for name, _, _ in TABLES:
        for r in getattr(g, name):
            anchor = change_anchor(r.entry) if r.entry is not None else None
            rows.append(GlanceRow(name, w.place(r, name not in ("added", "deleted")), cells[name](r), anchor))
    return rows


def _short(text: str) -> str:
    """A cell's text cut to a few words (the clause, a click away, has it all)."""
    return text if len(text) <= CELL_MAX else text[:CELL_MAX - 1] + "…"


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
    title = stated_title(d.new) or stated_title(d.old) or "（未识别标题）"
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
        out.append(note("本次修改不涉及资金、牵头单位、时限，也没有新增或删除条款。"))
        return out
    for name, heading, columns in TABLES:
        mine = [r for r in rows if r.table == name]
        if not mine:
            continue
        out.append(ooxml.paragraph([(heading, "")], "Heading2"))
        cells = []
        for n, row in enumerate(mine, 1):
            place = ooxml.paragraph([], "TableText")
            place.append(ooxml.link(row.clause, row.anchor) if row.anchor else ooxml.run(row.clause))
            cells.append([ooxml.paragraph([(str(n), "")], "TableText", align="center"), place, *row.cells])
        out.append(ooxml.table([[head for head, _ in columns]] + cells, [width for _, width in columns]))
    return out


def _version(doc: Document) -> str:
    label = f"《{stated_title(doc)}》" if stated_title(doc) else "（未识别标题）"
    if doc.status:
        label += f"（{doc.status}）"
    facts = [doc.source.name] + ([doc.date] if doc.date else [])
    return f"{label}，{'，'.join(facts)}"


def _counts(d: DocumentDiff) -> str:
    clauses = d.summary()["clauses"]
    parts = [f"{word}{clauses[key]}条" for key, word in COUNTS if clauses[key]]
    return "条款：" + ("，".join(parts) if parts else "无变化") + "。"
