"""Where a node came from: the HTML element or DOCX paragraph its text starts in.

Readers of HTML, DOCX and PDF record `Source.blocks`, one `(start, end, where)`
per extracted line (`/html/body/div[2]/p[3]`, `body/p[12]`, `page 3`). A node's
provenance is the block holding its first non-space character; text files have
no blocks and their nodes keep `provenance=None` (offsets say it all).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from ..model import Node


def with_provenance(root: Node, text: str, blocks: tuple[tuple[int, int, str], ...]) -> Node:
    """`root` with `provenance` set on every node from `blocks` (unchanged if none)."""
    if not blocks:
        return root
    starts = [b[0] for b in blocks]

    def where(node: Node) -> str | None:
        pos = node.start
        while pos < node.end and text[pos].isspace():
            pos += 1
        i = bisect_right(starts, pos) - 1
        return blocks[i][2] if i >= 0 and pos <= blocks[i][1] else None

    def visit(node: Node) -> Node:
        children = tuple(visit(c) for c in node.children)
        return replace(node, children=children, provenance=where(node))

    return visit(root)
