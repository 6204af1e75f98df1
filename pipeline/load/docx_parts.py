"""What a Word file keeps beside its body: footnotes, endnotes, reviewers' comments, page headers and footers.

A draft's footnotes explain its clauses and its reviewers' comments are
information, so both are read, as typed records with offsets into the
extracted text: a footnote or endnote at the point its reference mark stands
(`start == end`, just after the text it annotates), a comment over the range
it comments on (`commentRangeStart` .. `commentRangeEnd`; a comment with no
range sits at its reference mark). The body reader leaves a placeholder
character (`Marks.mark`, a code point of plane 16, which no Word text uses:
any found in the text is dropped) where each reference or range end stands,
and `Marks.resolve` turns them into offsets once the lines are final.
Headers and footers are page furniture: never body text, their words (fields
such as PAGE left out) kept in `metadata` as `header` and `footer`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from ..records import describe
from .guard import parse_xml, read_member
from .numbering import W

_BASE = 0x100000
MARKS = re.compile("[\U00100000-\U0010fffd]")
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_PAGE_ONLY = re.compile(r"[\s\-—–－·•第页共/／|]*")


@dataclass(frozen=True)
class Footnote:
    """A footnote or endnote of a Word file, at the point where the text cites it.

    `start == end`: the offset just after the cited text, where the reference mark stands."""

    kind: Literal["footnote", "endnote"] = field(metadata=describe("footnote or endnote"))
    number: int = field(metadata=describe("the note's number, in the order the text cites the notes of its kind",
                                          minimum=1))
    text: str = field(metadata=describe("the note's own text, its paragraphs joined by line breaks"))
    start: int = field(metadata=describe(minimum=0))
    end: int = field(metadata=describe(minimum=0))

    def entity_spans(self) -> tuple[tuple[int, int, str], ...]:
        """A point has nothing to highlight."""
        return ()


@dataclass(frozen=True)
class Comment:
    """A reviewer's comment on a Word draft, over the range of text it comments on `[start, end)`."""

    author: str | None = field(metadata=describe("who wrote it, as Word recorded", min_length=1))
    date: str | None = field(metadata=describe("when, as Word recorded it (ISO 8601)", min_length=1))
    text: str = field(metadata=describe("the comment, its paragraphs joined by line breaks"))
    start: int = field(metadata=describe(minimum=0))
    end: int = field(metadata=describe(minimum=0))

    def entity_spans(self) -> tuple[tuple[int, int, str], ...]:
        return ((self.start, self.end, "COMMENT"),) if self.end > self.start else ()


class Marks:
    """Placeholders for the points that tie notes and comments to the body text."""

    def __init__(self) -> None:
        self.payloads: list[tuple[str, str]] = []

    def mark(self, kind: str, ident: str) -> str:
        """The placeholder for one point: `kind` is footnote, endnote, comment-start, comment-end or comment."""
        self.payloads.append((kind, ident))
        return chr(_BASE + len(self.payloads) - 1)

    def resolve(self, lines: list[tuple[str, str]], strip: Callable[[str], bool]) -> tuple[
            list[tuple[str, str]], list[tuple[str, str, int]]]:
        """The lines without placeholders (re-stripped where `strip(where)`), and each point's
        `(kind, id, offset)` in the text the lines make joined by line breaks."""
        out, points, pos = [], [], 0
        for text, where in lines:
            found = [(m.start() - i, self.payloads[ord(m.group()) - _BASE]) for i, m in enumerate(MARKS.finditer(text))]
            clean = MARKS.sub("", text)
            if strip(where):
                lead = len(clean) - len(clean.lstrip())
                clean = clean.strip()
                found = [(min(max(at - lead, 0), len(clean)), payload) for at, payload in found]
            if clean:
                out.append((clean, where))
                points += [(kind, ident, pos + at) for at, (kind, ident) in found]
                pos += len(clean) + 1
            else:
                points += [(kind, ident, max(pos - 1, 0)) for _, (kind, ident) in found]
        return out, points


def part_targets(archive, main: str, name: str) -> dict[str, list[str]]:
    """Relationship type (its last word: footnotes, endnotes, comments, header, footer) -> part paths."""
    folder, _, base = main.rpartition("/")
    rels = read_member(archive, f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels", name)
    targets: dict[str, list[str]] = {}
    if rels:
        for rel in parse_xml(rels, name, "document.xml.rels").iter(_REL + "Relationship"):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not target:
                continue
            path = target.lstrip("/") if target.startswith("/") else _join(folder, target)
            targets.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], []).append(path)
    return targets


def _join(folder: str, target: str) -> str:
    parts = (folder.split("/") if folder else []) + target.split("/")
    out: list[str] = []
    for part in parts:
        if part == "..":
            if out:
                out.pop()
        elif part and part != ".":
            out.append(part)
    return "/".join(out)


def records(archive, targets: dict[str, list[str]], points: list[tuple[str, str, int]], name: str,
            read: Callable[[object], str]) -> tuple[Footnote | Comment, ...]:
    """Footnotes, endnotes and comments with their offsets; `read(paragraph)` gives a paragraph's text."""
    notes = {kind: _entries(archive, targets.get(kind + "s", []), kind, name, read) for kind in ("footnote", "endnote")}
    comments = _entries(archive, targets.get("comments", []), "comment", name, read)
    found: list[Footnote | Comment] = []
    numbers = {"footnote": 0, "endnote": 0}
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    placed: dict[str, int] = {}
    for kind, ident, at in points:
        if kind in notes and ident in notes[kind]:
            numbers[kind] += 1
            found.append(Footnote(kind, numbers[kind], notes[kind][ident][0], at, at))
        elif kind == "comment-start":
            starts.setdefault(ident, at)
        elif kind == "comment-end":
            ends.setdefault(ident, at)
        elif kind == "comment":
            placed.setdefault(ident, at)
    for ident, (text, author, date) in comments.items():
        at = placed.get(ident, ends.get(ident, starts.get(ident)))
        if at is None:
            continue  # a comment nothing in the text points at
        start = min(starts.get(ident, at), ends.get(ident, at))
        found.append(Comment(author, date, text, start, max(ends.get(ident, at), start)))
    return tuple(sorted(found, key=lambda r: (r.start, r.end)))


def _entries(archive, paths: list[str], kind: str, name: str, read) -> dict[str, tuple[str, str | None, str | None]]:
    """id -> (text, author, date) of each footnote, endnote or comment in the parts."""
    out: dict[str, tuple[str, str | None, str | None]] = {}
    for path in paths:
        xml = read_member(archive, path, name)
        if not xml:
            continue
        for entry in parse_xml(xml, name, path).iter(W + kind):
            if entry.get(W + "type") in {"separator", "continuationSeparator", "continuationNotice"}:
                continue
            text = "\n".join(t for t in (read(p).strip() for p in entry.iter(W + "p")) if t)
            out[entry.get(W + "id", "")] = (text, entry.get(W + "author") or None, entry.get(W + "date") or None)
    return out


def furniture(archive, targets: dict[str, list[str]], name: str) -> tuple[tuple[str, str], ...]:
    """`header` and `footer` metadata: the words of the page headers and footers, fields left out."""
    out = []
    for kind in ("header", "footer"):
        texts: list[str] = []
        for path in targets.get(kind, []):
            xml = read_member(archive, path, name)
            if not xml:
                continue
            for p in parse_xml(xml, name, path).iter(W + "p"):
                text = " ".join(_words_outside_fields(p).split())
                if text and not _PAGE_ONLY.fullmatch(text) and text not in texts:
                    texts.append(text)
        if texts:
            out.append((kind, " / ".join(texts)))
    return tuple(out)


def _words_outside_fields(p) -> str:
    """A header paragraph's text without field codes or results (PAGE, NUMPAGES, DATE)."""
    words, depth = [], 0
    for el in p.iter():
        tag = el.tag.split("}")[-1] if isinstance(el.tag, str) else ""
        if tag == "fldChar":
            kind = el.get(W + "fldCharType")
            depth += 1 if kind == "begin" else -1 if kind == "end" else 0
        elif tag == "t" and depth == 0 and not any(
                (a.tag.split("}")[-1] if isinstance(a.tag, str) else "") == "fldSimple" for a in el.iterancestors()):
            words.append(el.text or "")
        elif tag == "tab" and depth == 0:
            words.append(" ")
    return "".join(words)
