"""The 任务分工表 as an Excel workbook an office hands out.

One sheet: a title row, the header row (repeated on every printed page), a merged
row for each part or action the tasks are grouped by, one row per task with a
numeric 序号 and its full text; thin borders on every cell of the table,
仿宋_GB2312 body, 黑体 title and headers (楷体_GB2312 for an action inside a part),
A4 landscape fitted to the page width, page numbers in the footer. Row heights
are set from the text, because Excel does not fit wrapped rows it did not write.
Same table, same bytes (zip entries and workbook stamps fixed).
"""
from __future__ import annotations

import io
import math
import re
import zipfile
from datetime import datetime

from ..display import width
from .rows import HEADERS, Heading, TaskTable

BODY_FONT, HEAD_FONT, SUB_FONT, DEFAULT_FONT = "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"
GB2312 = 134  # the font charset Excel uses to pick a Chinese face
BODY_SIZE, HEAD_SIZE, TITLE_SIZE = 11, 12, 16
# Column widths are in Excel's character units (a CJK character takes about two); the table
# spans TOTAL of them, 工作任务 taking what the other columns leave.
TOTAL = 166
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = 0.6, 0.7, 0.8  # inches
DIGIT_PX = 7  # width of a digit of 宋体 11 pt at 96 dpi: Excel's column unit
FILL = 0.96
LINE_PT = 15.5  # one line of 11 pt CJK text, with room for the taller Noto CJK lines
FIXED_TIME = datetime(2000, 1, 1)


def to_xlsx(table: TaskTable) -> bytes:
    """The workbook of `table` as bytes (see the module docstring for the layout)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    _default_font(wb)
    ws = wb.active
    ws.title = "任务分工表"
    last = get_column_letter(len(HEADERS))
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    widths = column_widths(table)

    def put(values, face: str, size: int, height: float, merged: bool = False, bold: bool = False,
            centred: tuple[str, ...] = (), border: bool = True) -> None:
        ws.append(list(values) + [None] * (len(HEADERS) - len(values)))
        row = ws.max_row
        if merged:
            ws.merge_cells(f"A{row}:{last}{row}")
        for header, cell in zip(HEADERS, ws[row]):
            cell.font = Font(name=face, size=size, bold=bold, charset=GB2312)
            cell.alignment = Alignment(horizontal="center" if header in centred or "*" in centred else "left",
                                       vertical="center", wrap_text=True)
            if border:
                cell.border = box
        ws.row_dimensions[row].height = height

    put([table.title], HEAD_FONT, TITLE_SIZE, max(36, _lines(table.title, TOTAL, TITLE_SIZE) * 24 + 12),
        merged=True, centred=("*",), border=False)
    put(HEADERS, HEAD_FONT, HEAD_SIZE, 24, centred=("*",))
    for item in table.grouped():
        if isinstance(item, Heading):
            put([item.text], HEAD_FONT if item.level == 0 else SUB_FONT, BODY_SIZE,
                _lines(item.text, TOTAL, BODY_SIZE) * LINE_PT + 6, merged=True, bold=item.level > 0)
        else:
            cells = item[1].cells(item[0], between="\n")
            lines = max(_lines(str(v), widths[h], BODY_SIZE) for h, v in zip(HEADERS, cells))
            put(cells, BODY_FONT, BODY_SIZE, lines * LINE_PT + 8, centred=("序号", "完成时限"))
    for col, header in enumerate(HEADERS, 1):
        ws.column_dimensions[get_column_letter(col)].width = widths[header]
    _print_setup(ws, last, widths)
    wb.properties.title = table.title
    wb.properties.creator = "policy-pipeline"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_zip_times(buf.getvalue())


def _print_setup(ws, last: str, widths: dict[str, float]) -> None:
    """A4 landscape fitted to the page width, the header row on every page, page numbers, and
    page breaks placed so a part's or action's heading never ends a page."""
    from openpyxl.worksheet.pagebreak import Break
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    ws.print_area = f"A1:{last}{ws.max_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = MARGIN_SIDE
    ws.page_margins.top, ws.page_margins.bottom = MARGIN_TOP, MARGIN_BOTTOM
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.font = BODY_FONT
    heights = [ws.row_dimensions[r].height for r in range(1, ws.max_row + 1)]
    headings = {r for r in range(3, ws.max_row + 1) if any(f"A{r}:" in str(m) for m in ws.merged_cells.ranges)}
    for row in page_breaks(heights, headings, sum(widths.values())):
        ws.row_breaks.append(Break(id=row))


def page_breaks(heights: list[float], headings: set[int], columns: float) -> list[int]:
    """Rows (1-based) after which a page ends, for rows of `heights` pt under a repeated header
    (row 2); a heading row (in `headings`) moves to the next page with the row after it.

    The page holds less than it measures (`FILL`), so the application's own page breaks,
    which depend on the fonts it has, never come before these."""
    printed_width = (297 / 25.4 - 2 * MARGIN_SIDE) * 72
    scale = min(1.0, printed_width / ((columns * DIGIT_PX + 5 * len(HEADERS)) * 0.75))
    page = ((210 / 25.4 - MARGIN_TOP - MARGIN_BOTTOM) * 72 / scale) * FILL - heights[1]
    breaks, used = [], heights[0]
    rows = len(heights)
    for r in range(3, rows + 1):
        need = heights[r - 1] + (heights[r] if r in headings and r < rows else 0)
        if used + need > page and used > 0:
            breaks.append(r - 1)
            used = 0
        used += heights[r - 1]
    return breaks


def column_widths(table: TaskTable) -> dict[str, float]:
    """Each column as wide as its longest unit name or time limit needs (within bounds, so a
    name never breaks before its last character), 工作任务 the rest."""
    def longest(values) -> int:
        return max([0] + [width(v) for v in values])

    rows = table.rows
    out = {"序号": 6.0,
           "牵头单位": float(min(max(longest(n for r in rows for n in r.lead) + 3, 12), 24)),
           "配合单位": 30.0 if any(r.co or r.guide for r in rows) else 12.0,
           "完成时限": float(min(max(longest(r.deadline for r in rows) + 3, 10), 20)),
           "资金支持": 30.0 if any(r.money for r in rows) else 12.0}
    out["工作任务"] = TOTAL - sum(out.values())
    return {h: out[h] for h in HEADERS}


def _default_font(wb) -> None:
    """宋体 11 as the workbook's default font: column widths are counted in its digit width, which
    matches Calibri's, and empty cells print in it on a Chinese system."""
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList

    font = Font(name=DEFAULT_FONT, size=BODY_SIZE, charset=GB2312)
    wb._fonts = IndexedList([font])
    wb._named_styles["Normal"].font = font


def _lines(text: str, columns: float, size: int) -> int:
    """Printed lines `text` takes in a column `columns` characters wide at `size` pt (11 pt: a
    CJK character takes about 2.1 units, a cell keeps about one unit of padding)."""
    per_line = max((columns - 2) * 11 / size, 2)
    return max(1, sum(math.ceil(width(line) * 1.1 / per_line) or 1 for line in text.split("\n")))


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
