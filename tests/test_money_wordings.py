"""Money wordings of issue 14: inclusion brackets, multiples of a standard, unit prices,
scores, formulas, bases without their verb, decimals in the tables.

Real sentences are quoted from `corpus/` and `corpus/wild/` (expected values read from them);
each case also has a minimal synthetic sentence.
"""
from __future__ import annotations

from functools import lru_cache

import pytest

from conftest import CORPUS
from pipeline.api import ingest_file
from pipeline.extract.money import money_terms
from pipeline.money_table import money_markdown, money_rows

WILD = CORPUS / "wild"


@lru_cache(maxsize=None)
def doc(path):
    return ingest_file(path)


def terms_of(path):
    return doc(path).layer("money").all()


def term(path, text):
    found = [t for t in terms_of(path) if t.text == text]
    assert found, text
    return found


# --- amounts in an inclusion bracket bound the range they annotate ----------------------------

@pytest.mark.parametrize("sentence, text, role, qualifier, low, high", [
    ("对违法行为处1万—3万元（含1万元，不含3万元）罚款。", "1万—3万元（含1万元，不含3万元）", "fine", "range", 10000, 30000),
    ("给予补助1万—3万元(含1万元，不含3万元)。", "1万—3万元(含1万元，不含3万元)", "grant", "range", 10000, 30000),
    ("给予5万元以上（含5万元）奖励。", "5万元以上（含5万元）", "grant", "at_least", 50000, None),
    ("给予5万元（含）以上奖励。", "5万元（含）以上", "grant", "at_least", 50000, None),
])
def test_an_inclusion_bracket_is_part_of_its_amount_not_a_term(sentence, text, role, qualifier, low, high):
    (t,) = money_terms(sentence)
    assert (t.text, t.role, t.qualifier, t.amount_min_yuan, t.amount_max_yuan) == (text, role, qualifier, low, high)


# --- a multiple of a money standard is a rate of that standard ---------------------------------

@pytest.mark.parametrize("sentence, rate, base", [
    ("按最低生活保障标准的1.5倍给予救助。", 1.5, "最低生活保障标准"),
    ("按照当地最低工资标准的2倍发放补贴。", 2, "当地最低工资标准"),
])
def test_a_multiple_of_a_standard_is_a_rate(sentence, rate, base):
    (t,) = money_terms(sentence)
    assert (t.role, t.rate, t.base) == ("rate", rate, base)


def test_a_multiple_not_of_money_is_still_nothing():
    # 1995年全球共发生7级以上地震33次，为本世纪以来年均18次的1.8倍
    path = WILD / "govcn-1996-guobanfa2-guojiadizhenju-guanyu-woguo.html"
    assert "年均18次的1.8倍" in doc(path).text
    assert not [t for t in terms_of(path) if "倍" in t.text]
    assert money_terms("产量为上年的1.8倍。") == ()


# --- fines in multiples: ranges written 五至十倍, bases without the verb ------------------------

def test_a_multiple_range_written_with_zhi_is_one_range_of_its_base():
    # 第五十一条: 擅自修剪、移植古树名木的，由自治县园林行政主管部门按直接经济损失的五至十倍处以罚款；
    # 毁坏、砍伐古树名木的，按直接经济损失的十至十五倍处以罚款
    path = WILD / "youyang-rd-2012-chengzhen-guanli.txt"
    (low,) = term(path, "五至十倍")
    (high,) = term(path, "十至十五倍")
    assert (low.role, low.qualifier, low.rate_min, low.rate_max, low.base) == ("fine", "range", 5, 10, "直接经济损失")
    assert (high.rate_min, high.rate_max, high.base) == (10, 15, "直接经济损失")
    # 其相差规划指标面积按每平方米商品房售价的十倍处以罚款
    (ten,) = term(path, "十倍")
    assert ten.base == "每平方米商品房售价"


@pytest.mark.parametrize("path, text, base", [
    # 处以相当于非法收入的15%至20%的罚款
    (WILD / "guowuyuan-1986-gongye-chanpinzhiliang-zeren.txt", "15%至20%", "非法收入"),
    # 处以应当缴纳的矿产资源补偿费3倍以下的罚款
    (WILD / "guowuyuan-1997-kuangchanziyuan-buchangfei-zhengshou.txt", "3倍以下", "应当缴纳的矿产资源补偿费"),
    # 并处以该设施造价一倍以上三倍以下罚款
    (WILD / "shangqiu-rd-2019-chengshi-shirong-he.txt", "一倍以上三倍以下", "该设施造价"),
])
def test_a_base_never_carries_its_verb(path, text, base):
    assert {t.base for t in term(path, text)} == {base}


def test_base_words_synthetic():
    (t,) = money_terms("处以相当于违法所得的10%的罚款。")
    assert t.base == "违法所得"
    (t,) = money_terms("并处以货值金额2倍以下的罚款。")
    assert t.base == "货值金额"


# --- unit prices ------------------------------------------------------------------------------

def test_a_unit_price_per_mu_in_a_real_document():
    # 药材种植基地…面积在100亩及以上至500亩的，给予企业100元/亩奖励
    path = CORPUS / "liuhe-zhongdian-chanye-shishi-yijian-2023.html"
    assert {(t.role, t.amount_yuan, t.per) for t in term(path, "100元/亩")} == {("grant", 100, "/亩")}


def test_a_price_per_cubic_metre_in_a_real_document():
    # 处理成本为每立方米2.4元左右
    (t,) = term(WILD / "govcn-2005-guobanhan21-keji-jieshui-jianyi.html", "2.4元左右")
    assert (t.amount_yuan, t.qualifier, t.per) == (2.4, "about", "每立方米")


def test_a_price_measure_is_the_price_s_alone():
    # 处理成本为每立方米2.4元左右，实现经济效益900万元。 (the benefit is no price per cubic metre)
    (t,) = term(WILD / "govcn-2005-guobanhan21-keji-jieshui-jianyi.html", "900万元")
    assert t.per is None
    # 筹备经费由建设单位按照物业总建筑面积每平方米一元且总额不少于五万元的标准承担
    path = WILD / "lishui-rd-2019-wuyeguanli.txt"
    assert [(t.amount_yuan, t.per) for t in term(path, "一元")] == [(1, "每平方米")]
    assert [(t.amount_yuan, t.per) for t in term(path, "不少于五万元")] == [(50000, None)]
    assert [t.per for t in money_terms("按每吨50元给予补贴，每家企业最高100万元。")] == ["每吨", "每家"]


@pytest.mark.parametrize("sentence, text, per", [
    ("租金补贴标准为20元/平方米/月。", "20元/平方米/月", "/平方米/月"),
    ("给予岗位补贴200元/人/月。", "200元/人/月", "/人/月"),
    ("给予种粮补贴100元/亩。", "100元/亩", "/亩"),
    ("按每平方米每月20元给予租金补贴。", "20元", "每平方米每月"),
])
def test_unit_prices_keep_their_denominators(sentence, text, per):
    (t,) = money_terms(sentence)
    assert (t.text, t.per) == (text, per)


# --- not money: formulas and scores ------------------------------------------------------------

def test_a_formula_percentage_is_not_money():
    # 计算方法：…/上一年度门诊患者次均医药费用×100%
    path = WILD / "govcn-2019-guobanfa4-jiaqiang-sanji-gongliyiyuan.html"
    assert "×100%" in doc(path).text
    assert not [t for t in terms_of(path) if t.text == "100%"]
    assert money_terms("计算方法：（本年度费用-上一年度费用）/上一年度费用×100%。") == ()
    assert money_terms("增长率=本年度收入/上年度收入*100%。") == ()


@pytest.mark.parametrize("sentence", [
    "投标人资产总额达到5000万元以上的，得5分；达到1亿元以上得8分。",
    "年纳税额100万元以上\t10分",
])
def test_an_amount_that_earns_points_is_not_money(sentence):
    assert money_terms(sentence) == ()


def test_a_table_of_point_tiers_gives_no_money(tmp_path):
    page = ("关于开展企业评价的通知\n一、评价标准\n"
            "序号\t指标\t评分标准\t分值\n"
            "1\t年营业收入\t1亿元以上\t20\n"
            "2\t年纳税额\t500万元以上\t10\n"
            "二、奖励\n对评价前十名的企业给予10万元奖励。\n")
    path = tmp_path / "tiers.txt"
    path.write_text(page, encoding="utf-8")
    terms = ingest_file(path).layer("money").all()
    assert [(t.text, t.role) for t in terms] == [("10万元", "grant")]


# --- decimals in the tables ----------------------------------------------------------------------

def test_the_money_table_prints_decimals():
    d = doc(WILD / "govcn-2005-guobanhan21-keji-jieshui-jianyi.html")
    (row,) = [r for r in money_rows(d) if r["amount"].startswith("2.4")]
    assert row["amount"] == "2.4元"
    assert "| 2.4元 |" in money_markdown(d)


def test_the_money_table_keeps_halves_in_the_unit_written(tmp_path):
    path = tmp_path / "half.txt"
    path.write_text("关于发放补贴的通知\n一、补贴\n给予每人每月32.5元交通补贴，给予企业1.5万元奖励，"
                    "给予园区3000000元奖励。\n", encoding="utf-8")
    amounts = [r["amount"] for r in money_rows(ingest_file(path))]
    assert amounts == ["32.5元", "1.5万元", "3000000元"]
