"""Money wordings of issue 14 (second round): shares of an amount of money, permille, loan
uplifts, tax shares, multiples of a balance, a rate named after a bracket, 亿元 without a number.

The lead's rule: a percentage that is a share of an amount of money is a money term (role share,
or rate when it sets what is given, with its base); one that is not about money (覆盖率, a share
of people or land) is not. Real sentences are quoted from `corpus/` and `corpus/wild/` (expected
values read from them); each case also has a minimal synthetic sentence.
"""
from __future__ import annotations

from functools import lru_cache

import pytest

from conftest import CORPUS
from pipeline.api import ingest_file
from pipeline.extract.money import money_terms

WILD = CORPUS / "wild"


@lru_cache(maxsize=None)
def terms_of(name: str):
    return ingest_file(WILD / name).layer("money").all()


def only(name: str, text: str):
    (found,) = [t for t in terms_of(name) if t.text == text]
    return found


def fields(t) -> tuple:
    return (t.role, t.qualifier, t.rate, t.rate_min, t.rate_max, t.base)


# --- a share of an amount of money, written after the amount -----------------------------------

ANYANG = "anyang-2022-fangdichan-pingwen-jiankang-yijian.html"  # 安阳 房地产 意见: land and loan shares


def test_shares_of_a_price_in_a_real_text():
    # 土地竞拍保证金最低比例可下调至挂牌价的20%，…缴纳出让价款的50%
    shares = [(t.text, t.role, t.rate, t.base) for t in terms_of(ANYANG) if t.role == "share"]
    assert ("20%", "share", 0.2, "挂牌价") in shares and ("50%", "share", 0.5, "出让价款") in shares
    assert ("20%", "share", 0.2, None) in shares  # 贷款最低首付比例为20%
    cap = only(ANYANG, "不超过应监管资金的50%")  # 保函额度不超过应监管资金的50%
    assert (cap.qualifier, cap.rate, cap.base) == ("at_most", 0.5, "应监管资金")


def test_a_share_that_sets_a_grant_is_a_rate_in_a_real_text():
    # 皖政办秘〔2021〕82号: 省级按该款产品首轮流片合同或掩膜版制作合同金额的30%，给予一次性奖补
    t = only("anhui-2021-wanzhengbanmi82-gongye-hulianwang.txt", "30%")
    assert (t.role, t.rate, t.base) == ("rate", 0.3, "该款产品首轮流片合同或掩膜版制作合同金额")


def test_shares_of_revenue_and_output_in_a_real_text():
    # 陕西 高新区认定办法: R&D经费支出占主营业务收入不低于2%…特色产业产值占工业总产值不低于60%
    found = {(t.text, t.role) for t in terms_of("shaanxi-2019-gaoxinqu-rending-banfa.txt")}
    assert {("不低于2%", "share"), ("不低于1.5%", "share"), ("不低于60%", "share"), ("不低于5%", "share")} <= found


@pytest.mark.parametrize("sentence, text, expected", [
    ("竞买保证金可下调至挂牌价的20%。", "20%", ("share", "exact", 0.2, None, None, "挂牌价")),
    ("须在一个月内缴纳出让价款的50%。", "50%", ("share", "exact", 0.5, None, None, "出让价款")),
    ("按合同金额的30%，给予一次性补助。", "30%", ("rate", "exact", 0.3, None, None, "合同金额")),
    ("企业研发经费支出占主营业务收入不低于3%。", "不低于3%", ("share", "at_least", 0.03, 0.03, None, "主营业务收入")),
    # a clause naming money is a share of money though it names land too
    ("首期缴纳的土地出让价款占成交价款的比例不低于50%。", "不低于50%", ("share", "at_least", 0.5, 0.5, None, "成交价款")),
    ("工程决算金额超出预算金额百分之十且超出部分多于一万元的，应重新申请。", "百分之十",
     ("threshold", "exact", 0.1, None, None, "工程决算金额超出预算金额")),
])
def test_shares_of_money(sentence, text, expected):
    (t,) = [t for t in money_terms(sentence) if t.text == text]
    assert fields(t) == expected


def test_shares_set_for_money_that_is_the_subject_of_the_clause_in_a_real_text():
    # 榕政办〔2016〕180号: 竞买保证金由现行的20%提高到30%，…付款比例为合同签订之日起30天内支付50%
    found = [fields(t) for t in terms_of("fuzhou-2016-rongzhengban180-fangdichan-ruogan-yijian.html")]
    for rate in (0.2, 0.3, 0.5):
        assert ("share", "exact", rate, None, None, None) in found


@pytest.mark.parametrize("sentence, rates", [
    ("竞买保证金由现行的20%提高到30%。", [0.2, 0.3]),
    ("付款比例为签约之日起30天内支付50%，其余在90天内付清。", [0.5]),
    ("土地出让金首付比例调整为50%。", [0.5]),
])
def test_shares_set_for_money_that_is_the_subject_of_the_clause(sentence, rates):
    assert [(t.role, t.rate) for t in money_terms(sentence)] == [("share", r) for r in rates]


@pytest.mark.parametrize("sentence", [
    "农村人口比例由20%提高到30%，财政资金予以保障。",  # a share of people moved, in a sentence about money
    "人员比例由20%调整为30%。",
    "贫困人口比例降至5%以下，财政资金向贫困地区倾斜。",   # a share of people, in a sentence about money
    "园区规模以上工业企业覆盖率达到80%以上，投资持续增长。",
    "大班额比例控制在5%以内。",
    "新增用地中工业用地占比不低于30%，财政资金予以保障。",  # a share of land
])
def test_shares_not_about_money_are_not_money(sentence):
    assert not [t for t in money_terms(sentence) if t.amount_yuan is None and t.amount_min_yuan is None]


# --- fines as a share of a price ----------------------------------------------------------------

def test_a_fine_as_a_share_of_a_price_in_a_real_text():
    # 深圳 房地产登记条例 第五十四条: 按照房地产登记价格百分之五的标准处以罚款
    t = [t for t in terms_of("shenzhen-rd-2021-jingjitequ-fangdichan-dengji.txt") if t.text == "百分之五"]
    assert [(x.role, x.rate) for x in t] == [("fine", 0.05)]


def test_a_fine_range_of_shares_and_a_share_past_a_budget_in_real_texts():
    # 洛阳市城乡规划条例 第五十八条: 处建设工程造价百分之五以上百分之十以下罚款
    (fine, *_) = [t for t in terms_of("luoyang-rd-2012-chengxiangguihua.txt") if t.text == "百分之五以上百分之十以下"]
    assert (fine.role, fine.qualifier, fine.rate_min, fine.rate_max) == ("fine", "range", 0.05, 0.1)
    # 舟山市物业管理条例: 维修工程决算金额超出预算金额百分之十且超出部分多于一万元的，…重新申请
    (over,) = [t for t in terms_of("zhoushan-rd-2021-wuyeguanli.txt") if t.text == "百分之十"]
    assert (over.role, over.rate, over.base) == ("threshold", 0.1, "维修工程决算金额超出预算金额")


@pytest.mark.parametrize("sentence, text, expected", [
    ("按照登记价格百分之五的标准处以罚款。", "百分之五", ("fine", "exact", 0.05, None, None, None)),
    ("处工程造价百分之五以上百分之十以下罚款。", "百分之五以上百分之十以下", ("fine", "range", None, 0.05, 0.1, None)),
])
def test_fines_as_shares(sentence, text, expected):
    (t,) = money_terms(sentence)
    assert t.text == text and fields(t)[:5] == expected[:5]


# --- permille, a rate named after a bracket, tax shares, loan uplifts, multiples of a balance ----

def test_permille_late_fee_in_a_real_text():
    # 矿产资源补偿费征收管理规定 第十四条: 按日加收滞纳补偿费2‰的滞纳金
    (t,) = [t for t in ingest_file(WILD / "guowuyuan-1997-kuangchanziyuan-buchangfei-zhengshou.txt").layer("money").all()
            if t.text == "2‰"]
    assert (t.role, t.rate) == ("fee", 0.002)


def test_rate_named_after_a_bracket_in_a_real_text():
    # 湖北 若干措施: 按不超过0.8%（政策性扶贫项目担保费率不超过0.5%）的优惠担保费率进行担保
    t = only("hubei-nyt-2021-xinxing-jingying-zhuti-ruogan-cuoshi.txt", "不超过0.8%")
    assert (t.role, t.qualifier, t.rate) == ("fee", "at_most", 0.008)


def test_tax_share_uplift_and_multiple_in_real_texts():
    # 赣府发〔2020〕8号: 可减按50%计入科技人员工资、薪金所得缴纳个人所得税
    assert [t.rate for t in terms_of("jiangxi-2020-ganfufa8-kaifaqu-chuangxin-ruogan-yijian.html") if t.text == "50%"] == [0.5]
    hainan = terms_of("hainan-gjj-2026-daikuan-zhengce-zhengqiu-yijian.html")
    # 最高贷款额度在基准额度基础上上浮20%: the 最高 names the ceiling, it bounds nothing
    uplift = [t for t in hainan if t.text.endswith("上浮20%") or t.text == "20%"]
    assert uplift and all((t.role, t.qualifier, t.rate) == ("rate", "exact", 0.2) for t in uplift)
    # 缴存余额倍数由10倍提高至12倍
    assert [(t.text, t.base) for t in hainan if t.text.endswith("倍")] == [("10倍", "缴存余额"), ("12倍", "缴存余额")]


@pytest.mark.parametrize("sentence, text, expected", [
    ("逾期的，按日加收2‰的滞纳金。", "2‰", ("fee", "exact", 0.002, None, None)),
    ("按不超过1%（小微企业不超过0.5%）的担保费率收取。", "不超过1%", ("fee", "at_most", 0.01, None, 0.01)),
    ("小型微利企业减按25%计算应纳税所得额。", "25%", ("rate", "exact", 0.25, None, None)),
    ("公积金贷款在最高额度基础上再上浮20%。", "20%", ("rate", "exact", 0.2, None, None)),
    ("缴存余额倍数由10倍提高至15倍。", "15倍", ("rate", "exact", 15, None, None)),
])
def test_rates_of_money_in_other_wordings(sentence, text, expected):
    (t,) = [t for t in money_terms(sentence) if t.text == text]
    assert fields(t)[:5] == expected


def test_permille_not_about_money_is_not_money():
    assert money_terms("人口自然增长率控制在5‰以内。") == ()


# --- 亿元 with no number after a count -----------------------------------------------------------

def test_yi_yuan_after_a_count_in_a_real_text():
    # 皖政办秘〔2021〕82号: 每年滚动实施1000项亿元以上技术改造项目
    t = only("anhui-2021-wanzhengbanmi82-gongye-hulianwang.txt", "亿元以上")
    assert (t.qualifier, t.amount_yuan, t.amount_min_yuan) == ("at_least", 1e8, 1e8)


@pytest.mark.parametrize("sentence, amount", [("新开工10个亿元以上项目。", 1e8), ("引进30家千万元以上企业。", None)])
def test_yi_yuan_after_a_count(sentence, amount):
    found = [t.amount_min_yuan for t in money_terms(sentence)]
    assert found == ([amount] if amount else [])
