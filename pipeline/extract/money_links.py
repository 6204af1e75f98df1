"""Relations between the money terms of one sentence.

分别 lists and tiers map the i-th amount to the i-th recipient, condition or
threshold; a bound written once covers its whole list (分别给予不低于A、B); a
term with no 对… condition takes the thresholds just before it; a cap and the
rate(s) it limits point at each other.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from .parties import clean, split_list
from .quantity import Quantity, clause_start

JOINERS = ("、", "和", "及", "与")


class Found(NamedTuple):
    """A quantity with its role, the written list it belongs to and that list's index in the sentence."""

    q: Quantity
    role: str
    group: tuple[Quantity, ...]
    gi: int


def groups(s: str, qs: list[Quantity]) -> list[tuple[Quantity, ...]]:
    """Quantities joined by 、/和/及 (a written list) form one group."""
    out: list[list[Quantity]] = []
    for q in qs:
        if out and s[out[-1][-1].end:q.start] in JOINERS:
            out[-1].append(q)
        else:
            out.append([q])
    return [tuple(g) for g in out]


def relate(s: str, lo: int, found: list[Found], terms: list, first: int) -> list:
    """Apply every relation to the terms of the sentence starting at `lo`; `first` is the index of terms[0]."""
    if len(terms) < 2:  # every relation joins two terms or more
        return terms
    terms = _distribute(s, lo, found, list(terms))
    terms = _threshold_conditions(s, lo, found, terms)
    terms = _share_purpose(terms)
    return _link(terms, first)


def _distribute(s: str, lo: int, found: list[Found], terms: list) -> list:
    by_group: dict[int, list[int]] = {}
    for idx, f in enumerate(found):
        by_group.setdefault(f.gi, []).append(idx)
    for gi, idxs in by_group.items():
        head = found[idxs[0]]
        if len(idxs) < 2:
            continue
        n, q0 = len(idxs), head.group[0]
        if q0.qualifier in ("at_least", "at_most") and q0.bound:
            key = "min" if q0.qualifier == "at_least" else "max"
            for i in idxs[1:]:
                t = terms[i]
                if t.qualifier == "exact":
                    if t.amount_yuan is not None:
                        terms[i] = replace(t, qualifier=q0.qualifier, **{f"amount_{key}_yuan": t.amount_yuan})
                    else:
                        terms[i] = replace(t, qualifier=q0.qualifier, **{f"rate_{key}": t.rate})
        if head.role == "threshold":
            continue
        tiers = [j for j, f in enumerate(found) if f.role == "threshold" and f.gi < gi and len(f.group) == n]
        if len(tiers) == n and len({found[j].gi for j in tiers}) == 1:
            t0 = found[tiers[0]].q
            lead = re.sub(r"^.*?对", "", s[clause_start(s, lo, t0.start):t0.num_start])
            for i, j in zip(idxs, tiers):
                tier = found[j].q
                terms[i] = replace(terms[i], condition=clean(lead + s[tier.num_start:tier.end]))
            continue
        if "分别" not in s[lo:q0.start]:
            continue
        for field in ("recipient", "condition"):
            value = getattr(terms[idxs[0]], field)
            items = split_list(value, n) if value else None
            if items:
                for i, item in zip(idxs, items):
                    terms[i] = replace(terms[i], **{field: item})
                break
    return terms


def _threshold_conditions(s: str, lo: int, found: list[Found], terms: list) -> list:
    pending: list[Quantity] = []
    for i, f in enumerate(found):
        if f.role == "threshold":
            pending.append(f.q)
            continue
        if pending and terms[i].condition is None:
            a = clause_start(s, lo, pending[0].start)
            cond = re.sub(r"^(?:第\d+条|其中|对)", "", s[a:pending[-1].end])
            terms[i] = replace(terms[i], condition=cond or None)
        if i + 1 >= len(found) or found[i + 1].gi != f.gi:
            pending = []
    return terms


def _share_purpose(terms: list) -> list:
    """Caps and thresholds take the purpose written once with the sentence's grant or rate."""
    purpose = next((t.purpose for t in terms if t.purpose and t.role in ("grant", "rate")), None)
    if purpose is None:
        return terms
    return [replace(t, purpose=purpose) if t.purpose is None and t.role in ("cap", "threshold", "rate", "grant")
            else t for t in terms]


def _link(terms: list, first: int) -> list:
    rates = [i for i, t in enumerate(terms) if t.role == "rate"]
    caps = [i for i, t in enumerate(terms) if t.role == "cap"]
    if not rates or not caps:
        return terms
    for c in caps:
        mine = [r for r in rates if r < c and not any(r < c2 < c for c2 in caps)]
        mine = mine or [min(rates, key=lambda r: abs(r - c))]
        terms[c] = replace(terms[c], linked=tuple(first + r for r in mine))
        for r in mine:
            terms[r] = replace(terms[r], linked=terms[r].linked + (first + c,))
    return terms
