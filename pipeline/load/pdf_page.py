"""One PDF page as lines of text with their positions, read from the glyphs pdfminer places.

Office PDFs draw a line in pieces: Chinese text in one font, digits and ASCII
punctuation in another, a quotation mark where a run skipped room for it, so the
order of drawing is not the order of reading. Glyphs are therefore placed by
position: upright glyphs (rotated watermarks are left out) are grouped into
lines by their vertical centre, ordered left to right, a glyph drawn twice at
the same place (fake bold) kept once, and spaces put back where the gap shows
one: a drawn blank glyph is kept (as U+3000 when it takes an em, else a
space, whatever the font maps it to); otherwise a gap of 0.3 em between two Chinese
characters or two Latin ones is a space (a full-width one, U+3000, after a
Chinese character when it is an em wide: `第一条　为了`), and a gap of 0.45 em
between Chinese and Latin (narrower gaps are the typesetter's own spacing, as
in `2024 年`).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from statistics import median

_WIDE_GAP = 0.3
_MIXED_GAP = 0.45
_IDEOGRAPHIC_SPACE = 0.8


@dataclass(frozen=True)
class Glyph:
    """One drawn character and its box (PDF units, y upwards)."""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float

    @property
    def middle(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Line:
    """A line of text on a page; `cells` is set for a table row (`text` is then the cells joined by tabs)."""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    cells: tuple[str, ...] | None = None


def glyphs(layout) -> list[Glyph]:
    """The upright glyphs of a pdfminer layout object (a page, or a figure inside one)."""
    from pdfminer.layout import LTChar

    found: list[Glyph] = []
    stack = [layout]
    while stack:
        item = stack.pop()
        if isinstance(item, LTChar):
            text = item.get_text()
            if item.upright and text and item.size > 0 and text not in "\r\n":
                found.append(Glyph(text, item.x0, item.x1, item.y0, item.y1, item.size))
        elif hasattr(item, "__iter__") and not isinstance(item, (str, bytes)):
            stack.extend(reversed(list(item)))
    return found


def lines_of(chars: list[Glyph]) -> list[Line]:
    """Group glyphs into lines (top to bottom), each read left to right with its spaces."""
    rows: list[list[Glyph]] = []
    for glyph in sorted(chars, key=lambda g: (-g.middle, g.x0)):
        if rows:
            row = rows[-1]
            height = max(g.size for g in row)
            if abs(median(g.middle for g in row) - glyph.middle) <= 0.4 * max(height, glyph.size):
                row.append(glyph)
                continue
        rows.append([glyph])
    out = []
    for row in rows:
        line = _line(sorted(row, key=lambda g: (g.x0, g.x1)))
        if line is not None:
            out.append(line)
    return out


def _line(row: list[Glyph]) -> Line | None:
    kept: list[Glyph] = []
    for glyph in row:
        if kept and glyph.text == kept[-1].text and abs(glyph.x0 - kept[-1].x0) < 0.25 * (glyph.x1 - glyph.x0):
            continue  # the same glyph drawn again over itself (fake bold, shadow)
        kept.append(glyph)
    size = median(g.size for g in kept)
    for i, glyph in enumerate(kept):
        if glyph.text in (" ", "\u3000"):  # one blank glyph serves U+0020 and U+3000: the room it takes tells
            advance = (kept[i + 1].x0 if i + 1 < len(kept) else glyph.x1) - glyph.x0
            kept[i] = replace(glyph, text="\u3000" if advance >= _IDEOGRAPHIC_SPACE * size else " ")
    wide_gaps = [(b.x0 - a.x1) / size for a, b in zip(kept, kept[1:])
                 if is_wide(a.text) and is_wide(b.text) and not a.text.isspace() and not b.text.isspace()]
    stretch = max(min(wide_gaps), 0.0) if len(wide_gaps) >= 4 else 0.0  # a justified line spaced out
    parts: list[str] = []
    prev: Glyph | None = None
    for glyph in kept:
        if prev is not None and not glyph.text.isspace() and not prev.text.isspace():
            gap = (glyph.x0 - prev.x1) / size - stretch
            wide_prev, wide_next = is_wide(prev.text), is_wide(glyph.text)
            if wide_prev and wide_next and gap >= _IDEOGRAPHIC_SPACE:
                parts.append("\u3000")
            elif gap >= (_WIDE_GAP if wide_prev == wide_next else _MIXED_GAP):
                parts.append(" ")
        parts.append(glyph.text)
        prev = glyph
    text = "".join(parts).lstrip()
    if not text.strip():
        return None
    if text[-1].isspace():
        text = text.rstrip() + " "  # a space where the line wrapped: the paragraph had one there
    visible = [g for g in kept if g.text.strip()]
    return Line(text, visible[0].x0, visible[-1].x1, min(g.y0 for g in visible), max(g.y1 for g in visible), size)


def is_wide(text: str) -> bool:
    """Whether a glyph's text is a wide (Chinese, full-width) character."""
    return bool(text) and unicodedata.east_asian_width(text[0]) in "WF"
