"""Pair the units of two versions: clauses first, then their containers and items.

For one level, in order of trust (`level.align_level`, each step a module working on
one `AlignState`): identical text (`exact`); the same place, i.e. the unpaired stretch
between two paired anchors, with similar text, repeated since new pairs split stretches
into single slots (`gaps`, `anchors`); matching short lead-in headings (`headings`:
药品品种引进支持。 / 鼓励药品品种开发和引进。); content similarity over the rest, with
candidates pruned through a character-bigram index (`content`); split (one old clause
whose text reappears in two or more new ones) and merged, the reverse (`splits`); for
clauses a full revision reworded beyond all of that, topic: rarity-weighted content words
(jieba), read with the position between anchors and the heading a clause sits under
(`topics`, `joins`, `topicwords`); and paragraphs of a paired clause that became clauses
of their own (`pieces`). Containers are then paired by where their clauses went and by
heading (`containers`); items are paired inside each pair of clauses (`items`).

Scores (`scoring`) weight character bigrams by rarity; every threshold is in
`thresholds`. No step scores all pairs of a document, so the cost stays near linear.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..units import Unit
from .containers import align_containers
from .items import align_items
from .level import align_level
from .scoring import similarity
from .state import Link, at_level
from .topics import contexts
from .topicwords import words as _words  # noqa: F401  (the word cache, cleared by benchmarks and tests)

__all__ = ["Link", "align", "similarity"]


def align(old: Sequence[Unit], new: Sequence[Unit]) -> list[Link]:
    """All links between two documents' units, every unit in exactly one link:
    containers, then clauses, then items."""
    clause_links = align_level(at_level(old, "clause"), at_level(new, "clause"), split=True,
                               contexts=(contexts(old), contexts(new)))
    return align_containers(old, new, clause_links) + clause_links + align_items(old, new, clause_links)
