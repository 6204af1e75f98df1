"""A page whose text is spread over sibling blocks (issue 14): a notice, then the tables it
publishes. The main text is all of them, each table read as rows (cells joined by tabs), and a
table's header row is never the title: with no title line, the title given beside the text stands.

Real page: 衢江区司法局's call for comments on its cleanup of 行政规范性文件 (corpus/wild), whose
notice says 138 documents were reviewed: 继续有效85件，需要修改11件，应予废止24件，宣布失效8件，
清理时已废止、失效10件 — one table each, every row numbered from 1. The stored body holds the
page twice, one copy after the other (corpus/wild/SOURCES.md)."""
from __future__ import annotations

from conftest import CORPUS
from pipeline import api
from pipeline.load import load_bytes
from pipeline.segment.front import read_front
from pipeline.segment.lines import split_lines

QUJIANG = CORPUS / "wild" / "qujiang-2021-guifanxing-wenjian-qingli-zhengqiu-yijian.html"
# the tables' captions and sizes, as the page writes them
TABLES = (("继续有效的行政规范性文件目录（共85件）", 85), ("需要修改的行政规范性文件目录（共11件）", 11),
          ("应予废止的行政规范性文件目录（共24件）", 24), ("宣布失效的行政规范性文件目录（共8件）", 8),
          ("清理时已废止、失效的行政规范性文件目录（共10件）", 10))
HEADER = "序号\t文件名称\t文号\t清理牵头单位\t清理建议"


def test_a_notice_and_its_tables_are_read_whole():
    doc = api.ingest_file(QUJIANG)
    lines = doc.text.splitlines()
    assert lines[0].startswith("为全面推进依法行政，加快法治政府建设")
    assert "我局组织开展对2020年底前以区政府、区政府办公室名义发布的行政规范性文件的清理工作" in lines[0]
    for said in ("公示时间：2021年11月16日至2021年11月24日。", "联系人：徐琴锋、卢剑", "邮编：324000"):
        assert lines.count(said) == 2
    signed = [k for k, line in enumerate(lines) if line == "衢州市衢江区司法局"]
    assert len(signed) == 2 and all(lines[k + 1] == "2021年11月16日" for k in signed)
    for caption, _ in TABLES:
        assert lines.count(caption) == 2
    numbers = [line.split("\t")[0] for line in lines if "\t" in line and line.split("\t")[0].isdigit()]
    assert numbers == [str(n) for _, size in TABLES for n in range(1, size + 1)] * 2
    assert "1\t关于印发衢江区城区管道燃气管理暂行办法的通知\t衢江区政发〔2004〕37号\t区住建局\t继续有效" in lines
    assert lines.index(HEADER) == lines.index(TABLES[0][0]) + 1


def test_the_title_is_the_pages_not_a_table_header():
    doc = api.ingest_file(QUJIANG)
    assert doc.title == "关于公开征求行政规范性文件清理结果意见的通知"  # corpus/wild/METADATA.tsv, from the record
    assert doc.date == "2021-11-16"


NOTICE = ("<div class='notice'><p>为做好规范性文件清理工作，我局对现行文件进行了梳理，现将清理结果予以公示，"
          "如有意见，请于公示期内反馈。</p><p>联系电话：0570-1234567</p><p>某某县司法局</p><p>2021年11月16日</p></div>")
ROWS = "".join(f"<tr><td><p>{n}</p></td><td><p>关于印发某某县第{n}项管理暂行办法的通知</p></td>"
               f"<td><p>某政发〔2015〕{n}号</p></td><td><p>县住建局</p></td></tr>" for n in range(1, 31))
TABLE = ("<p>继续有效的文件目录（共30件）</p><div><table><tr><td><p>序号</p></td><td><p>文件名称</p></td>"
         f"<td><p>文号</p></td><td><p>牵头单位</p></td></tr>{ROWS}</table></div>")
SIDE = "<div class='side'><ul>" + "".join(f"<li><a href='/{n}'>栏目{n}</a></li>" for n in range(8)) + "</ul></div>"


def _page(main: str) -> str:
    return f"<html><head><title>公示_某某县</title></head><body>{SIDE}<div class='main'>{main}</div></body></html>"


def test_sibling_notice_and_table_both_read_as_the_main_text():
    text = load_bytes(_page(NOTICE + TABLE).encode(), "p.html").text
    lines = text.splitlines()
    assert lines[0].startswith("为做好规范性文件清理工作")
    assert lines[2:5] == ["某某县司法局", "2021年11月16日", "继续有效的文件目录（共30件）"]
    assert lines[5] == "序号\t文件名称\t文号\t牵头单位"
    assert lines[6] == "1\t关于印发某某县第1项管理暂行办法的通知\t某政发〔2015〕1号\t县住建局"
    assert len(lines) == 5 + 31 and "栏目" not in text


def test_a_text_opening_with_a_table_takes_the_title_given_beside_it(tmp_path):
    (tmp_path / "p.html").write_text(_page(TABLE + NOTICE), encoding="utf-8")
    (tmp_path / "METADATA.tsv").write_text("file\t标题\np.html\t关于公布继续有效文件目录的通知\n", encoding="utf-8")
    assert api.ingest_file(tmp_path / "p.html").title == "关于公布继续有效文件目录的通知"


def test_a_table_header_row_is_never_a_title():
    for text in ("序号\t文件名称\t文号\n1\t关于印发某办法的通知\t某政发〔2015〕1号\n",
                 "序号\n文件名称\n文号\n牵头单位\n1\n关于印发某办法的通知\n"):
        lines = split_lines(text)
        assert read_front(lines, len(lines)).title is None
