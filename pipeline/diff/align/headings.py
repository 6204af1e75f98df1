"""Step 3: short lead-in headings. Free units whose headings match (鼓励药品品种开发和引进
for 药品品种引进支持) pair, where their bodies are not unrelated."""
from __future__ import annotations

from .scoring import Scorer
from .state import AlignState
from .thresholds import HEADING_BODY, HEADING_SCORE


def headings(state: AlignState) -> bool:
    """Pair free units by heading, best first; True if any pair qualified."""
    old, new = state.old, state.new
    taken = state.taken()
    free_old = [i for i in range(len(old)) if i not in state.pairs and old[i].heading]
    free_new = [j for j in range(len(new)) if j not in taken and new[j].heading]
    if not free_old or not free_new:
        return False
    heads = Scorer([old[i].heading for i in free_old] + [new[j].heading for j in free_new])
    scored = []
    for i in free_old:
        for j in free_new:
            h, _ = heads.measure(old[i].heading, new[j].heading)
            if h >= HEADING_SCORE and state.scorer.measure(old[i].key, new[j].key)[0] >= HEADING_BODY:
                scored.append((h, 0, i, j))
    state.greedy(scored, "heading", taken)
    return bool(scored)
