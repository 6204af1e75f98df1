"""Closing block (signature, date, 此件公开发布) and attachments (附件) after the body."""
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
    """Index of the first 附件 heading line in `lines[start:end]`, or `end`."""
    for i in range(start, end):
        line = lines[i]
        if not line.blank and _ATTACHMENT.match(line.text) and "。" not in line.text:
            return i
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
