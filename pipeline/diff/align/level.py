"""The steps for one level, in order of trust: a plain sequence of calls on one state."""
from __future__ import annotations

from ..units import Unit
from .content import content
from .exact import exact
from .gaps import same_place
from .headings import headings
from .pieces import pieces
from .splits import split_merge
from .state import AlignState, Link
from .topics import topics


def align_level(old: list[Unit], new: list[Unit], split: bool = False, hint: dict[int, int] | None = None,
                contexts: tuple[dict[int, str], dict[int, str]] | None = None) -> list[Link]:
    """Links between the units of one level of two versions, every unit in exactly one.

    `split`: look for splits, merges and followed paragraphs (clauses and items);
    `hint`: pairs known from the structure (containers, by where their clauses went);
    `contexts`: the heading each unit sits under, which turns on the topic step (clauses).
    """
    state = AlignState.start(old, new, contexts)
    exact(state)
    _follow(state, hint or {})
    same_place(state)
    if headings(state):
        same_place(state)
    content(state)
    if split:
        split_merge(state)
    if contexts is not None:
        topics(state)
    if split:
        pieces(state)
    return state.links()


def _follow(state: AlignState, hint: dict[int, int]) -> None:
    """Take each hinted pair whose units are both still free."""
    for i, j in hint.items():
        if i not in state.pairs and j not in state.pairs.values():
            state.pair(i, j, "structure")
