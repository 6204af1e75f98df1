"""Group hard-wrapped lines (PDF text layers) back into paragraphs.

Text extracted from a PDF breaks lines where the page did, inside sentences:
`第一条　为了维护社会治安秩序,保障公共安全,保护公` / `民、法人和其他组织的合法权益…`.
A line continues into the next when it fills the column (at least 85 % of the
typical full-line width), does not end a sentence (`。.！？；：` and the like,
half-width included), and the next line does not open a new unit (`第X条`,
`（一）`, `一、`, `1.`). Texts that are not hard-wrapped (few full lines left
open) are left one paragraph per line.

Two uses, one rule: `paragraph_spans(text)` is a *view* for text files, whose
text must never be rewritten (offsets point into it); `rejoin(lines)` rewrites
lines into paragraphs.

PDF lines carry their positions, and office layouts mark a paragraph's start by
a first-line indent, so `flow(lines)` reads them by geometry when the document
does that: a line that starts at the margin or indent continues into the next when it
reaches the right margin (the next line's first word would not have fitted
after it) and the next line starts at the left margin (or, for a centred title,
centred) and does not start a part (附件, 第X章, 第X条: a numbered item at the
margin is a wrapped reference such as 第（三）项); a table row is a paragraph of
its own. Without indents it falls back to the width rule above.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from statistics import median
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf_page import Line

_TERMINAL = set("。．.！!？?；;：:")
_CLOSERS = set("”’」』）)》〉]】\"'")
_OPENS_UNIT = re.compile(
    r"""^[\s\u3000]*(?:
        第[一二三四五六七八九十百千万零〇\d]+[编章节条](?=[\s\u3000])  # 第三章, 第十九条, 第一万条 (not 第X条的)
      | [（(][一二三四五六七八九十百千零〇\d]+[）)]     # （一）, (1), （一百零一）
      | [一二三四五六七八九十百千零〇]+、               # 一、 一百、
      | \d+[.．、](?!\d)                              # 1.  1、
      | 附件                                          # 附件
    )""",
    re.X,
)
# With first-line indents a numbered item is indented, so only what starts a page-level part stops a
# line at the margin from going on: 附件, 第X章 / 第X条 followed by a space.
_STARTS_PART = re.compile(r"^[\s\u3000]*(?:附件|第[一二三四五六七八九十百千零〇\d]+[编章节条](?=[\s\u3000]))")
FULL_SHARE = 0.85
WRAPPED_SHARE = 0.3
_NO_LINE_START = set("、，。．；：！？）》」』】〉”’,.;:!?)]%")


def width(line: str) -> int:
    """Display width: wide (CJK, full-width) characters count 2, others 1."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def paragraph_lines(lines: list[str]) -> list[list[int]]:
    """Indices of `lines` grouped into paragraphs; blank lines are dropped."""
    widths = [width(line.rstrip()) for line in lines]
    filled = sorted(w for w, line in zip(widths, lines) if line.strip())
    if not filled:
        return []
    full = filled[int(0.8 * (len(filled) - 1))] * FULL_SHARE
    joins = [
        i + 1 < len(lines) and widths[i] >= full and not _ends_sentence(lines[i])
        and bool(lines[i + 1].strip()) and not _OPENS_UNIT.match(lines[i + 1])
        for i in range(len(lines))
    ]
    long_lines = sum(1 for w in widths if w >= full)
    if long_lines < 3 or sum(joins) < WRAPPED_SHARE * long_lines:
        joins = [False] * len(lines)
    groups: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if line.strip():
            current.append(i)
        if current and not joins[i]:
            groups.append(current)
            current = []
    return groups


def _ends_sentence(line: str) -> bool:
    text = line.rstrip()
    while text and text[-1] in _CLOSERS:
        if len(text) >= 2 and text[-2] in _TERMINAL:
            return True
        text = text[:-1]
    return not text or text[-1] in _TERMINAL


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """`[start, end)` spans of the paragraphs of `text`, wrapped lines grouped.

    A view only: `text` is not changed. Each span runs from the first character
    of its first line to the last character of its last line (line breaks
    inside the span are the wraps; `\\r` and `\\n` at its end excluded).
    Example: `"第一条　保护公\\n民的权益.\\n第二条　…"` (wrapped at a full column)
    gives one span for the first two lines.
    """
    lines, starts, pos = [], [], 0
    for raw in text.splitlines(keepends=True):
        starts.append(pos)
        lines.append(raw.rstrip("\r\n"))
        pos += len(raw)
    return [(starts[g[0]], starts[g[-1]] + len(lines[g[-1]])) for g in paragraph_lines(lines)]


def rejoin(lines: list[str]) -> list[str]:
    """Paragraphs made from hard-wrapped `lines` (a space only between two Latin words)."""
    return [join_lines([lines[i] for i in group]) for group in paragraph_lines(lines)]


def join_lines(lines: list[str]) -> str:
    """The lines of one paragraph as one string: a space put back between two Latin words, and
    kept where a line ends with one (a space the text had where the line wrapped)."""
    text, spaced = "", False
    for line in lines:
        nxt = line.strip()
        if text and nxt and (spaced or (text[-1].isascii() and text[-1].isalnum()
                                        and nxt[0].isascii() and nxt[0].isalnum())):
            text += " "
        text += nxt
        spaced = bool(nxt) and line[-1:].isspace()
    return text


def flow(lines: list[Line]) -> list[list[int]]:
    """Indices of positioned PDF lines grouped into paragraphs (see module doc)."""
    body = [line for line in lines if line.cells is None]
    if not body:
        return [[i] for i in range(len(lines))]
    em = median(line.size for line in body)
    starts = Counter(round(line.x0) for line in body)
    left = min(x for x, n in starts.items() if n >= min(max(2, len(body) / 20), max(starts.values())))
    ends = sorted(line.x1 for line in body)
    right = ends[int(0.9 * (len(ends) - 1))]
    indented = sum(1 for line in body if 1.5 * em <= line.x0 - left <= 2.5 * em)
    if indented < max(2, len(body) / 10):
        return _by_width(lines)  # no first-line indents: the layout does not mark paragraphs
    groups: list[list[int]] = []
    for i, line in enumerate(lines):
        prev = lines[i - 1] if i else None
        if prev is not None and groups and prev.cells is None and line.cells is None \
                and right - prev.x1 < _first_width(line.text, em) + 0.6 * em \
                and prev.x0 - left <= 2.5 * em and not _STARTS_PART.match(line.text) and (
                    line.x0 < left + em / 2  # the paragraph goes on at the margin
                    or (_centred(line, left, right, em) and not _ends_sentence(prev.text))):
            groups[-1].append(i)  # ... or a centred title goes on, centred
        else:
            groups.append([i])
    return groups


def _centred(line: Line, left: float, right: float, em: float) -> bool:
    """A short line set in the middle of the column (a title's last line): wider margins than a
    first-line indent on both sides, and about equal."""
    before, after = line.x0 - left, right - line.x1
    return before > 2.5 * em and after > 2.5 * em and abs(before - after) < 2 * em


def _first_width(text: str, em: float) -> float:
    """Width the first word of a line needs (a Chinese character and the punctuation that may not start a line)."""
    if width(text[:1]) == 2:
        n = 1
        while n < len(text) and text[n] in _NO_LINE_START:
            n += 1
        return n * em
    word = re.match(r"[^\s\u3000-\u9fff\uff00-\uffef]+", text)
    return 0.55 * em * len(word.group(0)) if word else em


def _by_width(lines: list[Line]) -> list[list[int]]:
    """The width rule, on runs of lines between table rows."""
    groups: list[list[int]] = []
    run: list[int] = []
    for i, line in enumerate(lines + [None]):
        if line is None or line.cells is not None:
            groups += [[run[j] for j in g] for g in paragraph_lines([lines[k].text for k in run])]
            run = []
            if line is not None:
                groups.append([i])
        else:
            run.append(i)
    return groups
