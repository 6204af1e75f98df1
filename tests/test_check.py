"""`policy check`: the corpus health report (library and command), on real corpus files.

The figures of the breadth corpus are held in `test_wild_corpus.py`; here, what a row
and the summary say about documents whose front matter was read off the text, and
that the four formats carry the same rows.
"""
from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from conftest import CORPUS
from pipeline import check
from pipeline.cli import cli

GUOFA39 = CORPUS / "govcn-2018-guofa39-cujin-jiuye.html"
HOHHOT = CORPUS / "hohhot-2024-keji-qiangshi-draft.txt"
ZHIAN = CORPUS / "law-zhian-chufa-2025.txt"


def _bad(tmp_path):
    path = tmp_path / "no-structure.txt"
    path.write_text("这是一段没有标题也没有编号的文字\n", encoding="utf-8")
    return path


def test_a_row_holds_the_front_matter_and_counts_of_a_document():
    row = check.check_file(HOHHOT)
    assert row.refused is None
    assert (row.title, row.issuer, row.date, row.status) == (
        "关于建设科技强市 促进首府高质量发展的实施意见", "呼和浩特市科学技术局", "2024-10-13", "征求意见稿")
    assert row.deadline == "2024-11-13T17:00"
    assert row.counts["part"] == 3 and row.counts["measure"] == 26  # 一、二、三 and 26 measures, as read in the text
    assert row.notes >= row.notes_with_lead > 0
    assert row.money > 0 and row.seconds > 0


def test_a_regulation_counts_chapters_and_articles():
    row = check.check_file(ZHIAN)
    assert row.counts["chapter"] == 6 and row.counts["article"] == 144
    assert row.clauses == 144


def test_a_refused_file_is_a_row_with_its_reason(tmp_path):
    row = check.check_file(_bad(tmp_path))
    assert row.refused and "no structure" in row.refused
    assert row.title is None and row.counts == {}


def test_summary_counts_what_is_missing(tmp_path):
    rows = [check.check_file(p) for p in (GUOFA39, HOHHOT, _bad(tmp_path))]
    summary = check.summarize(rows)
    assert (summary.documents, summary.refused, summary.no_title, summary.no_issuer) == (3, 1, 0, 0)
    assert summary.line().startswith("3 documents: 1 refused; of 2 read, 0 without a title")


def test_display_width_counts_cjk_as_two_columns():
    assert check.display_width("abc") == 3
    assert check.display_width("国务院") == 6
    assert check.display_width("（一）") == 6


def test_terminal_table_aligns_columns_by_display_width(tmp_path):
    rows = [check.check_file(p) for p in (GUOFA39, HOHHOT, _bad(tmp_path))]
    lines = check.as_table(rows).splitlines()
    header, body = lines[0], lines[1:4]
    column = check.display_width(header[:header.index("date")])
    for line in body:
        # the date column starts at the same display column on every row, whatever CJK precedes it
        cut = next(k for k in range(len(line) + 1) if check.display_width(line[:k]) >= column)
        assert check.display_width(line[:cut]) == column
        assert line[cut:cut + 4] in ("2018", "2024", "    ")
    assert lines[-1] == check.summarize(rows).line()


def test_the_four_formats_carry_the_same_rows(tmp_path):
    paths = [str(GUOFA39), str(HOHHOT), str(_bad(tmp_path))]
    runner = CliRunner()
    out = {fmt: runner.invoke(cli, ["check", *paths, "--format", fmt]) for fmt in ("table", "md", "csv", "json")}
    assert all(r.exit_code == 0 for r in out.values()), {k: r.output for k, r in out.items()}
    data = json.loads(out["json"].output)
    assert [d["title"] for d in data["documents"]][:2] == [
        "国务院关于做好当前和今后一个时期促进就业工作的若干意见", "关于建设科技强市 促进首府高质量发展的实施意见"]
    assert data["summary"]["refused"] == 1
    table = list(csv.reader(io.StringIO(out["csv"].output)))
    assert table[0][:3] == ["file", "refused", "title"] and len(table) == 4
    assert table[1][2] == data["documents"][0]["title"]
    md = out["md"].output.splitlines()
    assert md[0].startswith("| file | refused | title |") and len(md) == 1 + 1 + 3 + 2
    assert out["table"].output.rstrip().endswith(check.summarize([check.Health(**d) for d in data["documents"]]).line())


def test_check_reads_folders_and_refuses_a_missing_path():
    runner = CliRunner()
    result = runner.invoke(cli, ["check", "no/such/folder"])
    assert result.exit_code == 1 and result.output.startswith("Error:")
