"""Step 4: content similarity anywhere. Each free unit is scored against the few free
units of the other version that share the most uncommon bigrams with it (looked up from
both sides, so swapping the versions mirrors the result); best pairs first."""
from __future__ import annotations

from .scoring import GramIndex
from .state import AlignState
from .thresholds import CANDIDATES, CONTENT_CONTAINED, CONTENT_SCORE


def content(state: AlignState) -> None:
    """Pair the free units whose indexed candidates score high enough."""
    old, new = state.old, state.new
    taken = state.taken()
    free_new = [j for j in range(len(new)) if j not in taken]
    free_old = state.free_old()
    if not free_new or not free_old:
        return
    candidates = set()
    index = GramIndex([new[j].key for j in free_new])
    for i in free_old:
        candidates.update((i, free_new[k]) for k in index.candidates(old[i].key, CANDIDATES))
    index = GramIndex([old[i].key for i in free_old])
    for j in free_new:
        candidates.update((free_old[k], j) for k in index.candidates(new[j].key, CANDIDATES))
    scored = []
    for i, j in candidates:
        s, c = state.scorer.measure(old[i].key, new[j].key)
        if s >= CONTENT_SCORE and c >= CONTENT_CONTAINED:
            scored.append((s, 0, i, j))
    state.greedy(scored, "content", taken)
