"""Front matter: Markdown header, breadcrumb, cover letter, title block, preamble.

Works on the lines before the body. Returns blocks as line-index ranges plus the
fields read from them; `segment.__init__` turns blocks into nodes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Letter
from .letter import LetterBlock, read_cover_notice, read_letter
from .lines import Line, skip_blank
from .vocab import (
    ADOPTION, BREADCRUMB, DATE, DATE_LINE, DOC_NUMBER, MEETING, META_LABEL, ORDER, STATUS_LINE, STATUS_WORDS,
    is_addressee, is_title_line, iso_date,
)


@dataclass
class Front:
    """What the front matter holds: blocks (kind, first line, end line) and fields."""

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
    if appended is not None and i <= appended < end:
        i = _take_letter(front, read_cover_notice(lines, i, appended))
    found = read_letter(lines, i, min(end, letter_limit if letter_limit is not None else end))
    i = _take_letter(front, found) if found else i
    i = _title_block(lines, i, end, front)
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
    """A metadata table copied as text: `发文机关：` / `国务院` pairs or `标题：…` lines."""
    j, key = i, None
    while j < end:
        line = lines[j]
        if line.blank:
            j += 1
            continue
        m = META_LABEL.match(re.sub(r"\s", "", line.folded))
        if m:
            key = m.group(1)
            if m.group(2):
                front.metadata[key] = line.text.split(":" if ":" in line.text else "：", 1)[-1].strip()
                key = None
        elif key is not None and _is_value(key, line, lines, j, end):
            front.metadata[key] = line.text
            key = None
        else:
            break
        j += 1
    if len(front.metadata) < 2:
        front.metadata.clear()
        return i
    front.blocks.append(("header", i, j))
    return j


def _is_value(key: str, line: Line, lines: list[Line], j: int, end: int) -> bool:
    """A line under a metadata label is its value if it looks like one, or a label follows it."""
    squeezed = line.folded.replace(" ", "")
    if key in ("成文日期", "发布日期", "生效日期"):
        return DATE_LINE.match(squeezed) is not None
    if key in ("发文字号", "文号"):
        return DOC_NUMBER.fullmatch(squeezed) is not None
    k = skip_blank(lines, j + 1, end)
    return k < end and META_LABEL.match(re.sub(r"\s", "", lines[k].folded)) is not None


def _history_line(line: Line, front: Front) -> None:
    """`2015年1月5日 国家工商行政管理总局令第73号公布`: the latest adoption or revision line
    gives the date; the latest order number written (with the issuer before 令) or
    adopting meeting stays when a later revision by 决定 names none."""
    m = DATE.search(line.folded)
    if not m or not re.search(r"公布|发布|修订|修正|通过", line.text):
        return
    front.date = iso_date(m)
    order = ORDER.match(line.text, m.end())
    meeting = MEETING.match(line.text, m.end())
    if order:
        front.doc_number, front.issuer = re.sub(r"\s", "", order.group(0)), order.group(1)
    elif meeting:
        front.issuer = meeting.group(1)


def _header(lines: list[Line], i: int, end: int, front: Front) -> int:
    """A Markdown export's header: `# title`, amendment lines, up to `<!-- INFO END -->`."""
    for j in range(i, min(end, i + 60)):
        if "INFO END" in lines[j].text:
            for k in range(i, j):
                if lines[k].text.startswith("# ") and front.title is None:
                    front.title = lines[k].text[2:].strip()
                elif DOC_NUMBER.fullmatch(lines[k].folded.replace(" ", "")):
                    front.doc_number = lines[k].text
                else:
                    _history_line(lines[k], front)
            front.blocks.append(("header", i, j + 1))
            return j + 1
    if i < end and lines[i].text.startswith("# "):
        front.title = lines[i].text[2:].strip()
        front.blocks.append(("header", i, i + 1))
        return i + 1
    return i


def _breadcrumb(lines: list[Line], i: int, end: int, front: Front) -> int:
    i = skip_blank(lines, i, end)
    if i >= end or not BREADCRUMB.match(lines[i].folded):
        return i
    crumbs = tuple(c.strip() for c in re.split(r"[>›»]", lines[i].text.split(":", 1)[-1]) if c.strip())
    front.breadcrumb = crumbs
    j = skip_blank(lines, i + 1, end)
    stop = i + 1
    if j < end and crumbs and lines[j].text == crumbs[-1]:
        stop = j + 1
    front.blocks.append(("breadcrumb", i, stop))
    return stop


def _title_block(lines: list[Line], i: int, end: int, front: Front) -> int:
    """Title lines (joined), then a status line, a date line and a document number."""
    i = skip_blank(lines, i, end)
    j = i
    parts: list[str] = []
    number = status_seen = None
    while j < end:
        line = lines[j]
        if line.blank:
            j += 1
            continue
        s = line.folded.replace(" ", "")
        sm = STATUS_LINE.match(s)
        if sm and parts:
            front.status = status_seen = sm.group(1)
        elif DATE_LINE.match(s) and parts:
            front.date = iso_date(DATE.search(s))
        elif DOC_NUMBER.fullmatch(s) and (parts or front.title):
            number = front.doc_number = line.text
        elif not status_seen and not number and is_title_line(line) and len(parts) < 4:
            parts.append(line.text)
        elif parts and ADOPTION.match(s):
            pass
        else:
            break
        j += 1
    if not parts and not number:
        return i
    if parts:
        title = "".join(parts)
        inline = re.search(r"[(（]((?:[^()（）]{0,12}?)(?:" + "|".join(STATUS_WORDS) + r"))[)）]$", title)
        if inline and not front.status:
            front.status = next(w for w in STATUS_WORDS if w in inline.group(1))
            title = title[:inline.start()]
        front.title = front.title or title
    while j > i and lines[j - 1].blank:
        j -= 1
    front.blocks.append(("title", i, j))
    return j


