"""The alignment of one level of two versions, as the steps build it up.

`AlignState` holds the two unit lists, the pairs found so far with the step that
found each, the split and merge groups, and the scorer over both lists. Steps read
it and add to it in order of trust; `links()` turns the result into `Link`s.
Positions (`i` old, `j` new) index the state's own lists, not the documents' unit lists.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..units import Unit
from .scoring import Scorer

# (old positions, new positions, step): one old unit split into several new ones, or the reverse.
Group = tuple[tuple[int, ...], tuple[int, ...], str]


@dataclass(frozen=True)
class Link:
    """Old units paired with new units (indexes into each document's unit list).

    One side empty: added or deleted. Several on one side: split or merged.
    `how` names the step that made the pair (None for an unpaired unit).
    """

    old: tuple[int, ...]
    new: tuple[int, ...]
    how: str | None


@dataclass(eq=False)
class AlignState:
    """Units of one level of both versions and what the steps have paired so far.

    `pairs` maps an old position to its new one and `how` names the step that paired
    it; `groups` are splits and merges; `contexts` is the heading each unit sits under
    (clause level only, else None).
    """

    old: list[Unit]
    new: list[Unit]
    scorer: Scorer
    pairs: dict[int, int] = field(default_factory=dict)
    how: dict[int, str] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)
    contexts: tuple[list[str], list[str]] | None = None

    @classmethod
    def start(cls, old: list[Unit], new: list[Unit],
              contexts: tuple[dict[int, str], dict[int, str]] | None = None) -> AlignState:
        """Nothing paired yet; the scorer's statistics cover the keys of both lists."""
        scorer = Scorer([u.key for u in old] + [u.key for u in new])
        if contexts is not None:
            return cls(old, new, scorer, contexts=([contexts[0][u.index] for u in old],
                                                   [contexts[1][u.index] for u in new]))
        return cls(old, new, scorer)

    def pair(self, i: int, j: int, how: str) -> None:
        self.pairs[i], self.how[i] = j, how

    def taken(self) -> set[int]:
        """New positions paired one to one."""
        return set(self.pairs.values())

    def free_old(self) -> list[int]:
        """Old positions not paired one to one, in order."""
        return [i for i in range(len(self.old)) if i not in self.pairs]

    def free_new(self) -> list[int]:
        """New positions not paired one to one, in order."""
        taken = self.taken()
        return [j for j in range(len(self.new)) if j not in taken]

    def used(self) -> tuple[set[int], set[int]]:
        """Old and new positions in a pair or a group."""
        used_old = set(self.pairs) | {i for o, _, _ in self.groups for i in o}
        used_new = set(self.pairs.values()) | {j for _, n, _ in self.groups for j in n}
        return used_old, used_new

    def greedy(self, scored: list[tuple], how: str, taken: set[int]) -> None:
        """Pair the best-scored (score, tie-break, i, j) first, each unit once;
        `taken` (new positions already paired) grows with the pairs made."""
        for _, _, i, j in sorted(scored, key=lambda t: (-t[0], -t[1], t[2], t[3])):
            if i not in self.pairs and j not in taken:
                self.pair(i, j, how)
                taken.add(j)

    def links(self) -> list[Link]:
        """Pairs in old order, then groups, then the old and the new units left unpaired."""
        old, new = self.old, self.new
        links = [Link((old[i].index,), (new[j].index,), self.how[i]) for i, j in sorted(self.pairs.items())]
        links += [Link(tuple(old[i].index for i in o), tuple(new[j].index for j in n), h) for o, n, h in self.groups]
        in_old = {i for link in links for i in link.old}
        in_new = {j for link in links for j in link.new}
        return links + unpaired([u for u in old if u.index not in in_old], [u for u in new if u.index not in in_new])


def unpaired(old: Sequence[Unit], new: Sequence[Unit]) -> list[Link]:
    """A deleted link for each old unit, then an added one for each new unit."""
    return [Link((u.index,), (), None) for u in old] + [Link((), (u.index,), None) for u in new]


def at_level(units: Sequence[Unit], level: str) -> list[Unit]:
    """The units of one level, in document order."""
    return [u for u in units if u.level == level]
