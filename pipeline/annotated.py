"""The annotated page: a document as one self-contained HTML page, its annotations marked.

What a reader opens first: the title, a summary (responsibility notes and lead
units, money terms by role, targets, the comment deadline), a legend with
Chinese labels, the cover letter folded away, then the text with headings
styled as the document's own levels (一、 黑体, （一） 楷体, 1. 仿宋 bold; 第X章
centred, 第X条 黑体) and each unit, amount, unquantified support and target
marked in its colour, the label shown on hover and beside it (beside a co-unit
only on hover: there are many). The whole text is
there, in order; nothing is fetched from elsewhere. Same document, same bytes.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from .entities import entities, non_overlapping
from .kinds import CLAUSE_KINDS
from .model import Document, Node

# label -> (Chinese label, colour), in legend order
LABELS: dict[str, tuple[str, str]] = {
    "UNIT_LEAD": ("牵头单位", "#fff59d"),
    "UNIT": ("责任单位", "#fffde7"),
    "MONEY_GRANT": ("资金奖补", "#c8e6c9"),
    "MONEY_RATE": ("补助比例", "#dcedc8"),
    "MONEY_CAP": ("支持上限", "#ffcdd2"),
    "MONEY_FUND_SIZE": ("基金规模", "#c5cae9"),
    "MONEY_THRESHOLD": ("门槛条件", "#e1bee7"),
    "MONEY_SHARE": ("比重", "#d7ccc8"),
    "MONEY_BUDGET_GROWTH": ("投入增长", "#b2dfdb"),
    "MONEY_FINE": ("罚款", "#ef9a9a"),
    "MONEY_FEE": ("收费", "#f0f4c3"),
    "MONEY_OTHER": ("其他金额", "#eeeeee"),
    "SUPPORT": ("未定额支持", "#ffe0b2"),
    "TARGET": ("目标指标", "#b3e5fc"),
    "REFERENCES": ("引用文件", "#f5f5f5"),
}
ROLE_NAMES = {label[6:].lower(): name for label, (name, _) in LABELS.items() if label.startswith("MONEY_")}
HEADING = {"part": "h2", "book": "h2", "chapter": "h2", "action": "h3", "section": "h3"}
CENTRED = frozenset({"book", "chapter", "section"})
FRONT = {"breadcrumb": "crumb", "header": "crumb", "toc": "toc"}

CSS = """
body{margin:0;background:#f4f4f1;color:#222;font:17px/1.9 "FangSong","仿宋","仿宋_GB2312","STFangsong",
"Noto Serif CJK SC","Source Han Serif SC",serif}
main{max-width:52em;margin:0 auto;background:#fff;padding:2em 3em 4em;box-shadow:0 0 6px #ccc}
nav{font:14px/1.6 sans-serif;margin-bottom:1em}nav a{margin-right:1em}
h1{font:bold 26px/1.5 "STZhongsong","SimSun","宋体","Noto Serif CJK SC",serif;text-align:center;margin:.6em 0 .2em}
.status,.meta{text-align:center;margin:0}.meta{font:14px/1.6 sans-serif;color:#555}
h2,h3,.runin{font-size:17px;margin:1.2em 0 .3em}
h2{font-family:"SimHei","黑体","Noto Sans CJK SC","Source Han Sans SC",sans-serif;font-weight:normal}
h3{font-family:"KaiTi","楷体","楷体_GB2312","STKaiti","Noto Serif CJK SC",serif;font-weight:bold}
h2.centred,h3.centred{text-align:center}
.runin{font-weight:bold;display:inline;margin:0}.article>.runin{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;font-weight:normal}
p{margin:0;text-indent:2em}
.item{padding-left:2em;text-indent:0}
.crumb,.toc{font:13px/1.6 sans-serif;color:#777;text-indent:0}
.summary,.legend{font:14px/1.7 sans-serif;background:#fafafa;border:1px solid #ddd;border-radius:4px;padding:.6em 1em;
margin:1em 0}
.summary h4,.legend h4{margin:0 0 .3em;font-size:14px}
.summary ul{margin:0;padding-left:1.2em}.summary td{padding:0 1em 0 0}
.legend span{display:inline-block;margin:.15em .6em .15em 0;padding:0 .4em;border-radius:3px}
details.letter{font-size:15px;border:1px dashed #bbb;border-radius:4px;padding:.3em 1em;margin:1em 0;background:#fcfcfa}
details.letter summary{cursor:pointer;font:14px/1.8 sans-serif;color:#555}
mark{padding:0 .15em;border-radius:3px;color:inherit}
mark::after{content:attr(data-label);font:10px/1 sans-serif;color:#555;margin-left:.25em;vertical-align:1px}
mark.references{background:none;border-bottom:1px dotted #888}mark.references::after,mark.unit::after{content:none}
@media print{body{background:#fff}main{box-shadow:none;max-width:none;padding:0}details.letter{display:none}
mark::after{content:none}}
"""


def highlights(doc: Document) -> list[tuple[int, int, str]]:
    """The spans the page marks: every layer's records, the first of any overlapping ones."""
    return non_overlapping(entities(doc))


def render_page(doc: Document, links: Sequence[tuple[str, str]] = ()) -> str:
    """The page as HTML text; `links` (label, href) go in a bar at the top (the index, the tables)."""
    marks = highlights(doc)
    page = _Page(doc, marks)
    title = escape(doc.title or doc.doc_id)
    nav = "".join(f'<a href="{escape(href)}">{escape(label)}</a>' for label, href in links)
    head = [f"<h1>{title}</h1>"]
    if doc.status:
        head.append(f'<p class="status">（{escape(doc.status)}）</p>')
    meta = " · ".join(escape(x) for x in (doc.issuer, doc.doc_number, doc.date) if x)
    if meta:
        head.append(f'<p class="meta">{meta}</p>')
    body = "".join(page.node(child) for child in doc.root.children)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}（批注）</title>'
            f"<style>{CSS}</style></head><body><main>"
            + (f"<nav>{nav}</nav>" if nav else "")
            + "".join(head) + summary_html(doc, marks) + legend_html(marks) + body
            + "</main></body></html>\n")


def summary_html(doc: Document, marks: list[tuple[int, int, str]]) -> str:
    """Counts a reader wants before the text: notes and lead units, money by role, targets, deadlines."""
    notes = doc.layer("responsibilities")
    leads = {r.lead_normalized for r in notes.all() if r.lead_normalized}
    measures = sum(1 for n in doc.nodes() if n.kind in CLAUSE_KINDS)
    noted = sum(1 for n in doc.nodes() if n.kind in CLAUSE_KINDS and any(notes.of(m.id) for m in n.walk()))
    roles = Counter(t.role for t in doc.layer("money").all())
    money = "、".join(f"{ROLE_NAMES.get(role, role)} {count}" for role, count in sorted(roles.items(),
                                                                                      key=lambda x: -x[1]))
    rows = [("条款", f"{measures} 条，其中 {noted} 条写明责任单位" if measures else "无编号条款"),
            ("责任分工", f"{len(notes)} 处，牵头单位 {len(leads)} 个" if notes else "未写明"),
            ("资金条款", f"{len(doc.layer('money'))} 处（{money}）" if roles else "无"),
            ("未定额支持", f"{len(doc.layer('support'))} 处"),
            ("目标指标", f"{len(doc.layer('targets'))} 项")]
    letter = doc.letter
    if letter and letter.deadline:
        shown = letter.deadline.replace("T", " ")
        rows.append(("意见截止", shown + (f"（{letter.deadline_text}）" if letter.deadline_text else "")))
    if letter and (letter.contact_name or letter.contact_phone):
        rows.append(("联系人", " ".join(x for x in (letter.contact_name, letter.contact_phone) if x)))
    deadlines = sorted({r.deadline for r in notes.all() if r.deadline})
    if deadlines:
        rows.append(("完成时限", "；".join(deadlines)))
    cells = "".join(f"<tr><td>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows)
    return f'<section class="summary"><h4>概要</h4><table>{cells}</table></section>'


def legend_html(marks: list[tuple[int, int, str]]) -> str:
    """Each label the page uses, in its colour, with how many times it is marked."""
    counts = Counter(label for _, _, label in marks)
    chips = "".join(f'<span style="background:{_colour(label)}">{escape(_name(label))} {counts[label]}</span>'
                    for label in [*LABELS, *sorted(set(counts) - set(LABELS))] if counts[label])
    return f'<section class="legend"><h4>图例</h4>{chips or "（无标注）"}</section>'


def _name(label: str) -> str:
    return LABELS.get(label, (label.lower(), ""))[0]


def _colour(label: str) -> str:
    return LABELS.get(label, ("", "#e0e0e0"))[1]


class _Page:
    """Renders nodes; marks are clipped to the piece of text being written."""

    def __init__(self, doc: Document, marks: list[tuple[int, int, str]]):
        self.doc, self.text, self.marks = doc, doc.text, marks

    def node(self, node: Node) -> str:
        if node.kind == "letter":
            inner = self.lines(node.start, node.end, "p")
            title = self.doc.letter.title if self.doc.letter and self.doc.letter.title else "征求意见函"
            return (f'<details class="letter"><summary>{escape(title)}（点击展开）</summary>{inner}</details>')
        if node.kind == "title":
            return ""
        if node.kind in FRONT:
            return self.lines(node.start, node.own_end, "p", FRONT[node.kind])
        own = self.own(node)
        return own + "".join(self.node(child) for child in node.children)

    def own(self, node: Node) -> str:
        """The node's own text: a heading line for a part or chapter, a run-in heading for a
        measure or article, paragraphs for the rest."""
        start, end = node.start, node.own_end
        while start < end and self.text[start] in " \t\r\n\u3000\u2003\u00a0":
            start += 1
        if node.kind in HEADING:
            line_end = self.text.find("\n", start, end)
            line_end = end if line_end < 0 else line_end
            tag = HEADING[node.kind]
            centred = ' class="centred"' if node.kind in CENTRED else ""
            return f"<{tag}{centred}>{self.piece(start, line_end)}</{tag}>" + self.lines(line_end, end, "p")
        if node.kind in CLAUSE_KINDS:
            cut = self.runin_end(node, start, end)
            rest = self.lines(cut, end, "p")
            first = f'<p class="{node.kind}"><span class="runin">{self.piece(start, cut)}</span>'
            if rest.startswith("<p>"):
                return first + rest[3:]
            return first + "</p>" + rest
        cls = "item" if node.kind in ("item", "paragraph") and node.marker else None
        return self.lines(start, end, "p", cls)

    def runin_end(self, node: Node, start: int, end: int) -> int:
        """Where a clause's run-in heading ends: after its title and the 。 that closes it, else after
        its marker."""
        if node.title:
            at = self.text.find(node.title, start, end)
            if at >= 0:
                stop = at + len(node.title)
                return stop + 1 if stop < end and self.text[stop] in "。." else stop
        if node.marker and self.text.startswith(node.marker, start):
            return start + len(node.marker)
        return start

    def lines(self, start: int, end: int, tag: str, cls: str | None = None) -> str:
        """One element per non-blank line of [start, end), leading indentation dropped (CSS indents)."""
        out, at = [], start
        attr = f' class="{cls}"' if cls else ""
        while at < end:
            stop = self.text.find("\n", at, end)
            stop = end if stop < 0 else stop
            lead = at
            while lead < stop and self.text[lead] in " \t\r\u3000\u2003\u00a0":
                lead += 1
            if self.text[lead:stop].strip():
                out.append(f"<{tag}{attr}>{self.piece(lead, stop)}</{tag}>")
            at = stop + 1
        return "".join(out)

    def piece(self, start: int, end: int) -> str:
        """Escaped text of [start, end) with the marks inside it."""
        out, at = [], start
        for s, e, label in self.marks:
            if e <= start or s >= end:
                continue
            s, e = max(s, start), min(e, end)
            if s < at:
                continue
            out.append(escape(self.text[at:s]))
            name = _name(label)
            out.append(f'<mark class="{escape(label.lower())}" style="background:{_colour(label)}" '
                       f'data-label="{escape(name)}" title="{escape(name)}">{escape(self.text[s:e])}</mark>')
            at = e
        out.append(escape(self.text[at:end].rstrip("\r")))
        return "".join(out)
