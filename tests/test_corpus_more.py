"""More real documents in shapes the corpus lacked, checked against a reading of each text.

Expected values are typed from the documents (see corpus/SOURCES.md). Where the pipeline gets a
document wrong the test is a strict xfail naming the module and the cause, so a fix shows up as
an XPASS. A text the pipeline cannot ingest yet (StructureError) waits in tests/pending_corpus/, out
of the whole-corpus invariants, and moves to corpus/ once it ingests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ingested, kinds
from pipeline import api
from pipeline.tasks import task_rows

JUBAO = "rule-jubao-guojia-anquan-jiangli-banfa-2022.txt"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DECISION = CORPUS / "govcn-2018-guofa43-boao-yaopin-jueding.html"
SICHUAN = CORPUS / "sichuan-2014-zhuanfa-duzha-tongzhi.html"


# --- 公民举报危害国家安全行为奖励办法: 部门规章, 第X章 / 第X条 with 款 and （一） 项, money tiers ---------

def test_jubao_front_matter_from_the_adoption_line():
    doc = ingested(JUBAO)
    assert doc.title == "公民举报危害国家安全行为奖励办法"
    assert doc.doc_number == "中华人民共和国国家安全部令第2号"
    assert doc.issuer == "国家安全部"  # the organ as one names it: no State prefix
    assert doc.date == "2022-06-06"
    assert doc.status is None


def test_jubao_chapters_and_their_articles():
    doc = ingested(JUBAO)
    chapters = [(c.num, c.title, [a.ordinal for a in c.children if a.kind == "article"])
                for c in kinds(doc, "chapter")]
    assert chapters == [
        ("第一章", "总则", list(range(1, 8))),
        ("第二章", "奖励条件、方式和标准", list(range(8, 13))),
        ("第三章", "奖励程序", list(range(13, 20))),
        ("第四章", "法律责任", [20, 21, 22]),
        ("第五章", "附则", [23, 24]),
    ]
    assert [a.num for a in kinds(doc, "article")][-1] == "第二十四条"


def test_jubao_items_per_article():
    doc = ingested(JUBAO)
    items = {a.num: [i.num for i in a.walk() if i.kind == "item"] for a in kinds(doc, "article")}
    assert {k: len(v) for k, v in items.items() if v} == {
        "第四条": 6, "第八条": 3, "第九条": 6, "第十条": 2, "第十二条": 4,
        "第二十条": 6, "第二十一条": 4, "第二十二条": 2}
    assert items["第十二条"] == ["（一）", "（二）", "（三）", "（四）"]


def test_jubao_paragraphs_and_items_inside_the_first_paragraph():
    doc = ingested(JUBAO)
    paras = {a.num: [p for p in a.children if p.kind == "paragraph"] for a in kinds(doc, "article")}
    assert {k: len(v) for k, v in paras.items() if v} == {
        "第五条": 2, "第六条": 2, "第十一条": 3, "第十五条": 2, "第十六条": 2, "第二十一条": 2}
    # 第二十一条: the four 项 belong to the first 款; the second 款 refers back to them (前款).
    first, second = paras["第二十一条"]
    assert [i.num for i in first.children if i.kind == "item"] == ["（一）", "（二）", "（三）", "（四）"]
    assert doc.text[second.start:second.end].startswith("举报人有前款规定情形之一")


def test_jubao_reward_tiers_are_the_only_money():
    doc = ingested(JUBAO)
    terms = [(node_id, m.text, m.qualifier, m.amount_min_yuan, m.amount_max_yuan)
             for node_id, m in doc.layer("money").items()]
    assert terms == [
        ("art12.i1", "1万元以下", "at_most", None, 10000),
        ("art12.i2", "1万元至3万元", "range", 10000, 30000),
        ("art12.i3", "3万元至10万元", "range", 30000, 100000),
        ("art12.i4", "10万元以上", "at_least", 100000, None),
    ]
    # 30个工作日, 10个工作日, 6个月, 3年 and the 12339 hotline are no money.


def test_jubao_upper_tiers_are_grants():
    doc = ingested(JUBAO)
    roles = {node_id: m.role for node_id, m in doc.layer("money").items()}
    assert roles["art12.i2"] == roles["art12.i3"] == roles["art12.i4"] == "grant"


def test_jubao_lowest_tier_is_a_grant_too():
    # 给予人民币1万元以下奖励: the amount is the reward itself; the sentence has no rate for it to cap.
    doc = ingested(JUBAO)
    assert [(m.role, m.qualifier) for m in doc.layer("money").of("art12.i1")] == [
        ("grant", "at_most")]


def test_jubao_cited_laws_are_references():
    titles = [r.title for r in ingested(JUBAO).layer("references").all() if r.title]
    assert titles == ["中华人民共和国国家安全法", "中华人民共和国反间谍法", "中华人民共和国反间谍法实施细则"]


def test_jubao_order_number_is_not_cut_in_the_middle_of_the_issuer():
    numbers = [r.doc_number for r in ingested(JUBAO).layer("references").all() if r.doc_number]
    assert all(n == "中华人民共和国国家安全部令第2号" for n in numbers)


def test_jubao_item_titles_drop_the_closing_semicolon():
    doc = ingested(JUBAO)
    item = next(n for n in doc.nodes() if n.id == "art21.para1.i2")
    assert item.title == "弄虚作假骗取奖金的"


def test_jubao_has_no_responsibility_notes():
    # 国家安全机关会同宣传主管部门… and 会同有关单位 are running text, not notes.
    assert [r for r in ingested(JUBAO).layer("responsibilities").all()] == []


# --- texts the pipeline rejected before: an unnumbered decision, a notice pasted as plain text ------

def test_unnumbered_decision_is_ingested_with_its_front_matter():
    doc = api.ingest_file(DECISION)
    assert doc.title == ("国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施"
                         "《中华人民共和国药品管理法实施条例》有关规定的决定")
    assert doc.doc_number == "国发〔2018〕43号"
    assert doc.addressee == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构"
    assert doc.date == "2018-12-21"


def test_newline_separated_html_notice_keeps_its_three_parts():
    # One <div> of plain text: lines separated only by raw newlines, <b>一、各地自查</b> headings inline.
    doc = api.ingest_file(SICHUAN)
    assert [(p.num, p.title) for p in doc.root.children if p.num] == [
        ("一", "各地自查"), ("二", "部门自查"), ("三", "重点抽查")]
    assert doc.addressee == "各市（州）、县（市、区）人民政府，省政府各部门、各直属机构"


# --- 国办发〔2018〕123号: body-only gov.cn content, heading-only （一） and a part without measures ------

MEDIA = "govcn-2018-guobanfa123-zhengwu-xinmeiti.html"


def test_media_front_matter_and_closing():
    doc = ingested(MEDIA)
    assert doc.title == "国务院办公厅关于推进政务新媒体健康有序发展的意见"
    assert (doc.doc_number, doc.issuer, doc.date) == ("国办发〔2018〕123号", "国务院办公厅", "2018-12-07")
    assert doc.addressee == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构"
    closing = doc.root.children[-1]
    assert closing.kind == "closing"
    assert doc.text[closing.start:closing.end].split() == ["国务院办公厅", "2018年12月7日", "（此件公开发布）"]


def test_media_parts_and_second_level_headings():
    doc = ingested(MEDIA)
    parts = [(p.num, p.title, [(c.num, c.title) for c in p.children if c.num])
             for p in kinds(doc, "part")]
    assert parts == [
        ("一", "总体要求", [("（一）", "指导思想"), ("（二）", "工作目标"), ("（三）", "基本原则")]),
        ("二", "明确工作职责", []),
        ("三", "加强功能建设", [("（一）", "推进政务公开，强化解读回应"), ("（二）", "加强政民互动，创新社会治理"),
                          ("（三）", "突出民生事项，优化掌上服务")]),
        ("四", "规范运维管理", [("（一）", "开设整合"), ("（二）", "内容保障"), ("（三）", "安全防护"), ("（四）", "监督管理")]),
        ("五", "强化保障措施", [("（一）", "加强组织领导"), ("（二）", "加强人员培训"), ("（三）", "加强考核评价")]),
    ]


def test_media_heading_only_paragraph_takes_the_next_paragraph_as_body():
    doc = ingested(MEDIA)
    first = next(n for n in doc.nodes() if n.num == "（一）" and n.title == "指导思想")
    assert "以习近平新时代中国特色社会主义思想为指导" in doc.text[first.start:first.end]
    principles = next(n for n in doc.nodes() if n.title == "基本原则")
    assert [(c.num, c.title) for c in principles.children] == [
        ("1", "坚持正确导向"), ("2", "坚持需求引领"), ("3", "坚持互联融合"), ("4", "坚持创新发展")]


@pytest.mark.xfail(strict=True, reason="segment/tree.py assign_kinds, a judgement call kept on purpose: the kind "
                                       "follows the content, so a heading over numbered clauses (（三）基本原则 with "
                                       "1.–4.) is an 'action' and a heading over prose (（一）指导思想) a 'measure'; "
                                       "making siblings agree would drop liuhe-old's （二）…（十一） from the task table")
def test_media_siblings_of_one_marker_share_one_kind():
    doc = ingested(MEDIA)
    first_part = kinds(doc, "part")[0]
    assert len({c.kind for c in first_part.children if c.num}) == 1


def test_media_own_number_is_not_a_reference():
    assert [r for r in ingested(MEDIA).layer("references").all() if r.doc_number == "国办发〔2018〕123号"] == []


def test_media_has_no_notes_and_no_money():
    doc = ingested(MEDIA)
    assert [r for r in doc.layer("responsibilities").all()] == []
    assert [m for m in doc.layer("money").all()] == []


# --- 劳社部发[2008]3号: a short 通知 in the Markdown layout, formulas, `[2008]` brackets, a bare `## 三` ----

WAGES = "rule-laoshebu-2008-gongzi-zhesuan-tongzhi.txt"


def test_wages_notice_title_addressee_and_parts():
    doc = ingested(WAGES)
    assert doc.title == "关于职工全年月平均工作时间和工资折算问题的通知"
    assert doc.addressee == "各省、自治区、直辖市劳动和社会保障厅（局）"
    parts = [(p.num, p.title) for p in kinds(doc, "part")]
    assert parts[:2] == [("一", "制度工作时间的计算"), ("二", "日工资、小时工资的折算")]
    assert doc.root.children[1].kind == "preamble"


def test_wages_formulas_are_no_money():
    # 250天÷12月＝20.83天/月, 21.75天, 8小时: counts of days and hours, not amounts of money.
    assert [m for m in ingested(WAGES).layer("money").all()] == []


def test_wages_cited_order_and_repealed_notice_are_references():
    refs = [(r.title, r.doc_number) for r in ingested(WAGES).layer("references").all()]
    assert ("全国年节及纪念日放假办法", "国务院令第513号") in refs
    assert (None, "劳社部发[2000]8号") in refs


def test_wages_number_line_is_the_document_number():
    assert ingested(WAGES).doc_number == "劳社部发[2008]3号"


def test_wages_bare_heading_three_is_a_third_part():
    doc = ingested(WAGES)
    parts = kinds(doc, "part")
    assert [p.num for p in parts] == ["一", "二", "三"]
    assert "同时废止" in doc.text[parts[2].start:parts[2].end]
    assert "同时废止" not in doc.text[parts[1].start:parts[1].end]


# --- 企业职工带薪年休假实施办法: 第X条 without chapters, inline （二）、（三） that are no items --------------

LEAVE = "rule-nianxiujia-shishi-banfa-2008.txt"


def test_leave_articles_and_paragraphs():
    doc = ingested(LEAVE)
    assert doc.title == "企业职工带薪年休假实施办法"
    assert doc.date == "2008-07-17"
    articles = kinds(doc, "article")
    assert [a.ordinal for a in articles] == list(range(1, 20))
    paras = {a.num: len([p for p in a.children if p.kind == "paragraph"]) for a in articles}
    assert {k: v for k, v in paras.items() if v} == {
        "第五条": 2, "第十条": 2, "第十一条": 3, "第十二条": 3, "第十四条": 2, "第十五条": 2, "第十七条": 2}


def test_leave_inline_item_numbers_in_a_cross_reference_are_no_items():
    # 第八条: 条例第四条第 （二）、 （三）、 （四）、 （五）项 cites items of another act.
    doc = ingested(LEAVE)
    assert [n for n in doc.nodes() if n.kind == "item"] == []


def test_leave_cited_acts():
    assert [r.title for r in ingested(LEAVE).layer("references").all()] == ["职工带薪年休假条例", "中华人民共和国船员条例"]


def test_leave_adopting_ministry_is_the_issuer():
    assert ingested(LEAVE).issuer == "人力资源和社会保障部"


# --- 交通运输部 comment draft: cover notice with channels 1.–4., then the whole 办法 with `第一章、` `第一条、` --

FREIGHT = "mot-2019-wangluo-huoyun-banfa-zhengqiu-yijian.txt"


def test_freight_draft_chapters_and_articles():
    doc = ingested(FREIGHT)
    chapters = [(c.num, c.title, [a.ordinal for a in c.children if a.kind == "article"])
                for c in kinds(doc, "chapter")]
    assert chapters == [
        ("第一章", "总则", list(range(1, 6))),
        ("第二章", "经营管理", list(range(6, 19))),
        ("第三章", "监督检查", list(range(19, 25))),
        ("第四章", "附则", [25, 26]),
    ]
    paras = {a.num: len([p for p in a.children if p.kind == "paragraph"]) for a in kinds(doc, "article")}
    assert {k: v for k, v in paras.items() if v} == {
        "第二条": 3, "第三条": 2, "第四条": 2, "第六条": 3, "第八条": 2, "第九条": 2, "第十九条": 3}


def test_freight_cover_letter_deadline_and_channels():
    letter = ingested(FREIGHT).letter
    assert letter is not None
    assert letter.deadline == "2019-05-01"
    assert "zhangqiang@mot.gov.cn" in letter.feedback


def test_freight_cited_acts():
    titles = {r.title for r in ingested(FREIGHT).layer("references").all()}
    assert {"中华人民共和国道路运输条例", "道路货物运输及站场管理规定", "中华人民共和国安全生产法",
            "中华人民共和国电子商务法"} <= titles


def test_freight_has_no_money_and_no_notes():
    doc = ingested(FREIGHT)
    assert [m for m in doc.layer("money").all()] == []          # 保证金 names no amount; 三年 is a period
    assert [r for r in doc.layer("responsibilities").all()] == []


def test_freight_feedback_channels_are_not_measures():
    assert kinds(ingested(FREIGHT), "measure") == []


def test_freight_draft_title_and_status():
    doc = ingested(FREIGHT)
    assert doc.title == "网络平台道路货物运输经营管理办法"
    assert doc.status == "征求意见稿"


def test_freight_article_separator_stays_with_the_marker():
    doc = ingested(FREIGHT)
    firsts = [doc.text[p.start:p.end] for a in kinds(doc, "article") for p in a.children[:1] if p.kind == "paragraph"]
    assert firsts and not [t for t in firsts if t.startswith("、")]


def test_freight_letter_issuer():
    assert ingested(FREIGHT).letter.issuer == "交通运输部"


# --- 任务分工表 rows of measures without a short title (seen on the new texts, checked on older ones too) ----

@pytest.mark.parametrize("name", ["govcn-2018-guobanfa117-jili-zhichi.html", "liuhe-lvyou-shishi-yijian-2019.html"])
def test_task_text_of_an_untitled_measure_does_not_repeat_its_number(name):
    doc = ingested(name)
    nums = {n.id: doc.text[n.start:n.start + 8] for n in doc.nodes()}
    repeated = [r.node_id for r in task_rows(doc) if r.number and nums[r.node_id][:3] == r.title[:3]]
    assert repeated == []
