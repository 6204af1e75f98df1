"""Step 5: splits and merges. A free unit whose text sits inside a unit of the other
version is a fragment of it: one old clause whose text reappears in two or more new
ones is split, the reverse merged. A lone fragment of an unpaired whole pairs with it.
"""
from __future__ import annotations

from collections import defaultdict

from ..units import Unit
from .scoring import GramIndex, Scorer
from .state import AlignState
from .thresholds import CANDIDATES, FRAGMENT_CONTAINED, GROUP_COVERED, MIN_FRAGMENT, SPLIT_GAIN


def split_merge(state: AlignState) -> None:
    """Find split and merged units among those left unpaired; their members leave `pairs`."""
    back = {j: i for i, j in state.pairs.items()}
    split = fragments(state.new, state.old, [j for j in range(len(state.new)) if j not in back], state.scorer)
    merge = fragments(state.old, state.new, state.free_old(), state.scorer)
    used_old: set[int] = set()
    used_new: set[int] = set()
    _splits(state, split, back, used_old, used_new)
    _merges(state, merge, back, used_old, used_new)
    for i in used_old:
        state.pairs.pop(i, None)
    for i in [i for i, j in state.pairs.items() if j in used_new]:
        del state.pairs[i]


def _splits(state: AlignState, split: dict[int, list[int]], back: dict[int, int],
            used_old: set[int], used_new: set[int]) -> None:
    """Old wholes with new fragments: a group with the whole's partner, or a lone pair."""
    for whole, parts in sorted(split.items()):
        partner = state.pairs.get(whole)
        verdict = group_verdict(state.old[whole].key, [state.new[j].key for j in parts],
                                None if partner is None else state.new[partner].key, state.scorer)
        if verdict == "pair":
            state.pair(whole, parts[0], "content")
            back[parts[0]] = whole
        elif verdict == "group":
            news = tuple(sorted(parts + ([] if partner is None else [partner])))
            state.groups.append(((whole,), news, "split"))
            used_old.add(whole)
            used_new.update(news)


def _merges(state: AlignState, merge: dict[int, list[int]], back: dict[int, int],
            used_old: set[int], used_new: set[int]) -> None:
    """New wholes with old fragments not already used by a split."""
    for whole, parts in sorted(merge.items()):
        parts = [i for i in parts if i not in used_old and i not in state.pairs]
        partner = back.get(whole)
        if not parts or whole in used_new or (partner is not None and partner in used_old):
            continue
        verdict = group_verdict(state.new[whole].key, [state.old[i].key for i in parts],
                                None if partner is None else state.old[partner].key, state.scorer)
        if verdict == "pair":
            state.pair(parts[0], whole, "content")
        elif verdict == "group":
            olds = tuple(sorted(parts + ([] if partner is None else [partner])))
            state.groups.append((olds, (whole,), "merge"))
            used_old.update(olds)
            used_new.add(whole)


def fragments(frag_side: list[Unit], whole_side: list[Unit], free: list[int],
              scorer: Scorer) -> dict[int, list[int]]:
    """Map each whole unit to the free units of the other side contained in it (each free
    unit to the longer unit among its indexed candidates that holds most of it)."""
    found: dict[int, list[int]] = defaultdict(list)
    if not free:
        return found
    index = GramIndex([u.key for u in whole_side])
    for f in free:
        key = frag_side[f].key
        if len(key) < MIN_FRAGMENT:
            continue
        best, best_c = None, 0.0
        for w in index.candidates(key, CANDIDATES):
            if len(whole_side[w].key) <= len(key):
                continue
            c = scorer.contained(key, whole_side[w].key)
            if c > best_c:
                best, best_c = w, c
        if best is not None and best_c >= FRAGMENT_CONTAINED:
            found[best].append(f)
    return found


def group_verdict(whole: str, parts: list[str], partner: str | None, scorer: Scorer) -> str:
    """`group` if the parts (with the whole's current partner) rebuild it; `pair` for a
    lone part of an unpaired whole; else `none`."""
    gw = scorer.grams(whole)
    total = scorer.mass(gw)
    if not total:
        return "none"
    covered = set().union(*(scorer.grams(p) for p in parts)) & gw
    if partner is None:
        if len(parts) == 1:
            return "pair"
        return "group" if scorer.mass(covered) / total >= GROUP_COVERED else "none"
    base = scorer.grams(partner) & gw
    gain = (scorer.mass(covered | base) - scorer.mass(base)) / total
    return "group" if gain >= SPLIT_GAIN else "none"
