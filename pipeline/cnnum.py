"""Chinese numerals to numbers, for the one numeral a caller matched.

Never run over running text: `一次性`, `一批` and heading markers are not
numbers to rewrite. Examples: "十九" -> 19, "一百零五" -> 105, "二〇二四" -> 2024,
"一千二百万" -> 12000000, "两" -> 2, "壹佰" -> 100, "１２" -> 12.
"""
from __future__ import annotations

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)


def parse_int(numeral: str) -> int:
    """Value of an integer numeral in Chinese or (full- or half-width) Arabic digits.

    Raises ValueError for anything else.
    """
    s = numeral.strip().translate({cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)})
    if not s:
        raise ValueError("empty numeral")
    if s.isascii() and s.isdigit():
        return int(s)
    if any(ch not in NUMERAL_CHARS for ch in s):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    if not any(ch in SMALL_UNITS or ch in BIG_UNITS for ch in s):
        return int("".join(str(DIGITS[ch]) for ch in s))
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            unit = BIG_UNITS[ch]
            section += digit or 0
            total = (total + section) * unit if unit > 10_000 else total + section * unit
            section, digit = 0, None
    return total + section + (digit or 0)
