"""What a Word draft keeps beside its body: footnotes and endnotes at the clause citing them, reviewers'
comments over the text they comment on, headers and footers as page furniture, text boxes in order.

The draft is the Hohhot text as a DOCX, with what its drafters and reviewers would add: a footnote
on the 三清零全覆盖 campaign (measure 6), an endnote on 国发〔2023〕16号 (preamble), a 市财政局 comment
on measure 2's 500万元 promise, a running header and a page-number footer, and the status line
(征求意见稿) in a text box. The text read must be the draft's own, so the tree, notes and money are
those of the text file.
"""
from __future__ import annotations

import json

import pytest

from load_fixtures import HOHHOT, text_lines
from office_fixtures import COMMENT, COMMENTED, ENDNOTE, FOOTNOTE, HEADER, hohhot_as_reviewed
from pipeline import api
from pipeline.load import load_bytes


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
