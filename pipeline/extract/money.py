"""Money terms: who gets how much, with which bound, rate, cap, scope and duration.

`money_terms(text)` is a pure function over one span of text (a node's own
text, a sentence); `extract_money(doc)` runs it over every node and also
collects unquantified support, document-level targets and warnings. Bounds
come only from explicit words (不低于/超过/以上 → at_least, 最高/不超过/以下 →
at_most), never guessed. Example: "按照研发投入年增量的10%给予科技经费支持,
单个企业每年最高支持300万元" gives a `rate` 0.1 of 研发投入年增量 and a `cap`
of 3000000 yuan at_most per 单个企业每年, each `linked` to the other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import ClassVar, Literal, get_args

from ..cnnum import parse_int
from ..model import Document, Layer
from ..records import describe
from ..warnings import Finding, finding
from .money_links import Found, groups, relate
from .money_roles import BUDGET_BASE, GIVEN_AFTER, MONEY_BASE, MONEY_MULTIPLE, role_of
from .parties import PAYEE, clean, dui_before, dui_phrases, split_dui
from .quantity import Quantity, View, clause_start, quantities, sentences, view
from .table_rows import tables
from .targets import outside_goals

GRANTING = ("grant", "rate", "cap")
AMOUNT_FIELDS = ("amount_yuan", "amount_min_yuan", "amount_max_yuan")
RATE_FIELDS = ("rate", "rate_min", "rate_max")

# Where the amount a share is of starts: 缴纳出让价款的50% → 出让价款, 占主营业务收入不低于2% → 主营业务收入.
BASE_CUT = re.compile(r"占|至|按照|按|缴纳|支付|不超过|不低于|不高于|超过|低于|高于|为")
PURPOSE = re.compile(r"的?(?:给予)?(?:企业)?(?:给予)?(?:对[\u4e00-\u9fff]{1,4}?进行)?"
                     r"([\u4e00-\u9fff]{0,8}?(?:经费支持|资金支持|奖励支持|支持|奖励|补助|补贴|资助|奖补))")
# Every alternative starts with a literal (单, 每, 年), so the regex engine skips ahead to those characters.
PER = re.compile(r"单个[\u4e00-\u9fff]{1,6}?每年|单个(?:企业|单位|项目|机构|高校院所|品种|人)"
                 r"|单(?:户|项|品种|台设备|笔)"
                 r"|每(?:年度|平方米|立方米|千瓦时|[年项个户家人台件笔月亩次吨])(?:每年度|每[年项个户家人台件笔月亩次])*"
                 r"|年度(?=增长)")
# The measure of a price (每平方米一元) is the price's alone; an amount after it is not per that measure.
MEASURE_PER, PRICED = re.compile(r"每(?:平方米|立方米|千瓦时|吨)"), re.compile(r"元|%")
_N = r"\d+|[一二两三四五六七八九十]"
# 前2年/后3年 count only in the term's own clause; 连续3年, 3年内, 给予五年奖励 anywhere before it.
PERIOD = re.compile(rf"(?:前|后)({_N})年")
# 连续支持3年 written after the amount.
LATER_DURATION = re.compile(rf"[^。;]*?,连续(?:支持|补贴|补助|奖励|资助|给予)({_N})年")
DURATION = re.compile(rf"连续(?P<b>{_N})年(?=每年|给予|奖励|补助|支持|分别)|(?P<c>{_N})年内"
                      rf"|给予[\u4e00-\u9fff]{{0,4}}?(?P<d>{_N})年(?=奖励|\d)")
BASE_INTRO = re.compile(r"按照|按其|按|参照其|参照|依据|给予[\u4e00-\u9fff]{0,2}?企业|给予|返还其|返还"
                        r"|不高于|不低于|不超过|为其|为")
MARKS = re.compile(r"元|%|‰|倍|百分之")
FINE_WHO = re.compile(r"可以|处|依法|,")
EACH = re.compile(r"(?:每项|单个|每个)([\u4e00-\u9fff]{2,12}?)(?=给予|奖励|补助)")
METRIC_CUT, METRIC_VERB = re.compile(r"的|并且|且|、|支持|可对|对"), re.compile(r"(?:首次|累计)?(?:在|达到|达|为)?$")
ARTICLE, TIMES_CUT = re.compile(r"^第\d+条"), re.compile(r"处以|处|,")
SHARE_OF, SHARE_OF_END = re.compile(r"占(.+?)的?(?:比例|比重)"), re.compile(r"占(.+?)的$")
# Words before a base that are not part of it: 处以相当于非法收入的15% → 非法收入.
BASE_LEAD = re.compile(r"^(?:其|企业|可以并处|[处并]处以?|处以?|以(?=相当于)|相当于|(?:按照|按|参照|依据|依照)(?!规定))+")
YEARS_LEAD = re.compile(r"^\d+年")
# The last of these before a multiple starts its base: …部门按直接经济损失的五至十倍 → 直接经济损失.
TIMES_INTRO = re.compile(r"按照|按(?!照)|参照|依据|依照")


Role = Literal["grant", "rate", "cap", "threshold", "share", "budget_growth", "fine", "fee", "fund_size", "other"]
Qualifier = Literal["exact", "at_least", "at_most", "range", "about"]
ROLES: tuple[str, ...] = get_args(Role)


@dataclass(frozen=True)
class MoneyTerm:
    """A money term: one written amount or percentage with what it means. Amounts are in
    yuan; `rate`, `rate_min`, `rate_max` are fractions (10% = 0.1), or multiples of `base`
    for fines (一倍以上五倍以下).

    `amount_min_yuan` and `amount_max_yuan` repeat the amount for at_least/at_most and
    hold both ends of a range.
    """

    text: str = field(metadata=describe(min_length=1))
    start: int = field(metadata=describe(minimum=0))
    end: int = field(metadata=describe(minimum=0))
    role: Role
    qualifier: Qualifier = field(metadata=describe("taken only from the words written (不低于 -> at_least)"))
    amount_yuan: float | None = None
    amount_min_yuan: float | None = None
    amount_max_yuan: float | None = None
    rate: float | None = None
    rate_min: float | None = None
    rate_max: float | None = None
    base: str | None = field(default=None, metadata=describe("what a rate applies to (研发投入年增量)"))
    per: str | None = field(default=None, metadata=describe("the scope as written (单个企业每年, 每项)"))
    duration_years: int | None = field(default=None, metadata=describe(minimum=1))
    one_time: bool = False
    recipient: str | None = None
    condition: str | None = None
    purpose: str | None = None
    linked: tuple[int, ...] = field(default=(), metadata=describe(
        "indices, in the same node's money records, of the cap(s) limiting this rate or the rate(s) this cap limits"))
    # The diff pairs two versions' terms for the same recipient, condition… first (diff/fields.py).
    diff_identity: ClassVar[tuple[str, ...]] = ("recipient", "condition", "per", "purpose", "base")

    def entity_spans(self) -> tuple[tuple[int, int, str], ...]:
        return ((self.start, self.end, "MONEY_" + self.role.upper()),)


def money_terms(text: str, offset: int = 0, folded: str | None = None) -> tuple[MoneyTerm, ...]:
    """Money terms in `text`, with offsets shifted by `offset` (where `text` sits in its document).

    `folded` is `fold(text)` when the caller has it (a slice of the folded document).
    """
    if not ("元" in text or "%" in text or "％" in text or "‰" in text or "倍" in text or "百分之" in text):
        return ()
    v = view(text, folded)
    out: list[MoneyTerm] = []
    prev_lo = None
    for lo, hi in sentences(v.s):
        before, prev_lo = prev_lo, lo
        if not MARKS.search(v.s, lo, hi):
            continue
        found = []
        gs = groups(v.s, quantities(v.s, lo, hi))
        for gi, group in enumerate(gs):
            for q in group:
                role = role_of(v.s, lo, hi, group, q, gs[gi + 1:gi + 2])
                if role:
                    found.append(Found(q, role, group, gi))
        duis = dui_phrases(v.s, lo, hi) if found else []
        terms = [_term(v, lo, hi, f, offset, duis) for f in found]
        out.extend(relate(v.s, lo, found, terms, len(out), before))
    return tuple(out)


def _term(v: View, lo: int, hi: int, f: Found, offset: int, duis: list[re.Match]) -> MoneyTerm:
    s, q, role, g0 = v.s, f.q, f.role, f.group[0].start
    dui = dui_before(duis, g0)
    seg_lo = dui.start("x") if dui else lo
    cs = clause_start(s, lo, g0)
    cond = rec = None
    if dui and role == "fine":
        rec = FINE_WHO.split(dui.group("x"))[0] or None
    elif dui:
        cond, rec = split_dui(dui.group("x"))
    elif role not in ("threshold", "fine"):
        m = EACH.search(s, cs, g0)
        rec = m.group(1) if m else None
    payee = PAYEE.search(s, max(cs, dui.end("x")) if dui else cs, hi) if role in GRANTING else None
    if payee:
        if rec and cond is None and dui:
            cond = dui.group("x")
        rec = payee.group(1)
    elif not dui and s.find("分别", lo, g0) >= 0:
        pc = clause_start(s, lo, max(lo, cs - 1))
        cond = s[pc:max(pc, cs - 1)] or None
    per = q.per
    if per is None and role != "rate":
        per = _per(s, cs, g0) or (None if role == "threshold" or seg_lo == cs else _per(s, seg_lo, g0))
    end = f.group[-1].end
    dur, one_time = None, False
    if role in GRANTING:
        if s.find("年", min(cs, seg_lo), g0) >= 0:  # PERIOD and DURATION both need one
            dur = _last(PERIOD, s, cs, g0, whole=False) or _last(DURATION, s, seg_lo, g0, whole=False)
        later = LATER_DURATION.match(s, end, hi) if dur is None else None
        dur = later.group(1) if later else dur
        ce = s.find(",", end, hi)
        one_time = s.find("一次性", seg_lo, g0) >= 0 or s.find("一次性", end, ce if ce >= 0 else hi) >= 0
    purpose = PURPOSE.match(s, end, hi) if role in GRANTING or role == "threshold" else None
    a, b = v.span(q.start, q.end)
    return MoneyTerm(
        text=v.text[a:b], start=a + offset, end=b + offset, role=role, qualifier=q.qualifier,
        **_numbers(q), base=_base(s, lo, cs, f), per=per,
        duration_years=parse_int(dur) if dur else None, one_time=one_time,
        recipient=clean(rec), condition=clean(cond),
        purpose=purpose.group(1) if purpose else None,
    )


def _per(s: str, a: int, b: int) -> str | None:
    """The last `PER` in `s[a:b]`, except a price's measure (每立方米, 每平方米…) that an amount
    after it has taken: `处理成本为每立方米2.4元左右，实现经济效益900万元` gives 900万元 none."""
    m = None
    for m in PER.finditer(s, a, b):
        pass
    if m is None or (MEASURE_PER.match(m.group(0)) and PRICED.search(s, m.end(), b)):
        return None
    return m.group(0)


def _last(pattern: re.Pattern, s: str, a: int, b: int, whole: bool = True) -> str | None:
    """The last match of `pattern` in `s[a:b]`: the whole match, or its first non-empty group."""
    m = None
    for m in pattern.finditer(s, a, b):
        pass
    if m is None:
        return None
    return m.group(0) if whole else next(g for g in m.groups() if g)


def _numbers(q: Quantity) -> dict[str, float | None]:
    """The amount or rate fields of a quantity, min/max repeating the number for a one-sided bound."""
    keys = AMOUNT_FIELDS if q.kind == "yuan" else RATE_FIELDS
    value, low, high = (None, q.low, q.high) if q.low is not None else (
        q.value, q.value if q.qualifier == "at_least" else None, q.value if q.qualifier == "at_most" else None)
    out = dict.fromkeys(AMOUNT_FIELDS + RATE_FIELDS)
    out.update(zip(keys, (value, low, high)))
    return out


def _base(s: str, lo: int, cs: int, f: Found) -> str | None:
    """What a rate is of (按照研发投入年增量的10% → 研发投入年增量), or what a threshold measures."""
    q, role, g0 = f.q, f.role, f.group[0].start
    if role == "budget_growth":
        return _last(BUDGET_BASE, s, lo, cs + 1)
    if role == "threshold":
        pre = METRIC_CUT.split(s[cs:g0])[-1]
        pre = ARTICLE.sub("", pre)
        return METRIC_VERB.sub("", pre) or None
    if q.kind == "yuan":
        return None
    if q.kind == "times" and MONEY_MULTIPLE.search(s, cs, q.num_start):
        return MONEY_MULTIPLE.search(s, cs, q.num_start).group("b")
    if q.kind == "times":
        base = TIMES_INTRO.split(TIMES_CUT.split(s[cs:q.num_start])[-1])[-1]
        return BASE_LEAD.sub("", base).removesuffix("的") or None
    if role == "share":
        m = SHARE_OF.search(s[cs:g0]) or SHARE_OF_END.search(s[cs:g0])
        head = next((s[cs:e] for e in (q.num_start, q.start) if MONEY_BASE.search(s, cs, e)), None)
        if m or head is None:
            return m.group(1) if m else None
        return next((p for p in reversed(BASE_CUT.split(head)) if p), "").removesuffix("的") or None
    pre = s[cs:q.num_start] if q is f.group[0] else s[cs:g0]
    if not pre.endswith("的") and not GIVEN_AFTER.match(s, f.group[-1].end):
        return None
    intro = None
    for intro in BASE_INTRO.finditer(pre):
        pass
    tail = pre[intro.end():] if intro else pre
    tail = BASE_LEAD.sub("", tail).removesuffix("的")
    return YEARS_LEAD.sub("", tail) or None


NO_UNIT = re.compile(r"\d\d*(?:\.\d+)?[十百千]?[万亿](?=以上|以下|左右)")
NO_UNIT_CONTEXT = re.compile(r"资金|经费|担保|金额|投资|投入|奖励|补助")
# A header cell of a scoring table: its rows' amounts are tiers of points, not money given.
POINTS_HEADER = re.compile(r"分值|积分|得分|分数|评分|赋分|^分$")


def points_tables(text: str) -> list[tuple[int, int]]:
    """[start, end) of every table (tab-separated rows) whose header has a points column."""
    if "\t" not in text:
        return []
    return [(t.start, t.end) for t in tables(text) if any(POINTS_HEADER.search(c.text.strip()) for c in t.rows[0])]


@dataclass(frozen=True)
class Money:
    """Money terms of every node's own text, outside goal sections (their figures are targets).

    Warning W401: an amount in 万/亿 written without 元 in a money context.
    """

    name: ClassVar[str] = "money"
    record: ClassVar[type] = MoneyTerm

    def run(self, doc: Document) -> Layer:
        text, folded = doc.text, doc.folded
        records: dict[str, tuple[MoneyTerm, ...]] = {}
        warnings: list[Finding] = []
        scores = points_tables(text)
        for node in outside_goals(doc):
            own, own_folded = text[node.start:node.own_end], folded[node.start:node.own_end]
            terms = money_terms(own, node.start, own_folded)
            if scores and terms:
                terms = _renumber([t for t in terms if not any(a <= t.start < b for a, b in scores)], terms)
            if terms:
                records[node.id] = terms
            for m in NO_UNIT.finditer(own) if "万" in own or "亿" in own else ():
                line = own[own.rfind("\n", 0, m.start()) + 1:m.end() + 40].split("\n")[0]
                if NO_UNIT_CONTEXT.search(line):
                    a = node.start + m.start()
                    warnings.append(finding("W401", m.group(0), a, a + len(m.group(0))))
        return Layer(self.name, records, tuple(warnings))


def _renumber(kept: list[MoneyTerm], terms: tuple[MoneyTerm, ...]) -> tuple[MoneyTerm, ...]:
    """`kept` (a subset of `terms`, in order) with `linked` indices pointing into `kept`."""
    if len(kept) == len(terms):
        return terms
    new = {id(t): i for i, t in enumerate(kept)}
    index = {i: new[id(t)] for i, t in enumerate(terms) if id(t) in new}
    return tuple(replace(t, linked=tuple(index[j] for j in t.linked if j in index)) for t in kept)
