"""Extract the text of a Word file (DOCX) with lxml, numbers and tables included.

Read from `word/document.xml` after the zip guard, with the safe XML parser:
one line per paragraph with visible text (runs joined; `w:tab` is a tab, `w:br` a line break;
field codes and pictures left out); Word automatic
numbering rendered in front of the paragraph text (see `numbering`), so `一、`,
`（一）`, `1.` exist even when nobody typed them; a table becomes one line per
row, cells joined by a tab, the paragraphs of a cell joined by a space (merged
cells: the continuation cell is empty); a text box is read where it is anchored,
its lines after the line of the paragraph holding it. `blocks` says where each
line came from: `body/p[12]` (the 12th paragraph of the body),
`body/tbl[1]/tr[3]` or `body/p[4]/txbx[1]/p[2]`. `metadata` has the core
properties (`title`, `author`, `created`, `modified`) when present, and the words
of the page headers and footers (`header`, `footer`), which are never body text.
Footnotes, endnotes and comments come out as `annotations`, records with
offsets into the text (see `docx_parts`).

Tracked changes are read as Word prints the document with all of them
accepted, the text the reviser proposes: inserted and moved-to text kept,
deleted and moved-from text left out, and a paragraph whose mark is deleted
joined to the next paragraph (`pipeline.ooxml_revisions` resolves them either way).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from .docx_parts import MARKS, Comment, Footnote, Marks, furniture, part_targets, records
from .guard import iter_xml, open_zip, parse_xml, read_member
from .numbering import W, Numbering

# numbering.xml and styles.xml of real documents are well under 1 MB; past this they are refused
MAX_DEFINITIONS = 8 * 1024 * 1024
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_SKIP = frozenset({
    "del", "delText", "instrText", "object", "rPr", "pPr", "sectPr", "fldChar", "txbxContent",
    "tblPr", "tcPr", "trPr", "tblGrid", "bookmarkStart", "bookmarkEnd",
    "sdtPr", "sdtEndPr", "rt", "moveFrom",
})
_POINTS = {"footnoteReference": "footnote", "endnoteReference": "endnote", "commentRangeStart": "comment-start",
           "commentRangeEnd": "comment-end", "commentReference": "comment"}
_PICTURES = frozenset({"drawing", "pict", "AlternateContent"})
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff]")
_CORE = {
    "{http://purl.org/dc/elements/1.1/}title": "title",
    "{http://purl.org/dc/elements/1.1/}creator": "author",
    "{http://purl.org/dc/terms/}created": "created",
    "{http://purl.org/dc/terms/}modified": "modified",
}


@dataclass(frozen=True)
class Extracted:
    """Extracted DOCX text with metadata, per-line provenance and the notes and comments."""

    text: str
    metadata: tuple[tuple[str, str], ...]
    blocks: tuple[tuple[int, int, str], ...]
    annotations: tuple[Footnote | Comment, ...] = ()


def extract_docx(data: bytes, name: str) -> Extracted:
    """Read `data` (a DOCX container) into text, metadata and blocks."""
    archive = open_zip(data, name)
    main = _main_part(archive, name)
    xml = read_member(archive, main, name)
    if xml is None:
        raise InputError("not a Word document (no word/document.xml)", name)
    root = parse_xml(xml, name, main)
    numbering_xml = read_member(archive, "word/numbering.xml", name, MAX_DEFINITIONS)
    styles_xml = read_member(archive, "word/styles.xml", name, MAX_DEFINITIONS)
    try:
        reader = _Reader(
            Numbering(iter_xml(numbering_xml, name, "numbering.xml", (W + "abstractNum", W + "num"))
                      if numbering_xml else ()),
            _style_numbering(iter_xml(styles_xml, name, "styles.xml", (W + "style",)) if styles_xml else ()),
        )
    except ValueError as exc:  # a level or list id that is not a number
        raise InputError(f"bad list definition in numbering.xml or styles.xml ({exc})", name) from None
    body = root.find(W + "body")
    if body is None:
        raise InputError("Word document has no body", name)
    reader.body(body)
    lines, points = reader.marks.resolve(reader.lines, lambda where: "/tr[" not in where)
    if not lines:
        raise InputError("Word document has no text", name)
    parts, blocks, pos = [], [], 0
    for text, where in lines:
        blocks.append((pos, pos + len(text), where))
        parts.append(text + "\n")
        pos += len(text) + 1
    targets = part_targets(archive, main, name)
    notes = records(archive, targets, points, name, lambda p: MARKS.sub("", reader.paragraph(p, count=False)))
    return Extracted("".join(parts), _core(archive, name) + furniture(archive, targets, name), tuple(blocks), notes)


def _main_part(archive, name: str) -> str:
    rels = read_member(archive, "_rels/.rels", name)
    if rels:
        for rel in parse_xml(rels, name, "_rels/.rels").iter(_REL + "Relationship"):
            if rel.get("Type") == _OFFICE_DOC:
                return rel.get("Target", "").lstrip("/")
    return "word/document.xml"


def _core(archive, name: str) -> tuple[tuple[str, str], ...]:
    xml = read_member(archive, "docProps/core.xml", name)
    if not xml:
        return ()
    root = parse_xml(xml, name, "docProps/core.xml")
    return tuple((_CORE[el.tag], el.text.strip()) for el in root
                 if el.tag in _CORE and el.text and el.text.strip())


def _style_numbering(styles) -> dict[str, tuple[str, int]]:
    """numId/ilvl each paragraph style gives its paragraphs, following `basedOn`;
    `styles` are the `w:style` elements of styles.xml."""
    own, based = {}, {}
    for style in styles:
        sid = style.get(W + "styleId")
        ppr = style.find(W + "pPr")
        num = ppr.find(W + "numPr") if ppr is not None else None
        if num is not None:
            own[sid] = _num_pr(num)
        parent = style.find(W + "basedOn")
        if parent is not None:
            based[sid] = parent.get(W + "val")
    resolved = {}
    for sid in set(own) | set(based):
        seen, cur = set(), sid
        while cur and cur not in own and cur not in seen:
            seen.add(cur)
            cur = based.get(cur)
        if cur in own:
            resolved[sid] = own[cur]
    return resolved


def _num_pr(num) -> tuple[str, int]:
    num_id = num.find(W + "numId")
    ilvl = num.find(W + "ilvl")
    return (num_id.get(W + "val", "0") if num_id is not None else "",
            int(ilvl.get(W + "val", "0")) if ilvl is not None else 0)


def _local(el) -> str:
    return el.tag.split("}")[-1] if isinstance(el.tag, str) else ""


class _Reader:
    """Walks the body, rendering numbering, collecting (line, where) pairs."""

    def __init__(self, numbering: Numbering, style_num: dict[str, tuple[str, int]]):
        self.numbering = numbering
        self.style_num = style_num
        self.lines: list[tuple[str, str]] = []
        self.paragraphs = 0
        self.tables = 0
        self.carried = ""
        self.marks = Marks()
        self.boxes: list = []

    def body(self, container, top: bool = True) -> None:
        for child in container:
            tag = _local(child)
            if tag == "p":
                self.paragraphs += 1
                text = self.carried + self.paragraph(child)
                self.carried = ""
                if _mark_deleted(child):
                    self.carried = text
                else:
                    self.line(text, f"body/p[{self.paragraphs}]")
            elif tag == "tbl":
                self.flush()
                self.tables += 1
                self.table(child, f"body/tbl[{self.tables}]")
            elif tag in {"sdt", "sdtContent", "customXml", "ins"}:
                self.body(child, top=False)
            elif tag in {"commentRangeStart", "commentRangeEnd"}:
                self.carried += self.marks.mark(_POINTS[tag], child.get(W + "id", ""))
        if top:
            self.flush()

    def line(self, text: str, where: str) -> None:
        """Add a paragraph's line (a blank one only passes its marks on), then its text boxes."""
        boxes, self.boxes = self.boxes, []
        if _blank(text):
            if MARKS.search(text):
                self.carried += "".join(MARKS.findall(text))
        else:
            self.lines.append((text.strip(), where))
        for k, box in enumerate(boxes, start=1):
            self.box(box, f"{where}/txbx[{k}]")

    def box(self, content, where: str) -> None:
        """The paragraphs and tables of a text box, in order."""
        paragraphs = tables = 0
        for child in content:
            tag = _local(child)
            if tag == "p":
                paragraphs += 1
                self.line(self.paragraph(child), f"{where}/p[{paragraphs}]")
            elif tag == "tbl":
                tables += 1
                self.table(child, f"{where}/tbl[{tables}]")

    def flush(self) -> None:
        """A paragraph whose mark is deleted but with nothing after it to join stays a line."""
        if not _blank(self.carried):
            self.lines.append((self.carried.strip(), f"body/p[{self.paragraphs}]"))
        elif self.carried and self.lines:
            text, where = self.lines[-1]
            self.lines[-1] = (text + "".join(MARKS.findall(self.carried)), where)
        self.carried = ""

    def paragraph(self, p, count: bool = True) -> str:
        """A paragraph's text with its number; `count=False` reads a note's paragraph (no marks,
        boxes or list counting)."""
        parts: list[str] = []
        _runs(p, parts, self if count else None)
        text = "".join(parts)
        if not count:
            return text
        marker = self.marker(p)  # advances the list even for an empty paragraph, as Word counts it
        return marker + text.lstrip(" \t") if marker and not _blank(text) else text

    def marker(self, p) -> str:
        ppr = p.find(W + "pPr")
        num = ppr.find(W + "numPr") if ppr is not None else None
        if num is not None:
            num_id, ilvl = _num_pr(num)
            if not num_id and ppr.find(W + "pStyle") is not None:
                num_id = self.style_num.get(ppr.find(W + "pStyle").get(W + "val"), ("", 0))[0]
        else:
            style = ppr.find(W + "pStyle") if ppr is not None else None
            num_id, ilvl = self.style_num.get(style.get(W + "val"), ("", 0)) if style is not None else ("", 0)
        if not num_id or num_id == "0":
            return ""
        return self.numbering.next(num_id, ilvl)

    def table(self, tbl, where: str) -> None:
        for r, row in enumerate(tbl.findall(W + "tr"), start=1):
            cells = []
            for cell in row.findall(W + "tc"):
                texts = []
                for el in _cell_paragraphs(cell):
                    text = self.paragraph(el).replace("\t", " ").replace("\n", " ").strip()
                    if not _blank(text) or MARKS.search(text):
                        texts.append(text)
                cells.append(" ".join(texts))
            boxes, self.boxes = self.boxes, []
            if any(not _blank(cell) for cell in cells):
                self.lines.append(("\t".join(cells), f"{where}/tr[{r}]"))
            for k, box in enumerate(boxes, start=1):
                self.box(box, f"{where}/tr[{r}]/txbx[{k}]")


def _mark_deleted(p) -> bool:
    """The paragraph mark is a tracked deletion: accepted, the paragraph runs on into the next."""
    marks = p.find(f"{W}pPr/{W}rPr")
    return marks is not None and (marks.find(W + "del") is not None or marks.find(W + "moveFrom") is not None)


def _cell_paragraphs(el):
    """The paragraphs of a table cell, nested tables included, text boxes not (they are read apart)."""
    for child in el:
        tag = _local(child)
        if tag == "p":
            yield child
        elif tag not in _PICTURES and tag != "txbxContent":
            yield from _cell_paragraphs(child)


def _blank(text: str) -> bool:
    """Nothing a reader sees: spaces, zero-width characters and note marks only."""
    return not _INVISIBLE.sub("", MARKS.sub("", text)).strip()


def _runs(el, parts: list[str], reader: _Reader | None) -> None:
    """Append the text of `el`'s runs to `parts`; with a `reader`, the marks of notes and comments
    too, and the text boxes found are queued on it."""
    for child in el:
        tag = _local(child)
        if tag in _SKIP or not tag:
            continue
        if tag == "t":
            parts.append(MARKS.sub("", child.text or ""))
        elif tag == "tab":
            parts.append("\t")
        elif tag in {"br", "cr"}:
            if child.get(W + "type") not in {"page", "column"}:
                parts.append("\n")
        elif tag == "noBreakHyphen":
            parts.append("-")
        elif tag in _POINTS:
            if reader is not None:
                parts.append(reader.marks.mark(_POINTS[tag], child.get(W + "id", "")))
        elif tag in _PICTURES:
            if reader is not None:
                reader.boxes.extend(_text_boxes(child))
        else:
            _runs(child, parts, reader)


def _text_boxes(el) -> list:
    """The text boxes of a picture; of alternate content, those of the first choice that has any."""
    if _local(el) == "AlternateContent":
        for option in el:
            found = [box for child in option for box in _text_boxes(child)]
            if found:
                return found
        return []
    found = []
    for child in el:
        if _local(child) == "txbxContent":
            found.append(child)  # a box inside it is read when it is
        else:
            found += _text_boxes(child)
    return found
