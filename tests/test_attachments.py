"""A web page's attachments: its 附件 links listed in the document, and joined to the files read with it.

The link shapes are real: the 丽水 notice page (corpus/wild) links its PDF through a download
script (`downfile.jsp?…&filename=….pdf`, the link text the file's title); the Hohhot draft's page is
given the link its site would print under the letter (`附件：<a href=….docx>…（征求意见稿）.docx</a>`),
with the same address again as a 下载 button and a PDF guide in the site footer.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from load_fixtures import HOHHOT, docx_typed, html_page, text_lines
from pipeline import api, batch
from pipeline.load import load, load_bytes
from pipeline.load.links import Attachment, file_name, is_attachment_file

LISHUI = Path(__file__).resolve().parents[1] / "corpus" / "wild" / "lishui-2023-tuiyi-shibing-anzhi.html"
LISHUI_TITLE = "丽水市人民政府关于下达2023年市区符合政府安排工作条件退役士兵和退出消防员安置任务的通知 (1).pdf"
DRAFT_NAME = "关于建设科技强市 促进首府高质量发展的实施意见（征求意见稿）.docx"
HREF = "/attach/2024/10/P020241013384756.docx"


def hohhot_page() -> bytes:
    after = (f'<p>附件：<a href="{HREF}">{DRAFT_NAME}</a></p>'
             f'<p class="btn"><a href="{HREF}">下载</a></p>')
    page = html_page(text_lines(), after=after)
    return page.replace(b"</p><p>\xe7\x89\x88\xe6\x9d\x83",  # the site footer links its user guide
                        b' <a href="/help/guide.pdf">\xe4\xbd\xbf\xe7\x94\xa8\xe6\x8c\x87\xe5\x8d\x97.pdf</a></p><p>'
                        b"\xe7\x89\x88\xe6\x9d\x83")


def test_a_download_script_link_names_its_file_and_keeps_its_text():
    source = load(LISHUI)
    (link,) = [r for r in source.annotations if isinstance(r, Attachment)]
    assert (link.number, link.name, link.text) == (1, "be5f1a4be0294db7abf660dd336b3fa5.pdf", LISHUI_TITLE)
    assert link.href == "/module/download/downfile.jsp?classid=0&filename=be5f1a4be0294db7abf660dd336b3fa5.pdf"
    assert source.text[link.start:link.end] == LISHUI_TITLE and link.doc_id is None


@pytest.mark.parametrize("href, name", [
    ("/attach/2024/10/P020241013384756.docx", "P020241013384756.docx"),
    ("http://www.example.gov.cn/module/download/downfile.jsp?classid=0&filename=a1b2.pdf", "a1b2.pdf"),
    ("/files/%E5%BE%81%E6%B1%82%E6%84%8F%E8%A7%81%E7%A8%BF.wps", "征求意见稿.wps"),
    ("/art/2024/10/13/art_123.html", None),
    ("/download?id=42", None),
])
def test_the_file_an_address_names(href, name):
    assert file_name(href) == name


def test_page_attachments_are_a_layer_at_the_note_that_links_them():
    page = hohhot_page()
    assert page.count(HREF.encode()) == 2 and b'href="/help/guide.pdf"' in page
    doc = api.ingest_source(load_bytes(page, "notice.html"))
    layer = doc.layer("attachments")
    (link,) = layer.all()  # the 下载 button repeats the address; the footer's guide is not an attachment
    assert (link.number, link.name, link.text, link.href) == (1, "P020241013384756.docx", DRAFT_NAME, HREF)
    assert doc.text[link.start:link.end] == DRAFT_NAME
    (node_id,) = layer.records
    node = next(n for n in doc.nodes() if n.id == node_id)
    assert node.start <= link.start and link.end <= node.end and node.kind != "document"
    written = json.loads(api.document_json(doc))
    assert written["layers"]["attachments"]["records"][node_id][0]["doc_id"] is None


@pytest.mark.parametrize("saved_as", ["P020241013384756.docx", DRAFT_NAME, "关于建设科技强市促进首府高质量发展的实施意见(征求意见稿).DOCX"])
def test_an_attachment_given_in_the_same_batch_joins_its_pages_id_family(tmp_path, saved_as):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notice.html").write_bytes(hohhot_page())
    draft = text_lines()[text_lines().index("关于建设科技强市 促进首府高质量发展"):]
    (folder / saved_as).write_bytes(docx_typed(draft))
    (folder / "other.txt").write_bytes(HOHHOT.read_bytes())
    paths = [str(folder / "notice.html"), str(folder / saved_as), str(folder / "other.txt")]
    outcomes = batch.run(paths, str(tmp_path / "out"), jobs=2)
    assert [o.doc_id for o in outcomes] == ["notice", "notice--att1", "other"], [o.error for o in outcomes]
    page = json.loads((tmp_path / "out" / "notice.json").read_text(encoding="utf-8"))
    (records,) = page["layers"]["attachments"]["records"].values()
    assert [(r["number"], r["doc_id"]) for r in records] == [(1, "notice--att1")]
    attached = json.loads((tmp_path / "out" / "notice--att1.json").read_text(encoding="utf-8"))
    assert attached["title"] == "关于建设科技强市 促进首府高质量发展的实施意见"


def test_without_the_file_or_with_its_id_taken_the_attachment_stays_unjoined(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notice.html").write_bytes(hohhot_page())
    (folder / "P020241013384756.docx").write_bytes(docx_typed(text_lines()))
    (folder / "notice--att1.txt").write_bytes(HOHHOT.read_bytes())
    outcomes = batch.run([str(p) for p in sorted(folder.iterdir())], str(tmp_path / "out"), jobs=1)
    assert sorted(o.doc_id for o in outcomes) == ["P020241013384756", "notice", "notice--att1"]
    page = json.loads((tmp_path / "out" / "notice.json").read_text(encoding="utf-8"))
    assert [r["doc_id"] for rs in page["layers"]["attachments"]["records"].values() for r in rs] == [None]


def test_a_file_is_matched_by_the_address_or_the_link_text_not_by_likeness():
    link = Attachment(1, "be5f1a4be0294db7abf660dd336b3fa5.pdf", LISHUI_TITLE, "/x", None, 0, 0)
    assert is_attachment_file(link, "/downloads/be5f1a4be0294db7abf660dd336b3fa5.pdf")
    assert is_attachment_file(link, "丽水市人民政府关于下达2023年市区符合政府安排工作条件退役士兵和退出消防员安置任务的通知 （1）.PDF")
    assert not is_attachment_file(link, "丽水市人民政府关于下达2023年市区符合政府安排工作条件退役士兵和退出消防员安置任务的通知.pdf")
    assert not is_attachment_file(link, "be5f1a4be0294db7abf660dd336b3fa5.doc")
