"""Step 6: topics, for the clauses a full revision reworded beyond every text step.

Leftovers first join a pair (`joins`). Leftovers on both sides then pair when each is
the other's closest topic and they share a specific word: with a low bar if they share
two twin words, a middle one if they sit at about the same place between two anchors or
under the same heading, else a high one that must also stand clear of one side's runner-up.
Repeated, since new pairs are new anchors.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..units import CLAUSE_KINDS, Unit, compare_key
from .anchors import bounds
from .joins import join_leftovers
from .state import AlignState
from .thresholds import MAX_TOPIC_PAIRS, NEAR_SHIFT, TOPIC_FAR, TOPIC_MARGIN, TOPIC_NEAR, TOPIC_TWINS
from .topicwords import TopicWords, cosine, topic_words

# The two highest (cosine, -position) of a unit's candidates, highest first.
Top = list[tuple[float, int]]


def topics(state: AlignState) -> None:
    """Place the clauses left over by topic (needs `state.contexts`)."""
    free_old, free_new = _free(state, range(len(state.old)), range(len(state.new)))
    if not free_old or not free_new:
        return
    tw = topic_words([u.key for u in state.old], [u.key for u in state.new])
    join_leftovers(state, (tw[0].vectors, tw[1].vectors), free_old, free_new)
    free_old, free_new = _free(state, free_old, free_new)
    cosines: dict[tuple[int, int], float] = {}
    while free_old and free_new and len(free_old) * len(free_new) <= MAX_TOPIC_PAIRS:
        mutual = _mutual(state, tw, free_old, free_new, cosines)
        if not mutual:
            break
        for i, j in mutual:
            state.pair(i, j, "topic")
        free_old = [i for i in free_old if i not in state.pairs]
        taken = state.taken()
        free_new = [j for j in free_new if j not in taken]


def _free(state: AlignState, old: Sequence[int], new: Sequence[int]) -> tuple[list[int], list[int]]:
    used_old, used_new = state.used()
    return [i for i in old if i not in used_old], [j for j in new if j not in used_new]


def _mutual(state: AlignState, tw: tuple[TopicWords, TopicWords], free_old: list[int], free_new: list[int],
            cosines: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """Free pairs that are each other's closest topic and clear their bar."""
    stretches = bounds(state)
    top_old, top_new = _closest(tw, free_old, free_new, cosines)
    mutual = []
    for i, top in top_old.items():
        j = -top[0][1]
        if -top_new[j][0][1] == i and _clears(state, tw, stretches, i, j, top, top_new[j]):
            mutual.append((i, j))
    return mutual


def _closest(tw: tuple[TopicWords, TopicWords], free_old: list[int], free_new: list[int],
             cosines: dict[tuple[int, int], float]) -> tuple[dict[int, Top], dict[int, Top]]:
    """The two closest topics of each free unit among the other side's free units (units
    sharing no specific word are not close at all); cosines are cached across rounds."""
    top_old: dict[int, Top] = defaultdict(list)
    top_new: dict[int, Top] = defaultdict(list)
    ov, nv = tw[0].vectors, tw[1].vectors
    specific_old, specific_new = tw[0].specific, tw[1].specific
    for i in free_old:
        for j in free_new:
            c = cosines.get((i, j))
            if c is None:
                c = cosines[(i, j)] = cosine(ov[i], nv[j]) if specific_old[i] & specific_new[j] else 0.0
            if c:
                _keep_top(top_old[i], (c, -j))
                _keep_top(top_new[j], (c, -i))
    return top_old, top_new


def _clears(state: AlignState, tw: tuple[TopicWords, TopicWords], stretches: list[tuple[int, int]],
            i: int, j: int, top: Top, top_j: Top) -> bool:
    """Whether mutual closest topics `i`, `j` clear the bar for where they stand."""
    c = top[0][0]
    k = next(k for k, (bi, _) in enumerate(stretches) if bi > i)
    (ai, aj), (bi, bj) = stretches[k - 1], stretches[k]
    near = aj < j < bj and abs((i - ai) / (bi - ai) - (j - aj) / (bj - aj)) <= NEAR_SHIFT
    context_old, context_new = state.contexts
    near = near or (context_old[i] != "" and context_old[i] == context_new[j])
    if len(tw[0].twins[i] & tw[1].twins[j]) >= 2:
        return c >= TOPIC_TWINS
    if near:
        return c >= TOPIC_NEAR
    runner_up = min(top[1][0] if len(top) > 1 else 0.0, top_j[1][0] if len(top_j) > 1 else 0.0)
    return c >= TOPIC_FAR and c >= TOPIC_MARGIN * runner_up


def _keep_top(top: Top, entry: tuple[float, int]) -> None:
    """Keep the two highest entries in `top` (in place, highest first)."""
    if len(top) < 2 or entry > top[1]:
        top.append(entry)
        top.sort(reverse=True)
        del top[2:]


def contexts(units: Sequence[Unit]) -> dict[int, str]:
    """The heading each unit sits under, by unit index: its own title if it is a titled
    part standing alone as a clause, else its container's heading; empty at the top."""
    found = {}
    for u in units:
        if u.level == "clause" and u.node.kind not in CLAUSE_KINDS and u.node.title:
            found[u.index] = compare_key(u.node.title)
        else:
            parent = units[u.parent] if u.parent is not None else None
            found[u.index] = compare_key(parent.node.title or parent.key) if parent and parent.level == "container" else ""
    return found
