"""Relations between the money terms of one sentence.

分别 lists and tiers map the i-th amount to the i-th recipient, condition or
threshold; a bound written once covers its whole list (分别给予不低于A、B); a
term with no 对… condition takes the thresholds just before it, else the
condition of an earlier term of the sentence, else one written in an earlier
clause (…劳动合同的, 可申请最高不超过300万元; 打造一批应用场景, 每项应用场景项目给予…);
a cap and the rate(s) it limits point at each other.
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


GRANTING = ("grant", "rate", "cap")
# A clause naming who qualifies: 企业完成仿制药一致性评价的 / 被认定为…的企业.
DE_CLAUSE = re.compile(r"(?P<c>.+)的(?P<r>企业|单位|个人|人员|项目|机构|团队|主体)?$")
# 鼓励“链主”企业牵头打造一批…应用场景 → “链主”企业牵头打造的…应用场景
ENCOURAGE = re.compile(r"^(?:鼓励|支持|引导|推动|推进)")
BATCH = re.compile(r"一批|若干|一些")
EACH_LEAD = re.compile(r"每项|单个|每个|每家")
CLAUSE = re.compile(r"[^,:]+")


def relate(s: str, lo: int, found: list[Found], terms: list, first: int, prev_lo: int | None = None) -> list:
    """Apply every relation to the terms of the sentence starting at `lo`; `first` is the index of terms[0].

    `prev_lo` is where the sentence before it starts, if it is in the same text.
    """
    terms = list(terms)
    # Whose clause names no party of its own (获得省级奖励的企业给予… does): it may take a condition from before.
    bare = [s.find("的", clause_start(s, lo, f.group[0].start), f.group[0].start) < 0 for f in found]
    if len(terms) > 1:
        terms = _distribute(s, lo, found, terms)
        terms = _threshold_conditions(s, lo, found, terms)
        terms = _inherit_conditions(terms, bare)
    terms = _earlier_clause_conditions(s, lo, prev_lo, found, terms, bare)
    if len(terms) > 1:
        terms = _share_purpose(terms)
        terms = _link(terms, first)
    return terms


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


def _inherit_conditions(terms: list, bare: list[bool]) -> list:
    """A granting term with no condition takes that of the sentence's last earlier granting term."""
    last = None
    for i, t in enumerate(terms):
        if t.role not in GRANTING:
            continue
        if t.condition is None and last is not None and bare[i]:
            terms[i] = replace(t, condition=last)
        last = terms[i].condition or last
    return terms


def _earlier_clause_conditions(s: str, lo: int, prev_lo: int | None, found: list[Found], terms: list,
                               bare: list[bool]) -> list:
    """Conditions written before the term's clause: a 的-clause of the sentence, or the clause a
    每项/单个/每个 recipient refers back to (in the sentence, or ending the sentence before it)."""
    for i, f in enumerate(found):
        t = terms[i]
        if t.condition is not None or f.role not in GRANTING or not bare[i]:
            continue
        cs = clause_start(s, lo, f.group[0].start)
        clauses = [m.span() for m in CLAUSE.finditer(s, lo, max(lo, cs - 1))]
        cond = rec = None
        for a, b in reversed(clauses):
            m = DE_CLAUSE.match(s, a, b)
            if m and not any(a <= g.q.start < b for g in found):  # a thresholded clause has its own relation
                cond, rec = clean(m.group("c")), m.group("r")
                break
        if cond is None and t.recipient and EACH_LEAD.match(s, cs):
            if clauses:
                before = s[clauses[-1][0]:clauses[-1][1]]
            else:
                before = CLAUSE.findall(s[prev_lo:lo].rstrip("。;!?")) if prev_lo is not None else []
                before = before[-1] if before else ""
            if any(before.endswith(t.recipient[:k]) for k in range(len(t.recipient), 1, -1)):
                cond = BATCH.sub("的", ENCOURAGE.sub("", before), count=1) or None
        if cond:
            terms[i] = replace(t, condition=cond, recipient=t.recipient or rec)
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
