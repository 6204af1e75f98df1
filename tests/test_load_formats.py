"""One draft, every way it is published: the same tree, front matter and notes."""
from __future__ import annotations

import json

import pytest

from load_fixtures import CORPUS, HOHHOT, docx_auto, docx_typed, html_page, pdf_bytes, text_lines
from pipeline import api
from pipeline.load import load, load_bytes
from pipeline.records import to_json


def strip_offsets(value):
    """A JSON value without its offsets (they differ between formats by design)."""
    if isinstance(value, dict):
        return {k: strip_offsets(v) for k, v in value.items() if k not in {"start", "end"}}
    if isinstance(value, list):
        return [strip_offsets(v) for v in value]
    return value


def shape(doc) -> dict:
    """What a reader sees: tree (kinds, numbers, titles, notes), front matter, warnings."""
    data = doc.to_dict()
    return {
        "nodes": [(n.id, n.kind, n.num, n.title,
                   strip_offsets([to_json(r) for r in doc.layer("responsibilities").of(n.id)]),
                   strip_offsets([to_json(m) for m in doc.layer("money").of(n.id)])) for n in doc.nodes()],
        "front": strip_offsets({k: data[k] for k in ("title", "status", "doc_number", "issuer", "date",
                                                     "addressee", "breadcrumb", "letter")}),
        "references": strip_offsets([to_json(r) for r in doc.layer("references").all()]),
        "warnings": [w.code for w in doc.all_warnings()],
    }


@pytest.fixture(scope="module")
def reference():
    return shape(api.ingest_file(HOHHOT))


def variants():
    lines = text_lines()
    text = HOHHOT.read_bytes().decode("utf-8")
    return {
        "gb18030.txt": text.encode("gb18030"),
        "typed.docx": docx_typed(lines),
        "auto-numbered.docx": docx_auto(lines),
        "page.html": html_page(lines),
        "page-gbk.html": html_page(lines, "gbk"),
        "page-undeclared-gbk.html": html_page(lines, "gbk", declare=False),
    }


@pytest.mark.parametrize("name", list(variants()))
def test_hohhot_published_any_way_gives_the_same_document(name, reference):
    doc = api.ingest_source(load_bytes(variants()[name], name))
    got = shape(doc)
    assert got["nodes"] == reference["nodes"]
    assert got["front"] == reference["front"]
    assert got["warnings"] == reference["warnings"]
    api.document_json(doc)  # validates against the schema


def test_hohhot_counts_hold_in_the_auto_numbered_docx():
    doc = api.ingest_source(load_bytes(docx_auto(text_lines()), "auto.docx"))
    kinds = [n.kind for n in doc.nodes()]
    assert (kinds.count("part"), kinds.count("action"), kinds.count("measure")) == (3, 9, 26)


def test_nodes_of_extracted_formats_carry_provenance():
    doc = api.ingest_source(load_bytes(docx_auto(text_lines()), "auto.docx"))
    measures = [n for n in doc.nodes() if n.kind == "measure"]
    assert all(n.provenance and n.provenance.startswith("body/p[") for n in measures)
    page = api.ingest_file(CORPUS / "govcn-2019-guofa3-zonghe-baoshuiqu.html")
    assert all(n.provenance and n.provenance.startswith("/html/body/") for n in page.nodes())
    assert all(n.provenance is None for n in api.ingest_file(HOHHOT).nodes())


def test_pdf_of_the_wrapped_draft_gives_the_articles_of_the_text():
    pytest.importorskip("pdfminer")
    text = (CORPUS / "law-zhian-chufa-draft2.txt").read_bytes().decode("utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    pages = [lines[i:i + 40] + [f"- {i // 40 + 1} -"] for i in range(0, len(lines), 40)]
    from_pdf = api.ingest_source(load_bytes(pdf_bytes(pages), "draft.pdf"))
    from_text = api.ingest_source(load(CORPUS / "law-zhian-chufa-draft2.txt"))
    articles = [(n.num, n.title) for n in from_pdf.nodes() if n.kind == "article"]
    assert articles == [(n.num, n.title) for n in from_text.nodes() if n.kind == "article"]
    assert len(articles) > 100
    api.document_json(from_pdf)


@pytest.mark.parametrize("fmt", ["text", "gb18030", "html", "docx", "pdf"])
def test_stdin_is_read_by_its_content(fmt, tmp_path):
    from click.testing import CliRunner
    from pipeline.cli import cli

    lines = text_lines()
    data = {"text": HOHHOT.read_bytes(), "gb18030": HOHHOT.read_bytes().decode("utf-8").encode("gb18030"),
            "html": html_page(lines), "docx": docx_typed(lines),
            "pdf": pdf_bytes([lines[i:i + 30] for i in range(0, len(lines), 30)])}[fmt]
    result = CliRunner().invoke(cli, ["ingest", "-", "-o", str(tmp_path)], input=data)
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "stdin.json").read_text(encoding="utf-8"))
    assert written["doc_id"] == "stdin" and written["source"]["name"] == "stdin"
    assert written["source"]["format"] == {"gb18030": "text"}.get(fmt, fmt)
    assert written["title"] == "关于建设科技强市 促进首府高质量发展的实施意见"


def test_stdin_over_the_size_limit_is_refused_before_parsing(monkeypatch):
    import io

    import pipeline.load as loader
    from pipeline.errors import InputError
    from pipeline.load import guard

    monkeypatch.setattr(loader, "MAX_BYTES", 100)
    monkeypatch.setattr(guard, "MAX_BYTES", 100)
    with pytest.raises(InputError, match="stdin: file larger than"):
        loader.load_stream(io.BytesIO(b"x" * 101))
