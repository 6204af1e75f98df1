"""Split text into lines that keep their offsets, and group broken lines.

A `Line` spans `[start, end)` including its line break; `lo`/`hi` bound its
content without surrounding whitespace. PDF-extracted text breaks lines inside
sentences; `continues(prev, line)` tells when a line carries on the previous one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize import fold

TERMINAL = "。.;；:：!！?？"
_LINE = re.compile(r"[^\n]*\n|[^\n]+$")
_WRAP_MIN = 18


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    lo: int
    hi: int
    text: str
    folded: str

    @property
    def blank(self) -> bool:
        return self.lo == self.hi

    @property
    def width(self) -> int:
        """Visible characters, whitespace excluded."""
        return sum(1 for ch in self.folded if not ch.isspace())


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Lines of `text[start:end]`, with offsets into `text`."""
    end = len(text) if end is None else end
    folded_all = fold(text[start:end])
    lines = []
    for m in _LINE.finditer(text, start, end):
        s, e = m.start(), m.end()
        content = text[s:e]
        stripped = content.strip()
        if stripped:
            lo = s + (len(content) - len(content.lstrip()))
            hi = lo + len(stripped)
        else:
            lo = hi = s
        lines.append(Line(s, e, lo, hi, text[lo:hi], folded_all[lo - start:hi - start]))
    return lines


def continues(prev: Line, line: Line) -> bool:
    """True when `line` carries on `prev` (a sentence broken across lines)."""
    if prev.blank or line.blank:
        return False
    return prev.width >= _WRAP_MIN and prev.folded[-1] not in TERMINAL and prev.folded[-1] != ")"


def skip_blank(lines: list[Line], i: int, end: int) -> int:
    """Index of the first non-blank line in `lines[i:end]`, or `end`."""
    while i < end and lines[i].blank:
        i += 1
    return i
