"""Responsibility notes in every wording (issue 14): 指导, 负责部门 with a scope, units no table knows.

Real notes are quoted from documents of the breadth corpus `corpus/wild/`; the counts are
the notes a reader finds in each text (bracketed clauses naming who guides, leads, joins or
carries out the measure). Each wording also has a minimal synthetic case.
"""
from __future__ import annotations

from functools import lru_cache

import pytest

from conftest import CORPUS
from pipeline.api import ingest_file
from pipeline.extract.units import find_notes

WILD = CORPUS / "wild"
WUFEI = "govcn-2018-guobanfa128-wufei-chengshi-jianshe.html"      # 无废城市 plan: 指导 notes
FUPIN = "govcn-2018-guobanfa129-shenrukaizhan-xiaofei-fupin.html"  # 消费扶贫: units of mass bodies
ZIMAO = "govcn-2018-guofa38-zhichi-ziyoumaoyi-shiyanqu.html"       # 自贸区 measures: 负责部门/适用范围


@lru_cache(maxsize=None)
def notes(name: str):
    return ingest_file(WILD / name).layer("responsibilities").all()


def note(name: str, text: str):
    (found,) = [n for n in notes(name) if n.text == text]
    return found


def roles(n) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in n.units]


@pytest.mark.parametrize("name, count", [(WUFEI, 39), (FUPIN, 17), (ZIMAO, 53),
                                         ("govcn-2018-guobanfa121-jiakuai-fazhan-tiyujingsai.html", 21)])
def test_every_note_of_the_text_is_found(name, count):
    assert len(notes(name)) == count


def test_units_that_guide_have_their_own_role_and_do_not_lead():
    n = note(WUFEI, "（自然资源部、工业和信息化部指导）")
    assert roles(n) == [("自然资源部", "guide"), ("工业和信息化部", "guide")]
    assert n.lead is None and not n.lead_assumed
    half = note(WUFEI, "(生态环境部指导)")
    assert roles(half) == [("生态环境部", "guide")]


def test_a_guide_beside_a_unit_that_joins():
    n = note(WUFEI, "（商务部指导，供销合作总社参与）")
    assert roles(n) == [("商务部", "guide"), ("供销合作总社", "co")]
    assert n.lead is None


def test_a_guide_and_the_unit_that_carries_it_out_a_remark_on_later_notes_skipped():
    n = note(WUFEI, "（生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出）")
    assert roles(n) == [("生态环境部", "guide"), ("试点城市政府", "lead")]
    assert n.lead == "试点城市政府" and not n.lead_assumed


def test_units_no_table_knows_by_their_ending_are_kept_with_the_note():
    text = "（全国工商联、发展改革委、民政部、农业农村部、扶贫办、全国总工会、共青团中央、全国妇联等和各省级人民政府负责）"
    n = note(FUPIN, text)
    assert [u.name for u in n.units] == ["全国工商联", "发展改革委", "民政部", "农业农村部", "扶贫办", "全国总工会",
                                         "共青团中央", "全国妇联", "各省级人民政府"]
    assert n.lead == "全国工商联" and n.lead_assumed
    assert n.units[-1].role == "collective"
    assert n.units[6].normalized == "中国共产主义青年团中央委员会"


def test_a_labelled_unit_list_with_a_scope_clause():
    n = note(ZIMAO, "（负责部门：发展改革委、粮食和储备局，适用范围：浙江自贸试验区）")
    assert [u.name for u in n.units] == ["发展改革委", "粮食和储备局"]
    scoped = note(ZIMAO, "（负责部门：人力资源社会保障部、住房城乡建设部、商务部；适用范围：所有自贸试验区，"
                         "以下除标注适用于特定自贸试验区的措施外，适用范围均为所有自贸试验区）")
    assert [u.name for u in scoped.units] == ["人力资源社会保障部", "住房城乡建设部", "商务部"]
    single = note(ZIMAO, "（负责部门：自然资源部）")
    assert single.lead == "自然资源部" and not single.lead_assumed


def test_a_clause_in_brackets_is_still_not_a_note():
    text = ingest_file(WILD / "govcn-1996-guobanfa32-guojiajiaowei-guanyu-neidi.html").text
    assert "（其中1995年广东省、福建省共落实了165名扩招任务）" in text
    assert not find_notes(text)


@pytest.mark.parametrize("text, expected, lead", [
    ("（甲部、乙局指导）", [("甲部", "guide"), ("乙局", "guide")], None),
    ("（甲部指导，乙社参与）", [("甲部", "guide"), ("乙社", "co")], None),
    ("（甲部指导，乙市政府负责落实）", [("甲部", "guide"), ("乙市政府", "lead")], "乙市政府"),
    ("（甲部负责落实）", [("甲部", "lead")], "甲部"),
    ("（甲部、乙局分工负责）", [("甲部", "lead"), ("乙局", "co")], "甲部"),
    ("（甲部会同乙局负责）", [("甲部", "lead"), ("乙局", "co")], "甲部"),
    ("（甲部牵头，乙局配合）", [("甲部", "lead"), ("乙局", "co")], "甲部"),
    ("（甲部、乙局参与）", [("甲部", "co"), ("乙局", "co")], None),
    ("（各地区各有关部门按职责分工负责）", [("各地区各有关部门", "collective")], "各地区各有关部门"),
    ("（共青团中央负责）", [("共青团中央", "lead")], "共青团中央"),
    ("（甲部、丙丁联盟负责）", [("甲部", "lead"), ("丙丁联盟", "co")], "甲部"),
    ("（负责部门：甲部，适用范围：乙区）", [("甲部", "lead")], "甲部"),
    ("（指导单位：甲部；责任单位：乙市政府）", [("甲部", "guide"), ("乙市政府", "lead")], "乙市政府"),
    ("（甲部牵头，乙局、丙局按职责分工配合）", [("甲部", "lead"), ("乙局", "co"), ("丙局", "co")], "甲部"),
    ("（甲部、乙局按职责分工牵头）", [("甲部", "lead"), ("乙局", "lead")], "甲部"),
    ("（甲厅、各市、县〔市、区〕政府等分工负责）", [("甲厅", "lead"), ("各市、县〔市、区〕政府", "collective")], "甲厅"),
])
def test_wordings(text, expected, lead):
    (n,) = find_notes("推进此项工作。" + text)
    assert roles(n) == expected
    assert n.lead == lead


@pytest.mark.parametrize("text", ["（企业自主负责）", "（学生、家长共同负责）", "（由企业在当地落实）"])
def test_clauses_with_a_verb_are_not_notes(text):
    assert find_notes("推进此项工作。" + text) == ()


def test_every_role_of_a_unit_has_a_chinese_label_in_the_library():
    from typing import get_args, get_type_hints

    from pipeline.extract.units import Unit
    from pipeline.library.labels import UNIT_ROLES

    assert set(UNIT_ROLES) == set(get_args(get_type_hints(Unit)["role"]))
    assert UNIT_ROLES["guide"] == "指导"


def test_the_manner_of_a_verb_and_bracketed_levels_are_no_part_of_a_name():
    # 赣府厅字〔2020〕14号: （江西银保监局、省金融监管局按职责分工牵头）
    jx = ingest_file(WILD / "jiangxi-2020-ganfutingzi14-jinrong-zhichi-ruogan-cuoshi.html").layer("responsibilities").all()
    note = next(n for n in jx if n.text == "（江西银保监局、省金融监管局按职责分工牵头）")
    assert roles(note) == [("江西银保监局", "lead"), ("省金融监管局", "lead")]
    # 浙江 县域商业体系方案: （省商务厅、省建设厅、各市、县〔市、区〕政府等分工负责）
    zj = ingest_file(WILD / "zhejiang-swt-2021-xianyu-shangye-tixi-fangan.html").layer("responsibilities").all()
    note = next(n for n in zj if n.text == "（省商务厅、省建设厅、各市、县〔市、区〕政府等分工负责）")
    assert roles(note) == [("省商务厅", "lead"), ("省建设厅", "co"), ("各市、县〔市、区〕政府", "collective")]


# --- labels naming what is led, time limits of progress, bracketed levels (wild gold, issue 14) -----------
BAOTOU = "baotou-2022-shuzi-zhengfu-kaoping-banfa.txt"  # 包头 数字政府 考评办法: 90 notes, one per task


def test_a_lead_label_with_an_infix_and_a_progress_time_limit():
    # （时限，牵头考核单位：…）: the units named lead the assessment of the task; the time limit is no unit
    assert len(notes(BAOTOU)) == 90
    n = note(BAOTOU, "（7月底完成，牵头考核单位：市政府办公室、市审批服务局）")
    assert roles(n) == [("市政府办公室", "lead"), ("市审批服务局", "lead")] and n.deadline == "7月底完成"
    n = next(n for n in notes(BAOTOU) if n.text == "（5月底取得阶段性成效并持续推进，牵头考核单位：市审批服务局）")
    assert n.lead == "市审批服务局" and n.deadline == "5月底取得阶段性成效并持续推进"


@pytest.mark.parametrize("text, expected, deadline", [
    ("（6月份取得明显成效，牵头考核单位：甲局、乙局）", [("甲局", "lead"), ("乙局", "lead")], "6月份取得明显成效"),
    ("（按进度推进，牵头考核单位：甲局）", [("甲局", "lead")], "按进度推进"),
    ("（持续优化，牵头落实单位：甲局；配合单位：乙局）", [("甲局", "lead"), ("乙局", "co")], "持续优化"),
])
def test_progress_time_limits_and_label_infixes(text, expected, deadline):
    (n,) = find_notes("推进此项工作。" + text)
    assert roles(n) == expected and n.deadline == deadline


def test_a_level_in_brackets_keeps_the_group_whole_and_a_labelled_name_may_hold_de():
    jx8 = ingest_file(WILD / "jiangxi-2020-ganfufa8-kaifaqu-chuangxin-ruogan-yijian.html").layer("responsibilities").all()
    n = next(n for n in jx8 if n.text == "（责任单位：省委编办，有关设区市、县〔区〕人民政府）")
    assert roles(n) == [("省委编办", "lead"), ("有关设区市、县〔区〕人民政府", "collective")] and n.lead_assumed
    jx6 = ingest_file(WILD / "jiangxi-2020-ganfufa6-qiangshijian-baojindu.html").layer("responsibilities").all()
    n = next(n for n in jx6 if n.text.startswith("（责任单位：省新型冠状病毒感染的肺炎疫情防控应急指挥部办公室，"))
    assert [u.name for u in n.units] == ["省新型冠状病毒感染的肺炎疫情防控应急指挥部办公室", "各市、县〔区〕政府"]


@pytest.mark.parametrize("text, names", [
    ("（责任单位：甲厅和各市、县〔区〕人民政府）", ["甲厅", "各市、县〔区〕人民政府"]),
    ("（责任单位：有关设区市、县〔区〕人民政府）", ["有关设区市、县〔区〕人民政府"]),
    ("（责任单位：省甲乙的应急指挥部办公室，各市政府）", ["省甲乙的应急指挥部办公室", "各市政府"]),
    ("（甲厅、乙厅按职责分工牵头，丙厅、丁厅等省直有关部门配合）", ["甲厅", "乙厅", "丙厅", "丁厅"]),
])
def test_groups_names_and_deng_tails(text, names):
    (n,) = find_notes("推进此项工作。" + text)
    assert [u.name for u in n.units] == names


def test_deng_with_the_departments_of_a_level_adds_no_unit_in_a_real_text():
    # 赣府厅字〔2020〕14号: …按职责分工牵头，省农业农村厅、省商务厅、省国资委、省交通运输厅等省直有关部门配合
    jx = ingest_file(WILD / "jiangxi-2020-ganfutingzi14-jinrong-zhichi-ruogan-cuoshi.html").layer("responsibilities").all()
    n = next(n for n in jx if n.text.startswith("（人行南昌中心支行、省发展改革委、省工业和信息化厅、省财政厅按职责分工牵头"))
    assert [u.name for u in n.units][-2:] == ["省国资委", "省交通运输厅"]
    assert [u.role for u in n.units][:4] == ["lead"] * 4


def test_one_body_beside_a_group_is_an_assumed_lead():
    # 皖政办秘〔2021〕82号: （责任单位：省经济和信息化厅，各市人民政府） names two units and no lead
    ah = ingest_file(WILD / "anhui-2021-wanzhengbanmi82-gongye-hulianwang.txt").layer("responsibilities").all()
    n = next(n for n in ah if n.text == "（责任单位：省经济和信息化厅，各市人民政府）")
    assert n.lead == "省经济和信息化厅" and n.lead_assumed
    (n,) = find_notes("推进此项工作。（责任单位：甲厅，各市人民政府）")
    assert n.lead == "甲厅" and n.lead_assumed
    (n,) = find_notes("推进此项工作。（责任单位：甲厅）")
    assert n.lead == "甲厅" and not n.lead_assumed


def test_a_closing_sentence_stating_a_rule_for_later_notes_names_no_unit_in_a_real_text():
    # 安徽 促进消费若干措施: the first note ends with 以下均需各市、县人民政府落实，不再一一列出
    ah = ingest_file(WILD / "anhui-2022-cujin-xiaofei-ruogan-cuoshi.html").layer("responsibilities").all()
    n = next(n for n in ah if n.text.startswith("（省发展改革委、省商务厅、省市场监管局、省农业农村厅等"))
    assert [u.name for u in n.units] == ["省发展改革委", "省商务厅", "省市场监管局", "省农业农村厅", "各市、县人民政府"]


@pytest.mark.parametrize("remark", ["以下均需各市、县人民政府落实，不再一一列出", "以下各项均由各区政府落实",
                                    "各市政府负责落实，不再逐一列出", "各区政府负责落实，下同"])
def test_a_closing_rule_for_later_notes_adds_no_unit(remark):
    (n,) = find_notes(f"推进此项工作。（甲厅、乙厅按职责分工负责。{remark}）")
    assert [u.name for u in n.units] == ["甲厅", "乙厅"]


def test_a_body_and_the_other_members_of_a_body_are_two_units_in_a_real_text():
    # 北京 生育支持工作措施: …、市计划生育协会和市托育联席会议其他成员单位按职责分工负责
    bj = ingest_file(WILD / "beijing-2025-shengyu-zhichi-gongzuo-cuoshi.html").layer("responsibilities").all()
    n = next(n for n in bj if n.text.startswith("（市教委、市卫生健康委、市发展改革委、市住房城乡建设委、市计划生育协会和"))
    assert [u.name for u in n.units] == ["市教委", "市卫生健康委", "市发展改革委", "市住房城乡建设委", "市计划生育协会",
                                         "市托育联席会议其他成员单位"]


@pytest.mark.parametrize("text, names", [
    ("（甲局、乙协会和丙领导小组其他成员单位按职责分工负责）", ["甲局", "乙协会", "丙领导小组其他成员单位"]),
    ("（甲局和乙联席会议其他成员部门负责）", ["甲局", "乙联席会议其他成员部门"]),
    ("（甲局、文化和旅游局按职责分工负责）", ["甲局", "文化和旅游局"]),
])
def test_he_splits_before_the_other_members_of_a_body_only_after_a_name(text, names):
    (n,) = find_notes("推进此项工作。" + text)
    assert [u.name for u in n.units] == names
