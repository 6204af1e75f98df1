"""Numbering in the forms the breadth corpus shows (issue 14): small-form separators (`1﹒`) and
headings that each title one paragraph (measures, not parts).

Real cases are quoted from `corpus/` and `corpus/wild/` (expected values read from the texts);
each rule also has a minimal synthetic case.
"""
from __future__ import annotations

from conftest import CORPUS
from pipeline import api
from pipeline.api import ingest_file
from pipeline.load import load_bytes

WILD = CORPUS / "wild"


def parse(text: str):
    return api.parse(load_bytes(text.encode("utf-8"), "sample.txt"))


def outline(doc) -> list[tuple[str, str]]:
    return [(n.kind, n.num) for n in doc.nodes() if n.kind in ("part", "action", "measure", "item")]


def test_small_full_stop_marks_a_numbered_measure_in_a_real_plan():
    # 皖政办秘〔2021〕82号 行动计划: `1﹒推进工业互联网外网建设。…` to `24﹒促进区域协同发展。…` (U+FE52)
    doc = ingest_file(WILD / "anhui-2021-wanzhengbanmi82-gongye-hulianwang.txt")
    nums = [n.num for n in doc.nodes() if n.kind == "measure" and n.num.isdigit()]
    assert nums == [str(k) for k in range(1, 25)]
    first = next(n for n in doc.nodes() if n.kind == "measure" and n.num == "1")
    assert first.title == "推进工业互联网外网建设"
    assert [n.num for n in doc.nodes() if n.kind == "action"] == [f"（{c}）" for c in "一二三四五六七八九"]


def test_small_forms_of_the_separators_are_markers():
    doc = parse("某某方案\n一﹑总体要求\n（一）加强引导。\n1﹒设立基金。\n2﹒完善服务。\n二﹑保障措施\n（一）加强领导。\n1﹒建立机制。\n")
    assert outline(doc) == [("part", "一"), ("action", "（一）"), ("measure", "1"), ("measure", "2"),
                            ("part", "二"), ("action", "（一）"), ("measure", "1")]


def test_headings_over_one_paragraph_each_are_measures_in_a_real_text():
    # 湖北省农业农村厅 若干措施: `一、实施新型农业经营主体培育提升行动` over one paragraph closed by its note, to 十二、
    doc = ingest_file(WILD / "hubei-nyt-2021-xinxing-jingying-zhuti-ruogan-cuoshi.txt")
    measures = [n for n in doc.nodes() if n.kind == "measure"]
    assert len(measures) == 12 and not [n for n in doc.nodes() if n.kind == "part"]
    assert (measures[3].num, measures[3].title) == ("四", "加大信贷投放力度")
    # the note closing a measure's paragraph is that measure's
    assert doc.text[measures[0].start:measures[0].end].rstrip().endswith("（责任单位：省农业农村厅、省财政厅，各市、州、县人民政府）")


def test_headings_over_one_paragraph_each_are_measures_and_parts_hold_more():
    one = parse("若干措施\n一、加大信贷投放\n鼓励银行发放贷款。（责任单位：甲局）\n二、强化保险保障\n扩大保险覆盖面。\n")
    assert outline(one) == [("measure", "一"), ("measure", "二")]
    more = parse("若干措施\n一、加大信贷投放\n鼓励银行发放贷款。\n推进线上办理。\n二、强化保险保障\n扩大保险覆盖面。\n")
    assert outline(more) == [("part", "一"), ("part", "二")]


def test_one_character_bracketed_levels_in_a_real_text():
    # 北京市中医管理局 科技成果鉴定及奖励办法: 五、附则 ㈠评审原则 / 1、… / ⑴… / ①…
    doc = ingest_file(WILD / "beijing-zyj-keji-chengguo-jianding-jiangli-banfa.html")
    by_num = {(n.kind, n.num) for n in doc.nodes()}
    assert {("action", "㈠"), ("action", "㈡"), ("item", "⑴"), ("item", "⑻")} <= by_num
    eighth = next(n for n in doc.nodes() if n.num == "⑻")
    assert eighth.title.startswith("凡需作远期疗效观察的研究")


def test_one_character_bracketed_levels_are_the_levels_they_stand_for():
    doc = parse("某某办法\n一、总体要求\n㈠加强引导。\n⒈设立基金。\n⑴种子基金。\n⑵天使基金。\n⒉完善服务。\n二、保障措施\n㈠加强领导。\n⒈建立机制。\n")
    assert outline(doc) == [("part", "一"), ("action", "㈠"), ("measure", "⒈"), ("item", "⑴"), ("item", "⑵"),
                            ("measure", "⒉"), ("part", "二"), ("action", "㈠"), ("measure", "⒈")]
