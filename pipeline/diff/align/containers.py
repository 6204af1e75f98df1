"""Containers (parts, chapters, actions) follow their clauses: a container pairs with the
one where most of its clauses went (a majority seen from both sides, so swapping the
versions mirrors the result), then the level's steps pair the rest by heading text."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ..units import Unit
from .level import align_level
from .state import Link, at_level, unpaired


def align_containers(old: Sequence[Unit], new: Sequence[Unit], clause_links: list[Link]) -> list[Link]:
    """Links between the containers of two versions, given the clause links."""
    oc, nc = at_level(old, "container"), at_level(new, "container")
    if not oc or not nc:
        return unpaired(oc, nc)
    return align_level(oc, nc, hint=_hint(_votes(old, new, oc, nc, clause_links)))


def _votes(old: Sequence[Unit], new: Sequence[Unit], oc: list[Unit], nc: list[Unit],
           clause_links: list[Link]) -> dict[int, Counter]:
    """Old container position -> Counter of new container positions its clauses went to
    (containers of the same kind only, at every level of nesting)."""
    opos = {u.index: k for k, u in enumerate(oc)}
    npos = {u.index: k for k, u in enumerate(nc)}
    votes: dict[int, Counter] = defaultdict(Counter)
    for link in clause_links:
        for i in link.old:
            for j in link.new:
                for a in ancestors(old, i):
                    for b in ancestors(new, j):
                        if old[a].node.kind == new[b].node.kind:
                            votes[opos[a]][npos[b]] += 1
    return votes


def _hint(votes: dict[int, Counter]) -> dict[int, int]:
    """Old -> new container where the new one holds a majority of the old one's clause
    votes and the old one a majority of all votes into the new one."""
    into: Counter = Counter()
    for counter in votes.values():
        into.update(counter)
    hint = {}
    for a, counter in sorted(votes.items()):
        b, n = max(counter.items(), key=lambda t: (t[1], -t[0]))
        if 2 * n > sum(counter.values()) and 2 * n > into[b]:
            hint[a] = b
    return hint


def ancestors(units: Sequence[Unit], index: int) -> list[int]:
    """Indexes of the units enclosing unit `index`, innermost first."""
    found = []
    parent = units[index].parent
    while parent is not None:
        found.append(parent)
        parent = units[parent].parent
    return found
