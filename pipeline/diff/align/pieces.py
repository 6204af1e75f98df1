"""Step 7: paragraphs followed. The paragraphs of a paired clause that its partners do
not hold are looked for in the free clauses of the other version: a free clause that
holds most of such a paragraph, and shares a specific word with it (not just
处五日以上十日以下拘留), joins the pair as a split (or merge), e.g. an article whose
second paragraph became an article of its own.

Surest joins first, from either side (so swapping the versions mirrors the result);
a pair or group grows on one side only. A grown pair leaves `pairs` and becomes a group.
"""
from __future__ import annotations

from ..units import Unit, compare_key
from .scoring import GramIndex
from .state import AlignState, Group
from .thresholds import CANDIDATES, MIN_PIECE, PIECE_CONTAINED, PIECE_HELD
from .topicwords import specific_words, words

# (containment, flip: the paragraph's whole is new, entry, free position, paragraph key)
Found = tuple[float, bool, int, int, str]


def pieces(state: AlignState) -> None:
    """Grow pairs and groups by the free clauses that hold their unheld paragraphs."""
    entries = [((i,), (j,), state.how[i]) for i, j in sorted(state.pairs.items())] + state.groups
    used = ({i for o, _, _ in entries for i in o}, {j for _, n, _ in entries for j in n})
    found = [f for flip in (False, True) for f in _followed(state, entries, used[0] if flip else used[1], flip)]
    if not found:
        return
    grown = _grow(state, found, used)
    n_pairs = len(state.pairs)
    for e, (flip, joined) in sorted(grown.items()):
        olds, news, _ = entries[e]
        if flip:
            group = (tuple(sorted(olds + tuple(joined))), news, "merge")
        else:
            group = (olds, tuple(sorted(news + tuple(joined))), "split")
        if e < n_pairs:
            state.groups.append(group)
        else:
            state.groups[e - n_pairs] = group
    for e in sorted(grown):
        if e < n_pairs:
            del state.pairs[entries[e][0][0]]


def _followed(state: AlignState, entries: list[Group], taken: set[int], flip: bool) -> list[Found]:
    """For each entry with one whole on `side` (the old version, or the new if `flip`), its
    paragraphs mostly not held by its partners, with the free unit of the other side that
    holds the most of each (if it holds enough). Entries of identical text are skipped."""
    side, other = (state.new, state.old) if flip else (state.old, state.new)
    free = [k for k in range(len(other)) if k not in taken]
    if not free:
        return []
    scorer = state.scorer
    index = GramIndex([other[k].key for k in free])
    found = []
    for e, entry in enumerate(entries):
        wholes, partners = (entry[1], entry[0]) if flip else (entry[0], entry[1])
        if len(wholes) != 1 or entry[2] == "exact":
            continue
        held = set().union(*(scorer.grams(other[p].key) for p in partners))
        for piece in paragraph_keys(side[wholes[0]]):
            gp = scorer.grams(piece)
            mass = scorer.mass(gp)
            if not mass or scorer.mass(gp & held) / mass >= PIECE_HELD:
                continue
            c, k = max(((scorer.mass(gp & scorer.grams(other[free[k]].key)) / mass, -free[k])
                        for k in index.candidates(piece, CANDIDATES)), default=(0.0, 0))
            if c >= PIECE_CONTAINED:
                found.append((c, flip, e, -k, piece))
    return found


def _grow(state: AlignState, found: list[Found], used: tuple[set[int], set[int]]) -> dict[int, tuple[bool, list[int]]]:
    """Surest first: each free unit joins one entry, an entry grows on one side only, and
    the paragraph must share a specific word with the unit. Entry -> (flip, units joined)."""
    specific = specific_words([u.key for u in state.old] + [u.key for u in state.new])
    grown: dict[int, tuple[bool, list[int]]] = {}
    for _, flip, e, k, piece in sorted(found, key=lambda t: (-t[0], t[1], t[2], t[3])):
        other, taken = (state.old, used[0]) if flip else (state.new, used[1])
        if k not in taken and grown.get(e, (flip,))[0] == flip and specific(piece) & words(other[k].key).keys():
            taken.add(k)
            grown.setdefault(e, (flip, []))[1].append(k)
    return grown


def paragraph_keys(unit: Unit) -> list[str]:
    """Comparison keys of the lines of a unit's display text (its paragraphs and items),
    if it has two or more long enough to follow."""
    keys = [k for k in (compare_key(line) for line in unit.text.splitlines()) if len(k) >= MIN_PIECE]
    return keys if len(keys) > 1 else []
