"""Numbering checks over the tree, reported as warnings with stable codes.

W101 numbering gap, W102 duplicate number, W103 number out of sequence,
W104 a GB/T 9704 level skipped (1. directly under 一、) where the document uses
that level elsewhere (a document that always goes 一、 → 1. skips nothing). `①` is
the fourth level or stands in for `（1）` as the fourth: `①②③` under `1.` skips nothing.
"""
from __future__ import annotations

from ..markers import GBT_RANK
from ..warnings import Finding, finding
from .body import Raw


def numbering_warnings(top: list[Raw]) -> list[Finding]:
    """Check each run of same-type siblings; numbering may continue across parents."""
    warnings: list[Finding] = []
    last_seen: dict[tuple[str, int], int] = {}
    used = {GBT_RANK[t] for t in _types(top) if t in GBT_RANK}

    def visit(nodes: list[Raw], depth: int, parent: Raw | None) -> None:
        prev: dict[str, int] = {}
        for raw in nodes:
            if raw.marker is None:
                visit(raw.children, depth + 1, raw)
                continue
            t, n = raw.type, raw.marker.ordinal
            key = (t, depth)
            expected = {prev[t] + 1} if t in prev else {1, last_seen.get(key, 0) + 1}
            if t == "tiao":
                expected = {last_seen.get(("tiao", 0), 0) + 1}
                key = ("tiao", 0)
            if n not in expected:
                code = "W102" if n == max(expected) - 1 else ("W101" if n > max(expected) else "W103")
                span = (raw.line.lo, raw.line.lo + raw.marker.end)
                after = max(expected) - 1 if max(expected) > 1 else "start"
                warnings.append(finding(code, f"{raw.marker.num} after {after}", *span))
            if parent is not None and parent.marker is not None:
                pr, cr = GBT_RANK.get(parent.type), GBT_RANK.get(t)
                skipped = used & set(range(pr + 1, cr)) if pr is not None and cr is not None else set()
                if t == "circled":
                    skipped.discard(GBT_RANK["paren_arabic"])
                if skipped and t not in prev:
                    warnings.append(finding("W104", f"{raw.marker.num} directly under {parent.marker.num}",
                                            raw.line.lo, raw.line.lo + raw.marker.end))
            prev[t] = n
            last_seen[key] = n
            visit(raw.children, depth + 1, raw)

    visit(top, 0, None)
    return warnings


def _types(nodes: list[Raw]) -> set[str]:
    found: set[str] = set()
    for raw in nodes:
        found.add(raw.type)
        found |= _types(raw.children)
    return found

