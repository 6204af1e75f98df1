"""Written quantities (元 amounts, percentages, multiples) and their bound words.

The grammar shared by the money, target and support extractors. It matches on
a squeezed view of the text (as `normalize.squeeze`: width-folded, whitespace
dropped), so `200 万元` and a PDF line break inside `三\\n千元` still match, and
maps every span back to offsets in the original text. Numerals are converted
one match at a time with `cnnum`, never over running text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from ..cnnum import parse_amount, parse_number
from ..normalize import fold

_AR = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_CN = r"[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
_AMT = rf"(?:{_AR}(?:[十百千]?[万亿]|[十百千](?=元)){{0,2}}|{_CN})"
_DASH = r"(?:至|到|[-—–~―]{1,2})"

QUANTITY = re.compile(rf"""
    (?=[\d零〇一二两三四五六七八九十百千万亿.,至到—–~―\-]{{0,24}}?[元%‰倍]|百分之)  # a unit ahead: cheap rejection
    (?:
    # 1000万元及以上至5000万元, 10万元—100万元, 10—100万元 (unit on the second only)
      (?P<ya>{_AMT})(?P<yau>元)?(?:及以上|以上)?{_DASH}(?P<yb>{_AMT})元
    # 五百元以上二千元以下
    | (?P<la>{_AMT})元及?以上(?P<lb>{_AMT})元(?=及?以下)
    # 5%—20%, 5%-20%, 5-20%
    | (?P<pa>{_AR})%?{_DASH}(?P<pb>{_AR})%
    # 一倍以上五倍以下 (fines as multiples of a base)
    | (?P<xa>{_AMT})倍及?以上(?P<xb>{_AMT})倍(?=及?以下)
    # 五至十倍, 2—3倍
    | (?P<ta>{_AMT})倍?{_DASH}(?P<tb>{_AMT})倍
    # single amount, percentage, multiple
    | (?P<y>{_AMT})元
    | (?P<p>{_AR})%
    | (?P<pm>{_AR})‰
    # 1000项亿元以上项目: 亿元 with no number after a count is one 亿元
    | (?<=[项个家批座])(?P<yone>[万亿])元(?=及?以上)
    # 百分之五以上百分之十以下, 百分之五至百分之十 (fines as a share of a price)
    | 百分之(?P<ca>{_AR}|{_CN})(?:及?以上|{_DASH})百分之(?P<cb>{_AR}|{_CN})
    | 百分之(?P<pc>{_AR}|{_CN})
    | (?P<x>{_AMT})倍
    )
""", re.X)

# Bound words written before the number; longest first.
AT_LEAST = ("不低于", "不少于", "不得低于", "不得少于", "不小于", "超过", "突破", "高于", "多于", "大于", "超")
AT_MOST = ("最高不超过", "最高不高于", "最多不超过", "不超过", "不高于", "不得超过", "不得高于", "不大于",
           "最高", "最多", "上限", "最高限额", "封顶", "低于", "少于", "不足", "不满")
NEUTRAL = ("降至", "降低到", "降低至", "下降到", "控制在")
# Words allowed between a bound word and the number: 最高支持300万元, 原则上不超过1%.
INFIX = ("给予", "支持", "奖励", "补助", "补贴", "资助", "可达", "可申请", "申请", "原则上", "为", "可", "均")
_PREFIX_WORDS = sorted(AT_LEAST + AT_MOST + NEUTRAL + INFIX, key=len, reverse=True)
_PREFIX_ALT = "|".join(_PREFIX_WORDS)
_PREFIX_REV = re.compile("(?:" + "|".join(w[::-1] for w in _PREFIX_WORDS) + ")+")
_PREFIX_WORD = re.compile(_PREFIX_ALT)
_PREFIX_LAST = frozenset(w[-1] for w in _PREFIX_WORDS)  # a prefix run must end in one of these
_AT_LEAST, _AT_MOST, _BOUNDS = frozenset(AT_LEAST), frozenset(AT_MOST), frozenset(AT_LEAST + AT_MOST + NEUTRAL)
_ABOVE, _BELOW = ("及以上", "以上"), ("及以下", "以下", "以内", "之内")
_SCALE_TAIL = re.compile(r"[十百千]?[万亿]*$")
# What an amount may carry after it: a bracket saying which ends it includes
# (`1万—3万元（含1万元，不含3万元）`, `5万元以上（含）`), a bound word, a unit price's
# denominators (`元/亩`, `元/人/月`, `元/平方米/月`).
_INCLUDES = r"\((?:含|不含|包含|包括|不包括)[^()]{0,30}\)"
_PER_UNIT = r"(?:平方米|平米|㎡|立方米|千瓦时|小时|亩|人|户|年|月|日|天|次|吨|件|台|辆|个|家|间|床|张|套|公里|千米|米)"
_SUFFIX = re.compile(rf"(?P<inc>{_INCLUDES})?(?P<w>及以上|以上|及以下|以下|以内|之内|左右)?(?P<inc2>{_INCLUDES})?"
                     rf"(?P<per>(?:/{_PER_UNIT}){{1,3}})?")


# A bound word before a base: 不高于承担风险责任的0.5%.
# 最高(贷款)额度 (a loan ceiling: 在最高额度基础上上浮20%) names a base, it bounds nothing.
_FAR_BOUND = re.compile("(" + "|".join(sorted(set(AT_LEAST + AT_MOST) - {"超"}, key=len, reverse=True))
                        + r")(?![^,:;。\d%元]{0,4}?(?:额度|限额))[^,:;。\d%元]{1,20}(?P<de>的?)$")


class Quantity(NamedTuple):
    """One written quantity in the squeezed view `s` (indices into `s`).

    `kind` is `yuan`, `pct` or `times`; `value` for a single number (yuan, a
    fraction for pct, a factor for times), `low`/`high` for a range;
    `qualifier` exact/at_least/at_most/range/about. `start` includes the bound
    prefix, `num_start` is where the number begins.
    """

    kind: str
    start: int
    num_start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    bound: str | None
    words: tuple[str, ...]
    per: str | None


class View(NamedTuple):
    """The squeezed matching view of a text and the map back to it.

    `gaps[k]` is the view index just after the k-th dropped whitespace run and
    `shifts[k]` how many characters were dropped up to there (both empty when
    the text has no whitespace).
    """

    text: str
    s: str
    gaps: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()

    def at(self, i: int) -> int:
        """Original index of view character `s[i]`."""
        k = bisect_right(self.gaps, i)
        return i + self.shifts[k - 1] if k else i

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original `[start, end)` of view slice `s[i:j]`."""
        return self.at(i), self.at(j - 1) + 1

    def source(self, i: int, j: int) -> str:
        a, b = self.span(i, j)
        return self.text[a:b]


def view(text: str, folded: str | None = None) -> View:
    """The view of `text`; pass `folded` (its `fold`, e.g. a slice of the folded document) to skip folding."""
    folded = fold(text) if folded is None else folded
    if not _SPACE.search(folded):
        return View(text, folded)
    chunks, gaps, shifts, prev, dropped = [], [], [], 0, 0
    for m in _SPACE.finditer(folded):
        a, b = m.span()
        chunks.append(folded[prev:a])
        dropped += b - a
        gaps.append(b - dropped)
        shifts.append(dropped)
        prev = b
    chunks.append(folded[prev:])
    return View(text, "".join(chunks), tuple(gaps), tuple(shifts))


# Written to start with a character class, which lets the regex engine skip to candidates.
_SPACE = re.compile(r"\s\s*")
_SENTENCE_END = re.compile(r"[。;；!！?？.](?!(?<=\.)\d)")


# No real sentence comes near this (the corpus's longest is 306 characters); a longer run
# without an end mark is read in pieces, so the work per sentence stays bounded.
MAX_SENTENCE = 1000
_CLAUSE_MARK = re.compile(r"[,:、]")


def sentences(s: str) -> list[tuple[int, int]]:
    """`[start, end)` of each sentence of `s`, its end mark included.

    A sentence over `MAX_SENTENCE` characters (a pasted list of thousands of amounts)
    is cut into pieces of at most that length, each after its last clause mark."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(s):
        if m.end() > start:
            _pieces(s, start, m.end(), out)
        start = m.end()
    if start < len(s):
        _pieces(s, start, len(s), out)
    return out


def _pieces(s: str, lo: int, hi: int, out: list[tuple[int, int]]) -> None:
    while hi - lo > MAX_SENTENCE:
        cut = lo + MAX_SENTENCE
        for m in _CLAUSE_MARK.finditer(s, lo + MAX_SENTENCE // 2, cut):
            cut = m.end()
        out.append((lo, cut))
        lo = cut
    out.append((lo, hi))


def clause_start(s: str, lo: int, i: int) -> int:
    """Start of the clause (after the last `,` or `:`) holding position `i`, not before `lo`."""
    return max(lo, s.rfind(",", lo, i) + 1, s.rfind(":", lo, i) + 1)


def quantities(s: str, lo: int = 0, hi: int | None = None) -> list[Quantity]:
    """Every quantity in `s[lo:hi]`, with bound prefix and suffix attached."""
    hi = len(s) if hi is None else hi
    out: list[Quantity] = []
    for m in QUANTITY.finditer(s, lo, hi):
        if out and m.start() < out[-1].end:  # inside the inclusion bracket of the one before
            continue
        q = _quantity(s, m, lo)
        if q is not None:
            out.append(q)
    return out


def _num(text: str, kind: str) -> float:
    if kind == "yuan":
        return parse_amount(text)
    value = parse_number(text)
    return round(value / 100, 10) if kind == "pct" else value


def _quantity(s: str, m: re.Match, lo: int) -> Quantity | None:
    last = m.lastgroup  # the group closing the alternative that matched: yb lb pb xb tb y p pc x
    low = high = value = None
    try:
        if last == "yb":
            kind, high = "yuan", parse_amount(m["yb"])
            a = m["ya"]
            if not m["yau"] and "万" not in a and "亿" not in a:
                a += _SCALE_TAIL.search(m["yb"]).group(0)
            low = parse_amount(a)
        elif last == "lb":
            kind, low, high = "yuan", parse_amount(m["la"]), parse_amount(m["lb"])
        elif last == "pb" or last == "cb":
            a, b = ("pa", "pb") if last == "pb" else ("ca", "cb")
            kind, low, high = "pct", _num(m[a], "pct"), _num(m[b], "pct")
        elif last == "xb" or last == "tb":
            a, b = ("xa", "xb") if last == "xb" else ("ta", "tb")
            kind, low, high = "times", parse_number(m[a]), parse_number(m[b])
        elif last == "y":
            kind, value = "yuan", parse_amount(m["y"])
        elif last == "p" or last == "pc":
            kind, value = "pct", _num(m[last], "pct")
        elif last == "pm":
            kind, value = "pct", round(parse_number(m["pm"]) / 1000, 10)
        elif last == "yone":
            kind, value = "yuan", parse_amount("1" + m["yone"])
        else:
            kind, value = "times", parse_number(m["x"])
    except ValueError:
        return None
    i = m.start()
    start, bounds = _prefix(s, lo, i)
    arabic_pct = last in ("p", "pb", "pm")
    if not bounds and (arabic_pct or s.startswith("的", i - 1)):
        far = _FAR_BOUND.search(s, max(lo, i - 24), i)
        if far and (far.group("de") or arabic_pct):
            start, bounds = far.start(), [far.group(1)]
    suf = _SUFFIX.match(s, m.end())
    word, per = suf.group("w", "per")
    end = suf.end() if word or per or suf.group("inc") or suf.group("inc2") else m.end()
    if low is not None:
        qualifier = "range"
        if word in _BELOW:
            end = suf.end()
    elif word in _ABOVE:
        qualifier = "at_least"
    elif word in _BELOW:
        qualifier = "at_most"
    elif not _AT_LEAST.isdisjoint(bounds):
        qualifier = "at_least"
    elif not _AT_MOST.isdisjoint(bounds):
        qualifier = "at_most"
    elif word == "左右":
        qualifier = "about"
    else:
        qualifier = "exact"
    bound = next((b for b in bounds if b in _BOUNDS), None)
    return Quantity(kind, start, i, end, value, low, high, qualifier, bound, tuple(bounds), per)


def _prefix(s: str, lo: int, i: int) -> tuple[int, list[str]]:
    """Extend back over bound words and their infixes; return the new start and the bound words."""
    if i <= lo or s[i - 1] not in _PREFIX_LAST:
        return i, []
    words: list[str] = []
    start = i
    run = _PREFIX_REV.match(s[max(lo, i - 24):i][::-1])
    if run:
        start = i - run.end()
        words = _PREFIX_WORD.findall(s, start, i)[::-1]
    while words and words[-1] in INFIX:
        start += len(words.pop())
    return start, words
