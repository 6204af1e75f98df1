"""Where extracted records stand in the word alignment of two paired clauses.

Records carry `start`/`end` offsets in their document; a unit's display text is
that span without its marker and with some whitespace dropped. `TextMap` maps
document offsets to positions in the joined display text of one side's units,
the text the redline was computed on. `Places` carries a span of one side over
to the other through the redline's operations: exactly inside an equal stretch,
proportionally inside a replaced one, nowhere inside a deleted or inserted one.
Two records stand at the same place when each one's image overlaps the other.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from ..model import Document
from .redline import Op
from .units import Unit, strip_marker

@dataclass(frozen=True)
class _Piece:
    """One unit's share of a side: its body's document offset, where its display text starts
    in the joined text, and the display position of each body character (-1: dropped)."""

    doc_start: int
    base: int
    positions: tuple[int, ...]


@dataclass(frozen=True)
class TextMap:
    """Document offsets -> positions in the joined display text of one side's units."""

    pieces: tuple[_Piece, ...]

    def locate(self, start: int, end: int) -> tuple[int, int] | None:
        """The display span of the document span [start, end), or None when it shows nowhere
        (a marker, a span across two units, offsets outside the units)."""
        for piece in self.pieces:
            lo, hi = start - piece.doc_start, end - piece.doc_start
            if lo < 0 or hi > len(piece.positions) or lo >= hi:
                continue
            shown = [p for p in piece.positions[lo:hi] if p >= 0]
            return (piece.base + shown[0], piece.base + shown[-1] + 1) if shown else None
        return None


def text_map(doc: Document, units: Sequence[Unit]) -> TextMap:
    """The map of `units` (one side of a change, their texts joined in order) in `doc`."""
    pieces, base = [], 0
    for unit in units:
        node = unit.node
        raw = doc.text[node.start:node.own_end if unit.level == "container" else node.end]
        body = strip_marker(node, raw)
        skipped = len(raw.rstrip()) - len(body)
        positions = _positions(body, unit.text)
        if positions is not None and body:
            pieces.append(_Piece(node.start + skipped, base, positions))
        base += len(unit.text)
    return TextMap(tuple(pieces))


def _positions(body: str, shown: str) -> tuple[int, ...] | None:
    """Where each character of `body` is in `shown`, which differs from it only in whitespace
    (`display_text`); None if it differs otherwise."""
    out, j = [], 0
    for ch in body:
        if ch.isspace():
            if j < len(shown) and shown[j].isspace():
                out.append(j)
                j += 1
            else:
                out.append(-1)
            continue
        while j < len(shown) and shown[j].isspace():
            j += 1
        if j == len(shown) or shown[j] != ch:
            return None
        out.append(j)
        j += 1
    return tuple(out)


@dataclass(frozen=True)
class Places:
    """The redline of two sides' joined texts and where each side's records stand in it
    (the maps are made on first use: most pairs have no record that differs)."""

    ops: tuple[Op, ...]
    old_doc: Document
    old_units: tuple[Unit, ...]
    new_doc: Document
    new_units: tuple[Unit, ...]

    @cached_property
    def old(self) -> TextMap:
        return text_map(self.old_doc, self.old_units)

    @cached_property
    def new(self) -> TextMap:
        return text_map(self.new_doc, self.new_units)

    @cached_property
    def _stretches(self) -> tuple[tuple[int, int, int, int, Op], ...]:
        stretches, a, b = [], 0, 0
        for op in self.ops:
            stretches.append((a, a + len(op.old), b, b + len(op.new), op))
            a, b = a + len(op.old), b + len(op.new)
        return tuple(stretches)

    def score(self, old_span: tuple[int, int], new_span: tuple[int, int]) -> tuple[float, bool]:
        """How surely an old record and a new one (document spans) stand at the same place:
        the smaller share of each that the other's image covers (0 when apart), and whether
        some of that comes through an equal stretch (the same words at the same place, not
        only a replaced stretch)."""
        a = self.old.locate(*old_span)
        b = self.new.locate(*new_span)
        if a is None or b is None:
            return 0.0, False
        forward, equal = _covered(self._image(a, old_side=True), b)
        backward, _ = _covered(self._image(b, old_side=False), a)
        return min(forward, backward), equal

    def _image(self, span: tuple[int, int], old_side: bool) -> list[tuple[float, float, bool]]:
        """Where `span` of one side falls on the other: intervals, each flagged when it comes
        through an equal stretch."""
        x, y = span
        out = []
        for oa, ob, na, nb, op in self._stretches:
            fa, fb, ta, tb = (oa, ob, na, nb) if old_side else (na, nb, oa, ob)
            lo, hi = max(x, fa), min(y, fb)
            if lo >= hi or ta == tb:
                continue
            if op.op == "equal":
                src, dst = (op.old, op.new) if old_side else (op.new, op.old)
                out.append((ta + _same_char(src, dst, lo - fa), ta + _same_char(src, dst, hi - fa), True))
            else:
                scale = (tb - ta) / (fb - fa)
                out.append((ta + (lo - fa) * scale, ta + (hi - fa) * scale, False))
        return out


def _same_char(src: str, dst: str, k: int) -> int:
    """The position in `dst` of position `k` of `src`, two texts equal but for whitespace."""
    count = sum(1 for ch in src[:k] if not ch.isspace())
    if count == 0:
        return 0
    seen = 0
    for j, ch in enumerate(dst):
        if not ch.isspace():
            seen += 1
            if seen == count:
                return j + 1
    return len(dst)


def _covered(image: list[tuple[float, float, bool]], span: tuple[int, int]) -> tuple[float, bool]:
    """The share of `span` that `image` covers, and whether an equal stretch covers some."""
    lo, hi = span
    parts = [(max(0.0, min(b, hi) - max(a, lo)), equal) for a, b, equal in image]
    return min(1.0, sum(n for n, _ in parts) / (hi - lo)), any(n > 0 and equal for n, equal in parts)
