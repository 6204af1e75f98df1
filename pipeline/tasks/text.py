"""The 任务分工表 and unit counts as CSV (for programs and spreadsheets) and Markdown (for reading)."""
from __future__ import annotations

import csv
import io
from typing import Any, Iterable

from .rows import HEADERS, Heading, TaskTable, UnitCount

# The CSV adds what a program needs to join it back: the group, the number as printed, the node id.
CSV_HEADERS = HEADERS + ("所属部分", "原文序号", "节点编号")
UNIT_HEADERS = ("单位", "牵头任务数", "参与任务数")
GUIDE_HEADER = "指导任务数"


def unit_table(counts: Iterable[UnitCount]) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Headers and rows of the unit counts: `UNIT_HEADERS`, and `指导任务数` only when a unit
    guides a task (most documents name no guiding unit)."""
    counts = list(counts)
    if any(c.guides for c in counts):
        return UNIT_HEADERS + (GUIDE_HEADER,), [(c.name, str(c.leads), str(c.joins), str(c.guides)) for c in counts]
    return UNIT_HEADERS, [(c.name, str(c.leads), str(c.joins)) for c in counts]


def to_csv(rows: Iterable[tuple[Any, ...]], headers: tuple[str, ...] = CSV_HEADERS) -> str:
    """CSV text (RFC 4180 quoting, CRLF rows); the writer adds a BOM so Excel reads it as UTF-8."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(headers)
    writer.writerows(rows)
    return buf.getvalue()


def csv_rows(table: TaskTable) -> list[tuple[Any, ...]]:
    """One CSV row per task: the office columns, then its groups, printed number and node id."""
    return [r.cells(i) + (" / ".join(r.groups), r.number, r.node_id) for i, r in enumerate(table.rows, 1)]


def to_markdown(rows: Iterable[tuple[Any, ...]], headers: tuple[str, ...] = HEADERS, title: str | None = None) -> str:
    """A GitHub-style Markdown table, with `|` and line breaks in cells escaped."""
    lines = [f"# {title}", ""] if title else []
    lines += _md_table(rows, headers)
    return "\n".join(lines) + "\n"


def _md_table(rows: Iterable[tuple[Any, ...]], headers: tuple[str, ...]) -> list[str]:
    def cell(value: Any) -> str:
        return " ".join(str(value).split()).replace("|", "\\|")

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    return lines + ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]


def table_markdown(table: TaskTable) -> str:
    """The table in Markdown: its title, a heading per part/action, a table of rows under each."""
    lines = [f"# {table.title}", ""]
    pending: list[tuple[Any, ...]] = []

    def flush() -> None:
        if pending:
            lines.extend(_md_table(pending, HEADERS) + [""])
            pending.clear()

    for item in table.grouped():
        if isinstance(item, Heading):
            flush()
            lines += [f"{'#' * min(item.level + 2, 6)} {item.text}", ""]
        else:
            pending.append(item[1].cells(item[0]))
    flush()
    return "\n".join(lines).rstrip("\n") + "\n"
