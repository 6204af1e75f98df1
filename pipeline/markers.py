"""Heading marker vocabulary: what a numbered line's marker looks like.

Data only; depth is decided in `segment.body` from the order in which marker
types appear. Patterns run on the `normalize.fold` view of one line (so `（一）`
and `(一)`, `１．` and `1.` match alike), after any Markdown `#` prefix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cnnum import parse_int

CN = "零〇一二三四五六七八九十百千两"
# A Chinese numeral, 万 allowed after its first digit: 十九, 一百零一, 一万, 一万零一, 十二万三千.
NUM = rf"[{CN}]+(?:万[{CN}]*)?"
# A dash printed for 一 (an OCR or typing slip of county texts: 第三十－条 is 第三十一条), on the
# folded view (－ is -); other dashes and the katakana ー as they stand.
DASHES = "-‐‑‒–—―−─ー"
_DASH = "[" + re.escape(DASHES) + "]"
# The slip is read only where 一 is the one reading: after 十 百 千 or 零 and before 十 百 or the end
# of the numeral (第三十－条, 第一百－十条, 第一百零－条); never first (`第－`) nor before a digit,
# so a range `第三十－四十条` or `第三十－第四十条` is no numeral.
_DASH_ONE = rf"(?<=[十百千零〇]){_DASH}(?=[十百]|(?![{CN}万]|{_DASH}))"
# The numeral of a 第…部分/编/章/节/条 marker: `NUM` with the dash slip allowed.
REG_NUM = rf"[{CN}](?:[{CN}]|{_DASH_ONE})*(?:万(?:[{CN}]|{_DASH_ONE})*)?"
_DASH_TO_ONE = str.maketrans(dict.fromkeys(DASHES, "一"))
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Regulation levels have a fixed rank; policy levels are ranked by GB/T 9704 order.
REGULATION_RANK = {"bufen": 0, "bian": 0, "zhang": 1, "jie": 2, "tiao": 3}
GBT_RANK = {"dun": 0, "paren_cn": 1, "arabic": 2, "paren_arabic": 3, "circled": 4}

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 第一部分 (plans), 第一编 / 第一章 / 第一节 / 第一条, also "第 1 条" with stray spaces
    ("bufen", re.compile(rf"第 ?({REG_NUM}|\d[\d ]{{0,5}}) ?部分")),
    ("bian", re.compile(rf"第 ?({REG_NUM}|\d[\d ]{{0,5}}) ?编(?![制写辑号])")),
    ("zhang", re.compile(rf"第 ?({REG_NUM}|\d[\d ]{{0,5}}) ?章(?:[、.] ?)?")),
    ("jie", re.compile(rf"第 ?({REG_NUM}|\d[\d ]{{0,5}}) ?节(?![约能日假点])")),
    ("tiao", re.compile(rf"第 ?({REG_NUM}|\d[\d ]{{0,5}}) ?条(?![例件款目])(?:[、.] ?)?")),
    # 一、  (a stray space before 、 occurs in PDF-derived text; small forms ﹑ ﹒ in some sites' text)
    ("dun", re.compile(rf"({NUM}) ?[、.﹑﹒](?![{CN}万]*[、.﹑﹒])")),
    # (一)
    ("paren_cn", re.compile(rf"\( ?({NUM}) ?\)")),
    # 1.  1、  but not 3.5; four digits (1000.) only continue a list (see `segment.body`), so 2024. is no item
    ("arabic", re.compile(r"(\d{1,4}) ?[.、﹒﹑](?!\d)")),
    # (1)
    ("paren_arabic", re.compile(r"\( ?(\d{1,4}) ?\)")),
    # ①
    ("circled", re.compile(rf"([{CIRCLED}])")),
    # 1.1　编制目的 / 2.1.2　… (a plan's decimal sections; the depth is the count of numbers: dec2, dec3…)
    ("dec", re.compile(r"(\d{1,2}(?:\.\d{1,2}){1,3})(?= +[^\s\d.万亿元%倍])")),
    # 1　总则 (the first level of decimal sections: a number, spaces, a heading)
    ("dec1", re.compile(r"(\d{1,2})(?= +[^\s\d.,:;、万亿元%倍年月日个项条次])")),
)

# One-character forms of the bracketed and dotted levels: ㈠ is （一）, ⑴ is (1), ⒈ is 1. (their NFKC forms).
ENCLOSED = {
    **{chr(0x3220 + k): ("paren_cn", k + 1) for k in range(10)},      # ㈠ … ㈩
    **{chr(0x2474 + k): ("paren_arabic", k + 1) for k in range(20)},  # ⑴ … ⒇
    **{chr(0x2488 + k): ("arabic", k + 1) for k in range(20)},        # ⒈ … ⒛
}

_MD_HEADING = re.compile(r"#{1,6} +")
_BARE_NUMERAL = re.compile(rf"([{CN}]{{1,3}}) *")


@dataclass(frozen=True)
class Marker:
    """A marker found at `start` (offsets relative to the line start)."""

    type: str
    num: str
    ordinal: int
    start: int
    end: int

    @property
    def is_regulation(self) -> bool:
        return self.type in REGULATION_RANK


def match_marker(folded_line: str, original_line: str) -> Marker | None:
    """Marker at the start of a line (leading spaces and `#` allowed), or None.

    `num` is taken from `original_line` as printed, without the separator:
    `二、` -> `二`, `（一）` -> `（一）`, `1.` -> `1`, `第十九条` -> `第十九条`.
    """
    pos = len(folded_line) - len(folded_line.lstrip())
    md = _MD_HEADING.match(folded_line, pos)
    if md:
        pos = md.end()
        bare = _BARE_NUMERAL.fullmatch(folded_line, pos)
        if bare:
            # a Markdown heading that is only a numeral: `## 三`
            return Marker("dun", original_line[bare.start(1):bare.end(1)], parse_int(bare.group(1)), pos, bare.end())
    enclosed = ENCLOSED.get(folded_line[pos:pos + 1])
    if enclosed:
        end = pos + 1 + (folded_line[pos + 1:pos + 2] in ("、", ".", " "))
        return Marker(enclosed[0], original_line[pos:pos + 1], enclosed[1], pos, end)
    for type_, pattern in _PATTERNS:
        m = pattern.match(folded_line, pos)
        if not m:
            continue
        digits = m.group(1)
        if type_ == "circled":
            ordinal = CIRCLED.index(digits) + 1
        elif type_ in ("dec", "dec1"):
            parts = digits.split(".")
            type_, ordinal = f"dec{len(parts)}", int(parts[-1])
        else:
            try:
                ordinal = parse_int(digits.replace("两", "二").replace(" ", "").translate(_DASH_TO_ONE))
            except ValueError:
                continue
        if type_ in ("dun", "arabic") and ordinal == 0 or type_.startswith("dec") and ordinal == 0:
            continue
        num_end = m.end()
        if type_ in ("dun", "arabic"):
            num_end = m.end() - 1
        num = original_line[m.start():num_end].rstrip(" \u3000、.．﹒﹑")
        return Marker(type_, num, ordinal, m.start(), m.end())
    return None


# Where an inline item may start: after a colon, semicolon or full stop (and spaces), at a
# character that can open one of `_INLINE_TYPES`.
INLINE_AT = re.compile(rf"[:;。] *(?=[(\d{CIRCLED}])")
_INLINE_TYPES = ("paren_cn", "arabic", "paren_arabic", "circled")


def inline_markers(folded_line: str) -> list[Marker]:
    """Markers of the GB/T item levels written inside a line, each right after `：`, `；`
    or `。` (`…情形之一的：1.死亡的；2.失踪的；` -> markers 1 and 2). Candidates only: a run
    of them is an inline list when they count on from each other (see `segment.body`)."""
    found = []
    for at in INLINE_AT.finditer(folded_line):
        pos = at.end()
        for type_, pattern in _PATTERNS:
            if type_ not in _INLINE_TYPES:
                continue
            m = pattern.match(folded_line, pos)
            if not m:
                continue
            digits = m.group(1)
            try:
                ordinal = CIRCLED.index(digits) + 1 if type_ == "circled" else parse_int(digits.replace("两", "二"))
            except ValueError:
                continue
            if ordinal > 0:
                found.append(Marker(type_, digits, ordinal, m.start(), m.end()))
            break
    return found
