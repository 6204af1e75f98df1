"""Write Word documents (DOCX, Office Open XML) with lxml, deterministically.

A small vocabulary for the documents the pipeline hands to government staff
(redlines, task tables): paragraphs made of runs that may be tracked
insertions or deletions (`w:ins` / `w:del`, paragraph marks included), tables,
a section break, and `docx_bytes`, which wraps a body into a complete package:
`[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml`, `word/document.xml`,
`word/styles.xml`, `word/settings.xml`, `word/footer1.xml` (page number
`— 1 —`). Page and type follow GB/T 9704 as far as a generic file can: A4,
margins 37/35/28/26 mm, 仿宋 三号 body on a 28.9 pt line (22 lines a page),
黑体 / 楷体 headings, 宋体 title, Times New Roman for Latin letters and digits.

Same input, same bytes: zip entries in a fixed order with a fixed timestamp,
revision ids numbered in document order when the package is written.
"""
from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from io import BytesIO

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
CHANGES = ("", "ins", "del")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# A4 in twips; GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
PAGE = {"w": "11906", "h": "16838"}
MARGINS = {"top": "2098", "right": "1474", "bottom": "1984", "left": "1587", "header": "851", "footer": "1304",
           "gutter": "0"}
LINE_PITCH = "578"
# A4 turned for a wide table (附件 tables): the portrait margins turned with it, so the binding
# edge stays where it was; type area 225 x 156 mm.
LANDSCAPE = {"w": "16838", "h": "11906", "orient": "landscape"}
LANDSCAPE_MARGINS = {"top": "1474", "right": "1984", "bottom": "1587", "left": "2098", "header": "851",
                     "footer": "851", "gutter": "0"}

# XML 1.0 refuses these characters; they cannot be written, so they become U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class Revision:
    """Who made the tracked changes and when (`date` as xsd:dateTime, e.g. 2024-10-13T00:00:00Z)."""

    author: str
    date: str


def _w(tag: str, **attrs: str) -> etree._Element:
    el = etree.Element(W + tag)
    for key, value in attrs.items():
        el.set(W + key, value)
    return el


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    el = _w(tag, **attrs)
    parent.append(el)
    return el


def run(text: str, deleted: bool = False, style: str | None = None) -> etree._Element:
    """One `w:r`: text with tabs as `w:tab` and line breaks as `w:br`; `w:delText` inside a deletion."""
    r = _w("r")
    if style:
        _sub(_sub(r, "rPr"), "rStyle", val=style)
    for piece in re.split(r"([\t\n])", _NOT_XML.sub("\ufffd", text)):
        if piece == "\t":
            _sub(r, "tab")
        elif piece == "\n":
            _sub(r, "br")
        elif piece:
            t = _sub(r, "delText" if deleted else "t")
            t.text = piece
            t.set(XML_SPACE, "preserve")
    return r


def _revision(tag: str, rev: Revision) -> etree._Element:
    return _w(tag, id="0", author=rev.author, date=rev.date)


def paragraph(segments: Iterable[tuple[str, str]], style: str | None = None, mark: str = "",
              rev: Revision | None = None, align: str | None = None,
              bookmark: str | None = None) -> etree._Element:
    """A `w:p` from (text, change) segments, change `""`, `"ins"` or `"del"`.

    Consecutive segments with the same change share one `w:ins`/`w:del`; `mark`
    tracks the paragraph mark itself (a whole inserted or deleted paragraph, or
    a line break added or removed). Tracked changes need `rev`. `bookmark` names
    the paragraph for internal links.
    """
    p = _w("p")
    ppr = _w("pPr")
    if style:
        _sub(ppr, "pStyle", val=style)
    if align:
        _sub(ppr, "jc", val=align)
    if mark:
        _sub(ppr, "rPr").append(_revision(mark, _need(rev)))
    if len(ppr):
        p.append(ppr)
    if bookmark:
        _sub(p, "bookmarkStart", id="0", name=bookmark)
    wrapper, current = None, None
    for text, change in segments:
        if change not in CHANGES:
            raise ValueError(f"unknown change {change!r}")
        if not text:
            continue
        if change != current:
            wrapper = _revision(change, _need(rev)) if change else None
            if wrapper is not None:
                p.append(wrapper)
            current = change
        (wrapper if wrapper is not None else p).append(run(text, deleted=change == "del"))
    if bookmark:
        _sub(p, "bookmarkEnd", id="0")
    return p


def link(text: str, anchor: str) -> etree._Element:
    """A run linking to the bookmark `anchor`, to put into a paragraph."""
    h = _w("hyperlink", anchor=anchor)
    h.append(run(text, style="Hyperlink"))
    return h


def _need(rev: Revision | None) -> Revision:
    if rev is None:
        raise ValueError("a tracked change needs a Revision (author and date)")
    return rev


def table(rows: Sequence[Sequence[etree._Element | str]], widths: Sequence[int],
          header_rows: int = 1) -> etree._Element:
    """A bordered table; `widths` in twips; a cell is text or a ready paragraph.

    Header rows repeat on each page and use the `TableHeading` style, other
    cells `TableText`; rows never split across pages. A row with fewer cells
    than columns has its last cell span the columns left (a group heading row).
    """
    tbl = _w("tbl")
    tpr = _sub(tbl, "tblPr")
    _sub(tpr, "tblStyle", val="TableGrid")
    _sub(tpr, "tblW", w=str(sum(widths)), type="dxa")
    _sub(tpr, "jc", val="center")
    _sub(tpr, "tblLayout", type="fixed")
    _sub(tpr, "tblLook", val="04A0", firstRow="1", lastRow="0", firstColumn="0", lastColumn="0", noHBand="0",
         noVBand="1")
    grid = _sub(tbl, "tblGrid")
    for width in widths:
        _sub(grid, "gridCol", w=str(width))
    for k, row in enumerate(rows):
        tr = _sub(tbl, "tr")
        trpr = _sub(tr, "trPr")
        _sub(trpr, "cantSplit")
        if k < header_rows:
            _sub(trpr, "tblHeader")
        for i, cell in enumerate(row):
            span = len(widths) - i if i == len(row) - 1 else 1
            tc = _sub(tr, "tc")
            tcpr = _sub(tc, "tcPr")
            _sub(tcpr, "tcW", w=str(sum(widths[i:i + span])), type="dxa")
            if span > 1:
                _sub(tcpr, "gridSpan", val=str(span))
            _sub(tcpr, "vAlign", val="center")
            if isinstance(cell, str):
                style = "TableHeading" if k < header_rows else "TableText"
                cell = paragraph([(cell, "")], style=style)
            tc.append(cell)
    return tbl


def section_properties(landscape: bool = False) -> etree._Element:
    """`w:sectPr` for an A4 page with GB/T 9704 margins (turned with the page when `landscape`)
    and the page-number footer."""
    sect = _w("sectPr")
    ref = _sub(sect, "footerReference", type="default")
    ref.set(f"{{{R_NS}}}id", "rIdFooter")
    _sub(sect, "pgSz", **(LANDSCAPE if landscape else PAGE))
    _sub(sect, "pgMar", **(LANDSCAPE_MARGINS if landscape else MARGINS))
    _sub(sect, "cols", space="425")
    if not landscape:  # a turned page holds a table, whose rows keep their own line height
        _sub(sect, "docGrid", type="lines", linePitch=LINE_PITCH)
    return sect


def section_break() -> etree._Element:
    """An empty paragraph ending a section: what follows starts on a new page."""
    p = _w("p")
    _sub(p, "pPr").append(section_properties())
    return p


def docx_bytes(body: Iterable[etree._Element], title: str, rev: Revision, landscape: bool = False,
               track_revisions: bool = True) -> bytes:
    """A complete DOCX package around `body`; `rev` gives the core properties' author and date.

    `landscape` turns the (last) page; `track_revisions` opens the file in revision mode (a
    redline), off for a document handed out to be filled in (a task table)."""
    root = etree.Element(W + "document", nsmap={"w": W_NS, "r": R_NS})
    body_el = etree.SubElement(root, W + "body")
    for el in body:
        body_el.append(el)
    body_el.append(section_properties(landscape))
    _number_annotations(root)
    parts = [
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _ROOT_RELS),
        ("docProps/core.xml", _core(title, rev)),
        ("word/document.xml", _xml(root)),
        ("word/_rels/document.xml.rels", _DOC_RELS),
        ("word/styles.xml", _STYLES),
        ("word/settings.xml", _SETTINGS if track_revisions else _SETTINGS.replace("<w:trackRevisions/>\n", "")),
        ("word/footer1.xml", _FOOTER),
    ]
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()


def _number_annotations(root: etree._Element) -> None:
    """Give every revision and bookmark a unique `w:id`, in document order."""
    number = 0
    bookmarks: list[str] = []
    for el in root.iter(W + "ins", W + "del", W + "bookmarkStart", W + "bookmarkEnd"):
        if el.tag == W + "bookmarkEnd":
            el.set(W + "id", bookmarks.pop())
            continue
        number += 1
        el.set(W + "id", str(number))
        if el.tag == W + "bookmarkStart":
            bookmarks.append(str(number))


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _core(title: str, rev: Revision) -> bytes:
    cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    dc, dcterms = "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/"
    xsi = "http://www.w3.org/2001/XMLSchema-instance"
    root = etree.Element(f"{{{cp}}}coreProperties", nsmap={"cp": cp, "dc": dc, "dcterms": dcterms, "xsi": xsi})
    for tag, text in ((f"{{{dc}}}title", title), (f"{{{dc}}}creator", rev.author),
                      (f"{{{cp}}}lastModifiedBy", rev.author)):
        etree.SubElement(root, tag).text = _NOT_XML.sub("\ufffd", text)
    for tag in ("created", "modified"):
        el = etree.SubElement(root, f"{{{dcterms}}}{tag}")
        el.set(f"{{{xsi}}}type", "dcterms:W3CDTF")
        el.text = rev.date
    return _xml(root)


_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{_CT}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{_CT}.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="{_CT}.settings+xml"/>
<Override PartName="/word/footer1.xml" ContentType="{_CT}.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>
"""

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
Target="docProps/core.xml"/>
</Relationships>
"""

_DOC_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="{_REL}/styles" Target="styles.xml"/>
<Relationship Id="rIdSettings" Type="{_REL}/settings" Target="settings.xml"/>
<Relationship Id="rIdFooter" Type="{_REL}/footer" Target="footer1.xml"/>
</Relationships>
"""

_SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W_NS}">
<w:zoom w:percent="100"/>
<w:trackRevisions/>
<w:defaultTabStop w:val="420"/>
<w:characterSpacingControl w:val="compressPunctuation"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>\
</w:compat>
<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>
</w:settings>
"""

_FOOTER = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="{W_NS}">
<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r>\
<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>
</w:ftr>
"""


def _fonts(east_asia: str) -> str:
    latin = "Times New Roman"
    return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" w:cs="{latin}"/>'


def _style(sid: str, name: str, font: str, size: int, *, bold: bool = False, align: str = "both",
           indent: bool = True, line: str = LINE_PITCH, level: int | None = None, next_style: str = "Normal",
           before: int = 0, after: int = 0, keep: bool = False) -> str:
    """One paragraph style: font (east Asian face), size in half-points, first-line indent of two characters."""
    ind = '<w:ind w:firstLineChars="200" w:firstLine="%d"/>' % (size * 20) if indent else '<w:ind w:firstLine="0"/>'
    outline = f'<w:outlineLvl w:val="{level}"/>' if level is not None else ""
    keep = "<w:keepNext/><w:keepLines/>" if keep or level is not None or sid == "Title" else ""
    based = "" if sid == "Normal" else '<w:basedOn w:val="Normal"/>'
    default = ' w:default="1"' if sid == "Normal" else ""
    return (f'<w:style w:type="paragraph"{default} w:styleId="{sid}"><w:name w:val="{name}"/>{based}'
            f'<w:next w:val="{next_style}"/><w:qFormat/>'
            f'<w:pPr>{keep}<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="exact"/>'
            f'{ind}<w:jc w:val="{align}"/>{outline}</w:pPr>'
            f'<w:rPr>{_fonts(font)}{"<w:b/><w:bCs/>" if bold else ""}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
            f'</w:rPr></w:style>')


_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:docDefaults><w:rPrDefault><w:rPr>{_fonts("仿宋")}<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/>\
<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
{_style("Normal", "Normal", "仿宋", 32)}
{_style("Title", "Title", "宋体", 44, bold=True, align="center", indent=False, line="700", after=289)}
{_style("Subtitle", "Subtitle", "楷体", 32, align="center", indent=False, after=289)}
{_style("Heading1", "heading 1", "黑体", 32, level=0)}
{_style("Heading2", "heading 2", "楷体", 32, level=1)}
{_style("Heading3", "heading 3", "仿宋", 32, bold=True, level=2)}
{_style("Note", "Note", "仿宋", 28, line="440")}
{_style("TableHeading", "Table Heading", "黑体", 24, align="center", indent=False, line="360")}
{_style("TableText", "Table Text", "仿宋", 24, align="left", indent=False, line="360")}
{_style("TableTitle", "Table Title", "宋体", 36, bold=True, align="center", indent=False, line="560", after=240,
         keep=True)}
{_style("TaskText", "Task Text", "仿宋", 21, align="left", indent=False, line="300")}
{_style("TableGroup", "Table Group", "黑体", 24, align="left", indent=False, line="360", keep=True)}
{_style("TableSubgroup", "Table Subgroup", "楷体", 24, bold=True, align="left", indent=False, line="360", keep=True)}
{_style("Footer", "footer", "宋体", 28, align="center", indent=False, line="360")}
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/>\
<w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr>\
<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>\
<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr>\
<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
<w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
<w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>\
<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/>\
<w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>
"""
