"""Responsibility notes as a field of their measure (issue 14): compound labels and field items.

宿州市房管中心 实施细则 (corpus/wild/suzhou-ah-2022-ruogan-cuoshi-shishi-xize.html) gives each
measure heading (一、优化土地出让方式) fields: `（一）适用范围：…`, `（二）办理流程：…`,
`（三）责任单位及承办科室：市自然资源局，储备中心。`. The expected units are read from the text: the
first clause after the label names the responsible units, the clauses after it the offices that
handle the work (承办), some of them followed by their duty (…审批科受理…申请).
"""
from __future__ import annotations

from functools import lru_cache

import pytest

from conftest import CORPUS
from pipeline.api import ingest_file, ingest_source
from pipeline.extract.units import find_notes
from pipeline.load import load_bytes
from pipeline.tasks import task_rows

XIZE = CORPUS / "wild" / "suzhou-ah-2022-ruogan-cuoshi-shishi-xize.html"


@lru_cache(maxsize=None)
def xize():
    return ingest_file(XIZE)


def roles(note) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in note.units]


def test_every_field_note_of_the_text_is_found():
    # 一 二 三 五 六 七 八 十 十一 十二 each close with one field, 四 with a line 责任单位：…,
    # 九 has four sub-measures (供水 供气 供暖 供电) with one field each: 15 notes
    notes = xize().layer("responsibilities").all()
    assert len(notes) == 15
    assert all(n.lead for n in notes)


@pytest.mark.parametrize("start, expected, assumed", [
    # 一 and 二 (the same field twice)
    ("责任单位及承办科室：市自然资源局，储备中心", [("市自然资源局", "lead"), ("储备中心", "co")], False),
    # a handling office followed by its duty: the office only; 出具《…》 is a duty, no unit
    ("责任单位及承办科室：市自然资源局，市自然资源局行政审批科受理",
     [("市自然资源局", "lead"), ("市自然资源局行政审批科", "co"), ("建筑规划科", "co")], False),
    ("责任单位及承办科室：市住房城乡建设局，市政务服务中心工程建设项目综合窗口收件",
     [("市住房城乡建设局", "lead"), ("市政务服务中心工程建设项目综合窗口", "co"), ("市住房城乡建设局审批科", "co"),
      ("建设工程管理中心", "co"), ("工程质量监督站", "co")], False),
    # `市房管中心、市发改委 在市政务服务中心设立专门窗口受理、初审、备案、发放价格备案表；…具体承办`:
    # two responsible units, nothing says which leads (W302)
    ("责任单位及承办科室(单位)：市房管中心、市发改委",
     [("市房管中心", "lead"), ("市发改委", "co"), ("市发改委行政审批科", "co"), ("市房管中心房产科", "co")], True),
    ("责任单位及承办科室（单位）：市房管中心，市场处",
     [("市房管中心", "lead"), ("市场处", "co"), ("租赁处", "co"), ("园区各分局", "co")], False),
])
def test_units_of_compound_labels_in_a_real_text(start, expected, assumed):
    found = [n for n in xize().layer("responsibilities").all() if n.text.startswith(start)]
    assert found
    for note in found:
        assert roles(note) == expected
        assert note.lead_assumed == assumed


def test_field_notes_give_each_measure_its_lead_in_the_task_table():
    rows = task_rows(xize())
    assert [r.title for r in rows[:3]] == ["优化土地出让方式", "延长土地出让金缴纳时间", "支持缓缴城市基础设施配套费"]
    assert [r.lead for r in rows] == [(u,) for u in (
        "市自然资源局", "市自然资源局", "市自然资源局", "市住房城乡建设局", "人民银行宿州市中心支行", "市公积金中心",
        "市教育体育局", "市住房城乡建设局", "市城管局", "市住房城乡建设局", "市城管局", "市房产中心",
        "市住房城乡建设局", "市房管中心", "市房管中心")]
    assert rows[6].co == ("埇桥区教育体育局", "市主城区公办幼儿园", "公办小学", "公办初中")
    # the field items are the measure's text, not rows of their own
    assert "适用范围：热点区域的重点地块" in rows[0].text


def test_a_measure_whose_note_is_a_field_raises_no_w301():
    warnings = xize().layer("responsibilities").warnings
    assert not [w for w in warnings if w.code == "W301"]


@pytest.mark.parametrize("text, expected, convention", [
    ("（三）责任单位及承办科室：市甲局，市甲局审批科受理申请、出具意见书；规划科承办审查。",
     [("市甲局", "lead"), ("市甲局审批科", "co"), ("规划科", "co")], None),
    # a person and a phone after 责任人 are no units
    ("推进改革。（牵头单位及责任人：市科技局，张三，0557-3024547）",
     [("市科技局", "lead")], "牵头单位"),
    ("推进改革。（责任单位、联系人：市科技局，李四）", [("市科技局", "lead")], None),
    ("推进改革。（责任单位和配合单位：市科技局，市财政局、市税务局）",
     [("市科技局", "lead"), ("市财政局", "co"), ("市税务局", "co")], None),
])
def test_compound_labels(text, expected, convention):
    (note,) = find_notes(text)
    assert roles(note) == expected
    assert note.convention == convention and not note.lead_assumed


def test_a_heading_over_fields_is_one_measure_with_its_lead():
    text = ("实施细则\n一、优化出让方式\n（一）适用范围：重点地块。\n（二）办理流程：编制出让方案。\n"
            "（三）责任单位及承办科室：市甲局，储备中心。\n二、延长缴纳时间\n（一）适用范围：经营性用地。\n"
            "（二）办理时限：5个工作日。\n（三）责任单位：市乙局。\n")
    doc = ingest_source(load_bytes(text.encode("utf-8"), "sample.txt"))
    assert [(n.kind, n.num) for n in doc.nodes() if n.kind in ("part", "measure")] == [("measure", "一"), ("measure", "二")]
    rows = task_rows(doc)
    assert [(r.lead, r.co) for r in rows] == [(("市甲局",), ("储备中心",)), (("市乙局",), ())]
    assert not [w for w in doc.layer("responsibilities").warnings if w.code == "W301"]


def test_an_item_with_a_note_in_its_sentence_is_no_field():
    # only an item that is nothing but the note counts for its measure: a task item keeps its W301
    text = ("方案\n一、重点任务\n（一）推进改革。各地要按照统一部署，扎实做好以下工作，确保取得实效。\n"
            "1.做好甲事。（责任单位：甲局）\n2.做好乙事。\n（二）加强保障。各地要落实经费。（责任单位：乙局）\n")
    doc = ingest_source(load_bytes(text.encode("utf-8"), "sample.txt"))
    assert [w.message for w in doc.layer("responsibilities").warnings if w.code == "W301"] == [
        "no responsible unit, unlike its siblings: item 2"]
