"""What a written quantity means as money: its role (grant, rate, cap, threshold, share, fine…), from the
words around it, or None when it is no money term (a score, a formula, a share of people or land).

Split from `money` (which builds the terms); the rules are data (the patterns below) and one
function per kind of quantity.
"""
from __future__ import annotations

import re

from .quantity import Quantity, clause_start

GRANT = re.compile(r"给予|奖励|补助|补贴|资助|支持|奖补|扶持|补偿|返还|贴息|资金|经费")
FINE = re.compile(r"^的?(?:罚款|罚金)")
FEE = re.compile(r"费率|收费|利率|费用")
MONEY_WORDS = re.compile(r"金额|资金|担保|贷款|经费|投入|投资|财政|费|收入|奖励|补助|产值|总额|价款|价格|首付|风险责任"
                         r"|销售额|营业额|所得|利润")
# A percentage written right after an amount of money is a share of it (a money rule, whatever
# it sets): 合同金额的30%, 应监管资金的50%, 挂牌价的20%, 占主营业务收入不低于2%, 登记价格百分之五.
MONEY_BASE = re.compile(r"(?:金额|资金|经费|价款|价格|价|收入|所得|产值|总额|余额|费用|成本|利润|税款|出让金|保证金"
                        r"|(?:投资|购置|销售|营业|交易|成交|担保|贷款|缴存|合同)额)的?$")
# A clause whose subject is an amount of money set at a share of a price (a money rule; the price
# is unnamed, so no base): 竞买保证金由现行的20%提高到30%, 付款比例为…30天内支付50%, 首付款比例调整为30%.
MONEY_SUBJECT = re.compile(r"\s*(?P<subject>[\u4e00-\u9fff]{0,6}?(?:保证金|价款|房款|购房款|首付款|首付|付款|定金|押金"
                           r"|出让金|租金|贷款|资金|金额|税款))(?:比例|比率)?(?:由|从|为|调整|提高|降低|上调|下调)")
# A share of people, land or places, not of money (the lead's rule, issue 14): 贫困人口比例, 覆盖率.
NOT_MONEY = re.compile(r"人口|人员|人数|学生|职工|面积|用地|土地|耕地|覆盖率|利用率|普及率|户数|床位")
# A share of money that says when something applies: 超出预算金额百分之十且超出部分多于一万元的.
OVER_BY = re.compile(r"(?:(?:或者?|且|并且)[^;。]*)?的$")
# A loan ceiling or price moved by a percentage: 在最高额度基础上再上浮20%, （上浮10%）.
UPLIFT, CREDIT = re.compile(r"(?:上浮|下浮|上调|下调)$"), re.compile(r"额度|贷款|价格|利率|房价|租金")
# A tax counted at a share of the income: 减按50%计入…所得, 减按15%的税率.
TAX_SHARE = re.compile(r"减按$")
# A multiple of an amount of money named as such: 缴存余额倍数由10倍提高至12倍.
MONEY_MULTIPLE = re.compile(r"(?P<b>[\u4e00-\u9fff]{0,2}(?:余额|工资|收入|金额|存款|缴存额|基数))的?倍数")
# A rate named after the number, past any bracket: 按不超过0.8%（…）的优惠担保费率; 2‰的滞纳金.
FEE_AFTER = re.compile(r"^(?:\([^()]*\))?的?[\u4e00-\u9fff]{0,6}?(?:费率|利率|滞纳金|违约金)")
# After 的, a noun that makes the amount the thing given (not a condition): 300万元的奖励.
GIVEN = re.compile(r"^的?[\u4e00-\u9fff“”]{0,8}?"
                   r"(?:奖励|补助|补贴|资助|支持|奖金|罚款|罚金|赔偿|贷款|增信担保|资金|基金)"
                   r"(?:$|[,:。;])")
CLAUSE_END = re.compile(r"[,:]")
PUNISH = re.compile(r"处|罚款")
GROWTH = re.compile(r"(?:增长|增加|提高|增幅)$")
SHARE = re.compile(r"占比|比例|比重|占")
GIVEN_AFTER = re.compile(r"的?(?:奖励|资金|补助|补贴|支持)")
FUND, FUND_NOUN = re.compile(r"规模|设立|安排|统筹|筹集"), re.compile(r"^的?[\u4e00-\u9fff]{0,10}?(?:资金|基金)")
REFERENCE = re.compile(r"的?(?:赔偿|损失|基础|标准|水平)")
# A multiple of a money standard given as a term: 按最低生活保障标准的1.5倍.
STANDARD_TIMES = re.compile(r"(?:按照|按|参照|依据|依照)[\u4e00-\u9fff“”]{1,20}?(?:标准|工资|收入|费用|金额|价格|基数)的?$")
# A percentage in a formula (…/上一年度费用×100%), not a term.
FORMULA = re.compile(r"[×*✕xX]$")
# A score, not money: an amount followed by the points it earns (…5000万元以上的，得5分; a table's 10分).
POINTS = re.compile(r"^的?[,:]?(?:可?[得计加扣记赋]|加计|得分)?\d+(?:\.\d+)?分(?![之钟别期配类级局行])")
RATED = re.compile(r"%|百分之|倍")
RATE_BASE = re.compile(r"(?:按照|按(?!照)|参照|依据)(?!规定|有关|程序|时|期)")
BUDGET_BASE = re.compile(r"(?:各级|本级|市级|县级|省级)?财政[\u4e00-\u9fff]{0,6}?(?:投入|经费|预算|资金|支出)")


def role_of(s: str, lo: int, hi: int, group: tuple[Quantity, ...], q: Quantity, nxt) -> str | None:
    """The role of `q` from the words around its list; None for a percentage that is not about money."""
    cs = clause_start(s, lo, group[0].start)
    pre, post = s[cs:group[0].start], s[group[-1].end:hi]
    cpost = CLAUSE_END.split(post, maxsplit=1)[0]
    if POINTS.match(post):
        return None
    if FINE.search(post) or (q.kind != "pct" and "罚款" in cpost and PUNISH.search(pre + cpost)):
        return "fine"
    if q.kind == "times":
        money_multiple = STANDARD_TIMES.search(s, cs, q.num_start) or MONEY_MULTIPLE.search(s, cs, q.num_start)
        return "rate" if money_multiple else None
    if q.kind == "pct":
        return _pct_role(s, lo, hi, group, q, cs, pre, post, cpost)
    if FUND.search(pre) and FUND_NOUN.search(cpost):
        return "fund_size"
    if q.qualifier == "at_most" and any(w.startswith(("最高", "最多", "上限", "封顶")) for w in q.words):
        return "cap"
    if REFERENCE.match(cpost):
        return "other"
    if (cpost.startswith("的") and not GIVEN.search(cpost.split("给予")[0])) or cpost.startswith(("且", "至")):
        return "threshold"
    if q.qualifier != "exact" and cpost.startswith("、") and not cpost[1:2].isdigit():
        return "threshold"
    if GRANT.search(pre) or GRANT.search(cpost):
        capped = q.qualifier == "at_most" and not _given_outright(s, lo, hi, group[0].start, cpost)
        return "cap" if capped else "grant"
    if nxt and cpost == "" and GRANT.search(s[max(lo, nxt[0][0].start - 12):nxt[0][-1].end + 8]):
        return "threshold"
    return "other"


def _pct_role(s: str, lo: int, hi: int, group, q: Quantity, cs: int, pre: str, post: str, cpost: str) -> str | None:
    """The role of a percentage; None when it is not about money (覆盖率, a share of people or land).

    A share of an amount of money is a money rule (补助比例20%, 合同金额的30%, 首付比例20%); its base
    is the amount written before it. A share set for money that is its clause's subject
    (保证金由20%提高到30%, 付款比例为…支付50%) is one too, with no base."""
    lead = s[cs:q.num_start]  # the clause up to the number, a bound word and base far before it included
    if FORMULA.search(s, max(lo, q.num_start - 1), q.num_start):
        return None
    if FEE.search(s[max(lo, group[0].start - 30):group[0].start]) and not GRANT.search(cpost[:6]):
        return "fee"
    if FEE_AFTER.match(post):
        return "fee"
    condition = cpost.startswith("的") and not GIVEN.search(cpost.split("给予")[0]) and not REFERENCE.match(cpost)
    if condition and MONEY_WORDS.search(pre):
        return "threshold"
    if GROWTH.search(pre) and BUDGET_BASE.search(s, lo, group[0].start):
        return "budget_growth"
    if (UPLIFT.search(lead) and CREDIT.search(s, lo, hi)) or TAX_SHARE.search(lead):
        return "rate"
    base = MONEY_BASE.search(lead)
    if base and "罚款" in cpost and PUNISH.search(cpost):
        return "fine"
    if base and OVER_BY.match(cpost):
        return "threshold"
    # a share whose own clause names money, or whose sentence does and its clause names no people or land
    if SHARE.search(pre) and (MONEY_WORDS.search(lead) or (MONEY_WORDS.search(s, lo, hi) and not NOT_MONEY.search(lead))):
        return "share"
    if GRANT.search(pre) or GRANT.search(cpost) or GIVEN_AFTER.match(post):
        return "rate"
    if base:
        return "rate" if GRANT.search(s, q.end, hi) else "share"
    subject = MONEY_SUBJECT.match(lead)
    if subject and not NOT_MONEY.search(lead, subject.end()):
        return "share"
    return None


def _given_outright(s: str, lo: int, hi: int, g0: int, cpost: str) -> bool:
    """Whether an at_most amount is itself what is given (给予人民币1万元以下奖励), not a cap on a rate.

    It is when its clause gives it (给予 before, a grant noun right after) and
    the sentence has no rate, multiple or 按… base for it to limit.
    """
    return (s.find("给予", clause_start(s, lo, g0), g0) >= 0 and bool(GIVEN.match(cpost))
            and not RATED.search(s, lo, hi) and not RATE_BASE.search(s, lo, g0))
