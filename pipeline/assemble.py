"""Assemble a `Document` from a loaded source and its segmentation: the tree and the
front matter fields (title, issuer, date, number…), before any extractor runs.

Each field is taken from the most direct statement of it the text holds, in this order:
- title: the title block (or Markdown header), the metadata table's 标题, the draft a call
  for comments names (`拟订了《X（征求意见稿）》`), the page's `<title>`; with none of these
  the file name stands in (warning W201);
- status: the title's own, else the stage of the draft a call for comments names, in its title
  (`关于公开征求《…条例（征求意见稿）》意见的公告`) or near its start;
- issuer: the metadata table's 发文机关 (or the signature, when it writes the same organ in
  full: 市政府 -> 丽水市人民政府), the adopting organ of a regulation's history, the
  signature (two issuers over one date are both named), a red-head 文件 header, the cover
  letter, a regulation's adoption line, the title's opening words, the metadata's 发布机构 (the
  site's organ); written in full when the title's opening words name the same organ so
  (省政府办公厅 -> 江西省人民政府办公厅), and normalized without a congress's session or the
  State's name (`中华人民共和国国务院` -> `国务院`);
- date: the title block or history, the metadata's 成文日期, the signature, the cover
  letter, an adoption line, a date the closing only mentions (`本办法自…起施行`), the
  metadata's 发布日期.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from .doctypes import DOC_KIND_END, NUMBER_FORM
from .model import Document, Source
from .normalize import fold
from .segment import Segmented
from .segment.front import Front
from .segment.letter import notice_letter
from .segment.vocab import (
    DRAFT_STAGES, FIELD_KEYS, LETTER_END, clean_title, iso_any, normalize_issuer, order_number, status_of_title,
)
from .warnings import finding, merged

STDIN_NAME = "stdin"
# 拟订了《关于印发…的通知（征求意见稿）》，现向社会公开征求意见: the draft a call for comments is about
# (and `（2025年修订 公开征求意见稿）`: a note before the stage in its brackets)
_COMMENTED = re.compile(r"《([^《》]{4,80}?)\((?:[^()]{0,16}?\s)?(" + "|".join(DRAFT_STAGES) + r")\)》")
# 临政办发〔2013〕158号临海市人民政府办公室关于印发…的通知: a number glued to a letter's title
_GLUED = re.compile(r"^(?:" + NUMBER_FORM + r")\s*"           # the number: 临政办发〔2013〕158号
                    r"(\S.{4,150}?(?:函|通知|通告|公告))"             # the letter's title
                    r"(?:\.(?:docx?|pdf|wps|ofd))?$")                # the file it names, when a link's
# the provinces (their names before 省), to find the one a page's <title> names
_PROVINCE = re.compile("(" + "|".join((
    "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南",
    "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾")) + ")省")
# the parts of a page's <title>: `关于…的通知_丽水市人民政府` / `市政府 - 关于…`
_PAGE_TITLE_SPLIT = re.compile(r"\s*[_|｜]\s*|\s+[-–—]+\s+")


def doc_id_for(name: str) -> str:
    """A file-name-derived id: the stem, with characters outside [\\w.-] as `-`."""
    stem = Path(name).stem if name else "stdin"
    return re.sub(r"[^\w.\-]+", "-", stem).strip("-") or "document"


def build_document(source: Source, seg: Segmented) -> Document:
    """The unannotated document: tree, front matter fields, structure warnings."""
    front, signature = seg.front, seg.signature
    meta = {**front.metadata, **dict(source.metadata)}
    notice = None if front.letter else notice_letter(source.text, fold(source.text), front.title)
    letter = front.letter or notice
    title, status = _title_and_status(front, meta, source.text, letter is not None)
    warnings = seg.warnings
    if title is None and Path(source.name).stem not in ("", STDIN_NAME):
        title = Path(source.name).stem
        warnings = merged(warnings, (finding("W201", title, 0, 0),))
    if letter is not None and letter.title is None:
        letter = replace(letter, title=_sent_by_page(meta, title) or _glued_at_foot(source.text, title))
    heads = [h for h in (_issuer_in_title(title), _issuer_in_title(letter.title if letter else None)) if h]
    stated = (_listed_issuer(_field(meta, "issuer"), signature.issuers) or front.issuer or "、".join(signature.issuers)
              or "、".join(front.red_head) or (letter.issuer if letter else None) or front.history.issuer
              or next(iter(heads), None) or _field(meta, "site"))
    issuer = normalize_issuer(_placed(_in_full(stated, heads), meta))
    signed = signature.date if signature.signed else None
    date = (front.date or iso_any(_field(meta, "date")) or signed or (letter.date if letter else None)
            or front.history.date or signature.date or iso_any(_field(meta, "published")))
    if notice is not None:
        # a call for comments that is the whole text is signed and dated as the document is
        letter = replace(notice, title=letter.title, issuer=notice.issuer or issuer, date=notice.date or date)
    number = front.doc_number or _field(meta, "doc_number")
    return Document(
        doc_id=doc_id_for(source.name),
        source=source,
        root=seg.root,
        title=title,
        status=status,
        doc_number=order_number(number) if number else None,
        issuer=issuer,
        date=date,
        addressee=front.addressee,
        breadcrumb=front.breadcrumb,
        letter=letter,
        warnings=warnings,
    )


def _title_and_status(front: Front, meta: dict[str, str], text: str, calls_for_comments: bool
                      ) -> tuple[str | None, str | None]:
    """The title (None when the text states none) and the status; a call for comments
    that names a draft (`《…条例（征求意见稿）》`, in its title or near its start) has the
    draft's stage, and takes the draft's title when it has none of its own."""
    named = _COMMENTED.search(fold(text[:1000]))
    title, given = front.title, None
    if title is None and _field(meta, "title"):
        given, title = status_of_title(_field(meta, "title"))  # a title supplied beside the text
    if title is None and named:
        title = clean_title(text[named.start(1):named.end(1)])
        calls_for_comments = True
    title = title or _page_title(meta)
    in_title = _COMMENTED.search(fold(title or ""))
    stage = in_title.group(2) if in_title else (named.group(2) if named and calls_for_comments else None)
    stage = next((w for w in DRAFT_STAGES if stage and w in stage), stage)  # 公开征求意见稿 is a 征求意见稿
    return title, front.status or given or stage


def _field(meta: dict[str, str], name: str) -> str | None:
    """The first metadata value given for a field (`issuer`: 发文机关, 发布机关, …)."""
    return next((meta[k] for k in FIELD_KEYS[name] if meta.get(k)), None)


def _listed_issuer(listed: str | None, signers: tuple[str, ...]) -> str | None:
    """The metadata table's issuer, or the signature when it names the same organ in full
    (every character of `市政府` in order in `丽水市人民政府`)."""
    if not listed:
        return None
    signed = "、".join(signers)
    if len(signed) > len(listed) and _in_order(listed, signed):
        return signed
    return listed


def _in_full(issuer: str | None, heads: list[str]) -> str | None:
    """The issuer as a title's opening words write it in full, when they name the same organ
    (`省政府办公厅` in `江西省人民政府办公厅关于…`: every character in order, the same last two)."""
    if not issuer:
        return issuer
    full = next((h for h in heads if len(h) > len(issuer) and h.endswith(issuer[-2:]) and _in_order(issuer, h)), None)
    return full or issuer


def _placed(issuer: str | None, meta: dict[str, str]) -> str | None:
    """A provincial organ named without its province (`省粮食和物资储备局`, as a province's own
    site writes it) with the province the page's `<title>` names (`江西省人民政府 规划计划 …`)."""
    if not issuer or not issuer.startswith("省"):
        return issuer
    places = set(_PROVINCE.findall(meta.get("网页标题", "")))
    return places.pop() + issuer if len(places) == 1 else issuer


def _sent_by_page(meta: dict[str, str], title: str | None) -> str | None:
    """The title of a cover letter the text leaves out, from the page's `<title>`: the part that
    reads as a letter's title (`…关于印发《X》的通知`) and names the text it sends."""
    named = re.sub(r"\s", "", fold(title or ""))
    for part in _PAGE_TITLE_SPLIT.split(meta.get("网页标题", "")):
        folded = re.sub(r"\s", "", fold(part))
        if named and LETTER_END.search(folded) and named in folded and folded != named:
            return part.strip()
    return None


def _glued_at_foot(text: str, title: str | None) -> str | None:
    """The title of a cover letter the text leaves out, from a line at its foot that glues the
    letter's number to its title (`临政办发〔2013〕158号临海市人民政府办公室关于印发…办法的通知`,
    a page's footer, or the name of the file it links: `….doc`) and names the text it sends."""
    named = re.sub(r"\s", "", fold(title or ""))
    for line in [ln for ln in text.splitlines() if ln.strip()][-5:]:
        glued = _GLUED.match(fold(line.strip()))
        if named and glued and named in re.sub(r"\s", "", glued.group(1)):
            return line.strip()[glued.start(1):glued.end(1)]
    return None


def _in_order(short: str, full: str) -> bool:
    chars = iter(full)
    return all(ch in chars for ch in short)


def _page_title(meta: dict[str, str]) -> str | None:
    """The part of the page's `<title>` that reads as a document's title (ends with its kind)."""
    parts = [p for p in _PAGE_TITLE_SPLIT.split(meta.get("网页标题", "")) if DOC_KIND_END.search(fold(p))]
    return max(parts, key=len) if parts else None


def _issuer_in_title(title: str | None) -> str | None:
    """`中共柳河县委 柳河县人民政府关于…的实施意见` -> `中共柳河县委 柳河县人民政府`;
    `北京市经济和信息化局印发《…》的通知` -> `北京市经济和信息化局`."""
    head = re.split(r"关于|印发|转发", title, maxsplit=1)[0].strip() if title else ""
    return head if 2 <= len(head) <= 40 and head != title.strip() and not re.search(r"[《》“”\"]", head) else None
