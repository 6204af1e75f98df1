"""A 文号 a web page prints on its own beside the title, outside the main text.

Many sites set the number in an element of its own under (or above) the title heading
(`<div class="…title_sec"><font>榕政办〔2016〕180号</font></div>`), apart from the block
the main text is read from, so it is in no line unless read here. It is read only when it is
the whole of an element and the next text a reader sees after the heading (or the last one
before it): a number elsewhere on the page (a list of related documents) is not the text's.
"""
from __future__ import annotations

from ..doctypes import DOC_NUMBER
from .page import BLOCK_TAGS, self_and_ancestors, squeeze, tag_of


def number_beside(root, heading, content: list, skip: set) -> tuple[object | None, object | None]:
    """The block holding only a 文号 right above `heading` and the one right under it
    (each None when there is none), among the texts outside `skip` in document order."""
    chunks = _texts(root, skip)
    inside = [k for k, el in enumerate(chunks) if heading in self_and_ancestors(el)]
    if not inside:
        return None, None
    around = (chunks[inside[0] - 1] if inside[0] > 0 else None,
              chunks[inside[-1] + 1] if inside[-1] + 1 < len(chunks) else None)
    return tuple(_number_block(el, content) for el in around)  # type: ignore[return-value]


def _texts(root, skip: set) -> list:
    """The element owning each piece of visible text (its `.text`, or the parent for a tail), in order."""
    out: list = []

    def walk(el) -> None:
        if el in skip or not tag_of(el):
            return
        if (el.text or "").strip():
            out.append(el)
        for child in el:
            walk(child)
            if (child.tail or "").strip():
                out.append(el)

    walk(root)
    return out


def _number_block(el, content: list):
    """The outermost block around `el` whose whole text is one 文号, outside the main text; else None."""
    if el is None or any(c in self_and_ancestors(el) for c in content):
        return None
    text = squeeze(el.text_content())
    if not DOC_NUMBER.fullmatch(text):
        return None
    while el.getparent() is not None and squeeze(el.getparent().text_content()) == text:
        el = el.getparent()
    return el if tag_of(el) in BLOCK_TAGS else None
