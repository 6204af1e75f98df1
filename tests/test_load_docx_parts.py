"""What a Word draft keeps beside its body: footnotes and endnotes at the clause citing them, reviewers'
comments over the text they comment on, headers and footers as page furniture, text boxes in order.

The draft is the Hohhot text as a DOCX, with what its drafters and reviewers would add: a footnote
on the 三清零全覆盖 campaign (measure 6), an endnote on 国发〔2023〕16号 (preamble), a 市财政局 comment
on measure 2's 500万元 promise, a running header and a page-number footer, and the status line
(征求意见稿) in a text box. The text read must be the draft's own, so the tree, notes and money are
those of the text file.
"""
from __future__ import annotations

import io
import json

import pytest

from load_fixtures import HOHHOT, W_NS, text_lines
from pipeline import api
from pipeline.load import load_bytes

FOOTNOTE = "“三清零”指规上工业企业研发机构、研发活动、研发费用清零。"
ENDNOTE = "《国务院关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见》于2023年10月印发。"
COMMENT = "建议明确500万元的资金来源（市本级财政或科技专项资金）。"
COMMENTED = "连续3年每年给予不低于500万元科技经费支持"
HEADER = "关于建设科技强市 促进首府高质量发展的实施意见（征求意见稿）"


def _reference(kind: str, ident: int) -> str:
    return (f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:{kind}Reference w:id="{ident}"/></w:r>')


def _notes_part(kind: str, text: str) -> bytes:
    separators = "".join(f'<w:{kind} w:type="{t}" w:id="{i}"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
                         for i, t in ((-1, "separator"), (0, "continuationSeparator")))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s xmlns:w="{W_NS}">{separators}'
            f'<w:{kind} w:id="1"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r>'
            f'</w:p></w:{kind}></w:{kind}s>').encode()


def _text_box(text: str) -> str:
    """A floating text box as Word writes it: DrawingML, with a VML copy for older readers."""
    content = f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
    return (f'<w:r xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml">'
            '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
            f'<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
            f'</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>'
            '</mc:Fallback></mc:AlternateContent></w:r>')


def hohhot_as_reviewed() -> bytes:
    """The Hohhot draft as a DOCX with notes, a comment, header, footer and a text box (see module doc)."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    footer = section.footer.paragraphs[0]
    footer.add_run("— ")
    ns = f'xmlns:w="{W_NS}"'
    for xml in (f'<w:fldChar {ns} w:fldCharType="begin"/>', f'<w:instrText {ns} xml:space="preserve"> PAGE </w:instrText>',
                f'<w:fldChar {ns} w:fldCharType="separate"/>', f'<w:t {ns}>3</w:t>', f'<w:fldChar {ns} w:fldCharType="end"/>'):
        footer.add_run()._r.append(parse_xml(xml))
    footer.add_run(" —")
    for line in text_lines():
        if line == "(征求意见稿)":
            document.add_paragraph()._p.append(parse_xml(_text_box(line)))
            continue
        paragraph = document.add_paragraph()
        if "三清零全覆盖”" in line:
            head, tail = line.split("三清零全覆盖”", 1)
            paragraph.add_run(head + "三清零全覆盖”")
            paragraph._p.append(parse_xml(_reference("footnote", 1)))
            paragraph.add_run(tail)
        elif "(国发〔2023〕16号)" in line:
            head, tail = line.split("(国发〔2023〕16号)", 1)
            paragraph.add_run(head + "(国发〔2023〕16号)")
            paragraph._p.append(parse_xml(_reference("endnote", 1)))
            paragraph.add_run(tail)
        elif line.startswith("2.创建一批国家级创新平台"):
            head, tail = line.split(COMMENTED, 1)
            paragraph.add_run(head)
            commented = paragraph.add_run(COMMENTED)
            paragraph.add_run(tail)
            comment = document.add_comment(commented, text=COMMENT, author="市财政局", initials="CZJ")
            comment._comment_elm.set(qn("w:date"), "2024-10-20T09:30:00Z")
        else:
            paragraph.add_run(line)
    for kind, text in (("footnote", FOOTNOTE), ("endnote", ENDNOTE)):
        part = Part(PackURI(f"/word/{kind}s.xml"),
                    f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml",
                    _notes_part(kind, text), document.part.package)
        document.part.relate_to(part, getattr(RT, f"{kind.upper()}S"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def reviewed():
    source = load_bytes(hohhot_as_reviewed(), "hohhot-reviewed.docx")
    return source, api.ingest_source(source)


def test_the_text_read_is_the_drafts_own(reviewed):
    source, doc = reviewed
    assert source.text.splitlines() == text_lines()  # no note, comment, header or footer text in it
    plain = api.ingest_file(HOHHOT)
    assert [(n.id, n.kind, n.title) for n in doc.nodes()] == [(n.id, n.kind, n.title) for n in plain.nodes()]
    assert doc.status == plain.status == "征求意见稿"  # read from the text box, where the title expects it
    assert len(doc.layer("money")) == len(plain.layer("money"))


def test_footnotes_and_endnotes_sit_at_the_clause_citing_them(reviewed):
    source, doc = reviewed
    layer = doc.layer("footnotes")
    measure6 = next(n for n in doc.nodes() if n.kind == "measure" and n.ordinal == 6)
    preamble = next(n for n in doc.nodes() if n.kind == "preamble")
    (note,) = layer.of(measure6.id)
    assert (note.kind, note.number, note.text) == ("footnote", 1, FOOTNOTE)
    assert note.start == note.end and source.text[:note.start].endswith("三清零全覆盖”")
    (endnote,) = layer.of(preamble.id)
    assert (endnote.kind, endnote.number, endnote.text) == ("endnote", 1, ENDNOTE)
    assert source.text[:endnote.start].endswith("(国发〔2023〕16号)")


def test_a_reviewers_comment_is_kept_over_the_text_it_comments_on(reviewed):
    source, doc = reviewed
    measure2 = next(n for n in doc.nodes() if n.kind == "measure" and n.ordinal == 2)
    (comment,) = doc.layer("comments").of(measure2.id)
    assert (comment.author, comment.date, comment.text) == ("市财政局", "2024-10-20T09:30:00Z", COMMENT)
    assert source.text[comment.start:comment.end] == COMMENTED


def test_headers_and_footers_are_page_furniture_kept_as_metadata(reviewed):
    source, _ = reviewed
    assert dict(source.metadata)["header"] == HEADER
    assert "footer" not in dict(source.metadata)  # only a page number: nothing to keep
    assert HEADER not in source.text


def test_notes_and_comments_are_in_the_document_json_and_the_feed(reviewed):
    _, doc = reviewed
    written = json.loads(api.document_json(doc))
    notes = written["layers"]["footnotes"]["records"]
    assert [(node, [r["kind"] for r in records]) for node, records in notes.items()] == [
        ("preamble", ["endnote"]), ("p2.a2.m6", ["footnote"])]
    assert written["layers"]["comments"]["records"]["p2.a1.m2"][0]["author"] == "市财政局"
    feed = {record["id"]: record for record in map(json.loads, api.feed_lines(doc))}
    assert feed["p2.a2.m6"]["footnotes"][0]["text"] == FOOTNOTE
    assert feed["p2.a1.m2"]["comments"][0]["text"] == COMMENT
    assert feed["p2.a1.m1"]["footnotes"] == [] and feed["p2.a1.m1"]["comments"] == []


def test_other_formats_have_empty_note_and_comment_layers():
    doc = api.ingest_file(HOHHOT)
    assert len(doc.layer("footnotes")) == len(doc.layer("comments")) == 0
    assert json.loads(api.document_json(doc))["layers"]["comments"] == {"records": {}, "warnings": []}
