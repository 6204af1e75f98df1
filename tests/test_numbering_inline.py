"""Numbering (issue 14): inline lists become items, heading sentences give titles.

Real cases are quoted from `corpus/` and `corpus/wild/` (expected values read from the
texts); each rule also has a minimal synthetic case.
"""
from __future__ import annotations

from functools import lru_cache

import pytest

from conftest import CORPUS
from pipeline.api import ingest_file
from pipeline.segment import segment

WILD = CORPUS / "wild"


@lru_cache(maxsize=None)
def doc(path):
    return ingest_file(path)


def node(d, node_id):
    return next(n for n in d.nodes() if n.id == node_id)


def children(d, node_id):
    return [(c.kind, c.num, d.text[c.start:c.end].strip()) for c in node(d, node_id).children]


# --- inline lists -------------------------------------------------------------------------------

def test_an_inline_list_after_a_colon_becomes_items():
    # 第七条 …所有生产、经销企业必须严格执行下列规定：
    # (1)不合格的产品不准出厂和销售；(2)不合格的原材料、零部件不准投料、组装；(3)…；(4)…；(5)…。  (one line)
    d = doc(WILD / "guowuyuan-1986-gongye-chanpinzhiliang-zeren.txt")
    items = children(d, "art7.para1")
    assert [(k, n) for k, n, _ in items] == [("item", f"({i})") for i in range(1, 6)]
    assert items[0][2] == "(1)不合格的产品不准出厂和销售；"
    assert items[1][2] == "(2)不合格的原材料、零部件不准投料、组装；"
    assert items[4][2] == "(5)不准弄虚作假、以次充好、伪造商标、假冒名牌。"


def test_a_line_opening_with_an_item_and_going_on_with_the_next_ones():
    # 第五十八条 …从事下列活动：（一）…；（二）…；（三）…；（四）…⏎（五）…；（六）…；（七）…。
    d = doc(CORPUS / "law-minyong-hangkong-2021.txt")
    items = children(d, "art58.para1")
    assert [n for _, n, _ in items] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"]
    assert items[2][2] == "（三）修建不符合机场净空要求的建筑物或者设施；"
    assert items[5][2] == "（六）饲养、放飞影响飞行安全的鸟类动物和其他物体；"


def test_an_inline_list_going_on_after_a_broken_line():
    # 第九十三条 …应当具备下列条件：⏎（一）有符合国家规定的适应保证飞行安全⏎要求的民用航空器；（二）有必需的依法取得
    # 执照的航空人员；（三）有不少于国务院规定的最低限额的注⏎册资本；（四）法律、行政法规规定的其他条件。
    d = doc(CORPUS / "law-minyong-hangkong-2021.txt")
    items = children(d, "art93")
    assert [n for _, n, _ in items] == ["（一）", "（二）", "（三）", "（四）"]
    assert items[0][2] == "（一）有符合国家规定的适应保证飞行安全\n要求的民用航空器；"
    assert items[1][2] == "（二）有必需的依法取得执照的航空人员；"


def test_a_first_item_after_the_colon_when_the_next_line_goes_on():
    # 第二十九条 申请土地使用权首次登记应当提交下列文件： （一）登记申请书；⏎⏎（二）身份证明，…
    d = doc(WILD / "shenzhen-rd-2021-jingjitequ-fangdichan-dengji.txt")
    items = children(d, "art29")
    assert items[0] == ("item", "（一）", "（一）登记申请书；")
    assert [n for _, n, _ in items][:4] == ["（一）", "（二）", "（三）", "（四）"]
    assert not [w for w in d.warnings if w.code in ("W101", "W103")]


def test_items_separated_by_a_semicolon_and_a_space():
    # 第九条 市、区（县）人民政府应当履行下列消防安全职责：（一）…； （二）…； （三）建立健全部门之间信息沟通和联合执法机制；
    d = doc(WILD / "shantou-rd-2022-jingjitequ-xiaofang.txt")
    items = children(d, "art9")
    assert [n for _, n, _ in items] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    assert items[2][2] == "（三）建立健全部门之间信息沟通和联合执法机制；"


def test_an_inline_list_under_a_numbered_measure():
    # 10.法人社会团体还应具备：⏎（1）有专职工作人员；（2）有独立、固定的办公住所；（3）…
    d = doc(WILD / "govcn-1997-guobanfa11-minzhengbu-guanyu-qingli.html")
    items = children(d, "p3.a2.m10")
    assert items[0] == ("item", "（1）", "（1）有专职工作人员；")
    assert items[1] == ("item", "（2）", "（2）有独立、固定的办公住所；")


def outline(text):
    out = []

    def walk(n, depth):
        for c in n.children:
            out.append((depth, c.kind, c.num, text[c.start:c.end].strip()))
            walk(c, depth + 1)
    walk(segment(text).root, 0)
    return out


def test_ten_inline_items_of_an_article():
    reasons = ["死亡的", "失踪的", "被判处刑罚的", "出国定居的", "丧失劳动能力的", "辞职的", "被辞退的",
               "退休的", "调离的", "其他情形的"]
    text = ("某某管理办法\n第一条 为了规范管理，制定本办法。\n第二条 有下列情形之一的，终止其资格："
            + "；".join(f"{i}.{r}" for i, r in enumerate(reasons, 1)) + "。\n第三条 本办法自公布之日起施行。\n")
    rows = outline(text)
    items = [r for r in rows if r[1] == "item"]
    assert [r[2] for r in items] == [str(i) for i in range(1, 11)]
    assert items[0][3] == "1.死亡的；" and items[9][3] == "10.其他情形的。"
    article = next(r for r in rows if r[2] == "第二条")
    assert article[3].endswith("10.其他情形的。")  # the article holds its items
    assert not segment(text).warnings


def test_circled_items_inline_under_a_measure():
    text = "关于做好工作的通知\n一、总体要求\n（一）加强领导。具体包括：①建立机制；②完善制度；③强化考核。\n（二）做好保障。\n"
    rows = outline(text)
    assert [(d, k, n) for d, k, n, _ in rows if k != "title"] == [
        (0, "part", "一"), (1, "measure", "（一）"), (2, "item", "①"), (2, "item", "②"), (2, "item", "③"),
        (1, "measure", "（二）")]


@pytest.mark.parametrize("line", [
    "第二条 按照本条例第四条第（二）、（三）项的规定执行。",   # cited item numbers
    "第二条 有下列情形的：1.死亡的。",                         # a lone 1.
    "第二条 比例为1.5倍；2.5倍以上的从重。",                  # decimals, no run
    "第二条 具备下列条件：2.有场所；3.有人员。",               # does not start at 1
])
def test_what_is_not_an_inline_list(line):
    text = f"某某办法\n第一条 为了规范管理，制定本办法。\n{line}\n第三条 本办法自公布之日起施行。\n"
    assert [r for r in outline(text) if r[1] == "item"] == []


# --- heading sentences ------------------------------------------------------------------------------

def test_a_heading_sentence_of_two_phrases_is_the_title_among_titled_siblings():
    # （二）实施工业绿色生产，推动大宗工业固体废物贮存处置总量趋零增长。全面实施绿色开采，…
    d = doc(WILD / "govcn-2018-guobanfa128-wufei-chengshi-jianshe.html")
    assert node(d, "p2.m2").title == "实施工业绿色生产，推动大宗工业固体废物贮存处置总量趋零增长"
    assert node(d, "p2.m4").title == "践行绿色生活方式，推动生活垃圾源头减量和资源化利用"
    assert node(d, "p2.m1").title == "强化顶层设计引领，发挥政府宏观指导作用"


def test_sentences_of_the_text_stay_untitled():
    # 一、第十届全国人民代表大会第一次会议产生的新一届中央人民政府，根据…，制定本规则。 (rules, no headings)
    d = doc(WILD / "govcn-2004-guofa18-guowuyuan-gongzuo-guize.html")
    assert node(d, "ch1.m1").title is None and node(d, "ch1.m3").title is None
    text = ("关于做好工作的通知\n一、加强领导\n（一）健全机制。要健全工作机制。\n"
            "（二）完善制度，强化考核。要完善制度。\n（三）对符合本办法规定条件的科技型中小企业，按照有关规定给予一次性奖励。具体另行规定。\n")
    titles = [n.title for n in segment(text).root.walk() if n.kind == "measure"]
    assert titles == ["健全机制", "完善制度，强化考核", None]


# --- levels and kinds ---------------------------------------------------------------------------------

def codes(text):
    return [w.code for w in segment(text).warnings]


def test_circled_items_under_an_arabic_item_skip_no_level():
    text = ("关于做好工作的通知\n一、总体要求\n（一）加强领导\n1.建立机制\n（1）明确分工\n（2）压实责任\n"
            "2.完善制度\n①健全规则\n②强化考核\n（二）做好保障。\n")
    assert "W104" not in codes(text)
    # a real skip is still reported: 1. directly under 一、 where （一） is used elsewhere
    skip = "关于做好工作的通知\n一、总体要求\n（一）加强领导\n二、组织实施\n1.建立机制\n2.完善制度\n"
    assert codes(skip).count("W104") == 1


def test_lists_under_siblings_of_one_marker_share_one_kind():
    # 三、清理整顿工作的主要内容: （一）清理整顿的重点 1.–5., （二）…予以保留 1.–10., （三）…要进行整改 1.–7.,
    # （五）对存在下列问题的社会团体予以撤销：1.–3. : every 1. list is of one kind
    d = doc(WILD / "govcn-1997-guobanfa11-minzhengbu-guanyu-qingli.html")
    part = next(n for n in d.nodes() if n.kind == "part" and n.num == "三")
    holders = [c for c in part.children if any(g.num for g in c.children)]
    assert [c.num for c in holders] == ["（一）", "（二）", "（三）", "（五）"]
    assert {c.kind for c in holders} == {"action"}
    assert {g.kind for c in holders for g in c.children} == {"measure"}


def test_a_heading_and_a_sentence_over_lists_synthetic():
    text = ("关于做好工作的通知\n一、总体要求\n（一）加强基础设施\n1.建设道路。\n2.建设管网。\n"
            "（二）推进产业发展。打造产业集群，提升区域竞争力。\n1.发展制造业。\n2.发展服务业。\n"
            "（三）加强保障。\n")
    rows = outline(text)
    assert [(d, k, n) for d, k, n, _ in rows if d == 2] == [(2, "measure", str(i)) for i in (1, 2, 1, 2)]
    assert [k for d, k, n, _ in rows if d == 1] == ["action", "action", "measure"]


# --- decimal sections of a plan (预案) ------------------------------------------------------------------

def test_decimal_sections_nest_by_their_count_of_numbers():
    # 1　总则 / 1.1　编制目的及依据 / 1.2　等级划分 / 1.2.1　国家级（Ⅰ级）：… / 1.4　工作原则 / （1）统一领导、分级负责。…
    # 2　组织机构和职责 / 2.1　国家粮食应急工作指挥部 / 2.1.1　国家粮食应急工作指挥部职责 / （1）掌握粮食市场形势…
    d = doc(WILD / "govcn-2005-guobanhan57-guojia-liangshi-yingji.html")
    parts = [n for n in d.root.children if n.kind == "part"]
    assert [(p.num, p.title) for p in parts] == [
        ("1", "总则"), ("2", "组织机构和职责"), ("3", "预警监测"), ("4", "应急响应"), ("5", "应急保障"),
        ("6", "后期处置"), ("7", "附则")]
    assert [c.num for c in parts[0].children] == ["1.1", "1.2", "1.3", "1.4"]
    grading = parts[0].children[1]
    assert [c.num for c in grading.children] == ["1.2.1", "1.2.2", "1.2.3"]
    principles = parts[0].children[3]
    assert principles.title == "工作原则"
    assert [c.num for c in principles.children] == ["（1）", "（2）", "（3）"]
    office = next(n for n in d.nodes() if n.num == "2.1.2")
    assert office.title == "国家粮食应急工作指挥部办公室及其职责"
    assert [c.num for c in office.children] == [f"（{i}）" for i in range(1, 6)]
    assert not [n for n in d.nodes() if n.kind == "subdocument"]
    assert not d.warnings
    toc = next(n for n in d.root.children if n.kind == "toc")
    assert d.text[toc.start:toc.end].startswith("目")


def test_decimal_sections_synthetic_and_what_is_not_one():
    text = ("某某应急预案\n1 总则\n1.1 编制目的\n为了做好应急工作，制定本预案。\n1.2 适用范围\n本预案适用于本市。\n"
            "2 组织体系\n2.1 指挥机构\n2.1.1 指挥部\n负责统一指挥。\n2.1.2 办公室\n负责日常工作。\n")
    rows = outline(text)
    assert [(dep, n) for dep, k, n, _ in rows if n] == [
        (0, "1"), (1, "1.1"), (1, "1.2"), (0, "2"), (1, "2.1"), (2, "2.1.1"), (2, "2.1.2")]
    lines = ("关于做好工作的通知\n一、总体要求\n（一）加强领导。\n10 万元以上的项目由市级审批。\n"
             "3.5 亿元用于基础设施建设。\n2 个工作日内办结，逾期视为同意，并书面告知申请人其中的理由和依据。\n")
    assert [n for _, _, n, _ in outline(lines) if n] == ["一", "（一）"]


# --- attachments -----------------------------------------------------------------------------------------

def test_the_attachment_list_above_the_signature_closes_the_document_and_the_attachment_has_headings():
    # …四、悬挂专用号牌车辆的政策保障 … / 附件：应急救援专用号牌式样和车辆涂装样图 / 国务院办公厅 / 2018年12月4日 /
    # （此件公开发布） / 附件 / 应急救援专用号牌式样和车辆涂装样图 / 一、号牌编码规则 / （一）汽车号牌。… / （二）摩托车号牌。…
    d = doc(WILD / "govcn-2018-guobanfa114-guojia-zonghexing-xiaofang.html")
    kinds = [n.kind for n in d.root.children]
    assert kinds[-2:] == ["closing", "attachment"]
    closing, attachment = d.root.children[-2:]
    assert d.text[closing.start:closing.end].split() == [
        "附件：应急救援专用号牌式样和车辆涂装样图", "国务院办公厅", "2018年12月4日", "（此件公开发布）"]
    assert [(p.num, p.title) for p in attachment.children] == [
        ("一", "号牌编码规则"), ("二", "号牌规格尺寸"), ("三", "前后号牌式样对比"), ("四", "车辆涂装样图")]
    assert [(m.num, m.title) for m in attachment.children[0].children] == [("（一）", "汽车号牌"), ("（二）", "摩托车号牌")]
    assert len(attachment.children[3].children) == 3


def test_attachment_headings_of_a_list():
    # 附件 / 第二批支持创新相关改革举措推广清单 / … 一、知识产权保护方面（共5项） … 五、管理体制创新方面（共3项）
    d = doc(WILD / "govcn-2018-guobanfa126-tuiguang-dierpi-zhichi.html")
    attachment = d.root.children[-1]
    assert attachment.kind == "attachment"
    assert [p.title for p in attachment.children] == [
        "知识产权保护方面（共5项）", "科技成果转化激励方面（共4项）", "科技金融创新方面（共5项）",
        "军民深度融合方面（共6项）", "管理体制创新方面（共3项）"]


def test_table_rows_of_an_attachment_are_no_headings():
    # 附件 三级公立医院绩效考核指标: rows `一、医疗质量\t（一）功能定位\t1.门诊人次数与出院人次数比\t定量\t…`,
    # then the notes under the table `1.三级公立综合医院考核应采用上述全部考核指标。` …
    d = doc(WILD / "govcn-2019-guobanfa4-jiaqiang-sanji-gongliyiyuan.html")
    attachment = d.root.children[-1]
    assert attachment.kind == "attachment"
    assert all("\t" not in d.text[n.start:n.own_end] for n in attachment.walk() if n is not attachment)
    assert attachment.children[0].title == "三级公立综合医院考核应采用上述全部考核指标"


def test_attachment_synthetic():
    text = ("某某局关于印发工作方案的通知\n各单位：\n现将方案印发给你们。\n一、工作要求\n请认真执行。\n"
            "附件：工作方案\n某某局\n2024年3月1日\n附件\n工作方案\n一、目标\n（一）总体目标。达到…\n（二）具体目标。\n"
            "二、任务\n（一）任务一。\n")
    s = segment(text)
    kinds = [n.kind for n in s.root.children]
    assert kinds[-2:] == ["closing", "attachment"]
    attachment = s.root.children[-1]
    assert [(p.num, [m.num for m in p.children]) for p in attachment.children] == [
        ("一", ["（一）", "（二）"]), ("二", ["（一）"])]
    assert text[attachment.start:].startswith("附件\n工作方案")


def test_an_attachment_note_list_opening_after_its_label():
    # under the coordinate tables of 附件2: 注：1、坐标系统为深圳独立坐标系统。⏎2、L为弧长，…⏎3、红线是指…
    d = doc(WILD / "govcn-2006-guohan132-shouquan-xianggangtebiexingzhengqu-shishi.html")
    attachment = d.root.children[-1]
    assert [(p.num, p.title) for p in attachment.children] == [
        ("1", "坐标系统为深圳独立坐标系统"), ("2", "L为弧长，R为半径，A为回旋线参数；单位均为米"),
        ("3", "红线是指深圳湾口岸港方口岸区边界")]
    assert not [w for w in d.warnings if w.code == "W101"]


def test_each_attachment_numbers_on_its_own():
    # 附件1：…小学入学工作时间安排表 / 备注：… 1.… 2.… / 附件2：…初中入学工作时间安排表 / 备注：… 1.… 2.…
    d = doc(WILD / "xicheng-jw-2020-yiwu-jiaoyu-ruxue-shishi-yijian.html")
    attachment = d.root.children[-1]
    assert [p.num for p in attachment.children] == ["1", "2", "1", "2"]
    assert not [w for w in d.warnings if w.code in ("W101", "W102", "W103")]
