"""A DOCX with tracked changes reads as Word prints it with every change accepted."""
from __future__ import annotations

from docx_tracked import ACCEPTED, TRACKED
from load_fixtures import docx_with_document_xml
from pipeline.load import load_bytes


def test_the_loader_reads_a_tracked_document_with_every_change_accepted():
    text = load_bytes(docx_with_document_xml(TRACKED), "t.docx").text
    assert text.splitlines() == ACCEPTED
