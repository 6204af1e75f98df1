"""Resolve a Word document's tracked changes: accept them all, or reject them all.

Word's semantics. Accepting keeps insertions (`w:ins`, `w:moveTo` unwrapped)
and drops deletions (`w:del`, `w:moveFrom` with their text); a paragraph whose
mark is deleted joins the next paragraph; a deleted table row goes. Rejecting
is the mirror: insertions go, deletions stay (`w:delText` becomes `w:t`), and a
paragraph whose mark was inserted joins the next one. Formatting changes
(`w:rPrChange`, `w:pPrChange`) change no text and are left as they are.
`resolve_docx` rewrites `word/document.xml` of a package and keeps every other
part; the package is read through the loader's guard (zip bomb, XXE).
"""
from __future__ import annotations

import zipfile
from io import BytesIO

from lxml import etree

from .errors import InputError
from .load.guard import open_zip, parse_xml, read_member
from .ooxml import W

_ADDED = ("ins", "moveTo")
_REMOVED = ("del", "moveFrom")


def resolve(root: etree._Element, accept: bool) -> etree._Element:
    """Accept (or reject) every tracked change of a parsed `document.xml`, in place."""
    keep, drop = (_ADDED, _REMOVED) if accept else (_REMOVED, _ADDED)
    joining = []
    for p in root.iter(W + "p"):
        marks = p.find(f"{W}pPr/{W}rPr")
        if marks is None:
            continue
        if any(marks.find(W + tag) is not None for tag in drop):
            joining.append(p)
        for el in [el for el in marks if el.tag in {W + t for t in keep + drop}]:
            marks.remove(el)
    for row in list(root.iter(W + "tr")):
        props = row.find(W + "trPr")
        if props is not None and any(props.find(W + tag) is not None for tag in drop):
            row.getparent().remove(row)
        elif props is not None:
            for el in [el for el in props if el.tag in {W + t for t in keep}]:
                props.remove(el)
    for el in list(root.iter(*(W + t for t in drop))):
        el.getparent().remove(el)
    for el in list(root.iter(*(W + t for t in keep))):
        _unwrap(el)
    if not accept:
        for el in root.iter(W + "delText", W + "delInstrText"):
            el.tag = W + ("t" if el.tag == W + "delText" else "instrText")
    for p in joining:
        _join_next(p)
    return root


def resolve_docx(data: bytes, accept: bool, name: str = "document.docx") -> bytes:
    """The package `data` with every tracked change of its main document accepted (or rejected)."""
    archive = open_zip(data, name)
    xml = read_member(archive, "word/document.xml", name)
    if xml is None:
        raise InputError("not a Word document (no word/document.xml)", name)
    root = resolve(parse_xml(xml, name, "word/document.xml"), accept)
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            payload = (etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                       if info.filename == "word/document.xml" else read_member(archive, info.filename, name))
            target.writestr(info, payload)
    return out.getvalue()


def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    at = parent.index(el)
    for offset, child in enumerate(list(el)):
        parent.insert(at + offset, child)
    parent.remove(el)


def _join_next(p: etree._Element) -> None:
    """Move what is left of `p` to the start of the next paragraph, as Word does when
    a paragraph mark goes; a paragraph with no paragraph after it stays."""
    following = p.getnext()
    if following is None or following.tag != W + "p":
        return
    content = [child for child in p if child.tag != W + "pPr"]
    props = following.find(W + "pPr")
    at = 0 if props is None else following.index(props) + 1
    for offset, child in enumerate(content):
        following.insert(at + offset, child)
    p.getparent().remove(p)
