"""PDFs as offices make them: Word-like DOCX files of corpus texts printed to PDF by LibreOffice.

Each DOCX has what an office's Word file has (running header, page-number footer,
仿宋 body text with first-line indents, a centred title, ruled tables, one with
its 牵头单位 cells merged down); the PDF must give the same clauses, notes and
money terms as the DOCX, the same paragraphs and table rows (blanks aside: a
PDF cannot keep a space where a line wrapped), and no header, footer or page
number in any node. bench/pdf_agreement.py measures the same over the whole corpus.
"""
from __future__ import annotations

import functools
import re

import pytest

from load_fixtures import CORPUS, HOHHOT
from office_fixtures import SOFFICE, convert, facts, hohhot_with_tables, paragraphs, title_of, unspaced, word_docx
from pipeline import api
from pipeline.load import load, load_bytes
from pipeline.extract.table_rows import task_rows

pytest.importorskip("pdfminer")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

DOCUMENTS = [
    "hohhot-2024-keji-qiangshi-draft.txt",  # notes, money, a task table with merged cells, a two-column table
    "law-fan-buzhengdang-jingzheng-2025.txt",  # chapters and articles, 第 1 页 共 9 页
    "govcn-2019-guofa3-zonghe-baoshuiqu.html",  # a State Council opinion with 责任单位 notes
    "liuhe-lvyou-shishi-yijian-2019.html",  # 42 money terms
    "rule-laoshebu-2008-gongzi-zhesuan-tongzhi.txt",  # one page, a title wrapped over two centred lines
]
PAGE_NUMBER = re.compile(r"^[\s—\-]*(?:第\s*)?\d+\s*(?:页)?(?:\s*共\s*\d+\s*页)?[\s—\-]*$")


@pytest.fixture(scope="session")
def printed(tmp_path_factory):
    """name -> (docx, pdf, running header): every PDF from one LibreOffice run."""
    sources, headers = {}, {}
    for i, name in enumerate(DOCUMENTS):
        text = load(CORPUS / name).text
        lines, tables = hohhot_with_tables(text) if CORPUS / name == HOHHOT else (paragraphs(text), {})
        headers[name] = title_of(lines)
        sources[name.rsplit(".", 1)[0] + ".docx"] = word_docx(
            lines, header=headers[name], page_numbers="of" if i % 2 else "dash", tables=tables)
    pdfs = convert(sources, "pdf", tmp_path_factory.mktemp("pdf"))
    return {name: (sources[key], pdfs[key], headers[name])
            for name, key in ((n, n.rsplit(".", 1)[0] + ".docx") for n in DOCUMENTS)}


@functools.lru_cache(maxsize=None)
def ingested(data: bytes, name: str):
    return api.ingest_source(load_bytes(data, name))


def pair(printed, name):
    docx, pdf, header = printed[name]
    return ingested(docx, "office.docx"), ingested(pdf, "office.pdf"), header


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_pdf_gives_the_clauses_notes_and_money_of_the_docx(printed, name):
    from_docx, from_pdf, _ = pair(printed, name)
    expected, got = facts(from_docx), facts(from_pdf)
    assert got["clauses"] == expected["clauses"]
    assert got["notes"] == expected["notes"]
    assert got["money"] == expected["money"]
    assert from_pdf.source.blocks[-1][2].startswith("page ")
    api.document_json(from_pdf)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_paragraphs_and_table_rows_come_back_without_page_furniture(printed, name):
    from_docx, from_pdf, header = pair(printed, name)
    assert unspaced(from_pdf.text.splitlines()) == unspaced(from_docx.text.splitlines())
    headers = 0
    for node in from_pdf.nodes():
        for line in from_pdf.text[node.start:node.own_end].splitlines():
            assert not PAGE_NUMBER.match(line), (node.id, line)
            headers += line.strip() == header
    assert headers == from_docx.text.splitlines().count(header)  # only where the text itself has it


def test_hohhot_counts_and_its_task_table_survive_the_pdf(printed):
    from_docx, from_pdf, _ = pair(printed, "hohhot-2024-keji-qiangshi-draft.txt")
    kinds = [n.kind for n in from_pdf.nodes()]
    assert (kinds.count("part"), kinds.count("action"), kinds.count("measure")) == (3, 9, 26)
    rows = task_rows(from_pdf.text)
    assert [r.seq.text for r in rows] == [str(n) for n in range(1, 27)]
    assert [(r.task.text, r.lead.text, r.inherited) for r in rows[:5]] == [
        ("布局一批重大科技基础设施", "市科学技术局", ()), ("创建一批国家级创新平台", "市科学技术局", ("lead",)),
        ("打造一批自治区级创新平台", "市科学技术局", ("lead",)), ("培育一批新型研发机构", "市科学技术局", ("lead",)),
        ("建设一流科技园区", "市工业和信息化局", ())]
    assert [(r.seq.text, r.task.text, r.lead.text, r.units.text) for r in rows] == [
        (r.seq.text, r.task.text, r.lead.text, r.units.text) for r in task_rows(from_docx.text)]
    indicators = [line for line in from_pdf.text.splitlines() if line.startswith("技术合同成交额\t")]
    assert indicators == ["技术合同成交额\t20亿元"]
