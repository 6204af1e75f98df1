"""The redline as tracked changes: both versions' whole text in one stream of paragraphs.

Every clause of the new version comes in reading order, every clause of the old
one where it stood: a paired clause as its word redline, an added clause as
inserted paragraphs, a deleted one as deleted paragraphs. A pair whose place
would break the old order (a clause moved to another part) is deleted where it
was and inserted where it is. So keeping what is not deleted gives the new
text, and keeping what is not inserted the old text, line for line as
`reading_lines` gives them (paragraph marks are tracked too: a line break added
or removed is an inserted or deleted mark). Front matter (breadcrumb, cover
letter, title, table of contents) is one block before the first clause.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..model import Document
from .compare import DocumentDiff
from .redline import redline
from .units import CONTAINER_KINDS, Unit

CENTRED_KINDS = frozenset({"book", "chapter", "section"})
HEADING_MAX = 40
_MD_HEADING = re.compile(r"^#{1,6}\s*")
_COMMENT = re.compile(r"^<!--.*-->$")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: (text, change) segments, its mark's change, its style and alignment.

    `anchor` names the first paragraph of a clause (`_c<k>`, k its index in
    the diff's changes), for links from the table of changes.
    """

    segments: tuple[tuple[str, str], ...]
    mark: str
    style: str
    align: str | None = None
    anchor: str | None = None


@dataclass(frozen=True)
class _Side:
    """One version's text of a block: lines joined by newlines, each line's (style, align)."""

    text: str
    styles: tuple[tuple[str, str | None], ...]


def clean_line(line: str) -> str:
    """A source line as the document shows it: stripped, without a Markdown heading mark,
    an HTML comment line dropped (empty)."""
    line = _MD_HEADING.sub("", line.strip()).strip()
    return "" if _COMMENT.match(line) else line


def reading_lines(doc: Document) -> list[str]:
    """The non-empty lines of `doc` as the tracked document shows them."""
    return [line for line in map(clean_line, doc.text.splitlines()) if line]


def tracked_paragraphs(d: DocumentDiff) -> list[Paragraph]:
    """The paragraphs of the tracked document of `d`, in reading order."""
    old, new = _Layout(d.old), _Layout(d.new)
    out: list[Paragraph] = []
    for old_span, new_span, k in _blocks(d, old, new):
        a = old.side(*old_span) if old_span else None
        b = new.side(*new_span) if new_span else None
        paras = _paragraphs(a, b)
        if paras and k is not None:
            first = paras[0]
            paras[0] = Paragraph(first.segments, first.mark, first.style, first.align, change_anchor(k))
        out += paras
    return out


class _Layout:
    """One version's lines, each with its style, and the blocks they fall in.

    A line belongs to the block holding its last visible character, so the
    indent or `##` before a marker never leaves a heading in the block before.
    """

    def __init__(self, doc: Document):
        self.doc = doc
        self.keys: list[int] = []  # offset of each non-empty line's last visible character
        self.rows: list[tuple[int, str]] = []  # (line number, cleaned text) of each non-empty line
        starts, pos = [], 0
        for raw in doc.text.splitlines(keepends=True):
            line = clean_line(raw)
            if line:
                self.keys.append(pos + len(raw.rstrip()) - 1)
                self.rows.append((len(starts), line))
            starts.append(pos)
            pos += len(raw)
        lengths = dict(self.rows)
        self.styles: dict[int, tuple[str, str | None]] = {}
        line_of = lambda offset: max(bisect.bisect_right(starts, offset) - 1, 0)  # noqa: E731
        for node, depth in _walk(doc.root, 0):
            if node.kind == "title":
                for i in range(line_of(node.start), line_of(max(node.start, node.end - 1)) + 1):
                    self.styles[i] = ("Title", "center")
            elif node.kind in CONTAINER_KINDS:
                i = line_of(node.start)
                if 0 < len(lengths.get(i, "")) <= HEADING_MAX:
                    self.styles.setdefault(i, (f"Heading{min(depth, 3)}",
                                               "center" if node.kind in CENTRED_KINDS else None))
        if doc.title and not any(style == ("Title", "center") for style in self.styles.values()):
            # a title given by a header (a law's `# 名称`) rather than a title node: its first line as written
            first = next((i for i, line in self.rows if line == doc.title), None)
            if first is not None:
                self.styles.setdefault(first, ("Title", "center"))

    def side(self, start: int, end: int) -> _Side | None:
        """The non-empty lines that end in [start, end), or None if there are none."""
        lo, hi = bisect.bisect_left(self.keys, start), bisect.bisect_left(self.keys, end)
        if lo == hi:
            return None
        rows = self.rows[lo:hi]
        return _Side("\n".join(line for _, line in rows), tuple(self.styles.get(i, ("Normal", None)) for i, _ in rows))


def _walk(node, depth: int):
    for child in node.children:
        deeper = depth + (child.kind in CONTAINER_KINDS)
        yield child, deeper
        yield from _walk(child, deeper)


def _blocks(d: DocumentDiff, old: _Layout, new: _Layout):
    """(old span, new span, change index) in reading order; a span is (start, end) or None.

    Paired changes form the longest chain that keeps both orders; the rest are
    cut into a deletion at the old place and an insertion at the new one. A
    change's index goes with its first block on the new side (the old side for
    a deletion), to anchor links.
    """
    entries = [(k, c) for k, c in enumerate(d.changes) if c.level != "item"]
    old_rank, old_span = _spans([u for _, c in entries for u in c.old], len(old.doc.text))
    new_rank, new_span = _spans([u for _, c in entries for u in c.new], len(new.doc.text))

    def span(spans: list[tuple[int, int]], ranks: list[int]) -> tuple[int, int]:
        return spans[ranks[0]][0], spans[ranks[-1]][1]

    pairs, old_only, new_only = [], [], []
    for k, c in entries:
        ro = [old_rank[u.index] for u in c.old]
        rn = [new_rank[u.index] for u in c.new]
        if ro and rn and _contiguous(ro) and _contiguous(rn):
            pairs.append((rn[0], ro[0], k, span(old_span, ro), span(new_span, rn)))
            continue
        old_only += [(r, (old_span[r], None, None if rn else k)) for r in ro]
        new_only += [(r, (None, new_span[r], k if n == 0 else None)) for n, r in enumerate(rn)]
    pairs.sort(key=lambda p: p[0])
    kept = set(_increasing([p[1] for p in pairs]))
    synced = []
    for n, (rn, ro, k, o, w) in enumerate(pairs):
        if n in kept:
            synced.append((ro, rn, (o, w, k)))
        else:
            old_only.append((ro, (o, None, None)))
            new_only.append((rn, (None, w, k)))
    old_only.sort(key=lambda e: e[0])
    new_only.sort(key=lambda e: e[0])
    front = ((0, old_span[0][0] if old_span else len(old.doc.text)),
             (0, new_span[0][0] if new_span else len(new.doc.text)), None)
    out = [front]
    i = j = 0
    for ro, rn, block in synced:
        while i < len(old_only) and old_only[i][0] < ro:
            out.append(old_only[i][1])
            i += 1
        while j < len(new_only) and new_only[j][0] < rn:
            out.append(new_only[j][1])
            j += 1
        out.append(block)
    return out + [b for _, b in old_only[i:]] + [b for _, b in new_only[j:]]


def _spans(units: list[Unit], length: int) -> tuple[dict[int, int], list[tuple[int, int]]]:
    """Each unit's rank in document order, and the text span of each rank: from
    the unit's start to the next unit's start (the last to the end of the text)."""
    units = sorted(units, key=lambda u: u.node.start)
    starts = [u.node.start for u in units] + [length]
    return {u.index: r for r, u in enumerate(units)}, [(starts[r], starts[r + 1]) for r in range(len(units))]


def _contiguous(ranks: list[int]) -> bool:
    return ranks == list(range(ranks[0], ranks[0] + len(ranks)))


def _increasing(values: list[int]) -> list[int]:
    """Indices of a longest strictly increasing subsequence of `values`."""
    tails: list[int] = []
    tail_at: list[int] = []
    before = [-1] * len(values)
    for i, v in enumerate(values):
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tail_at.append(i)
        else:
            tails[k] = v
            tail_at[k] = i
        before[i] = tail_at[k - 1] if k else -1
    out, i = [], tail_at[-1] if tail_at else -1
    while i >= 0:
        out.append(i)
        i = before[i]
    return out[::-1]


def _paragraphs(a: _Side | None, b: _Side | None) -> list[Paragraph]:
    if a is None and b is None:
        return []
    if a is None:
        stream, last = [(b.text, "ins")], "ins"
    elif b is None:
        stream, last = [(a.text, "del")], "del"
    else:
        stream, last = _stream(a.text, b.text), ""
    paras: list[Paragraph] = []
    segments: list[tuple[str, str]] = []
    old_line = new_line = 0

    def close(mark: str) -> None:
        present_new = mark != "del" or any(ch != "del" for _, ch in segments)
        style, align = b.styles[new_line] if present_new and b else a.styles[old_line]
        paras.append(Paragraph(tuple(segments), mark, style, align))
        segments.clear()

    for text, change in stream:
        for piece in re.split(r"(\n)", text):
            if piece != "\n":
                if piece:
                    segments.append((piece, change))
                continue
            close(change)
            old_line += change != "ins"
            new_line += change != "del"
    close(last)
    return paras


def _stream(old: str, new: str) -> list[tuple[str, str]]:
    """(text, change) segments turning `old` into `new`: the word redline, with the width,
    punctuation and whitespace variants it counts as equal shown character by character."""
    if old == new:
        return [(new, "")]
    out: list[tuple[str, str]] = []
    for op in redline(old, new):
        if op.op != "equal":
            out += [(op.old, "del"), (op.new, "ins")]
        elif op.old == op.new:
            out.append((op.new, ""))
        else:
            out += _characters(op.old, op.new)
    if "".join(t for t, ch in out if ch != "ins") != old or "".join(t for t, ch in out if ch != "del") != new:
        out = [(old, "del"), (new, "ins")]
    merged: list[tuple[str, str]] = []
    for text, change in out:
        if not text:
            continue
        if merged and merged[-1][1] == change:
            merged[-1] = (merged[-1][0] + text, change)
        else:
            merged.append((text, change))
    return merged


def _characters(old: str, new: str) -> list[tuple[str, str]]:
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append((new[j1:j2], ""))
        else:
            out += [(old[i1:i2], "del"), (new[j1:j2], "ins")]
    return out


def change_anchor(k: int) -> str:
    """The bookmark name of the change at index `k` of a diff's changes."""
    return f"_c{k}"

