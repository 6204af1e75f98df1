"""DOCX loading: paragraphs, Word automatic numbering, tables and task tables, provenance."""
from __future__ import annotations

import pytest

from load_fixtures import W_NS, docx_auto, docx_typed, docx_with_table, text_lines
from pipeline.load import load_bytes
from pipeline.load.numbering import chinese, format_number
from pipeline.extract.table_rows import split_units, task_rows


def test_hohhot_typed_and_automatic_numbering_give_the_text_lines():
    lines = text_lines()
    typed = load_bytes(docx_typed(lines), "typed.docx")
    auto = load_bytes(docx_auto(lines), "auto.docx")
    assert typed.format == auto.format == "docx"
    assert typed.text.splitlines() == lines
    assert auto.text.splitlines() == lines


def test_automatic_numbers_are_rendered_where_nobody_typed_them():
    lines = ["一、总体目标", "二、重点任务", "(一)实施创新平台行动", "1.布局基础设施。", "2.创建平台。",
             "(二)实施研发投入行动", "3.强化主体地位。", "三、组织保障"]
    text = load_bytes(docx_auto(lines), "a.docx").text
    assert text.splitlines() == lines


@pytest.mark.parametrize("n, expected", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (26, "二十六"),
                                         (100, "一百"), (105, "一百零五"), (110, "一百一十"), (1001, "一千零一")])
def test_chinese_counting(n, expected):
    assert chinese(n) == expected


@pytest.mark.parametrize("n, fmt, expected", [
    (3, "chineseCountingThousand", "三"), (12, "decimal", "12"), (3, "decimalEnclosedCircle", "③"),
    (2, "ideographTraditional", "乙"), (4, "lowerRoman", "iv"), (3, "upperLetter", "C"),
    (12, "decimalFullWidth", "１２"), (3, "chineseLegalSimplified", "叁"), (5, "bullet", ""),
])
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_style_numbering_legal_levels_and_restart_override():
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>'
        '<w:suff w:val="space"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    numbering.append(parse_xml(
        f'<w:num xmlns:w="{W_NS}" w:numId="92"><w:abstractNumId w:val="91"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))

    def numbered(text, num_id, ilvl=0):
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))

    from docx.enum.style import WD_STYLE_TYPE

    style = document.styles.add_style("Clause", WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="91"/></w:numPr>'))
    numbered("甲", 91)
    numbered("乙", 91, 1)
    numbered("丙", 91, 1)
    document.add_paragraph("丁", style="Clause")
    document.add_paragraph("正文")
    numbered("戊", 92)
    import io
    out = io.BytesIO()
    document.save(out)
    text = load_bytes(out.getvalue(), "s.docx").text
    assert text.splitlines() == ["（一）甲", "1.1 乙", "1.2 丙", "（二）丁", "正文", "（一）戊"]


TASK_HEADER = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"]
TASK_ROWS = [["1", "布局一批重大科技基础设施", "市科技局", "市发展和改革委员会、市财政局", "2025年底前"],
             ["2", "创建一批国家级创新平台", "市科技局", "", "持续推进"]]


def test_tables_are_rows_of_tab_separated_cells_with_provenance():
    source = load_bytes(docx_with_table(["附件", "重点任务分工表"], TASK_HEADER, TASK_ROWS), "t.docx")
    lines = source.text.splitlines()
    assert lines[2] == "\t".join(TASK_HEADER)
    assert lines[4] == "2\t创建一批国家级创新平台\t市科技局\t\t持续推进"
    assert [where for _, _, where in source.blocks] == [
        "body/p[1]", "body/p[2]", "body/tbl[1]/tr[1]", "body/tbl[1]/tr[2]", "body/tbl[1]/tr[3]"]
    for (start, end, _), line in zip(source.blocks, lines):
        assert source.text[start:end] == line


def test_task_table_rows_expose_fields_with_offsets():
    text = load_bytes(docx_with_table(["附件"], TASK_HEADER, TASK_ROWS), "t.docx").text
    rows = task_rows(text)
    assert [(r.seq.text, r.task.text, r.lead.text, r.units.text, r.deadline.text) for r in rows] == [
        tuple(TASK_ROWS[0]), ("2", "创建一批国家级创新平台", "市科技局", "市发展和改革委员会、市财政局", "持续推进")]
    assert rows[1].inherited == ("units",)
    for row in rows:
        for cell in (row.seq, row.task, row.lead, row.units, row.deadline):
            assert text[cell.start:cell.end] == cell.text
    assert [u.text for u in split_units(rows[0].units)] == ["市发展和改革委员会", "市财政局"]
    assert all(text[u.start:u.end] == u.text for u in split_units(rows[0].units))


def test_a_table_without_task_columns_is_not_a_task_table():
    text = load_bytes(docx_with_table([], ["指标", "2024年", "2027年"], [["研发投入", "30亿元", "60亿元"]]), "t.docx").text
    assert task_rows(text) == ()


def test_an_empty_numbered_paragraph_still_counts_but_is_not_a_line():
    assert load_bytes(docx_auto(["一、甲", "二、", "三、丙"]), "a.docx").text == "一、甲\n三、丙\n"


def test_task_table_in_the_attachment_of_the_hohhot_docx_names_its_measures():
    from pipeline import api

    data = docx_with_table(text_lines() + ["附件", "重点任务分工表"], TASK_HEADER, TASK_ROWS)
    doc = api.ingest_source(load_bytes(data, "hohhot-with-table.docx"))
    attachment = next(n for n in doc.root.children if n.kind == "attachment")
    rows = task_rows(doc.text)
    assert all(attachment.start <= r.start and r.end <= attachment.end for r in rows)
    titles = {n.title: n for n in doc.nodes() if n.kind == "measure"}
    assert [titles[r.task.text].ordinal for r in rows] == [int(r.seq.text) for r in rows] == [1, 2]
    assert attachment.provenance == f"body/p[{len(text_lines()) + 1}]"  # the paragraph 附件
