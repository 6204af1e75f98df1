"""The parts of a government web page: boilerplate, metadata table, breadcrumb, main content.

Found by general signals, never by a site's ids: tags, hidden styles and
boilerplate words for what is never read; label cells ending in a colon for the
metadata table; `首页 > … > …` for the breadcrumb; for the main content a
readability-style score (each paragraph-like block with enough text credits its
parent and grandparent by length and Chinese clause punctuation; link-heavy
containers are discounted), lifted out of a data table's rows and out of wrappers
that add no text, plus the run of its siblings that score close, hold the 附件
note, or hold prose or a data table (a notice and the tables it publishes).
"""
from __future__ import annotations

import re

from ..doctypes import DOC_KIND_END
from ..normalize import fold

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
META_LABELS = frozenset({
    "索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "主题词",
    "有效性", "信息来源", "发布机构", "组配分类", "体裁分类", "文号", "生效日期", "废止日期",
    "公开方式", "公开范围", "公文种类", "发布时间", "名称", "发布机关", "发文单位", "成文时间", "印发日期",
    "实施日期", "施行日期", "文件编号",
})
_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|您现在的位置|所在位置|位置)?[:：]?\s*首\s*页\s*(?:>|＞|»|›|/|→)")
_CRUMB_SPLIT = re.compile(r"\s*(?:>|＞|»|›|→|/)\s*")
_CLAUSE_PUNCT = re.compile(r"[，,。；;：、]")
_META_ROWS = 8
_ROW_PARTS = frozenset({"tbody", "thead", "tfoot", "tr"})
# a sibling of the main text with a sentence this long is text too (a notice above its tables)
_PROSE = 80
_SENTENCE_END = re.compile(r"[。；！？]")
# a heading shorter than this (通知公告, 政策文件) names a section of the site, not a document
_TITLE_MIN = 8


def tag_of(el) -> str:
    """Lower-case tag name; '' for comments and processing instructions."""
    return el.tag.lower() if isinstance(el.tag, str) else ""


def hidden(root, styles: bool = True) -> set:
    """Elements a reader never sees: scripts, styles, forms, media, and (with `styles`) parts
    hidden by their style or `hidden` attribute. `<html>` and `<body>` are never hidden: a page
    that hides its whole body (`<body style="visibility:hidden">`) shows it once a script has
    laid it out, as Guangdong's 政府信息公开 platform (gkmlpt) does."""
    skip = set()
    for el in root.iter():
        tag = tag_of(el)
        if not tag or tag in SKIP_TAGS:
            skip.add(el)
            continue
        if not styles or tag in {"html", "body"}:
            continue
        style = (el.get("style") or "").replace(" ", "").lower()
        if "display:none" in style or "visibility:hidden" in style or el.get("hidden") is not None:
            skip.add(el)
    return skip


def boilerplate(root) -> set:
    """Elements never read: hidden parts, then navigation, share bars and footers, known
    by their id/class or their words. An element holding most of the page's visible text
    is never boilerplate, whatever its class says (`<div id="printContent">` around a
    short notice): it is, or holds, the main text."""
    skip = hidden(root)
    sizes = visible_sizes(root, skip)
    page = sizes.get(root, 0)
    for el in root.iter():
        tag = tag_of(el)
        if el in skip or tag in {"body", "html"} or sizes.get(el, 0) * 2 > page:
            continue
        attrs = f"{el.get('id', '')} {el.get('class', '')}"
        if _BOILERPLATE_ATTR.search(attrs) and len(_CLAUSE_PUNCT.findall(el.text_content())) < 10:
            skip.add(el)
            continue
        text = _short_text(el, 120)
        if text is not None and _BOILERPLATE_TEXT.search(text):
            skip.add(el)
    return skip


def visible_sizes(root, skip: set) -> dict:
    """Characters of visible text (whitespace excluded) under each element, skipped
    subtrees left out; one pass over the tree."""
    sizes: dict = {}

    def size(el) -> int:
        if el in skip:
            return 0
        n = len(squeeze(el.text or "")) if tag_of(el) else 0
        for child in el:
            n += size(child) + len(squeeze(child.tail or ""))
        sizes[el] = n
        return n

    size(root)
    return sizes


def _short_text(el, limit: int, visible: bool = False) -> str | None:
    """`el.text_content()` if shorter than `limit` characters (whitespace not counted when
    `visible`), else None: decided from the first pieces of text, so the ancestors of a
    long text (250 nested <div>s around it) do not each join all of it."""
    count = 0
    for chunk in el.itertext():
        count += len("".join(chunk.split())) if visible else len(chunk)
        if count >= limit:
            return None
    return el.text_content()


def _skipped(el, skip: set) -> bool:
    return any(a in skip for a in self_and_ancestors(el))


def self_and_ancestors(el):
    while el is not None:
        yield el
        el = el.getparent()


def squeeze(text: str) -> str:
    """`text` without any whitespace, for comparing and measuring text."""
    return re.sub(r"\s+", "", text)


def metadata_pairs(root) -> tuple[list[tuple[str, str]], list]:
    """Label/value pairs of every table holding at least two known metadata labels.

    A label cell ends with a colon (`发文机关：` | `国务院`), or, in a small table
    (at most `_META_ROWS` rows), is a known label without one followed by a cell
    that is not a label (`文号` | `丽政发〔2023〕30号`); a header row of a data
    table (`序号` | `文号` | `发布日期`) is no such pair.
    """
    pairs: list[tuple[str, str]] = []
    tables = []
    for table in root.iter("table"):
        if table.find(".//table") is not None:
            continue
        found = []
        rows = list(table.iter("tr"))
        for row in rows:
            cells = [c for c in row if tag_of(c) in {"td", "th"}]
            labels = [squeeze(c.text_content()) for c in cells]
            for i, cell in enumerate(cells):
                label = labels[i]
                value = None
                bare = (len(rows) <= _META_ROWS and label in META_LABELS and i + 1 < len(cells)
                        and labels[i + 1].rstrip("：:") not in META_LABELS)
                if (label.endswith(("：", ":")) and len(label) <= 12) or bare:
                    key = label.rstrip("：:")
                    value = cells[i + 1].text_content().strip() if i + 1 < len(cells) else ""
                else:
                    m = re.match(r"^([^：:]{2,8})[：:](.+)$", cell.text_content().strip(), re.S)
                    if m and squeeze(m.group(1)) in META_LABELS:
                        key, value = squeeze(m.group(1)), m.group(2).strip()
                if value is not None:
                    found.append((key, re.sub(r"\s+", " ", value)))
        if sum(1 for k, _ in found if k in META_LABELS) >= 2:
            tables.append(table)
            pairs.extend((k, v) for k, v in found if v)
    return pairs, tables


def breadcrumb(root, skip: set) -> tuple[str | None, object]:
    """The innermost short element reading `首页 > … > …`, as one normalized line."""
    best = None
    for el in root.iter():
        if tag_of(el) in {"html", "body"} or el in skip:
            continue
        raw = _short_text(el, 80, visible=True)
        text = " ".join(raw.split()) if raw is not None else ""
        if raw is not None and len(text) < 80 and _BREADCRUMB.match(text.lstrip()):
            best = el
    if best is None:
        return None, None
    text = " ".join(best.text_content().split())
    text = re.sub(r"^.*?(?=首\s*页)", "", text)
    parts = [p.strip() for p in _CRUMB_SPLIT.split(text) if p.strip()]
    return " > ".join(parts), best


def _text_stats(root) -> dict:
    """For every element, of its `text_content()`: (characters other than whitespace,
    clause marks, characters inside <a> elements), summed bottom-up in one pass over the
    text, where asking each element for its text joins its subtree again at every level
    (a page whose broken markup nests paragraphs 40 deep joined megabytes 40 times)."""
    stats: dict = {}

    def chunk(text: str | None) -> tuple[int, int]:
        if not text:
            return 0, 0
        squeezed = squeeze(text)
        return len(squeezed), len(_CLAUSE_PUNCT.findall(squeezed))

    for el in reversed(list(root.iter())):  # every element after its descendants
        chars, marks = chunk(el.text) if isinstance(el.tag, str) else (0, 0)
        linked = 0
        for child in el:
            tail = chunk(child.tail)
            c, m, a = stats[child]
            chars, marks, linked = chars + c + tail[0], marks + m + tail[1], linked + a
        stats[el] = (chars, marks, linked + (chars if el.tag == "a" else 0))
    return stats


def _score_candidates(root, skip: set) -> dict:
    scores: dict = {}
    stats = _text_stats(root)
    hidden: dict = {}  # element -> it or an ancestor is skipped (each asks its parent, not every ancestor)
    for el in root.iter():
        parent = el.getparent()
        hidden[el] = el in skip or (parent is not None and hidden.get(parent, False))
        if tag_of(el) not in PARAGRAPH_TAGS or el in skip:
            continue
        if tag_of(el) in {"div", "td"} and any(tag_of(c) in BLOCK_TAGS for c in el):
            continue
        if hidden[el]:
            continue
        chars, marks, _ = stats[el]
        if chars < 10:
            continue
        score = 1 + marks + min(chars / 100, 3)
        # a block of <br>-separated lines is a container of paragraphs itself
        target = el if len(el.findall("br")) >= 2 else el.getparent()
        for share in (1.0, 0.5, 0.25):
            if target is None:
                break
            scores[target] = scores.get(target, 0.0) + score * share
            target = target.getparent()
    return {el: s * (1 - min(stats[el][2] / (stats[el][0] or 1), 1.0)) for el, s in scores.items()}


def _link_density(el) -> float:
    total = len(squeeze(el.text_content())) or 1
    linked = sum(len(squeeze(a.text_content())) for a in el.iter("a"))
    return min(linked / total, 1.0)


def content_roots(root, skip: set) -> list:
    """The main text: the best-scored container, lifted out of a table's rows and out of
    wrappers that add no text, then the run of its siblings that are content too.

    A sibling is content when it scores close to the best, holds the attachment note
    (附件：1.…, often set apart as a list of links), or holds prose or a data table
    that is not mostly links: a notice and the tables it publishes are sibling blocks,
    the densest of them (a long table) is not the whole text. Whatever lies between
    two content siblings (a table's caption, a heading) is read too."""
    scores = _score_candidates(root, skip)
    if not scores:
        body = root.find("body")
        return [body if body is not None else root]
    best = max(scores, key=lambda el: scores[el])
    top = _lift(best, visible_sizes(root, skip))
    parent = top.getparent()
    if parent is None:
        return [top]
    floor = max(10.0, scores[best] * 0.25)
    siblings = [el for el in parent if tag_of(el) and el not in skip]
    keep = [k for k, el in enumerate(siblings) if el is top or scores.get(el, 0) >= floor
            or _attachment_note(el) or _content_block(el, skip)]
    return siblings[keep[0]:keep[-1] + 1]


def _lift(el, sizes: dict):
    """`el` out of the rows of a data table (a table is read whole, as rows), then up
    through the wrappers that hold no other visible text."""
    if tag_of(el) in _ROW_PARTS:
        table = next((a for a in self_and_ancestors(el) if tag_of(a) == "table"), None)
        if table is not None and is_data_table(table):
            el = table
    parent = el.getparent()
    while parent is not None and tag_of(parent) != "html" and sizes.get(parent, 0) == sizes.get(el, 0):
        el, parent = parent, parent.getparent()
    return el


def _content_block(el, skip: set) -> bool:
    """Prose (a sentence, `_PROSE` characters or more) or a data table, in what a reader
    sees of `el`, mostly not links."""
    text, linked, tables = _visible(el, skip)
    chars = len(squeeze(text))
    if not chars or linked * 4 >= chars:
        return False
    return tables or (chars >= _PROSE and _SENTENCE_END.search(text) is not None)


def _visible(el, skip: set) -> tuple[str, int, bool]:
    """The visible text of `el`, how many of its characters are links, and whether it holds a data table."""
    parts: list[str] = []
    linked = 0
    tables = False

    def walk(node, in_link: bool) -> None:
        nonlocal linked, tables
        if node in skip or not tag_of(node):
            return
        in_link = in_link or tag_of(node) == "a"
        tables = tables or (tag_of(node) == "table" and is_data_table(node))
        for piece in [node.text] + [x for child in node for x in (child, child.tail)]:
            if isinstance(piece, str):
                parts.append(piece)
                linked += len(squeeze(piece)) if in_link else 0
            elif piece is not None:
                walk(piece, in_link)

    walk(el, False)
    return "".join(parts), linked, tables


def is_data_table(table) -> bool:
    """A table of data (rows of cells) rather than page layout."""
    if table.find(".//table") is not None:
        return False
    rows = list(table.iter("tr"))
    return len(rows) >= 2 and max(sum(1 for c in r if tag_of(c) in {"td", "th"}) for r in rows) >= 2


def _attachment_note(el) -> bool:
    """A short block starting 附件 (the GB/T 9704 attachment note), often links only."""
    text = squeeze(el.text_content())
    return text.startswith("附件") and len(text) < 300


def heading_before(root, content, skip: set):
    """The nearest heading above the content: an `h1`, or a heading or *title*
    element whose words are in the page's `<title>` or read as a document's title
    (`…关于做好防汛工作的通知`, a sentence ending with the kind of a document); a
    side-column heading (`通知公告`) is neither."""
    title_el = root.find(".//title")
    page_title = squeeze(title_el.text_content()) if title_el is not None else ""
    found = None
    for el in root.iter():
        if el is content:
            break
        if el in skip or tag_of(el) in {"html", "body", "title"}:
            continue
        tag = tag_of(el)
        is_heading = tag in {"h1", "h2", "h3"} or re.search(
            r"title|biaoti|\bbt\b", f"{el.get('id', '')} {el.get('class', '')}", re.I)
        if not is_heading:
            continue
        text = squeeze(el.text_content())
        if not 4 <= len(text) <= 150 or _link_density(el) >= 0.5:
            continue
        titled = tag == "h1" or text in page_title or _reads_as_title(text)
        if titled and not _skipped(el, skip) and not _contains(el, content):
            found = el
    return found


def _reads_as_title(text: str) -> bool:
    """Long enough to be more than a section name, no sentence punctuation, ending with a kind of document."""
    folded = fold(text)
    return len(text) >= _TITLE_MIN and not re.search(r"[。,;:!?]", folded) and DOC_KIND_END.search(folded) is not None


def _contains(el, other) -> bool:
    return any(a is el for a in self_and_ancestors(other))
