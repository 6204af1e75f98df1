"""Field changes paired by place: each amount (and each target, year, deadline) of two paired
clauses pairs with the one standing where it stood in the word alignment of the clause texts;
only what is left falls back to similarity. Expected values are read from the texts."""
import pytest
from conftest import HOHHOT, ingested

from pipeline import api
from pipeline.diff import diff
from pipeline.load import load_bytes

LAW = "某某管理办法\n第一条　{}\n第二条　本办法自公布之日起施行。\n"


def _doc(text: str, name: str):
    return api.ingest_source(load_bytes(text.encode("utf-8"), name))


def _law(clause: str, name: str):
    return _doc(LAW.format(clause), name)


def money(old, new, clause: str | None = None) -> list[tuple[str, str | None, str | None]]:
    """(change, old text, new text) of every money change, or of the change whose old clause is
    numbered `clause`."""
    out = []
    for c in diff(old, new).changes:
        if clause is not None and not (c.old and c.old[0].node.num == clause):
            continue
        for f in c.fields:
            if f.field == "money":
                out.append((f.change, (f.old or {}).get("text"), (f.new or {}).get("text")))
    return out


# --- the examples, made of a real clause ---------------------------------------------

ZHIAN_23 = ("有下列行为之一的，处警告或者{}以下罚款；情节较重的，处五日以上十日以下拘留，可以并处{}以下罚款。\n"
            "聚众实施前款行为的，对首要分子处十日以上十五日以下拘留，可以并处{}以下罚款。")


def test_three_fines_of_one_clause_each_pair_with_the_one_where_it_stood():
    old = _law(ZHIAN_23.format("二百元", "五百元", "一千元"), "old.txt")
    new = _law(ZHIAN_23.format("五百元", "一千元", "二千元"), "new.txt")
    assert money(old, new) == [("changed", "二百元以下", "五百元以下"), ("changed", "五百元以下", "一千元以下"),
                               ("changed", "一千元以下", "二千元以下")]


def test_arabic_amounts_shifting_up_a_step_pair_by_place_not_by_equal_amount():
    clause = "违反本办法规定的，处{}罚款；情节严重的，处{}罚款。"
    old = _law(clause.format("1万元以上5万元以下", "5万元以上10万元以下"), "old.txt")
    new = _law(clause.format("5万元以上10万元以下", "10万元以上20万元以下"), "new.txt")
    assert money(old, new) == [("changed", "1万元以上5万元以下", "5万元以上10万元以下"),
                               ("changed", "5万元以上10万元以下", "10万元以上20万元以下")]


def test_tiered_awards_raised_together_pair_tier_by_tier():
    clause = "对获得国家级、省级、市级认定的企业，分别给予{}奖励。"
    old = _law(clause.format("100万元、50万元、20万元"), "old.txt")
    new = _law(clause.format("200万元、100万元、50万元"), "new.txt")
    assert money(old, new) == [("changed", "100万元", "200万元"), ("changed", "50万元", "100万元"),
                               ("changed", "20万元", "50万元")]


def test_tiers_of_a_real_measure_raised_pair_tier_by_tier():
    text = HOHHOT.read_text(encoding="utf-8")
    before = "对绩效评价一级、二级的技术转移服务机构一次性分别给予30万元、20万元科技经费支持"
    assert text.count(before) == 1
    new = api.ingest_source(load_bytes(text.replace(before, before.replace("30万元、20万元", "50万元、30万元"))
                                       .encode("utf-8"), "edited.txt"))
    assert money(ingested(HOHHOT.name), new) == [("changed", "30万元", "50万元"), ("changed", "20万元", "30万元")]


def test_swapped_sentences_keep_each_amount_with_its_object():
    old = _law("违反本办法规定的，对个人处5000元以上2万元以下罚款；对单位处5万元以上20万元以下罚款。", "old.txt")
    new = _law("违反本办法规定的，对单位处5万元以上20万元以下罚款；对个人处5000元以上2万元以下罚款。", "new.txt")
    assert money(old, new) == []


def test_a_term_moved_to_another_sentence_is_no_change():
    old = _law("支持企业创新。对新认定的企业给予50万元奖励。鼓励企业加大研发投入，提升创新能力。", "old.txt")
    new = _law("支持企业创新。鼓励企业加大研发投入，提升创新能力。对新认定的企业给予50万元奖励。", "new.txt")
    assert money(old, new) == []


def test_a_term_added_among_others_is_the_only_change():
    old = _law("有下列行为之一的，处警告或者二百元以下罚款；情节较重的，处五日以上十日以下拘留，可以并处五百元以下罚款。",
               "old.txt")
    new = _law("有下列行为之一的，处警告或者二百元以下罚款；情节较重的，处一千元以上三千元以下罚款；"
               "情节严重的，处五日以上十日以下拘留，可以并处五百元以下罚款。", "new.txt")
    assert money(old, new) == [("added", None, "一千元以上三千元以下")]


def test_an_amount_added_to_a_list_leaves_the_others_alone():
    old = _law("对符合条件的项目给予10万元、20万元补助。", "old.txt")
    new = _law("对符合条件的项目给予10万元、15万元、20万元补助。", "new.txt")
    assert money(old, new) == [("added", None, "15万元")]


def test_a_note_whose_deadline_moves_reports_the_deadline():
    text = "关于某某的实施意见\n一、重点任务\n1.建设平台。支持企业建设研发平台。（市科学技术局牵头，{}完成）\n"
    old, new = _doc(text.format("2025年底前"), "old.txt"), _doc(text.format("2026年底前"), "new.txt")
    fields = [f for c in diff(old, new).changes for f in c.fields]
    assert [(f.field, f.change, f.details) for f in fields] == [
        ("responsibilities", "changed", (("deadline", "2025年底前完成", "2026年底前完成"),))]


# --- real versions ---------------------------------------------------------------------------

ZHIAN = ("law-zhian-chufa-2012.txt", "law-zhian-chufa-2025.txt")


def test_zhian_article_23_to_26_reports_exactly_the_three_raised_fines():
    # 2012 第二十三条: 二百元以下 / 五百元以下 / (首要分子) 一千元以下; 2025 第二十六条: 五百元 / 一千元 / 二千元
    assert money(*map(ingested, ZHIAN), "第二十三条") == [
        ("changed", "二百元以下", "五百元以下"), ("changed", "五百元以下", "一千元以下"), ("changed", "一千元以下", "二千元以下")]


def test_zhian_article_24_to_28_reports_the_two_raised_fines_and_the_new_one():
    # 2025 第二十八条 raises 二百元 -> 五百元 and 五百元 -> 一千元, and its last paragraph adds
    # 违反规定进入…强行带离现场，可以处五日以下拘留或者一千元以下罚款
    assert money(*map(ingested, ZHIAN), "第二十四条") == [
        ("changed", "二百元以下", "五百元以下"), ("changed", "五百元以下", "一千元以下"), ("added", None, "一千元以下")]


def test_four_thresholds_of_one_clause_of_the_merger_filing_rule():
    # 国务院关于经营者集中申报标准的规定 2018 -> 2024, 第三条 (一) and (二)
    old, new = ingested("law-jingyingzhe-jizhong-shenbao-biaozhun-2018.txt"), ingested(
        "law-jingyingzhe-jizhong-shenbao-biaozhun-2024.txt")
    assert money(old, new, "第三条") == [("changed", "超过100亿元", "超过120亿元"), ("changed", "超过4亿元", "超过8亿元"),
                                       ("changed", "超过20亿元", "超过40亿元"), ("changed", "超过4亿元", "超过8亿元")]


MINHANG = ("law-minyong-hangkong-2021.txt", "law-minyong-hangkong-xiuding-caoan.txt")


@pytest.mark.parametrize("clause,expected", [
    # 207 -> 235: the owner's fine 一万元以上十万元以下 -> 五万元以上五十万元以下 where it stood; the captain's
    # new 处一万元以上五万元以下的罚款
    ("第二百零七条", [("changed", "一万元以上十万元以下", "五万元以上五十万元以下"), ("added", None, "一万元以上五万元以下")]),
    # 205 -> 230: 对其所在单位处以二十万元以下 -> 对其所在单位处十万元以上五十万元以下; the person's fine and the
    # multiple of illegal gains are new
    ("第二百零五条", [("changed", "二十万元以下", "十万元以上五十万元以下"), ("added", None, "一万元以上五万元以下"),
                      ("added", None, "五倍以上十倍以下")]),
    # 210 -> 234: 没收违法所得，可以并处违法所得一倍以下的罚款 -> 没收违法所得，并处十万元以上一百万元以下的罚款;
    # the new second paragraph's two fines
    ("第二百一十条", [("changed", "一倍以下", "十万元以上一百万元以下"), ("added", None, "一万元以上三万元以下"),
                      ("added", None, "三万元以上十万元以下")]),
    # 201 -> 229: 并处违法所得一倍以上五倍以下的罚款 -> 并处二十万元以上二百万元以下的罚款; the sentence
    # 没有违法所得的，处以十万元以上一百万元以下的罚款 is gone
    ("第二百零一条", [("changed", "一倍以上五倍以下", "二十万元以上二百万元以下"),
                      ("removed", "十万元以上一百万元以下", None)]),
    # 202 -> 227: …一倍以下的罚款；没有违法所得的，处以五万元以上五十万元以下 -> 并处五十万元以上二百万元以下:
    # the new range stands over the old range (五十万元 above 五十万元, 以上…以下 above 以上…以下)
    ("第二百零二条", [("changed", "五万元以上五十万元以下", "五十万元以上二百万元以下"), ("removed", "一倍以下", None)]),
])
def test_civil_aviation_law_penalties_against_the_revision_draft(clause, expected):
    assert money(*map(ingested, MINHANG), clause) == expected


@pytest.mark.parametrize("clause", ["第五十七条", "第五十八条", "第五十九条", "第六十条"])
def test_an_amount_written_in_chinese_numerals_instead_of_digits_is_no_money_change(clause):
    # 北京市实施《水法》办法 2019 -> 2022: 2万元以上6万元以下 -> 二万元以上六万元以下 and so on, the same amounts
    old, new = ingested("law-beijing-shuifa-shishi-banfa-2019.txt"), ingested("law-beijing-shuifa-shishi-banfa-2022.txt")
    (change,) = [c for c in diff(old, new).changes if c.old and c.old[0].node.num == clause]
    assert change.status == "modified" and money(old, new, clause) == []
