"""Step 1: units whose comparison keys are identical pair first, whatever their place."""
from __future__ import annotations

from collections import defaultdict

from .state import AlignState


def exact(state: AlignState) -> None:
    """Pair units with the same key, each new unit once: the one with the same node id
    if there is one (an unchanged article keeps its id), else the first in order."""
    buckets: dict[str, list[int]] = defaultdict(list)
    for j, u in enumerate(state.new):
        if u.key:
            buckets[u.key].append(j)
    for i, u in enumerate(state.old):
        cands = buckets.get(u.key)
        if not cands:
            continue
        j = next((c for c in cands if state.new[c].node.id == u.node.id), cands[0])
        cands.remove(j)
        state.pair(i, j, "exact")
