"""Tables in extracted text, and task-allocation tables read as rows of fields.

The HTML and DOCX readers write a table as one line per row, cells joined by a
tab, so tables can be recovered from the text alone, with offsets into it (the
same standoff contract as every extractor). A task-allocation table (分工表,
usually in 附件) is one whose header names a task column and a unit column:
序号 / 任务 (重点任务, 工作任务, 具体措施…) / 牵头单位 / 责任单位 (配合单位…) /
完成时限 (时间节点…). `task_rows(text)` returns its data rows with one `Cell`
per recognised column; an empty unit or deadline cell (a merged cell in the
original) takes the cell above it, as a reader of the printed table would.
`split_units(cell)` splits a unit cell on `、，,；;` and spaces, spans kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_COLUMNS = (
    ("seq", re.compile(r"^(序号|编号|序)$")),
    ("lead", re.compile(r"牵头|主责|主办")),
    ("units", re.compile(r"责任|配合|参与|协办|协助|单位|部门")),
    ("deadline", re.compile(r"时限|时间|期限|节点|进度")),
    ("task", re.compile(r"任务|措施|内容|事项|举措|工作")),
)
_COUNT = re.compile(r"^\s*\d+(?:\.\d+)?\s*(?:人|名|个|家|户|项)?\s*$")
_UNIT_SPLIT = re.compile(r"[、，,；;\s]+")


@dataclass(frozen=True)
class Cell:
    """One table cell: its text and `[start, end)` span in the extracted text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Table:
    """A run of tab-separated lines: the first row and the rest."""

    start: int
    end: int
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class TaskRow:
    """One row of a task-allocation table; absent columns are None.

    `inherited` names the fields taken from the row above (merged cells).
    """

    start: int
    end: int
    seq: Cell | None
    task: Cell | None
    lead: Cell | None
    units: Cell | None
    deadline: Cell | None
    inherited: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        fields = ("seq", "task", "lead", "units", "deadline")
        out: dict[str, Any] = {"start": self.start, "end": self.end}
        out.update({f: getattr(self, f).to_dict() if getattr(self, f) else None for f in fields})
        out["inherited"] = list(self.inherited)
        return out


def tables(text: str) -> tuple[Table, ...]:
    """Every run of at least two consecutive lines holding a tab."""
    found, run, pos = [], [], 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        if "\t" in line:
            run.append(_cells(line, pos))
        else:
            _close(run, found)
            run = []
        pos += len(raw)
    _close(run, found)
    return tuple(found)


def _close(run: list, found: list) -> None:
    if len(run) >= 2:
        found.append(Table(run[0][0].start, run[-1][-1].end, tuple(tuple(r) for r in run)))


def _cells(line: str, offset: int) -> list[Cell]:
    cells, pos = [], offset
    for part in line.split("\t"):
        lead = len(part) - len(part.lstrip())
        stripped = part.strip()
        cells.append(Cell(stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(part) + 1
    return cells


def columns(header: tuple[Cell, ...]) -> dict[str, int]:
    """Map field name -> column index from a header row (first match wins)."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = re.sub(r"\s+", "", cell.text)
        for field, pattern in _COLUMNS:
            if field not in found and pattern.search(name):
                found[field] = index
                break
    return found


def task_rows(text: str) -> tuple[TaskRow, ...]:
    """Data rows of every task-allocation table in `text` (see module doc)."""
    rows: list[TaskRow] = []
    for table in tables(text):
        cols = columns(table.rows[0])
        if "task" not in cols or not ({"lead", "units"} & set(cols)):
            continue
        if _counts_only(table.rows[1:], cols["task"]):
            continue
        above: dict[str, Cell | None] = {}
        for row in table.rows[1:]:
            values: dict[str, Cell | None] = {}
            inherited = []
            for field in ("seq", "task", "lead", "units", "deadline"):
                index = cols.get(field)
                cell = row[index] if index is not None and index < len(row) else None
                if cell is not None and not cell.text:
                    cell = None
                if cell is None and field in {"lead", "units", "deadline"} and above.get(field):
                    cell = above[field]
                    inherited.append(field)
                values[field] = cell
            above = values
            rows.append(TaskRow(row[0].start, row[-1].end, inherited=tuple(inherited), **values))
    return tuple(rows)


def _counts_only(rows: tuple[tuple[Cell, ...], ...], task: int) -> bool:
    """Whether the task column holds only numbers: a quota table (`安置单位名称 | 安置任务` over
    `丽水国家粮食储备库 | 1`), where 任务 counts people or places, not a task to allocate."""
    cells = [row[task].text for row in rows if task < len(row) and row[task].text.strip()]
    return bool(cells) and all(_COUNT.match(text) for text in cells)


def split_units(cell: Cell) -> tuple[Cell, ...]:
    """The units named in a unit cell, each with its own span."""
    out, pos = [], 0
    for part in _UNIT_SPLIT.split(cell.text):
        at = cell.text.index(part, pos) if part else pos
        if part:
            out.append(Cell(part, cell.start + at, cell.start + at + len(part)))
        pos = at + len(part)
    return tuple(out)
