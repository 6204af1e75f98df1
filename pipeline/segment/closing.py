"""Closing block (附件说明, signature, date, 此件公开发布, print record) and attachments (附件) after the body."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..markers import match_marker
from .lines import Line
from .vocab import COPY_LINE, DATE, ORGAN, PRINTED, SIGNATORY, SIGNED, is_date_line, is_organ_line, iso_date

_ATTACHMENT = re.compile(r"^附件\s*[0-9一二三四五六七八九十]*\s*[:：]?\s*\S.{0,79}$|^附件\s*[0-9一二三四五六七八九十]*\s*[:：]?$")
# 本意见由…负责解释，自2019年1月1日起执行 / 本办法自发布之日起施行
_EFFECT = re.compile(r"^本(?:意见|办法|方案|规定|通知|措施|细则|政策|规划|计划|决定|实施意见|若干措施)"
                     r".{0,80}(?:负责解释|起施行|起执行|起实施|有效期|起生效)")
# 特此通知。 特此公告。 the closing formula of a notice
_FORMULA = re.compile(r"^特此(?:通知|公告|通告|函告|函复|批复|通报|说明)[。.]?$")
# (此件公开发布) / (联系人：张三，联系电话：12345678)
_CLOSING_PAREN = re.compile(r"^\((?:.{1,20}|[^()]*(?:联系|电话)[^()]*)\)$")
# 继续有效的行政规范性文件目录（共85件） / 权责清单 / 项目汇总表: the heading of a list, not a clause
_LIST_HEADING = re.compile(r"^[^。;:!?]{2,58}(?:目录|清单|名单|名录|一览表|汇总表|表)(?:\([^()]{1,20}\))?$")
# a caption may stand this many lines above its table's first row (a unit line, 单位：万元)
_CAPTION_LINES = 2
_COPY_LINES = 5
# lines an attachment note (附件：1.… 2.…) may run over before the signature under it
_NOTE_LINES = 12


@dataclass(frozen=True)
class Signature:
    """Who signed the closing block and when: the organs over the date (two issuers over
    one date sign together), or the office and date of the print record (XX局办公室　2023年8月9日印发);
    else a date the block only mentions (`signed` False), weaker than a cover letter's date."""

    issuers: tuple[str, ...] = ()
    date: str | None = None
    signed: bool = True  # False: the date is only written in the block (`本办法自2019年8月20日起施行`)


def find_attachment(lines: list[Line], start: int, end: int) -> int:
    """Index of the first 附件 heading line in `lines[start:end]`, or `end`.

    An attachment note above the signature (`附件：1.…` then the issuing organ and
    the date, as GB/T 9704 places it) names attachments; it does not start one.
    """
    i = start
    while i < end:
        line = lines[i]
        if not line.blank and _ATTACHMENT.match(line.text) and "。" not in line.text:
            signed = _signature_after(lines, i + 1, end)
            if signed is None:
                return i
            i = signed
        i += 1
    return end


def find_unlabeled(lines: list[Line], start: int, end: int) -> int:
    """Index where attached material without a 附件 label begins in `lines[start:end]`, or `end`.

    A page may put its tables straight under the signature: an organ line over a date
    line, then a caption and table rows (cells joined by tabs) or a list heading
    (`继续有效的行政规范性文件目录（共85件）`). The line after the date begins the material;
    a date in the body is no signature, as no organ line stands right above it or no
    table or list follows it.
    """
    organ = False
    for i in range(start, end):
        line = lines[i]
        if line.blank:
            continue
        if organ and is_date_line(line) and _attached_from(lines, i + 1, end):
            return next(k for k in range(i + 1, end) if not lines[k].blank)
        organ = is_organ_line(line)
    return end


def _attached_from(lines: list[Line], i: int, end: int) -> bool:
    """Whether the lines from `i` plainly open attached material: a list heading, or table
    rows with at most `_CAPTION_LINES` short caption lines above them (two rows at least)."""
    shown = [ln for ln in lines[i:end] if not ln.blank][:_CAPTION_LINES + 2]
    if not shown:
        return False
    if _LIST_HEADING.match(shown[0].folded.replace(" ", "")):
        return True
    captions = 0
    for line in shown:
        if "\t" in line.text:
            break
        if line.width > 60 or "。" in line.text:
            return False
        captions += 1
    rows = shown[captions:captions + 2]
    return captions <= _CAPTION_LINES and len(rows) == 2 and all("\t" in ln.text for ln in rows)


def _signature_after(lines: list[Line], i: int, end: int) -> int | None:
    """If short note lines and then organ lines over a date follow `i`, the date's index."""
    organs = 0
    for j in range(i, min(end, i + _NOTE_LINES)):
        line = lines[j]
        if line.blank:
            continue
        if organs and is_date_line(line):
            return j
        if is_organ_line(line):
            organs += 1
        elif organs or line.width > 60 or "。" in line.text:
            return None
    return None


def find_closing(lines: list[Line], start: int, end: int) -> tuple[int, bool]:
    """Index where the closing block begins (or `end`), and whether a clause opened it.

    The block is the run of trailing lines made of signature, date, print-record and
    (此件公开发布)-style lines, holding a date line or opened by a clause such as
    `本意见自…起施行` (which a numbered clause of the body never is).
    """
    i = end
    found = False
    first = end
    record = _print_record(lines, start, end)
    while i > start:
        line = lines[i - 1]
        if line.blank:
            i -= 1
            continue
        folded = line.folded.strip()
        if is_date_line(line) or _FORMULA.match(folded) or PRINTED.match(folded.replace(" ", "")) or _signed(line):
            found = True
        elif _EFFECT.match(folded):
            if found:
                break
            return i - 1, True
        elif not (_closing_like(line) or i - 1 in record):
            break
        first = i - 1
        i -= 1
    return (first if found else end), False


def _print_record(lines: list[Line], start: int, end: int) -> set[int]:
    """Lines of the print record (版记) at the foot: `抄送：…` items running over up to
    `_COPY_LINES` lines until one ends with 。, and `公开方式：主动公开` lines."""
    found: set[int] = set()
    i = max(start, end - 30)
    while i < end:
        head = COPY_LINE.match(lines[i].folded.strip())
        if not head:
            i += 1
            continue
        stop = min(end, i + (1 if head.group(0).startswith("公开") else _COPY_LINES))
        while i < stop:
            found.add(i)
            i += 1
            if lines[i - 1].folded.rstrip().endswith(("。", ".")):
                break
    return found


def _signed(line: Line) -> re.Match[str] | None:
    """`某某市人民政府办公室　2025年3月1日`: organs and the date on one line."""
    m = SIGNED.match(line.folded.strip())
    return m if m and all(ORGAN.match(p) for p in m.group(1).split()) else None


def _closing_like(line: Line) -> bool:
    f = line.folded.strip()
    if _CLOSING_PAREN.match(f):
        return True
    return (line.width <= 30 and not re.search(r"[。,;:!?]", f) and not f[:1].isdigit()
            and match_marker(line.folded, line.text) is None)


def read_signature(lines: list[Line]) -> Signature:
    """The signature of a closing block's lines: the organ lines right above its first
    date line (else the one short line there; a person's signature, `总理　李克强`, names
    no issuer), else organs and date on one line or a print record, else the first date
    written in the block (`本意见自2019年1月1日起执行`)."""
    for k, line in enumerate(lines):
        if line.blank or not is_date_line(line):
            continue
        issuers: list[str] = []
        above = [ln for ln in lines[:k] if not ln.blank]
        for prev in reversed(above):
            if not is_organ_line(prev) or len(issuers) >= 4:
                break
            issuers[:0] = prev.text.split()  # organs side by side on one line sign together too
        if not issuers and above and _closing_like(above[-1]) and not SIGNATORY.match(above[-1].folded):
            issuers.append(above[-1].text.strip())  # a signer whose name ends in no organ word we list
        return Signature(tuple(issuers), iso_date(DATE.search(line.folded)))
    for line in lines:
        signed = _signed(line) or (PRINTED.match(line.folded.replace(" ", "")) if not line.blank else None)
        if signed:
            return Signature(tuple(signed.group(1).split()), iso_date(DATE.search(line.folded)))
    dated = next((m for line in lines if (m := DATE.search(line.folded))), None)
    return Signature((), iso_date(dated) if dated else None, signed=False)


def with_attachment_list(lines: list[Line], start: int, closing: int) -> int:
    """Where the closing begins when a 附件 list (附件说明, `附件：1.…⏎2.…`) stands right above the
    signature: at that list, else at `closing`."""
    for i in range(max(start, closing - 6), closing):
        line = lines[i]
        if line.blank or not _ATTACHMENT.match(line.text) or "。" in line.text:
            continue
        between = [ln for ln in lines[i + 1:closing] if not ln.blank]
        if all(ln.width <= 60 and "。" not in ln.folded for ln in between):
            return i
    return closing
