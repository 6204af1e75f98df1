"""Step 6a: leftovers join a pair by topic. A free clause whose closest topic is a paired
clause, and whose text explains part of that clause that its partner does not, joins the
pair as a merge (or a split): closest first, from both versions in one pass, so swapping
the versions mirrors the result."""
from __future__ import annotations

from ..units import Unit
from .scoring import GramIndex
from .state import AlignState
from .thresholds import CANDIDATES, JOIN_GAIN, JOIN_TOPIC
from .topicwords import cosine

# (cosine, free position, position of its closest topic on the other side, flip: the free unit is new)
Join = tuple[float, int, int, bool]


def join_leftovers(state: AlignState, vectors: tuple[list, list], free_old: list[int], free_new: list[int]) -> None:
    """Join free units to the pair or group of their closest topic; a pair that gains a
    member becomes a group and leaves `pairs`."""
    ov, nv = vectors
    joins = (join_candidates(state.old, state.new, ov, nv, free_old, False)
             + join_candidates(state.new, state.old, nv, ov, free_new, True))
    _join(state, joins)
    for i in [i for i in state.pairs if any(i in o for o, _, _ in state.groups)]:
        del state.pairs[i]


def join_candidates(side: list[Unit], other: list[Unit], sv: list, ov: list, free: list[int],
                    flip: bool) -> list[Join]:
    """A `Join` for each free unit of `side` (flip: `side` is the new version) whose closest
    topic among its indexed candidates is close enough."""
    found = []
    index = GramIndex([u.key for u in other])
    for f in free:
        near = index.candidates(side[f].key, CANDIDATES)
        if near:
            c, w = max((cosine(sv[f], ov[w]), -w) for w in near)
            if c >= JOIN_TOPIC:
                found.append((c, f, -w, flip))
    return found


def _join(state: AlignState, joins: list[Join]) -> None:
    """Closest first: each join that explains enough of its whole grows the group holding
    that whole (only a group of the same kind, with that whole alone on its side) or turns
    its pair into a group (left in `pairs` for the caller to drop)."""
    groups = state.groups
    back = {j: i for i, j in state.pairs.items()}
    for _, f, w, flip in sorted(joins, key=lambda t: (-t[0], t[3], t[1], t[2])):
        side, other, label = (state.new, state.old, "split") if flip else (state.old, state.new, "merge")
        g = next((k for k, grp in enumerate(groups) if w in grp[0 if flip else 1]), None)
        if g is not None:
            mine, theirs = (groups[g][1], groups[g][0]) if flip else groups[g][:2]
            if len(theirs) != 1 or groups[g][2] != label:
                continue
        elif w in (state.pairs if flip else back):
            mine = ((state.pairs if flip else back)[w],)
        else:
            continue
        if state.scorer.gain(other[w].key, [side[k].key for k in mine], side[f].key) < JOIN_GAIN:
            continue
        members = tuple(sorted(mine + (f,)))
        group = ((w,), members, label) if flip else (members, (w,), label)
        if g is None:
            groups.append(group)
        else:
            groups[g] = group
