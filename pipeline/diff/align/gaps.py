"""Step 2: the same place. Units left between the same two anchors pair when their
texts are alike; the only unit left on both sides of a stretch needs less.

Repeated until nothing more pairs, since each new pair is an anchor that splits a
stretch into smaller ones, down to single slots.
"""
from __future__ import annotations

from itertools import pairwise

from .anchors import bounds
from .state import AlignState
from .thresholds import GAP_CONTAINED, GAP_SCORE, MAX_GAP_PAIRS, SAME_ID_BONUS, SLOT_CONTAINED, SLOT_SCORE


def same_place(state: AlignState) -> None:
    """Run `gaps` until it pairs nothing more."""
    while gaps(state):
        pass


def gaps(state: AlignState) -> bool:
    """Pair similar units inside each stretch between anchors; True if any were paired."""
    before = len(state.pairs)
    taken = state.taken()
    for (ai, aj), (bi, bj) in pairwise(bounds(state)):
        og = [i for i in range(ai + 1, bi) if i not in state.pairs]
        ng = [j for j in range(aj + 1, bj) if j not in taken]
        if not og or not ng or len(og) * len(ng) > MAX_GAP_PAIRS:
            continue
        state.greedy(_scored(state, og, ng, ai, aj), "position", taken)
    return len(state.pairs) > before


def _scored(state: AlignState, og: list[int], ng: list[int], ai: int, aj: int) -> list[tuple]:
    """(score, -shift from the stretch's start, i, j) for the alike pairs of one stretch."""
    slot = len(og) == len(ng) == 1
    scored = []
    for i in og:
        for j in ng:
            s, c = state.scorer.measure(state.old[i].key, state.new[j].key)
            if (s >= GAP_SCORE and c >= GAP_CONTAINED) or (slot and (s >= SLOT_SCORE or c >= SLOT_CONTAINED)):
                bonus = SAME_ID_BONUS if state.old[i].node.id == state.new[j].node.id else 0.0
                scored.append((s + bonus, -abs((i - ai) - (j - aj)), i, j))
    return scored
