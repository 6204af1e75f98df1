"""The 任务分工表 and `policy tasks` / `policy units` on the real corpus."""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from click.testing import CliRunner

from pipeline.api import ingest_file
from pipeline.extract.money import money_terms
from pipeline.model import Layer
from pipeline.cli import cli
from pipeline.tasks import HEADERS, task_rows, to_markdown, unit_counts, write_tasks

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
HOHHOT = CORPUS / "hohhot-2024-keji-qiangshi-draft.txt"
GUOFA39 = CORPUS / "govcn-2018-guofa39-cujin-jiuye.html"


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


def test_xlsx_opens_with_26_rows_and_a_frozen_chinese_header(tmp_path, gold):
    from openpyxl import load_workbook

    paths = write_tasks(doc(HOHHOT), tmp_path)
    xlsx = next(p for p in paths if p.suffix == ".xlsx")
    wb = load_workbook(xlsx)
    assert len(wb.sheetnames) == 1
    ws = wb.active
    assert [c.value for c in ws[1]] == list(HEADERS)
    assert ws.freeze_panes == "A2"
    assert ws.max_row == 27
    assert [ws.cell(row=i + 2, column=3).value for i in range(26)] == [g["lead_unit_normalized"] for g in gold["measures"]]
    assert ws.column_dimensions["D"].width > ws.column_dimensions["A"].width


def test_csv_and_markdown_hold_the_same_rows(tmp_path):
    paths = {p.suffix: p for p in write_tasks(doc(HOHHOT), tmp_path)}
    with open(paths[".csv"], encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == list(HEADERS) and len(table) == 27
    assert table[16][:3] == ["16", "完善科技金融服务体系", "中共呼和浩特市委金融委员会办公室"]
    md = paths[".md"].read_text(encoding="utf-8").splitlines()
    assert md[0] == "# 任务分工表：关于建设科技强市 促进首府高质量发展的实施意见"
    table_lines = [line for line in md if line.startswith("|")]
    assert table_lines[1] == "|" + "|".join(" --- " for _ in HEADERS) + "|"
    assert len(table_lines) == 2 + 26


def test_outputs_are_byte_identical_on_rerun(tmp_path):
    first = {p.name: p.read_bytes() for p in write_tasks(doc(HOHHOT), tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in write_tasks(doc(HOHHOT), tmp_path / "b")}
    assert first == second and len(first) == 3


def test_markdown_escapes_pipes_and_line_breaks():
    assert to_markdown([("a|b", "c\nd")], ("x", "y")).splitlines()[-1] == "| a\\|b | c d |"


def test_money_column_lists_the_terms_of_the_money_layer_as_written():
    d = doc(HOHHOT)
    m6 = next(n for n in d.nodes() if n.kind == "measure" and n.ordinal == 6)
    terms = money_terms("最高支持300万元，补贴20%。", m6.start)
    rows = task_rows(d.with_layer(Layer("money", {m6.id: terms})))
    assert rows[5].money == "最高支持300万元；20%"
    assert rows[4].money == ""


def test_units_counts_measures_led_and_joined(gold):
    counts = {c.name: (c.leads, c.joins) for c in unit_counts(task_rows(doc(HOHHOT)))}
    names = [g["responsible_units_normalized"] for g in gold["measures"]]
    sti = "呼和浩特市科学技术局"
    assert counts[sti] == (sum(n[0] == sti for n in names), sum(sti in n[1:] for n in names))
    assert counts["各旗县区"] == (0, 26)
    assert len(counts) == len(gold["distinct_units_normalized"])


# --- CLI ----------------------------------------------------------------------------------

def test_cli_tasks_writes_the_chosen_formats(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["tasks", str(HOHHOT), "-o", str(tmp_path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hohhot-2024-keji-qiangshi-draft.tasks.csv"]
    result = runner.invoke(cli, ["tasks", str(HOHHOT), "-o", str(tmp_path)])
    assert result.exit_code == 0
    assert len(list(tmp_path.iterdir())) == 3


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
    assert "| 1 | 布局一批重大科技基础设施 | 呼和浩特市科学技术和信息化局 |" in md


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
    for source in (str(HOHHOT), str(tmp_path / "docs" / "hohhot-2024-keji-qiangshi-draft.json")):
        fed = runner.invoke(cli, ["feed", "--aliases", str(aliases), source])
        assert fed.exit_code == 0, fed.output
        assert "呼和浩特市科学技术和信息化局" in fed.output and "呼和浩特市科学技术局\"" not in fed.output
    plain = runner.invoke(cli, ["feed", str(HOHHOT)])
    assert "呼和浩特市科学技术局\"" in plain.output


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
    assert "完成时限" in HEADERS and rows[0].cells()[HEADERS.index("完成时限")] == "2025年底前完成"
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
