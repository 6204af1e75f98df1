"""The 任务分工表 (task allocation table): one row per measure, who leads, who joins.

Rows come from the responsibility notes attached to the document: a measure's
row gathers the notes of the measure and of everything under it. A node that holds
a note but sits in no measure (a part or article with its own note) gets its own row.
Names are the full normalized ones. Reads the `responsibilities` and `money` layers.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable

from .emit import write_atomic
from .model import Document, Layer, Node

HEADERS = ("序号", "工作任务", "牵头单位", "配合单位", "完成时限", "资金支持", "编号")
UNIT_HEADERS = ("单位", "牵头任务数", "参与任务数")
FORMATS = ("csv", "md", "xlsx")
FIXED_TIME = datetime(2000, 1, 1)


@dataclass(frozen=True)
class TaskRow:
    """One measure: printed number, short title, lead and co-units (normalized), the time
    limits its notes state, money summary."""

    node_id: str
    number: str
    title: str
    lead: tuple[str, ...]
    co: tuple[str, ...]
    money: str
    deadline: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.node_id, "number": self.number, "title": self.title,
                "lead": list(self.lead), "co": list(self.co), "deadline": self.deadline, "money": self.money}

    def cells(self) -> tuple[str, ...]:
        return (self.number, self.title, "、".join(self.lead), "、".join(self.co), self.deadline, self.money,
                self.node_id)


@dataclass(frozen=True)
class UnitCount:
    """How many task rows one unit leads and joins."""

    name: str
    leads: int
    joins: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "leads": self.leads, "joins": self.joins}


def task_rows(doc: Document) -> tuple[TaskRow, ...]:
    """The rows of the table, in document order."""
    notes = doc.layer("responsibilities")
    return tuple(_row(doc, node) for node in _task_nodes(doc.root, notes))


def _task_nodes(node: Node, notes: Layer) -> Iterable[Node]:
    """Measures, and nodes outside any measure that hold notes themselves."""
    if node.kind == "measure":
        yield node
        return
    if notes.of(node.id):
        yield node
    for child in node.children:
        yield from _task_nodes(child, notes)


def _row(doc: Document, node: Node) -> TaskRow:
    nodes = list(node.walk()) if node.kind == "measure" else [node]
    notes = [r for n in nodes for r in doc.layer("responsibilities").of(n.id)]
    lead: dict[str, None] = {}
    co: dict[str, None] = {}
    for note in notes:
        leads = [u.normalized for u in note.units if u.role == "lead"]
        for name in leads or ([note.lead_normalized] if note.lead_normalized else []):
            lead.setdefault(name)
    for note in notes:
        for unit in note.units:
            if unit.normalized not in lead:
                co.setdefault(unit.normalized)
    money = "；".join(m.text for n in nodes for m in doc.layer("money").of(n.id))
    deadline = "；".join(dict.fromkeys(note.deadline for note in notes if note.deadline))
    own = doc.text[node.start:node.own_end].strip()
    if node.marker and own.startswith(node.marker):
        own = own[len(node.marker):]
    title = node.title or " ".join(own.split())[:40]
    return TaskRow(node.id, node.num or "", title, tuple(lead), tuple(co), money, deadline)


def unit_counts(rows: Iterable[TaskRow]) -> tuple[UnitCount, ...]:
    """Each unit with the number of rows it leads and joins; most leads first, then by name."""
    leads: dict[str, int] = {}
    joins: dict[str, int] = {}
    for row in rows:
        for name in row.lead:
            leads[name] = leads.get(name, 0) + 1
        for name in row.co:
            joins[name] = joins.get(name, 0) + 1
    names = set(leads) | set(joins)
    counts = [UnitCount(n, leads.get(n, 0), joins.get(n, 0)) for n in names]
    return tuple(sorted(counts, key=lambda c: (-c.leads, -c.joins, c.name)))


def to_csv(rows: Iterable[tuple[str, ...]], headers: tuple[str, ...] = HEADERS) -> str:
    """CSV text (RFC 4180 quoting, CRLF rows); the writer adds a BOM so Excel reads it as UTF-8."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(headers)
    writer.writerows(rows)
    return buf.getvalue()


def to_markdown(rows: Iterable[tuple[str, ...]], headers: tuple[str, ...] = HEADERS, title: str | None = None) -> str:
    """A GitHub-style Markdown table, with `|` and line breaks in cells escaped."""
    def cell(value: str) -> str:
        return " ".join(str(value).split()).replace("|", "\\|")

    lines = [f"# {title}", ""] if title else []
    lines.append("| " + " | ".join(headers) + " |")
    lines.append("|" + "|".join(" --- " for _ in headers) + "|")
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def to_xlsx(rows: Iterable[tuple[str, ...]], headers: tuple[str, ...] = HEADERS, sheet: str = "任务分工表") -> bytes:
    """One sheet: bold frozen header row, widths fitted to the text (CJK counts double), wrapped cells.

    Timestamps are fixed so the same table gives the same bytes.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    rows = [tuple(r) for r in rows]
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for col, header in enumerate(headers, 1):
        width = max([_display_width(header)] + [_display_width(r[col - 1]) for r in rows])
        ws.column_dimensions[get_column_letter(col)].width = min(max(width + 2, 8), 60)
        for cell in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            cell[0].alignment = Alignment(wrap_text=True, vertical="top")
    wb.properties.created = wb.properties.modified = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_zip_times(buf.getvalue())


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


def _fixed_zip_times(data: bytes) -> bytes:
    """Rewrite a zip with every member dated 1980-01-01 and the workbook's `modified` stamp
    (which openpyxl sets to now on save) fixed, for byte-identical output."""
    out = io.BytesIO()
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, content)
            dst.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), content,
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def write_tasks(doc: Document, out_dir: str | Path, formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write `<doc_id>.tasks.<ext>` for each format, atomically; return the paths."""
    rows = [r.cells() for r in task_rows(doc)]
    title = f"任务分工表：{doc.title}" if doc.title else "任务分工表"
    render = {
        "csv": lambda: ("\ufeff" + to_csv(rows)).encode("utf-8"),
        "md": lambda: to_markdown(rows, title=title).encode("utf-8"),
        "xlsx": lambda: to_xlsx(rows),
    }
    payloads = [(Path(out_dir) / f"{doc.doc_id}.tasks.{fmt}", render[fmt]()) for fmt in formats]
    return [write_atomic(path, data) for path, data in payloads]
