"""Header blocks above a title: a metadata block, a Markdown export's header, a site
header and breadcrumb, and the adoption history of a regulation.

Each reader takes the lines and a start index and returns what it read with the
index after it (or None when the lines hold no such block); `front` decides where
to look and which reading wins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from ..markers import match_marker
from ..normalize import fold
from .lines import Line, skip_blank
from .vocab import (
    BREADCRUMB, DATE, DATE_LINE, DOC_NUMBER, FIELD_KEYS, ISO_DATE, MEETING, META_WORDS, ORDER,
    iso_date, normalize_issuer, order_number,
)

# the verb of one dated event of a regulation's history; 施行 (coming into force) is no event of adoption
_EVENT_VERB = re.compile(r"批准|通过|发布|公布|修订|修正|施行")
# 经国务院批准，: an approval clause inside an event of issuing (经国务院批准，国家标准局发布)
_APPROVED_BY = re.compile(r"^\s*经[\u4e00-\u9fff]{2,20}?批准[，,、\s]*")
# 国务院发布 / 国家标准局发布: an organ issuing the text itself
_ISSUED_BY = re.compile(r"\s*([\u4e00-\u9fff]{2,20}?)(?:发布|公布)")
# a label of a metadata block anywhere in a line, maybe letter-spaced (`文　号：`); several may share
# a line (`发布机关：X　发布日期：Y`)
# `【法宝引证码】 CLI.12.4792728`: a label in lenticular brackets needs no colon (a legal database's header)
_LABELS = "|".join(r"\s*".join(w) for w in sorted(META_WORDS, key=len, reverse=True))
_LABEL_AT = re.compile(r"\s*【(" + _LABELS + r")】\s*[:：]?|(" + _LABELS + r")\s*[:：]")
_SITE_HEADER_LINES = 6
# inside a metadata block, a label the vocabulary does not list (`所属主题：安全生产`): short, with a value
_OTHER_LABEL = re.compile(r"^((?:[\u4e00-\u9fff] ?){2,6})\s*[:：]\s*\S.{0,60}$")


@dataclass(frozen=True)
class History:
    """What the dated adoption and revision lines of a regulation say: the latest
    adoption or revision (an approval by another body, 批准, is not one), the organ
    that adopted or issued it, and the order number it was issued under."""

    date: str | None = None
    issuer: str | None = None
    doc_number: str | None = None


@dataclass(frozen=True)
class Header:
    """A Markdown export's header: `# title`, history lines, a number line."""

    start: int
    stop: int
    title: str | None = None
    history: History = field(default_factory=History)
    doc_number: str | None = None


def read_history(texts: Iterable[str]) -> History:
    """The history of a regulation from its dated lines, in order; a line may hold several
    events (`…第一次修订　2011年1月17日广东省…批准`), each from its date to the next.

    `2018年10月31日 周口市第四届人民代表大会常务委员会第十二次会议通过` then `2018年11月29日
    河南省…会议批准的《…决定》修正` -> 2018-10-31, 周口市人民代表大会常务委员会 (the city
    adopted it; the province approved). A revision by 决定 that names no organ keeps the
    issuer and order number read before it.
    """
    date = issuer = number = None
    for text in texts:
        folded = fold(text)
        dates = list(DATE.finditer(folded))
        for k, m in enumerate(dates):
            event = text[m.end():dates[k + 1].start() if k + 1 < len(dates) else len(text)]
            event = _APPROVED_BY.sub("", event)
            verb = _EVENT_VERB.search(event)
            if verb is None or verb.group(0) in ("批准", "施行"):
                continue
            date = iso_date(m) or date
            order, meeting, by = ORDER.match(event), MEETING.match(event), _ISSUED_BY.match(event)
            if order:
                number, issuer = order_number(re.sub(r"\s", "", order.group(0))), order.group(1)
            elif meeting:
                issuer = meeting.group(1)
            elif by and not by.group(1).startswith(("根据", "经")):
                issuer = by.group(1)
    return History(date, normalize_issuer(issuer), number)


def read_markdown_header(lines: list[Line], i: int, end: int) -> Header | None:
    """`# title`, the history lines and a number line, up to `<!-- INFO END -->`; or a
    lone `# title` line. A `# 第一章　总则` heading is the body's, not a title."""
    for j in range(i, min(end, i + 60)):
        if "INFO END" in lines[j].text:
            title = number = None
            dated = []
            for k in range(i, j):
                text = lines[k].text
                if text.startswith("# ") and title is None and _is_title(lines[k]):
                    title = text[2:].strip()
                elif DOC_NUMBER.fullmatch(lines[k].folded.replace(" ", "")):
                    number = text
                else:
                    dated.append(text)
            return Header(i, j + 1, title, read_history(dated), number)
    if i < end and lines[i].text.startswith("# ") and _is_title(lines[i]):
        return Header(i, i + 1, lines[i].text[2:].strip())
    return None


def _is_title(line: Line) -> bool:
    return match_marker(line.folded, line.text) is None


def read_metadata(lines: list[Line], i: int, end: int) -> tuple[dict[str, str], int] | None:
    """A metadata block copied as text: `发文机关：国务院` lines (labels may be spaced,
    `文　号：`, and several may share a line), or a label line with its value on the
    next line; at least two labels, or one that gives a field (`发布时间：2024-03-01`
    under a title). Once a known label is read, a short line with another label and a
    value (`所属主题：安全生产`) belongs to the block too. Returns the pairs and the index
    after the block."""
    found: dict[str, str] = {}
    j, key = i, None
    while j < end:
        line = lines[j]
        if line.blank:
            j += 1
            continue
        pairs = _pairs(line)
        if pairs:
            for label, value in pairs:
                if value:
                    found.setdefault(label, value)
                    key = None
                else:
                    key = label
        elif key is not None and _is_value(key, line, lines, j, end):
            found.setdefault(key, line.text)
            key = None
        elif found and (other := _OTHER_LABEL.match(line.folded)):
            found.setdefault(re.sub(r"\s", "", other.group(1)), line.text[other.end(1):].lstrip(" :：\u3000"))
        else:
            break
        j += 1
    fields = {k for keys in FIELD_KEYS.values() for k in keys}
    return (found, j) if len(found) >= 2 or set(found) & fields else None


def _pairs(line: Line) -> list[tuple[str, str]]:
    """The label/value pairs of a line that starts with a metadata label, else none."""
    labels = list(_LABEL_AT.finditer(line.folded))
    if not labels or line.folded[:labels[0].start()].strip():
        return []
    out = []
    for k, m in enumerate(labels):
        stop = labels[k + 1].start() if k + 1 < len(labels) else len(line.folded)
        out.append((re.sub(r"\s", "", m.group(1) or m.group(2)), line.text[m.end():stop].strip()))
    return out


def _is_value(key: str, line: Line, lines: list[Line], j: int, end: int) -> bool:
    """A line under a metadata label is its value if it looks like one, or a label follows it."""
    squeezed = line.folded.replace(" ", "")
    if key in FIELD_KEYS["date"] + FIELD_KEYS["published"] + ("生效日期",):
        return DATE_LINE.match(squeezed) is not None or ISO_DATE.fullmatch(squeezed) is not None
    if key in FIELD_KEYS["doc_number"]:
        return DOC_NUMBER.fullmatch(squeezed) is not None
    k = skip_blank(lines, j + 1, end)
    return k < end and bool(_pairs(lines[k]))


def read_breadcrumb(lines: list[Line], i: int, end: int) -> tuple[tuple[str, ...], int, int, int] | None:
    """A breadcrumb line (`首页 > 政务公开 > 文件`), maybe under a few short site-header
    lines (the site's name, a menu): its crumbs, where the site header starts, where the
    breadcrumb starts, and the index after it (and after a repeat of its last crumb)."""
    i = skip_blank(lines, i, end)
    k, seen = i, 0
    while k < end and seen <= _SITE_HEADER_LINES:
        line = lines[k]
        if not line.blank:
            if BREADCRUMB.match(line.folded):
                break
            if line.width > 40 or re.search(r"[。,;!?]", line.folded) or match_marker(line.folded, line.text):
                return None
            seen += 1
        k += 1
    else:
        return None
    if k >= end:
        return None
    crumbs = tuple(c.strip() for c in re.split(r"[>›»]", lines[k].text.split(":", 1)[-1]) if c.strip())
    j = skip_blank(lines, k + 1, end)
    stop = j + 1 if j < end and crumbs and lines[j].text == crumbs[-1] else k + 1
    return crumbs, i, k, stop
