"""PDF loading (extra [pdf]): text layer, page furniture dropped, wrapped lines rejoined."""
from __future__ import annotations

import pytest

from load_fixtures import CORPUS, pdf_bytes
from pipeline.errors import InputError
from pipeline.load import load_bytes
from pipeline.load.repair import paragraph_spans

pytest.importorskip("pdfminer")

DRAFT = CORPUS / "law-zhian-chufa-draft2.txt"
HEADER = "中华人民共和国治安管理处罚法(修订草案二次审议稿)"


def paginate(lines: list[str], per_page: int = 40) -> list[list[str]]:
    """Pages as printed: running header, body lines, page number footer."""
    return [[HEADER, *lines[i:i + per_page], f"- {i // per_page + 1} -"] for i in range(0, len(lines), per_page)]


def test_draft_as_pdf_gives_one_line_per_paragraph_without_furniture():
    text = DRAFT.read_bytes().decode("utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    source = load_bytes(pdf_bytes(paginate(lines)), "draft.pdf")
    expected = ["".join(text[s:e].split("\r\n")).strip() for s, e in paragraph_spans(text)]
    assert source.format == "pdf"
    assert source.text.splitlines() == expected
    assert HEADER not in source.text
    assert source.blocks[0][2] == "page 1" and source.blocks[-1][2] == f"page {len(paginate(lines))}"


def test_paragraph_broken_across_a_page_is_rejoined():
    first = ["第一条　为了维护社会治安秩序,保障公共安全,保护公", "民、法人和其他组织的合法权益,规范和保障公安机关及其人民"]
    second = ["警察依法履行治安管理职责,根据宪法,制定本法.", "第二条　治安管理工作坚持中国共产党的领导,坚持综合治理."]
    pages = [[HEADER, *first, "第 1 页 共 2 页"], [HEADER, *second, "第 2 页 共 2 页"]]
    text = load_bytes(pdf_bytes(pages), "two.pdf").text
    assert text.splitlines() == ["".join(first + second[:1]), second[1]]


@pytest.mark.parametrize("footer", ["3", "- 3 -", "—3—", "第3页", "第 3 页 共 9 页", "3/9"])
def test_page_number_shapes_are_dropped(footer):
    bodies = ["甲页正文。", "乙页正文。", "丙页正文。"]
    pages = [[body, footer.replace("3", str(n))] for n, body in enumerate(bodies, start=1)]
    assert load_bytes(pdf_bytes(pages), "numbered.pdf").text.splitlines() == bodies


def test_pdf_without_text_layer_or_broken_is_refused():
    with pytest.raises(InputError, match="no text layer"):
        load_bytes(pdf_bytes([[], []]), "scan.pdf")
    with pytest.raises(InputError, match="PDF") as info:
        load_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF", "broken.pdf")
    assert "\n" not in str(info.value)
