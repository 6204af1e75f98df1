"""The 任务分工表 as a Word document an office hands out (through `pipeline.ooxml`).

A4 landscape with the GB/T 9704 margins turned with the page; the title (宋体 小二,
broken before 重点任务分工表 when it is long), then one bordered table: the header row (黑体) repeated on
every page, a merged row for each part (黑体) or action (楷体) kept with the row
after it, one row per task (仿宋 五号) that never splits across pages, 序号 centred.
Not in revision mode: the file is meant to be filled in. Same table, same bytes.
"""
from __future__ import annotations

from ..display import width
from ..ooxml import Revision, docx_bytes, paragraph, table
from .rows import HEADERS, Heading, TaskTable

AUTHOR = Revision("policy-pipeline", "2000-01-01T00:00:00Z")
TYPE_WIDTH = 12756  # twips: the 225 mm type area of the turned page
CHAR = 210  # twips: one 10.5 pt (五号) character of the table text
HEADING_CHAR = 240  # twips: one 12 pt character of the header row
PADDING = 200  # twips: the cell margins and a little air
TITLE_LINE = 34  # characters of the 18 pt title on one line of the type area
TABLE_NAME = "重点任务分工表"


def column_widths(table_: TaskTable) -> list[int]:
    """Widths in twips: 序号 and 完成时限 as wide as their text needs, 牵头单位 up to ten
    characters, and the rest shared by 工作任务, 配合单位 and 资金支持 in proportion to how
    text their filled cells hold, so rows come out about as tall in every column."""
    rows = [r.cells(i, between="\n") for i, r in enumerate(table_.rows, 1)]

    def longest(col: int, cap: int) -> int:
        return min(max([2] + [max(map(width, str(c[col]).split("\n"))) // 2 for c in rows]), cap)

    def average(col: int) -> float:
        filled = [width(str(c[col])) for c in rows if c[col]]
        return sum(filled) / max(len(filled), 1)

    two_heading_chars = 2 * HEADING_CHAR + PADDING + 120
    fixed = {"序号": two_heading_chars, "完成时限": max(longest(4, 6) * CHAR + PADDING, two_heading_chars),
             "牵头单位": longest(2, 10) * CHAR + PADDING}
    rest = TYPE_WIDTH - sum(fixed.values())
    # a narrow column loses more of each line to breaks before 、 and ， hence the extra quarter
    weights = {"工作任务": max(average(1), 60), "配合单位": 1.25 * max(average(3), 30),
               "资金支持": 1.25 * max(average(5), 30)}
    total = sum(weights.values())
    shared = {h: max(int(rest * w / total), 4 * CHAR + PADDING) for h, w in weights.items()}
    shared["工作任务"] += rest - sum(shared.values())
    return [{**fixed, **shared}[h] for h in HEADERS]


def to_docx(table_: TaskTable) -> bytes:
    """The Word document of the table as bytes (see the module docstring for the layout)."""
    widths = column_widths(table_)
    rows: list[list] = [list(HEADERS)]
    for item in table_.grouped():
        if isinstance(item, Heading):
            style = "TableGroup" if item.level == 0 else "TableSubgroup"
            rows.append([paragraph([(item.text, "")], style)])
            continue
        serial, task = item
        cells = task.cells(serial, between="\n")
        rows.append([paragraph([(str(c), "")], "TaskText", align="center" if h in ("序号", "完成时限") else None)
                     for h, c in zip(HEADERS, cells)])
    title = table_.title
    if len(title) > TITLE_LINE and title.endswith(TABLE_NAME):
        title = title[: -len(TABLE_NAME)] + "\n" + TABLE_NAME
    body = [paragraph([(title, "")], "TableTitle"), table(rows, widths)]
    return docx_bytes(body, table_.title, AUTHOR, landscape=True, track_revisions=False)
