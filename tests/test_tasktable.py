"""Task-allocation tables (任务分工表) in the 附件 of a Word draft become responsibilities of the measures
they name. The drafts are the Hohhot text as Word paragraphs plus a table a drafting office would add;
expected values are read from the table and the draft (measure numbers and titles, 呼和浩特市 names)."""
from __future__ import annotations

from load_fixtures import docx_with_table, text_lines
from pipeline import api
from pipeline.load import load_bytes
from pipeline.records import to_json

CONVENTION = "列第一位的为牵头单位,下同。"


def ingest(header, rows, lines=None):
    lines = text_lines() if lines is None else lines
    data = docx_with_table(lines + ["附件", "重点任务分工表"], header, rows)
    return api.ingest_source(load_bytes(data, "hohhot-with-table.docx"))


def measure(doc, num):
    return next(n for n in doc.nodes() if n.kind == "measure" and n.num == num)


def notes(doc, node):
    return doc.layer("responsibilities").of(node.id)


def table_notes(doc, node):
    return [to_json(r) for r in notes(doc, node) if r.source == "table"]


def units(note):
    return [(u["name"], u["normalized"], u["role"]) for u in note["units"]]


HEADER = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"]
ROWS = [
    ["1", "布局一批重大科技基础设施", "市科技局", "发展和改革委员会、大数据管理局", "2025年底前"],
    ["2", "创建一批国家级创新平台", "市科技局", "", "持续推进"],
    ["3", "打造自治区级创新平台", "市工业和信息化局", "各旗县区", "2026年6月"],
]


def test_rows_become_table_notes_of_the_measures_they_name():
    doc = ingest(HEADER, ROWS)
    m1, m2, m3 = measure(doc, "1"), measure(doc, "2"), measure(doc, "3")
    # the note in the text stays first; the row is added after it
    assert [r.source for r in notes(doc, m1)] == ["text", "table"]
    (row1,) = table_notes(doc, m1)
    assert row1["text"] == "1\t布局一批重大科技基础设施\t市科技局\t发展和改革委员会、大数据管理局\t2025年底前"
    assert doc.text[row1["start"]:row1["end"]] == row1["text"]
    assert (row1["lead"], row1["lead_normalized"], row1["lead_assumed"], row1["convention"]) == (
        "市科技局", "呼和浩特市科学技术局", False, "牵头单位")
    assert units(row1) == [("市科技局", "呼和浩特市科学技术局", "lead"),
                           ("发展和改革委员会", "呼和浩特市发展和改革委员会", "co"),
                           ("大数据管理局", "呼和浩特市大数据管理局", "co")]
    assert row1["deadline"] == "2025年底前"
    for unit in row1["units"]:
        assert doc.text[unit["start"]:unit["end"]] == unit["name"]
    # a merged unit cell: row 2 takes the units of row 1
    (row2,) = table_notes(doc, m2)
    assert units(row2)[1:] == units(row1)[1:] and row2["deadline"] == "持续推进"
    # row 3 is reworded (打造一批… in the draft): its 序号 names it, as rows 1 and 2 show the table numbers by measure
    (row3,) = table_notes(doc, m3)
    assert units(row3) == [("市工业和信息化局", "呼和浩特市工业和信息化局", "lead"), ("各旗县区", "各旗县区", "collective")]
    assert sum(len(table_notes(doc, n)) for n in doc.nodes()) == 3
    assert not [w for w in doc.all_warnings() if w.code in ("W302", "W303")]
    api.document_json(doc)  # validates


def test_without_a_lead_column_the_documents_convention_or_a_mark_decides_and_unnamed_rows_warn():
    header = ["序号", "工作任务", "责任单位", "时间节点"]
    rows = [["1", "5.建设一流科技园区。优化全市创新资源布局,创建呼包鄂国家自主创新示范区核心区。", "市科技局、市财政局", "2025年"],
            ["2", "加强财政金融支持", "市财政局", "2025年"],
            ["3", "激发企业创新活力", "市财政局、市科技局（牵头）", "长期坚持"]]
    doc = ingest(header, rows)
    (five,) = table_notes(doc, measure(doc, "5"))
    assert (five["lead"], five["convention"], five["lead_assumed"]) == ("市科技局", "列第一位的为牵头单位", False)
    assert units(five) == [("市科技局", "呼和浩特市科学技术局", "lead"), ("市财政局", "呼和浩特市财政局", "co")]
    (twelve,) = table_notes(doc, measure(doc, "12"))
    assert (twelve["lead"], twelve["lead_normalized"], twelve["convention"]) == ("市科技局", "呼和浩特市科学技术局", "牵头")
    assert units(twelve) == [("市财政局", "呼和浩特市财政局", "co"), ("市科技局", "呼和浩特市科学技术局", "lead")]
    # row 2 names no measure: 序号 2 is a row count here (row 1 is measure 5), so it is not attached
    assert sum(len(table_notes(doc, n)) for n in doc.nodes()) == 2
    row2 = doc.text.index("2\t加强财政金融支持")
    assert [(w.start, w.end) for w in doc.all_warnings() if w.code == "W303"] == [(row2, row2 + len("2\t加强财政金融支持\t市财政局\t2025年"))]
    api.document_json(doc)


def test_with_no_convention_in_the_draft_the_first_unit_is_an_assumed_lead():
    lines = [line.replace(CONVENTION, "") for line in text_lines()]
    assert lines != text_lines()
    doc = ingest(["序号", "工作任务", "责任单位", "时间节点"],
                 [["1", "布局一批重大科技基础设施", "市科技局、市财政局", "2025年"]], lines)
    (note,) = table_notes(doc, measure(doc, "1"))
    assert (note["lead"], note["lead_assumed"], note["convention"]) == ("市科技局", True, None)
    row = doc.text.index("1\t布局一批")
    assert ("W302", row) in [(w.code, w.start) for w in doc.all_warnings()]


def test_numbers_that_repeat_in_the_draft_name_nothing():
    lines = text_lines()
    i = lines.index(next(line for line in lines if line.startswith("3.打造")))
    lines.insert(i + 1, "2.创建一批国家级创新平台。重复编号的一项。(责任单位:市科学技术局)")
    header = ["序号", "任务", "牵头单位"]
    doc = ingest(header, [["1", "布局一批重大科技基础设施", "市科技局"], ["2", "未列出的任务", "市科技局"]], lines)
    assert len(table_notes(doc, measure(doc, "1"))) == 1
    assert [w.code for w in doc.all_warnings() if w.code == "W303"] == ["W303"]


def test_a_measure_covered_only_by_a_table_row_raises_no_missing_note_warning():
    note = "(责任单位:市科学技术局、发展和改革委员会、工业和信息化局、农牧局、林业和草原局、各旗县区、经济技术开发区、金山高新区、和林格尔新区)"
    lines = [line.replace(note, "") for line in text_lines()]
    doc = ingest(HEADER, ROWS, lines)
    assert table_notes(doc, measure(doc, "2")) and not [r for r in notes(doc, measure(doc, "2"))
                                                       if r.source == "text"]
    assert [w for w in doc.all_warnings() if w.code == "W301"] == []


def test_aliases_read_again_keep_the_table_rows():
    from pipeline.extract.aliases import load_aliases
    from pipeline.extract.responsibilities import Responsibilities

    doc = api.annotate(ingest(HEADER, ROWS), using=[Responsibilities(load_aliases(None))])
    (row1,) = table_notes(doc, measure(doc, "1"))
    assert row1["lead_normalized"] == "呼和浩特市科学技术局"
    assert [r.source for r in notes(doc, measure(doc, "1"))] == ["text", "table"]


def test_a_quota_table_is_no_task_table_in_a_real_notice():
    # 丽水市人民政府 安置任务的通知: the 附件 table 序号 | 安置单位名称 | 安置 任务 | 岗位 类别 counts one
    # or two soldiers per unit (`1	丽水国家粮食储备库	1	事业`): no row is a task naming a measure
    from conftest import CORPUS
    from pipeline.extract.table_rows import task_rows

    doc = api.ingest_file(CORPUS / "wild" / "lishui-2023-tuiyi-shibing-anzhi.html")
    assert "丽水国家粮食储备库\t1" in doc.text
    assert task_rows(doc.text) == ()
    assert not [w for w in doc.warnings if w.code == "W303"]


def test_a_task_column_of_counts_is_a_quota_table():
    from pipeline.extract.table_rows import task_rows

    quota = "附件\n序号\t安置单位名称\t安置任务\n1\t市粮食储备库\t1\n2\t市林场\t2人\n"
    assert task_rows(quota) == ()
    tasks = "附件\n序号\t重点任务\t责任单位\n1\t建设创新平台\t市科技局\n2\t2\t市林场\n"
    assert len(task_rows(tasks)) == 2
