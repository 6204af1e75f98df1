"""Segment a text into a lossless tree: front matter, body, closing, attachments.

`segment(text)` never rewrites the text; every node is an offset range into it,
and the top-level nodes tile `[0, len(text))`.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import StructureError
from ..markers import GBT_RANK, match_marker
from ..model import Node
from ..warnings import Finding
from . import body as body_mod
from .checks import numbering_warnings
from .closing import Signature, find_attachment, find_closing, find_unlabeled, read_signature, with_attachment_list
from .front import Front, read_front
from .letter import find_appended_draft
from .lines import Line, split_lines
from .tree import assign_kinds, freeze, split_paragraphs, unique
from .unbroken import unbreak_all

# the fewest characters of a paragraph of prose
_PROSE_MIN = 20
TOP_TYPES = {"bufen", "bian", "zhang", "tiao", "dun", "paren_cn", "arabic", "paren_arabic", "dec1", "dec2"}


@dataclass(frozen=True)
class Segmented:
    root: Node
    front: Front
    warnings: tuple[Finding, ...]
    signature: Signature = Signature()


def segment(text: str, name: str | None = None, titled: bool = False) -> Segmented:
    """Split `text` into the document tree; raise StructureError if it has no structure.
    `titled`: metadata beside the text gives its title, so a table alone is a document."""
    lines = unbreak_all(split_lines(text))
    appended = find_appended_draft(lines)
    candidate = _body_start(lines, 0 if appended is None else appended + 1)
    first_pass = read_front(lines, len(lines), letter_limit=candidate if candidate is not None else len(lines),
                            appended=appended)
    skip = max((b[2] for b in first_pass.blocks if b[0] in ("header", "breadcrumb", "letter")), default=0)
    toc = _find_toc(lines, skip)
    start_at = toc[1] if toc else skip
    body_start = _body_start(lines, start_at)
    if body_start is None or find_unlabeled(lines, start_at, body_start) < body_start:
        # no numbered body, or the numbers are a list's under the signature (一、综合类 in a 目录)
        return _unnumbered(text, lines, name, titled)
    front = read_front(lines, toc[0] if toc else body_start, appended=appended)
    attach = _find_attached(lines, body_start)
    closing, by_clause = find_closing(lines, body_start, attach)
    if closing < attach:
        closing = with_attachment_list(lines, body_start, closing)
    top = body_mod.build(lines[body_start:closing])
    if by_clause and top and not top[-1].children:
        # the clause is a paragraph of a last part that holds no numbered clauses
        closing = attach
        top = body_mod.build(lines[body_start:closing])
    for raw in top:
        split_paragraphs(raw)
    assign_kinds(top)

    return _assemble(text, lines, front, toc, top, closing, attach, _attachment_tree(lines, attach))


def _find_attached(lines: list[Line], start: int) -> int:
    """Where the attachments begin after `start`: a 附件 heading, or tables under the signature
    with no such label (see `find_unlabeled`); `len(lines)` if none."""
    attach = find_attachment(lines, start, len(lines))
    return find_unlabeled(lines, start, attach)


def _attachment_tree(lines: list[Line], attach: int) -> list[list]:
    """The numbered headings of each attachment (附件1, 附件2…: each numbers on its own), nested
    as in a body (一、号牌编码规则 / （一）汽车号牌…). Table rows (cells joined by tabs) are a
    table's, never headings, except a row of one cell spanning the table (a group heading of a
    list, `一、知识产权保护方面（共5项）`, which the loaders repeat in every column it spans): it
    stands for that cell."""
    trees = []
    start = attach
    while start < len(lines):
        end = find_attachment(lines, start + 1, len(lines))
        rows = [row for row in map(_spanning_cell, lines[start + 1:end]) if "\t" not in row.text]
        tree = body_mod.build(rows)  # text before the first heading stays the attachment's own
        for raw in tree:
            split_paragraphs(raw)
        assign_kinds(tree)
        trees.append(tree)
        start = end
    return trees


def _spanning_cell(line: Line) -> Line:
    """A table row whose cells all say the same (one cell spanning it) as a line of its first
    cell (offsets kept: the row's other cells stay in the line's range); any other line as it is."""
    cells = line.text.split("\t")
    if len(cells) < 2 or len({c.strip() for c in cells}) != 1:
        return line
    size = len(cells[0].rstrip())
    return Line(line.start, line.end, line.lo, line.lo + size, line.text[:size], line.folded[:size])


def _unnumbered(text: str, lines: list[Line], name: str | None, titled: bool = False) -> Segmented:
    """A document without numbered clauses (a 决定, a short notice, a call for comments whose
    title is only on its web page): front matter, its body as one preamble, and a closing.
    It needs a heading (title, number or cover letter) and a body, or else paragraphs of prose;
    text with neither (a list of names, table rows, stray words) has no structure, unless it
    is a table (two rows at least) whose title metadata gives (`titled`)."""
    attach = _find_attached(lines, 0)
    closing, _ = find_closing(lines, 0, attach)
    front = read_front(lines, closing)
    table = titled and sum("\t" in line.text for line in lines) >= 2
    headed = bool(front.title or front.doc_number or front.letter or table)
    has_body = any(kind == "preamble" for kind, _, _ in front.blocks)
    if not ((headed and (has_body or closing < attach)) or any(map(_prose, lines[:attach]))):
        raise StructureError("no structure found: no title, numbered headings, articles (一、 （一） 1. 第一条) "
                             "or paragraphs of prose", name)
    return _assemble(text, lines, front, None, [], closing, attach)


def _prose(line: Line) -> bool:
    """A paragraph a reader reads as prose: a Chinese sentence of some length (`为了加强湿地保护，
    …，现将我县第一批湿地保护名录予以公布。`), not a table row or a heading."""
    return (line.width >= _PROSE_MIN and "\t" not in line.text and ("，" in line.text or "," in line.text)
            and any(ch in line.text for ch in "。；！？"))


def _assemble(text: str, lines: list[Line], front: Front, toc: tuple[int, int] | None, top: list,
              closing: int, attach: int, appendices: list[list] | None = None) -> Segmented:
    """Top-level nodes tiling the text: front blocks, 目录, body, closing, attachments."""
    appendix = [raw for tree in appendices or [] for raw in tree]
    blocks = [(kind, lines[first].start) for kind, first, last in front.blocks if last > first]
    if toc:
        blocks.append(("toc", lines[toc[0]].start))
    used: dict[str, int] = {}
    items: list[tuple[int, object]] = [(start, kind) for kind, start in blocks]
    items += [(raw.start, raw) for raw in top]
    doc_index = {id(raw): k for k, raw in enumerate((r for r in top if r.type == "doc"), start=2)}
    if closing < attach:
        items.append((lines[closing].start, "closing"))
    if attach < len(lines):
        items.append((lines[attach].start, "attachment"))
    items.sort(key=lambda it: it[0])
    signature = read_signature(lines[closing:attach]) if closing < attach else Signature()
    children = []
    for i, (start, what) in enumerate(items):
        start = 0 if i == 0 else start
        end = items[i + 1][0] if i + 1 < len(items) else len(text)
        if what == "attachment" and appendix:
            node_id = unique(what, used)
            parts = [freeze(raw, appendix[k + 1].start if k + 1 < len(appendix) else end, node_id, used)
                     for k, raw in enumerate(appendix)]
            children.append(Node(id=node_id, kind=what, start=start, end=end, children=tuple(parts)))
        elif isinstance(what, str):
            children.append(Node(id=unique(what, used), kind=what, start=start, end=end,
                                 title=_block_title(what, front)))
        else:
            what.start = start
            children.append(freeze(what, end, "", used, doc_index.get(id(what), 0)))
    root = Node(id="doc", kind="document", start=0, end=len(text), children=tuple(children))
    warnings = tuple(numbering_warnings(top)) + tuple(w for tree in appendices or [] for w in numbering_warnings(tree))
    return Segmented(root, front, warnings, signature)


def _block_title(kind: str, front: Front) -> str | None:
    if kind == "title":
        return front.title
    if kind == "letter" and front.letter:
        return front.letter.title
    return None


def _find_toc(lines: list[Line], start: int) -> tuple[int, int] | None:
    """A 目录 block: from the 目录 line to where its first entry's heading comes again."""
    for i in range(start, min(len(lines), start + 80)):
        if lines[i].folded.replace(" ", "") != "目录":
            continue
        first = None
        for j in range(i + 1, len(lines)):
            m = match_marker(lines[j].folded, lines[j].text)
            if m is None:
                continue
            if first is None:
                first = (m.type, m.ordinal)
            elif (m.type, m.ordinal) == first:
                return i, j
        return None
    return None


def _body_start(lines: list[Line], start: int) -> int | None:
    """The first line numbered 1 at a level that can open a body, or an earlier line of a
    higher level (an excerpt may start at 三、 before its （一）), else the first numbered line."""
    seen: list[tuple[int, str]] = []
    for i in range(start, len(lines)):
        line = lines[i]
        if line.blank:
            continue
        m = match_marker(line.folded, line.text)
        if (not m or m.type not in TOP_TYPES or m.ordinal >= body_mod.LIST_ONLY_FROM
                or (m.type == "dec1" and not _opens_sections(lines, i))):
            continue
        if m.ordinal == 1:
            rank = GBT_RANK.get(m.type)
            higher = [j for j, t in seen if rank is not None and GBT_RANK.get(t, 99) < rank]
            return higher[0] if higher else i
        seen.append((i, m.type))
    return seen[0][0] if seen else None


def _opens_sections(lines: list[Line], i: int) -> bool:
    """`1　总则` opens decimal sections when the next line is `1.1　…` (not a table row `1 单位名`)."""
    k = i + 1
    while k < len(lines) and lines[k].blank:
        k += 1
    m = match_marker(lines[k].folded, lines[k].text) if k < len(lines) else None
    return m is not None and m.type == "dec2" and m.ordinal == 1
