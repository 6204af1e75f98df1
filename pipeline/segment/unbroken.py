"""A text stored as one line (a page copied without its line breaks), cut into its paragraphs.

Only a line of at least `UNBROKEN` characters is cut: no paragraph as printed is that long, so
an ordinary text keeps its lines as they are. The pieces tile the line: every character stays,
offsets point into the text, nothing is rewritten. A chapter heading printed on one line with
its first article (`第一章　总则　　第一条 　…`) is cut the same way, before the article.
"""
from __future__ import annotations

import re

from ..doctypes import DOC_KIND_END
from ..markers import match_marker
from .lines import Line
from .vocab import ADDRESSEE_WORD, ORGAN

# A line this long is a whole text stored without line breaks, never one paragraph as printed.
UNBROKEN = 1000
# A paragraph indent inside such a line: a run of spaces holding two full-width ones (`　　`),
# or three spaces of any width.
_INDENT = re.compile(r"[ \t\u00a0\u2002\u2003]*\u3000[ \t\u00a0\u2002\u2003\u3000]*\u3000[ \t\u00a0\u2002\u2003\u3000]*"
                     r"|[ \t\u00a0\u2002\u2003\u3000]{3,}")
# Where a heading may open (folded view): after the end of a sentence, a clause, a lead-in or a
# bracketed note (`。` `；` `！` `？` `：` `）` `〕` `】`, or a closing quote), at a character that
# can open a marker (第 一 （ 1 ①).
_HEADING_AT = re.compile(r"[。;!?:)〕】”’」』] *(?=[第一二三四五六七八九十(\d①-⑳])")
# A first sub-heading right after a short heading, nothing between: `一、总体要求（一）指导思想。`
_FIRST_BELOW = re.compile(r"[^\s,，。;:、()《》“”]{2,30}?(?=\(一\)|1[.、](?!\d)|\(1\)|①|第一节|第一条)")
# A signature after the last sentence: an organ, then the date (`…情况。重庆市人民政府办公厅2021年8月23日`).
_SIGNATURE = re.compile(r"(?<=[。;!?)])([\u4e00-\u9fff()]{2,40}?) *(\d{4}年\d{1,2}月\d{1,2}日)(?= |\(|$)")
# The number under the title at the head of the line: `…的意见渝府发〔2019〕17号各区县…`.
_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[]\d{4}[〕\]]\d{1,5}号")
_HEAD = 300
# A chapter heading that runs on into its first article after an indent, on one line as some
# exports print it: `第一章　总则　　第一条 　为规范…` (the cut falls before 第一条).
_NUM = r"[一二三四五六七八九十百零〇两\d]+"
_GLUED_ARTICLE = re.compile(r"\s*第" + _NUM + r"[编章节]\s*[^\s。，,;；:：]{1,20}(?:" + _INDENT.pattern + r")(?=第"
                            + _NUM + r"条)")
_CUT_TYPES = frozenset({"bufen", "bian", "zhang", "jie", "tiao", "dun", "paren_cn", "arabic", "paren_arabic", "circled"})
_CUT_MAX_ORDINAL = 99
# A marker that ends where another would open (folded view): markers in a row head nothing.
_MARKER_BEFORE = re.compile(r"(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,3}[.、]|[①-⑳]) *$")


def unbreak_all(lines: list[Line]) -> list[Line]:
    """`lines` with each line of `UNBROKEN` characters or more cut into its paragraphs, and each
    chapter heading that runs on into its first article cut before the article."""
    out: list[Line] = []
    for line in lines:
        if line.hi - line.lo >= UNBROKEN:
            out.extend(unbreak(line))
        elif (m := _GLUED_ARTICLE.match(line.text)) is not None:
            out.extend(_pieces(line, [m.end(), len(line.text)]))
        else:
            out.append(line)
    return out


def unbreak(line: Line) -> list[Line]:
    """A line holding a whole text, cut into its paragraphs (the pieces tile the line).

    Cut before each paragraph indent (`。　　二、…`, `。　　为…`); before each heading marker
    that follows the end of a sentence or a note (`…意见。一、总体要求`, `…具体负责）（二）加强…`,
    `。第二条　…`), numbered below 100 and counting on from the last of its kind (1, or up to 3
    on, so one heading missed does not stop the count); before a first sub-heading right after
    a short heading (`一、总体要求（一）指导思想。`); around a signature and its date after the
    last sentence (`…情况。|重庆市人民政府办公厅|2021年8月23日`); and at the head, between
    title, number and addressees (see `_head_cuts`). A marker in a sentence is no cut: it
    follows no sentence end (`按照第三条规定`), or does not count on (`。第三十条规定的…` after `第五条`).
    """
    indents = {m.start(): m.end() for m in _INDENT.finditer(line.text)}
    cuts = set(indents) | _heading_cuts(line.folded, set(indents.values()))
    for m in _SIGNATURE.finditer(line.folded):
        if ORGAN.match(m.group(1)):
            cuts.update(m.span(2) + (m.start(1),))
    cuts.update(_head_cuts(line.folded))
    cuts -= set(indents.values())  # a cut where an indent ends would leave the indent a line of its own
    return _pieces(line, sorted(c for c in cuts if 0 < c < len(line.text)) + [len(line.text)])


def _pieces(line: Line, bounds: list[int]) -> list[Line]:
    """`line` cut at `bounds` (offsets into its text, ascending, the last its length)."""
    pieces, a = [], 0
    for b in bounds:
        content = line.text[a:b]
        stripped = content.strip()
        start = line.start if a == 0 else line.lo + a
        end = line.end if b == len(line.text) else line.lo + b
        lo = line.lo + a + (len(content) - len(content.lstrip()))
        hi = lo + len(stripped)
        if not stripped:
            lo = hi = start
        pieces.append(Line(start, end, lo, hi, stripped, line.folded[lo - line.lo:hi - line.lo]))
        a = b
    return pieces


def _heading_cuts(folded: str, indented: set[int]) -> set[int]:
    """Offsets of the headings that open a paragraph (see `unbreak`); `indented` are the offsets
    where an indent ends, already cut, whose markers keep the count."""
    cuts: set[int] = set()
    heads = {m.end() for m in _HEADING_AT.finditer(folded)}
    last: dict[str, int] = {}
    for at in sorted(heads | indented | {0}):
        head = folded[at:at + 40]
        marker = match_marker(head, head)
        if not (marker and marker.type in _CUT_TYPES and 0 < marker.ordinal <= _CUT_MAX_ORDINAL):
            continue
        if _MARKER_BEFORE.search(folded, max(0, at - 8), at):  # `（一）（一）…`: a marker heads no marker
            continue
        before = last.get(marker.type, 0)
        counts_on = marker.ordinal == 1 or before < marker.ordinal <= before + 3
        cut = at in heads and at not in indented and at > 0
        if cut and not (marker.start == 0 and counts_on):
            continue
        _count(last, marker.type, marker.ordinal)
        if cut:
            cuts.add(at)
        below = _FIRST_BELOW.match(folded, at + marker.end)
        if below:
            cuts.add(below.end())
            inner = match_marker(folded[below.end():below.end() + 10], "")
            if inner is not None:
                _count(last, inner.type, 1)
    return cuts


def _head_cuts(folded: str) -> list[int]:
    """Where the head of the line breaks: between title and number, after the number, and after
    the addressees (`重庆市人民政府关于…的意见|渝府发〔2019〕17号|各区县（自治县）人民政府，…，有关单位：|近年来，…`).
    The title is the run before the number ending with a kind of document (意见, 通知…), with no
    sentence mark; the addressees end with the first colon, with no full stop before it."""
    m = _NUMBER.search(folded, 0, _HEAD)
    if m is None or re.search(r"[。,;:]", folded[:m.start()]):
        return []
    bracket = m.start() + len(re.match(r"[\u4e00-\u9fff]+", m.group()).group())
    title_end = next((k for k in range(bracket - 1, m.start() - 1, -1) if DOC_KIND_END.search(folded, 0, k)), None)
    if title_end is None or title_end < 4:
        return []
    cuts = [title_end, m.end()]
    colon = folded.find(":", m.end(), m.end() + _HEAD)
    if colon > 0 and "。" not in folded[m.end():colon] and ADDRESSEE_WORD.search(folded, m.end(), colon):
        cuts.append(colon + 1)
    return cuts


def _count(last: dict[str, int], type_: str, ordinal: int) -> None:
    """Record a heading of `type_` numbered `ordinal`; the levels first seen below it start again."""
    if type_ in last:
        for below in list(last)[list(last).index(type_) + 1:]:
            del last[below]
    last[type_] = ordinal
