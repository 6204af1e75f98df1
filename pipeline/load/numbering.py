"""Word automatic numbering: render the markers Word shows but the XML never stores.

`numbering.xml` defines abstract lists (levels with a start value, a format such
as `chineseCounting` and a text pattern such as `%1、` or `（%2）`); a paragraph
points at a list by `w:numPr` (numId, ilvl), directly or through its style.
`Numbering.next(num_id, ilvl)` advances the counters the way Word does (deeper
levels restart when a level advances unless `lvlRestart` says otherwise; lists sharing an abstract definition share
counters unless a `startOverride` restarts them) and returns the marker text,
e.g. `一、`, `（三）`, `2.`. Example: `format_number(21, "chineseCounting") -> "二十一"`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))
_PAREN = "".join(chr(c) for c in range(0x2474, 0x2488))
_FULLSTOP = "".join(chr(c) for c in range(0x2488, 0x249C))
_CJK_END = re.compile(r"[、）．。：，\u3000-\u303f\uff00-\uffef]$")


def chinese(n: int, legal: bool = False) -> str:
    """Chinese counting numerals: 10 -> 十, 21 -> 二十一, 105 -> 一百零五, 10010 -> 一万零一十
    (legal: 壹拾…)."""
    digits = _LEGAL if legal else "零一二三四五六七八九"
    units = ("", "拾", "佰", "仟") if legal else ("", "十", "百", "千")
    if n == 0:
        return digits[0]
    if n >= 10000:
        high, low = divmod(n, 10000)
        rest = chinese(low, legal) if low else ""
        if 10 <= low < 20 and not legal:
            rest = digits[1] + rest  # 一万零一十, not 一万零十
        gap = digits[0] if 0 < low < 1000 else ""
        return chinese(high, legal) + "万" + gap + rest
    out, zero = [], False
    for power in (3, 2, 1, 0):
        d = n // 10 ** power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append(digits[0])
            zero = False
        out.append(digits[d] + units[power])
    text = "".join(out)
    if not legal and 10 <= n < 20:
        text = text[1:]
    return text


def _letters(n: int, upper: bool) -> str:
    base = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if upper else "abcdefghijklmnopqrstuvwxyz"
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _pick(seq: str, n: int) -> str:
    return seq[n - 1] if 1 <= n <= len(seq) else str(n)


def format_number(n: int, fmt: str) -> str:
    """Render counter value `n` in Word number format `fmt` (unknown formats: decimal)."""
    if fmt in {"chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand",
               "koreanCounting", "ideographLegalTraditional"} and n > 0:
        return chinese(n)
    if fmt == "chineseLegalSimplified":
        return chinese(n, legal=True)
    if fmt in {"ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"}:
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _pick(_TIANGAN, n)
    if fmt == "ideographZodiac":
        return _pick(_DIZHI, n)
    if fmt in {"decimalEnclosedCircle", "decimalEnclosedCircleChinese"}:
        return _pick(_CIRCLED, n)
    if fmt == "decimalEnclosedParen":
        return _pick(_PAREN, n)
    if fmt == "decimalEnclosedFullstop":
        return _pick(_FULLSTOP, n)
    if fmt in {"decimalFullWidth", "decimalFullWidth2"}:
        return str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in {"lowerLetter", "upperLetter"}:
        return _letters(n, fmt == "upperLetter")
    if fmt in {"lowerRoman", "upperRoman"}:
        text = _roman(n)
        return text if fmt == "upperRoman" else text.lower()
    if fmt in {"none", "bullet"}:
        return ""
    return str(n)


@dataclass(frozen=True)
class Level:
    start: int
    fmt: str
    text: str
    suffix: str
    legal: bool
    restart: int | None


def _val(el, tag: str, default: str | None = None) -> str | None:
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val", default) if child is not None else default


class Numbering:
    """Counters over the lists of one document's `numbering.xml`."""

    def __init__(self, definitions=()):
        """`definitions`: the `w:abstractNum` and `w:num` elements of numbering.xml, in order
        (each is read when it comes, so they may be freed after)."""
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        for el in definitions:
            if el.tag == W + "abstractNum":
                self._abstract(el)
            elif el.tag == W + "num":
                self._num(el)
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()

    def _abstract(self, absnum) -> None:
        levels = {}
        for lvl in absnum.findall(W + "lvl"):
            ilvl = int(lvl.get(W + "ilvl", "0"))
            levels[ilvl] = Level(
                start=int(_val(lvl, "start", "1") or 1),
                fmt=_val(lvl, "numFmt", "decimal") or "decimal",
                text=_val(lvl, "lvlText", "") or "",
                suffix=_val(lvl, "suff", "tab") or "tab",
                legal=lvl.find(W + "isLgl") is not None,
                restart=int(r) if (r := _val(lvl, "lvlRestart")) is not None else None,
            )
        self.abstract[absnum.get(W + "abstractNumId")] = levels

    def _num(self, num) -> None:
        overrides = {}
        for ov in num.findall(W + "lvlOverride"):
            start = _val(ov, "startOverride")
            if start is not None:
                overrides[int(ov.get(W + "ilvl", "0"))] = int(start)
        self.nums[num.get(W + "numId")] = (_val(num, "abstractNumId"), overrides)

    def next(self, num_id: str, ilvl: int) -> str:
        """Advance list `num_id` at level `ilvl`; return the rendered marker ('' if none)."""
        if num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in overrides.items():
                counters[lvl] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart > 0 and ilvl < restart):
                del counters[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return ""

        def value(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            ref = levels.get(k)
            n = counters.get(k, ref.start if ref else 1)
            fmt = "decimal" if level.legal else (ref.fmt if ref else "decimal")
            return format_number(n, fmt)

        marker = re.sub(r"%([1-9])", value, level.text)
        if not marker:
            return ""
        if level.suffix in {"tab", "space"} and not _CJK_END.search(marker):
            return marker + " "
        return marker
