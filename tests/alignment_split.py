"""Calibration and held-out version pairs for the article aligner, and their pooled scores.

Calibration pairs are those the thresholds of pipeline/diff/align.py were chosen on: its commit log
names 上海 2010->2024, 北京 2020->2024, 柳河 and 人体器官 2007->2023, and 收养登记 and 网吧 were in the
suite while later choices were made. Held-out pairs (alignment_gold_heldout.py) came after and are
only ever measured: a change to the aligner is judged on the calibration pairs, and the held-out
figures say how far that judgement generalises. Never tune on a held-out pair; when one has been
tuned on, move it to CALIBRATION and find a new one.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from alignment_gold import GOLDS, SHANGHAI, Gold, produced_pairs
from alignment_gold_heldout import HELDOUT_GOLDS, MINHANG, NONGYE, ZHONGXIAO
from alignment_gold_more import MORE_GOLDS, ORGAN

CALIBRATION: tuple[Gold, ...] = GOLDS + MORE_GOLDS
HELDOUT: tuple[Gold, ...] = HELDOUT_GOLDS
# Full revisions and drafts (most articles reworded or regrouped), where pairing is hard; the
# other pairs are amendments that mostly renumber, which every step gets right.
REWRITES: frozenset[Gold] = frozenset({SHANGHAI, ORGAN, ZHONGXIAO, NONGYE, MINHANG})


@dataclass(frozen=True)
class PairScore:
    """How one diff's clause pairs compare with one hand-made table."""

    gold: Gold
    produced: frozenset   # pairs the diff made (within the table's scope)
    good: frozenset       # of those, the required or acceptable ones
    found: frozenset      # required pairs the diff made
    missed: frozenset     # required pairs it did not make
    false: frozenset      # pairs it made that are in neither list
    reworded: frozenset   # required pairs whose two texts differ beyond width, punctuation, spacing

    @property
    def precision(self) -> float:
        return len(self.good) / len(self.produced) if self.produced else 1.0

    @property
    def recall(self) -> float:
        return len(self.found) / len(self.gold.required)


def score_pair(gold: Gold, result) -> PairScore:
    name = (lambda u: u.node.id) if gold.by_id else (lambda u: u.node.ordinal)
    keys = [{}, {}]
    for c in result.changes:
        if c.level == "clause":
            for side, units in enumerate((c.old, c.new)):
                keys[side].update((name(u), u.key) for u in units)
    pairs = produced_pairs(result, gold.by_id)
    if gold.scope_old is not None:
        pairs = {(o, n) for o, n in pairs if o in gold.scope_old or n in (gold.scope_new or ())}
    required = {(o, n) for o, n, _ in gold.required}
    good = required | {(o, n) for o, n, _ in gold.acceptable}
    reworded = {(o, n) for o, n in required if keys[0][o] != keys[1][n]}
    return PairScore(gold, frozenset(pairs), frozenset(pairs & good), frozenset(pairs & required),
                     frozenset(required - pairs), frozenset(pairs - good), frozenset(reworded))


@dataclass(frozen=True)
class SetScore:
    """Pooled (micro-averaged) pairing figures over a set of version pairs: every hand-made pair
    counts once, so a long law weighs more than a five-article one."""

    pairs: tuple[PairScore, ...]

    @property
    def precision(self) -> float:
        produced = sum(len(p.produced) for p in self.pairs)
        return sum(len(p.good) for p in self.pairs) / produced if produced else 1.0

    @property
    def recall(self) -> float:
        return sum(len(p.found) for p in self.pairs) / sum(len(p.gold.required) for p in self.pairs)

    @property
    def required(self) -> int:
        return sum(len(p.gold.required) for p in self.pairs)

    @property
    def reworded(self) -> int:
        return sum(len(p.reworded) for p in self.pairs)

    @property
    def reworded_recall(self) -> float:
        """Recall over the required pairs whose texts differ: identical articles under a new
        number are found by hashing alone and would flatter the figure."""
        found = sum(len(p.found & p.reworded) for p in self.pairs)
        return found / self.reworded if self.reworded else 1.0


def score_set(golds: Iterable[Gold], diff_of: Callable[[Gold], object]) -> SetScore:
    """Score the diff `diff_of(gold)` of every pair against its table."""
    return SetScore(tuple(score_pair(g, diff_of(g)) for g in golds))
