"""Numbering warnings on edited copies of real documents."""
import re

from conftest import HOHHOT, ingested
from pipeline import api
from pipeline.load import load_bytes

TEXT = HOHHOT.read_text(encoding="utf-8")


def parse(text):
    return api.parse(load_bytes(text.encode("utf-8"), "edited.txt"))


def codes(doc):
    return [(w.code, doc.text[w.start:w.end]) for w in doc.all_warnings()]


def test_a_deleted_measure_leaves_a_gap():
    start = TEXT.index("\n3.打造一批自治区级创新平台")
    end = TEXT.index("\n4.培育一批新型研发机构")
    doc = parse(TEXT[:start] + TEXT[end:])
    assert codes(doc) == [("W101", "4.")]


def test_a_repeated_number_is_a_duplicate():
    doc = parse(TEXT.replace("\n8.加快优势产业提档升级", "\n7.加快优势产业提档升级"))
    assert ("W102", "7.") in codes(doc)


def test_a_skipped_level_is_reported():
    edited = re.sub(r"\n\(一\)实施创新平台“能级提升”行动\n", "\n", TEXT)
    doc = parse(edited)
    assert ("W104", "1.") in codes(doc)
    measures = [n for n in doc.nodes() if n.kind == "measure"]
    assert len(measures) == 26 and measures[0].id == "p2.m1"


def test_a_document_that_always_goes_from_part_to_numbered_measure_skips_no_level():
    doc = ingested("liuhe-lvyou-shishi-yijian-2019.html")
    assert [w for w in doc.all_warnings() if w.code == "W104"] == []
