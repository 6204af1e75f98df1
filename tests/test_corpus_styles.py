"""The corpus documents added for further styles, checked against a reading of each text.

Expected values are typed from the documents (see corpus/SOURCES.md).
"""
from __future__ import annotations


from conftest import ingested, kinds
from pipeline.tasks import task_rows

LINGANG = "shanghai-2016-lingang-shuangte-ruogan-yijian.html"
LVYOU = "liuhe-lvyou-shishi-yijian-2019.html"
ZHUHAI = "zhuhai-2019-gangao-qingnian-buzhu-zhengqiu-yijian.html"
RULE = "rule-qinhai-xiaofeizhe-quanyi-chufa-banfa-2015.txt"


def _parts(name):
    return [(p.num, p.title, [m.num for m in p.children if m.kind == "measure"]) for p in kinds(ingested(name), "part")]


# --- 上海临港“双特”若干意见: （一）…（十七） numbered on across six parts ------------------------

def test_lingang_parts_and_measures_numbered_across_parts():
    assert _parts(LINGANG) == [
        ("一", "深入推进政府改革和管理创新", ["（一）", "（二）", "（三）", "（四）"]),
        ("二", "加快促进产业集聚与能级提升", ["（五）", "（六）", "（七）"]),
        ("三", "加强土地政策支持", ["（八）", "（九）"]),
        ("四", "加大财政政策支持力度", ["（十）", "（十一）", "（十二）"]),
        ("五", "进一步优化人才发展环境", ["（十三）", "（十四）", "（十五）"]),
        ("六", "加快基础设施和服务功能建设", ["（十六）", "（十七）"]),
    ]
    measures = kinds(ingested(LINGANG), "measure")
    assert [m.ordinal for m in measures] == list(range(1, 18))
    assert measures[11].title == "支持运用政府和社会资本合作（PPP）方式推进项目建设运营"
    assert not [w for w in ingested(LINGANG).all_warnings() if w.code in ("W101", "W102", "W103")]


def test_lingang_addressee_opens_the_text_and_the_folders_table_gives_the_missing_title():
    doc = ingested(LINGANG)
    assert doc.addressee == "各区、县人民政府，市政府各委、办、局，临港地区管委会"
    # the text has no title line; corpus/METADATA.tsv gives the one its page showed
    assert doc.title == "上海市人民政府关于深化完善“双特”政策支持临港地区新一轮发展的若干意见"
    assert [w.code for w in doc.warnings if w.code.startswith("W2")] == []


def test_sichuan_notice_without_a_title_anywhere_keeps_the_file_name_and_says_so():
    doc = ingested("sichuan-2014-zhuanfa-duzha-tongzhi.html")
    assert doc.title == "sichuan-2014-zhuanfa-duzha-tongzhi"
    assert [w.code for w in doc.warnings if w.code.startswith("W2")] == ["W201"]


def test_lingang_task_table_lists_every_measure_without_a_lead():
    rows = task_rows(ingested(LINGANG))
    assert len(rows) == 17
    assert rows[0].title == "进一步向临港地区简政放权"


# --- 柳河县旅游业实施意见: 1.–20. numbered on across 一、…六、, heading and body in separate paragraphs

def test_lvyou_measures_numbered_across_parts():
    assert [(num, title, len(ms)) for num, title, ms in _parts(LVYOU)] == [
        ("一", "旅游景区、景点建设", 2), ("二", "旅游服务设施建设", 5), ("三", "旅游品牌创建", 4),
        ("四", "旅游目的地市场培育", 4), ("五", "资金引导扶持", 1), ("六", "申报及审核", 4),
    ]
    measures = kinds(ingested(LVYOU), "measure")
    assert [m.ordinal for m in measures] == list(range(1, 21))
    # `9.A级景区创建。`: the marker is 9., the heading starts with A
    assert (measures[8].num, measures[8].title) == ("9", "A级景区创建")
    assert measures[0].title == "优先发展以下旅游项目"


def test_lvyou_interpretation_clause_is_no_note():
    # 本意见由县旅游产业发展领导小组负责解释: a clause naming a body, not a responsibility note.
    assert "由县旅游产业发展领导小组负责解释" in ingested(LVYOU).text
    assert [r for r in ingested(LVYOU).layer("responsibilities").all()] == []


# --- 侵害消费者权益行为处罚办法: a departmental rule, 第X条 with （一） items -------------------------

def test_rule_articles_items_and_paragraphs():
    doc = ingested(RULE)
    assert doc.title == "侵害消费者权益行为处罚办法"
    articles = kinds(doc, "article")
    assert [a.ordinal for a in articles] == list(range(1, 23))
    items = {a.num: len([i for i in a.walk() if i.kind == "item"]) for a in articles}
    assert {k: v for k, v in items.items() if v} == {
        "第五条": 10, "第六条": 9, "第八条": 2, "第九条": 4, "第十一条": 3, "第十二条": 7, "第十三条": 2}
    paragraphs = {a.num: len([p for p in a.children if p.kind == "paragraph"]) for a in articles}
    assert paragraphs["第十条"] == 2 and paragraphs["第十六条"] == 2 and paragraphs["第十九条"] == 2


def test_rule_adoption_line_gives_number_and_date():
    doc = ingested(RULE)
    assert (doc.doc_number, doc.date) == ("国家工商行政管理总局令第73号", "2015-01-05")


# --- 珠海 comment notice: the whole text is the cover letter -----------------------------------

def test_zhuhai_notice_opening_is_the_preamble():
    doc = ingested(ZHUHAI)
    preamble = doc.root.children[0]
    assert preamble.kind == "preamble"
    assert doc.text[preamble.start:preamble.end].rstrip().endswith("公众可以通过以下途径和方式提出反馈意见：")


def test_zhuhai_feedback_channels_are_siblings_of_one_kind():
    doc = ingested(ZHUHAI)
    first, second = [n for n in doc.root.children if n.num in ("一", "二")]
    assert first.kind == second.kind


def test_zhuhai_attachment_line_is_an_attachment():
    doc = ingested(ZHUHAI)
    assert doc.root.children[-1].kind == "attachment"


def test_zhuhai_letter_fields():
    letter = ingested(ZHUHAI).letter
    assert letter is not None
    assert letter.deadline == "2019-11-13"
    assert letter.contact_phone == "2128803"
    assert "zhuhaijyk@163.com" in letter.feedback


# --- 国办发〔2018〕124号: one notice issuing two 规定, numbering restarting in the second --------

TWO_RULES = "govcn-2018-guobanfa124-wenhua-zhuanzhi-liangge-guiding.html"


def test_two_rules_cover_notice_is_the_letter():
    doc = ingested(TWO_RULES)
    assert doc.letter.title == "国务院办公厅关于印发文化体制改革中经营性文化事业单位转制为企业和进一步支持文化企业发展两个规定的通知"
    assert (doc.letter.issuer, doc.letter.date) == ("国务院办公厅", "2018-12-18")
    assert doc.doc_number == "国办发〔2018〕124号"


def test_two_rules_parts_and_measures_of_each_rule():
    titles = [t for _, t, _ in _parts(TWO_RULES)]
    assert titles == ["关于公司制股份制改革", "关于国有文化资产管理", "关于资产和土地处置", "关于收入分配", "关于社会保障",
                      "关于人员安置", "关于财政税收", "关于法人登记", "关于党的建设",
                      "关于财政税收", "关于投资和融资", "关于资产和土地处置", "关于工商管理"]
    counts = [len(ms) for _, _, ms in _parts(TWO_RULES)]
    assert sum(counts[:9]) == 31 and sum(counts[9:]) == 20
    assert [r for r in ingested(TWO_RULES).layer("responsibilities").all()] == []


def test_two_rules_second_title_is_its_own_node():
    doc = ingested(TWO_RULES)
    last = next(n for n in doc.nodes() if n.id == "p9.m31")
    assert "进一步支持文化企业发展的规定" not in doc.text[last.start:last.end]
    assert not [w for w in doc.all_warnings() if w.code == "W103"]


def test_two_rules_opening_sentence_is_not_an_addressee():
    assert "特制定以下规定" not in (ingested(TWO_RULES).addressee or "")


def test_lvyou_interpretation_and_effect_clause_is_outside_the_last_measure():
    doc = ingested(LVYOU)
    last = next(n for n in doc.nodes() if n.id == "p6.m20")
    assert "起执行" not in doc.text[last.start:last.end]
