"""`policy diff --format docx`: the redline as a Word file with tracked changes.

Accepting every change must give the new version and rejecting every change the
old one, read back with the project's own DOCX loader; the Hohhot edits must be
tracked where they were made; LibreOffice must open and print it.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from datetime import datetime

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS, HOHHOT, ROOT, ingested
from hohhot_edits import ADDED, edited_text
from pipeline import api
from pipeline.cli import cli
from pipeline.diff import diff_chain
from pipeline.diff.docx_report import AUTHOR, glance_rows, to_docx
from pipeline.diff.tracked import reading_lines
from pipeline.diff.units import extract_units
from pipeline.load import load_bytes
from pipeline.ooxml import W, W_NS
from pipeline.ooxml_revisions import resolve

NS = {"w": W_NS}
KEJI = ("law-guojia-keji-jiangli-tiaoli-2020.txt", "law-guojia-keji-jiangli-tiaoli-2024.txt")
CHAINS = {
    "zhian 2012-2025": ("law-zhian-chufa-2012.txt", "law-zhian-chufa-2025.txt"),
    "zhian 2012-draft2-2025": ("law-zhian-chufa-2012.txt", "law-zhian-chufa-draft2.txt", "law-zhian-chufa-2025.txt"),
    "keji 2020-2024": KEJI,
    "liuhe old-2023": ("liuhe-zhongdian-chanye-shishi-yijian-old.html",
                       "liuhe-zhongdian-chanye-shishi-yijian-2023.html"),
    "hohhot edited": (HOHHOT.name, None),
}


def _hohhot_edited():
    return api.ingest_source(load_bytes(edited_text().encode("utf-8"), "hohhot-2024-keji-qiangshi-draft-edited.txt"))


def _docs(names):
    return [ingested(n) if n else _hohhot_edited() for n in names]


@pytest.fixture(scope="module")
def hohhot():
    chain = diff_chain([ingested(HOHHOT.name), _hohhot_edited()])
    return chain, to_docx(chain)


def _document_xml(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def _body_only(data: bytes, accept: bool | None) -> bytes:
    """The package with its changes accepted (True), rejected (False) or left (None), and the
    front page (everything up to the first section break) cut off."""
    root = _document_xml(data)
    if accept is not None:
        resolve(root, accept)
    body = root.find(W + "body")
    for el in list(body):
        body.remove(el)
        if el.find(f"{W}pPr/{W}sectPr") is not None:
            break
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, etree.tostring(root) if info.filename == "word/document.xml" else source.read(info))
    return out.getvalue()


def _source_lines(doc) -> list[str]:
    """The document's lines as a reader sees them: stripped, blank lines, Markdown `#` marks
    and HTML comment lines (`<!-- INFO END -->`) left out."""
    lines = (re.sub(r"^#+\s*", "", line.strip()) for line in doc.text.splitlines())
    return [line for line in lines if line and not re.fullmatch(r"<!--.*-->", line)]


def _clauses(doc):
    return [(u.level, u.path, u.text) for u in extract_units(doc) if u.node.kind != "preamble"]


@pytest.mark.parametrize("names", CHAINS.values(), ids=CHAINS.keys())
def test_accepting_every_change_gives_the_new_text_and_rejecting_every_change_the_old(names):
    docs = _docs(names)
    data = to_docx(diff_chain(docs))
    accepted = load_bytes(_body_only(data, True), "accepted.docx")
    rejected = load_bytes(_body_only(data, False), "rejected.docx")
    assert accepted.text.splitlines() == _source_lines(docs[-1])
    assert rejected.text.splitlines() == _source_lines(docs[0])
    # read back through the whole pipeline, every clause comes back character for character
    assert _clauses(api.ingest_source(accepted)) == _clauses(docs[-1])
    assert _clauses(api.ingest_source(rejected)) == _clauses(docs[0])
    # and the loader, reading the tracked file as it is, sees it with every change accepted
    assert load_bytes(_body_only(data, None), "tracked.docx").text == accepted.text


MEASURES = [line for line in HOHHOT.read_text(encoding="utf-8").split("\n") if re.match(r"^\d+\.", line)]
# what an editor does to a clause: reword, change an amount, break it in two, join it to the next
# line, switch to half-width punctuation, indent it
EDITS = {"reword": lambda t: t.replace("支持", "扶持", 1), "amount": lambda t: re.sub(r"\d+万元", "999万元", t, 1),
         "break": lambda t: t.replace("。", "。\n", 1), "join": lambda t: t + "另行规定。",
         "halfwidth": lambda t: t.replace("，", ",").replace("：", ":"), "indent": lambda t: "　　" + t}


def _draft(order: list[int], edits: dict[int, str]) -> str:
    lines = ["关于测试的实施意见", "", "一、重点任务", ""]
    for k, m in enumerate(order):
        if k % 5 == 0:
            lines += [f"({'一二三四五六七八九十'[k // 5]})实施第{k // 5 + 1}项行动", ""]
        body = re.sub(r"^\d+\.", f"{k + 1}.", MEASURES[m])
        lines += [EDITS[edits[m]](body) if m in edits else body, ""]
    return "\n".join(lines + ["二、组织保障", "", "加强组织领导,确保各项措施落实。"])


_versions = st.tuples(st.permutations(range(len(MEASURES))).flatmap(lambda p: st.integers(3, len(p)).map(
    lambda keep: p[:keep])), st.dictionaries(st.integers(0, len(MEASURES) - 1), st.sampled_from(sorted(EDITS)),
                                             max_size=6))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_versions, _versions)
def test_any_two_drafts_accept_to_the_new_and_reject_to_the_old(a, b):
    old, new = (api.ingest_source(load_bytes(_draft(*v).encode("utf-8"), f"{n}.txt")) for n, v in (("a", a), ("b", b)))
    data = to_docx(diff_chain([old, new]))
    assert load_bytes(_body_only(data, True), "a.docx").text.splitlines() == _source_lines(new)
    assert load_bytes(_body_only(data, False), "r.docx").text.splitlines() == _source_lines(old)


def test_a_width_variant_is_tracked_character_by_character_not_as_a_rewritten_clause():
    text = HOHHOT.read_text(encoding="utf-8")
    line = next(line for line in text.split("\n") if line.startswith("2.创建一批国家级创新平台"))
    assert line.count("(责任单位:") == 1
    widened = text.replace(line, line.replace("(责任单位:", "（责任单位："))
    new = api.ingest_source(load_bytes(widened.encode("utf-8"), "widened.txt"))
    chain = diff_chain([ingested(HOHHOT.name), new])
    assert [c.status for c in chain.overall.changes if c.status != "unchanged"] == ["formatting"]
    root = _document_xml(to_docx(chain))
    assert root.xpath("//w:del//w:delText/text()", namespaces=NS) == ["(", ":"]
    assert root.xpath("//w:ins//w:t/text()", namespaces=NS) == ["（", "："]


def test_title_and_headings_carry_their_styles():
    root = _document_xml(to_docx(diff_chain(_docs(KEJI))))

    def styled(style: str) -> list[str]:
        return [_paragraph_text(p) for p in root.xpath(f"//w:body/w:p[w:pPr/w:pStyle/@w:val='{style}']", namespaces=NS)]

    # the front page's title, then the law's own `# 国家科学技术奖励条例`
    assert styled("Title") == ["国家科学技术奖励条例", "国家科学技术奖励条例"]
    # `## 第一章 总 则` … `## 第五章 附 则`, centred
    chapters = styled("Heading1")
    assert chapters[0] == "修改概览" and chapters[1:] == [
        "第一章 总 则", "第二章 国家科学技术奖的设置", "第三章 国家科学技术奖的提名、评审和授予", "第四章 法律责任",
        "第五章 附 则"]
    assert len(root.xpath("//w:p[w:pPr/w:pStyle/@w:val='Heading1'][w:pPr/w:jc/@w:val='center']", namespaces=NS)) == 5


def _paragraph_text(p, side: str = "new") -> str:
    """The paragraph's text with its changes accepted (new) or rejected (old)."""
    out = []
    for t in p.iter(W + "t", W + "delText"):
        inserted = any(a.tag == W + "ins" for a in t.iterancestors())
        if (t.tag == W + "t") if side == "new" else not inserted:
            out.append(t.text or "")
    return "".join(out)


def test_hohhot_edits_are_tracked_where_they_were_made(hohhot):
    _, data = hohhot
    root = _document_xml(data)
    paragraphs = root.findall(f"{W}body/{W}p")
    new_text = {i: _paragraph_text(p) for i, p in enumerate(paragraphs)}
    old_text = {i: _paragraph_text(p, "old") for i, p in enumerate(paragraphs)}

    def at(prefix: str, texts) -> int:
        (found,) = [i for i, t in texts.items() if t.startswith(prefix)]
        return found

    three = paragraphs[at("3.打造一批自治区级创新平台", new_text)]
    assert three.xpath(".//w:del//w:delText/text()", namespaces=NS) == ["300万元"]
    assert three.xpath(".//w:ins//w:t/text()", namespaces=NS) == ["200万元"]
    deleted = paragraphs[at("24.加强知识产权保护", old_text)]
    assert deleted.find(f"{W}pPr/{W}rPr/{W}del") is not None and not deleted.xpath(".//w:t", namespaces=NS)
    added = paragraphs[at("26." + ADDED[:10], new_text)]
    assert added.find(f"{W}pPr/{W}rPr/{W}ins") is not None
    assert "".join(added.xpath("./w:ins//w:t/text()", namespaces=NS)) == "26." + ADDED
    # measure 7 moved from action (二) to the end of action (八): deleted there, inserted here as 22
    moved_from = at("7.支持驻呼高校院所加大研发投入", old_text)
    assert not new_text[moved_from]
    assert at("(二)实施研发投入", new_text) < moved_from < at("(三)实施新质生产力", new_text)
    moved_to = at("22.支持驻呼高校院所加大研发投入", new_text)
    assert not old_text[moved_to]
    assert at("(八)实施政校企", new_text) < moved_to < at("(九)实施创新创业生态", new_text)
    # measure 17 -> 16: the number and the order of its first two units changed
    lead = paragraphs[at("16.集聚高层次创新人才", new_text)]
    assert "17" in lead.xpath(".//w:delText/text()", namespaces=NS)
    assert "16" in lead.xpath(".//w:ins//w:t/text()", namespaces=NS)
    changes = root.xpath("//w:ins|//w:del", namespaces=NS)
    assert {(c.get(W + "author"), c.get(W + "date")) for c in changes} == {(AUTHOR, "2024-10-13T00:00:00Z")}
    ids = [c.get(W + "id") for c in root.xpath("//w:ins|//w:del|//w:bookmarkStart", namespaces=NS)]
    assert len(ids) == len(set(ids))


def test_the_tables_at_a_glance_list_the_six_edits_and_link_to_the_clauses(hohhot):
    chain, data = hohhot
    rows = glance_rows(chain.overall)
    # measure 3: 不低于300万元 -> 不低于200万元 for 内蒙古实验室…等创新平台, a grant
    assert (rows[0].table, rows[0].clause, rows[0].cells[:2], rows[0].cells[3]) == (
        "money", "3.打造一批自治区级创新平台", ("不低于300万元", "不低于200万元"), "奖补")
    assert rows[0].cells[2].startswith("内蒙古实验室")
    # measure 17 -> 16: 市委组织部 and 市人力资源和社会保障局 swap places, so the lead changes
    assert (rows[1].table, rows[1].clause) == ("leads", "16.集聚高层次创新人才（原17）")
    assert "组织部" in rows[1].cells[0] and "人力资源和社会保障局" in rows[1].cells[1]
    # the measure added at the end of action (九) and measure 24 deleted
    assert [(r.table, r.clause) for r in rows[2:]] == [("added", "26.建设科技成果展示中心"),
                                                      ("deleted", "24.加强知识产权保护")]
    root = _document_xml(data)
    tables = root.findall(f"{W}body/{W}tbl")
    headers = [["".join(c.xpath(".//w:t/text()", namespaces=NS)) for c in t.find(W + "tr").findall(W + "tc")]
               for t in tables]
    assert headers == [["序号", "条款", "原文", "修改后", "对象", "性质"], ["序号", "条款", "原文", "修改后"],
                       ["序号", "条款", "内容"], ["序号", "条款", "内容"]]
    anchors = [a for t in tables for a in t.xpath(".//w:hyperlink/@w:anchor", namespaces=NS)]
    assert anchors == [r.anchor for r in rows]
    for anchor, number, side in zip(anchors, ("3.", "16.", "26.", "24."), ("new", "new", "new", "old")):
        (mark,) = root.xpath(f"//w:bookmarkStart[@w:name='{anchor}']", namespaces=NS)
        assert _paragraph_text(mark.getparent(), side).startswith(number)


def test_every_money_and_lead_change_of_a_law_has_a_row_with_a_working_link():
    chain = diff_chain(_docs(CHAINS["zhian 2012-2025"]))
    rows = [r for r in glance_rows(chain.overall) if r.table in ("money", "leads")]
    wanted = [f for c in chain.overall.changes for f in c.fields
              if f.field == "money" or f.change == "lead_changed"]
    assert len(rows) == len(wanted) > 10
    root = _document_xml(to_docx(chain))
    names = set(root.xpath("//w:bookmarkStart/@w:name", namespaces=NS))
    assert {r.anchor for r in rows} <= names
    assert all(re.match(r"第[一二三四五六七八九十百零]+条", r.clause) for r in rows)


def test_same_input_same_bytes_and_the_revision_date(hohhot):
    chain, data = hohhot
    assert to_docx(chain) == data
    unchanged = _document_xml(to_docx(diff_chain([ingested(HOHHOT.name)] * 2)))
    assert not unchanged.xpath("//w:ins|//w:del|//w:tbl", namespaces=NS)
    assert "条款：无变化。" in etree.tostring(unchanged, encoding="unicode")
    law = diff_chain(_docs(KEJI))
    zhian = diff_chain(_docs(CHAINS["zhian 2012-2025"]))
    dates = lambda d: set(_document_xml(d).xpath("//w:ins/@w:date|//w:del/@w:date", namespaces=NS))  # noqa: E731
    assert dates(to_docx(law)) == {"2024-05-26T00:00:00Z"}  # 2024年5月26日 … 第四次修订
    assert dates(to_docx(zhian)) == {"2000-01-01T00:00:00Z"}  # the 2025 text states no date
    given = to_docx(law, author="法制处", date=datetime(2025, 1, 2, 9, 30))
    assert dates(given) == {"2025-01-02T09:30:00Z"}
    assert set(_document_xml(given).xpath("//w:ins/@w:author", namespaces=NS)) == {"法制处"}


def test_cli_writes_docx_with_author_and_date_and_needs_an_output_folder(tmp_path):
    old, new = (CORPUS / n for n in KEJI)
    run = lambda *args: CliRunner().invoke(cli, ["diff", str(old), str(new), *map(str, args)])  # noqa: E731
    result = run("-o", tmp_path, "--format", "docx", "--author", "审核组", "--date", "2025-01-02")
    assert result.exit_code == 0, result.output
    (written,) = tmp_path.iterdir()
    assert written.name == "law-guojia-keji-jiangli-tiaoli-2020--law-guojia-keji-jiangli-tiaoli-2024.diff.docx"
    root = _document_xml(written.read_bytes())
    assert set(root.xpath("//w:ins/@w:author|//w:ins/@w:date", namespaces=NS)) == {"审核组", "2025-01-02T00:00:00Z"}
    assert run("--format", "docx").exit_code == 2
    assert run("-o", tmp_path, "--format", "docx", "--author", " ").exit_code == 2
    assert run("-o", tmp_path, "--format", "docx", "--date", "2025-13-01").exit_code == 2
    result = run("-o", tmp_path / "all", "--format", "all")
    assert result.exit_code == 0, result.output
    assert sorted(p.suffix for p in (tmp_path / "all").iterdir()) == [".docx", ".html", ".json", ".md"]


def test_build_writes_a_word_redline_for_each_version_chain(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in KEJI:
        shutil.copy(CORPUS / name, corpus / name)
    (corpus / "VERSIONS").write_text(" ".join(KEJI) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 0, result.output
    stem = "law-guojia-keji-jiangli-tiaoli-2020--law-guojia-keji-jiangli-tiaoli-2024.diff"
    written = (tmp_path / "out" / "diffs" / f"{stem}.docx").read_bytes()
    assert written == to_docx(diff_chain(_docs(KEJI)))


def test_the_hohhot_redline_in_outputs_is_current(hohhot):
    stem = "hohhot-2024-keji-qiangshi-draft--edited.diff.docx"
    stale = "outputs/ is stale: run `python bench/diff_docx_screenshot.py`"
    assert (ROOT / "outputs" / stem).read_bytes() == hohhot[1], stale
    assert (ROOT / "outputs" / f"{stem}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", stale


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None,
                    reason="LibreOffice or pdftotext not installed (apt-get install -y libreoffice-writer-nogui "
                           "poppler-utils)")
def test_libreoffice_opens_it_and_prints_the_changes(hohhot, tmp_path):
    source = tmp_path / "redline.docx"
    source.write_bytes(hohhot[1])
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "redline.pdf"
    assert pdf.exists(), "LibreOffice did not convert the DOCX"

    text = subprocess.run([PDFTOTEXT, str(pdf), "-"], check=True, capture_output=True, timeout=60).stdout
    every = [re.sub(r"\s+", "", page) for page in text.decode("utf-8").split("\f")]
    # the front matter runs until the page where the text of the new version starts
    start = re.sub(r"\s+", "", reading_lines(_hohhot_edited())[0])
    body_from = next(k for k, page in enumerate(every) if page.startswith(start))
    first, pages = "".join(every[:body_from]), every[body_from:]
    for label in ("修订对照稿", "修改概览", "资金变化", "牵头单位变化", "新增条款", "删除条款", "序号", "条款", "原文",
                  "修改后", "对象", "性质", "3.打造一批", "不低于300万", "不低于200万", "奖补"):
        assert label in first, label
    assert all(re.search(rf"—{n}—$", page) for n, page in enumerate(pages, body_from + 1) if page)
    body = re.sub(r"—\d+—", "", "".join(pages))
    # both the deleted and the inserted amount are printed, as tracked changes are shown
    assert "3.打造一批自治区级创新平台" in body and "每年给予不低于300万元200万元科技经费支持" in body
    assert "26.建设科技成果展示中心" in body


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed (apt-get install -y libreoffice-writer-nogui)")
def test_libreoffice_reads_the_changes_as_revisions_and_saves_them_back(hohhot, tmp_path):
    source = tmp_path / "redline.docx"
    source.write_bytes(hohhot[1])
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "saved"), str(source)],
                   check=True, capture_output=True, timeout=180)
    saved = (tmp_path / "saved" / "redline.docx").read_bytes()
    root = _document_xml(saved)
    assert set(root.xpath("//w:ins/@w:author|//w:del/@w:author", namespaces=NS)) == {AUTHOR}
    # what LibreOffice writes back still accepts to the new version and rejects to the old
    assert load_bytes(_body_only(saved, True), "a.docx").text.splitlines() == _source_lines(_hohhot_edited())
    assert load_bytes(_body_only(saved, False), "r.docx").text.splitlines() == _source_lines(ingested(HOHHOT.name))
