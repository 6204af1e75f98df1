"""Anchors: the pairs that keep both versions' order, and the stretches between them.

A unit between two anchors most likely pairs with a unit between the same two
anchors on the other side: the same-place and topic steps read these stretches.
"""
from __future__ import annotations

from .state import AlignState


def anchors(pairs: dict[int, int], old_keys: list[str]) -> list[tuple[int, int]]:
    """The longest chain of pairs increasing on both sides.

    Among chains of equal length, the one whose units moved least (sum of
    |i - j|), then the one with the smallest keys: the same chain whichever
    version is called old, so swapping the versions mirrors the diff.
    Found with a Fenwick tree over new positions: O(n log n).
    """
    items = sorted(pairs.items())
    if not items:
        return []
    rank = {key: r for r, key in enumerate(sorted({old_keys[i] for i, _ in items}))}
    size = max(j for _, j in items) + 1
    tree: list[tuple] = [(0, 0, 0, -1)] * (size + 1)
    best: list[tuple] = []
    for k, (i, j) in enumerate(items):
        pos, prev = j, (0, 0, 0, -1)
        while pos > 0:
            prev = max(prev, tree[pos])
            pos -= pos & -pos
        here = (prev[0] + 1, prev[1] - abs(i - j), prev[2] - rank[old_keys[i]], k)
        best.append((here, prev[3]))
        pos = j + 1
        while pos <= size:
            tree[pos] = max(tree[pos], here)
            pos += pos & -pos
    k = max(range(len(best)), key=lambda x: best[x][0][:3])
    chain = []
    while k >= 0:
        chain.append(items[k])
        k = best[k][1]
    return chain[::-1]


def bounds(state: AlignState) -> list[tuple[int, int]]:
    """The anchors with a sentinel before the first units and after the last: each
    consecutive two enclose one stretch."""
    chain = anchors(state.pairs, [u.key for u in state.old])
    return [(-1, -1)] + chain + [(len(state.old), len(state.new))]
