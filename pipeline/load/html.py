"""Extract the policy text of a web page: metadata table, main content, line structure.

A government page wraps its text in navigation, share bars and footers. The
main content is found by a general score (readability-style: each paragraph-like
block with enough text credits its parent and grandparent by its length and its
Chinese clause punctuation; link-heavy containers are discounted), never by a
site's ids. Kept: the nearest heading above the content if the content does not
start with it, and a breadcrumb line (`首页 > 通知公告 > 政务`) because the
segmenter reads it as front matter. Dropped: scripts, styles, hidden elements,
navigation, share/print bars, footers. The metadata table of gov.cn-style pages
(索引号, 发文机关, 成文日期, 标题, 发文字号, 发布日期, …) goes to `metadata`, and
the page's `<title>` as `网页标题` (often the document title plus the site name).

Text layout: one line per block (`<p>`, `<div>`, `<li>`, headings, `<br>`);
HTML whitespace collapsed inside a line, lines stripped, empty lines dropped;
a data table (no nested table) becomes one line per row with cells joined by a
tab; an `<ol>` item gets the number the browser would show (`1. `, `一、`).
Word-exported HTML is read as such: `<o:p>` is inline, `mso-list:Ignore` spans
keep their list number without the spacer. Every line records the element
path it came from (`/html/body/div[2]/p[3]`) in `blocks`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from .guard import html_parser, refuse_entities
from .text import decode, decode_text

BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "tbody", "thead", "tfoot", "tr", "td", "th", "section", "article", "main",
    "blockquote", "pre", "center", "hr", "address", "figure", "figcaption", "header",
    "body", "html", "caption",
})
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "head", "title", "template", "iframe", "object", "embed",
    "svg", "canvas", "form", "button", "select", "input", "textarea", "map", "nav", "footer",
    "aside", "audio", "video", "img", "link", "meta",
})
PARAGRAPH_TAGS = frozenset({"p", "pre", "td", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "dd"})

_BOILERPLATE_ATTR = re.compile(
    r"share|bdshare|fenxiang|print|footer|foot\b|copyright|toolbar|qrcode|qr_|nav|menu|"
    r"pager|related|xgwz|comment|sidebar|banner|login|search", re.I)
_BOILERPLATE_TEXT = re.compile(
    r"分享到|打印本页|【打印】|关闭窗口|【关闭】|字号[:：]|扫一扫|收藏本页|网站地图|版权所有|"
    r"ICP备|网站标识码|公网安备")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""",
    re.I)
_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|您现在的位置|所在位置|位置)?[:：]?\s*首\s*页\s*(?:>|＞|»|›|/|→)")
_CRUMB_SPLIT = re.compile(r"\s*(?:>|＞|»|›|→|/)\s*")
_CLAUSE_PUNCT = re.compile(r"[，,。；;：、]")
_SPACES = re.compile(r"[ \t\r\n\f]+")
_SINGLE_BYTE = frozenset({"iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii"})
_INFO_LABELS = ("发布时间", "发布日期", "来源", "信息来源", "发布机构", "文号", "作者")
META_LABELS = frozenset({
    "索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "主题词",
    "有效性", "信息来源", "发布机构", "组配分类", "体裁分类", "文号", "生效日期", "废止日期",
    "公开方式", "公开范围", "公文种类", "发布时间", "名称",
})


@dataclass(frozen=True)
class Extracted:
    """Extracted page text with its metadata pairs and per-line element paths."""

    text: str
    encoding: str
    metadata: tuple[tuple[str, str], ...]
    blocks: tuple[tuple[int, int, str], ...]


def extract_html(data: bytes, name: str) -> Extracted:
    """Decode, parse safely and extract `data` (an HTML page or fragment)."""
    from lxml import etree, html

    markup, encoding = decode_markup(data, name)
    refuse_entities(markup, name)
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)
    try:
        root = html.document_fromstring(markup, parser=html_parser())
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"broken HTML ({exc})", name) from None
    skip = _boilerplate(root)
    metadata, meta_tables = _metadata(root)
    page_title = root.find(".//title")
    if page_title is not None and " ".join(page_title.text_content().split()):
        metadata.append(("网页标题", " ".join(page_title.text_content().split())))
    skip.update(meta_tables)
    crumb, crumb_el = _breadcrumb(root, skip)
    if crumb_el is not None:
        skip.add(crumb_el)
    content = _content_roots(root, skip)
    lines = _Lines(skip)
    if crumb:
        lines.lines.append((crumb, crumb_el))
    heading = _heading_before(root, content[0], skip)
    if heading is not None:
        lines.walk(heading)
        lines.brk()
    start = len(lines.lines)
    for el in content:
        lines.walk(el)
        lines.brk()
    if heading is not None and start < len(lines.lines):
        _drop_repeated_heading(lines.lines, start)
    if not any(text for text, _ in lines.lines):
        raise InputError("HTML has no text", name)
    text, blocks = _join(lines.lines)
    return Extracted(text, encoding, tuple(metadata), blocks)


def decode_markup(data: bytes, name: str) -> tuple[str, str]:
    """Decode a page by its BOM, its declared charset, else UTF-8 or GB18030."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, name)
    m = _META_CHARSET.search(data[:4096])
    declared = (m.group(1) or m.group(2)).decode("ascii").lower() if m else None
    if declared in {"gb2312", "gbk", "gb18030", "gb_2312-80", "x-gbk", "cp936"}:
        return _lenient(data, "gb18030", name), "gb18030"
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


def _tag(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _boilerplate(root) -> set:
    """Elements never read: scripts, hidden parts, navigation, share bars, footers."""
    skip = set()
    for el in root.iter():
        tag = _tag(el)
        if not tag or tag in SKIP_TAGS:
            skip.add(el)
            continue
        style = (el.get("style") or "").replace(" ", "").lower()
        if "display:none" in style or "visibility:hidden" in style or el.get("hidden") is not None:
            skip.add(el)
            continue
        if tag in {"body", "html"}:
            continue
        attrs = f"{el.get('id', '')} {el.get('class', '')}"
        text = el.text_content()
        if _BOILERPLATE_ATTR.search(attrs) and len(_CLAUSE_PUNCT.findall(text)) < 10:
            skip.add(el)
        elif len(text) < 120 and _BOILERPLATE_TEXT.search(text):
            skip.add(el)
    return skip


def _skipped(el, skip: set) -> bool:
    return any(a in skip for a in _self_and_ancestors(el))


def _self_and_ancestors(el):
    while el is not None:
        yield el
        el = el.getparent()


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _metadata(root) -> tuple[list[tuple[str, str]], list]:
    """Label/value pairs of every table holding at least two known metadata labels."""
    pairs: list[tuple[str, str]] = []
    tables = []
    for table in root.iter("table"):
        if table.find(".//table") is not None:
            continue
        found = []
        for row in table.iter("tr"):
            cells = [c for c in row if _tag(c) in {"td", "th"}]
            for i, cell in enumerate(cells):
                label = _squeeze(cell.text_content())
                value = None
                if label.endswith(("：", ":")) and len(label) <= 12:
                    key = label[:-1]
                    value = cells[i + 1].text_content().strip() if i + 1 < len(cells) else ""
                else:
                    m = re.match(r"^([^：:]{2,8})[：:](.+)$", cell.text_content().strip(), re.S)
                    if m and _squeeze(m.group(1)) in META_LABELS:
                        key, value = _squeeze(m.group(1)), m.group(2).strip()
                if value is not None:
                    found.append((key, re.sub(r"\s+", " ", value)))
        if sum(1 for k, _ in found if k in META_LABELS) >= 2:
            tables.append(table)
            pairs.extend((k, v) for k, v in found if v)
    return pairs, tables


def _breadcrumb(root, skip: set) -> tuple[str | None, object]:
    """The innermost short element reading `首页 > … > …`, as one normalized line."""
    best = None
    for el in root.iter():
        if _tag(el) in {"html", "body"} or el in skip:
            continue
        text = " ".join(el.text_content().split())
        if len(text) < 80 and _BREADCRUMB.match(text.lstrip()):
            best = el
    if best is None:
        return None, None
    text = " ".join(best.text_content().split())
    text = re.sub(r"^.*?(?=首\s*页)", "", text)
    parts = [p.strip() for p in _CRUMB_SPLIT.split(text) if p.strip()]
    return " > ".join(parts), best


def _score_candidates(root, skip: set) -> dict:
    scores: dict = {}
    for el in root.iter():
        if _tag(el) not in PARAGRAPH_TAGS or el in skip:
            continue
        if _tag(el) in {"div", "td"} and any(_tag(c) in BLOCK_TAGS for c in el):
            continue
        if _skipped(el, skip):
            continue
        text = _squeeze(el.text_content())
        if len(text) < 10:
            continue
        score = 1 + len(_CLAUSE_PUNCT.findall(text)) + min(len(text) / 100, 3)
        # a block of <br>-separated lines is a container of paragraphs itself
        target = el if len(el.findall("br")) >= 2 else el.getparent()
        for share in (1.0, 0.5, 0.25):
            if target is None:
                break
            scores[target] = scores.get(target, 0.0) + score * share
            target = target.getparent()
    return {el: s * (1 - _link_density(el)) for el, s in scores.items()}


def _link_density(el) -> float:
    total = len(_squeeze(el.text_content())) or 1
    linked = sum(len(_squeeze(a.text_content())) for a in el.iter("a"))
    return min(linked / total, 1.0)


def _content_roots(root, skip: set) -> list:
    """The best-scored container, plus siblings that score close to it or hold the
    attachment note (附件：1.…), which pages often set apart as a list of links."""
    scores = _score_candidates(root, skip)
    if not scores:
        body = root.find("body")
        return [body if body is not None else root]
    top = max(scores, key=lambda el: scores[el])
    parent = top.getparent()
    if parent is None:
        return [top]
    floor = max(10.0, scores[top] * 0.25)
    return [el for el in parent if el is top or (el not in skip and (
        scores.get(el, 0) >= floor or _attachment_note(el)))]


def _attachment_note(el) -> bool:
    """A short block starting 附件 (the GB/T 9704 attachment note), often links only."""
    text = _squeeze(el.text_content())
    return text.startswith("附件") and len(text) < 300


def _heading_before(root, content, skip: set):
    """The nearest heading above the content: an `h1`, or a heading or *title*
    element whose words are in the page's `<title>` (side-column headings are not)."""
    title_el = root.find(".//title")
    page_title = _squeeze(title_el.text_content()) if title_el is not None else ""
    found = None
    for el in root.iter():
        if el is content:
            break
        if el in skip or _tag(el) in {"html", "body", "title"}:
            continue
        tag = _tag(el)
        is_heading = tag in {"h1", "h2", "h3"} or re.search(
            r"title|biaoti|\bbt\b", f"{el.get('id', '')} {el.get('class', '')}", re.I)
        text = _squeeze(el.text_content())
        if not is_heading or not 4 <= len(text) <= 150 or _link_density(el) >= 0.5:
            continue
        if (tag == "h1" or text in page_title) and not _skipped(el, skip) and not _contains(el, content):
            found = el
    return found


def _contains(el, other) -> bool:
    return any(a is el for a in _self_and_ancestors(other))


def _drop_repeated_heading(lines: list, start: int) -> None:
    """Drop the heading line when the content itself starts with the same words."""
    heading = _squeeze(lines[start - 1][0])
    head = ""
    for text, _ in lines[start:start + 4]:
        head += _squeeze(text)
        if head.startswith(heading):
            del lines[start - 1]
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

    def add(self, text: str | None, owner) -> None:
        if not text:
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
        tag = _tag(el)
        if el in self.skip or not tag:
            return
        if tag == "br":
            self.brk()
            return
        if tag == "table" and _is_data_table(el):
            self._table(el)
            return
        style = (el.get("style") or "").replace(" ", "").lower()
        if "mso-list:ignore" in style:
            self.add(_squeeze(el.text_content()), block)
            return
        is_block = tag in BLOCK_TAGS
        if is_block:
            self.brk()
            block = el
        if tag == "li":
            self.add(_list_marker(el), block)
        self.add(el.text, block)
        for child in el:
            self.walk(child, block)
            self.add(child.tail, block)
        if is_block:
            self.brk()

    def _table(self, table) -> None:
        self.brk()
        for row in table.iter("tr"):
            cells = []
            for cell in row:
                if _tag(cell) not in {"td", "th"}:
                    continue
                inner = _Lines(self.skip)
                inner.walk(cell)
                inner.brk()
                cells.append(" ".join(text for text, _ in inner.lines))
            if any(cells):
                self.lines.append(("\t".join(cells), row))


_OL_FORMATS = {
    "1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman",
    "decimal": "decimal", "lower-alpha": "lowerLetter", "lower-latin": "lowerLetter",
    "upper-alpha": "upperLetter", "upper-latin": "upperLetter", "lower-roman": "lowerRoman",
    "upper-roman": "upperRoman", "cjk-ideographic": "chineseCounting", "simp-chinese-informal": "chineseCounting",
    "cjk-decimal": "decimal",
}


def _list_marker(li) -> str:
    """The number a browser shows before an `<ol>` item (`1.`, `a.`, `一、`), which the
    markup does not hold; `list-style: none` lists and `<ul>` show none."""
    from .numbering import format_number

    ol = li.getparent()
    if ol is None or _tag(ol) != "ol":
        return ""
    style = re.search(r"list-style(?:-type)?\s*:\s*([\w-]+)", (ol.get("style") or "") + (li.get("style") or ""))
    kind = style.group(1) if style else ol.get("type", "1")
    if kind == "none" or kind not in _OL_FORMATS:
        return ""
    start = int(ol.get("start")) if (ol.get("start") or "").lstrip("-").isdigit() else 1
    n = start + [c for c in ol if _tag(c) == "li"].index(li)
    fmt = _OL_FORMATS[kind]
    return format_number(n, fmt) + ("、" if fmt == "chineseCounting" else ". ")


def _is_data_table(table) -> bool:
    """A table of data (rows of cells) rather than page layout."""
    if table.find(".//table") is not None:
        return False
    rows = list(table.iter("tr"))
    return len(rows) >= 2 and max(sum(1 for c in r if _tag(c) in {"td", "th"}) for r in rows) >= 2


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
