"""The closing block when tables follow the signature with no 附件 label (issue 14), and a table
alone titled by the metadata beside it. Real page of corpus/wild (values read off its text) and
minimal synthetic texts."""
from __future__ import annotations

import pytest
from test_segment_front import kinds, text_doc, wild

from pipeline import api
from pipeline.errors import StructureError

QUJIANG = "qujiang-2021-guifanxing-wenjian-qingli-zhengqiu-yijian.html"


def _node_text(doc, kind: str) -> str:
    node = next(c for c in doc.root.children if c.kind == kind)
    return doc.text[node.start:node.end]


def test_tables_under_the_signature_are_attached_and_the_signature_is_read():
    # 联系人、电话、地址、邮编, then 衢州市衢江区司法局 over 2021年11月16日, then the captions and tables
    doc = wild(QUJIANG)
    assert (doc.issuer, doc.date) == ("衢州市衢江区司法局", "2021-11-16")
    assert kinds(doc) == ["preamble", "closing", "attachment"]
    assert _node_text(doc, "closing").split() == ["衢州市衢江区司法局", "2021年11月16日"]
    assert _node_text(doc, "attachment").startswith("继续有效的行政规范性文件目录（共85件）\n序号\t文件名称\t文号")
    assert _node_text(doc, "preamble").rstrip().endswith("邮编：324000")


NOTICE = ("为做好规范性文件清理工作，我局对现行文件进行了梳理，现将清理结果予以公示，如有意见，请于公示期内反馈。\n"
          "联系电话：0570-1234567\n某某县司法局\n2021年11月16日\n")
TABLE = "继续有效的文件目录（共2件）\n序号\t文件名称\t文号\n1\t关于某事的通知\t某政发〔2015〕1号\n2\t关于他事的通知\t某政发〔2015〕2号\n"


def test_synthetic_notice_signed_over_a_captioned_table():
    doc = text_doc(NOTICE + TABLE)
    assert (doc.issuer, doc.date) == ("某某县司法局", "2021-11-16")
    assert kinds(doc) == ["preamble", "closing", "attachment"]
    assert _node_text(doc, "attachment") == TABLE


def test_synthetic_table_rows_right_under_the_signature():
    rows = TABLE.split("\n", 1)[1]
    doc = text_doc(NOTICE + rows)
    assert doc.issuer == "某某县司法局" and _node_text(doc, "attachment") == rows


def test_synthetic_list_heading_under_the_signature_opens_the_attachment():
    # the list's 一、 and 1. number its entries, not the notice's clauses
    listed = "继续有效的文件目录（共2件）\n一、综合类\n1.关于某事的通知（某政发〔2015〕1号）\n2.关于他事的通知（某政发〔2015〕2号）\n"
    doc = text_doc(NOTICE + listed)
    assert (doc.issuer, doc.date) == ("某某县司法局", "2021-11-16")
    assert kinds(doc) == ["preamble", "closing", "attachment"]
    assert _node_text(doc, "attachment") == listed


def test_a_signature_followed_by_prose_is_no_closing_before_tables():
    # an organ over a date, then a paragraph: the lines after the date are no attached material
    text = ("为做好清理工作，现将有关事项通知如下，请认真执行。\n某某县司法局\n2021年11月16日\n"
            "各单位要按照要求，认真做好清理工作，确保按时完成。\n" + TABLE.split("\n", 1)[1])
    assert "attachment" not in kinds(text_doc(text))


def test_a_date_in_the_body_without_an_organ_above_is_no_signature():
    text = ("为做好清理工作，现将有关事项通知如下，请认真执行。\n2021年11月16日\n" + TABLE + "某某县司法局\n2021年11月20日\n")
    doc = text_doc(text)
    assert "attachment" not in kinds(doc) and doc.date == "2021-11-20"


ONLY_TABLE = "序号\t单位名称\t地址\n1\t某某县住建局\t府前路6号\n2\t某某县民政局\t府前路8号\n"


def test_a_table_alone_titled_by_the_folders_metadata_is_read(tmp_path):
    (tmp_path / "METADATA.tsv").write_text("file\t标题\ntable.txt\t某某县单位地址表\n", encoding="utf-8")
    (tmp_path / "table.txt").write_text(ONLY_TABLE, encoding="utf-8")
    doc = api.ingest_file(tmp_path / "table.txt")
    assert doc.title == "某某县单位地址表"
    assert doc.text[doc.root.start:doc.root.end] == ONLY_TABLE


def test_a_table_alone_without_a_title_is_still_refused(tmp_path):
    (tmp_path / "table.txt").write_text(ONLY_TABLE, encoding="utf-8")
    with pytest.raises(StructureError, match="no structure"):
        api.ingest_file(tmp_path / "table.txt")
