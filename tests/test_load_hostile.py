"""Hostile inputs: XXE, billion laughs, zip bomb, oversized, empty, binary: one-line errors."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from load_fixtures import EXPECTED, hostile_files, zip_bomb
from pipeline.errors import InputError
from pipeline.load import MAX_BYTES, load, load_bytes


def test_each_hostile_file_is_a_one_line_error(tmp_path):
    files = hostile_files(tmp_path)
    assert set(files) == set(EXPECTED)
    for name, path in files.items():
        with pytest.raises(InputError, match=EXPECTED[name]) as info:
            load(path)
        assert "\n" not in str(info.value) and name in str(info.value)


def test_zip_bomb_is_refused_before_inflating():
    data = zip_bomb()
    assert len(data) < 2 * 1024 * 1024
    with pytest.raises(InputError, match="zip"):
        load_bytes(data, "bomb.docx")


def test_oversized_bytes_are_refused_without_parsing():
    with pytest.raises(InputError, match="larger than"):
        load_bytes(b"a" * (MAX_BYTES + 1), "big.txt")


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=2048), suffix=st.sampled_from([".txt", ".html", ".docx", ".pdf", ""]))
def test_arbitrary_bytes_load_or_raise_input_error(data, suffix):
    try:
        source = load_bytes(data, "x" + suffix)
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert source.text


@settings(max_examples=100, deadline=None)
@given(body=st.text(max_size=300))
def test_arbitrary_markup_text_loads_or_raises_input_error(body):
    try:
        load_bytes(f"<html><body><p>{body}</p></body></html>".encode("utf-8", "surrogatepass"), "x.html")
    except InputError as exc:
        assert "\n" not in str(exc)


def test_the_xml_parser_itself_resolves_no_entity_even_without_the_refusal():
    from lxml import etree

    from load_fixtures import LAUGHS_XML, XXE_XML
    from pipeline.load.guard import xml_parser

    root = etree.fromstring(XXE_XML, parser=xml_parser())
    assert "root:" not in "".join(root.itertext())  # /etc/passwd was not read
    try:
        root = etree.fromstring(LAUGHS_XML, parser=xml_parser())
    except etree.XMLSyntaxError:
        return
    assert len("".join(root.itertext())) < 1000


def test_zip_with_too_many_entries_or_not_a_word_file_is_refused():
    import io
    import zipfile

    from pipeline.load.guard import MAX_ZIP_ENTRIES

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for i in range(MAX_ZIP_ENTRIES + 1):
            archive.writestr(f"word/media/{i}.bin", b"")
    with pytest.raises(InputError, match="entries"):
        load_bytes(out.getvalue(), "many.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match="not a Word document"):
        load_bytes(out.getvalue(), "sheet.docx")
