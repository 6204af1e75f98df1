"""The 任务分工表 and `policy tasks` / `policy units` on the real corpus."""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from click.testing import CliRunner

from pipeline.api import ingest_file
from pipeline.cli import cli
from pipeline.tasks import CSV_HEADERS, HEADERS, Heading, task_rows, task_table, to_markdown, unit_counts, write_tasks

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
HOHHOT = CORPUS / "hohhot-2024-keji-qiangshi-draft.txt"
GUOFA39 = CORPUS / "govcn-2018-guofa39-cujin-jiuye.html"
# 国办发〔2018〕128号 (无废城市): ministries 指导 most tasks, the pilot cities carry them out
WUFEI = CORPUS / "wild" / "govcn-2018-guobanfa128-wufei-chengshi-jianshe.html"


@lru_cache(maxsize=None)
def doc(path: Path):
    return ingest_file(path)



def test_hohhot_rows_follow_the_measures(gold):
    rows = task_rows(doc(HOHHOT))
    assert len(rows) == 26
    for row, g in zip(rows, gold["measures"]):
        assert (row.number, row.title) == (str(g["num"]), g["title"])
        assert row.lead == (g["lead_unit_normalized"],)
        assert row.co == tuple(g["responsible_units_normalized"][1:])


def test_guofa39_rows_read_from_the_text():
    rows = task_rows(doc(GUOFA39))
    assert [r.number for r in rows][:3] == ["（一）", "（二）", "（三）"]
    assert len(rows) == 15
    first = rows[0]
    assert first.title == "加大稳岗支持力度"
    assert first.lead == ("人力资源和社会保障部",) and first.co == ("财政部",)
    # （十二）落实地方政府主体责任。…（各省级人民政府负责）
    assert rows[11].lead == ("各省级人民政府",) and rows[11].co == ()


def test_rows_hold_the_full_task_text_without_the_note():
    rows = task_rows(doc(HOHHOT))
    m6 = rows[5]
    # 6.强化企业研发投入主体地位。… (责任单位:…): the marker and the note have their own columns
    assert m6.text.startswith("强化企业研发投入主体地位。建立各级财政科技投入刚性增长机制,确保年度增长20%。")
    assert m6.text.endswith("按照研发投入额的5%给予科技经费支持,单个企业每年最高支持500万元。")
    assert "责任单位" not in m6.text
    # 26.…市纪律检查委员会(监察委员会)…: nothing is cut, brackets stay balanced
    for row in rows:
        assert row.text.count("(") == row.text.count(")") and row.text.count("（") == row.text.count("）")
        assert "责任单位" not in row.text


def test_money_column_lists_support_as_written_not_thresholds():
    rows = task_rows(doc(HOHHOT))
    # 6. …对研发投入年增量在1000万元及以上的规上企业,按照研发投入年增量的10%给予科技经费支持,单个企业每年最高支持300万元。…
    assert rows[5].money == (
        "对研发投入年增量在1000万元及以上的规上企业,按照研发投入年增量的10%给予科技经费支持",
        "单个企业每年最高支持300万元",
        "对新引进的当年新增研发投入超1000万元的研发总部,按照研发投入额的5%给予科技经费支持",
        "单个企业每年最高支持500万元")
    assert not any("确保年度增长20%" in m for m in rows[5].money)     # budget growth is a target, not support
    # 13. two grants, and support promised without a number (给予一定科技经费支持)
    assert rows[12].money == (
        "对新入统的规模以上科技服务业企业一次性给予5万元科技经费支持",
        "对新纳入重点监测科技服务业企业一次性给予3万元科技经费支持",
        "每年对绩效评价优秀科技服务业示范企业给予一定科技经费支持")
    assert rows[0].money == ()                                        # 1. promises no money


def test_title_and_groups_of_the_hohhot_table():
    table = task_table(doc(HOHHOT))
    assert table.title == "《关于建设科技强市 促进首府高质量发展的实施意见（征求意见稿）》重点任务分工表"
    items = list(table.grouped())
    headings = [i.text for i in items if isinstance(i, Heading)]
    # every measure sits in 二、重点任务, so the groups are its nine actions
    assert headings[0] == "(一)实施创新平台“能级提升”行动" and len(headings) == 9
    assert headings[-1] == "(九)实施创新创业生态“优化提升”行动"
    serials = [i[0] for i in items if not isinstance(i, Heading)]
    assert serials == list(range(1, 27))
    # (二) holds measures 6 and 7
    at = items.index(next(i for i in items if isinstance(i, Heading) and i.text.startswith("(二)")))
    assert [i[1].number for i in items[at + 1:at + 3]] == ["6", "7"] and isinstance(items[at + 3], Heading)


def test_xlsx_is_the_table_an_office_prints(tmp_path, gold):
    from openpyxl import load_workbook

    path = next(p for p in write_tasks(doc(HOHHOT), tmp_path, ("xlsx",)))
    ws = load_workbook(path).active
    assert ws["A1"].value == "《关于建设科技强市 促进首府高质量发展的实施意见（征求意见稿）》重点任务分工表"
    assert "A1:F1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[2]] == list(HEADERS) and ws.max_column == 6     # no internal id column
    merged = {r.min_row: r for r in ws.merged_cells.ranges if r.min_row > 2}
    assert len(merged) == 9 and all((r.min_col, r.max_col) == (1, 6) for r in merged.values())
    assert ws.cell(3, 1).value == "(一)实施创新平台“能级提升”行动" and 3 in merged
    tasks = [r for r in range(3, ws.max_row + 1) if r not in merged]
    assert [ws.cell(r, 1).value for r in tasks] == list(range(1, 27))           # numbers, not text
    assert [ws.cell(r, 3).value for r in tasks] == [g["lead_unit_normalized"] for g in gold["measures"]]
    assert ws.cell(tasks[5], 2).value.endswith("单个企业每年最高支持500万元。")
    # fonts: 黑体 title and headers, 仿宋_GB2312 body; thin borders on every cell of the table
    assert ws["A1"].font.name == ws["B2"].font.name == "黑体" and ws.cell(tasks[0], 2).font.name == "仿宋_GB2312"
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            inside_merged = {"left": cell.column > 1, "right": cell.column < 6} if cell.row in merged else {}
            sides = [s for s in ("left", "right", "top", "bottom") if not inside_merged.get(s)]
            assert all(getattr(cell.border, side).style == "thin" for side in sides), cell.coordinate
    # A4 landscape, fitted to one page wide, the header row repeated on every page
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$2:$2"
    # a group heading never ends a page: each page break comes before a heading or a task, not after a heading
    assert ws.row_breaks.brk and all(b.id not in merged for b in ws.row_breaks.brk)


def test_docx_is_the_table_an_office_prints(tmp_path):
    from docx import Document as Word
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Mm

    path = next(p for p in write_tasks(doc(HOHHOT), tmp_path, ("docx",)))
    word = Word(str(path))
    section = word.sections[-1]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert abs(section.page_width - Mm(297)) < Mm(1) and abs(section.page_height - Mm(210)) < Mm(1)
    title = word.paragraphs[0]
    assert title.text == "《关于建设科技强市 促进首府高质量发展的实施意见（征求意见稿）》\n重点任务分工表"
    (table,) = word.tables
    assert [c.text for c in table.rows[0].cells] == list(HEADERS)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None             # repeated on every page
    # the columns fill the type area of the turned page (297 - 37 - 35 mm)
    assert abs(sum(table._tbl.tblGrid.gridCol_lst[i].w for i in range(6)) - Mm(225)) < Mm(1)
    spans = [r for r in table.rows if r._tr.tc_lst[0].tcPr.find(qn("w:gridSpan")) is not None]
    assert len(spans) == 9 and spans[0].cells[0].text == "(一)实施创新平台“能级提升”行动"
    spanned = {r._tr for r in spans}
    tasks = [r for r in table.rows[1:] if r._tr not in spanned]
    assert [r.cells[0].text for r in tasks] == [str(n) for n in range(1, 27)]
    assert tasks[5].cells[1].text.endswith("单个企业每年最高支持500万元。")
    # fonts: 黑体 header row and top groups (here the actions: every row shares 二、), 仿宋 body;
    # borders from the grid style
    styles = {s.style_id: s for s in word.styles}

    def east_asia(style_id):
        return styles[style_id].element.rPr.rFonts.get(qn("w:eastAsia"))

    assert table.rows[0].cells[1].paragraphs[0].style.style_id == "TableHeading" and east_asia("TableHeading") == "黑体"
    assert spans[0].cells[0].paragraphs[0].style.style_id == "TableGroup" and east_asia("TableGroup") == "黑体"
    assert east_asia("TableSubgroup") == "楷体"
    assert tasks[0].cells[1].paragraphs[0].style.style_id == "TaskText" and east_asia("TaskText") == "仿宋"
    borders = styles[table.style.style_id].element.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"single"} and len(borders) == 6
    # headings stay with the row after them; a task row never splits; the file is not in revision mode
    assert styles["TableGroup"].paragraph_format.keep_with_next
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in tasks)
    assert word.settings.element.find(qn("w:trackRevisions")) is None


def test_csv_and_markdown_hold_the_same_rows(tmp_path):
    paths = {p.suffix: p for p in write_tasks(doc(HOHHOT), tmp_path, ("csv", "md"))}
    with open(paths[".csv"], encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == list(CSV_HEADERS) and len(table) == 27
    assert table[16][0] == "16" and table[16][1].startswith("完善科技金融服务体系。")
    assert table[16][2] == "中共呼和浩特市委金融委员会办公室"
    assert table[16][-3:] == ["二、重点任务 / (五)实施成果转化“提质增效”行动", "16", "p2.a5.m16"]
    md = paths[".md"].read_text(encoding="utf-8").splitlines()
    assert md[0] == "# 《关于建设科技强市 促进首府高质量发展的实施意见（征求意见稿）》重点任务分工表"
    assert "## (一)实施创新平台“能级提升”行动" in md
    table_lines = [line for line in md if re.match(r"^\| \d+ \| ", line)]
    assert len(table_lines) == 26


def test_outputs_are_byte_identical_on_rerun(tmp_path):
    first = {p.name: p.read_bytes() for p in write_tasks(doc(HOHHOT), tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in write_tasks(doc(HOHHOT), tmp_path / "b")}
    assert first == second and len(first) == 4


def test_no_table_for_a_document_whose_measures_name_no_unit(tmp_path):
    law = CORPUS / "law-zhian-chufa-2025.txt"               # articles, no responsibility notes
    assert write_tasks(doc(law), tmp_path) == [] and list(tmp_path.iterdir()) == []
    result = CliRunner().invoke(cli, ["tasks", str(law), "-o", str(tmp_path)])
    assert result.exit_code == 1 and result.stderr.startswith("Error: ") and "任务分工表" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_markdown_escapes_pipes_and_line_breaks():
    assert to_markdown([("a|b", "c\nd")], ("x", "y")).splitlines()[-1] == "| a\\|b | c d |"


def test_units_counts_measures_led_and_joined(gold):
    counts = {c.name: (c.leads, c.joins) for c in unit_counts(task_rows(doc(HOHHOT)))}
    names = [g["responsible_units_normalized"] for g in gold["measures"]]
    sti = "呼和浩特市科学技术局"
    assert counts[sti] == (sum(n[0] == sti for n in names), sum(sti in n[1:] for n in names))
    assert counts["各旗县区"] == (0, 26)
    assert len(counts) == len(gold["distinct_units_normalized"])


# --- units that guide ------------------------------------------------------------------------

def test_guiding_units_are_listed_apart_from_the_joining_ones():
    rows = {r.node_id: r for r in task_rows(doc(WUFEI))}
    # （六）: nine notes name twelve ministries that 指导 and one that 参与 (供销合作总社), none 牵头
    six = rows["p2.m6"]
    assert six.lead == () and six.co == ("供销合作总社",) and len(six.guide) == 12
    assert {"生态环境部", "财政部", "商务部", "国家税务总局", "中国人民银行"} <= set(six.guide)
    assert six.cells(6)[3].startswith("供销合作总社；指导：生态环境部、")
    assert six.cells(6, between="\n")[3].split("\n")[0] == "供销合作总社"
    # （三）: four notes, every unit guides
    three = rows["p2.m3"]
    assert (three.lead, three.co) == ((), ())
    assert set(three.guide) == {"农业农村部", "国家发展和改革委员会", "国家市场监督管理总局", "生态环境部", "财政部"}
    assert three.cells(3)[3].startswith("指导：")
    # （一）: 生态环境部 leads its first task (生态环境部牵头) and guides the next: it leads the row
    one = rows["p2.m1"]
    assert "生态环境部" in one.lead and "生态环境部" not in one.guide + one.co
    assert "财政部" in one.guide and "财政部" not in one.co


def test_units_count_guided_tasks_apart():
    counts = {c.name: (c.leads, c.joins, c.guides) for c in unit_counts(task_rows(doc(WUFEI)))}
    # 商务部 is named only with 指导, in （一）, （二）, （四） and （六）
    assert counts["商务部"] == (0, 0, 4)
    assert counts["供销合作总社"] == (0, 1, 0)


def test_a_document_whose_notes_name_only_guides_has_a_table(tmp_path):
    path = tmp_path / "guided.txt"
    path.write_text("关于推进某项工作的通知\n一、重点任务\n（一）建立回收体系。（商务部、生态环境部指导）\n"
                    "（二）完善标准。（市场监管总局指导）\n", encoding="utf-8")
    written = write_tasks(ingest_file(path), tmp_path, ("md",))
    md = written[0].read_text(encoding="utf-8")
    assert "| 1 | 建立回收体系。 |  | 指导：商务部、生态环境部 |" in md


# --- CLI ----------------------------------------------------------------------------------

def test_cli_tasks_writes_the_chosen_formats(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["tasks", str(HOHHOT), "-o", str(tmp_path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hohhot-2024-keji-qiangshi-draft.tasks.csv"]
    result = runner.invoke(cli, ["tasks", str(HOHHOT), "-o", str(tmp_path)])
    assert result.exit_code == 0
    assert len(list(tmp_path.iterdir())) == 4


def test_cli_tasks_from_document_json_gives_the_same_table(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", "-q", "-o", str(tmp_path / "docs"), str(HOHHOT)]).exit_code == 0
    src = runner.invoke(cli, ["tasks", str(HOHHOT), "-o", str(tmp_path / "a"), "--format", "csv"])
    js = runner.invoke(cli, ["tasks", str(tmp_path / "docs" / "hohhot-2024-keji-qiangshi-draft.json"),
                             "-o", str(tmp_path / "b"), "--format", "csv"])
    assert src.exit_code == js.exit_code == 0
    name = "hohhot-2024-keji-qiangshi-draft.tasks.csv"
    assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_cli_user_aliases_rename_units(tmp_path):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("科学技术局\t科学技术和信息化局\tlocal\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["tasks", str(HOHHOT), "-o", str(tmp_path), "--format", "md",
                                      "--aliases", str(aliases)])
    assert result.exit_code == 0, result.output
    md = (tmp_path / "hohhot-2024-keji-qiangshi-draft.tasks.md").read_text(encoding="utf-8")
    assert "| 1 | 布局一批重大科技基础设施。谋划空天计量" in md and "| 呼和浩特市科学技术和信息化局 |" in md


def test_cli_bad_alias_file_is_a_one_line_error(tmp_path):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("科学技术局 科学技术和信息化局\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["tasks", str(HOHHOT), "-o", str(tmp_path / "out"), "--aliases", str(aliases)])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "line 1" in result.output
    assert not (tmp_path / "out").exists()


def test_cli_missing_file_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["tasks", str(tmp_path / "none.txt"), "-o", str(tmp_path)])
    assert result.exit_code == 1 and result.output.startswith("Error:")
    assert list(tmp_path.iterdir()) == []


def test_cli_units_over_several_files():
    result = CliRunner().invoke(cli, ["units", str(HOHHOT), str(GUOFA39)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "| 单位 | 牵头任务数 | 参与任务数 |"
    # guofa39: 人力资源社会保障部 is listed first in 8 notes and second in 2 (read from the text)
    assert "| 人力资源和社会保障部 | 8 | 2 |" in lines
    csv_out = CliRunner().invoke(cli, ["units", "--format", "csv", str(GUOFA39)]).output
    assert csv_out.splitlines()[0] == "单位,牵头任务数,参与任务数"
    guided = CliRunner().invoke(cli, ["units", "--format", "csv", str(WUFEI)]).output.splitlines()
    assert guided[0] == "单位,牵头任务数,参与任务数,指导任务数" and "商务部,0,0,4" in guided


def test_commands_have_help():
    for name in ("tasks", "units", "ingest", "feed"):
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and "--aliases" in result.output


def test_ingest_and_feed_take_user_aliases(tmp_path):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("科学技术局\t科学技术和信息化局\tlocal\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", "-q", "-o", str(tmp_path / "docs"), "--aliases", str(aliases), str(HOHHOT)])
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "docs" / "hohhot-2024-keji-qiangshi-draft.json").read_text(encoding="utf-8"))
    leads = [r["lead_normalized"] for rs in doc["layers"]["responsibilities"]["records"].values() for r in rs]
    # measure 1's note lists 市科学技术局 first (列第一位的为牵头单位)
    assert leads[0] == "呼和浩特市科学技术和信息化局"
    assert "呼和浩特市科学技术局" not in leads
    def unit_names(output):
        return {u["normalized"] for line in output.splitlines() for r in json.loads(line)["responsibilities"]
                for u in r["units"]}

    for source in (str(HOHHOT), str(tmp_path / "docs" / "hohhot-2024-keji-qiangshi-draft.json")):
        fed = runner.invoke(cli, ["feed", "--aliases", str(aliases), source])
        assert fed.exit_code == 0, fed.output
        names = unit_names(fed.output)
        assert "呼和浩特市科学技术和信息化局" in names and "呼和浩特市科学技术局" not in names
    plain = runner.invoke(cli, ["feed", str(HOHHOT)])
    assert "呼和浩特市科学技术局" in unit_names(plain.output)


def test_ingest_with_a_bad_alias_file_writes_nothing(tmp_path):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("科学技术局\t科学技术和信息化局\tbureau\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "-o", str(tmp_path / "docs"), "--aliases", str(aliases), str(HOHHOT)])
    assert result.exit_code == 1 and "line 1" in result.output
    assert not (tmp_path / "docs").exists()


def _walk(node):
    yield node
    for child in node["children"]:
        yield from _walk(child)


def test_time_limits_fill_their_column_and_validate():
    text = ("关于加快科技创新的若干措施\n一、重点任务\n（一）推进科技创新。加快建设创新平台。（市科技局牵头，市财政局配合，2025年底前完成）\n"
            "（二）优化创新环境。持续改善服务。（责任单位：市发展改革委；完成时限：长期坚持）\n")
    from pipeline.api import document_json, ingest_source
    from pipeline.load import load_bytes
    doc = ingest_source(load_bytes(text.encode("utf-8"), "cuoshi.txt"))
    rows = task_rows(doc)
    assert [(r.number, r.lead, r.co, r.deadline) for r in rows] == [
        ("（一）", ("市科技局",), ("市财政局",), "2025年底前完成"),
        ("（二）", ("市发展改革委",), (), "长期坚持")]
    assert "完成时限" in HEADERS and rows[0].cells(1)[HEADERS.index("完成时限")] == "2025年底前完成"
    assert '"deadline": "长期坚持"' in document_json(doc)


def test_ingest_aliases_reach_parallel_workers(tmp_path):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("科学技术局\t科学技术和信息化局\tlocal\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "-q", "-j", "2", "-o", str(tmp_path / "docs"), "--aliases", str(aliases),
                                      str(HOHHOT), str(GUOFA39)])
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "docs" / "hohhot-2024-keji-qiangshi-draft.json").read_text(encoding="utf-8"))
    names = {u["normalized"] for rs in doc["layers"]["responsibilities"]["records"].values() for r in rs
             for u in r["units"]}
    assert "呼和浩特市科学技术和信息化局" in names and "呼和浩特市科学技术局" not in names
