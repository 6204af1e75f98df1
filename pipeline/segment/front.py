"""Front matter: Markdown header, breadcrumb, cover letter, title block, preamble.

Works on the lines before the body. Returns blocks as line-index ranges plus the
fields read from them; `segment.__init__` turns blocks into nodes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..cnnum import parse_int
from ..model import Letter
from .lines import Line

STATUS_WORDS = (
    "征求意见稿", "公开征求意见稿", "送审稿", "修订草案第二次审议稿", "修订草案", "草案", "讨论稿",
    "修改稿", "审议稿", "代拟稿", "试行", "暂行", "报批稿",
)
_STATUS_LINE = re.compile(r"^\((?:[^()]{0,12}?)(" + "|".join(STATUS_WORDS) + r")\)$")
_DATE = re.compile(r"(\d{4}|[〇零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日")
_DATE_LINE = re.compile(r"^\(?" + _DATE.pattern + r"\)?$")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[(（【][12]\d{3}[〕\])）】]\s*\d{1,4}\s*号|[\u4e00-\u9fff]{1,20}令第\s*\d{1,4}\s*号")
_BREADCRUMB = re.compile(r"^(?:(?:当前位置|您的位置|您现在的位置)\s*[:：]?.*|[^>›»]{1,20}(?:\s*[>›»]\s*[^>›»]{1,20}){1,6})$")
_LETTER_END = re.compile(r"(?:函|通知|公告|通告|公示|启事|令)$")
_DEADLINE = re.compile(
    r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})\s*[:：]\s*(\d{2})|(\d{1,2})\s*时)?\s*(?:前|之前|止|以前)")
_DEADLINE_AFTER = re.compile(
    r"(?:截止|截至)(?:时间|日期)?\s*(?:为|是|至|到)?\s*[:：]?\s*(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日"
    r"\s*(?:(\d{1,2})\s*[:：]\s*(\d{2})|(\d{1,2})\s*时)?")
_CONTACT = re.compile(r"联系人\s*[:：]?\s*([\u4e00-\u9fff·]{2,6}?)(?=[,，;；、\s)）]|联系|电话|$)")
_PHONE = re.compile(r"(?:电话|联系方式|手机)\s*[:：]?\s*((?:\d{3,4}\s*[-－—]\s*)?\d{7,8}|1\d{10})")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_ADDRESS = re.compile(r"(?:通讯地址|通信地址|邮寄地址|地址)\s*[:：]\s*([^,，;；。()（）\n]+)")
_ADOPTION = re.compile(r"^\(.*\d{4}年.*(?:发布|通过|修订|修正|施行|公布).*\)$")
_ORDER = re.compile(r"\s*([\u4e00-\u9fff]{2,20}?)令\s*第\s*\d{1,4}\s*号")
_MEETING = re.compile(r"\s*经?([\u4e00-\u9fff]{2,30}?(?:人民代表大会常务委员会|人民代表大会|人民政府|国务院|部|委员会|总局|局|署))"
                      r"第[^\s]{1,8}次")
_NOT_ADDRESSEE = re.compile(r"如下|以下|下列|制定|现将|为了|^为|根据|按照")
_ADDRESSEE_WORD = re.compile(r"政府|部门|单位|机构|委员会|局|厅|委|办|院|公司|学校|企业|同志|人员|社会|公众")
_APPENDED = re.compile(r"^附(?:件\d*)?[:：]?《[^》]+》[:：]?$")
_DRAFTER = re.compile(r"([\u4e00-\u9fff]{2,20}?(?:部|委员会|总局|局|厅|署|办公室|人民政府))"
                      r"(?:在[^。]{0,60}?)?(?:研究|组织|会同[^，。]{0,30}?)?(?:起草|拟订|拟定|制定|修订)了?《")
_META_LABEL = re.compile(r"^(索引号|主题分类|发文机关|成文日期|标题|发文字号|发布日期|主题词|发布机构|文号|生效日期|有效性)[:：]\s*(.*)$")
_FAX = re.compile(r"传真\s*[:：]?\s*((?:\d{3,4}\s*[-－—]\s*)?\d{7,8})")


@dataclass
class Front:
    """What the front matter holds: blocks (kind, first line, end line) and fields."""

    blocks: list[tuple[str, int, int]] = field(default_factory=list)
    title: str | None = None
    status: str | None = None
    doc_number: str | None = None
    date: str | None = None
    issuer: str | None = None
    addressee: str | None = None
    breadcrumb: tuple[str, ...] = ()
    letter: Letter | None = None
    metadata: dict[str, str] = field(default_factory=dict)


def iso_date(m: re.Match[str]) -> str | None:
    """`2024年10月13日` or `二〇一八年十二月六日` -> `2024-10-13`."""
    try:
        y, mo, d = (parse_int(g) for g in m.groups()[:3])
    except ValueError:
        return None
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def is_date_line(line: Line) -> bool:
    return _DATE_LINE.match(line.folded.replace(" ", "")) is not None


def read_front(lines: list[Line], end: int, letter_limit: int | None = None, appended: int | None = None) -> Front:
    """Read front matter from `lines[:end]` (the lines before the body).

    A cover letter must close (with its date line) before `letter_limit`; when
    `appended` is the index of a `附《…（征求意见稿）》：` line, the text up to it is
    the cover notice of the draft that follows.
    """
    front = Front()
    i = _skip_blank(lines, 0, end)
    i = _metadata(lines, i, end, front)
    i = _header(lines, i, end, front)
    i = _breadcrumb(lines, i, end, front)
    if appended is not None and i <= appended < end:
        i = _cover_notice(lines, i, appended, front)
    i = _letter(lines, i, min(end, letter_limit if letter_limit is not None else end), front)
    i = _title_block(lines, i, end, front)
    if any(not lines[j].blank for j in range(i, end)):
        front.blocks.append(("preamble", i, end))
        for j in range(i, end):
            line = lines[j]
            if not line.blank:
                if is_addressee(line):
                    front.addressee = line.text.rstrip(":： ")
                break
    return front


def is_addressee(line: Line) -> bool:
    """`各省、自治区、直辖市人民政府，国务院各部委：` yes; `为进一步深化…特制定以下规定：` no."""
    f = line.folded.rstrip()
    return (f.endswith(":") and line.width <= 80 and "。" not in f and not _NOT_ADDRESSEE.search(f)
            and (f.startswith("各") or _ADDRESSEE_WORD.search(f) is not None))


def _skip_blank(lines: list[Line], i: int, end: int) -> int:
    while i < end and lines[i].blank:
        i += 1
    return i


def _next_nonblank(lines: list[Line], i: int, end: int) -> int:
    return _skip_blank(lines, i, end)


def _metadata(lines: list[Line], i: int, end: int, front: Front) -> int:
    """A metadata table copied as text: `发文机关：` / `国务院` pairs or `标题：…` lines."""
    j, key = i, None
    while j < end:
        line = lines[j]
        if line.blank:
            j += 1
            continue
        m = _META_LABEL.match(re.sub(r"\s", "", line.folded))
        if m:
            key = m.group(1)
            if m.group(2):
                front.metadata[key] = line.text.split(":" if ":" in line.text else "：", 1)[-1].strip()
                key = None
        elif key is not None and _is_value(key, line, lines, j, end):
            front.metadata[key] = line.text
            key = None
        else:
            break
        j += 1
    if len(front.metadata) < 2:
        front.metadata.clear()
        return i
    front.blocks.append(("header", i, j))
    return j


def _is_value(key: str, line: Line, lines: list[Line], j: int, end: int) -> bool:
    """A line under a metadata label is its value if it looks like one, or a label follows it."""
    squeezed = line.folded.replace(" ", "")
    if key in ("成文日期", "发布日期", "生效日期"):
        return _DATE_LINE.match(squeezed) is not None
    if key in ("发文字号", "文号"):
        return DOC_NUMBER.fullmatch(squeezed) is not None
    k = _next_nonblank(lines, j + 1, end)
    return k < end and _META_LABEL.match(re.sub(r"\s", "", lines[k].folded)) is not None


def _history_line(line: Line, front: Front) -> None:
    """`2015年1月5日 国家工商行政管理总局令第73号公布`: the latest adoption or revision line
    gives the date, and its order number (with the issuer before 令) when it has one."""
    m = _DATE.search(line.folded)
    if not m or not re.search(r"公布|发布|修订|修正|通过", line.text):
        return
    front.date = iso_date(m)
    order = _ORDER.match(line.text, m.end())
    meeting = _MEETING.match(line.text, m.end())
    front.doc_number = re.sub(r"\s", "", order.group(0)) if order else None
    front.issuer = order.group(1) if order else (meeting.group(1) if meeting else None)


def _header(lines: list[Line], i: int, end: int, front: Front) -> int:
    """A Markdown export's header: `# title`, amendment lines, up to `<!-- INFO END -->`."""
    for j in range(i, min(end, i + 60)):
        if "INFO END" in lines[j].text:
            for k in range(i, j):
                if lines[k].text.startswith("# ") and front.title is None:
                    front.title = lines[k].text[2:].strip()
                elif DOC_NUMBER.fullmatch(lines[k].folded.replace(" ", "")):
                    front.doc_number = lines[k].text
                else:
                    _history_line(lines[k], front)
            front.blocks.append(("header", i, j + 1))
            return j + 1
    if i < end and lines[i].text.startswith("# "):
        front.title = lines[i].text[2:].strip()
        front.blocks.append(("header", i, i + 1))
        return i + 1
    return i


def _breadcrumb(lines: list[Line], i: int, end: int, front: Front) -> int:
    i = _skip_blank(lines, i, end)
    if i >= end or not _BREADCRUMB.match(lines[i].folded):
        return i
    crumbs = tuple(c.strip() for c in re.split(r"[>›»]", lines[i].text.split(":", 1)[-1]) if c.strip())
    front.breadcrumb = crumbs
    j = _next_nonblank(lines, i + 1, end)
    stop = i + 1
    if j < end and crumbs and lines[j].text == crumbs[-1]:
        stop = j + 1
    front.blocks.append(("breadcrumb", i, stop))
    return stop


def _letter(lines: list[Line], i: int, end: int, front: Front) -> int:
    """A cover letter (征求意见的函, 印发…的通知) that closes with a date before the body.

    Its title may wrap over up to three lines; after its date line come an optional
    contact or (此件公开发布) line, and then the document's own title.
    """
    i = _skip_blank(lines, i, end)
    k, title_end = i, None
    while k < min(end, i + 3) and not lines[k].blank and "。" not in lines[k].text and lines[k].width <= 90:
        if _LETTER_END.search(lines[k].folded):
            title_end = k
            break
        k += 1
    if title_end is None:
        return i
    if title_end + 1 < end and re.fullmatch(r"第\d+号", lines[title_end + 1].folded.replace(" ", "")):
        title_end += 1
    head_text = "".join(ln.text for ln in lines[i:title_end + 1])
    opening = next((ln.text for ln in lines[title_end + 1:end] if not ln.blank and not ln.folded.endswith(":")), "")
    if not re.search(r"征求|意见|印发|转发|公布|发布", head_text + opening[:40]):
        return i
    date_idx = next((j for j in range(title_end + 1, end) if is_date_line(lines[j])), None)
    if date_idx is None:
        return i
    stop = date_idx + 1
    j = _next_nonblank(lines, stop, end)
    if j < end and lines[j].folded.startswith("(") and re.search(r"联系|电话|公开|发布", lines[j].text):
        stop = j + 1
    if _next_nonblank(lines, stop, end) >= end:
        return i
    head = lines[i]
    body = lines[title_end + 1:stop]
    body_text = "\n".join(line.text for line in body)
    folded = "\n".join(line.folded for line in body)
    date = iso_date(_DATE.search(lines[date_idx].folded))
    signer = next((lines[k].text for k in range(date_idx - 1, title_end, -1) if not lines[k].blank), None)
    if signer and (signer.endswith(("。", ".")) or len(signer) > 40):
        signer = None
    issuer = signer or (head_text.split("关于", 1)[0] or None)
    nonblank = [ln for ln in body if not ln.blank]
    if nonblank and DOC_NUMBER.fullmatch(nonblank[0].folded.replace(" ", "")):
        front.doc_number = nonblank.pop(0).text
    first = nonblank[0] if nonblank else None
    addressee = first.text.rstrip(":： ") if first and is_addressee(first) else None
    front.letter = Letter(title=head_text, start=head.start, end=lines[stop - 1].end, issuer=issuer, date=date,
                          addressee=addressee, **comment_fields(body_text, folded, date))
    front.blocks.append(("letter", i, stop))
    return stop


def comment_fields(text: str, folded: str, letter_date: str | None) -> dict:
    """Deadline, contact and feedback channels of a call for comments.

    `folded` is `normalize.fold(text)`; a deadline without a year takes the
    letter's year (the next year when its month is earlier than the letter's).
    """
    deadline = deadline_text = None
    dm = _DEADLINE.search(folded) or _DEADLINE_AFTER.search(folded)
    if dm:
        deadline_text = text[dm.start():dm.end()]
        deadline = _deadline_iso(dm, letter_date)
    contact = _CONTACT.search(folded)
    phone = _PHONE.search(folded)
    feedback = tuple(dict.fromkeys(
        [m.group(0) for m in _EMAIL.finditer(text)]
        + ["传真 " + text[m.start(1):m.end(1)] for m in _FAX.finditer(folded)]
        + [text[m.start(1):m.end(1)].strip() for m in _ADDRESS.finditer(folded)]))
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
        if _APPENDED.match(line.folded.replace(" ", "")):
            return k
    return None


def _cover_notice(lines: list[Line], i: int, appended: int, front: Front) -> int:
    """The notice before an appended draft: a letter with the draft's status and the
    issuer named in its opening (`交通运输部…起草了《…》`)."""
    block = lines[i:appended + 1]
    text = "\n".join(ln.text for ln in block)
    folded = "\n".join(ln.folded for ln in block)
    head = next((ln for ln in block if not ln.blank), lines[appended])
    title = head.text if _LETTER_END.search(head.folded) else None
    drafter = _DRAFTER.search(text)
    status = re.search("|".join(STATUS_WORDS), lines[appended].text)
    front.status = status.group(0) if status else front.status
    front.letter = Letter(title=title, start=head.start, end=lines[appended].end,
                          issuer=drafter.group(1) if drafter else None, **comment_fields(text, folded, None))
    front.blocks.append(("letter", i, appended + 1))
    return appended + 1


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


def _title_block(lines: list[Line], i: int, end: int, front: Front) -> int:
    """Title lines (joined), then a status line, a date line and a document number."""
    i = _skip_blank(lines, i, end)
    j = i
    parts: list[str] = []
    number = status_seen = None
    while j < end:
        line = lines[j]
        if line.blank:
            j += 1
            continue
        s = line.folded.replace(" ", "")
        sm = _STATUS_LINE.match(s)
        if sm and parts:
            front.status = status_seen = sm.group(1)
        elif _DATE_LINE.match(s) and parts:
            front.date = iso_date(_DATE.search(s))
        elif DOC_NUMBER.fullmatch(s) and (parts or front.title):
            number = front.doc_number = line.text
        elif not status_seen and not number and _is_title_line(line) and len(parts) < 4:
            parts.append(line.text)
        elif parts and _ADOPTION.match(s):
            pass
        else:
            break
        j += 1
    if not parts and not number:
        return i
    if parts:
        title = "".join(parts)
        inline = re.search(r"[(（]((?:[^()（）]{0,12}?)(?:" + "|".join(STATUS_WORDS) + r"))[)）]$", title)
        if inline and not front.status:
            front.status = next(w for w in STATUS_WORDS if w in inline.group(1))
            title = title[:inline.start()]
        front.title = front.title or title
    while j > i and lines[j - 1].blank:
        j -= 1
    front.blocks.append(("title", i, j))
    return j


def _is_title_line(line: Line) -> bool:
    f = line.folded
    return line.width <= 40 and not re.search(r"[。,;:!?]", f) and not f.startswith("(")
