"""A METADATA.tsv beside the texts supplies what a text does not state (a law kept without its title line)."""
from __future__ import annotations

import pytest
from conftest import CORPUS

from pipeline import api
from pipeline.errors import InputError
from pipeline.load import load

LAW = "第一章　总则\n第一条　为了维护社会治安秩序，制定本法。\n第二条　本法自公布之日起施行。\n"


def test_corpus_laws_without_a_title_line_take_it_from_the_folders_table():
    # law-zhian-chufa-draft2.txt starts at 目录; the page it came from titles it 治安管理处罚法（修订草案二次审议稿）.
    text = (CORPUS / "law-zhian-chufa-draft2.txt").read_text(encoding="utf-8")
    assert "中华人民共和国治安管理处罚法" not in text.splitlines()[0]
    doc = api.ingest_file(CORPUS / "law-zhian-chufa-draft2.txt")
    assert (doc.title, doc.status, doc.issuer) == ("中华人民共和国治安管理处罚法", "修订草案", "全国人民代表大会常务委员会")
    assert not [w for w in doc.all_warnings() if w.code == "W201"]


def test_a_title_in_the_text_wins_over_the_table(tmp_path):
    (tmp_path / "METADATA.tsv").write_text("file\ttitle\tissuer\ndemo.txt\t别的标题\t某市人民代表大会常务委员会\n",
                                           encoding="utf-8")
    (tmp_path / "demo.txt").write_text("某市物业管理条例\n" + LAW, encoding="utf-8")
    doc = api.ingest_file(tmp_path / "demo.txt")
    assert doc.title == "某市物业管理条例"
    assert doc.issuer == "某市人民代表大会常务委员会"
    assert dict(doc.source.metadata)["标题"] == "别的标题"        # kept as given, in the source's metadata


def test_a_text_without_title_and_without_a_row_keeps_the_file_name_and_warns(tmp_path):
    (tmp_path / "METADATA.tsv").write_text("file\t标题\nother.txt\t无关\n", encoding="utf-8")
    (tmp_path / "bare-law.txt").write_text(LAW, encoding="utf-8")
    doc = api.ingest_file(tmp_path / "bare-law.txt")
    assert doc.title == "bare-law" and [w.code for w in doc.all_warnings()] == ["W201"]


def test_a_broken_table_is_one_clear_error(tmp_path):
    (tmp_path / "METADATA.tsv").write_text("file\t标题\nx.txt\ta\tb\tc\n", encoding="utf-8")
    (tmp_path / "x.txt").write_text(LAW, encoding="utf-8")
    with pytest.raises(InputError, match="line 2 has more cells than the header"):
        load(tmp_path / "x.txt")


def test_a_changed_table_is_read_again(tmp_path):
    table = tmp_path / "METADATA.tsv"
    (tmp_path / "x.txt").write_text(LAW, encoding="utf-8")
    table.write_text("file\t标题\nx.txt\t甲条例\n", encoding="utf-8")
    assert api.ingest_file(tmp_path / "x.txt").title == "甲条例"
    import os
    table.write_text("file\t标题\nx.txt\t乙条例\n", encoding="utf-8")
    os.utime(table, ns=(table.stat().st_atime_ns, table.stat().st_mtime_ns + 10**9))
    assert api.ingest_file(tmp_path / "x.txt").title == "乙条例"
