"""A 文号 a web page prints in an element of its own right under (or above) the title heading,
outside the block the main text is read from: it is read as a line beside the title, so the
document has its number. A real page from `corpus/wild/` (values read from the page) and
minimal synthetic ones.
"""
from __future__ import annotations

import pytest

from conftest import CORPUS
from pipeline import api
from pipeline.api import ingest_file
from pipeline.load import load_bytes

BODY = ("<div class='content'><p>各区县人民政府，市直各有关单位：</p>"
        "<p>《关于促进房地产市场平稳健康发展的若干意见》已经市政府研究同意，现印发给你们，请认真贯彻落实。</p>"
        "<p>一、加大住宅用地供应力度。力争三年内住宅土地供应量增加，加大普通住宅用地供应量。</p>"
        "<p>二、强化商品房价格管理。开发企业商品房销售价格要按规定报备，按照一房一价的原则公示。</p>"
        "<p>某某市人民政府办公厅</p><p>2016年9月26日</p></div>")
TITLE = "<div class='article_title'>某某市人民政府办公厅关于印发促进房地产市场平稳健康发展若干意见的通知</div>"


def page(head: str, body: str = BODY) -> bytes:
    return (f"<html><head><title>某某市人民政府</title></head><body><div class='main'>{head}"
            f"<div class='source'>来源：某某市人民政府办公厅</div>{body}</div></body></html>").encode("utf-8")


def parse(data: bytes):
    return api.parse(load_bytes(data, "page.html"))


def test_a_number_printed_under_the_title_of_a_real_page():
    # 福州市人民政府办公厅 page: `<div class="article_title_sec"><font>榕政办〔2016〕180号</font></div>`
    # under the title 福州市人民政府办公厅关于印发…若干意见的通知 (its 发文字号 in the page's index box too)
    doc = ingest_file(CORPUS / "wild" / "fuzhou-2016-rongzhengban180-fangdichan-ruogan-yijian.html")
    assert doc.doc_number == "榕政办〔2016〕180号"
    lines = doc.text.splitlines()
    assert lines[:3] == ["福州市人民政府办公厅关于印发福州市进一步促进房地产市场平稳健康发展若干意见的通知",
                         "榕政办〔2016〕180号", "各县（市）区人民政府，市直各有关单位："]


@pytest.mark.parametrize("number", ["某政办〔2016〕180号", "某政办[2016]180号", "某政办【2016】180号"])
def test_a_number_in_its_own_element_under_the_title(number):
    doc = parse(page(TITLE + f"<div class='title_sec'><span>{number}</span></div>"))
    assert doc.doc_number == number
    assert doc.title == "某某市人民政府办公厅关于印发促进房地产市场平稳健康发展若干意见的通知"


def test_a_number_in_its_own_element_above_the_title():
    doc = parse(page("<p class='wh'>某政发〔2021〕7号</p>" + TITLE))
    assert doc.doc_number == "某政发〔2021〕7号"


@pytest.mark.parametrize("head", [
    # not next to the title: another text between
    TITLE + "<div class='date'>2016-09-26</div><div class='title_sec'>某政办〔2016〕180号</div>",
    # not alone in its element
    TITLE + "<div class='title_sec'>参见某政办〔2016〕180号文件</div>",
])
def test_a_number_elsewhere_on_the_page_is_not_the_text_s(head):
    assert parse(page(head)).doc_number is None
