"""The 任务分工表 (task allocation table) of a document, in the forms people use it.

`rows` makes the table (one row per measure: who leads, who joins, by when, with
what money, grouped by part and action); `text` writes CSV and Markdown, `xlsx`
and `docx` the office forms to print and hand out. `write_tasks` writes the
formats asked for.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..emit import write_atomic
from ..model import Document
from .rows import HEADERS, Heading, TaskRow, TaskTable, UnitCount, table_title, task_rows, task_table, unit_counts
from .text import CSV_HEADERS, GUIDE_HEADER, UNIT_HEADERS, csv_rows, table_markdown, to_csv, to_markdown, unit_table

FORMATS = ("csv", "md", "xlsx", "docx")


def has_table(table: TaskTable) -> bool:
    """Whether the table says who does what: some row names a unit, if only one that guides (a
    table of measures without one, or of no measures at all, is not handed out)."""
    return any(row.lead or row.co or row.guide for row in table.rows)


def write_tasks(doc: Document, out_dir: str | Path, formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write `<doc_id>.tasks.<ext>` for each format, atomically; return the paths (none when
    the document has no table, see `has_table`)."""
    table = task_table(doc)
    if not has_table(table):
        return []
    render = {
        "csv": lambda: ("\ufeff" + to_csv(csv_rows(table))).encode("utf-8"),
        "md": lambda: table_markdown(table).encode("utf-8"),
        "xlsx": lambda: _office("xlsx", table),
        "docx": lambda: _office("docx", table),
    }
    payloads = [(Path(out_dir) / f"{doc.doc_id}.tasks.{fmt}", render[fmt]()) for fmt in formats]
    return [write_atomic(path, data) for path, data in payloads]


def _office(fmt: str, table: TaskTable) -> bytes:
    if fmt == "xlsx":
        from .xlsx import to_xlsx

        return to_xlsx(table)
    from .docx import to_docx

    return to_docx(table)


__all__ = ["HEADERS", "CSV_HEADERS", "UNIT_HEADERS", "GUIDE_HEADER", "FORMATS", "Heading", "TaskRow", "TaskTable",
           "UnitCount", "table_title", "task_rows", "task_table", "unit_counts", "unit_table", "csv_rows",
           "table_markdown", "to_csv", "to_markdown", "has_table", "write_tasks"]
