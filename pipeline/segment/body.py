"""The body tree: numbered lines become nested nodes, depth from marker order.

Regulation markers (编 > 章 > 节 > 条) have a fixed rank; policy markers
(一、 （一） 1. （1） ①) nest in the order they first appear, so skipped or
reused levels still give the tree the document means. Non-marker lines belong to
the deepest open node; inside an article they start a new paragraph (款).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..markers import INLINE_AT, REGULATION_RANK, Marker, inline_markers, match_marker
from .lines import Line, continues

# From 1000 on, an Arabic-numbered line is an item only where it continues its list (999. before
# 1000.); alone, `2024.` or `(2035)` opening a line is a year.
LIST_ONLY_FROM = 1000
# a chapter heading printed without its number after numbered chapters: `附　则`
_UNNUMBERED_CHAPTER = re.compile(r"#*(?:附则|总则)")
# what a line opens with when it may be a decimal section below the first level: `1.1`, `2.1.2`
_DECIMAL_HEAD = re.compile(r"\s*\d{1,2}\.\d")


@dataclass
class Raw:
    """A node under construction: the lines it owns and its children."""

    type: str
    line: Line
    marker: Marker | None = None
    children: list["Raw"] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    kind: str = ""
    start: int = -1

    @property
    def ordinal(self) -> int | None:
        return self.marker.ordinal if self.marker else None


def build(lines: list[Line]) -> list[Raw]:
    """Nest the body lines into raw nodes; return the top-level ones."""
    top: list[Raw] = []
    stack: list[Raw] = []
    last_of: dict[int, dict[str, Raw]] = {}  # id of a sibling list -> its last node of each type
    last = {"tiao": 0, "zhang": 0, "bian": 0, "bufen": 0}
    last_jie = 0
    prev: Line | None = None
    sections = _has_decimal_sections(lines)
    for line in _lines_split(lines, stack):
        if line.blank:
            if stack:
                stack[-1].lines.append(line)
            prev = line
            continue
        marker = match_marker(line.folded, line.text)
        if marker is None and last["zhang"] and _UNNUMBERED_CHAPTER.fullmatch(line.folded.replace(" ", "")):
            marker = Marker("zhang", "", last["zhang"] + 1, 0, 0)
        if marker and marker.type == "dec1" and not sections:
            marker = None
        if marker and not _accept(marker, line, prev, stack, last, last_jie):
            marker = None
        if marker is None:
            _add_text(line, prev, stack)
            prev = line
            continue
        node = Raw(type=marker.type, line=line, marker=marker, lines=[line], start=line.start)
        if marker.is_regulation:
            if marker.type in last:
                last[marker.type] = marker.ordinal
            if marker.type == "zhang":
                last_jie = 0
            if marker.type == "jie":
                last_jie = marker.ordinal
            rank = REGULATION_RANK[marker.type]
            while stack and (stack[-1].type not in REGULATION_RANK or REGULATION_RANK[stack[-1].type] >= rank):
                if stack[-1].type not in REGULATION_RANK and not _in_article(stack) and marker.type == "tiao":
                    break
                stack.pop()
        else:
            doc = _restart(node, stack, top, last_of)
            if doc is not None:
                top.append(doc)
                stack[:] = [doc]
            _place_policy(node, stack)
        siblings = stack[-1].children if stack else top
        siblings.append(node)
        last_of.setdefault(id(siblings), {})[node.type] = node
        stack.append(node)
        prev = line if marker.type == "tiao" or _in_article(stack) else None
    return top


def _has_decimal_sections(lines: list[Line]) -> bool:
    """Whether the body numbers sections `1.1`, `2.1.2`: only then is `1　总则` a section."""
    for line in lines:
        if _DECIMAL_HEAD.match(line.folded) and "\t" not in line.folded:
            marker = match_marker(line.folded, line.text)
            if marker is not None and marker.type.startswith("dec") and marker.type != "dec1":
                return True
    return False


def _lines_split(lines: list[Line], stack: list[Raw]) -> Iterator[Line]:
    """The lines with inline lists cut (see `split_inline`), each read when the lines before it
    are placed: the deepest open node (`stack`, as `build` leaves it) says which number a
    broken line may go on with."""
    for k, line in enumerate(lines):
        if line.blank or not INLINE_AT.search(line.folded):
            yield line  # no marker after a `：`, `；` or `。`: nothing to cut
            continue
        opened = next((r.marker for r in reversed(stack) if r.marker is not None), None)
        following = next((ln for ln in lines[k + 1:k + 4] if not ln.blank), None)
        yield from split_inline(line, opened, following)


def split_inline(line: Line, opened: Marker | None = None, following: Line | None = None) -> list[Line]:
    """A line holding an inline list, cut into one line per item (offsets kept).

    `有下列情形之一的：1.死亡的；2.失踪的；3.…` -> the lead-in and one line per item; a line
    that opens with `（五）` and goes on `；（六）…；（七）…` -> one line each. Items count on
    from each other (1, 2, 3… or on from the line's own marker, or, on a line that carries on
    a broken item, from the `opened` one's), each after `：`, `；` or `。`. A lone `1.` is an
    item only when the `following` line goes on with `2.`; numbers out of step stay text.
    """
    if line.blank or not any(ch in line.folded for ch in ":;。"):
        return [line]
    inline = inline_markers(line.folded)
    if not inline:
        return [line]
    own = match_marker(line.folded, line.text)
    cuts = _run(inline, own.type, own.ordinal + 1) if own and own.type in _INLINE_KINDS else []
    if not cuts and own is None and opened is not None and opened.type in _INLINE_KINDS:
        cuts = _run(inline, opened.type, opened.ordinal + 1)
        cuts = cuts if cuts and line.folded[:cuts[0].start].rstrip().endswith(";") else []
    if not cuts:
        first = next((m for m in inline if m.ordinal == 1 and line.folded[:m.start].rstrip().endswith((":", "。"))),
                     None)
        cuts = _run(inline[inline.index(first):], first.type, 1) if first else []
        nxt = match_marker(following.folded, following.text) if following is not None and len(cuts) == 1 else None
        cuts = cuts if len(cuts) >= 2 or (nxt and (nxt.type, nxt.ordinal) == (cuts[0].type, 2)) else []
    if not cuts:
        return [line]
    bounds = [0] + [m.start for m in cuts] + [len(line.text)]
    parts = []
    for a, b in zip(bounds, bounds[1:]):
        text = line.text[a:b].rstrip()
        if not text:
            continue
        lo = line.lo + a
        start = line.start if a == 0 else lo
        end = line.lo + b if b < len(line.text) else line.end
        parts.append(Line(start, end, lo, lo + len(text), text, line.folded[a:a + len(text)]))
    return parts


_INLINE_KINDS = ("paren_cn", "arabic", "paren_arabic", "circled")


def _run(markers: list[Marker], type_: str, ordinal: int) -> list[Marker]:
    """The markers of `type_` counting on from `ordinal`, in order (others in between skipped)."""
    out = []
    for m in markers:
        if m.type == type_ and m.ordinal == ordinal:
            out.append(m)
            ordinal += 1
    return out


def _restart(node: Raw, stack: list[Raw], top: list[Raw], last_of: dict[int, dict[str, Raw]]) -> Raw | None:
    """A second document issued together with the first (一、 again after 九、, under a title line).

    Returns a `doc` node holding the title line and the lines after it, taken from
    the deepest open node, or None when numbering does not restart under a title.
    `last_of` holds the last node of each type of every sibling list built so far.
    """
    if node.ordinal != 1 or not stack or _in_article(stack):
        return None
    siblings = stack[0].children if stack[0].type == "doc" else top
    same = last_of.get(id(siblings), {}).get(node.type)
    if same is None or same.ordinal < 2:
        return None
    holder = stack[-1]
    content = [k for k, ln in enumerate(holder.lines) if not ln.blank]
    for pos in range(len(content) - 1, max(len(content) - 4, 0), -1):
        k = content[pos]
        line, before = holder.lines[k], holder.lines[content[pos - 1]]
        title_like = line.width <= 40 and not any(ch in line.folded for ch in "。:;,")
        if title_like and before.folded[-1] in "。.;；" and match_marker(line.folded, line.text) is None:
            moved = holder.lines[k:]
            del holder.lines[k:]
            return Raw(type="doc", line=line, lines=moved, start=line.start)
    return None


def _accept(marker: Marker, line: Line, prev: Line | None, stack: list[Raw], last: dict, last_jie: int) -> bool:
    """Whether a marker-looking line really starts a new unit (not a wrapped sentence)."""
    after = line.folded[marker.end:marker.end + 1]
    wrapped = prev is not None and continues(prev, line)
    if marker.type == "dec1":  # `1　总则`: a bare number is a section only before a short heading
        rest = line.folded[marker.end:]
        return not wrapped and len(rest.strip()) <= 20 and not any(ch in rest for ch in "。,;:\t")
    if marker.type in last:
        prev_ord = last[marker.type]
        if marker.ordinal == prev_ord + 1:
            return not (wrapped and after not in (" ", ""))
        return prev_ord < marker.ordinal <= prev_ord + 30 and not wrapped and (after in (" ", "") or marker.type != "tiao")
    if marker.type == "jie":
        return marker.ordinal in (last_jie + 1, 1) and not wrapped
    if wrapped or marker.ordinal >= LIST_ONLY_FROM:
        sibling = next((n for n in reversed(stack) if n.type == marker.type), None)
        return sibling is not None and marker.ordinal == sibling.ordinal + 1
    return True


def _in_article(stack: list[Raw]) -> bool:
    return any(n.type == "tiao" for n in stack)


def _place_policy(node: Raw, stack: list[Raw]) -> None:
    """Pop the stack so that `node` lands at the level its marker type holds."""
    art = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].type == "tiao"), None)
    same = [k for k in range(len(stack)) if stack[k].type == node.type]
    inside = [k for k in same if art is None or k > art]
    if inside:
        del stack[inside[-1]:]
        return
    if art is not None:
        above = [k for k in same if k < art]
        if above and node.ordinal != 1 and node.ordinal == stack[above[-1]].ordinal + 1:
            del stack[above[-1]:]
            return
        return
    if same:
        del stack[same[-1]:]


def _add_text(line: Line, prev: Line | None, stack: list[Raw]) -> None:
    """A line without a marker: continuation, new paragraph of an article, or own text."""
    if not stack:
        return
    art = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].type == "tiao"), None)
    if art is None or (prev is not None and continues(prev, line)):
        stack[-1].lines.append(line)
        return
    if len(stack) - 1 == art and not stack[art].children:
        stack[art].lines.append(line)
        return
    del stack[art + 1:]
    para = Raw(type="para", line=line, lines=[line], start=line.start)
    stack[art].children.append(para)
    stack.append(para)

