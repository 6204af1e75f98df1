"""Closing block (signature, date, 此件公开发布) and attachments (附件) after the body."""
from __future__ import annotations

import re

from ..markers import match_marker
from .front import is_date_line
from .lines import Line

_ATTACHMENT = re.compile(r"^附件\s*[0-9一二三四五六七八九十]*\s*[:：]?\s*\S{0,40}$")
_CLOSING_PAREN = re.compile(r"^\(.{1,20}\)$")


def find_attachment(lines: list[Line], start: int, end: int) -> int:
    """Index of the first 附件 heading line in `lines[start:end]`, or `end`."""
    for i in range(start, end):
        line = lines[i]
        if not line.blank and _ATTACHMENT.match(line.text) and "。" not in line.text:
            return i
    return end


def find_closing(lines: list[Line], start: int, end: int) -> int:
    """Index where the closing block (signature and date lines) begins, or `end`."""
    i = end
    found_date = False
    first = end
    while i > start:
        line = lines[i - 1]
        if line.blank:
            i -= 1
            continue
        if is_date_line(line):
            found_date = True
        elif not _closing_like(line):
            break
        first = i - 1
        i -= 1
    return first if found_date else end


def _closing_like(line: Line) -> bool:
    f = line.folded.strip()
    if _CLOSING_PAREN.match(f):
        return True
    return (line.width <= 30 and not re.search(r"[。,;:!?]", f) and not f[:1].isdigit()
            and match_marker(line.folded, line.text) is None)
