"""The units a reader compares across versions, cut from a segmented `Document`.

Three levels: `container` (part, action, chapter, section: compared by their
own heading text), `clause` (article, measure, or any other unit with no
numbered structure below it: compared by its whole text) and `item` (the
outermost items inside a clause). Each unit carries a comparison `key`: its
text without the marker, width-folded, with punctuation variants unified and
all whitespace dropped, so PDF line breaks and half-width commas never count
as changes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..kinds import CLAUSE_KINDS, CONTAINER_KINDS, SKIP_KINDS
from ..model import Document, Node
from ..normalize import fold

STRUCTURE_KINDS = CONTAINER_KINDS | CLAUSE_KINDS

# Punctuation that PDF extraction or a half-width keyboard prints differently;
# (full-width ASCII is already folded by `fold`).
_PUNCT = str.maketrans({"。": ".", "«": "《", "»": "》", "“": '"', "”": '"', "‘": "'", "’": "'"})
_SPACE_RUN = re.compile(r"\s+")
_SENTENCE_END = set("。；：;:.!?！？")
_ITEM_START = re.compile(r"[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+款")
_HEADING = re.compile(r"([^。；;:：,，]{2,24})[。.]")


@dataclass(frozen=True)
class Unit:
    """One comparable unit: a node, its level, its comparison key and display text.

    `parent` is the index (in the same document's unit list) of the enclosing
    container for containers and clauses, or of the enclosing clause for items;
    None at the top. `heading` is the comparison key of a short lead-in
    sentence (`绩效支持奖励。`, `鼓励企业产品研发。`), empty if there is none.
    """

    index: int
    level: str
    node: Node
    key: str
    text: str
    path: tuple[str, ...]
    parent: int | None
    heading: str = ""


def fold_punct(text: str) -> str:
    """`fold(text)` with punctuation variants unified; same length as `text`."""
    return fold(text).translate(_PUNCT)


def compare_key(text: str) -> str:
    """Folded text with punctuation variants unified and whitespace removed."""
    return _SPACE_RUN.sub("", fold_punct(text))


def display_text(text: str) -> str:
    """Text for reading: line breaks kept only where a sentence or clause ends or an
    item starts (so a PDF's breaks inside sentences go), other whitespace dropped
    except one space between ASCII words."""
    out = ""
    for line in text.splitlines():
        words = _SPACE_RUN.split(line.strip())
        for k, word in enumerate(w for w in words if w):
            if out and (k or not _breaks_after(out[-1], word)):
                if out[-1].isascii() and out[-1].isalnum() and word[0].isascii() and word[0].isalnum():
                    out += " "
            elif out:
                out += "\n"
            out += word
    return out


def _breaks_after(last: str, line: str) -> bool:
    return last in _SENTENCE_END or _ITEM_START.match(line) is not None


def strip_marker(node: Node, text: str) -> str:
    """`text` without the node's leading marker (and a Markdown `##` before it, and the
    whitespace after it)."""
    body = text.lstrip().lstrip("#").lstrip()
    marker = (node.marker or node.num or "").strip()
    if marker and fold(body).startswith(fold(marker)):
        body = body[len(marker):]
    elif node.num and fold(body).startswith(fold(node.num)):
        body = body[len(node.num):]
    return body.lstrip(" \t\r\n\u3000.、．").rstrip()


def extract_units(doc: Document) -> list[Unit]:
    """All units of `doc` in document order (containers before what they hold)."""
    units: list[Unit] = []

    def add(node: Node, level: str, end: int, path: tuple[str, ...], parent: int | None) -> int:
        body = strip_marker(node, doc.text[node.start:end])
        text = display_text(body)
        units.append(Unit(len(units), level, node, compare_key(body), text, path, parent, _heading(text)))
        return len(units) - 1

    def visit(node: Node, path: tuple[str, ...], parent: int | None) -> None:
        for child in node.children:
            if child.kind in SKIP_KINDS:
                continue
            here = path + (_label(child),)
            if child.kind in CLAUSE_KINDS or not _has_structure(child):
                clause = add(child, "clause", child.end, here, parent)
                for item in _outer_items(child):
                    add(item, "item", item.end, here + (_label(item),), clause)
            else:
                visit(child, here, add(child, "container", child.own_end, here, parent))

    visit(doc.root, (), None)
    return units


def _heading(text: str) -> str:
    """The lead-in sentence of a clause if it is short enough to be a heading."""
    m = _HEADING.match(text)
    return compare_key(m.group(1)) if m else ""


def _label(node: Node) -> str:
    return (node.num or node.marker or node.kind).strip()


def _has_structure(node: Node) -> bool:
    return any(n.kind in STRUCTURE_KINDS for n in node.walk() if n is not node)


def _outer_items(node: Node) -> list[Node]:
    found: list[Node] = []
    for child in node.children:
        if child.kind == "item":
            found.append(child)
        else:
            found.extend(_outer_items(child))
    return found
