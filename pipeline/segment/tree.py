"""Raw nodes to frozen `Node`s: kinds, ids, titles, offsets that tile the text."""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Node
from .body import Raw
from .lines import Line, continues

REGULATION_KIND = {"bufen": "part", "bian": "book", "zhang": "chapter", "jie": "section", "tiao": "article", "para": "paragraph"}
ID_PREFIX = {
    "part": "p", "action": "a", "measure": "m", "item": "i", "book": "bk", "chapter": "ch",
    "section": "sec", "article": "art", "paragraph": "para", "subdocument": "d",
}
GLOBAL_IDS = {"book", "chapter", "article"}
_HEADING_MAX = 40
_TITLE_MAX = 50
_CLAUSE_MAX = 24
# `组 长：杨天华`, `第一组：车垌、湘汉`, `工作职责：`: a short label (no punctuation) before a colon
_LABEL = re.compile(r"^[\u4e00-\u9fff\s]{1,8}:")
# `（三）责任单位及承办科室：…`, `4.责任单位：…`: a numbered field naming who is responsible
_NOTE_FIELD = re.compile(r"\s*(?:责任|牵头|负责|主办|主责)(?:单位|部门)[^:\n。]{0,14}:")


def assign_kinds(nodes: list[Raw], parent_kind: str | None = None, top: bool = True) -> None:
    """Say what each raw node is, from its marker family, its place and its own text.

    Top-level siblings of one marker type share a kind: parts when all are short
    headings or one is a heading over children, else measures (a notice's 一、… items).
    A heading over fields one of which names the responsible units is a measure (`_note_fields`).
    """
    parts_at_top = {
        t: (all(_short_heading(r.lines[0]) for r in group)
            or any(r.children and _short_heading(r.lines[0]) for r in group))
        and not _one_paragraph_each(group)
        for t, group in _by_type(nodes).items()
    } if top else {}
    for raw in nodes:
        if raw.type == "doc":
            raw.kind = "subdocument"
        elif raw.type in REGULATION_KIND:
            raw.kind = REGULATION_KIND[raw.type]
        elif parent_kind in ("article", "paragraph", "measure", "item"):
            raw.kind = "item"
        elif _note_fields(raw):
            raw.kind = "measure"
        elif top:
            raw.kind = "part" if parts_at_top[raw.type] else "measure"
        elif (parent_kind != "action" and raw.children and _short_heading(raw.lines[0])
              and _labels_only(raw)):
            raw.kind = "action"
        else:
            raw.kind = "measure"
    if not top:
        _one_kind_over_lists(nodes)
    for raw in nodes:
        if raw.type == "doc":
            assign_kinds(raw.children)
        else:
            assign_kinds(raw.children, raw.kind, top=False)


def _note_fields(raw: Raw) -> bool:
    """Whether a numbered child of the heading is a field naming who is responsible: the heading is
    then one measure and its children are its fields, items (`一、优化土地出让方式` over
    `（一）适用范围：…` `（二）办理流程：…` `（三）责任单位及承办科室：…`)."""
    return any(c.marker is not None and _NOTE_FIELD.match(c.line.folded[c.marker.end:]) for c in raw.children)


def _one_kind_over_lists(nodes: list[Raw]) -> None:
    """Siblings of one marker type that hold numbered lists share one kind, so the lists below
    them do too: under `（一）加强基础设施` (a heading: an action) and `（二）推进产业发展，…。`
    (a sentence: a measure) the `1.` lists are both measures or both items, never one of each.
    The kind most of them have wins, an action on a tie; siblings without a list keep theirs."""
    for type_ in {r.type for r in nodes}:
        holders = [r for r in nodes if r.type == type_ and r.kind in ("action", "measure")
                   and any(c.marker is not None for c in r.children)]
        actions = sum(r.kind == "action" for r in holders)
        if 0 < actions < len(holders):
            kind = "action" if 2 * actions >= len(holders) else "measure"
            for r in holders:
                r.kind = kind


def _by_type(nodes: list[Raw]) -> dict[str, list[Raw]]:
    groups: dict[str, list[Raw]] = {}
    for raw in nodes:
        groups.setdefault(raw.type, []).append(raw)
    return groups


def _one_paragraph_each(group: list[Raw]) -> bool:
    """Headings that each title one paragraph and hold nothing numbered are measures, not parts:
    `一、加大信贷投放力度` over the one paragraph of that measure (a 若干措施 numbered 一、 to 十二、).
    The last heading of a run may carry more: the text's closing paragraphs run on under it
    (`十二、简化住宅价格备案流程` over its paragraph, then `本措施自发布之日起施行…`), so it is
    excused when at least two headings before it title one paragraph. A part holds several
    paragraphs or numbered children."""
    if len(group) < 2 or any(r.children for r in group):
        return False
    if all(_paragraphs(r) == 1 for r in group):
        return True
    rest = [r for k, r in enumerate(group) if not _ends_run(group, k)]
    return len(rest) >= 2 and all(_paragraphs(r) == 1 for r in rest)


def _ends_run(group: list[Raw], k: int) -> bool:
    """Whether `group[k]` is the last of its numbering: no sibling follows it with the next number."""
    after = group[k + 1] if k + 1 < len(group) else None
    return after is None or after.ordinal != (group[k].ordinal or 0) + 1


def _labels_only(raw: Raw) -> bool:
    """Whether all that stands between the heading line and the numbered children is label lines:
    nothing, or a roster and a lead-in such as `组 长：杨天华` / `组 员：覃坚、…、` (wrapped) /
    `工作职责：` under `（一）演出现场组` — a group named by its heading, its duties numbered below,
    so an action over measures. A paragraph of prose there makes the heading a measure."""
    return all(_LABEL.match(text) for text in _paragraph_texts(raw))


def _paragraph_texts(raw: Raw) -> list[str]:
    """The folded text of each paragraph after the heading line (wrapped lines joined)."""
    texts: list[str] = []
    prev = None
    for line in raw.lines[1:]:
        if line.blank:
            continue
        if prev is not None and continues(prev, line):
            texts[-1] += line.folded
        else:
            texts.append(line.folded)
        prev = line
    return texts


def _paragraphs(raw: Raw) -> int:
    """How many paragraphs follow the heading line (wrapped lines continue theirs)."""
    return len(_paragraph_texts(raw))


def _short_heading(line: Line) -> bool:
    """One short heading: at most 40 characters, no 。 but possibly a final one."""
    body = line.folded.rstrip("。 ")
    return line.width <= _HEADING_MAX and "。" not in body


def split_paragraphs(raw: Raw) -> None:
    """Give an article with two or more paragraphs (款) one `para` child each."""
    for child in raw.children:
        split_paragraphs(child)
    if raw.type != "tiao":
        return
    groups: list[list[Line]] = []
    prev = None
    for line in raw.lines:
        if line.blank:
            if groups:
                groups[-1].append(line)
            continue
        if groups and prev is not None and continues(prev, line):
            groups[-1].append(line)
        else:
            groups.append([line])
        prev = line
    has_paras = any(c.type == "para" for c in raw.children)
    if len(groups) < 2 and not has_paras:
        return
    first_line = raw.lines[0]
    marker_end = first_line.lo + raw.marker.end
    while marker_end < first_line.hi and first_line.text[marker_end - first_line.lo].isspace():
        marker_end += 1
    paras = []
    for k, group in enumerate(groups):
        start = marker_end if k == 0 else group[0].start
        paras.append(Raw(type="para", line=group[0], lines=group, start=start))
    leading = []
    while raw.children and raw.children[0].type != "para":
        leading.append(raw.children.pop(0))
    paras[-1].children.extend(leading)
    raw.children[:0] = paras
    raw.lines = raw.lines[:1]


def freeze(raw: Raw, end: int, parent_id: str, used: dict[str, int], para_index: int = 0) -> Node:
    """Build the frozen node for `raw` ending at `end` (the next sibling's start)."""
    kind = raw.kind or "paragraph"
    marker = raw.marker
    if marker is None:
        ordinal, num, marker_text = para_index, None, None
    else:
        ordinal, num = marker.ordinal, marker.num
        marker_text = raw.line.text[marker.start:marker.end]
    prefix = ID_PREFIX.get(kind, kind)
    local = f"{prefix}{ordinal}"
    node_id = local if kind in GLOBAL_IDS or not parent_id else f"{parent_id}.{local}"
    node_id = unique(node_id, used)
    children = []
    counted = {"para": 0, "doc": 1}
    for i, child in enumerate(raw.children):
        child_end = raw.children[i + 1].start if i + 1 < len(raw.children) else end
        if child.type in counted:
            counted[child.type] += 1
        children.append(freeze(child, child_end, node_id, used, counted.get(child.type, 0)))
    return Node(
        id=node_id, kind=kind, start=raw.start, end=end, num=num, ordinal=ordinal,
        marker=marker_text, title=_title(raw, kind), children=_sibling_headings(raw.children, children))


def unique(node_id: str, used: dict[str, int]) -> str:
    """`node_id`, else the first of `node_id_2`, `node_id_3`… not taken yet.

    `used` maps each id taken to the next suffix worth trying for it, so a thousand
    `p1`s (a text of 一、 only) cost one step each, not a search from `_2`."""
    if node_id not in used:
        used[node_id] = 2
        return node_id
    n = used[node_id]
    while f"{node_id}_{n}" in used:
        n += 1
    used[node_id] = n + 1
    candidate = f"{node_id}_{n}"
    used[candidate] = 2
    return candidate


def _title(raw: Raw, kind: str) -> str | None:
    """The short heading before the first 。 on the node's first line, or None."""
    if kind == "subdocument":
        return raw.line.text
    if kind in ("article", "paragraph") or raw.marker is None:
        return None
    line = raw.line
    rest = line.text[raw.marker.end:].strip()
    if rest.startswith(("、", ".", "．")):
        rest = rest[1:].strip()
    if kind in ("chapter", "section", "book"):
        pieces = rest.split()
        return "".join(pieces) if all(len(p) == 1 for p in pieces) else rest or None
    cut = re.search(r"[。．]", rest)
    head = (rest[:cut.start()] if cut else rest).rstrip("；;，,：:")
    sentence_like = re.search(r"[，,；;]", head) and len(head) > _CLAUSE_MAX
    if not head or len(head) > _TITLE_MAX or sentence_like:
        return None
    return head


def _sibling_headings(raws: list[Raw], nodes: list[Node]) -> tuple[Node, ...]:
    """Measures and actions whose heading is a sentence of two phrases get it as their title
    when most of their siblings of that kind have a title: `（二）实施工业绿色生产，推动大宗
    工业固体废物贮存处置总量趋零增长。全面实施…` among `（一）强化顶层设计引领，发挥政府宏观指导作用`…"""
    for kind in ("measure", "action"):
        same = [k for k, n in enumerate(nodes) if n.kind == kind]
        untitled = [k for k in same if nodes[k].title is None]
        if not untitled or 2 * (len(same) - len(untitled)) < len(same):
            continue
        for k in untitled:
            head = _heading_sentence(raws[k])
            if head:
                nodes[k] = replace(nodes[k], title=head)
    return tuple(nodes)


def _heading_sentence(raw: Raw) -> str | None:
    """The node's first sentence when it is a paired heading followed by more text, else None."""
    rest = raw.line.text[raw.marker.end:].strip().lstrip("、.．").strip() if raw.marker else ""
    cut = re.search(r"[。．]", rest)
    if cut is None or not rest[cut.end():].strip():
        return None
    head = rest[:cut.start()]
    return head if _paired_heading(head) else None


def _paired_heading(head: str) -> bool:
    """A measure's heading sentence of two phrases, followed by its text (`（二）实施工业绿色生产，
    推动大宗工业固体废物贮存处置总量趋零增长。全面实施…`): at most 40 characters, one comma, no
    semicolon or colon, and no 的-clause opening it (`对符合条件的企业，给予…` is a sentence of
    the text, not a heading)."""
    if len(head) > _HEADING_MAX or re.search(r"[；;：:]", head) or len(re.findall(r"[，,]", head)) != 1:
        return False
    first = re.split(r"[，,]", head)[0]
    return not first.endswith("的") and not re.match(r"对|凡|经|在|根据|按照|依照|为了|为|如|若|因", first)
