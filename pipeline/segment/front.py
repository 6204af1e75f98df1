"""Front matter: header blocks, breadcrumb, cover letter, title block, preamble.

Works on the lines before the body. Returns blocks as line-index ranges plus the
fields read from them; `segment.__init__` turns blocks into nodes. The pieces may
come in the orders real pages use: a metadata block above or below the breadcrumb
or the title, a document number above or under the title, a red-head 文件 header.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Letter
from .header import History, read_breadcrumb, read_history, read_markdown_header, read_metadata
from .letter import LetterBlock, read_cover_notice, read_letter, read_untitled_letter
from .lines import Line, skip_blank
from .vocab import (
    ADOPTION, DATE, DATE_LINE, DOC_NUMBER, ORDER_HEAD, ORDER_LINE, ORDER_NO, ORGAN, RED_HEAD, STATUS_LINE, clean_title,
    is_addressee, is_organ_line, is_title_line, iso_date, status_of_title,
)

# 附件 / 附件2 alone on its line, above an attached text's title
_ATTACHMENT_MARK = re.compile(r"^附件[0-9一二三四五六七八九十]*[:：]?$")
# a cell of a table's header row on a line of its own (a page or PDF that sets cells one per line)
_HEADER_CELL = re.compile(r"^(?:序号|编号|名称|文件名称|项目名称|文号|发文字号|备注|类别|清理建议|(?:牵头|责任|配合|实施)?单位)$")
# （民政部　一九九七年一月二十八日）: who wrote an attached text, and when, under its title
_ATTRIBUTION = re.compile(r"^\(\s*[\u4e00-\u9fff、]{2,40}\s*" + DATE.pattern + r"\s*\)$")


@dataclass
class Front:
    """What the front matter holds: blocks (kind, first line, end line) and fields.

    `history` is what a regulation's adoption line under its title says (a fallback
    for the date and issuer); `red_head` the issuers of a 文件 header."""

    blocks: list[tuple[str, int, int]] = field(default_factory=list)
    title: str | None = None
    status: str | None = None
    doc_number: str | None = None
    date: str | None = None
    issuer: str | None = None
    addressee: str | None = None
    breadcrumb: tuple[str, ...] = ()
    letter: Letter | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    history: History = field(default_factory=History)
    red_head: tuple[str, ...] = ()


def _take_letter(front: Front, block: LetterBlock) -> int:
    """Record a letter and what it states; the line after it."""
    front.letter = block.letter
    front.blocks.append(("letter", block.start, block.stop))
    front.doc_number = block.doc_number or front.doc_number
    front.status = block.status or front.status
    return block.stop


def read_front(lines: list[Line], end: int, letter_limit: int | None = None, appended: int | None = None) -> Front:
    """Read front matter from `lines[:end]` (the lines before the body).

    A cover letter must close (with its date line) before `letter_limit`; when
    `appended` is the index of a `附《…（征求意见稿）》：` line, the text up to it is
    the cover notice of the draft that follows.
    """
    front = Front()
    i = skip_blank(lines, 0, end)
    i = _metadata(lines, i, end, front)
    i = _header(lines, i, end, front)
    i = _breadcrumb(lines, i, end, front)
    i = _metadata(lines, i, end, front)
    if appended is not None and i <= appended < end:
        i = _take_letter(front, read_cover_notice(lines, i, appended))
    limit = min(end, letter_limit if letter_limit is not None else end)
    head = _order_cover_head(lines, i, limit)
    found = read_letter(lines, head, limit) if head is not None else None
    if found:
        _title_lines(lines, i, head, front)
    else:
        found = read_letter(lines, i, limit) or read_untitled_letter(lines, i, limit)
    i = _take_letter(front, found) if found else i
    i = _title_block(lines, i, end, front)
    i = _metadata(lines, i, end, front)
    if any(not lines[j].blank for j in range(i, end)):
        front.blocks.append(("preamble", i, end))
        for j in range(i, end):
            line = lines[j]
            if not line.blank:
                if is_addressee(line):
                    front.addressee = line.text.rstrip(":： ")
                break
    return front


def _metadata(lines: list[Line], i: int, end: int, front: Front) -> int:
    """A metadata block copied as text (`发文机关：国务院`, `文　号：…`): a header block."""
    read = read_metadata(lines, skip_blank(lines, i, end), end)
    if read is None:
        return i
    pairs, stop = read
    for key, value in pairs.items():
        front.metadata.setdefault(key, value)
    front.blocks.append(("header", i, stop))
    return stop


def _header(lines: list[Line], i: int, end: int, front: Front) -> int:
    """A Markdown export's header: its title, history (date, issuer, order number) and number."""
    header = read_markdown_header(lines, i, end)
    if header is None:
        return i
    if header.title is not None:
        status, title = status_of_title(header.title)
        front.title, front.status = title, front.status or status
    history = header.history
    front.date = history.date or front.date
    front.issuer = history.issuer or front.issuer
    front.doc_number = header.doc_number or history.doc_number or front.doc_number
    front.blocks.append(("header", header.start, header.stop))
    return header.stop


def _breadcrumb(lines: list[Line], i: int, end: int, front: Front) -> int:
    """A breadcrumb (and the site header above it): a header block, then a breadcrumb block."""
    read = read_breadcrumb(lines, i, end)
    if read is None:
        return i
    front.breadcrumb, site, start, stop = read
    if start > site:
        front.blocks.append(("header", site, start))
    front.blocks.append(("breadcrumb", start, stop))
    return stop


def _order_cover_head(lines: list[Line], i: int, end: int) -> int | None:
    """Where an order's cover starts under the title of the regulation it promulgates
    (`广东省公共数据管理办法` ⏎ `广东省人民政府令` ⏎ `（第290号）`): the index of the order's head."""
    k, seen = skip_blank(lines, i, end), 0
    while k < end and seen < 3 and is_title_line(lines[k]) and not _order_head(lines[k]):
        seen += 1
        k = skip_blank(lines, k + 1, end)
    return k if seen and k < end and _order_head(lines[k]) else None


def _title_lines(lines: list[Line], i: int, end: int, front: Front) -> None:
    """Lines `[i, end)` as the title block."""
    status, front.title = status_of_title(clean_title("".join(ln.text for ln in lines[i:end] if not ln.blank)))
    front.status = front.status or status
    front.blocks.append(("title", i, end))


def _order_head(line: Line) -> bool:
    """`江西省人民政府令` or `中华人民共和国国务院令第706号`, naming an organ."""
    head = ORDER_HEAD.fullmatch(line.folded.replace(" ", ""))
    return head is not None and ORGAN.match(head.group(1)) is not None


def _order_number(lines: list[Line], j: int, end: int) -> int | None:
    """An order's head on its line and its number on the next (`江西省人民政府令` ⏎ `第223号`):
    the index of the number line."""
    if not ORDER_LINE.match(lines[j].folded.strip()) or not _order_head(lines[j]):
        return None
    k = skip_blank(lines, j + 1, end)
    return k if k < end and ORDER_NO.match(lines[k].folded.replace(" ", "")) else None


def _repeats(parts: list[str], again: str) -> bool:
    """Whether `again` (the lines after a title, joined) repeats it or the name it quotes:
    `《X》` then `X`, `我市出台《X》` then `X`, or the same title line twice."""
    said = re.sub(r"\s", "", clean_title("".join(parts)))
    named = [said] + re.findall(r"《([^《》]+)》", said)
    again = re.sub(r"\s", "", clean_title(again))
    return bool(again) and any(name.startswith(again) for name in named)


def _title_block(lines: list[Line], i: int, end: int, front: Front) -> int:
    """A red-head 文件 header, title lines (joined), a document number above or under them,
    a status line, a date line, and adoption or attribution lines in brackets."""
    i = skip_blank(lines, i, end)
    j = i
    parts: list[str] = []
    heads: list[str] = []
    adoption: list[str] = []
    repeat: list[str] = []  # lines that say the title (or the name it quotes) again
    number = status_seen = None
    closed = False  # a number or adoption line came after the title: no more title lines
    while j < end:
        line = lines[j]
        if line.blank:
            j += 1
            continue
        s = line.folded.replace(" ", "")
        red = RED_HEAD.match(line.folded.strip()) if not (parts or number) else None
        if red and all(ORGAN.match(p) for p in red.group(1).split()):
            heads.extend(red.group(1).split())
        elif heads and not (parts or number) and is_organ_line(line):
            heads.extend(line.folded.split())
        elif parts and (stage := STATUS_LINE.match(s)):
            front.status = status_seen = stage.group(1)
        elif DATE_LINE.match(s) and parts:
            front.date = iso_date(DATE.search(s))
        elif not (parts or heads or number) and _ATTACHMENT_MARK.match(s):
            pass  # `附件` over an attached text's title: the title block's, not the title's
        elif DOC_NUMBER.fullmatch(s) and number is None and (parts or front.title or _title_follows(lines, j, end)
                                                             or _addressee_follows(lines, j, end)):
            number = front.doc_number = line.text
            closed = bool(parts)
        elif parts and number is None and (at := _order_number(lines, j, end)) is not None:
            number = front.doc_number = s + lines[at].folded.replace(" ", "").strip("()")
            closed, j = True, at
        elif parts and not status_seen and _repeats(parts, "".join(repeat + [line.text])):
            repeat.append(line.text)
            closed = True
        elif (not (status_seen or closed) and is_title_line(line) and len(parts) < 4 and not DOC_NUMBER.fullmatch(s)
              and not _table_row(line)):
            parts.append(line.text)
        elif parts and (ADOPTION.match(s) or _ATTRIBUTION.match(s)):
            adoption.append(line.text)
            closed = True
        else:
            break
        j += 1
    if not (parts or number or heads):
        return i
    front.red_head = tuple(heads)
    front.history = read_history(adoption)
    if parts:
        status, title = status_of_title(clean_title("".join(parts)))
        front.status = front.status or status
        front.title = front.title or title
    while j > i and lines[j - 1].blank:
        j -= 1
    front.blocks.append(("title", i, j))
    return j


def _table_row(line: Line) -> bool:
    """A table's row (cells joined by tabs, as the loaders write them) or a header cell of its
    own (`序号`, `文件名称`): never a title, so a text that opens with a table states none and
    the title supplied beside it (the page's 标题, the folder's METADATA.tsv) stands."""
    cells = sum(1 for cell in line.text.split("\t") if cell.strip())
    return cells > 1 or _HEADER_CELL.match(line.folded.strip()) is not None


def _addressee_follows(lines: list[Line], j: int, end: int) -> bool:
    """Whether the addressee comes right under the number line at `j` (a page that gives the
    title only in its header: `京政办发〔2025〕12号` ⏎ `各区人民政府，…：`)."""
    k = skip_blank(lines, j + 1, end)
    return k < end and is_addressee(lines[k])


def _title_follows(lines: list[Line], j: int, end: int) -> bool:
    """Whether a title line comes right under the number line at `j`."""
    k = skip_blank(lines, j + 1, end)
    return k < end and is_title_line(lines[k])
