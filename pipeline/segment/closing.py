"""Closing block (附件说明, signature, date, 此件公开发布) and attachments (附件) after the body."""
from __future__ import annotations

import re

from ..markers import match_marker
from .vocab import is_date_line
from .lines import Line

_ATTACHMENT = re.compile(r"^附件\s*[0-9一二三四五六七八九十]*\s*[:：]?\s*\S.{0,79}$|^附件\s*[0-9一二三四五六七八九十]*\s*[:：]?$")
# 本意见由…负责解释，自2019年1月1日起执行 / 本办法自发布之日起施行
_EFFECT = re.compile(r"^本(?:意见|办法|方案|规定|通知|措施|细则|政策|规划|计划|决定|实施意见|若干措施)"
                     r".{0,80}(?:负责解释|起施行|起执行|起实施|有效期|起生效)")
# 特此通知。 特此公告。 the closing formula of a notice
_FORMULA = re.compile(r"^特此(?:通知|公告|通告|函告|函复|批复|通报|说明)[。.]?$")
_CLOSING_PAREN = re.compile(r"^\(.{1,20}\)$")


def find_attachment(lines: list[Line], start: int, end: int) -> int:
    """Index of the first 附件 heading line in `lines[start:end]`, or `end`.

    A 附件 line that lists the attachments above the signature (`附件：…⏎国务院办公厅⏎
    2018年12月4日⏎…⏎附件⏎…`) is not the attachment: the next 附件 line after the date is.
    """
    i = _next_attachment(lines, start, end)
    while i < end and listed_before_signature(lines, i, end):
        later = _next_attachment(lines, _date_after(lines, i, end) + 1, end)
        if later == end:
            return i
        i = later
    return i


def listed_before_signature(lines: list[Line], i: int, end: int) -> bool:
    """Whether the 附件 line `i` is followed, within a few lines, by a date line: it lists
    the attachments (附件说明) before the signature rather than opening one."""
    return _date_after(lines, i, end) < end


def _next_attachment(lines: list[Line], start: int, end: int) -> int:
    for i in range(start, end):
        line = lines[i]
        if not line.blank and _ATTACHMENT.match(line.text) and "。" not in line.text:
            return i
    return end


def _date_after(lines: list[Line], i: int, end: int) -> int:
    """Index of a date line among the 8 non-blank lines after `i`, or `end`."""
    seen = 0
    for k in range(i + 1, end):
        if lines[k].blank:
            continue
        if is_date_line(lines[k]):
            return k
        seen += 1
        if seen == 8:
            break
    return end


def find_closing(lines: list[Line], start: int, end: int) -> tuple[int, bool]:
    """Index where the closing block begins (or `end`), and whether a clause opened it.

    The block is the run of trailing lines made of signature, date and
    (此件公开发布)-style lines, holding a date line or opened by a clause such as
    `本意见自…起施行` (which a numbered clause of the body never is).
    """
    i = end
    found = False
    first = end
    while i > start:
        line = lines[i - 1]
        if line.blank:
            i -= 1
            continue
        if is_date_line(line) or _FORMULA.match(line.folded.strip()):
            found = True
        elif _EFFECT.match(line.folded.strip()):
            if found:
                break
            return i - 1, True
        elif not _closing_like(line):
            break
        first = i - 1
        i -= 1
    return (first if found else end), False


def _closing_like(line: Line) -> bool:
    f = line.folded.strip()
    if _CLOSING_PAREN.match(f):
        return True
    return (line.width <= 30 and not re.search(r"[。,;:!?]", f) and not f[:1].isdigit()
            and match_marker(line.folded, line.text) is None)


def with_attachment_list(lines: list[Line], start: int, closing: int) -> int:
    """Where the closing begins when a 附件 list (附件说明, `附件：1.…⏎2.…`) stands right above the
    signature: at that list, else at `closing`."""
    for i in range(max(start, closing - 6), closing):
        line = lines[i]
        if line.blank or not _ATTACHMENT.match(line.text) or "。" in line.text:
            continue
        between = [ln for ln in lines[i + 1:closing] if not ln.blank]
        if all(ln.width <= 60 and "。" not in ln.folded for ln in between):
            return i
    return closing
