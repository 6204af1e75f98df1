"""Ruled tables on a PDF page, read back as rows of cells.

Office PDFs draw a table's borders as strokes (lines, thin rectangles or
cell boxes). Strokes that touch form one table; its column edges are the
x positions of its vertical strokes and its row edges the y positions of
its horizontal ones. Where a border is missing between two grid cells they
are one merged cell: a cell spanning columns is one cell of its row, and a
cell spanning rows holds its text in its first row and is empty below,
the way the DOCX reader reads `gridSpan` and `vMerge`. The glyphs inside a
cell are read as lines (`pdf_page.lines_of`) and joined: without a separator
where a line filled the cell's width (a wrapped line), else with a space.
Tables drawn without borders are left to the line reader.
"""
from __future__ import annotations

from dataclasses import dataclass

from .pdf_page import Glyph, Line, is_wide, lines_of

_SNAP = 2.0          # strokes within 2 pt are one edge
_THIN = 2.5          # a rectangle thinner than this is a stroke
_MIN_LENGTH = 4.0
MAX_STROKES = 5000


@dataclass(frozen=True)
class Stroke:
    """A horizontal (`y0 == y1`) or vertical (`x0 == x1`) border segment."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return self.y1 - self.y0 < self.x1 - self.x0


def strokes(layout) -> list[Stroke]:
    """Horizontal and vertical strokes drawn on a page (lines, thin rectangles, box edges, polylines)."""
    from pdfminer.layout import LTCurve, LTLine, LTRect

    found: list[Stroke] = []
    stack = [layout]
    while stack:
        item = stack.pop()
        if isinstance(item, LTRect):
            x0, y0, x1, y1 = item.bbox
            if y1 - y0 < _THIN or x1 - x0 < _THIN:
                found.append(_stroke(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2) if y1 - y0 < x1 - x0
                             else _stroke((x0 + x1) / 2, y0, (x0 + x1) / 2, y1))
            elif item.stroke:
                found += [_stroke(x0, y0, x1, y0), _stroke(x0, y1, x1, y1),
                          _stroke(x0, y0, x0, y1), _stroke(x1, y0, x1, y1)]
        elif isinstance(item, (LTLine, LTCurve)):
            points = list(item.pts)
            for (ax, ay), (bx, by) in zip(points, points[1:]):
                if abs(ay - by) < _THIN or abs(ax - bx) < _THIN:
                    found.append(_stroke(ax, ay, bx, by))
        elif hasattr(item, "__iter__") and not isinstance(item, (str, bytes)):
            stack.extend(item)
    return [s for s in found if s is not None]


def _stroke(ax: float, ay: float, bx: float, by: float) -> Stroke | None:
    if abs(ay - by) < _THIN:
        y = (ay + by) / 2
        s = Stroke(min(ax, bx), y, max(ax, bx), y)
    else:
        x = (ax + bx) / 2
        s = Stroke(x, min(ay, by), x, max(ay, by))
    return s if max(s.x1 - s.x0, s.y1 - s.y0) >= _MIN_LENGTH else None


def _touch(a: Stroke, b: Stroke) -> bool:
    return (a.x0 - _SNAP <= b.x1 and b.x0 - _SNAP <= a.x1 and a.y0 - _SNAP <= b.y1 and b.y0 - _SNAP <= a.y1)


def _groups(found: list[Stroke]) -> list[list[Stroke]]:
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ordered = sorted(range(len(found)), key=lambda i: found[i].x0)
    for n, i in enumerate(ordered):
        for j in ordered[n + 1:]:
            if found[j].x0 - _SNAP > found[i].x1:
                break
            if _touch(found[i], found[j]):
                parent[root(i)] = root(j)
    groups: dict[int, list[Stroke]] = {}
    for i, s in enumerate(found):
        groups.setdefault(root(i), []).append(s)
    return list(groups.values())


def _edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= _SNAP:
            continue
        out.append(v)
    return out


@dataclass(frozen=True)
class Table:
    """A ruled table: its box and its rows as lines (`Line.cells` set)."""

    x0: float
    y0: float
    x1: float
    y1: float
    rows: tuple[Line, ...]

    def holds(self, glyph: Glyph) -> bool:
        x, y = (glyph.x0 + glyph.x1) / 2, glyph.middle
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1


def tables(layout, chars: list[Glyph]) -> list[Table]:
    """The ruled tables of a page with their rows read from `chars` (none on a page of more than
    `MAX_STROKES` strokes: a drawing or hatching, not a table, and too many to group cheaply)."""
    found = []
    drawn = strokes(layout)
    if len(drawn) > MAX_STROKES:
        return []
    for group in _groups(drawn):
        across = [s for s in group if s.horizontal]
        down = [s for s in group if not s.horizontal]
        xs, ys = _edges([s.x0 for s in down]), _edges([s.y0 for s in across])[::-1]
        if len(xs) < 2 or len(ys) < 2 or (len(xs) < 3 and len(ys) < 3):
            continue  # a lone box (a framed note) or a rule, not a table
        found.append(_read(xs, ys, across, down, chars))
    return [t for t in found if t.rows]


def _covers(strokes_: list[Stroke], horizontal: bool, at: float, lo: float, hi: float) -> bool:
    """Whether a stroke runs along `at` over the middle of [lo, hi]."""
    mid = (lo + hi) / 2
    for s in strokes_:
        if horizontal and abs(s.y0 - at) <= _SNAP and s.x0 - _SNAP <= mid <= s.x1 + _SNAP:
            return True
        if not horizontal and abs(s.x0 - at) <= _SNAP and s.y0 - _SNAP <= mid <= s.y1 + _SNAP:
            return True
    return False


def _read(xs: list[float], ys: list[float], across: list[Stroke], down: list[Stroke], chars: list[Glyph]) -> Table:
    rows, cols = len(ys) - 1, len(xs) - 1
    owner = {(r, c): (r, c) for r in range(rows) for c in range(cols)}  # grid cell -> its merged cell's first cell
    for r in range(rows):
        for c in range(cols):
            if c > 0 and not _covers(down, False, xs[c], ys[r + 1], ys[r]):
                owner[(r, c)] = owner[(r, c - 1)]
            elif r > 0 and not _covers(across, True, ys[r], xs[c], xs[c + 1]):
                owner[(r, c)] = owner[(r - 1, c)]
    inside: dict[tuple[int, int], list[Glyph]] = {}
    for glyph in chars:
        x, y = (glyph.x0 + glyph.x1) / 2, glyph.middle
        if not (xs[0] <= x <= xs[-1] and ys[-1] <= y <= ys[0]):
            continue
        c = next(i for i in range(cols) if x <= xs[i + 1] or i == cols - 1)
        r = next(i for i in range(rows) if y >= ys[i + 1] or i == rows - 1)
        inside.setdefault(owner[(r, c)], []).append(glyph)
    lines = []
    for r in range(rows):
        cells, seen = [], set()
        for c in range(cols):
            first = owner[(r, c)]
            if first in seen:
                continue
            seen.add(first)
            right = max(xs[k + 1] for (rr, k), o in owner.items() if o == first)
            cells.append(_cell_text(inside.get(first, []), right) if first[0] == r else "")
        if any(cells):
            lines.append(Line("\t".join(cells), xs[0], xs[-1], ys[r + 1], ys[r], 0.0, tuple(cells)))
    return Table(xs[0], ys[-1], xs[-1], ys[0], tuple(lines))


def _cell_text(chars: list[Glyph], right: float) -> str:
    """A cell's lines joined: wrapped lines directly, separate paragraphs with a space."""
    text = ""
    lines = lines_of(chars)
    for i, line in enumerate(lines):
        if i and text:
            prev = lines[i - 1]
            wrapped = right - prev.x1 < 2.5 * prev.size
            latin = not is_wide(text[-1]) and not is_wide(line.text[0])
            text += " " if not wrapped or latin else ""
        text += line.text
    return text.replace("\t", " ")
