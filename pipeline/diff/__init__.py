"""Version diff: align -> compare -> report.

`diff(old, new)` is a pure function of two documents; `diff_chain(docs)` diffs
each step of a chain of versions and the first against the last.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..model import Document
from .align import align
from .compare import DocumentDiff, compare
from .units import extract_units


@dataclass(frozen=True)
class ChainDiff:
    """Each step of a chain of versions, and the overall change first -> last."""

    steps: tuple[DocumentDiff, ...]
    overall: DocumentDiff


def diff(old: Document, new: Document) -> DocumentDiff:
    """Every clause of `old` and `new`, paired and classified."""
    old_units, new_units = extract_units(old), extract_units(new)
    return compare(old, new, old_units, new_units, align(old_units, new_units))


def diff_chain(docs: Sequence[Document]) -> ChainDiff:
    """Diff consecutive versions (two or more), plus the first against the last."""
    if len(docs) < 2:
        raise ValueError("a diff needs at least two versions")
    steps = tuple(diff(a, b) for a, b in pairwise(docs))
    overall = steps[0] if len(steps) == 1 else diff(docs[0], docs[-1])
    return ChainDiff(steps, overall)
