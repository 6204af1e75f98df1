"""Extract the policy text of a web page: metadata table, main content, line structure.

Decoding: BOM, else the declared charset (GB2312/GBK read as GB18030, or as UTF-8
when only that decodes; a Western charset declared on Chinese bytes ignored), else
UTF-8, else GB18030. Parsing:
the safe lxml HTML parser, entity declarations refused (see `guard`). Which
parts of the page are read is decided in `page`: the main content, the nearest
heading above it if the content does not start with it, a 文号 printed alone right under or
above that heading (see `page_number`), and a breadcrumb line
(`首页 > 通知公告 > 政务`), kept because the segmenter reads it as front matter;
navigation, share/print bars, scripts, styles, hidden elements and footers are
dropped. When that leaves no text, the whole visible page is read rather than
refused, then with what its styles hide (only a page with no text
at all is refused). The metadata table (索引号, 发文机关, 成文日期, 标题, 发文字号, 发布日期, …)
goes to `metadata`, and the page's `<title>` as `网页标题`.

Text layout: one line per block (`<p>`, `<div>`, `<li>`, headings, `<br>`);
HTML whitespace collapsed inside a line, lines stripped, empty lines dropped;
raw newlines are line breaks where the page shows them as such: in `<pre>` and
`white-space: pre*` elements, and in a block holding plain text pasted with its
line breaks (see `_plain_text_lines`);
a data table (no nested table) becomes one line per row with cells joined by a
tab, a cell spanning rows or columns (`rowspan`, `colspan`) repeated in each row
and column it covers, so every row has its 牵头单位 in its own column; an `<ol>` item gets the number the browser would show (`1. `, `一、`).
Word-exported HTML is read as such: `<o:p>` is inline, `mso-list:Ignore` spans
keep their list number without the spacer. Every line records the element
path it came from (`/html/body/div[2]/p[3]`) in `blocks`. The page's attachment
links (`links`) come out as `annotations`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from .guard import check_depth, html_parser, refuse_entities
from .links import Attachment, links
from .page import (
    BLOCK_TAGS, boilerplate, breadcrumb, content_roots, heading_before, hidden, is_data_table, metadata_pairs, squeeze,
    tag_of,
)
from .page_number import number_beside
from .text import decode, decode_text

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""",
    re.I)
_SPACES = re.compile(r"[ \t\r\n\f]+")
_PRE_STYLE = re.compile(r"white-space\s*:\s*(?:pre|break-spaces)", re.I)
# A line of pasted plain text ends a sentence or clause, or is short (a heading such as 一、各地自查).
_LINE_END = re.compile(r"[。：；！？:;!?][”’」）)]*$")
_HEADING_CHARS = 20
MAX_COLUMNS = 64
_SINGLE_BYTE = frozenset({"iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii"})


@dataclass(frozen=True)
class Extracted:
    """Extracted page text with its metadata pairs and per-line element paths."""

    text: str
    encoding: str
    metadata: tuple[tuple[str, str], ...]
    blocks: tuple[tuple[int, int, str], ...]
    annotations: tuple[Attachment, ...] = ()


def extract_html(data: bytes, name: str) -> Extracted:
    """Decode, parse safely and extract `data` (an HTML page or fragment)."""
    from lxml import etree, html

    markup, encoding = decode_markup(data, name)
    refuse_entities(markup, name)
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)
    parser = html_parser()
    try:
        root = html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"broken HTML ({exc})", name) from None
    check_depth(parser, name, "HTML")
    skip = boilerplate(root)
    metadata, meta_tables = metadata_pairs(root)
    page_title = root.find(".//title")
    if page_title is not None and " ".join(page_title.text_content().split()):
        metadata.append(("网页标题", " ".join(page_title.text_content().split())))
    skip.update(meta_tables)
    crumb, crumb_el = breadcrumb(root, skip)
    if crumb_el is not None:
        skip.add(crumb_el)
    content = content_roots(root, skip)
    lines = _Lines(skip)
    if crumb:
        lines.lines.append((crumb, crumb_el))
    heading = heading_before(root, content[0], skip)
    if heading is not None:
        above, under = number_beside(root, heading, content, skip)
        for el in (above, heading, under):
            if el is not None:
                lines.walk(el)
                lines.brk()
            if el is heading:
                at = len(lines.lines) - 1
    start = len(lines.lines)
    for el in content:
        lines.walk(el)
        lines.brk()
    if heading is not None and start < len(lines.lines):
        _drop_repeated_heading(lines.lines, at, start)
    for styles in (True, False):
        if any(text for text, _ in lines.lines):
            break
        # nothing read where the text was expected: the whole visible page rather than a refusal,
        # then the whole page with what its styles hide (a script may reveal it)
        lines = _Lines(hidden(root, styles) | set(meta_tables))
        lines.walk(root)
        lines.brk()
    if not any(text for text, _ in lines.lines):
        raise InputError("HTML has no text", name)
    text, blocks = _join(lines.lines)
    return Extracted(text, encoding, tuple(metadata), blocks, links(root, skip, text))


def decode_markup(data: bytes, name: str) -> tuple[str, str]:
    """Decode a page by its BOM, its declared charset, else UTF-8 or GB18030."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, name)
    m = _META_CHARSET.search(data[:4096])
    declared = (m.group(1) or m.group(2)).decode("ascii").lower() if m else None
    if declared in {"gb2312", "gbk", "gb18030", "gb_2312-80", "x-gbk", "cp936"}:
        return _gb_declared(data, name)
    if declared in _SINGLE_BYTE and not data.isascii():
        declared = None  # a Western charset on a page with Chinese text: the declaration is wrong
    if declared and declared not in {"utf-8", "utf8"}:
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not HTML", name)
    return decode_text(data, name)


def _gb_declared(data: bytes, name: str) -> tuple[str, str]:
    """A page declaring a GB charset: GB18030 if its bytes are, else UTF-8 if they are
    that (a CMS template that kept an old declaration over a UTF-8 body), else GB18030
    tolerating a few bad bytes."""
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _lenient(data, "gb18030", name), "gb18030"


def _lenient(data: bytes, encoding: str, name: str) -> str:
    """Decode, tolerating a few bad bytes (one in a thousand) as U+FFFD: pages
    pasted together from several sources often carry a stray byte or two."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        if text.count("\ufffd") * 1000 > len(text):
            return decode(data, encoding, name)
        return text


def _drop_repeated_heading(lines: list, at: int, start: int) -> None:
    """Drop the heading line (`at`) when the content (from `start`) itself starts with the same words."""
    heading = squeeze(lines[at][0])
    head = ""
    for text, _ in lines[start:start + 4]:
        head += squeeze(text)
        if head.startswith(heading):
            del lines[at]
            return
        if not heading.startswith(head):
            return


class _Lines:
    """Collects (line, element) pairs while walking the tree in document order."""

    def __init__(self, skip: set):
        self.skip = skip
        self.lines: list[tuple[str, object]] = []
        self.buf: list[str] = []
        self.owner = None
        self.keep_newlines = False
        self.li_numbers: dict = {}  # each <li> of a list seen so far -> its position in the list

    def add(self, text: str | None, owner) -> None:
        if not text:
            return
        if self.keep_newlines and "\n" in text:
            first, *rest = text.split("\n")
            self.add(first, owner)
            for part in rest:
                self.brk()
                self.add(part, owner)
            return
        if self.owner is None and text.strip():
            self.owner = owner
        self.buf.append(text)

    def brk(self) -> None:
        line = _SPACES.sub(" ", "".join(self.buf)).strip()
        if line:
            self.lines.append((line, self.owner))
        self.buf, self.owner = [], None

    def walk(self, el, block=None) -> None:
        tag = tag_of(el)
        if el in self.skip or not tag:
            return
        if tag == "br":
            self.brk()
            return
        if tag == "table" and is_data_table(el):
            self._table(el)
            return
        style = (el.get("style") or "").replace(" ", "").lower()
        if "mso-list:ignore" in style:
            self.add(squeeze(el.text_content()), block)
            return
        is_block = tag in BLOCK_TAGS
        outer = self.keep_newlines
        if is_block:
            self.brk()
            block = el
            self.keep_newlines = outer or tag == "pre" or bool(_PRE_STYLE.search(style)) or _plain_text_lines(el)
        if tag == "li":
            self.add(_list_marker(el, self.li_numbers), block)
        self.add(el.text, block)
        for child in el:
            self.walk(child, block)
            self.add(child.tail, block)
        if is_block:
            self.brk()
            self.keep_newlines = outer

    def _table(self, table) -> None:
        self.brk()
        rows = list(table.iter("tr"))
        above: dict[int, tuple[int, str]] = {}  # column -> (rows it still spans, text) of a rowspan cell
        for index, row in enumerate(rows):
            cells: list[str] = []

            def spanned() -> None:
                while len(cells) in above:
                    left, text = above.pop(len(cells))
                    cells.append(text)
                    if left > 1:
                        above[len(cells) - 1] = (left - 1, text)

            for cell in row:
                if tag_of(cell) not in {"td", "th"}:
                    continue
                spanned()
                inner = _Lines(self.skip)
                inner.walk(cell)
                inner.brk()
                text = " ".join(text for text, _ in inner.lines)
                down = min(_span(cell.get("rowspan")), len(rows) - index)
                for _ in range(min(_span(cell.get("colspan")), MAX_COLUMNS - len(cells))):
                    if down > 1:
                        above[len(cells)] = (down - 1, text)
                    cells.append(text)
            spanned()
            if any(cells):
                self.lines.append(("\t".join(cells), row))


_OL_FORMATS = {
    "1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman",
    "decimal": "decimal", "lower-alpha": "lowerLetter", "lower-latin": "lowerLetter",
    "upper-alpha": "upperLetter", "upper-latin": "upperLetter", "lower-roman": "lowerRoman",
    "upper-roman": "upperRoman", "cjk-ideographic": "chineseCounting", "simp-chinese-informal": "chineseCounting",
    "cjk-decimal": "decimal",
}


def _list_marker(li, positions: dict) -> str:
    """The number a browser shows before an `<ol>` item (`1.`, `a.`, `一、`), which the
    markup does not hold; `list-style: none` lists and `<ul>` show none. `positions`
    caches each item's place, so a list of 10,000 items is counted once."""
    from .numbering import format_number

    ol = li.getparent()
    if ol is None or tag_of(ol) != "ol":
        return ""
    style = re.search(r"list-style(?:-type)?\s*:\s*([\w-]+)", (ol.get("style") or "") + (li.get("style") or ""))
    kind = style.group(1) if style else ol.get("type", "1")
    if kind == "none" or kind not in _OL_FORMATS:
        return ""
    start = int(ol.get("start")) if (ol.get("start") or "").lstrip("-").isdigit() else 1
    if li not in positions:
        positions.update((item, k) for k, item in enumerate(c for c in ol if tag_of(c) == "li"))
    n = start + positions[li]
    fmt = _OL_FORMATS[kind]
    return format_number(n, fmt) + ("、" if fmt == "chineseCounting" else ". ")


def _plain_text_lines(el) -> bool:
    """Whether a block holds plain text pasted with its line breaks, shown as lines.

    A CMS that stores a notice as plain text and prints it into a `<div>` leaves
    its lines separated only by raw newlines, with inline `<b>一、…</b>` headings
    that the site's own stylesheet (not part of the page) shows as lines: the
    newlines are the lines the text was typed in. Source-formatting newlines
    look different: pasted text has at least three raw lines, no block inside
    it, and every raw line ends a sentence or clause (。：；) or is short enough
    to be a heading, where a line wrapped by an editor stops mid-sentence.
    """
    raw = (el.text or "") + "".join(child.tail or "" for child in el)
    if raw.strip().count("\n") < 2:
        return False
    if any(tag_of(d) in BLOCK_TAGS for d in el.iterdescendants()):
        return False
    lines = [line.strip() for line in el.text_content().split("\n")]
    lines = [line for line in lines if line]
    return len(lines) >= 3 and all(_LINE_END.search(line) or len(line) <= _HEADING_CHARS for line in lines)


def _span(value: str | None) -> int:
    """A rowspan/colspan attribute as a count (at least 1; junk is 1)."""
    value = (value or "").strip()
    return max(int(value[:6]), 1) if value.isdigit() else 1


def _join(lines: list) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    parts, blocks, pos = [], [], 0
    paths = _Paths()
    for text, owner in lines:
        where = paths.of(owner) if owner is not None else ""
        blocks.append((pos, pos + len(text), where))
        parts.append(text + "\n")
        pos += len(text) + 1
    return "".join(parts), tuple(blocks)


class _Paths:
    """Element paths as `getpath` writes them (`/html/body/div[2]/p`), each parent's
    children numbered once, so a page with thousands of paragraphs stays linear."""

    def __init__(self):
        self.known: dict = {}

    def of(self, el) -> str:
        if el not in self.known:
            parent = el.getparent()
            if parent is None:
                self.known[el] = f"/{el.tag}"
            else:
                base = self.of(parent)
                siblings = [c for c in parent if isinstance(c.tag, str)]
                counts: dict[str, int] = {}
                for c in siblings:
                    counts[c.tag] = counts.get(c.tag, 0) + 1
                seen: dict[str, int] = {}
                for c in siblings:
                    seen[c.tag] = seen.get(c.tag, 0) + 1
                    self.known[c] = f"{base}/{c.tag}" + (f"[{seen[c.tag]}]" if counts[c.tag] > 1 else "")
        return self.known[el]
