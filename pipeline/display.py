"""Display width of text in a terminal or a spreadsheet column: a wide (CJK) character takes two.

    width("牵头单位") -> 8;  ljust("科技局", 8) -> "科技局  "
"""
from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    """Columns `text` takes: East Asian wide and fullwidth characters count two, combining marks none."""
    total = 0
    for ch in str(text):
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return total


def ljust(text: str, columns: int) -> str:
    """`text` padded with spaces to `columns` display columns."""
    return text + " " * max(columns - width(text), 0)
