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
lines into paragraphs for the PDF reader, which builds its own text.
"""
from __future__ import annotations

import re
import unicodedata

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
FULL_SHARE = 0.85
WRAPPED_SHARE = 0.3


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
    out = []
    for group in paragraph_lines(lines):
        text = lines[group[0]].strip()
        for i in group[1:]:
            nxt = lines[i].strip()
            if text and nxt and text[-1].isascii() and text[-1].isalnum() \
                    and nxt[0].isascii() and nxt[0].isalnum():
                text += " "
            text += nxt
        out.append(text)
    return out
