"""The DOCX writer: a complete, deterministic package that Word readers open; tracked
changes resolved either way with Word's semantics."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from lxml import etree

from docx_tracked import ACCEPTED, REJECTED, TRACKED
from load_fixtures import W_NS, docx_with_document_xml
from pipeline import ooxml
from pipeline.errors import InputError
from pipeline.load import load_bytes
from pipeline.ooxml_revisions import resolve, resolve_docx

NS = {"w": W_NS}
REV = ooxml.Revision("审核组", "2024-10-13T00:00:00Z")
PARTS = ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml",
         "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/footer1.xml"]


def _package() -> bytes:
    body = [ooxml.paragraph([("第一条　", ""), ("三百元", "del"), ("五百元", "ins"), ("以下罚款。", "")], rev=REV,
                            bookmark="_c1"),
            ooxml.paragraph([("新增的一款：\t附表\n续行", "ins")], mark="ins", rev=REV),
            ooxml.table([["条款", "原文"], ["第一条", "三百元"]], [3000, 5844]),
            ooxml.paragraph([("控制字符\x0b在此", "")], "Heading1")]
    return ooxml.docx_bytes(body, "测试文件", REV)


def test_the_package_has_every_part_in_a_fixed_order_with_fixed_timestamps():
    data = _package()
    assert data == _package()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == PARTS
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        for name in PARTS:
            etree.fromstring(archive.read(name))
        core = archive.read("docProps/core.xml").decode()
    assert "<dc:title>测试文件</dc:title>" in core and "<dc:creator>审核组</dc:creator>" in core
    assert "2024-10-13T00:00:00Z</dcterms:created>" in core


def test_python_docx_opens_it_and_finds_the_styles_and_the_table():
    document = docx.Document(io.BytesIO(_package()))
    names = {s.name for s in document.styles}
    assert {"Normal", "Title", "Heading 1", "Heading 2", "Table Grid"} <= names
    assert document.styles["Normal"].font.size.pt == 16
    assert [c.text for c in document.tables[0].rows[1].cells] == ["第一条", "三百元"]
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.top_margin.mm), round(section.left_margin.mm)) == (37, 28)


def test_revisions_carry_author_date_and_unique_ids():
    with zipfile.ZipFile(io.BytesIO(_package())) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    changes = root.xpath("//w:ins|//w:del", namespaces=NS)
    assert len(changes) == 4  # a deletion, an insertion, the inserted paragraph's text and its mark
    assert len(root.xpath("//w:pPr/w:rPr/w:ins", namespaces=NS)) == 1
    assert {el.get(f"{{{W_NS}}}date") for el in changes} == {"2024-10-13T00:00:00Z"}
    ids = [el.get(f"{{{W_NS}}}id") for el in root.xpath("//w:ins|//w:del|//w:bookmarkStart", namespaces=NS)]
    assert len(set(ids)) == len(ids)
    assert {el.get(f"{{{W_NS}}}author") for el in changes} == {"审核组"}
    assert root.xpath("//w:del//w:delText/text()", namespaces=NS) == ["三百元"]
    assert root.xpath("//w:bookmarkStart/@w:name", namespaces=NS) == ["_c1"]
    assert root.xpath("//w:p[w:pPr/w:rPr/w:ins]//w:tab", namespaces=NS)
    assert "控制字符\ufffd在此" in root.xpath("string(//w:p[w:pPr/w:pStyle/@w:val='Heading1'])", namespaces=NS)


def test_a_tracked_change_needs_a_reviser():
    with pytest.raises(ValueError, match="Revision"):
        ooxml.paragraph([("新", "ins")])
    with pytest.raises(ValueError, match="unknown change"):
        ooxml.paragraph([("新", "moved")], rev=REV)


def _lines(xml: bytes) -> list[str]:
    return load_bytes(docx_with_document_xml(xml), "t.docx").text.splitlines()


@pytest.mark.parametrize("accept, expected", [(True, ACCEPTED), (False, REJECTED)])
def test_resolving_the_changes_gives_either_version(accept, expected):
    root = resolve(etree.fromstring(TRACKED), accept)
    assert not root.xpath("//w:ins|//w:del|//w:moveFrom|//w:moveTo|//w:delText", namespaces=NS)
    assert _lines(etree.tostring(root)) == expected


def test_resolve_docx_keeps_the_other_parts_and_refuses_a_zip_without_a_document():
    buffer = io.BytesIO(docx_with_document_xml(TRACKED))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("word/styles.xml", b"<styles/>")
    resolved = resolve_docx(buffer.getvalue(), accept=False)
    with zipfile.ZipFile(io.BytesIO(resolved)) as archive:
        assert archive.read("word/styles.xml") == b"<styles/>"
    assert load_bytes(resolved, "r.docx").text.splitlines() == REJECTED
    empty = io.BytesIO()
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("word/styles.xml", b"<styles/>")
    with pytest.raises(InputError, match="no word/document.xml"):
        resolve_docx(empty.getvalue(), accept=True)


def test_tracked_table_rows_are_kept_or_dropped():
    rev = 'w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"'
    xml = (f'<w:document xmlns:w="{W_NS}"><w:body><w:tbl>'
           f'<w:tr><w:tc><w:p><w:r><w:t>留</w:t></w:r></w:p></w:tc></w:tr>'
           f'<w:tr><w:trPr><w:ins {rev}/></w:trPr><w:tc><w:p><w:ins {rev}><w:r><w:t>增</w:t></w:r></w:ins></w:p>'
           f'</w:tc></w:tr>'
           f'<w:tr><w:trPr><w:del {rev}/></w:trPr><w:tc><w:p><w:del {rev}><w:r><w:delText>删</w:delText></w:r>'
           f'</w:del></w:p></w:tc></w:tr></w:tbl></w:body></w:document>').encode()
    assert _lines(etree.tostring(resolve(etree.fromstring(xml), True))) == ["留", "增"]
    assert _lines(etree.tostring(resolve(etree.fromstring(xml), False))) == ["留", "删"]
