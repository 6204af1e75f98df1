"""Chinese numerals to numbers, for the one numeral a caller matched.

Never run over running text: `一次性`, `一批` and heading markers are not
numbers to rewrite. Examples: "十九" -> 19, "一百零五" -> 105, "二〇二四" -> 2024,
"一千二百万" -> 12000000, "两" -> 2, "壹佰" -> 100, "１２" -> 12;
amounts: "1.5亿" -> 150000000, "五百万" -> 5000000, "1千万" -> 10000000,
"0.5万" -> 5000, "３，０００" -> 3000.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)

_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)} | {0xFF0E: ".", 0xFF0C: ","}
# The common case, parsed without Decimal: 500, 300万, 20亿.
_PLAIN = re.compile(r"(\d+)([万亿]?)$")
# An Arabic number (optional thousands commas and decimals) or one Chinese digit.
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|.", re.S)


def parse_int(numeral: str) -> int:
    """Value of an integer numeral in Chinese or (full- or half-width) Arabic digits.

    Raises ValueError for anything else.
    """
    s = numeral.strip().translate(_WIDTH)
    if not s:
        raise ValueError("empty numeral")
    if s.isascii() and s.isdigit():
        return int(s)
    if any(ch not in NUMERAL_CHARS for ch in s):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    value = _combine(s)
    if isinstance(value, Decimal) and value != value.to_integral_value():
        raise ValueError(f"not an integer: {numeral!r}")
    return int(value)


@lru_cache(maxsize=4096)
def parse_number(numeral: str) -> int | float:
    """Value of a numeral that may mix Arabic digits, decimals and Chinese units.

    "1.5亿" -> 150000000, "五百万" -> 5000000, "1千万" -> 10000000, "0.3" -> 0.3,
    "百分之二十" is not handled here (the caller strips 百分之). Integral
    values come back as int. Raises ValueError for anything that is not a numeral.
    Cached: a document repeats the same few numerals (laws write 五百元, 一千元 in
    every fine).
    """
    s = numeral.strip()
    if not s.isascii():
        s = s.translate(_WIDTH)
    if not s:
        raise ValueError("empty numeral")
    plain = _PLAIN.match(s)
    if plain:
        return int(plain.group(1)) * BIG_UNITS.get(plain.group(2), 1)
    value = _combine(s)
    if isinstance(value, int):
        return value
    return int(value) if value == value.to_integral_value() else float(value)


def parse_amount(text: str) -> int | float:
    """Yuan value of a written amount, with or without its 元: "1.5亿元" -> 150000000.

    Accepts Arabic (both widths, thousands commas, decimals) and Chinese
    numerals with 万/亿 multipliers: "五百万" -> 5000000, "一亿" -> 100000000,
    "十万元" -> 100000, "１２万元" -> 120000.
    """
    s = text.strip()
    if s.endswith("元"):
        s = s[:-1]
    return parse_number(s)


def _combine(s: str) -> int | Decimal:
    """Positional value of `s` where an Arabic number stands where a digit may.

    Integer arithmetic unless a decimal point is written (Decimal keeps 1.5亿 exact).
    """
    num = Decimal if "." in s else int
    total = section = 0
    digit = None
    tokens = _TOKEN.findall(s) if num is Decimal or not s.isalpha() else list(s)
    if not tokens:
        raise ValueError(f"not a numeral: {s!r}")
    if all(t in DIGITS for t in tokens) and len(tokens) > 1:
        return num("".join(str(DIGITS[t]) for t in tokens))
    for tok in tokens:
        if tok[0].isdigit():
            if digit is not None:
                raise ValueError(f"not a numeral: {s!r}")
            try:
                digit = num(tok.replace(",", ""))
            except (InvalidOperation, ValueError) as exc:
                raise ValueError(f"not a numeral: {s!r}") from exc
        elif tok in DIGITS:
            digit = DIGITS[tok] or None  # 零 holds a place: 一万零十 is 10010, its 十 counts one ten
        elif tok in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[tok]
            digit = None
        elif tok in BIG_UNITS:
            unit = BIG_UNITS[tok]
            section += digit or 0
            if section == 0 and total == 0:
                section = 1 if digit is None else section
            total = (total + section) * unit if unit > 10_000 else total + section * unit
            section, digit = 0, None
        else:
            raise ValueError(f"not a numeral: {s!r}")
    return total + section + (digit or 0)
