"""How alike two comparison keys are, and which keys are worth scoring at all.

Scores weight each character bigram by its rarity in the two documents (IDF),
because legal and policy texts share boilerplate (处五日以上十日以下拘留, 给予…
科技经费支持) that makes unrelated clauses look alike to a plain edit ratio.
`GramIndex` prunes candidates so that no step scores all pairs of a document.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz.fuzz import ratio


def similarity(a: str, b: str) -> float:
    """Normalized Indel similarity of two keys, 0..1 (1 for identical)."""
    if a == b:
        return 1.0
    return ratio(a, b) / 100.0


def grams(key: str) -> set[str]:
    """Character bigrams of a key (the key itself if shorter than two)."""
    return {key[k:k + 2] for k in range(len(key) - 1)} if len(key) > 1 else {key}


class Scorer:
    """Bigram statistics of one level of both documents, with per-key and per-pair caches."""

    def __init__(self, keys: list[str]):
        self._grams: dict[str, set[str]] = {}
        df: Counter = Counter()
        for key in keys:
            df.update(self.grams(key))
        n = len(keys) + 1
        self.weight = {g: math.log(n / (c + 0.5)) for g, c in df.items()}
        self._mass = {key: self.mass(self.grams(key)) for key in keys}
        self._pairs: dict[tuple[str, str], tuple[float, float]] = {}

    def grams(self, key: str) -> set[str]:
        found = self._grams.get(key)
        if found is None:
            found = self._grams[key] = grams(key)
        return found

    def mass(self, gs: Iterable[str]) -> float:
        """Rarity-weighted size of a set of bigrams (unseen bigrams weigh 1)."""
        weight = self.weight
        return sum(weight.get(g, 1.0) for g in gs)

    def measure(self, a: str, b: str) -> tuple[float, float]:
        """(score, overlap): the mean of the edit ratio and the rarity-weighted
        bigram Dice, and the weighted containment of the shorter key in the longer."""
        cached = self._pairs.get((a, b))
        if cached is None:
            common = self.mass(self.grams(a) & self.grams(b))
            ma, mb = self._mass[a], self._mass[b]
            dice = 2 * common / (ma + mb) if ma + mb else 1.0
            shorter = min((len(a), ma), (len(b), mb))[1]
            cached = self._pairs[(a, b)] = ((similarity(a, b) + dice) / 2, common / shorter if shorter else 0.0)
        return cached

    def contained(self, part: str, whole: str) -> float:
        """Rarity-weighted share of `part`'s bigrams found in `whole`."""
        m = self._mass[part]
        return self.mass(self.grams(part) & self.grams(whole)) / m if m else 0.0

    def gain(self, whole: str, parts: list[str], extra: str) -> float:
        """Weighted share of `whole`'s bigrams that `extra` explains beyond `parts`."""
        gw = self.grams(whole)
        total = self.mass(gw)
        if not total:
            return 0.0
        base = set().union(*(self.grams(p) for p in parts)) & gw
        return (self.mass(base | (self.grams(extra) & gw)) - self.mass(base)) / total


class GramIndex:
    """Character-bigram inverted index; bigrams common to many units are ignored."""

    def __init__(self, keys: list[str]):
        postings: dict[str, list[int]] = defaultdict(list)
        for k, key in enumerate(keys):
            for g in grams(key):
                postings[g].append(k)
        limit = max(20, len(keys) // 10)
        self.postings = {g: ks for g, ks in postings.items() if len(ks) <= limit}

    def candidates(self, key: str, n: int) -> list[int]:
        """Up to `n` units sharing the most (uncommon) bigrams with `key`."""
        counts: Counter = Counter()
        for g in grams(key):
            counts.update(self.postings.get(g, ()))
        return [k for k, _ in sorted(counts.items(), key=lambda t: (-t[1], t[0]))[:n]]
