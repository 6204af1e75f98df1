"""Who a term is for and on what condition: 对X的Y phrases, payees, and 分别 lists.

Shared by the money and support extractors. All functions work on the
squeezed matching view (see `quantity.view`).
"""
from __future__ import annotations

import re

# A clause-initial 对… phrase, up to the verb that starts the offer. 奖励 is that verb
# (对企业奖励100万元) unless a 的 and a noun follow it: then it is a noun inside the
# phrase (对获得国家级奖励的企业, 对符合举报奖励条件的举报人).
DUI = re.compile(r"(?<![^,:。;；!！?？.])(?:其中|同时|并|另外|每年)?对"
                 r"(?P<x>.+?)(?=,|一次性|分别|给予|连续\d|按照|按|参照|每年|收取"
                 r"|奖励(?![\u4e00-\u9fff“”]{0,10}?的(?!百分之)[\u4e00-\u9fff])|$)")
# 给予企业 / 奖励企业: the payee named after the verb.
PAYEE = re.compile(r"(?:给予|奖励)([\u4e00-\u9fff]{0,6}?(?:企业|单位|个人|机构|团队|权利人))"
                   r"(?![\u4e00-\u9fff]{0,2}(?:发展|技术))")
# 新纳入重点监测企业: a 新-verb condition written without 的.
NEW = re.compile(r"^(新(?:纳入|入统|获批|认定|引进|设立|列入|增|建))(.+)$")
GRADE = re.compile(r"^(.{1,8}?[级类等档])")
_LEAD = re.compile(r"^(?:其中|对于|对|在)")


def dui_phrases(s: str, lo: int, hi: int) -> list[re.Match]:
    """Every clause-initial 对… phrase of the sentence `[lo, hi)`, in order."""
    return list(DUI.finditer(s, lo, hi)) if "对" in s[lo:hi] else []


def dui_before(phrases: list[re.Match], i: int) -> re.Match | None:
    """The last of `phrases` starting before position `i`."""
    found = None
    for m in phrases:
        if m.start() >= i:
            break
        found = m
    return found


def split_dui(x: str) -> tuple[str | None, str | None]:
    """对X → (condition, recipient): the part before the last 的, and after it.

    "研发投入年增量在1000万元及以上的规上企业" → ("研发投入年增量在1000万元及以上", "规上企业").
    """
    x = x.strip(",")
    if "的" not in x:
        m = NEW.match(x)
        return (m.group(1), m.group(2)) if m else (None, x or None)
    cond, _, rec = x.rpartition("的")
    return cond or None, rec or None


def clean(x: str | None) -> str | None:
    """Drop a leading 其中/对/在 and stray commas; None for nothing left."""
    if not x:
        return None
    x = _LEAD.sub("", x).strip(",")
    return x or None


def split_list(x: str, n: int) -> list[str] | None:
    """Split an enumerated phrase into `n` items in order, sharing a head or tail.

    "国家级、自治区级科技企业孵化器、创新加速器" (n=2) → 国家级科技企业孵化器、创新加速器 / 自治区级…;
    "绩效评价一级、二级" → 绩效评价一级 / 绩效评价二级; "国家级高新区、自治区级高新区" → as written.
    None when the phrase does not hold `n` items.
    """
    parts = [p for p in re.split(r"、|和|及", x) if p]
    if len(parts) == n:
        g = GRADE.match(parts[-1])
        if g and len(parts[-1]) > len(g.group(1)) and all(len(p) <= 10 and p[-1] == g.group(1)[-1] for p in parts[:-1]):
            tail = parts[-1][len(g.group(1)):]
            return [p + tail for p in parts[:-1]] + [parts[-1]]
        t0, t1 = parts[0], parts[1]
        if len(t0) > len(t1) and t0[-1] == t1[-1] and len(t1) <= 4:
            head = t0[: len(t0) - len(t1)]
            return [t0] + [head + t for t in parts[1:]]
        return parts
    if len(parts) > n:
        g = GRADE.match(parts[n - 1])
        if g and all(len(p) <= 10 and p[-1] == g.group(1)[-1] for p in parts[: n - 1]):
            tail = x[x.index(parts[n - 1]) + len(g.group(1)):]
            return [p + tail for p in parts[: n - 1]] + [g.group(1) + tail]
    return None
