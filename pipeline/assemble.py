"""Assemble a `Document` from a loaded source and its segmentation: the tree and the
front matter fields (title, issuer, date, number…), before any extractor runs.

Each field is taken from the most direct statement of it the text holds, in this order:
- title: the title block (or Markdown header), the metadata table's 标题, the draft a call
  for comments names (`拟订了《X（征求意见稿）》`), the page's `<title>`; with none of these
  the file name stands in (warning W201);
- issuer: the metadata table's 发文机关 (or the signature, when it writes the same organ in
  full: 市政府 -> 丽水市人民政府), the adopting organ of a regulation's history, the
  signature (two issuers over one date are both named), a red-head 文件 header, the cover
  letter, a regulation's adoption line, the title's opening words; normalized without a
  congress's session or the State's name (`中华人民共和国国务院` -> `国务院`);
- date: the title block or history, the metadata's 成文日期, the signature, the cover
  letter, an adoption line, the metadata's 发布日期.
"""
from __future__ import annotations

import re
from pathlib import Path

from .model import Document, Source
from .normalize import fold
from .segment import Segmented
from .segment.letter import notice_letter
from .segment.vocab import DOC_KIND_END, DRAFT_STAGES, FIELD_KEYS, iso_any, normalize_issuer, order_number
from .warnings import finding, merged

STDIN_NAME = "stdin"
# 拟订了《关于印发…的通知（征求意见稿）》，现向社会公开征求意见: the draft a call for comments is about
_COMMENTED = re.compile(r"《([^《》]{4,80}?)\((?:" + "|".join(DRAFT_STAGES) + r")\)》")
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
    letter = front.letter or notice_letter(source.text, fold(source.text), front.title)
    title = front.title or _field(meta, "title") or _commented_title(source.text) or _page_title(meta)
    warnings = seg.warnings
    if title is None and Path(source.name).stem not in ("", STDIN_NAME):
        title = Path(source.name).stem
        warnings = merged(warnings, (finding("W201", title, 0, 0),))
    issuer = (_listed_issuer(_field(meta, "issuer"), signature.issuers) or front.issuer
              or "、".join(signature.issuers) or "、".join(front.red_head) or (letter.issuer if letter else None)
              or front.history.issuer or _issuer_in_title(title))
    date = (front.date or iso_any(_field(meta, "date")) or signature.date or (letter.date if letter else None)
            or front.history.date or iso_any(_field(meta, "published")))
    number = front.doc_number or _field(meta, "doc_number")
    return Document(
        doc_id=doc_id_for(source.name),
        source=source,
        root=seg.root,
        title=title,
        status=front.status,
        doc_number=order_number(number) if number else None,
        issuer=normalize_issuer(issuer),
        date=date,
        addressee=front.addressee,
        breadcrumb=front.breadcrumb,
        letter=letter,
        warnings=warnings,
    )


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


def _in_order(short: str, full: str) -> bool:
    chars = iter(full)
    return all(ch in chars for ch in short)


def _commented_title(text: str) -> str | None:
    """The draft a call for comments is about, written near its start."""
    m = _COMMENTED.search(fold(text[:1000]))
    return text[m.start(1):m.end(1)] if m else None


def _page_title(meta: dict[str, str]) -> str | None:
    """The part of the page's `<title>` that reads as a document's title (ends with its kind)."""
    parts = [p for p in _PAGE_TITLE_SPLIT.split(meta.get("网页标题", "")) if DOC_KIND_END.search(fold(p))]
    return max(parts, key=len) if parts else None


def _issuer_in_title(title: str | None) -> str | None:
    """`中共柳河县委 柳河县人民政府关于…的实施意见` -> `中共柳河县委 柳河县人民政府`."""
    head = title.split("关于", 1)[0].strip() if title and "关于" in title else ""
    return head if 2 <= len(head) <= 40 else None
