"""Money terms, unquantified support and targets on the real corpus.

Hohhot expectations come from /work/shared/gold (hand-annotated); the other
expected values were typed from reading the documents.
"""
import json
from pathlib import Path

import pytest

from pipeline.api import document_json, ingest_file
from pipeline.extract.money import money_terms
from pipeline.records import to_json
from pipeline.load import load

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold" / "hohhot-2024-keji-qiangshi-draft.gold.json"
HOHHOT = CORPUS / "hohhot-2024-keji-qiangshi-draft.txt"


@pytest.fixture(scope="module")
def hohhot():
    return ingest_file(HOHHOT)


@pytest.fixture(scope="module")
def gold():
    if not GOLD.exists():
        raise FileNotFoundError(GOLD)
    return json.loads(GOLD.read_text(encoding="utf-8"))


def _all_money(doc):
    return [t for t in doc.layer("money").all()]


def _gold_terms(gold, text):
    for m in gold["measures"]:
        for x in m["money_terms"]:
            c = text.index(x["context"])
            a = text.index(x["text"], c)
            yield m["num"], a, a + len(x["text"]), x


def test_hohhot_money_terms_match_gold(hohhot, gold):
    mine = {(t.start, t.end): t for t in _all_money(hohhot)}
    expected = list(_gold_terms(gold, hohhot.text))
    assert len(expected) == 24 and len(mine) == 24
    for num, a, b, x in expected:
        t = mine[(a, b)]
        assert t.text == x["text"]
        for field in ("role", "qualifier", "amount_yuan", "amount_min_yuan", "amount_max_yuan", "rate", "per",
                      "duration_years", "one_time"):
            assert getattr(t, field) == x[field], (num, x["text"], field)
        if x["base"] and t.role == "rate":
            assert t.base == x["base"]


# Who gets each amount and on what condition, read off the sentence of each term: the recipient is
# the noun the 对… phrase (or 每项…) names, the condition the words that qualify it before 的. The
# gold file joins the two in places (its README: "may be shortened or joined"), so they are listed
# here exactly, as the document words them, and compared strictly.
HOHHOT_PARTIES = [
    ("2", "不低于500万元", "国家实验室基地、全国重点实验室、国家技术创新中心、产业创新中心、企业技术中心、制造业创新中心等国家级创新平台",
     "新批准建设"),
    ("3", "不低于300万元", "内蒙古实验室、自治区技术创新中心、工程研究中心、临床医学研究中心等创新平台", "新批准建设"),
    ("5", "不低于500万元", "国家级高新区", "新获批"),
    ("5", "300万元", "自治区级高新区", "新获批"),
    ("6", "20%", None, None),
    ("6", "1000万元及以上", "规上企业", "研发投入年增量在1000万元及以上"),
    ("6", "10%", "规上企业", "研发投入年增量在1000万元及以上"),
    ("6", "最高支持300万元", "规上企业", "研发投入年增量在1000万元及以上"),
    ("6", "超1000万元", "研发总部", "新引进的当年新增研发投入超1000万元"),
    ("6", "5%", "研发总部", "新引进的当年新增研发投入超1000万元"),
    ("6", "最高支持500万元", "研发总部", "新引进的当年新增研发投入超1000万元"),
    ("7", "1000万元及以上", "驻呼高校院所", "研发投入年增量在1000万元及以上"),
    ("7", "10%", "驻呼高校院所", "研发投入年增量在1000万元及以上"),
    ("7", "最高支持300万元", "驻呼高校院所", "研发投入年增量在1000万元及以上"),
    ("12", "10万元", "国家高新技术企业", "本年度认定"),
    ("12", "3万元", "国家科技型中小企业", "连续两年入库"),
    ("13", "5万元", "规模以上科技服务业企业", "新入统"),
    ("13", "3万元", "重点监测科技服务业企业", "新纳入"),
    ("14", "30万元", "技术转移服务机构", "绩效评价一级"),
    ("14", "20万元", "技术转移服务机构", "绩效评价二级"),
    ("15", "不低于100万元", "应用场景项目", "“链主”企业牵头打造的前沿技术和颠覆性技术应用场景"),
    ("17", "不低于500万元", "工作站", "两院院士在呼建立"),
    ("25", "不低于100万元", "国家级科技企业孵化器、创新加速器、大学科技园", "新获批"),
    ("25", "50万元", "自治区级科技企业孵化器、创新加速器、大学科技园", "新获批"),
]


def test_hohhot_recipients_and_conditions_are_exactly_as_worded(hohhot):
    nums = {n.id: n.num for n in hohhot.nodes()}
    got = [(nums[node_id], t.text, t.recipient, t.condition) for node_id, t in hohhot.layer("money").items()]
    assert got == HOHHOT_PARTIES


def test_hohhot_terms_sit_in_their_measure(hohhot, gold):
    by_id = {n.id: n for n in hohhot.nodes()}
    for node_id, terms in hohhot.layer("money").records.items():
        node = by_id[node_id]
        assert node.kind == "measure"
        for t in terms:
            assert node.start <= t.start < t.end <= node.own_end
            assert hohhot.text[t.start:t.end] == t.text


def test_hohhot_rate_and_cap_point_at_each_other(hohhot):
    m6 = next(n for n in hohhot.nodes() if n.kind == "measure" and n.ordinal == 6)
    money = hohhot.layer("money").of(m6.id)
    roles = [t.role for t in money]
    for i, t in enumerate(money):
        if t.role == "cap":
            (r,) = t.linked
            assert roles[r] == "rate" and money[r].linked == (i,)
    assert sum(1 for t in money if t.role == "cap" and t.linked) == 2


def test_hohhot_unquantified_support_matches_gold(hohhot, gold):
    mine = [s for s in hohhot.layer("support").all()]
    expected = [x for m in gold["measures"] for x in m["unquantified_funding"]]
    assert len(mine) == len(expected) == 10
    for x in expected:
        a = hohhot.text.index(x["text"])
        b = a + len(x["text"])
        assert any(s.start < b and a < s.end for s in mine), x["text"]
    cues = sorted(s.cue for s in mine if s.cue and s.kind != "sought")
    assert cues == sorted(x["amount_cue"] for x in expected if x["amount_cue"])


def test_hohhot_targets_match_gold(hohhot, gold):
    assert len(hohhot.layer("targets").all()) == len(gold["targets"]) == 9
    for x in gold["targets"]:
        a = hohhot.text.index(x["text"])
        b = a + len(x["text"])
        t = next(t for t in hohhot.layer("targets").all() if t.start < b and a < t.end)
        assert (t.value, t.unit, t.qualifier, t.year, t.baseline_year) == (
            x["value"], x["unit"], x["qualifier"], x["year"], x["baseline_year"]), x["text"]
        assert t.year_inferred == x["year_inferred"]
        assert t.metric in x["metric"] or x["metric"] in t.metric


def test_target_sections_give_targets_not_money(hohhot):
    p1 = next(n for n in hohhot.nodes() if n.title == "总体目标")
    assert not hohhot.layer("money").of(p1.id)


def _terms(path):
    return money_terms(load(CORPUS / path).text)


def _find(terms, text):
    hits = [t for t in terms if t.text == text]
    assert hits, f"{text!r} not found in {[t.text for t in terms]}"
    return hits


GUOBANFA6 = "govcn-2019-guobanfa6-rongzi-danbao.html"


@pytest.mark.parametrize("text, role, qualifier, amount, rate", [
    ("500万元及以下", "threshold", "at_most", 5_000_000, None),   # 单户担保金额500万元及以下的
    ("不得低于80%", "share", "at_least", None, 0.8),             # 比例不得低于80%
    ("80%以上", "share", "at_least", None, 0.8),                  # 占比达到80%以上
    ("降至1%以下", "fee", "at_most", None, 0.01),                 # 平均担保费率降至1%以下
    ("不超过1.5%", "fee", "at_most", None, 0.015),                # 担保费率原则上不超过1.5%
    ("不超过1%", "fee", "at_most", None, 0.01),
    ("不高于承担风险责任的0.5%", "fee", "at_most", None, 0.005),
    ("不低于20%", "share", "at_least", None, 0.2),                # 风险责任比例均不低于20%
])
def test_guobanfa6(text, role, qualifier, amount, rate):
    t = _find(_terms(GUOBANFA6), text)[0]
    assert (t.role, t.qualifier, t.amount_yuan, t.rate) == (role, qualifier, amount, rate)


def test_guobanfa6_fee_keeps_its_threshold_as_condition():
    t = _find(_terms(GUOBANFA6), "不超过1.5%")[0]
    assert t.condition == "单户担保金额500万元以上"
    assert _find(_terms(GUOBANFA6), "不高于承担风险责任的0.3%")[0].base == "承担风险责任"


LIUHE = "liuhe-zhongdian-chanye-shishi-yijian-2023.html"
LIUHE_OLD = "liuhe-zhongdian-chanye-shishi-yijian-old.html"


def test_liuhe_fund_size_and_rate_range():
    terms = _terms(LIUHE)
    fund = _find(terms, "不低于1亿元")[0]
    assert (fund.role, fund.qualifier, fund.amount_min_yuan) == ("fund_size", "at_least", 100_000_000)
    rng = _find(terms, "5%—20%")[0]
    assert (rng.role, rng.qualifier, rng.rate_min, rng.rate_max) == ("rate", "range", 0.05, 0.2)
    assert rng.base == "固定资产投资"
    old = _find(_terms(LIUHE_OLD), "5%-20%")[0]
    assert (old.rate_min, old.rate_max) == (0.05, 0.2)


def test_liuhe_tiers_map_rates_to_thresholds_in_order():
    # 固定资产投资1000万元及以上至5000万元、5000万元以上至1亿元、1亿元以上的，参照其年度地方财政贡献的70%、80%和90%
    terms = _terms(LIUHE)
    tier = _find(terms, "1000万元及以上至 5000万元")[0]
    assert (tier.role, tier.qualifier, tier.amount_min_yuan, tier.amount_max_yuan) == (
        "threshold", "range", 10_000_000, 50_000_000)
    i = terms.index(tier)
    rates = terms[i + 3:i + 6]
    assert [t.rate for t in rates] == [0.7, 0.8, 0.9]
    assert all(t.base == "年度地方财政贡献" for t in rates)
    assert [t.condition for t in rates] == ["固定资产投资1000万元及以上至5000万元", "固定资产投资5000万元以上至1亿元",
                                           "固定资产投资1亿元以上"]


def test_liuhe_rates_by_period_and_cap():
    # 前2年给予企业地方财政贡献80%的奖励，后3年给予企业地方财政贡献50%的奖励，每年最高奖励不超过5000万元
    terms = _terms(LIUHE)
    r80 = next(t for t in terms if t.rate == 0.8 and t.duration_years == 2)
    r50 = next(t for t in terms if t.rate == 0.5 and t.duration_years == 3)
    cap = _find(terms, "最高奖励不超过5000万元")[0]
    assert (cap.role, cap.qualifier, cap.amount_max_yuan, cap.per) == ("cap", "at_most", 50_000_000, "每年")
    assert r80.base == r50.base == "地方财政贡献"
    assert terms.index(r80) in cap.linked and terms.index(r50) in cap.linked


def test_liuhe_fenbie_lists():
    # 对初次认定为国家级和省级企业技术(研发)中心的，分别给予企业100万元和30 万元奖励
    terms = _terms(LIUHE)
    b = _find(terms, "30 万元")[0]
    a = terms[terms.index(b) - 1]
    assert (a.amount_yuan, b.amount_yuan) == (1_000_000, 300_000)
    assert a.recipient == b.recipient == "企业"
    assert a.condition.endswith("国家级企业技术(研发)中心") and b.condition == "省级企业技术(研发)中心"
    # 当年分别给予企业100万元、50万元和30万元奖励 for 国际标准、国家标准、行业标准
    std = [t for t in terms if t.condition and t.condition.startswith("牵头制定")]
    assert [(t.amount_yuan, t.condition[-4:]) for t in std] == [(1_000_000, "国际标准"), (500_000, "国家标准"),
                                                               (300_000, "行业标准")]


def test_liuhe_per_unit_and_grant_range():
    per_mu = _find(_terms(LIUHE), "200元/亩")[0]
    assert (per_mu.amount_yuan, per_mu.per, per_mu.role) == (200, "/亩", "grant")
    rng = _find(_terms(LIUHE_OLD), "10万元—100万元")[0]
    assert (rng.role, rng.qualifier, rng.amount_min_yuan, rng.amount_max_yuan) == ("grant", "range", 100_000, 1_000_000)


@pytest.mark.parametrize("path, text, low, high, qualifier", [
    ("law-fan-buzhengdang-jingzheng-2025.txt", "十万元以上一百万元以下", 100_000, 1_000_000, "range"),
    ("law-fan-buzhengdang-jingzheng-2025.txt", "二十五万元以下", None, 250_000, "at_most"),
    ("law-zhian-chufa-2025.txt", "五百元以下", None, 500, "at_most"),
    ("law-zhian-chufa-2025.txt", "一千元以上三千元以下", 1000, 3000, "range"),
    # PDF text: the numeral is broken over a line (处一千元以上三\n千元以下罚款)
    ("law-zhian-chufa-draft2.txt", "一千元以上三\r\n千元以下", 1000, 3000, "range"),
])
def test_fines_in_laws(path, text, low, high, qualifier):
    t = _find(_terms(path), text)[0]
    assert (t.role, t.qualifier, t.amount_min_yuan, t.amount_max_yuan) == ("fine", qualifier, low, high)


def test_fine_as_multiple_of_illegal_income():
    t = _find(_terms("law-zhian-chufa-2025.txt"), "一倍以上五倍以下")[0]
    assert (t.role, t.rate_min, t.rate_max, t.base) == ("fine", 1, 5, "违法所得")


def test_threshold_before_fine_is_not_a_fine():
    terms = _terms("law-fan-buzhengdang-jingzheng-2025.txt")
    t = _find(terms, "五万元以上")[0]
    assert (t.role, t.qualifier) == ("threshold", "at_least")


@pytest.mark.parametrize("text, role", [
    ("对作出一定贡献的，给予人民币1万元以下奖励；", "grant"),  # the amount is the reward itself
    ("按照规定给予不超过5万元的补助。", "grant"),  # 按照规定 names no base
    ("按实际投资额给予50万元以下补助。", "cap"),  # limits an amount that depends on a base
    ("给予50万元以下补助，并按投资额的10%给予支持。", "cap"),  # a rate in the sentence for it to limit
])
def test_at_most_amount_given_outright_is_a_grant(text, role):
    (t, *_) = money_terms(text)
    assert (t.role, t.qualifier) == (role, "at_most")


@pytest.mark.parametrize("text", ["一次性给予奖励。", "打造一批科技园区。", "（十二）加强监管。", "第三章 罚则"])
def test_no_money_without_a_number(text):
    assert money_terms(text) == ()


def test_full_width_digits_and_offsets():
    text = "对新认定的企业，一次性给予１０万元奖励。"
    (t,) = money_terms(text, offset=100)
    assert (t.amount_yuan, t.one_time, t.start, t.text) == (100_000, True, 100 + text.index("１"), "１０万元")


def test_every_corpus_document_validates_and_is_deterministic():
    for path in sorted(p for p in CORPUS.glob("*.*") if p.suffix in (".txt", ".html")):
        doc = ingest_file(path)
        assert document_json(doc) == document_json(ingest_file(path))
        nodes = {n.id: n for n in doc.nodes()}
        for node_id, t in doc.layer("money").items():
            node = nodes[node_id]
            assert node.start <= t.start < t.end <= node.own_end


def test_money_layer_is_keyed_by_the_measures_holding_the_terms(hohhot):
    money = hohhot.layer("money")
    assert {hohhot.index.owner(t.start, t.end).id for t in money.all()} == set(money.records)
    assert len(hohhot.layer("targets")) == 9 and money.warnings == ()


def test_amount_without_unit_is_a_warning():
    # liuhe old: 使县级“助保金池”风险补偿铺底资金达到1千万以上 (no 元)
    doc = ingest_file(CORPUS / LIUHE_OLD)
    (w,) = [w for w in doc.all_warnings() if w.code == "W401"]
    assert doc.text[w.start:w.end] == "1千万"


def test_goal_section_targets_with_fenbie_lists():
    # guofa42 (二)发展目标: 花生种植、收获机械化率分别达到65%和55%
    doc = ingest_file(CORPUS / "govcn-2018-guofa42-nongye-jixiehua.html")
    peanut = [t for t in doc.layer("targets").all() if t.metric == "花生种植、收获机械化率"]
    assert [(t.value, t.unit, t.year, t.year_inferred) for t in peanut] == [(65, "%", 2025, False),
                                                                          (55, "%", 2025, False)]
    power = next(t for t in doc.layer("targets").all() if t.value == 11)
    assert (power.unit, power.qualifier, power.metric) == ("亿千瓦", "about", "全国农机总动力")
    assert not doc.layer("money")


def test_schema_roles_match_the_extractor():
    from pipeline.extract.money import ROLES

    defs = json.loads((ROOT / "schemas" / "defs.schema.json").read_text(encoding="utf-8"))["$defs"]
    assert tuple(defs["money_term"]["properties"]["role"]["enum"]) == ROLES
    assert set(defs["money_term"]["required"]) == set(to_json(money_terms("给予10万元奖励")[0]))


def test_committed_goal_in_a_measure_is_a_target():
    # guobanfa6 (五): 确保支小支农担保业务占比达到80%以上 (a measure, no 目标 section)
    doc = ingest_file(CORPUS / GUOBANFA6)
    (t,) = doc.layer("targets").all()
    assert (t.text, t.metric, t.value, t.unit, t.qualifier, t.year) == (
        "支小支农担保业务占比达到80%以上", "支小支农担保业务占比", 80, "%", "at_least", None)
    measure = next(n for n in doc.nodes() if n.start <= t.start < n.own_end and n.kind == "measure")
    assert (measure.num, measure.title) == ("（五）", "回归担保主业")
    assert [m.role for m in doc.layer("money").of(measure.id)] == ["share"]  # still a money term too


def test_commitments_need_a_year_or_a_pledge_and_leave_out_conditions():
    from pipeline.extract.targets import find_commitments

    # hohhot 一、总体目标, as it would read inside a measure
    goal = "到2027年,高新技术产业产值占规模以上工业总产值比重达40%以上,科技服务业占GDP达到8%以上。"
    assert [(t.metric, t.value, t.year) for t in find_commitments(goal, 10)] == [
        ("高新技术产业产值占规模以上工业总产值比重", 40, 2027), ("科技服务业占GDP", 8, 2027)]
    assert all(goal[t.start - 10:t.end - 10] == t.text for t in find_commitments(goal, 10))
    # guofa39 (三): a condition with no pledge
    condition = ("小微企业当年新招用符合创业担保贷款申请条件的人员数量达到企业现有在职职工人数25%"
                 "(超过100人的企业达到15%)并与其签订1年以上劳动合同的,可申请最高不超过300万元的创业担保贷款。")
    assert find_commitments(condition) == ()
    assert find_commitments("到2020年,人员数量达到在职职工人数25%的小微企业,可申请创业担保贷款。") == ()
    assert find_commitments("截至2023年底,全市高新技术企业数量达到500家。") == ()


def test_condition_from_the_clause_a_per_item_recipient_refers_to(hohhot):
    # measure 15: 鼓励“链主”企业牵头打造一批前沿技术和颠覆性技术应用场景,每项应用场景项目给予不低于100万元…
    m15 = next(n for n in hohhot.nodes() if n.kind == "measure" and n.ordinal == 15)
    (t,) = hohhot.layer("money").of(m15.id)
    assert (t.recipient, t.condition) == ("应用场景项目", "“链主”企业牵头打造的前沿技术和颠覆性技术应用场景")  # gold N-M12


def test_condition_from_an_earlier_de_clause():
    # guofa39 (三): …并与其签订1年以上劳动合同的,可申请最高不超过300万元的创业担保贷款
    terms = _terms("govcn-2018-guofa39-cujin-jiuye.html")
    (small,) = _find(terms, "最高不超过15万元")
    assert small.condition == "符合创业担保贷款申请条件的人员自主创业"
    (firm,) = _find(terms, "最高不超过300万元")
    assert firm.condition.startswith("小微企业当年新招用") and firm.condition.endswith("并与其签订1年以上劳动合同")
    # liuhe 第8条: 企业完成仿制药一致性评价的,从该品种…给予企业奖励,单品种最高奖励不超过300万元
    (generic,) = _find(_terms(LIUHE), "最高奖励不超过300万元")
    assert generic.condition == "企业完成仿制药一致性评价"
    # liuhe (七): 被认(评)定为吉林省著名商标、吉林省名牌产品的企业,给予企业3万元奖励
    (brand,) = _find(_terms(LIUHE_OLD), "3万元")
    assert (brand.condition, brand.recipient) == ("被认(评)定为吉林省著名商标、吉林省名牌产品", "企业")


def test_later_terms_of_a_sentence_keep_its_condition():
    # liuhe 第4条: …亩均税收达到10万元的,…即:前2年…80%的奖励,后3年…50%的奖励,每年最高奖励不超过5000万元
    terms = _terms(LIUHE)
    rates = [t for t in terms if t.role == "rate" and t.rate in (0.8, 0.5) and t.condition
             and t.condition.startswith("自实现税收年度起")]
    cap = next(t for t in terms if t.text == "最高奖励不超过5000万元" and t.condition)
    assert len(rates) == 2 and cap.condition == rates[0].condition == "自实现税收年度起且亩均税收达到10万元"


def test_earlier_conditions_stop_at_a_clause_with_its_own_party():
    from pipeline.extract.money import money_terms

    own = money_terms("企业获得国家级认定的,给予100万元奖励,获得省级认定的企业给予50万元奖励。")
    assert [t.condition for t in own] == ["企业获得国家级认定", None]
    # Hohhot measure 15 split into two sentences: the recipient still refers back to the sentence before
    (t,) = money_terms("鼓励“链主”企业牵头打造一批前沿技术和颠覆性技术应用场景。每项应用场景项目给予不低于100万元科技经费支持。")
    assert t.condition == "“链主”企业牵头打造的前沿技术和颠覆性技术应用场景"


def test_dui_phrase_runs_past_a_reward_noun_to_its_de():
    from pipeline.extract.money import money_terms
    from pipeline.extract.parties import dui_phrases

    (t,) = money_terms("对获得国家级奖励的企业给予100万元奖励。")
    assert (t.condition, t.recipient, t.amount_yuan) == ("获得国家级奖励", "企业", 1_000_000)
    # 奖励 as the verb still ends the phrase
    (t,) = money_terms("对新建高级雪道奖励50万元。")
    assert (t.condition, t.recipient, t.amount_yuan) == ("新建", "高级雪道", 500_000)  # a 新-verb condition
    # jubao 2022 art. 18 (五): 奖励 inside the phrase, a noun after its 的
    s = "对符合举报奖励条件的举报人,无正当理由未按规定要求或者期限给予奖励的;"
    assert [m.group("x") for m in dui_phrases(s, 0, len(s))] == ["符合举报奖励条件的举报人"]


def test_goal_paragraph_counts_of_things_to_build_are_targets():
    # guofa4 preamble: 具体指标：到2022年，…建设50所高水平高等职业学校和150个骨干专业（群）。…
    # 推动建设300个具有辐射引领作用的高水平专业化产教融合实训基地。
    doc = ingest_file(CORPUS / "govcn-2019-guofa4-zhiye-jiaoyu-fangan.html")
    assert [(t.metric, t.value, t.unit, t.qualifier, t.year, t.year_inferred) for t in doc.layer("targets").all()] == [
        ("高水平高等职业学校", 50, "所", "exact", 2022, False),
        ("骨干专业(群)", 150, "个", "exact", 2022, False),
        ("具有辐射引领作用的高水平专业化产教融合实训基地", 300, "个", "exact", 2022, False)]
    assert [doc.text[t.start:t.end] for t in doc.layer("targets").all()] == [t.text for t in doc.layer("targets").all()]


def test_counts_to_build_in_running_text_are_no_targets():
    from pipeline.extract.targets import find_commitments, find_targets

    # a measure's running text with a year still commits to no counted goal
    assert find_commitments("到2022年,建设50所高水平高等职业学校和150个骨干专业(群)。") == ()
    assert find_targets("分专业建设一批国家级职业教育教师教学创新团队。", build=True) == ()
