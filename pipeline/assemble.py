"""Assemble a `Document` from a loaded source and its segmentation: the tree and the
front matter fields (title, issuer, date, number…), before any extractor runs."""
from __future__ import annotations

import re
from pathlib import Path

from .model import Document, Source
from .normalize import fold
from .segment import Segmented
from .segment.letter import notice_letter
from .segment.vocab import DATE, iso_date

_STATUS_IN_NAME = ("征求意见稿", "送审稿", "草案", "讨论稿")


def doc_id_for(name: str) -> str:
    """A file-name-derived id: the stem, with characters outside [\\w.-] as `-`."""
    stem = Path(name).stem if name else "stdin"
    return re.sub(r"[^\w.\-]+", "-", stem).strip("-") or "document"


def build_document(source: Source, seg: Segmented) -> Document:
    """The unannotated document: tree, front matter fields, structure warnings."""
    front = seg.front
    meta = {**front.metadata, **dict(source.metadata)}
    title = front.title or meta.get("标题")
    letter = front.letter or notice_letter(source.text, fold(source.text), front.title)
    date = front.date or _meta_date(meta.get("成文日期"))
    closing = next((n for n in seg.root.children if n.kind == "closing"), None)
    issuer = meta.get("发文机关") or front.issuer
    if closing is not None:
        lines = [ln.strip() for ln in source.text[closing.start:closing.end].splitlines() if ln.strip()]
        dates = [(i, m) for i, ln in enumerate(lines) if (m := DATE.search(ln))]
        if dates:
            i, m = dates[0]
            date = date or iso_date(m)
            signer = lines[i - 1] if i > 0 else None
            issuer = issuer or signer
    return Document(
        doc_id=doc_id_for(source.name),
        source=source,
        root=seg.root,
        title=title,
        status=front.status,
        doc_number=front.doc_number or meta.get("发文字号"),
        issuer=issuer or (letter.issuer if letter else None) or _issuer_in_title(title),
        date=date or (letter.date if letter else None),
        addressee=front.addressee,
        breadcrumb=front.breadcrumb,
        letter=letter,
        warnings=seg.warnings,
    )


def _issuer_in_title(title: str | None) -> str | None:
    """`中共柳河县委 柳河县人民政府关于…的实施意见` -> `中共柳河县委 柳河县人民政府`."""
    head = title.split("关于", 1)[0].strip() if title and "关于" in title else ""
    return head if 2 <= len(head) <= 40 else None


def _meta_date(value: str | None) -> str | None:
    m = DATE.search(value or "")
    return iso_date(m) if m else None
