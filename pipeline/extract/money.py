"""Money terms: who gets how much, with which bound, rate, cap, scope and duration.

`money_terms(text)` is a pure function over one span of text (a node's own
text, or a sentence); `extract_money(doc)` runs it over every node and also
collects unquantified support and document-level targets. Bounds come only from
explicit words (不低于 → at_least, 最高/不超过/以下 → at_most), never guessed.
Example: "按照研发投入年增量的10%给予科技经费支持,单个企业每年最高支持300万元"
gives a `rate` 0.10 of 研发投入年增量 and a `cap` of 3000000 at_most per
单个企业每年, each `linked` to the other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..cnnum import parse_int
from .quantity import Quantity, View, clause_start, quantities, sentences, view

ROLES = ("grant", "rate", "cap", "threshold", "share", "budget_growth", "fine", "fee", "fund_size", "other")

GRANT = re.compile(r"给予|奖励|补助|补贴|资助|支持|奖补|扶持|补偿|返还|贴息|资金|经费")
FINE = re.compile(r"^的?(?:罚款|罚金)")
FEE = re.compile(r"费率|收费|利率|费用")
MONEY_WORDS = re.compile(r"金额|资金|担保|贷款|经费|投入|投资|财政|费|收入|奖励|补助")
NOT_THRESHOLD = re.compile(r"^的?[\u4e00-\u9fff“”]{0,8}?(?:奖励|补助|补贴|资助|支持|奖金|罚款|罚金|赔偿|贷款|增信担保|资金|基金)(?:$|[,:。;])")
PURPOSE = re.compile(r"^的?(?:给予)?(?:企业)?(?:对[\u4e00-\u9fff]{1,4}?进行)?([\u4e00-\u9fff]{0,8}?(?:经费支持|资金支持|奖励支持|支持|奖励|补助|补贴|资助|奖补))")
PER = re.compile(r"单个[\u4e00-\u9fff]{1,6}?每年|单个(?:企业|单位|项目|机构|高校院所|品种|人)|单(?:户|项|品种|台设备|笔)"
                 r"|每年度|每[年项个户家人台件笔月]|年度(?=增长)")
DURATION = re.compile(r"(?:前|后)(?P<a>\d+|[一二两三四五六七八九十])年|连续(?P<b>\d+|[一二两三四五六七八九十])年(?=每年|给予|奖励|补助|支持|分别)"
                      r"|(?P<c>\d+|[一二两三四五六七八九十])年内|给予[\u4e00-\u9fff]{0,4}?(?P<d>\d+|[一二两三四五六七八九十])年(?=奖励|\d)")
DUI = re.compile(r"(?<![^,:。;；!！?？.])(?:其中|同时|并|另外|每年)?对(?P<x>.+?)(?=,|一次性|分别|给予|连续\d|按照|按|参照|每年|收取|奖励|$)")
BASE_INTRO = re.compile(r"(?:按照|按其|按|参照其|参照|依据|给予[\u4e00-\u9fff]{0,2}?企业|给予|返还其|返还|不高于|不低于|不超过)")
PAYEE = re.compile(r"(?:给予|奖励)([\u4e00-\u9fff]{0,6}?(?:企业|单位|个人|机构|团队|权利人))(?![\u4e00-\u9fff]{0,2}(?:发展|技术))")
NEW = re.compile(r"^(新(?:纳入|入统|获批|认定|引进|设立|列入|增|建))(.+)$")
JOINERS = ("、", "和", "及", "与")
GRADE = re.compile(r"^(.{1,8}?[级类等档])")


@dataclass(frozen=True)
class MoneyTerm:
    """One written amount or percentage with what it means.

    Amounts are in yuan; `rate`/`rate_min`/`rate_max` are fractions (10% → 0.1)
    or, for fines, multiples of `base`. `linked` holds the indices (in the
    same node's `money` tuple) of the rate(s) a cap limits, or of the cap(s) a
    rate is limited by.
    """

    text: str
    start: int
    end: int
    role: str
    qualifier: str
    amount_yuan: float | None = None
    amount_min_yuan: float | None = None
    amount_max_yuan: float | None = None
    rate: float | None = None
    rate_min: float | None = None
    rate_max: float | None = None
    base: str | None = None
    per: str | None = None
    duration_years: int | None = None
    one_time: bool = False
    recipient: str | None = None
    condition: str | None = None
    purpose: str | None = None
    linked: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end, "role": self.role,
            "qualifier": self.qualifier, "amount_yuan": self.amount_yuan,
            "amount_min_yuan": self.amount_min_yuan, "amount_max_yuan": self.amount_max_yuan,
            "rate": self.rate, "rate_min": self.rate_min, "rate_max": self.rate_max, "base": self.base,
            "per": self.per, "duration_years": self.duration_years, "one_time": self.one_time,
            "recipient": self.recipient, "condition": self.condition, "purpose": self.purpose,
            "linked": list(self.linked),
        }


def money_terms(text: str, offset: int = 0) -> tuple[MoneyTerm, ...]:
    """Money terms in `text`, with offsets shifted by `offset` (where `text` sits in its document)."""
    if not any(mark in text for mark in ("元", "%", "％", "倍", "百分之")):
        return ()
    v = view(text)
    out: list[MoneyTerm] = []
    for lo, hi in sentences(v.s):
        out.extend(_sentence_terms(v, lo, hi, offset, len(out)))
    return tuple(out)


def _groups(s: str, qs: list[Quantity]) -> list[list[Quantity]]:
    """Quantities joined by 、/和/及 (a written list) form one group."""
    groups: list[list[Quantity]] = []
    for q in qs:
        if groups and s[groups[-1][-1].end:q.start] in JOINERS:
            groups[-1].append(q)
        else:
            groups.append([q])
    return groups


def _sentence_terms(v: View, lo: int, hi: int, offset: int, first: int) -> list[MoneyTerm]:
    s = v.s
    groups = _groups(s, quantities(s, lo, hi))
    raw: list[tuple[Quantity, str, list[Quantity], int]] = []
    for gi, group in enumerate(groups):
        for q in group:
            role = _role(s, lo, hi, group, q, groups[gi + 1:])
            if role:
                raw.append((q, role, group, gi))
    terms: list[MoneyTerm] = []
    for q, role, group, gi in raw:
        terms.append(_term(v, lo, hi, q, role, group, offset))
    terms = _distribute(v, lo, raw, terms)
    terms = _threshold_conditions(v, lo, raw, terms)
    terms = _inherit(terms, [r[1] for r in raw])
    return _link(terms, first)


def _role(s: str, lo: int, hi: int, group: list[Quantity], q: Quantity, later: list[list[Quantity]]) -> str | None:
    g0, gn = group[0], group[-1]
    cs = clause_start(s, lo, g0.start)
    pre = s[cs:g0.start]
    post = s[gn.end:hi]
    ce = min([i for i in (post.find(","), post.find(":")) if i >= 0] or [len(post)])
    cpost = post[:ce]
    prev_end = max([lo] + [m.end() for m in re.finditer(r"\d+(?:\.\d+)?[%元]", s[lo:g0.start])] and [lo])
    seg = s[lo:g0.start]
    if FINE.search(post) or (q.kind != "pct" and "罚款" in cpost and re.search(r"处|罚款", pre + cpost)):
        return "fine"
    if q.kind == "times":
        return None
    if q.kind == "pct":
        if FEE.search(seg[-30:]) and not GRANT.search(cpost[:6]):
            return "fee"
        if re.search(r"(增长|增加|提高|增幅)$", pre[-4:]) and re.search(r"财政|预算|投入|经费|资金", s[lo:hi]):
            return "budget_growth"
        if re.search(r"占比|比例|比重|占", pre) and MONEY_WORDS.search(s[lo:hi]):
            return "share"
        if GRANT.search(pre) or GRANT.search(cpost) or re.match(r"^的?(?:奖励|资金|补助)", post):
            return "rate"
        return None
    if cpost.startswith("的") and re.search(r"规模|设立", pre) and re.search(r"资金|基金", cpost):
        return "fund_size"
    if q.qualifier == "at_most" and any(w.startswith(("最高", "最多")) for w in q.words):
        return "cap"
    if cpost.startswith("的") and not NOT_THRESHOLD.search(cpost):
        return "threshold"
    if re.match(r"^(?:且|至)", cpost) or (cpost.startswith("、") and not re.match(r"^、\d", cpost)):
        return "threshold"
    if re.match(r"^的?(?:赔偿|损失)", cpost):
        return "other"
    if GRANT.search(pre) or GRANT.search(cpost):
        return "cap" if q.qualifier == "at_most" else "grant"
    if later and cpost == "" and any(GRANT.search(s[x[0].start - 12:x[-1].end + 8]) for x in later[:1]):
        return "threshold"
    return "other"


def _dui(s: str, lo: int, hi: int, i: int) -> re.Match | None:
    """The last clause-initial 对… phrase starting before position `i` in the sentence `[lo, hi)`."""
    found = None
    for m in DUI.finditer(s, lo, hi):
        if m.start() >= i:
            break
        found = m
    return found


def _split_dui(x: str) -> tuple[str | None, str | None]:
    """对X → (condition, recipient): the part before the last 的, and after it."""
    x = x.strip(",")
    if "的" not in x:
        m = NEW.match(x)
        return (m.group(1), m.group(2)) if m else (None, x or None)
    cond, _, rec = x.rpartition("的")
    return cond or None, rec or None


def _term(v: View, lo: int, hi: int, q: Quantity, role: str, group: list[Quantity], offset: int) -> MoneyTerm:
    s = v.s
    a, b = v.span(q.start, q.end)
    dui = _dui(s, lo, hi, group[0].start)
    seg_lo = dui.start("x") if dui else lo
    seg = s[seg_lo:group[0].start]
    cs = clause_start(s, lo, group[0].start)
    cond = rec = None
    if dui and role == "fine":
        rec = re.split(r"可以|处|依法|,", dui.group("x"))[0] or None
    elif dui:
        cond, rec = _split_dui(dui.group("x"))
    elif role not in ("threshold", "fine"):
        m = re.search(r"(?:每项|单个|每个)([\u4e00-\u9fff]{2,12}?)(?=给予|奖励|补助)", s[cs:group[0].start])
        rec = m.group(1) if m else None
    payee = PAYEE.search(s, cs, hi)
    if payee and role in ("grant", "rate", "cap"):
        if rec and cond is None and dui:
            cond = dui.group("x")
        rec = payee.group(1)
    elif not dui and "分别" in s[lo:group[0].start]:
        pc = clause_start(s, lo, max(lo, cs - 1))
        cond = s[pc:max(pc, cs - 1)] or None
    per = q.per
    pm = None
    for m in PER.finditer(s, cs, group[0].start):
        pm = m
    if pm is None and role not in ("threshold",):
        for m in PER.finditer(s, seg_lo, group[0].start):
            pm = m
    if pm and role != "rate":
        per = pm.group(0)
    dur = None
    for m in DURATION.finditer(s, seg_lo, group[0].start):
        dur = next(x for x in m.groups() if x)
    duration = None
    if dur is not None and role in ("grant", "rate", "cap"):
        duration = parse_int(dur)
    base = _base(s, cs, q, group, role)
    purpose = None
    pm2 = PURPOSE.search(s[group[-1].end:hi])
    if pm2 and role in ("grant", "rate", "cap", "threshold"):
        purpose = pm2.group(1)
    one_time = "一次性" in seg and role in ("grant", "rate", "cap")
    amount = dict(amount_yuan=None, amount_min_yuan=None, amount_max_yuan=None)
    rate = dict(rate=None, rate_min=None, rate_max=None)
    if q.kind == "yuan":
        if q.low is not None:
            amount.update(amount_min_yuan=q.low, amount_max_yuan=q.high)
        else:
            amount["amount_yuan"] = q.value
            if q.qualifier == "at_least":
                amount["amount_min_yuan"] = q.value
            elif q.qualifier == "at_most":
                amount["amount_max_yuan"] = q.value
    else:
        if q.low is not None:
            rate.update(rate_min=q.low, rate_max=q.high)
        else:
            rate["rate"] = q.value
            if q.qualifier == "at_least":
                rate["rate_min"] = q.value
            elif q.qualifier == "at_most":
                rate["rate_max"] = q.value
    return MoneyTerm(
        text=v.source(q.start, q.end), start=a + offset, end=b + offset, role=role, qualifier=q.qualifier,
        **amount, **rate, base=base, per=per, duration_years=duration, one_time=one_time,
        recipient=_clean(rec), condition=_clean(cond), purpose=purpose,
    )


def _base(s: str, cs: int, q: Quantity, group: list[Quantity], role: str) -> str | None:
    """What a rate is a share of: 按照研发投入年增量的10% → 研发投入年增量."""
    if role == "budget_growth":
        return _budget_base(s, cs)
    if role == "threshold":
        pre = re.split(r"的|并且|且|、|支持|可对|对", s[cs:group[0].start])[-1]
        pre = re.sub(r"^第\d+条", "", pre)
        return re.sub(r"(?:在|达到|达|为|累计)$", "", pre) or None
    if q.kind == "yuan":
        return None
    if q.kind == "times":
        return re.split(r"处|,", s[cs:q.num_start])[-1] or None
    if role == "share":
        sm = re.search(r"占(.+?)的?(?:比例|比重)", s[cs:group[0].start])
        return sm.group(1) if sm else None
    pre = s[cs:q.num_start] if q is group[0] else s[cs:group[0].start]
    if not pre.endswith("的") and not re.match(r"的?(?:奖励|资金|补助|补贴|支持)", s[group[-1].end:]):
        return None
    m = None
    for m in BASE_INTRO.finditer(pre):
        pass
    tail = pre[m.end():] if m else pre
    tail = re.sub(r"^(?:其|企业|[处并]处|可以并处|并处)", "", tail)
    tail = re.sub(r"^处", "", tail)
    tail = tail.removesuffix("的")
    tail = re.sub(r"^\d+年", "", tail)
    return tail or None


def _budget_base(s: str, cs: int) -> str | None:
    lo = s.rfind("。", 0, cs) + 1
    m = None
    for m in re.finditer(r"(?:各级|本级|市级|县级|省级)?财政[\u4e00-\u9fff]{0,6}?(?:投入|经费|预算|资金|支出)", s[lo:cs + 1] or s[lo:]):
        pass
    return m.group(0) if m else None


def _clean(x: str | None) -> str | None:
    if not x:
        return None
    x = re.sub(r"^(?:其中|对于|对|在|新引进的(?=$))", "", x).strip(",")
    return x or None


def _split_list(x: str, n: int) -> list[str] | None:
    """Split an enumerated phrase into `n` items in order, sharing a head or tail.

    "国家级、自治区级科技企业孵化器、创新加速器" (n=2) → 国家级科技企业孵化器、创新加速器 / 自治区级…;
    "绩效评价一级、二级" → 绩效评价一级 / 绩效评价二级; "国家级高新区、自治区级高新区" → as written.
    """
    parts = [p for p in re.split(r"、|和|及", x) if p]
    g = GRADE.match(parts[-1]) if len(parts) == n else None
    if g and all(len(p) <= 10 and p[-1] == g.group(1)[-1] for p in parts[:-1]) and len(parts[-1]) > len(g.group(1)):
        tail = parts[-1][len(g.group(1)):]
        return [p + tail for p in parts[:-1]] + [parts[-1]]
    if len(parts) == n:
        t0, t1 = parts[0], parts[1]
        if len(t0) > len(t1) and t0[-1] == t1[-1] and len(t1) <= 4:
            head = t0[: len(t0) - len(t1)]
            return [t0] + [head + t for t in parts[1:]]
        return parts
    if len(parts) > n:
        mods = parts[: n - 1]
        g = GRADE.match(parts[n - 1])
        if g and all(len(p) <= 10 and p[-1] == g.group(1)[-1] for p in mods):
            tail = x[x.index(parts[n - 1]) + len(g.group(1)):]
            return [p + tail for p in mods] + [g.group(1) + tail]
    return None


def _distribute(v: View, lo: int, raw, terms: list[MoneyTerm]) -> list[MoneyTerm]:
    """分别 lists and tiers: map the i-th amount of a list to the i-th recipient/condition/threshold."""
    s = v.s
    by_group: dict[int, list[int]] = {}
    for idx, (q, role, group, gi) in enumerate(raw):
        by_group.setdefault(gi, []).append(idx)
    for gi, idxs in by_group.items():
        if len(idxs) < 2 or raw[idxs[0]][1] == "threshold":
            continue
        group = raw[idxs[0]][2]
        n = len(idxs)
        first = terms[idxs[0]]
        if group[0].qualifier in ("at_least", "at_most") and group[0].bound:
            for i in idxs[1:]:
                t = terms[i]
                if t.qualifier == "exact":
                    key = "min" if group[0].qualifier == "at_least" else "max"
                    field = ("amount_%s_yuan" % key) if t.amount_yuan is not None else "rate_%s" % key
                    terms[i] = replace(t, qualifier=group[0].qualifier, **{field: t.amount_yuan if t.amount_yuan is not None else t.rate})
        tiers = [j for j, r in enumerate(raw) if r[1] == "threshold" and r[3] < gi and len(r[2]) == n]
        if tiers and len({raw[j][3] for j in tiers}) == 1 and len(tiers) == n:
            lead = s[clause_start(s, lo, raw[tiers[0]][0].start):raw[tiers[0]][0].start]
            lead = re.sub(r"^.*?对", "", lead)
            for i, j in zip(idxs, tiers):
                terms[i] = replace(terms[i], condition=_clean(lead + terms[j].text))
            continue
        if "分别" not in s[lo:group[0].start]:
            continue
        rec, cond = first.recipient, first.condition
        items = _split_list(rec, n) if rec else None
        if items:
            for i, item in zip(idxs, items):
                terms[i] = replace(terms[i], recipient=item)
            continue
        items = _split_list(cond, n) if cond else None
        if items:
            for i, item in zip(idxs, items):
                terms[i] = replace(terms[i], condition=item)
    return terms


def _threshold_conditions(v: View, lo: int, raw, terms: list[MoneyTerm]) -> list[MoneyTerm]:
    """A term with no 对… condition takes the thresholds written just before it as its condition."""
    s, pending = v.s, []
    for i, (q, role, group, gi) in enumerate(raw):
        if role == "threshold":
            pending.append(q)
            continue
        if pending and terms[i].condition is None:
            a = clause_start(s, lo, pending[0].start)
            cond = re.sub(r"^(?:第\d+条|其中|对)", "", s[a:pending[-1].end])
            terms[i] = replace(terms[i], condition=cond or None)
        if role not in ("threshold",) and (i + 1 >= len(raw) or raw[i + 1][3] != gi):
            pending = []
    return terms


def _inherit(terms: list[MoneyTerm], roles: list[str]) -> list[MoneyTerm]:
    """Terms of one sentence share the recipient, condition and purpose written once."""
    purpose = next((t.purpose for t in terms if t.purpose and t.role in ("grant", "rate")), None)
    out = []
    for t in terms:
        if t.purpose is None and purpose and t.role in ("cap", "threshold", "rate", "grant"):
            t = replace(t, purpose=purpose)
        out.append(t)
    return out


def _link(terms: list[MoneyTerm], first: int) -> list[MoneyTerm]:
    """A cap and the rate(s) it limits in one sentence point at each other."""
    rates = [i for i, t in enumerate(terms) if t.role == "rate"]
    caps = [i for i, t in enumerate(terms) if t.role == "cap"]
    if not rates or not caps:
        return terms
    out = list(terms)
    for c in caps:
        mine = [r for r in rates if r < c and not any(r < c2 < c for c2 in caps)] or [min(rates, key=lambda r: abs(r - c))]
        out[c] = replace(out[c], linked=tuple(first + r for r in mine))
        for r in mine:
            out[r] = replace(out[r], linked=out[r].linked + (first + c,))
    return out


SKIP_KINDS = ("breadcrumb", "letter", "title", "toc")
NO_UNIT = re.compile(r"\d+(?:\.\d+)?[十百千]?[万亿](?=以上|以下|左右)")
NO_UNIT_CONTEXT = re.compile(r"资金|经费|担保|金额|投资|投入|奖励|补助")


def extract_money(doc) -> tuple[dict, dict, tuple, tuple]:
    """Money terms and support per node, document targets, and warnings.

    Each term goes to the deepest node whose own text holds it (terms are
    found in each node's own text). Sections whose heading names a 目标 yield
    targets instead of money terms; every `budget_growth` term is a target too.
    """
    from ..model import Warning
    from .support import find_support
    from .targets import Target, find_targets

    money: dict[str, tuple[MoneyTerm, ...]] = {}
    support: dict[str, tuple] = {}
    targets: list[Target] = []
    warnings: list[Warning] = []
    text = doc.text
    goal_spans = []
    for node in doc.nodes():
        if node.kind in SKIP_KINDS or any(a <= node.start < b for a, b in goal_spans):
            continue
        if node.kind != "document" and node.title and "目标" in node.title:
            goal_spans.append((node.start, node.end))
            targets.extend(find_targets(text[node.start:node.end], node.start))
            continue
        own = text[node.start:node.own_end]
        terms = money_terms(own, node.start)
        if terms:
            money[node.id] = terms
        found = find_support(own, node.start)
        if found:
            support[node.id] = found
        for t in terms:
            if t.role == "budget_growth":
                pct = round(t.rate * 100, 6)
                targets.append(Target(t.text, t.start, t.end, (t.base or "") + (t.per or "") + "增长率",
                                      int(pct) if pct == int(pct) else pct, "%", t.qualifier))
        for m in NO_UNIT.finditer(own):
            line = own[own.rfind("\n", 0, m.start()) + 1:own.find("\n", m.end()) % (len(own) + 1)]
            if NO_UNIT_CONTEXT.search(line):
                a = node.start + m.start()
                warnings.append(Warning("W401", f"amount without a currency unit: {m.group(0)}", a, a + len(m.group(0))))
    targets.sort(key=lambda t: t.start)
    return money, support, tuple(targets), tuple(warnings)
