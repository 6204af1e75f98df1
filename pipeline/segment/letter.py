"""Cover letters: the 函/通知 that sends a draft out for comment, and what it says.

Issuer, date, addressee, comment deadline, contact and feedback channels; a
notice that is the whole text; a notice followed by `附《…（征求意见稿）》：`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Letter
from ..normalize import fold
from .lines import Line, skip_blank
from .vocab import (
    ADDRESS, APPENDED, BRACKET_NOTE, CLASS_LABEL, CONTACT, DATE, DEADLINE, DEADLINE_AFTER, DEADLINE_RANGE,
    DOC_NUMBER, DRAFTER, EMAIL, FAX, LETTER_END, ORDER_HEAD, ORDER_LINE, ORDER_NO, ORGAN, PHONE, RED_HEAD, SIGNATORY,
    STATUS_LINE, STATUS_WORDS, clean_title, is_addressee, is_date_line, is_organ_line, is_title_line, iso_date,
    normalize_issuer, order_number,
)

# the paragraph of a cover letter that sends a text out: 现将《…》印发给你们 / 《…》已经市政府同意，现印发
_SENDS = re.compile(r"印发|转发|发布|公布|下达")
# how many lines an untitled letter (addressee to date) may run over
_UNTITLED_LINES = 40


@dataclass(frozen=True)
class LetterBlock:
    """A cover letter read from lines `[start, stop)`, and what it states of the document."""

    letter: Letter
    start: int
    stop: int
    doc_number: str | None = None
    status: str | None = None


def read_letter(lines: list[Line], i: int, end: int) -> LetterBlock | None:
    """A cover letter (征求意见的函, 印发…的通知) that closes with a date before the body.

    Its title may wrap over up to three lines; after its date line come an optional
    contact or (此件公开发布) line, and then the document's own title.
    """
    i = skip_blank(lines, i, end)
    number = None
    while i < end and (_above_title(lines[i]) or (number is None and _number_line(lines[i]))):
        number = lines[i].text.strip() if _number_line(lines[i]) else number
        i = skip_blank(lines, i + 1, end)
    k, title_end = i, None
    while k < min(end, i + 3) and not lines[k].blank and "。" not in lines[k].text and lines[k].width <= 90:
        if LETTER_END.search(lines[k].folded):
            title_end = k
            break
        k += 1
    if title_end is None:
        return None
    again = skip_blank(lines, title_end + 1, end)
    if again < end and _same_title("".join(ln.text for ln in lines[i:title_end + 1]), lines[again].text):
        i = title_end = again  # a database's header gives the title, then the text's own title line says it again
    number_at = skip_blank(lines, title_end + 1, end)
    if number_at < end and ORDER_NO.match(lines[number_at].folded.replace(" ", "")) and (
            number_at == title_end + 1 or ORDER_LINE.match(lines[title_end].folded.strip())):
        title_end = number_at  # 广东省人民政府令 ⏎ （第290号）: an order's number under its head
    head_text = clean_title("".join(ln.text for ln in lines[i:title_end + 1] if not ln.blank))
    order = ORDER_HEAD.fullmatch(re.sub(r"[\s()]", "", fold(head_text)))
    order = order if order and ORGAN.match(order.group(1)) else None
    opening = next((ln.text for ln in lines[title_end + 1:end] if not ln.blank and not ln.folded.endswith(":")), "")
    # an order's cover announces the text it promulgates: `…现将修订后的《专利代理条例》公布，自…起施行`
    if not re.search(r"征求|意见|印发|转发|公布|发布", head_text + (opening if order else opening[:40])):
        return None
    date_idx = next((j for j in range(title_end + 1, end) if is_date_line(lines[j])), None)
    if date_idx is None:
        return None
    stop = date_idx + 1
    j = skip_blank(lines, stop, end)
    if j < end and _note_after_date(lines[j]):
        stop = j + 1
    if skip_blank(lines, stop, end) >= end:
        return None
    head = lines[i]
    body = lines[title_end + 1:stop]
    body_text = "\n".join(line.text for line in body)
    folded = "\n".join(line.folded for line in body)
    date = iso_date(DATE.search(lines[date_idx].folded))
    signer_line = next((lines[k] for k in range(date_idx - 1, title_end, -1) if not lines[k].blank), None)
    signer = signer_line.text if signer_line is not None and not SIGNATORY.match(signer_line.folded) else None
    if signer and (signer.endswith(("。", ".")) or len(signer) > 40):
        signer = None
    signers = _signers(lines[title_end + 1:date_idx])
    signer = "、".join(signers) if len(signers) > 1 else signer  # several organs over one date sign together
    issuer = normalize_issuer(order.group(1)) if order else signer or (head_text.split("关于", 1)[0] or None)
    nonblank = [ln for ln in body if not ln.blank]
    doc_number = order_number(order.group(0)) if order and order.group(2) else number
    if nonblank and _number_line(nonblank[0]):
        doc_number = nonblank.pop(0).text.strip().strip("（）()")
    first = nonblank[0] if nonblank else None
    addressee = first.text.rstrip(":： ") if first and is_addressee(first) else None
    letter = Letter(title=head_text, start=head.start, end=lines[stop - 1].end, issuer=issuer, date=date,
                    addressee=addressee, **comment_fields(body_text, folded, date))
    return LetterBlock(letter, i, stop, doc_number)


def read_untitled_letter(lines: list[Line], i: int, end: int) -> LetterBlock | None:
    """A cover letter whose title the page left out (it sits in the page's header): maybe its
    number line, the addressee, a paragraph that sends a text out (`现将《…》印发给你们`), the
    signing organs and the date; the sent text's own title comes next, before `end`.

    `京商生二字〔2025〕17号 ⏎ 各相关单位： ⏎ 《…若干措施》已经市政府同意，现印发… ⏎ 北京市商务局 ⏎
    北京市经济和信息化局 ⏎ 2025年9月26日 ⏎ 关于…的若干措施` -> a letter signed by both organs."""
    j = skip_blank(lines, i, end)
    number = None
    if j < end and _number_line(lines[j]):
        number, j = lines[j].text.strip().strip("（）()"), skip_blank(lines, j + 1, end)
    if j >= end or not _addressed(lines[j]):
        return None
    date_idx = next((k for k in range(j + 1, min(end, j + _UNTITLED_LINES)) if is_date_line(lines[k])), None)
    if date_idx is None or not _SENDS.search("".join(ln.text for ln in lines[j + 1:date_idx])):
        return None
    stop = date_idx + 1
    k = skip_blank(lines, stop, end)
    if k < end and _note_after_date(lines[k]):
        stop = k + 1
    k = skip_blank(lines, stop, end)
    if k >= end or not is_title_line(lines[k]) or lines[k].folded.lstrip().startswith("附件"):
        return None
    signers = _signers(lines[j + 1:date_idx])
    body = lines[j:stop]
    date = iso_date(DATE.search(lines[date_idx].folded))
    text, folded = "\n".join(ln.text for ln in body), "\n".join(ln.folded for ln in body)
    letter = Letter(title=None, start=lines[i].start, end=lines[stop - 1].end,
                    issuer=normalize_issuer("、".join(signers)) if signers else None, date=date,
                    addressee=lines[j].text.strip().rstrip(":："), **comment_fields(text, folded, date))
    return LetterBlock(letter, i, stop, number)


def _signers(lines: list[Line]) -> list[str]:
    """The organs on the lines right above a date (one a line, or side by side)."""
    signers: list[str] = []
    for prev in reversed([ln for ln in lines if not ln.blank]):
        if not is_organ_line(prev):
            break
        signers[:0] = prev.text.split()
    return signers


def _above_title(line: Line) -> bool:
    """A line above a letter's title that is none of it: a class label (`行政规范性文件`) or a
    red-head `…文件` header."""
    f = line.folded.strip()
    return CLASS_LABEL.match(f) is not None or RED_HEAD.match(f) is not None


def _number_line(line: Line) -> bool:
    """`皖政办秘〔2021〕82号`, or in brackets `（皖政办秘〔2021〕82号）`."""
    squeezed = line.folded.replace(" ", "")
    return DOC_NUMBER.fullmatch(re.sub(r"^\((.*)\)$", r"\1", squeezed)) is not None


def _same_title(a: str, b: str) -> bool:
    """Two writings of one title (widths, spaces and the kind of dash aside)."""
    def key(t: str) -> str:
        return re.sub(r"[\s\-—–－~～]", "", fold(t))
    return len(key(a)) > 4 and key(a) == key(b)


def _addressed(line: Line) -> bool:
    """The addressee line of a letter, however long its list (`各市、县（市、区）商务局、…：`)."""
    f = line.folded.rstrip()
    return is_addressee(line) or (f.startswith("各") and f.endswith(":") and "。" not in f)


def _note_after_date(line: Line) -> bool:
    """(此件公开发布), (本文有删减), (联系人：…，电话：…) under a letter's date; not a status line."""
    f = line.folded
    if not f.startswith("(") or STATUS_LINE.match(f.replace(" ", "")):
        return False
    return re.search(r"联系|电话|公开|发布", line.text) is not None or BRACKET_NOTE.match(f.strip()) is not None


def comment_fields(text: str, folded: str, letter_date: str | None) -> dict:
    """Deadline, contact and feedback channels of a call for comments.

    `folded` is `normalize.fold(text)`; a deadline without a year takes the
    letter's year (the next year when its month is earlier than the letter's).
    """
    deadline = deadline_text = None
    dm = DEADLINE.search(folded) or DEADLINE_AFTER.search(folded) or DEADLINE_RANGE.search(folded)
    if dm:
        deadline_text = text[dm.start():dm.end()]
        deadline = _deadline_iso(dm, letter_date)
    contact = CONTACT.search(folded)
    phone = PHONE.search(folded)
    feedback = tuple(dict.fromkeys(
        [m.group(0) for m in EMAIL.finditer(text)]
        + ["传真 " + text[m.start(1):m.end(1)] for m in FAX.finditer(folded)]
        + [text[m.start(1):m.end(1)].strip() for m in ADDRESS.finditer(folded)]))
    return {
        "deadline": deadline, "deadline_text": deadline_text,
        "contact_name": contact.group(1) if contact else None,
        "contact_phone": re.sub(r"\s", "", phone.group(1)) if phone else None, "feedback": feedback,
    }


def notice_letter(text: str, folded: str, title: str | None) -> Letter | None:
    """A call for comments that is the whole text (no separate cover letter), or None."""
    if not re.search(r"征求.{0,8}意见|意见.{0,4}反馈|反馈意见", folded):
        return None
    fields = comment_fields(text, folded, None)
    if not (fields["deadline"] or fields["contact_phone"] or fields["feedback"]):
        return None
    return Letter(title=title, start=0, end=len(text), **fields)


def find_appended_draft(lines: list[Line], limit: int = 60) -> int | None:
    """Index of a `附《X（征求意见稿）》：` line that introduces the draft after a notice."""
    for k, line in enumerate(lines[:limit]):
        if APPENDED.match(line.folded.replace(" ", "")):
            return k
    return None


def read_cover_notice(lines: list[Line], i: int, appended: int) -> LetterBlock:
    """The notice before an appended draft: a letter with the draft's status and the
    issuer named in its opening (`交通运输部…起草了《…》`)."""
    block = lines[i:appended + 1]
    text = "\n".join(ln.text for ln in block)
    folded = "\n".join(ln.folded for ln in block)
    head = next((ln for ln in block if not ln.blank), lines[appended])
    title = head.text if LETTER_END.search(head.folded) else None
    drafter = DRAFTER.search(text)
    status = re.search("|".join(STATUS_WORDS), lines[appended].text)
    letter = Letter(title=title, start=head.start, end=lines[appended].end,
                    issuer=drafter.group(1) if drafter else None, **comment_fields(text, folded, None))
    return LetterBlock(letter, i, appended + 1, status=status.group(0) if status else None)


def _deadline_iso(m: re.Match[str], letter_date: str | None) -> str | None:
    year = int(m.group(1)) if m.group(1) else None
    month, day = int(m.group(2)), int(m.group(3))
    if year is None and letter_date:
        ly, lm = int(letter_date[:4]), int(letter_date[5:7])
        year = ly + 1 if month < lm else ly
    if year is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    hour, minute = (m.group(4), m.group(5)) if m.group(4) else (m.group(6), "00")
    return f"{iso}T{int(hour):02d}:{int(minute):02d}" if hour else iso
