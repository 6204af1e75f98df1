"""Items (（一）, 1.) are paired inside each pair, split or merge group of clauses, with
splits and merges of their own (主动消除或者减轻违法后果，并取得被侵害人谅解 -> two items)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..units import Unit
from .level import align_level
from .state import Link, at_level, unpaired


def align_items(old: Sequence[Unit], new: Sequence[Unit], clause_links: list[Link]) -> list[Link]:
    """Links between the items of two versions, clause link by clause link."""
    old_items: dict[int, list[Unit]] = defaultdict(list)
    new_items: dict[int, list[Unit]] = defaultdict(list)
    for u in at_level(old, "item"):
        old_items[u.parent].append(u)
    for u in at_level(new, "item"):
        new_items[u.parent].append(u)
    links: list[Link] = []
    for link in clause_links:
        ou = [u for i in link.old for u in old_items.get(i, [])]
        nu = [u for j in link.new for u in new_items.get(j, [])]
        links += align_level(ou, nu, split=True) if ou and nu else unpaired(ou, nu)
    return links
